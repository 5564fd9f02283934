"""Which cues report without a source; written by scripts/fit_unsourced_cues.py from PolNeAR train.

raising: a verb whose subject and complement are what is reported ('seems unlikely'); passive: a passive cue
with no agent ('is expected to'); adverb: a hearsay adverb ('reportedly').
"""
from __future__ import annotations

# kind -> {lemma: (clauses seen on train, share of them right)}
UNSOURCED_CUE_COUNTS: dict[str, dict[str, tuple[int, float]]] = {
    "raising": {
        "seem": (183, 0.48), "appear": (146, 0.49), "advise": (3, 0.33), "regard": (3, 0.67), "title": (3, 1.00),
    },
    "passive": {
        "expect": (88, 0.82), "see": (46, 0.41), "ask": (30, 0.73), "know": (25, 0.72), "consider": (20, 0.35),
        "charge": (12, 0.58), "mean": (9, 0.44), "accuse": (8, 0.50), "criticize": (8, 0.75), "intend": (8, 0.38),
        "invite": (6, 0.33), "say": (6, 0.50), "challenge": (5, 0.60), "list": (5, 0.40), "report": (5, 0.40),
        "show": (5, 0.80), "declare": (4, 1.00), "deem": (4, 0.75), "describe": (4, 0.75), "nominate": (4, 0.75),
        "press": (4, 0.50), "argue": (3, 0.67), "celebrate": (3, 0.67), "define": (3, 0.33), "disclose": (3, 0.33),
        "dismiss": (3, 0.67), "favor": (3, 0.33), "greet": (3, 0.33), "identify": (3, 0.67), "mention": (3, 0.67),
        "portray": (3, 0.67), "project": (3, 0.67), "recognize": (3, 1.00), "regard": (3, 0.67),
    },
    "adverb": {
        "reportedly": (24, 0.54), "seemingly": (8, 0.38), "derisively": (3, 0.67),
    },
}
UNSOURCED_CUES: dict[str, frozenset[str]] = {
    kind: frozenset(cues) for kind, cues in UNSOURCED_CUE_COUNTS.items()
}
