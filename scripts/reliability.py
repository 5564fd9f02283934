#!/usr/bin/env python3
"""Print the reliability table of speaker.confidence on a PolNeAR split (default dev), in-process.

usage: python scripts/reliability.py [../shared/data/polnear/dev.jsonl] [--docs DIR] [--rules] [--misses N]

The bins, ECE and precision at confidence >= 0.9 are the shared speakers scorer's (quotes without a speaker
count as confidence 0); `names` is its share of quotes with a proper-name gold source whose surname
speaker.name holds. --rules adds how often each rule decided and the share right.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from attribution_data import POLNEAR, Attribution, attributions, load_rows, parse

from service.nlp.pipeline import load_pipeline

BINS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001)


def report(scored: list[Attribution], rules: bool, misses: int) -> str:
    items = [(a.quote.speaker.confidence if a.quote.speaker else 0.0, a.right) for a in scored]
    lines = [f"{'confidence':>10} {'quotes':>7} {'right':>7} {'mean conf':>10}"]
    ece = 0.0
    for lo, hi in zip(BINS, BINS[1:], strict=False):
        sel = [(c, r) for c, r in items if lo <= c < hi]
        if sel:
            share = sum(r for _, r in sel) / len(sel)
            mean = sum(c for c, _ in sel) / len(sel)
            ece += len(sel) / len(items) * abs(share - mean)
            lines.append(f"{lo:.1f}-{min(hi, 1):.1f}".rjust(10) + f" {len(sel):>7} {share:>7.3f} {mean:>10.3f}")
    high = [r for c, r in items if c >= 0.9]
    named = [a for a in scored if a.gold_surname]
    names_ok = [a for a in named if a.quote.speaker and a.gold_surname.lower() in (a.quote.speaker.name or "").lower()]  # type: ignore[union-attr]
    lines.insert(0, f"names: {len(names_ok)}/{len(named)} = {len(names_ok) / max(1, len(named)):.4f}")
    lines.append(
        f"ECE {ece:.4f}; precision at confidence >= 0.9: {sum(high) / max(1, len(high)):.4f} "
        f"of {len(high)} ({len(high) / max(1, len(items)):.0%} of {len(items)} quotes)"
    )
    if rules:
        for field in ("cue_rule", "mention_rule", "name_rule"):
            fired: Counter[str] = Counter()
            right: Counter[str] = Counter()
            for a in scored:
                if a.features is not None:
                    fired[getattr(a.features, field)] += 1
                    right[getattr(a.features, field)] += a.right
            lines.append(f"{field}: " + ", ".join(f"{r} {n} ({right[r] / n:.2f})" for r, n in fired.most_common()))
    for a in [a for a in named if a not in names_ok][:misses]:
        got = a.quote.speaker.name if a.quote.speaker else None
        lines.append(f"  name miss: gold {a.gold_surname!r} -> got {got!r}  ({a.article_id}: {a.quote.text[:50]!r})")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="?", default=str(POLNEAR / "dev.jsonl"))
    ap.add_argument("--docs", default="", help="directory to cache parsed articles in")
    ap.add_argument("--rules", action="store_true", help="also print each rule's count and share right")
    ap.add_argument("--misses", type=int, default=0, help="name misses to print")
    args = ap.parse_args()
    rows = load_rows(Path(args.gold))
    docs = parse(load_pipeline(), rows, Path(args.docs) if args.docs else None)
    print(report(attributions(rows, docs), args.rules, args.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
