"""Memory of one worker as its in-process cache fills: RSS after every 100 requests with ~1.5 MB responses.

    .venv/bin/python bench/memory.py [--root DIR] [--requests 1000] [--quotes 1500]

Builds the app in-process (as a gunicorn worker does, with the in-process cache from the settings) for the
checkout at --root (default this one), analyses one quote-dense article once, then sends --requests bodies
that differ only in the article's id: each is a new whole-response cache entry of the same size (about
1 KB per quote), so the cache grows by that much per request unless it is bounded in bytes. Prints RSS.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path


def rss_mb() -> float:
    """This process's resident set size in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent)
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--quotes", type=int, default=1500)
    args = parser.parse_args()
    sys.path.insert(0, str(args.root))
    from service.app import create_app

    app = create_app({"max_article_chars": 1_000_000, "request_time_budget": 600})
    client = app.test_client()
    sentence = "“We will keep working on this with everyone involved,” Senator Maria Lopez said on Tuesday.\n"
    text = sentence * args.quotes
    started = time.perf_counter()
    first = client.post("/v1/quotes", json={"articles": [{"id": "a-0", "text": text}], "options": {"variants": False}})
    assert first.status_code == 200, first.get_data()[:300]
    size = len(first.get_data())
    print(f"response {size / 1e6:.2f} MB, first analysis {time.perf_counter() - started:.1f} s, RSS {rss_mb():.0f} MB")
    print(f"{'requests':>8} {'RSS MB':>8} {'s/request':>10}")
    started = time.perf_counter()
    for n in range(1, args.requests + 1):
        body = {"articles": [{"id": f"a-{n}", "text": text}], "options": {"variants": False}}
        response = client.post("/v1/quotes", json=body)
        assert response.status_code == 200
        if n % 100 == 0:
            print(f"{n:>8} {rss_mb():>8.0f} {(time.perf_counter() - started) / n:>10.3f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
