"""The probability that reported speech is attributed right, by construction and naming rule.

Written by scripts/fit_reported_confidence.py from PolNeAR train; '*' is the fallback of its level.
"""
from __future__ import annotations

REPORTED_CONFIDENCE: dict[str, dict[str, float]] = {
    "*": {
        "*": 0.71,  # 10537 on train
    },
    "according_to": {
        "*": 0.91,  # 334 on train
        "unresolved": 0.92,  # 197 on train
    },
    "accused_of": {
        "*": 0.6,  # 1929 on train
        "new_name": 0.55,  # 141 on train
        "pronoun_antecedent": 0.64,  # 265 on train
        "pronoun_unresolved": 0.47,  # 177 on train
        "proper_name": 0.64,  # 767 on train
        "unresolved": 0.53,  # 396 on train
    },
    "clause_first": {
        "*": 0.72,  # 222 on train
    },
    "object_content": {
        "*": 0.64,  # 2839 on train
        "new_name": 0.65,  # 258 on train
        "organisation": 0.65,  # 120 on train
        "pronoun_antecedent": 0.71,  # 357 on train
        "pronoun_unresolved": 0.48,  # 253 on train
        "proper_name": 0.7,  # 1059 on train
        "unresolved": 0.56,  # 630 on train
    },
    "said_that_clause": {
        "*": 0.84,  # 3982 on train
        "anonymous": 0.89,  # 268 on train
        "new_name": 0.86,  # 330 on train
        "organisation": 0.87,  # 141 on train
        "pronoun_antecedent": 0.84,  # 548 on train
        "pronoun_unresolved": 0.56,  # 356 on train
        "proper_name": 0.91,  # 1425 on train
        "unresolved": 0.8,  # 812 on train
    },
    "urged_to": {
        "*": 0.62,  # 1205 on train
        "pronoun_antecedent": 0.62,  # 168 on train
        "pronoun_unresolved": 0.53,  # 121 on train
        "proper_name": 0.72,  # 410 on train
        "unresolved": 0.52,  # 312 on train
    },
}


def reported_confidence(rule: str, name_rule: str) -> float:
    """The fitted probability for a construction and naming rule, falling back to coarser levels."""
    by_rule = REPORTED_CONFIDENCE.get(rule, REPORTED_CONFIDENCE["*"])
    return by_rule.get(name_rule, by_rule["*"])
