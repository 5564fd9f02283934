#!/usr/bin/env python3
"""Score the extractor in-process on a PolNeAR split with the shared scorer (no HTTP, same conversion).

usage: python scripts/eval_polnear.py [../shared/data/polnear/dev.jsonl] [--limit N] [--pred OUT.jsonl]
                                     [--exclude ner,lemmatizer]   (--exclude '' loads every component)
                                     [--content | --marks-ceiling] [--indirect]

--content scores each one-segment quote's `content` (the reported clause, marks included) instead of its
segment widened to its marks, which is what the shared polnear_service.py conversion sends.
--marks-ceiling scores no extractor at all: it predicts every quoted span that overlaps a gold direct
content, widened like the shared conversion. That is the best any system whose segments hold only the
quoted words can do on content exact (speakers are left out, so ignore the other rows).
--indirect extracts reported speech too (the API's `options.indirect`) and scores every attribution, not
only the direct ones (what `score.py` does without --direct-only).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from attribution_data import shared_module  # noqa: E402

from service.nlp import extract_batch, load_pipeline  # noqa: E402
from service.nlp.pipeline import EXCLUDED_COMPONENTS  # noqa: E402
from service.nlp.quotes import find_quote_spans  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("gold", nargs="?", default=str(SHARED / "data" / "polnear" / "dev.jsonl"))
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--pred", default="/tmp/polnear.pred.jsonl")
    ap.add_argument("--exclude", default=",".join(EXCLUDED_COMPONENTS),
                    help="model components to leave out, comma-separated (default: the service's, %(default)s)")
    ap.add_argument("--content", action="store_true", help="score quote.content as the content span")
    ap.add_argument("--marks-ceiling", action="store_true", help="score the gold's own quoted spans (an oracle)")
    ap.add_argument("--indirect", action="store_true", help="extract reported speech; score all attributions")
    args = ap.parse_args()
    service_client, scorer = shared_module("polnear_service"), shared_module("score")
    rows = [json.loads(line) for line in open(args.gold, encoding="utf-8") if line.strip()]
    if args.limit:
        rows = rows[: args.limit]
    if args.marks_ceiling:
        return _marks_ceiling(rows, args.pred, service_client, scorer)
    nlp = load_pipeline(exclude=[name for name in args.exclude.split(",") if name])
    print(f"components: {', '.join(nlp.pipe_names)}", file=sys.stderr)
    t0 = time.perf_counter()
    results = extract_batch(nlp, [r["text"] for r in rows], indirect=args.indirect)
    seconds = time.perf_counter() - t0
    with open(args.pred, "w", encoding="utf-8") as out:
        for row, quotes in zip(rows, results, strict=True):
            predicted = []
            for quote in quotes:
                if quote.kind == "term":
                    continue
                converted = service_client.convert({"quotes": [quote.to_dict()]}, row["text"])
                if args.content and len(quote.segments) == 1:
                    converted[0]["content"] = {"start": quote.content.start, "end": quote.content.end}
                predicted.extend(converted)
            out.write(json.dumps({"id": row["id"], "quotes": predicted}) + "\n")
    words = sum(len(r["text"].split()) for r in rows)
    print(f"{len(rows)} articles, {words} words, {seconds:.1f} s, {words / seconds:.0f} words/s", file=sys.stderr)
    result = scorer.score(rows, scorer.load_jsonl(args.pred), direct_only=not args.indirect)
    print(scorer.format_report(result))
    return 0


def _marks_ceiling(rows: list[dict[str, Any]], pred_path: str, service_client: ModuleType, scorer: ModuleType) -> int:
    """Score every quoted span that overlaps a gold direct content: the ceiling of quoted-words segments."""
    with open(pred_path, "w", encoding="utf-8") as out:
        for row in rows:
            text = row["text"]
            gold = [(c["start"], c["end"]) for a in row["attributions"] if a["direct"] for c in a["content"]]
            predicted = []
            for span in find_quote_spans(text):
                for start, end in span.segments:
                    start, end = service_client.widen(text, start, end)
                    if any(start < g_end and g_start < end for g_start, g_end in gold):
                        predicted.append({"content": {"start": start, "end": end}, "speaker": None, "cue": None})
            out.write(json.dumps({"id": row["id"], "quotes": predicted}) + "\n")
    result = scorer.score(rows, scorer.load_jsonl(pred_path), direct_only=True)
    print(scorer.format_report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
