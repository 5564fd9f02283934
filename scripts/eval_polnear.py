#!/usr/bin/env python3
"""Score the extractor in-process on a PolNeAR split with the shared scorer (no HTTP, same conversion).

usage: python scripts/eval_polnear.py [../shared/data/polnear/dev.jsonl] [--limit N] [--pred OUT.jsonl]
                                     [--exclude ner,lemmatizer]   (--exclude '' loads every component)
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from service.nlp import extract_batch, load_pipeline  # noqa: E402
from service.nlp.pipeline import EXCLUDED_COMPONENTS  # noqa: E402


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, SHARED / "eval" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("gold", nargs="?", default=str(SHARED / "data" / "polnear" / "dev.jsonl"))
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--pred", default="/tmp/polnear.pred.jsonl")
    ap.add_argument("--exclude", default=",".join(EXCLUDED_COMPONENTS),
                    help="model components to leave out, comma-separated (default: the service's, %(default)s)")
    args = ap.parse_args()
    service_client, scorer = _load("polnear_service"), _load("score")
    rows = [json.loads(line) for line in open(args.gold, encoding="utf-8") if line.strip()]
    if args.limit:
        rows = rows[: args.limit]
    nlp = load_pipeline(exclude=[name for name in args.exclude.split(",") if name])
    print(f"components: {', '.join(nlp.pipe_names)}", file=sys.stderr)
    t0 = time.perf_counter()
    results = extract_batch(nlp, [r["text"] for r in rows])
    seconds = time.perf_counter() - t0
    with open(args.pred, "w", encoding="utf-8") as out:
        for row, quotes in zip(rows, results, strict=True):
            article = {"quotes": [q.to_dict() for q in quotes if q.kind != "term"]}
            out.write(json.dumps({"id": row["id"], "quotes": service_client.convert(article, row["text"])}) + "\n")
    words = sum(len(r["text"].split()) for r in rows)
    print(f"{len(rows)} articles, {words} words, {seconds:.1f} s, {words / seconds:.0f} words/s", file=sys.stderr)
    result = scorer.score(rows, scorer.load_jsonl(args.pred), direct_only=True)
    print(scorer.format_report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
