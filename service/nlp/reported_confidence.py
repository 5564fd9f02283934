"""The probability that reported speech is attributed right, by construction and naming rule.

Written by scripts/fit_reported_confidence.py from PolNeAR train; '*' is the fallback of its level.
"""
from __future__ import annotations

REPORTED_CONFIDENCE: dict[str, dict[str, float]] = {
    "*": {
        "*": 0.73,  # 11071 on train
    },
    "according_to": {
        "*": 0.91,  # 334 on train
        "unresolved": 0.92,  # 198 on train
    },
    "accused_of": {
        "*": 0.63,  # 1865 on train
        "new_name": 0.56,  # 142 on train
        "pronoun_antecedent": 0.68,  # 253 on train
        "pronoun_unresolved": 0.51,  # 171 on train
        "proper_name": 0.68,  # 736 on train
        "unresolved": 0.56,  # 383 on train
    },
    "agentless_passive": {
        "*": 0.68,  # 308 on train
        "unresolved": 0.68,  # 308 on train
    },
    "clause_first": {
        "*": 0.73,  # 220 on train
    },
    "object_content": {
        "*": 0.64,  # 2871 on train
        "new_name": 0.66,  # 264 on train
        "organisation": 0.65,  # 119 on train
        "pronoun_antecedent": 0.72,  # 356 on train
        "pronoun_unresolved": 0.49,  # 261 on train
        "proper_name": 0.7,  # 1067 on train
        "unresolved": 0.57,  # 633 on train
    },
    "raising_verb": {
        "*": 0.54,  # 302 on train
        "unresolved": 0.54,  # 302 on train
    },
    "said_that_clause": {
        "*": 0.85,  # 3965 on train
        "anonymous": 0.9,  # 269 on train
        "new_name": 0.86,  # 331 on train
        "organisation": 0.87,  # 139 on train
        "pronoun_antecedent": 0.85,  # 541 on train
        "pronoun_unresolved": 0.58,  # 339 on train
        "proper_name": 0.91,  # 1434 on train
        "unresolved": 0.81,  # 810 on train
    },
    "urged_to": {
        "*": 0.71,  # 1024 on train
        "pronoun_antecedent": 0.69,  # 145 on train
        "pronoun_unresolved": 0.63,  # 101 on train
        "proper_name": 0.79,  # 367 on train
        "unresolved": 0.64,  # 243 on train
    },
}


def reported_confidence(rule: str, name_rule: str) -> float:
    """The fitted probability for a construction and naming rule, falling back to coarser levels."""
    by_rule = REPORTED_CONFIDENCE.get(rule, REPORTED_CONFIDENCE["*"])
    return by_rule.get(name_rule, by_rule["*"])
