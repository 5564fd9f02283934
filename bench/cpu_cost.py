"""CPU cost of a cache miss against raw spaCy, by CPU seconds in one process: a figure the machine's load hardly moves.

    .venv/bin/python bench/cpu_cost.py [../shared/data/polnear/dev.jsonl] [--rounds 2]

In one run, over the same texts, each measured as CPU seconds of this process (`time.process_time`):
  raw      the model as shipped, every component, `nlp.pipe`;
  before   the service's extraction (parse_batch + extract) with the model's attribute_ruler and lemmatizer;
  after    the same with pos_and_lemma in their place (the service's pipeline today).
Each after a first round that warms caches (spaCy's lazily built tables, pos_and_lemma's words). A miss on
W workers of an idle machine does about W x (raw / after) the raw words/s: bench/throughput.py measures that
wall-clock ratio, which other work on a shared machine pulls down.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402
from spacy.language import Language  # noqa: E402

from service.nlp import extract_batch, load_pipeline  # noqa: E402
from service.nlp.pipeline import MODEL_NAME, TAGGING_COMPONENTS  # noqa: E402


def cpu_of(work: Callable[[], object], rounds: int) -> float:
    """Smallest CPU seconds of `rounds` runs of `work`, after one warm-up run."""
    work()
    best = float("inf")
    for _ in range(rounds):
        started = time.process_time()
        work()
        best = min(best, time.process_time() - started)
    return best


def model_tagging(nlp: Language) -> Language:
    """The service's pipeline with the model's own attribute_ruler and lemmatizer instead of pos_and_lemma."""
    nlp.remove_pipe("pos_and_lemma")
    for name in TAGGING_COMPONENTS:
        nlp.enable_pipe(name)
    return nlp


def main(argv: Sequence[str] | None = None) -> int:
    """Measure the three, print CPU seconds per 1,000 words and the ratios."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("texts", nargs="?", default=str(ROOT.parent / "shared" / "data" / "polnear" / "dev.jsonl"))
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args(argv)
    texts = [json.loads(line)["text"] for line in Path(args.texts).read_text(encoding="utf-8").splitlines() if line]
    words = sum(len(text.split()) for text in texts)
    raw = spacy.load(MODEL_NAME)
    after = load_pipeline()
    before = model_tagging(load_pipeline())
    costs = {
        "raw spaCy, full model": cpu_of(lambda: list(raw.pipe(texts)), args.rounds),
        "service miss, model's ruler + lemmatizer": cpu_of(lambda: extract_batch(before, texts), args.rounds),
        "service miss, pos_and_lemma": cpu_of(lambda: extract_batch(after, texts), args.rounds),
    }
    print(f"{len(texts)} articles, {words} words; CPU seconds, best of {args.rounds} after a warm-up")
    print(f"{'':44} {'CPU s':>7} {'ms / 1k words':>14} {'raw / this':>11}")
    base = costs["raw spaCy, full model"]
    for name, seconds in costs.items():
        print(f"{name:44} {seconds:>7.2f} {seconds / words * 1e6:>14.1f} {base / seconds:>11.2f}")
    now, then = costs["service miss, pos_and_lemma"], costs["service miss, model's ruler + lemmatizer"]
    print(f"on 2 idle cores a miss would run at about {2 * base / now:.2f} x raw spaCy's words/s "
          f"(before: {2 * base / then:.2f} x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
