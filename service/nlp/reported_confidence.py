"""The probability that reported speech is attributed right, by construction and naming rule.

Written by scripts/fit_reported_confidence.py from PolNeAR train; '*' is the fallback of its level.
"""
from __future__ import annotations

REPORTED_CONFIDENCE: dict[str, dict[str, float]] = {
    "*": {
        "*": 0.72,  # 10056 on train
    },
    "according_to": {
        "*": 0.93,  # 334 on train
        "anonymous": 0.89,  # 32 on train
        "organisation": 0.98,  # 35 on train
        "proper_name": 0.87,  # 35 on train
        "unresolved": 0.93,  # 199 on train
    },
    "accused_of": {
        "*": 0.59,  # 1858 on train
        "anonymous": 0.72,  # 64 on train
        "new_name": 0.52,  # 135 on train
        "organisation": 0.57,  # 65 on train
        "pronoun_antecedent": 0.63,  # 267 on train
        "pronoun_unresolved": 0.46,  # 181 on train
        "proper_name": 0.64,  # 745 on train
        "unresolved": 0.54,  # 357 on train
    },
    "clause_first": {
        "*": 0.71,  # 216 on train
        "pronoun_antecedent": 0.79,  # 57 on train
        "pronoun_unresolved": 0.63,  # 36 on train
        "proper_name": 0.67,  # 54 on train
        "unresolved": 0.64,  # 34 on train
    },
    "object_content": {
        "*": 0.64,  # 2663 on train
        "anonymous": 0.63,  # 65 on train
        "description": 0.63,  # 43 on train
        "new_name": 0.64,  # 245 on train
        "organisation": 0.63,  # 121 on train
        "pronoun_antecedent": 0.71,  # 360 on train
        "pronoun_unresolved": 0.45,  # 249 on train
        "proper_name": 0.69,  # 1018 on train
        "unresolved": 0.57,  # 535 on train
    },
    "said_that_clause": {
        "*": 0.85,  # 3838 on train
        "anonymous": 0.91,  # 256 on train
        "appositive_name": 0.94,  # 35 on train
        "description": 0.86,  # 64 on train
        "new_name": 0.87,  # 319 on train
        "organisation": 0.87,  # 135 on train
        "pronoun_antecedent": 0.85,  # 538 on train
        "pronoun_unresolved": 0.55,  # 343 on train
        "proper_name": 0.91,  # 1380 on train
        "unresolved": 0.82,  # 768 on train
    },
    "urged_to": {
        "*": 0.63,  # 1120 on train
        "anonymous": 0.61,  # 33 on train
        "new_name": 0.56,  # 84 on train
        "organisation": 0.69,  # 41 on train
        "pronoun_antecedent": 0.62,  # 172 on train
        "pronoun_unresolved": 0.52,  # 120 on train
        "proper_name": 0.74,  # 392 on train
        "unresolved": 0.55,  # 254 on train
    },
}


def reported_confidence(rule: str, name_rule: str) -> float:
    """The fitted probability for a construction and naming rule, falling back to coarser levels."""
    by_rule = REPORTED_CONFIDENCE.get(rule, REPORTED_CONFIDENCE["*"])
    return by_rule.get(name_rule, by_rule["*"])
