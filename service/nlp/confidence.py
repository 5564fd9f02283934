"""The probability that an attribution is right, from the rules that made it."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AttributionFeatures:
    """What is known of how an attribution was made: its cue, mention and speaker rules."""

    cue_rule: str
    mention_rule: str
    name_rule: str
    base: float | None = None  # a context rule's: the confidence of the speaker it continues


_BY_NAME_RULE = {
    "pronoun_antecedent": 0.75,
    "pronoun_unresolved": 0.3,
    "proper_name": 0.9,
    "organisation": 0.8,
    "new_name": 0.6,
    "appositive_name": 0.8,
    "description": 0.7,
    "anonymous": 0.8,
    "unresolved": 0.4,
}
_CONTEXT_FACTOR = {"preceding_sentence": 0.85, "paragraph_context": 0.8}


def attribution_confidence(features: AttributionFeatures) -> float:
    """The confidence of an attribution made as `features` say."""
    factor = _CONTEXT_FACTOR.get(features.cue_rule)
    if factor is not None and features.base is not None:
        return round(features.base * factor, 2)
    return _BY_NAME_RULE.get(features.name_rule, 0.4)
