"""Cost per article: the service under gunicorn against raw spaCy, cache hits against misses, memory, scaling.

    .venv/bin/python bench/throughput.py [--dev ../shared/data/polnear/dev.jsonl] [--workers 2] [--clients 2]

In one run, over the PolNeAR dev texts (one article per request):
  1. raw      the model as shipped (every component, `spacy.load` defaults), `nlp.pipe` in this one process;
  2. miss     the service: `gunicorn -c service/gunicorn_conf.py` on a free loopback port, WEB_CONCURRENCY
              workers, each with its own in-process cache (REDIS_URL unset), empty; N client threads;
  3. hit      the same requests again, every one answered from the cache. Each worker has its own cache and
              the kernel picks the worker, so passes are repeated until --hit-passes passes in a row are
              all hits (X-Cache: hit); the median of those is reported (a pass of hits takes a fraction
              of a second, so one pass alone is at the mercy of any other process);
  4. RSS      VmRSS of each gunicorn worker when ready and, after the runs below, VmRSS, VmHWM (peak) and
              Pss (its share of pages shared with the master and the other worker), read from /proc;
  5. length   latency of one article of 1k, 10k and 50k words (dev texts joined by blank lines, each made
              unique by a first line, so each is a miss; each repeat starts at another dev text), median of
              --repeats, one request at a time.
Prints the table, the acceptance ratios of issues #6 and #13 and the load average (`uptime`) before and after:
the wall-clock ratios are only meaningful when nothing else runs on the machine. The CPU seconds of raw spaCy
(this process) and of the workers during the misses (from /proc) give a figure the load hardly moves: raw's CPU
seconds over the misses', times the workers, is the miss ratio 2 idle cores would show. Exits 1 when a request
fails.
"""

from __future__ import annotations

import argparse
import http.client
import json
import math
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from server import ROOT, free_port, gunicorn, wait_until_ready

POLNEAR_DEV = ROOT.parent / "shared" / "data" / "polnear" / "dev.jsonl"
READY_TIMEOUT_SECONDS = 120.0
REQUEST_TIMEOUT_SECONDS = 300.0
LENGTHS = (1_000, 10_000, 50_000)

sys.path.insert(0, str(ROOT))


@dataclass(frozen=True)
class Outcome:
    """One request: its latency and the X-Cache header."""

    seconds: float
    cache: str


@dataclass(frozen=True)
class Pass:
    """One pass of requests over all texts."""

    seconds: float
    outcomes: tuple[Outcome, ...]

    @property
    def all_hits(self) -> bool:
        """Every request was answered from the cache."""
        return all(o.cache == "hit" for o in self.outcomes)

    def percentile_ms(self, share: float) -> float:
        """Nearest-rank percentile of the latencies, in milliseconds."""
        latencies = sorted(o.seconds * 1000 for o in self.outcomes)
        return latencies[max(1, math.ceil(share * len(latencies))) - 1]


class RequestFailed(RuntimeError):
    """A request answered other than 200, or not at all."""


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dev", type=Path, default=POLNEAR_DEV, help="PolNeAR dev .jsonl (a `text` per line)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers, WEB_CONCURRENCY (default 2)")
    parser.add_argument("--clients", type=int, default=2, help="concurrent client threads (default 2)")
    parser.add_argument("--repeats", type=int, default=5, help="requests per article length (default 5)")
    parser.add_argument("--hit-passes", type=int, default=3, help="measured passes of all hits (default 3)")
    parser.add_argument("--max-passes", type=int, default=40,
                        help="passes tried to get --hit-passes passes of all hits in a row (default 40)")
    return parser.parse_args(argv)


def uptime() -> str:
    """The load averages, as `uptime` prints them."""
    return subprocess.run(["uptime"], capture_output=True, text=True, check=False).stdout.strip()


def word_count(texts: Sequence[str]) -> int:
    """Whitespace-separated words, the unit of every words/s figure here."""
    return sum(len(text.split()) for text in texts)


def raw_spacy_seconds(texts: Sequence[str]) -> tuple[float, float]:
    """Wall and CPU seconds for the shipped model with every component to parse `texts` in one `nlp.pipe`."""
    import spacy

    from service.nlp.pipeline import MODEL_NAME

    nlp = spacy.load(MODEL_NAME)
    for _ in nlp.pipe(texts[:4]):  # loads lazily built tables, as the service's warm-up does
        pass
    started, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts):
        pass
    return time.perf_counter() - started, time.process_time() - cpu


def request_body(article_id: str, text: str) -> bytes:
    """One article as a /v1/quotes JSON body."""
    return json.dumps({"articles": [{"id": article_id, "text": text}]}).encode()


def post(port: int, body: bytes) -> Outcome:
    """POST one prepared body to /v1/quotes and read the whole response."""
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT_SECONDS)
    try:
        connection.request("POST", "/v1/quotes", body=body, headers={"Content-Type": "application/json"})
        response = connection.getresponse()
        payload = response.read()
    except OSError as exc:
        raise RequestFailed(f"{type(exc).__name__}: {exc}") from exc
    finally:
        connection.close()
    seconds = time.perf_counter() - started
    if response.status != 200:
        raise RequestFailed(f"HTTP {response.status}: {payload[:300]!r}")
    return Outcome(seconds, response.headers.get("X-Cache", "?"))


def run_pass(port: int, bodies: Sequence[bytes], clients: int) -> Pass:
    """Send every body once, in order, from `clients` threads that each take the next unsent body."""
    outcomes: list[Outcome | None] = [None] * len(bodies)
    failures: list[BaseException] = []
    lock = threading.Lock()
    next_index = iter(range(len(bodies)))

    def client() -> None:
        while not failures:
            with lock:
                index = next(next_index, None)
            if index is None:
                return
            try:
                outcomes[index] = post(port, bodies[index])
            except RequestFailed as exc:
                failures.append(exc)

    threads = [threading.Thread(target=client, name=f"client-{n}") for n in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    if failures:
        raise failures[0]
    return Pass(seconds, tuple(o for o in outcomes if o is not None))


def article_of(texts: Sequence[str], words: int, tag: str, first: int = 0) -> str:
    """An article of exactly `words` words: a unique first line, then dev texts from `first` on, joined by
    blank lines."""
    parts = [f"Benchmark article {tag}."]
    have = len(parts[0].split())
    while have < words:
        parts.append(texts[(first + len(parts) - 1) % len(texts)])
        have += len(parts[-1].split())
    text = "\n\n".join(parts)
    ends = [match.end() for match in re.finditer(r"\S+", text)]
    return text[: ends[words - 1]]


def length_latencies(port: int, texts: Sequence[str], repeats: int, run_id: str) -> dict[int, float]:
    """Median seconds of one request per article length, each article new to every cache.

    Each repeat starts at another dev text, spread over the corpus: words cost more or less to parse
    depending on the text, and a short article made of the same one or two texts every time would
    measure those texts rather than the cost of length.
    """
    medians: dict[int, float] = {}
    for words in LENGTHS:
        samples = []
        for n in range(repeats):
            first = n * len(texts) // repeats
            article = article_of(texts, words, f"{run_id}-{words}-{n}", first)
            outcome = post(port, request_body(f"len-{words}", article))
            if outcome.cache != "miss":
                raise RequestFailed(f"the {words}-word article was not a miss (X-Cache: {outcome.cache})")
            samples.append(outcome.seconds)
        medians[words] = statistics.median(samples)
    return medians


def worker_pids(master: int) -> list[int]:
    """The child processes of `master` (gunicorn's workers)."""
    children_file = Path(f"/proc/{master}/task/{master}/children")
    if children_file.exists():
        pids = [int(pid) for pid in children_file.read_text().split()]
    else:  # kernels without CONFIG_PROC_CHILDREN: scan every process's parent
        pids = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == master:
                pids.append(int(stat.parent.name))
    return sorted(pids)


def workers_cpu_seconds(master: int) -> float:
    """User and system CPU seconds used so far by the workers of `master` (a worker gone meanwhile counts 0)."""
    total = 0
    for pid in worker_pids(master):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime and stime, fields 14 and 15 of stat(5)
    return total / os.sysconf("SC_CLK_TCK")


def worker_memory(master: int) -> list[dict[str, int]]:
    """VmRSS, VmHWM and Pss in MB of each child process of `master` (gunicorn's workers)."""
    memory = []
    for pid in worker_pids(master):
        values = {"pid": pid}
        try:
            lines = Path(f"/proc/{pid}/status").read_text().splitlines()
            rollup = Path(f"/proc/{pid}/smaps_rollup")
            lines += rollup.read_text().splitlines() if rollup.exists() else []
        except OSError:  # the process ended meanwhile
            continue
        for line in lines:
            if line.startswith(("VmRSS:", "VmHWM:", "Pss:")):
                values[line.split(":")[0]] = int(line.split()[1]) // 1024
        memory.append(values)
    return memory


def wait_for_workers(master: int, workers: int) -> dict[int, int]:
    """VmRSS in MB of each worker, once all `workers` have been forked (/readyz answers after the first)."""
    deadline = time.monotonic() + READY_TIMEOUT_SECONDS
    while True:
        memory = worker_memory(master)
        if len(memory) >= workers or time.monotonic() > deadline:
            return {values["pid"]: values.get("VmRSS", 0) for values in memory}
        time.sleep(0.1)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the phases, print the table and the acceptance ratios."""
    args = parse_args(argv)
    rows = [json.loads(line) for line in args.dev.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [row["text"] for row in rows]
    words = word_count(texts)
    run_id = uuid.uuid4().hex[:8]
    load_before = uptime()

    raw_seconds, raw_cpu = raw_spacy_seconds(texts)

    port = free_port()
    bodies = [request_body(f"dev-{i}", text) for i, text in enumerate(texts)]
    # In-process caches and no API keys: the same service on every run, whatever the environment says.
    with (
        tempfile.TemporaryFile() as log,
        gunicorn(port, args.workers, log, unset=("REDIS_URL", "API_KEYS")) as process,
    ):
        try:
            wait_until_ready(port, process, READY_TIMEOUT_SECONDS)
            memory_at_start = wait_for_workers(process.pid, args.workers)
            # Warm every worker with texts that are not in the measured set: the caches stay empty for those.
            warm = [request_body("warm", f"“Warm-up {run_id} {n},” she said.") for n in range(4 * args.workers)]
            run_pass(port, warm, args.clients)
            cpu_before = workers_cpu_seconds(process.pid)
            miss = run_pass(port, bodies, args.clients)
            miss_cpu = workers_cpu_seconds(process.pid) - cpu_before
            if any(o.cache != "miss" for o in miss.outcomes):
                raise RequestFailed("the first pass over dev had cache hits: was the cache empty?")
            # The measured passes are the first --hit-passes consecutive passes of all hits.
            hits: list[Pass] = []
            passes = 0
            while len(hits) < args.hit_passes:
                passes += 1
                if passes > args.max_passes:
                    raise RequestFailed(f"not {args.hit_passes} passes of all hits in a row in {args.max_passes}")
                run = run_pass(port, bodies, args.clients)
                hits = hits + [run] if run.all_hits else []
            hit = sorted(hits, key=lambda run: run.seconds)[len(hits) // 2]
            lengths = length_latencies(port, texts, args.repeats, run_id)
            memory = worker_memory(process.pid)
        except (RuntimeError, OSError) as exc:
            log.seek(0)
            sys.stderr.write(log.read().decode(errors="replace")[-4000:])
            print(f"error: {exc}", file=sys.stderr)
            return 1
        log.seek(0)
        # A worker that died and was replaced (a crash, a timeout) would make every figure suspect.
        incidents = [line for line in log.read().decode(errors="replace").splitlines()
                     if any(word in line for word in ("ERROR", "CRITICAL", "WARNING", "Traceback", "exited"))]

    raw_rate = words / raw_seconds
    miss_rate = words / miss.seconds
    hit_rate = words / hit.seconds
    print(f"PolNeAR dev: {len(texts)} articles, {words} words; {args.workers} workers, {args.clients} clients")
    print(f"load before: {load_before}")
    print()
    print(f"{'':34} {'wall s':>8} {'words/s':>9} {'p50 ms':>8} {'p95 ms':>8} {'CPU s':>7}")
    print(f"{'raw spaCy, full model, 1 process':34} {raw_seconds:>8.2f} {raw_rate:>9.0f} {'':>8} {'':>8} "
          f"{raw_cpu:>7.2f}")
    hit_name = f"service, all hits (median of {len(hits)})"
    for name, run, cpu in (("service, empty cache (misses)", miss, f"{miss_cpu:>7.2f}"), (hit_name, hit, "")):
        print(f"{name:34} {run.seconds:>8.2f} {words / run.seconds:>9.0f} "
              f"{run.percentile_ms(0.50):>8.1f} {run.percentile_ms(0.95):>8.1f} {cpu:>7}")
    print()
    print(f"{'article words':>14} {'median s':>9} {'ms / 1k words':>14}")
    for n, seconds in lengths.items():
        print(f"{n:>14} {seconds:>9.3f} {seconds / n * 1e6:>14.1f}")
    print()
    print(f"{'worker pid':>11} {'RSS at start MB':>16} {'RSS MB':>7} {'peak MB':>8} {'PSS MB':>7}")
    for values in memory:
        print(f"{values['pid']:>11} {memory_at_start.get(values['pid'], 0):>16} {values.get('VmRSS', 0):>7} "
              f"{values.get('VmHWM', 0):>8} {values.get('Pss', 0):>7}")
    print()
    service_over_raw = miss_rate / raw_rate
    hit_over_miss = hit.seconds / miss.seconds
    rss = max(values.get("VmRSS", 0) for values in memory) if memory else 0
    scaling = lengths[LENGTHS[-1]] / lengths[LENGTHS[0]]
    print("acceptance (issues #6 and #13)")
    for name, value, bound, ok in (
        ("cache-miss words/s / raw spaCy words/s", f"{service_over_raw:.2f}", ">= 3.3", service_over_raw >= 3.3),
        ("cache-hit wall / cache-miss wall", f"{hit_over_miss:.4f}", "<= 0.02", hit_over_miss <= 0.02),
        ("RSS per worker, largest (MB)", f"{rss}", "<= 250", rss <= 250),
        ("50k-word / 1k-word article latency", f"{scaling:.1f}", "<= 55", scaling <= 55),
    ):
        print(f"  {name:40} {value:>8}  {bound:8} {'ok' if ok else 'FAIL'}")
    cpu_ratio = raw_cpu / miss_cpu if miss_cpu else math.inf
    print(f"  (raw CPU s / miss CPU s {cpu_ratio:.2f}: x {args.workers} workers = {cpu_ratio * args.workers:.2f}, "
          "the miss ratio on idle cores)")
    print(f"  ({passes} passes after the first; the {len(hits)} all-hit passes took "
          f"{', '.join(f'{run.seconds:.3f}' for run in hits)} s, {hit_rate:.0f} words/s at the median)")
    restarted = [values["pid"] for values in memory if values["pid"] not in memory_at_start]
    if restarted:
        print(f"workers started during the run (a worker died): {restarted}")
    for line in incidents[:20]:
        print(f"gunicorn log: {line}")
    print(f"load after:  {uptime()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
