"""The probability that reported speech is attributed right, by construction and naming rule.

Written by scripts/fit_reported_confidence.py from PolNeAR train; '*' is the fallback of its level.
"""
from __future__ import annotations

REPORTED_CONFIDENCE: dict[str, dict[str, float]] = {
    "*": {
        "*": 0.73,  # 10862 on train
    },
    "according_to": {
        "*": 0.91,  # 333 on train
        "unresolved": 0.92,  # 197 on train
    },
    "accused_of": {
        "*": 0.62,  # 1843 on train
        "new_name": 0.56,  # 138 on train
        "pronoun_antecedent": 0.68,  # 248 on train
        "pronoun_unresolved": 0.5,  # 167 on train
        "proper_name": 0.68,  # 730 on train
        "unresolved": 0.56,  # 380 on train
    },
    "agentless_passive": {
        "*": 0.68,  # 304 on train
        "unresolved": 0.68,  # 304 on train
    },
    "clause_first": {
        "*": 0.73,  # 219 on train
    },
    "object_content": {
        "*": 0.64,  # 2819 on train
        "new_name": 0.65,  # 258 on train
        "organisation": 0.65,  # 118 on train
        "pronoun_antecedent": 0.72,  # 350 on train
        "pronoun_unresolved": 0.48,  # 251 on train
        "proper_name": 0.7,  # 1055 on train
        "unresolved": 0.57,  # 625 on train
    },
    "raising_verb": {
        "*": 0.54,  # 299 on train
        "unresolved": 0.54,  # 299 on train
    },
    "said_that_clause": {
        "*": 0.84,  # 3966 on train
        "anonymous": 0.89,  # 269 on train
        "new_name": 0.86,  # 331 on train
        "organisation": 0.87,  # 140 on train
        "pronoun_antecedent": 0.85,  # 540 on train
        "pronoun_unresolved": 0.57,  # 350 on train
        "proper_name": 0.91,  # 1426 on train
        "unresolved": 0.8,  # 808 on train
    },
    "urged_to": {
        "*": 0.71,  # 1022 on train
        "pronoun_antecedent": 0.69,  # 144 on train
        "pronoun_unresolved": 0.61,  # 104 on train
        "proper_name": 0.8,  # 363 on train
        "unresolved": 0.64,  # 243 on train
    },
}


def reported_confidence(rule: str, name_rule: str) -> float:
    """The fitted probability for a construction and naming rule, falling back to coarser levels."""
    by_rule = REPORTED_CONFIDENCE.get(rule, REPORTED_CONFIDENCE["*"])
    return by_rule.get(name_rule, by_rule["*"])
