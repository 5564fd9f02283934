"""Who is quoted across a request: one entry per distinct named speaker, over all its articles.

Computed after the cache (per-article results know nothing of each other), like the variant groups.
Two quotes have one speaker when their speakers' names are the same person:
- the same name, ignoring case, middle initials and a leading "the" ("Donald J. Trump" = "Donald Trump");
- a bare surname ("Trump") and the one full name of the request with that surname ("Donald Trump"); when
  the request names two people with that surname ("Gary Johnson", "Boris Johnson"), "Johnson" stays apart.
People and organisations never merge. Speakers without a name ("a source") have no entry.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from service.nlp.types import Speaker


@dataclass(frozen=True)
class QuotedSpeaker:
    """One quote's speaker, where it was quoted."""

    article_id: str
    quote_id: str
    speaker: Speaker


@dataclass
class SpeakerEntry:
    """A distinct speaker of the request: its fullest name, type, roles, mentions, articles and quotes."""

    id: str
    name: str
    type: str
    roles: list[str] = field(default_factory=list)
    mentions: list[str] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    quote_ids: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "roles": self.roles,
            "mentions": self.mentions,
            "article_ids": self.article_ids,
            "quote_ids": self.quote_ids,
        }


def name_key(name: str) -> tuple[str, ...]:
    """The words that identify a name: lower case, without middle initials or a leading 'the'."""
    words = [w.strip(",").casefold() for w in name.split()]
    if words and words[0] == "the":
        words = words[1:]
    if len(words) > 2:
        words = [words[0]] + [w for w in words[1:-1] if len(w.rstrip(".")) > 1] + [words[-1]]
    return tuple(words)


def speaker_table(quoted: Sequence[QuotedSpeaker]) -> tuple[list[SpeakerEntry], dict[str, str]]:
    """The request's speakers in order of first quote, and the speaker id of each quote id that has one."""
    named = [q for q in quoted if q.speaker.name and q.speaker.type in ("person", "organisation")]
    keys = {(q.speaker.type, name_key(q.speaker.name or "")) for q in named}
    # full names per (type, surname): a bare surname joins the full name when it is the only one
    full_by_surname: dict[tuple[str, str], set[tuple[str, ...]]] = {}
    for kind, key in keys:
        if len(key) >= 2 and kind == "person":
            full_by_surname.setdefault((kind, key[-1]), set()).add(key)

    def identity(q: QuotedSpeaker) -> tuple[str, tuple[str, ...]]:
        key = name_key(q.speaker.name or "")
        if len(key) == 1:
            full = full_by_surname.get((q.speaker.type, key[0]), set())
            if len(full) == 1:
                return q.speaker.type, next(iter(full))
        return q.speaker.type, key

    entries: dict[tuple[str, tuple[str, ...]], SpeakerEntry] = {}
    ids: dict[str, str] = {}
    for q in named:
        who = identity(q)
        entry = entries.get(who)
        if entry is None:
            entry = entries[who] = SpeakerEntry(id=f"s{len(entries) + 1}", name=q.speaker.name or "", type=who[0])
        name = q.speaker.name or ""
        if len(name_key(name)) > len(name_key(entry.name)) or len(name) > len(entry.name) and name_key(name) == who[1]:
            entry.name = name  # the fullest form any article gives
        _add_once(entry.roles, q.speaker.role)
        _add_once(entry.mentions, q.speaker.mention.text if q.speaker.mention else None)
        _add_once(entry.article_ids, q.article_id)
        entry.quote_ids.append(q.quote_id)
        ids[q.quote_id] = entry.id
    return list(entries.values()), ids


def _add_once(values: list[str], value: str | None) -> None:
    if value and value not in values:
        values.append(value)
