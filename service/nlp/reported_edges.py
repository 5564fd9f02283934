"""Fitted by scripts/fit_reported_edges.py on PolNeAR train: the edge phrases of a reported clause's content
that PolNeAR mostly leaves out (key: side|label|separator|POS -> train count, share left out)."""
from __future__ import annotations

REPORTED_EDGES: dict[str, tuple[int, float]] = {}
