#!/usr/bin/env python3
"""Where a cache miss spends its CPU: each spaCy component, quote pairing, cues and speakers, variant grouping,
then the request path around them (body loading, cache keys, speaker table, response dump and JSON).

usage: python bench/stages.py [../shared/data/polnear/dev.jsonl] [--limit N]

1. pipeline  a freshly loaded pipeline (as a new worker has it: pos_and_lemma knows no words yet) runs one
             article at a time, component by component, as a one-article request does;
2. request   the same articles again, each as a one-article `POST /v1/quotes` through the app (Flask's test
             client, an empty in-process cache, so every one is a miss), the functions of the response path
             timed where routes.py calls them; the rest of a request (werkzeug, Flask, the access log) is
             what the request took beyond the measured parts.
CPU seconds of this process (`time.process_time`), so other work on the machine hardly moves the shares.
Falls back to the seed articles without PolNeAR.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from corpus import SHARED, load_texts, one_blas_thread  # noqa: E402

one_blas_thread()  # as the service's workers run, before numpy loads

import service.analysis  # noqa: E402
import service.api.routes  # noqa: E402
from service.app import create_app  # noqa: E402
from service.cache import InMemoryCache  # noqa: E402
from service.nlp import extract_quotes, load_pipeline  # noqa: E402
from service.nlp.quotes import find_quote_spans  # noqa: E402
from service.variants import QuoteRef, group_variants  # noqa: E402

# Functions of the request path, timed where their callers look them up: (module, name, stage).
REQUEST_PARTS = (
    (service.api.routes, "_response_key", "response cache key (sha256 of the body)"),
    (service.api.routes, "_read_quotes_request", "body: JSON decode, schema load"),
    (service.analysis, "cache_key", "article cache keys (sha256)"),
    (service.analysis, "extract_batch", "pipeline and extraction"),
    (service.analysis, "_encode", "article results encoded for the cache"),
    (service.analysis, "_with_speakers", "speaker table and ids"),
    (service.analysis, "group_variants", "variant grouping"),
    (service.api.routes, "dump_analysis", "response dump (marshmallow)"),
    (service.api.routes, "jsonify", "response JSON encoding"),
)


def pipeline_stages(nlp: Any, texts: list[str]) -> tuple[dict[str, float], int]:
    """CPU seconds per stage of the pipeline and the rules, one article at a time; and the number of quotes."""
    seconds: dict[str, float] = defaultdict(float)
    refs: list[QuoteRef] = []
    for n, text in enumerate(texts):
        t0 = time.process_time()
        doc = nlp.make_doc(text)
        seconds["spaCy tokenizer"] += time.process_time() - t0
        for name, component in nlp.pipeline:
            t0 = time.process_time()
            doc = component(doc)
            seconds[f"spaCy {name}"] += time.process_time() - t0
        t0 = time.process_time()
        find_quote_spans(text)
        pairing = time.process_time() - t0
        seconds["quote marks and pairing"] += pairing
        t0 = time.process_time()
        quotes = extract_quotes(doc)
        # extract_quotes pairs the marks again: count only what comes after
        seconds["kinds, cues and speakers"] += time.process_time() - t0 - pairing
        refs.extend(
            QuoteRef(f"a{n}#q{i}", q.spoken_text, q.speaker.name if q.speaker else None, f"a{n}")
            for i, q in enumerate(quotes)
        )
    t0 = time.process_time()
    group_variants(refs)
    seconds["variant grouping (whole set)"] += time.process_time() - t0
    return seconds, len(refs)


def timed(function: Callable[..., Any], stage: str, seconds: dict[str, float]) -> Callable[..., Any]:
    """`function`, adding the CPU seconds of each call to `seconds[stage]`."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        t0 = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            seconds[stage] += time.process_time() - t0

    return wrapper


def request_stages(nlp: Any, texts: list[str]) -> dict[str, float]:
    """CPU seconds per stage of one-article requests through the app, every one a miss."""
    seconds: dict[str, float] = defaultdict(float)
    app = create_app({}, nlp=nlp, cache=InMemoryCache(max_entries=100_000, max_bytes=1 << 30))
    client = app.test_client()
    originals = [(module, name, getattr(module, name)) for module, name, _ in REQUEST_PARTS]
    for module, name, stage in REQUEST_PARTS:
        setattr(module, name, timed(getattr(module, name), stage, seconds))
    try:
        for n, text in enumerate(texts):
            body = json.dumps({"articles": [{"id": f"a{n}", "text": text}]})
            t0 = time.process_time()
            response = client.post("/v1/quotes", data=body, content_type="application/json")
            seconds["whole request"] += time.process_time() - t0
            assert response.status_code == 200 and response.headers.get("X-Cache") == "miss"
    finally:
        for module, name, original in originals:
            setattr(module, name, original)
    return seconds


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="?", default=str(SHARED / "data" / "polnear" / "dev.jsonl"))
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    texts = load_texts(Path(args.gold), args.limit)
    nlp = load_pipeline()
    seconds, quotes = pipeline_stages(nlp, texts)
    total = sum(seconds.values())
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} articles, {words} words, {quotes} quotes, components: {', '.join(nlp.pipe_names)}")
    print(f"{'pipeline (a new worker)':<40} {'CPU s':>8} {'share':>7}")
    for stage, value in seconds.items():
        print(f"{stage:<40} {value:8.2f} {value / total:7.1%}")
    print(f"{'total':<40} {total:8.2f} {1:7.1%}   ({words / total:.0f} words per CPU second)")
    print()
    parts = request_stages(nlp, texts)
    whole = parts.pop("whole request")
    extraction = parts["pipeline and extraction"]
    print(f"{'request path (pipeline warm now)':<40} {'CPU s':>8} {'ms/art':>7} {'share':>7}")
    rows = [*parts.items(), ("rest: werkzeug, Flask, log, metrics", whole - sum(parts.values()))]
    for stage, value in rows:
        print(f"{stage:<40} {value:8.3f} {value / len(texts) * 1000:7.2f} {value / whole:7.1%}")
    print(f"{'whole request':<40} {whole:8.3f} {whole / len(texts) * 1000:7.2f} {1:7.1%}   "
          f"(outside the pipeline and extraction: {(whole - extraction) / whole:.1%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
