"""Frozen values of variant matching: the quotes that go in and the groups that come out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# The values of VariantMember.relation and WordChange.op, spelled once.
RELATIONS = ("identical", "fragment", "reworded", "stitched")
CHANGE_OPS = ("replace", "insert", "delete")


@dataclass(frozen=True)
class QuoteRef:
    """One quote of the request: its id, the words inside the marks, its speaker and article."""

    quote_id: str  # unique across the request, e.g. "000_x.txt#q3"
    text: str  # exactly as printed, e.g. "From the beginning, I liked him … we have mutual love,"
    speaker: str | None  # canonical name, e.g. "Donald Trump"; None when nobody is named
    article_id: str


@dataclass(frozen=True)
class WordChange:
    """One word-level difference of a member against its group's fullest rendering."""

    op: str  # one of CHANGE_OPS
    from_: str | None  # words of the fullest rendering, as printed (None for an insert)
    to: str | None  # words of the member, as printed (None for a delete)

    def to_dict(self) -> dict[str, Any]:
        """JSON shape: {"op": "replace", "from": "could", "to": "can"}."""
        return {"op": self.op, "from": self.from_, "to": self.to}


@dataclass(frozen=True)
class VariantMember:
    """A quote of a group and how it renders the group's fullest rendering."""

    quote_id: str
    relation: str  # one of RELATIONS; the fullest rendering itself is "identical"
    similarity: float  # in [0, 1], 3 decimals: how faithfully its words render what it quotes
    changes: tuple[WordChange, ...]  # empty for an identical rendering or an exact fragment

    def to_dict(self) -> dict[str, Any]:
        """JSON shape of one member."""
        return {
            "quote_id": self.quote_id,
            "relation": self.relation,
            "similarity": self.similarity,
            "changes": [c.to_dict() for c in self.changes],
        }


@dataclass(frozen=True)
class VariantGroup:
    """Quotes that render one utterance; the canonical quote is its fullest rendering, or the earliest published.

    `relation` and `changes` of every member describe it against the fullest rendering; that is the
    canonical quote unless `chronology.order_by_published` named the earliest one canonical.
    """

    id: str  # "g1", "g2", ... in a deterministic order
    canonical_quote_id: str
    members: tuple[VariantMember, ...]  # the canonical quote first; at least 2
    speaker_conflict: bool  # members name different speakers: a possible misattribution
    fullest_quote_id: str = ""  # set when it differs from canonical_quote_id (see chronology)

    @property
    def fullest(self) -> str:
        """The quote id of the fullest rendering, which relations and changes refer to."""
        return self.fullest_quote_id or self.canonical_quote_id

    def to_dict(self) -> dict[str, Any]:
        """JSON shape of one group."""
        return {
            "id": self.id,
            "canonical_quote_id": self.canonical_quote_id,
            "fullest_quote_id": self.fullest,
            "members": [m.to_dict() for m in self.members],
            "speaker_conflict": self.speaker_conflict,
        }
