"""The probability that reported speech is attributed right, by construction and naming rule.

Written by scripts/fit_reported_confidence.py from PolNeAR train; '*' is the fallback of its level.
"""
from __future__ import annotations

REPORTED_CONFIDENCE: dict[str, dict[str, float]] = {
    "*": {
        "*": 0.71,  # 10568 on train
    },
    "according_to": {
        "*": 0.93,  # 334 on train
        "unresolved": 0.93,  # 199 on train
    },
    "accused_of": {
        "*": 0.6,  # 1935 on train
        "new_name": 0.55,  # 141 on train
        "pronoun_antecedent": 0.63,  # 267 on train
        "pronoun_unresolved": 0.47,  # 180 on train
        "proper_name": 0.65,  # 770 on train
        "unresolved": 0.54,  # 394 on train
    },
    "clause_first": {
        "*": 0.71,  # 216 on train
    },
    "object_content": {
        "*": 0.62,  # 2901 on train
        "new_name": 0.63,  # 261 on train
        "organisation": 0.61,  # 128 on train
        "pronoun_antecedent": 0.71,  # 359 on train
        "pronoun_unresolved": 0.47,  # 261 on train
        "proper_name": 0.68,  # 1083 on train
        "unresolved": 0.55,  # 643 on train
    },
    "said_that_clause": {
        "*": 0.84,  # 3952 on train
        "anonymous": 0.89,  # 267 on train
        "new_name": 0.86,  # 330 on train
        "organisation": 0.87,  # 137 on train
        "pronoun_antecedent": 0.85,  # 537 on train
        "pronoun_unresolved": 0.56,  # 358 on train
        "proper_name": 0.91,  # 1414 on train
        "unresolved": 0.8,  # 807 on train
    },
    "urged_to": {
        "*": 0.62,  # 1203 on train
        "pronoun_antecedent": 0.63,  # 168 on train
        "pronoun_unresolved": 0.52,  # 122 on train
        "proper_name": 0.73,  # 411 on train
        "unresolved": 0.52,  # 311 on train
    },
}


def reported_confidence(rule: str, name_rule: str) -> float:
    """The fitted probability for a construction and naming rule, falling back to coarser levels."""
    by_rule = REPORTED_CONFIDENCE.get(rule, REPORTED_CONFIDENCE["*"])
    return by_rule.get(name_rule, by_rule["*"])
