"""The probability that an attribution is right, from how it was made.

A logistic model over indicator features (the rules that fired, the quote's kind, where the cue is, how far,
how long the mention is, how often the article names the speaker, whether an 'according to' follows, other
reporting verbs around the cue, whether the quote before had the same speaker), then an isotonic map that
corrects what is left of its calibration. Both are fitted on PolNeAR train by `scripts/fit_confidence.py`, which writes
`confidence.json` beside this module: a few hundred numbers, read once, no library needed at run time.
"right" is the shared scorer's: the quote is a gold direct quote and the speaker mention overlaps its source.
"""
from __future__ import annotations

import bisect
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Protocol

MODEL_PATH = Path(__file__).with_name("confidence.json")


@dataclass(frozen=True)
class AttributionFeatures:
    """What is known of how an attribution was made. Plain values: the fitting script reads them too."""

    cue_rule: str
    mention_rule: str
    name_rule: str
    kind: str = "full"
    cue_after: bool = True  # the cue follows the quote ('“...,” he said')
    distance: int = 0  # characters between the quote's marks and the cue
    mention_words: int = 1
    name_seen: int = 0  # how many times the article names the speaker by surname
    syntactic: bool = False  # the quote's words depend on the cue in the parse
    inverted: bool = False  # the mention follows the cue ('said Jane Roe')
    cue_lemma: str = ""  # the cue's first word, as a lemma ('say', 'tell', ':')
    quote_words: int = 0
    source_after: bool = False  # 'according to' follows in the cue's sentence: another source may be the one
    other_cues: int = 0  # reporting verbs in the cue's sentence besides the cue, outside the quote
    same_as_previous: bool = False  # the speaker named is the one named for the quote before

    def indicators(self) -> list[str]:
        """The names of the model's inputs that are 1 for this attribution (all others are 0)."""
        return [
            f"cue={self.cue_rule}",
            f"mention={self.mention_rule}",
            f"name={self.name_rule}",
            f"cue={self.cue_rule}&name={self.name_rule}",
            f"kind={self.kind}",
            f"after={self.cue_after}",
            f"syntactic={self.syntactic}",
            "distance=" + bucket(self.distance, (3, 20, 80)),
            "mention_words=" + bucket(self.mention_words, (1, 3)),
            "name_seen=" + bucket(self.name_seen, (0, 1, 3)),
            f"inverted={self.inverted}",
            f"cue_lemma={self.cue_lemma}",
            "quote_words=" + bucket(self.quote_words, (3, 8, 20)),
            f"source_after={self.source_after}",
            "other_cues=" + bucket(self.other_cues, (0, 1)),
            f"same_as_previous={self.same_as_previous}",
        ]


def bucket(value: int, upper_bounds: tuple[int, ...]) -> str:
    """'<=3', '<=20', ... or '>80': which of the ranges closed above by `upper_bounds` holds `value` (the indicator
    of a count, for this model and reported speech's)."""
    for bound in upper_bounds:
        if value <= bound:
            return f"<={bound}"
    return f">{upper_bounds[-1]}"


class HasIndicators(Protocol):
    """Features a model reads: the names of its inputs that are 1."""

    def indicators(self) -> list[str]: ...


@dataclass(frozen=True)
class ConfidenceModel:
    """Logistic weights per indicator and an isotonic map of the logistic output (fitted on train)."""

    bias: float
    weights: dict[str, float]
    iso_x: tuple[float, ...]  # increasing logistic outputs ...
    iso_y: tuple[float, ...]  # ... and the share right at each (non-decreasing)

    def probability(self, features: HasIndicators) -> float:
        """The calibrated probability for `features` (an attribution's or a reported clause's), in [0, 1]."""
        return self.probability_of(features.indicators())

    def probability_of(self, indicators: Iterable[str]) -> float:
        """The calibrated probability for the indicators that are 1 (all others are 0)."""
        z = self.bias + sum(self.weights.get(name, 0.0) for name in indicators)
        # clamped: absurd inputs must not overflow exp(); within +-30 the logistic is unchanged
        return self.calibrate(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))))

    def calibrate(self, p: float) -> float:
        """The isotonic map at `p`, interpolated between its points."""
        if not self.iso_x:
            return p
        k = bisect.bisect_left(self.iso_x, p)
        if k == 0:
            return self.iso_y[0]
        if k == len(self.iso_x):
            return self.iso_y[-1]
        x0, x1, y0, y1 = self.iso_x[k - 1], self.iso_x[k], self.iso_y[k - 1], self.iso_y[k]
        return y0 + (y1 - y0) * (p - x0) / (x1 - x0) if x1 > x0 else y1

    def to_dict(self) -> dict[str, Any]:
        return {"bias": self.bias, "weights": self.weights, "isotonic": {"x": self.iso_x, "y": self.iso_y}}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ConfidenceModel:
        iso = data.get("isotonic") or {"x": [], "y": []}
        return cls(
            bias=float(data["bias"]),
            weights={str(k): float(v) for k, v in data["weights"].items()},
            iso_x=tuple(float(x) for x in iso["x"]),
            iso_y=tuple(float(y) for y in iso["y"]),
        )


@cache
def load_model(path: Path = MODEL_PATH) -> ConfidenceModel:
    """The committed model (read once per process, on first use: nothing is read at import)."""
    return ConfidenceModel.from_dict(json.loads(path.read_text(encoding="utf-8")))


def attribution_confidence(features: AttributionFeatures, model: ConfidenceModel | None = None) -> float:
    """The probability, measured on PolNeAR, that an attribution made as `features` say is right."""
    return round((model or load_model()).probability(features), 3)
