"""Load test of the service as deployed: gunicorn on a free loopback port, concurrent clients, a latency table.

    .venv/bin/python bench/load.py [--clients 4] [--seconds 20] [--hit-ratio 0.5] [--workers 2]

Starts `.venv/bin/gunicorn -c service/gunicorn_conf.py` (BIND and WEB_CONCURRENCY set here, the rest of
the environment as given, so REDIS_URL puts a shared cache behind the workers), waits for /readyz, warms
the cache, then runs N client threads for T seconds. Each request is one article from PolNeAR dev
(../shared/data/polnear/dev.jsonl) or, without it, the seed articles: with probability --hit-ratio one of
a few articles sent before (a cache hit), else an article with a unique suffix (a miss). Requests are
counted as hits or misses by the response's X-Cache header, since without Redis each worker has its own
cache. Prints requests, throughput and p50/p99 latency for hits, misses and all, then stops gunicorn with
SIGTERM. Exits 1 when any request failed (a status other than 200, a timeout, a refused connection).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import count
from pathlib import Path

from server import ROOT, free_port, gunicorn, wait_until_ready

POLNEAR_DEV = ROOT.parent / "shared" / "data" / "polnear" / "dev.jsonl"
SEED_ARTICLES = ROOT.parent / "shared" / "data" / "seeds" / "articles"
# Used only when neither data set is present, so the script still runs from a bare checkout.
FALLBACK_TEXTS = (
    "“We have natural conflict,” Trump said on Tuesday. Carney told reporters: “We have a plan.”",
    "The minister said the talks were “constructive” and added, “We will meet again next week.”",
)
READY_TIMEOUT_SECONDS = 90.0
ERROR_SAMPLES = 5


@dataclass(frozen=True)
class Outcome:
    """One request: how long it took, what the cache said, and the error if it failed."""

    seconds: float
    cache: str | None  # "hit" / "miss" from X-Cache; None when the request failed
    error: str | None = None


@dataclass
class Results:
    """Outcomes of all clients, appended under a lock."""

    outcomes: list[Outcome] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, outcome: Outcome) -> None:
        """Record one request."""
        with self.lock:
            self.outcomes.append(outcome)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=4, help="concurrent client threads (default 4)")
    parser.add_argument("--seconds", type=float, default=20.0, help="duration of the measured run (default 20)")
    parser.add_argument("--hit-ratio", type=float, default=0.5,
                        help="share of requests repeating an already cached article (default 0.5)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes (default 2)")
    parser.add_argument("--max-requests", type=int, default=100_000,
                        help="stop after this many requests even before --seconds (default 100000)")
    parser.add_argument("--hit-articles", type=int, default=8, help="distinct articles that are repeated (default 8)")
    parser.add_argument("--request-timeout", type=float, default=120.0, help="seconds per request (default 120)")
    parser.add_argument("--corpus", type=Path, default=None,
                        help="a .jsonl file with a `text` field per line, or a directory of .txt files "
                             "(default: PolNeAR dev, else the seed articles)")
    parser.add_argument("--seed", type=int, default=7, help="seed of the hit/miss choices (default 7)")
    args = parser.parse_args(argv)
    if not 0.0 <= args.hit_ratio <= 1.0:
        parser.error("--hit-ratio must be between 0 and 1")
    if min(args.clients, args.workers, args.max_requests, args.hit_articles) < 1 or args.seconds <= 0:
        parser.error("--clients, --workers, --max-requests, --hit-articles and --seconds must be positive")
    return args


def load_texts(corpus: Path | None) -> list[str]:
    """Article texts from `corpus`, else PolNeAR dev, else the seed articles, else two built-in ones."""
    candidates = [corpus] if corpus is not None else [POLNEAR_DEV, SEED_ARTICLES]
    for path in candidates:
        if path.is_file():
            with path.open(encoding="utf-8") as lines:
                texts = [json.loads(line)["text"] for line in lines if line.strip()]
        elif path.is_dir():
            texts = [p.read_text(encoding="utf-8") for p in sorted(path.glob("*.txt"))]
        else:
            continue
        texts = [t for t in texts if t.strip()]
        if texts:
            return texts
    if corpus is not None:
        raise SystemExit(f"no article texts in {corpus}")
    return list(FALLBACK_TEXTS)


def post_article(base_url: str, text: str, headers: dict[str, str], timeout: float) -> Outcome:
    """POST one article to /v1/quotes; an Outcome with its latency, or with the error."""
    body = json.dumps({"articles": [{"id": "load", "text": text}]}).encode()
    request = urllib.request.Request(
        f"{base_url}/v1/quotes", data=body, method="POST",
        headers={"Content-Type": "application/json", **headers},
    )
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
            cache = response.headers.get("X-Cache")
    except urllib.error.HTTPError as exc:
        return Outcome(time.perf_counter() - started, None, f"HTTP {exc.code}: {exc.read()[:200]!r}")
    except (urllib.error.URLError, OSError) as exc:
        return Outcome(time.perf_counter() - started, None, f"{type(exc).__name__}: {exc}")
    seconds = time.perf_counter() - started
    if cache not in ("hit", "miss"):
        return Outcome(seconds, None, f"X-Cache is {cache!r}")
    return Outcome(seconds, cache)


def auth_headers() -> dict[str, str]:
    """The first key of API_KEYS as a bearer token, when the server will require one."""
    keys = [k.strip() for k in os.environ.get("API_KEYS", "").split(",") if k.strip()]
    return {"Authorization": f"Bearer {keys[0]}"} if keys else {}


def warm_cache(base_url: str, repeated: Sequence[str], workers: int, headers: dict[str, str], timeout: float) -> None:
    """Send each repeated article a few times, so most workers' caches hold it before the clock starts."""
    for text in repeated:
        for _ in range(workers + 1):
            outcome = post_article(base_url, text, headers, timeout)
            if outcome.error:
                raise RuntimeError(f"warm-up request failed: {outcome.error}")


def run_client(
    client: int, base_url: str, repeated: Sequence[str], fresh: Sequence[str], args: argparse.Namespace,
    numbers: Iterator[int], deadline: float, run_id: str, results: Results, headers: dict[str, str],
) -> None:
    """One client thread: requests back to back until the deadline or the request budget is spent."""
    rng = random.Random(args.seed * 1000 + client)
    while time.monotonic() < deadline:
        number = next(numbers)  # itertools.count: atomic under the GIL, so numbers are unique
        if number >= args.max_requests:
            return
        if rng.random() < args.hit_ratio:
            text = rng.choice(repeated)
        else:
            # A unique suffix makes a new cache key: the article is parsed again (a miss).
            text = f"{rng.choice(fresh)}\n\n(load test {run_id}, request {number})"
        results.add(post_article(base_url, text, headers, args.request_timeout))


def percentile(sorted_values: Sequence[float], share: float) -> float:
    """The nearest-rank percentile of already sorted values (`share` in 0..1); NaN when empty."""
    if not sorted_values:
        return float("nan")
    rank = max(1, math.ceil(share * len(sorted_values)))
    return sorted_values[rank - 1]


def print_table(outcomes: Sequence[Outcome], elapsed: float) -> None:
    """Requests, throughput and p50/p99 latency by X-Cache result and overall, then the errors."""
    rows = [
        ("hit", [o for o in outcomes if o.cache == "hit"]),
        ("miss", [o for o in outcomes if o.cache == "miss"]),
        ("all", list(outcomes)),
    ]
    print(f"{'':6} {'requests':>9} {'req/s':>8} {'p50 ms':>9} {'p99 ms':>9} {'errors':>7}")
    for name, group in rows:
        latencies = sorted(o.seconds * 1000 for o in group)
        errors = sum(1 for o in group if o.error)
        print(f"{name:6} {len(group):>9} {len(group) / elapsed:>8.1f} {percentile(latencies, 0.50):>9.1f} "
              f"{percentile(latencies, 0.99):>9.1f} {errors:>7}")
    failed = [o.error for o in outcomes if o.error]
    for error in failed[:ERROR_SAMPLES]:
        print(f"error: {error}")


def main(argv: Sequence[str] | None = None) -> int:
    """Start gunicorn, warm it, load it, print the table; 1 when any request failed."""
    args = parse_args(argv)
    texts = load_texts(args.corpus)
    repeated, fresh = texts[: args.hit_articles], texts
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    headers = auth_headers()
    run_id = uuid.uuid4().hex[:8]  # fresh texts never hit a Redis cache left by an earlier run
    with tempfile.TemporaryFile() as log, gunicorn(port, args.workers, log) as process:
        try:
            wait_until_ready(port, process, READY_TIMEOUT_SECONDS)
            warm_cache(base_url, repeated, args.workers, headers, args.request_timeout)
        except RuntimeError as exc:
            log.seek(0)
            sys.stderr.write(log.read().decode(errors="replace")[-4000:])
            print(f"error: {exc}", file=sys.stderr)
            return 1
        results = Results()
        numbers = count()
        started = time.monotonic()
        threads = [
            threading.Thread(
                target=run_client, name=f"client-{n}",
                args=(n, base_url, repeated, fresh, args, numbers, started + args.seconds, run_id, results, headers),
            )
            for n in range(args.clients)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()  # each thread stops at the deadline, after at most one request timeout
        elapsed = time.monotonic() - started
    print(f"{args.clients} clients, {args.workers} workers, {elapsed:.1f} s, hit ratio {args.hit_ratio:g}, "
          f"{len(texts)} articles ({len(repeated)} repeated)")
    print_table(results.outcomes, elapsed)
    return 1 if any(o.error for o in results.outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
