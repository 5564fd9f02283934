"""Which cue lemmas report which kind of content; written by scripts/fit_reported_cues.py from PolNeAR train."""
from __future__ import annotations

REPORTED_CUES: dict[str, frozenset[str]] = {
    "ccomp": frozenset("say tell report argue claim note show find believe think warn suggest".split()),
    "passive": frozenset("report tell".split()),
    "xcomp": frozenset("urge want plan promise vow".split()),
    "dobj": frozenset("cite".split()),
    "prep": frozenset(["accuse of", "call for"]),
    "noun": frozenset("claim statement warning".split()),
}
