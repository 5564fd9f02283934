"""The people and organisations an article names, and how its mentions resolve to one canonical name.

The entity recogniser is not loaded (see pipeline.py), so names come from the parse: a run of proper
nouns is a name, a title before it is a role, and any later mention whose last word is a known surname
resolves to the fullest form the article used.
"""
from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from service.nlp.lexicon import (
    ANONYMOUS_HEADS,
    FEMALE_HONORIFICS,
    HONORIFICS,
    MALE_HONORIFICS,
    ORGANISATION_HEADS,
    ORGANISATION_MODIFIERS,
    PLACE_FIRST_WORDS,
    PLACE_LAST_WORDS,
    POSSESSIVE_MARKERS,
    REPORTING_VERBS,
    ROLE_ACRONYMS,
    ROLE_NOUNS,
    STANDALONE_ORGANISATIONS,
    TITLE_WORDS,
)
from service.nlp.pipeline import article_text


@dataclass
class Person:
    """One person of the article: fullest name, role words seen before the name, gender if said."""

    name: str
    role: str | None = None
    gender: str | None = None
    positions: list[int] = field(default_factory=list)

    @property
    def surname(self) -> str:
        return self.name.split()[-1].lower()

    def role_words(self) -> set[str]:
        return {w.lower().rstrip(".") for w in (self.role or "").split()}


@dataclass(frozen=True)
class NameParts:
    """A name read off tokens: the name words, the title/role words before them, an honorific's gender."""

    name: str
    role: str | None
    gender: str | None
    start: int
    end: int


class NameRegistry:
    """People of one article keyed by surname, built once per document."""

    def __init__(self, doc: Doc) -> None:
        self.people: dict[str, Person] = {}
        self._mentions: list[tuple[int, Person]] = []
        # Proper-noun runs after a title ("Ontario Premier Doug Ford") or of two words and more are names; in a
        # headline every word is capitalised, so its runs say nothing ("Black Lawmakers Rip Donald Trump").
        headlines = _headline_lines(article_text(doc))
        for token in doc:
            if token.pos_ == "PROPN" and token.dep_ != "compound" and not _inside(token.idx, headlines):
                parts = name_parts(token)
                if parts and (parts.role or len(parts.name.split()) >= 2) and _looks_personal(token, parts):
                    self._add(parts)
        for token in doc:
            if token.pos_ == "PROPN" and token.dep_ != "compound":
                person = self.people.get(token.text.lower())
                if person is not None:
                    self._mentions.append((token.idx, person))
        self._mentions.sort(key=lambda m: m[0])

    def _add(self, parts: NameParts | None) -> None:
        if parts is None:
            return
        key = parts.name.split()[-1].lower()
        person = self.people.get(key)
        if person is None:
            person = self.people[key] = Person(name=parts.name)
        elif len(parts.name.split()) > len(person.name.split()) <= 2:
            person.name = parts.name  # "Trump" seen first, "Donald Trump" later: keep the fuller form
        if parts.role and (person.role is None or len(parts.role) > len(person.role)):
            person.role = parts.role
        if parts.gender and person.gender is None:
            person.gender = parts.gender
        person.positions.append(parts.start)

    def person_for(self, token: Token) -> Person | None:
        """The person a proper-noun mention (head token) names, by its surname."""
        parts = name_parts(token)
        if parts is None:
            # The tagger sometimes calls a sentence-initial surname an adjective ("Trump, meanwhile, ...").
            return self.people.get(token.lower_) if token.text[:1].isupper() else None
        return self.people.get(parts.name.split()[-1].lower())

    def person_by_role(self, mention_head: Token, before: int) -> Person | None:
        """The person a description names ("the president", "the Canadian leader"), most recent first."""
        words = {mention_head.lemma_.lower()} | {
            c.text.lower().rstrip(".") for c in mention_head.lefts if c.dep_ in ("amod", "compound")
        }
        best: tuple[int, int, Person] | None = None
        for person in self.people.values():
            overlap = len(words & person.role_words())
            if not overlap:
                continue
            last_seen = max((p for p in person.positions if p < before), default=-1)
            candidate = (overlap, last_seen, person)
            if best is None or candidate[:2] > best[:2]:
                best = candidate
        return best[2] if best else None

    def recent_people(self, before: int) -> list[Person]:
        """People mentioned before offset `before`, most recent first, each once."""
        seen: list[Person] = []
        for pos, person in reversed(self._mentions):
            if pos < before and person not in seen:
                seen.append(person)
        return seen


def name_parts(head: Token) -> NameParts | None:
    """Name and role words of the proper-noun phrase headed by `head` ("U.S. President Donald Trump")."""
    if head.pos_ not in ("PROPN", "NOUN"):
        return None
    doc = head.doc
    # the contiguous run of name-like words that ends at the head, on one line, at most 7 words
    run: list[Token] = [head]
    i = head.i - 1
    while i >= 0 and len(run) < 7:
        t = doc[i]
        if "\n" in t.whitespace_ or "\n" in t.text or t.head.i < t.i and t.head.i > head.i:
            break
        if t.head.i != head.i and t.head.i not in {r.i for r in run}:
            break
        if not (t.pos_ == "PROPN" or t.lower_ in TITLE_WORDS):
            break
        run.insert(0, t)
        i -= 1
    last_title = max((k for k, t in enumerate(run) if t.lower_ in TITLE_WORDS), default=-1)
    role_tokens = run[: last_title + 1]
    name_tokens = [
        t
        for t in run[last_title + 1 :]
        if t.text[:1].isupper() and t.text not in POSSESSIVE_MARKERS and not reads_as_cue(t)
    ]
    if not name_tokens or name_tokens[-1].i != head.i:
        return None
    gender = None
    if any(t.lower_ in MALE_HONORIFICS for t in role_tokens):
        gender = "male"
    elif any(t.lower_ in FEMALE_HONORIFICS for t in role_tokens):
        gender = "female"
    role = " ".join(t.text for t in role_tokens if t.lower_ not in HONORIFICS) or None
    name = " ".join(t.text for t in name_tokens)
    return NameParts(name=name, role=role, gender=gender, start=run[0].idx, end=head.idx + len(head.text))


def organisation_of(head: Token) -> str | None:
    """The organisation a mention headed by `head` names, read off its words, or None.

    'CNN', 'Reuters', 'the Democratic National Committee', 'the Justice Department', 'the Trump campaign'.
    """
    text = head.text
    doc = head.doc
    label = head.i + 1 < len(doc) and doc[head.i + 1].text == ":"  # "TRUMP:" opens a transcript line
    if text.isupper() and text.isalpha() and 2 <= len(text) <= 5 and head.lower_ not in ROLE_ACRONYMS:
        return None if label else text  # an acronym: CNN, FBI, DNC, GOP
    if head.lower_ in STANDALONE_ORGANISATIONS and text[:1].isupper():
        return text
    if head.lower_ not in ORGANISATION_HEADS:
        return None
    run = [head]
    positions = {head.i}
    i = head.i - 1
    while i >= 0 and len(run) < 7 and doc[i].dep_ in ("compound", "amod", "nmod") and doc[i].text[:1].isupper():
        if "\n" in doc[i].whitespace_ or doc[i].head.i not in positions:
            break
        run.append(doc[i])
        positions.add(i)
        i -= 1
    run.reverse()
    if any(t.lower_ in TITLE_WORDS and t.lower_ not in ORGANISATION_MODIFIERS for t in run):
        return None  # "Sen. Frank Church": a title makes it a person
    return " ".join(t.text for t in run) if len(run) > 1 else None


def _headline_lines(text: str) -> list[tuple[int, int]]:
    """Lines of four words or more whose words nearly all start with a capital: headlines, in text order."""
    lines = []
    start = 0
    for line in text.split("\n"):
        words = [w for w in line.split() if w[:1].isalpha()]
        if len(words) >= 4 and sum(w[:1].isupper() for w in words) >= 0.8 * len(words):
            lines.append((start, start + len(line)))
        start += len(line) + 1
    return lines


def _inside(offset: int, lines: list[tuple[int, int]]) -> bool:
    """Is `offset` inside one of the sorted, disjoint `lines`?"""
    index = bisect.bisect_right(lines, (offset, math.inf)) - 1
    return index >= 0 and offset < lines[index][1]


def _names_a_place(parts: NameParts) -> bool:
    """'United States', 'North Korea', 'Wall Street', 'Election Day': a name made of place words."""
    words = parts.name.lower().split()
    return len(words) >= 2 and (words[-1] in PLACE_LAST_WORDS or words[0] in PLACE_FIRST_WORDS)


def reads_as_cue(token: Token) -> bool:
    """'Stated' in 'Stated Stone:', which the tagger reads as part of the name: a reporting verb's past form."""
    if not token.is_sent_start:
        return False
    word = token.lower_
    past = word.endswith("ed") and (word[:-1] in REPORTING_VERBS or word[:-2] in REPORTING_VERBS)
    return word in ("said", "says") or past


def _looks_personal(head: Token, parts: NameParts) -> bool:
    """A proper-noun run is a person's name unless its words make it a place or an organisation."""
    return organisation_of(head) is None and not _names_a_place(parts)


def is_anonymous(head: Token) -> bool:
    """'a source', 'one observer', 'officials': a speaker who names nobody."""
    if head.lemma_.lower() not in ANONYMOUS_HEADS and head.text.lower() not in ANONYMOUS_HEADS:
        return False
    return head.pos_ != "PROPN"


def is_role_description(head: Token) -> bool:
    """'the president', 'the Canadian leader': a description that stands for a named person."""
    if head.pos_ == "PROPN" and head.text.lower() != "potus":
        return False
    if head.lemma_.lower() not in ROLE_NOUNS and head.text.lower() not in ROLE_NOUNS:
        return False
    return any(c.dep_ in ("det", "poss") for c in head.lefts)
