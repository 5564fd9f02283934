"""The probability that reported speech is attributed right, by construction and naming rule.

Written by scripts/fit_reported_confidence.py from PolNeAR train; '*' is the fallback of its level.
"""
from __future__ import annotations

REPORTED_CONFIDENCE: dict[str, dict[str, float]] = {
    "*": {
        "*": 0.69,  # 10449 on train
    },
    "according_to": {
        "*": 0.93,  # 340 on train
        "anonymous": 0.9,  # 36 on train
        "organisation": 0.98,  # 36 on train
        "proper_name": 0.87,  # 35 on train
        "unresolved": 0.94,  # 203 on train
    },
    "accused_of": {
        "*": 0.58,  # 1814 on train
        "anonymous": 0.69,  # 69 on train
        "new_name": 0.59,  # 143 on train
        "organisation": 0.67,  # 64 on train
        "pronoun_antecedent": 0.53,  # 315 on train
        "pronoun_unresolved": 0.42,  # 167 on train
        "proper_name": 0.63,  # 679 on train
        "unresolved": 0.55,  # 342 on train
    },
    "clause_first": {
        "*": 0.7,  # 223 on train
        "pronoun_antecedent": 0.81,  # 58 on train
        "pronoun_unresolved": 0.61,  # 36 on train
        "proper_name": 0.68,  # 56 on train
        "unresolved": 0.61,  # 38 on train
    },
    "object_content": {
        "*": 0.61,  # 2720 on train
        "anonymous": 0.58,  # 68 on train
        "appositive_name": 0.65,  # 30 on train
        "new_name": 0.64,  # 231 on train
        "organisation": 0.6,  # 111 on train
        "pronoun_antecedent": 0.58,  # 442 on train
        "pronoun_unresolved": 0.41,  # 248 on train
        "proper_name": 0.69,  # 1022 on train
        "unresolved": 0.55,  # 539 on train
    },
    "said_that_clause": {
        "*": 0.8,  # 4214 on train
        "anonymous": 0.85,  # 282 on train
        "appositive_name": 0.94,  # 38 on train
        "description": 0.87,  # 38 on train
        "new_name": 0.82,  # 371 on train
        "organisation": 0.84,  # 157 on train
        "pronoun_antecedent": 0.7,  # 691 on train
        "pronoun_unresolved": 0.52,  # 369 on train
        "proper_name": 0.88,  # 1421 on train
        "unresolved": 0.8,  # 847 on train
    },
    "speech_noun": {
        "*": 0.45,  # 44 on train
    },
    "urged_to": {
        "*": 0.58,  # 1093 on train
        "anonymous": 0.6,  # 35 on train
        "new_name": 0.57,  # 90 on train
        "organisation": 0.62,  # 41 on train
        "pronoun_antecedent": 0.52,  # 195 on train
        "pronoun_unresolved": 0.43,  # 101 on train
        "proper_name": 0.7,  # 371 on train
        "unresolved": 0.51,  # 243 on train
    },
}


def reported_confidence(rule: str, name_rule: str) -> float:
    """The fitted probability for a construction and naming rule, falling back to coarser levels."""
    by_rule = REPORTED_CONFIDENCE.get(rule, REPORTED_CONFIDENCE["*"])
    return by_rule.get(name_rule, by_rule["*"])
