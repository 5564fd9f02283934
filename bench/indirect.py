#!/usr/bin/env python3
"""What `options.indirect` costs on a cache miss: analyse() with and without it, rounds alternating.

usage: python bench/indirect.py [../shared/data/polnear/dev.jsonl] [--limit 40] [--rounds 5]

Each round sends the same articles through `service.analysis.analyse` with a fresh in-process cache (so
every article is a miss: parse, extraction, encoding), once without and once with reported speech, in
alternating order. Prints the median seconds of each mode, words per second and the ratio with/without
measured in this run (the budget is 1.15), and the same for the process's CPU seconds (steadier than wall time on
a shared machine); then the median of each round's own ratio (its two misses ran back to back, so a drift in the
machine's speed between rounds cancels). Also times the reported-speech stage alone on parsed Docs.
Falls back to the seed articles without PolNeAR.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus import SHARED, load_texts, one_blas_thread  # noqa: E402

one_blas_thread()  # as the service's workers run, before numpy loads

from service.analysis import AnalysisOptions, ArticleInput, analyse  # noqa: E402
from service.cache import InMemoryCache  # noqa: E402
from service.nlp import extract_quotes, load_pipeline  # noqa: E402
from service.nlp.pipeline import parse_batch  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="?", default=str(SHARED / "data" / "polnear" / "dev.jsonl"))
    ap.add_argument("--limit", type=int, default=40)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    texts = load_texts(Path(args.gold), args.limit)
    words = sum(len(t.split()) for t in texts)
    articles = [ArticleInput(id=f"a{i}", text=t) for i, t in enumerate(texts)]
    nlp = load_pipeline()
    modes = {"quotations only": AnalysisOptions(variants=False),
             "with indirect": AnalysisOptions(variants=False, indirect=True)}
    analyse(articles[:2], modes["with indirect"], nlp=nlp, cache=InMemoryCache())  # warm up
    seconds: dict[str, list[float]] = {name: [] for name in modes}
    cpu: dict[str, list[float]] = {name: [] for name in modes}  # this process's CPU seconds: steadier than wall
    for n in range(args.rounds):
        order = list(modes) if n % 2 == 0 else list(reversed(modes))
        for name in order:
            t0, c0 = time.perf_counter(), time.process_time()
            analyse(articles, modes[name], nlp=nlp, cache=InMemoryCache())
            seconds[name].append(time.perf_counter() - t0)
            cpu[name].append(time.process_time() - c0)
    docs = list(parse_batch(nlp, texts))
    stage: dict[str, list[float]] = {"extract, quotations only": [], "extract, with indirect": []}
    for _ in range(args.rounds):
        for name, indirect in (("extract, quotations only", False), ("extract, with indirect", True)):
            t0 = time.perf_counter()
            for doc in docs:
                extract_quotes(doc, indirect=indirect)
            stage[name].append(time.perf_counter() - t0)
    base = statistics.median(seconds["quotations only"])
    print(f"{len(texts)} articles, {words} words, {args.rounds} rounds (median seconds)")
    cpu_base = statistics.median(cpu["quotations only"])
    print(f"{'mode':<28} {'seconds':>8} {'words/s':>9} {'ratio':>6} {'CPU s':>7} {'CPU ratio':>9}")
    for name, values in seconds.items():
        median, cpu_median = statistics.median(values), statistics.median(cpu[name])
        print(f"{'miss, ' + name:<28} {median:8.2f} {words / median:9.0f} {median / base:6.3f} "
              f"{cpu_median:7.2f} {cpu_median / cpu_base:9.3f}")
    # each round's two misses ran back to back: their ratio holds when the machine's speed drifts between rounds
    for label, values in (("wall", seconds), ("CPU", cpu)):
        paired = sorted(w / q for w, q in zip(values["with indirect"], values["quotations only"], strict=True))
        print(f"{'paired ratio, ' + label:<28} median {statistics.median(paired):.3f} "
              f"(min {paired[0]:.3f}, max {paired[-1]:.3f}; budget 1.15)")
    stage_base = statistics.median(stage["extract, quotations only"])
    for name, values in stage.items():
        median = statistics.median(values)
        print(f"{name:<28} {median:8.2f} {words / median:9.0f} {median / stage_base:6.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
