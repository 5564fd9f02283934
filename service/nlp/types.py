"""Frozen values that leave `service.nlp`: plain str/int/float, no spaCy objects."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

QuoteKind = Literal["full", "partial", "term", "indirect"]  # indirect: reported speech, no marks needed
SpeakerType = Literal["person", "organisation", "anonymous", "unknown"]
Resolution = Literal["cue", "pronoun", "title", "surname", "context", "none"]


@dataclass(frozen=True)
class TextSpan:
    """A character span of the caller's text; `text == article[start:end]`."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TextSpan:
        return cls(start=data["start"], end=data["end"], text=data["text"])


@dataclass(frozen=True)
class Speaker:
    """Who said a quote: canonical name, the mention next to the cue, and how it was resolved.

    `rule` names the rule that found the mention (`inverted_cue`, `according_to`, `paragraph_context`, ...),
    `name_rule` the rule that turned the mention into the name (`proper_name`, `pronoun_antecedent`, ...);
    `confidence` is the probability, measured on PolNeAR, that an attribution made so is right.
    """

    name: str | None
    mention: TextSpan | None
    type: SpeakerType
    role: str | None
    resolution: Resolution
    confidence: float
    rule: str
    name_rule: str
    id: str | None = None  # the request's speakers-table entry (set after the cache, see service/analysis.py)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "mention": self.mention.to_dict() if self.mention else None,
            "type": self.type,
            "role": self.role,
            "resolution": self.resolution,
            "confidence": self.confidence,
            "rule": self.rule,
            "name_rule": self.name_rule,
            "id": self.id,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Speaker:
        mention = data.get("mention")
        return cls(
            name=data["name"],
            mention=TextSpan.from_dict(mention) if mention else None,
            type=data["type"],
            role=data.get("role"),
            resolution=data["resolution"],
            confidence=data["confidence"],
            rule=data["rule"],
            name_rule=data["name_rule"],
            id=data.get("id"),
        )


@dataclass(frozen=True)
class Quote:
    """One quotation: the words inside the marks (first to last segment), its kind, speaker and cue."""

    start: int
    end: int
    text: str
    segments: tuple[TextSpan, ...]
    kind: QuoteKind
    speaker: Speaker | None
    cue: TextSpan | None
    # What is reported: the quote with its marks, or the writer's clause it is woven into
    # ('that voting fraud is “a big, big problem”').
    content: TextSpan

    @property
    def spoken_text(self) -> str:
        """The quoted words alone: the segments joined, without the attribution between them."""
        return " ".join(s.text for s in self.segments)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "segments": [s.to_dict() for s in self.segments],
            "kind": self.kind,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "content": self.content.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        return cls(
            start=data["start"],
            end=data["end"],
            text=data["text"],
            segments=tuple(TextSpan.from_dict(s) for s in data["segments"]),
            kind=data["kind"],
            speaker=Speaker.from_dict(data["speaker"]) if data.get("speaker") else None,
            cue=TextSpan.from_dict(data["cue"]) if data.get("cue") else None,
            content=TextSpan.from_dict(data["content"]),
        )
