#!/usr/bin/env python3
"""Where extraction time goes: each spaCy component, quote pairing, cues and speakers, variant grouping.

usage: python bench/stages.py [../shared/data/polnear/dev.jsonl] [--limit N]

Runs the service's pipeline one article at a time (no batching, so the component shares are comparable)
and prints seconds and the share of the total per stage. Falls back to the seed articles without PolNeAR.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from service.nlp import extract_quotes, load_pipeline  # noqa: E402
from service.nlp.quotes import find_quote_spans  # noqa: E402
from service.variants import QuoteRef, group_variants  # noqa: E402


def load_texts(path: Path, limit: int) -> list[str]:
    if path.exists():
        texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8") if line.strip()]
    else:
        texts = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "data" / "seeds" / "articles").glob("*"))]
    return texts[:limit] if limit else texts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="?", default=str(SHARED / "data" / "polnear" / "dev.jsonl"))
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    texts = load_texts(Path(args.gold), args.limit)
    nlp = load_pipeline()
    seconds: dict[str, float] = defaultdict(float)
    refs: list[QuoteRef] = []
    for n, text in enumerate(texts):
        t0 = time.perf_counter()
        doc = nlp.make_doc(text)
        seconds["spaCy tokenizer"] += time.perf_counter() - t0
        for name, component in nlp.pipeline:
            t0 = time.perf_counter()
            doc = component(doc)
            seconds[f"spaCy {name}"] += time.perf_counter() - t0
        t0 = time.perf_counter()
        find_quote_spans(text)
        pairing = time.perf_counter() - t0
        seconds["quote marks and pairing"] += pairing
        t0 = time.perf_counter()
        quotes = extract_quotes(doc)
        # extract_quotes pairs the marks again: count only what comes after
        seconds["kinds, cues and speakers"] += time.perf_counter() - t0 - pairing
        refs.extend(
            QuoteRef(f"a{n}#q{i}", q.spoken_text, q.speaker.name if q.speaker else None, f"a{n}")
            for i, q in enumerate(quotes)
        )
    t0 = time.perf_counter()
    group_variants(refs)
    seconds["variant grouping (whole set)"] += time.perf_counter() - t0
    total = sum(seconds.values())
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} articles, {words} words, {len(refs)} quotes, components: {', '.join(nlp.pipe_names)}")
    print(f"{'stage':<32} {'seconds':>8} {'share':>7}")
    for stage, value in seconds.items():
        print(f"{stage:<32} {value:8.2f} {value / total:7.1%}")
    print(f"{'total':<32} {total:8.2f} {1:7.1%}   ({words / total:.0f} words/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
