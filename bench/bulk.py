"""Bulk throughput: `quote-service bulk` on N worker processes against raw spaCy on the same texts, one run.

    .venv/bin/python bench/bulk.py [--train ../shared/data/polnear/train.jsonl] [--workers 2] [--limit 0]

1. raw    the model as shipped (every component, `spacy.load` defaults), `nlp.pipe` in this one process;
2. bulk   `run_local` (what `quote-service bulk FILE -o OUT --workers N` runs once the model is loaded): the
          same texts as JSON Lines plus one bad line in a hundred (malformed JSON, a missing text), so the
          output and the error path are paid for; output to a file; the forks of the workers included.
Prints seconds, words/s and the ratio bulk / raw (the issue asks >= 3.0 on 2 workers), CPU seconds of
each, and the load average: on a machine shared with other work the ratio is what counts.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from corpus import one_blas_thread  # noqa: E402

one_blas_thread()  # as `quote-service bulk` does (service/bulk_cli.py), before numpy loads

from service.bulk import BulkJob, run_local  # noqa: E402
from service.nlp import load_pipeline  # noqa: E402
from service.nlp.pipeline import MODEL_NAME  # noqa: E402

POLNEAR_TRAIN = ROOT.parent / "shared" / "data" / "polnear" / "train.jsonl"


def cpu_seconds() -> float:
    """CPU seconds of this process and of its finished children."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def raw_spacy(texts: Sequence[str]) -> tuple[float, float]:
    """Wall and CPU seconds of the full shipped model over `texts` in one `nlp.pipe`."""
    import spacy

    nlp = spacy.load(MODEL_NAME)
    for _ in nlp.pipe(texts[:4]):  # lazily built tables, as a warm service has them
        pass
    started, cpu = time.perf_counter(), cpu_seconds()
    for _ in nlp.pipe(texts):
        pass
    return time.perf_counter() - started, cpu_seconds() - cpu


def bulk(texts: Sequence[str], workers: int, folder: Path) -> tuple[float, float, int]:
    """Wall and CPU seconds of a bulk run over `texts` (plus bad lines), and the output lines."""
    source = folder / "in.jsonl"
    with open(source, "w", encoding="utf-8") as stream:
        for n, text in enumerate(texts):
            stream.write(json.dumps({"id": f"train-{n}", "text": text, "n": n}) + "\n")
            if n % 100 == 50:
                bad = f'{{"id": "broken-{n}", "text": ' if n % 200 == 50 else f'{{"id": "empty-{n}"}}'
                stream.write(bad + "\n")
    nlp = load_pipeline()
    for _ in nlp.pipe(texts[:4]):
        pass
    out = folder / "out.jsonl"
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    started, cpu = time.perf_counter(), cpu_seconds()
    try:
        tally = run_local(BulkJob((str(source),)), nlp, fd, workers=workers)
    finally:
        os.close(fd)
    seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu
    assert tally.errors == sum(1 for n in range(len(texts)) if n % 100 == 50)
    return seconds, cpu, sum(1 for _ in open(out, encoding="utf-8"))


def main(argv: Sequence[str] | None = None) -> int:
    """Run both, print the table."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--train", type=Path, default=POLNEAR_TRAIN, help="JSON Lines with a `text` per line")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--limit", type=int, default=0, help="first N articles only (0: all)")
    args = parser.parse_args(argv)
    texts = [json.loads(line)["text"] for line in args.train.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = texts[: args.limit] if args.limit else texts
    words = sum(len(text.split()) for text in texts)
    load_before = os.getloadavg()
    raw_wall, raw_cpu = raw_spacy(texts)
    with tempfile.TemporaryDirectory() as folder:
        bulk_wall, bulk_cpu, lines = bulk(texts, args.workers, Path(folder))
    print(f"{len(texts)} articles, {words} words; bulk on {args.workers} workers; "
          f"load {load_before[0]:.1f} before, {os.getloadavg()[0]:.1f} after")
    print(f"{'':38} {'wall s':>8} {'words/s':>9} {'CPU s':>8}")
    print(f"{'raw spaCy, full model, 1 process':38} {raw_wall:>8.1f} {words / raw_wall:>9.0f} {raw_cpu:>8.1f}")
    print(f"{f'bulk, {args.workers} workers, {lines} lines written':38} {bulk_wall:>8.1f} {words / bulk_wall:>9.0f} "
          f"{bulk_cpu:>8.1f}")
    print(f"bulk words/s / raw spaCy words/s: {raw_wall / bulk_wall:.2f} (issue 13 asks >= 3.0); "
          f"per CPU second: {raw_cpu / bulk_cpu:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
