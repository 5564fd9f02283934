"""Fault and load probe of the deployed service: 50 clients against 2 gunicorn workers and a real Redis, in phases.

    .venv/bin/python bench/faults.py [--root DIR] [--clients 50] [--scale 1.0] [--port 8161] [--redis-port 8160]

Starts redis-server and gunicorn (the checkout at --root, default this one, with this venv's gunicorn: the
checkout's own `service` package is imported, since gunicorn puts its working directory first on sys.path),
warms the cache, then runs --clients client threads and a /healthz prober (5 a second) through these phases
(seconds at --scale 1):

  normal        10   nothing wrong
  redis_stop    20   redis-server SIGSTOP: connections are accepted, nothing answers
  redis_cont     5   SIGCONT
  redis_kill     8   SIGKILL, restarted empty after 3 s
  worker_kill    5   one gunicorn worker SIGKILLed (the master starts another)
  worst_case    15   4 worst-case requests sent at its start (2 x 95 KB 'she said' after 1,300 men, 2 x 1 MB of
                     one-character lines after a quote); they are not counted among the probe's requests
  idle_conns     8   2 connections send headers and part of a body, then nothing
  sigterm        -   SIGTERM to the master under load; the phase ends when it has exited (its 'reqs' leave out
                     the refused connections after the listener closed, which are the clean answer; the
                     requests under way at the signal, accepted or queued on the socket, are listed after it)

Each client sends one article a request (PolNeAR dev, or the seeds): half of the time one of 8 warmed
articles (a hit), else an article with a unique suffix (a miss). Prints per phase: requests, errors (by
kind), p50/p99 of hits, misses and /healthz, and what became of the worst-case and SIGTERM requests.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import worst_case  # noqa: E402  # the generators, shared with bench/worst_case.py

POLNEAR_DEV = ROOT.parent / "shared" / "data" / "polnear" / "dev.jsonl"
SEEDS = ROOT.parent / "shared" / "data" / "seeds" / "articles"
PHASES = (("normal", 10), ("redis_stop", 20), ("redis_cont", 5), ("redis_kill", 8), ("worker_kill", 5),
          ("worst_case", 15), ("idle_conns", 8))


@dataclass(frozen=True)
class Outcome:
    """One request of the probe."""

    phase: str
    kind: str  # hit / miss / healthz / worst
    seconds: float
    error: str | None
    ended: float = 0.0  # time.monotonic() when it ended



class Probe:
    """Shared state of the run: the current phase and every outcome."""

    def __init__(self) -> None:
        self.phase = "warmup"
        self.outcomes: list[Outcome] = []
        self.lock = threading.Lock()
        self.stop = threading.Event()

    def add(self, kind: str, seconds: float, error: str | None, phase: str | None = None) -> None:
        with self.lock:
            self.outcomes.append(Outcome(phase or self.phase, kind, seconds, error, time.monotonic()))


def texts() -> list[str]:
    """Short news articles to send."""
    if POLNEAR_DEV.is_file():
        with POLNEAR_DEV.open(encoding="utf-8") as lines:
            found = [json.loads(line)["text"] for line in lines]
    else:
        found = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    return [t for t in found if 500 < len(t) < 6000] or [worst_case.prose(3000)]


def post(port: int, text: str, timeout: float) -> tuple[float, str | None, str | None]:
    """(seconds, X-Cache, error kind) of one POST /v1/quotes on a new connection."""
    body = json.dumps({"text": text}).encode()
    started = time.perf_counter()
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        connection.request("POST", "/v1/quotes", body, {"Content-Type": "application/json"})
        response = connection.getresponse()
        response.read()
        connection.close()
    except Exception as exc:  # noqa: BLE001  # every failure is counted by its kind
        return time.perf_counter() - started, None, error_kind(exc)
    seconds = time.perf_counter() - started
    if response.status != 200:
        return seconds, None, f"http_{response.status}"
    return seconds, response.headers.get("X-Cache"), None


def error_kind(exc: BaseException) -> str:
    """A short name for how a request failed."""
    if isinstance(exc, ConnectionRefusedError):
        return "refused"
    if isinstance(exc, ConnectionResetError | BrokenPipeError | http.client.RemoteDisconnected):
        return "reset"
    if isinstance(exc, TimeoutError | socket.timeout):
        return "timeout"
    return type(exc).__name__


def client_loop(probe: Probe, port: int, hits: list[str], fresh: list[str], seed: int, timeout: float) -> None:
    rng = random.Random(seed)
    n = 0
    while not probe.stop.is_set():
        if rng.random() < 0.5:
            text, expected = rng.choice(hits), "hit"
        else:
            n += 1
            text, expected = f"{rng.choice(fresh)}\n\n(probe {seed}-{n}-{time.time_ns()})", "miss"
        phase = probe.phase
        seconds, cache, error = post(port, text, timeout)
        probe.add(cache or expected, seconds, error, phase)
        if error == "refused":
            time.sleep(0.05)


def health_loop(probe: Probe, port: int) -> None:
    while not probe.stop.is_set():
        phase = probe.phase
        started = time.perf_counter()
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request("GET", "/healthz")
            status = connection.getresponse().status
            connection.close()
            error = None if status == 200 else f"http_{status}"
        except Exception as exc:  # noqa: BLE001
            error = error_kind(exc)
        probe.add("healthz", time.perf_counter() - started, error, phase)
        time.sleep(0.2)


def worst_request(probe: Probe, port: int, text: str, label: str) -> None:
    phase = probe.phase
    seconds, _, error = post(port, text, 300)
    probe.add(f"worst:{label}", seconds, error, phase)


def idle_connection(port: int, hold: threading.Event) -> None:
    """Headers and part of a body, then silence until `hold` is set."""
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(b"POST /v1/quotes HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 5000\r\n\r\n"
                     b"The start of a body")
        hold.wait()


def start_redis(port: int, directory: str) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                                "--appendonly", "no", "--dir", directory],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.5)
    return process


def server_cpu(master: int) -> float:
    """CPU seconds of the gunicorn master and every process under it (workers, zygotes, analysis children), live
    ones by their own time and the ended ones through their parent's (cutime, cstime)."""
    processes = process_stats()
    parents = {pid: int(fields[1]) for pid, fields in processes.items()}
    ticks = {pid: sum(int(v) for v in fields[11:15]) for pid, fields in processes.items()}  # utime stime cutime cstime
    tree, frontier = {master}, [master]
    while frontier:
        frontier = [pid for pid, parent in parents.items() if parent in frontier and pid not in tree]
        tree.update(frontier)
    return sum(ticks.get(pid, 0) for pid in tree) / os.sysconf("SC_CLK_TCK")


def worker_pids(master: int) -> list[int]:
    """Children of the gunicorn master."""
    return [pid for pid, fields in process_stats().items() if int(fields[1]) == master]


def process_stats() -> dict[int, list[str]]:
    """Each live process's /proc/PID/stat fields after its name (state, ppid, ...), by pid."""
    stats = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stats[int(entry.name)] = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
    return stats


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def print_in_flight(probe: Probe, at: float) -> None:
    """What became of the requests under way when SIGTERM was sent (accepted, or queued on the socket)."""
    under_way = [o for o in probe.outcomes if o.ended - o.seconds < at < o.ended and not o.kind.startswith("worst")]
    results = Counter(o.error or "answered" for o in under_way)
    print(f"  under way at SIGTERM: {len(under_way)} ({', '.join(f'{k} {v}' for k, v in results.most_common())})")


def print_cpu(probe: Probe, marks: list[tuple[str, float]]) -> None:
    """The server's CPU seconds in each phase (to the next phase's start), and per miss started in it
    (hits, health checks and worst-case requests included: a miss's cost is most of it)."""
    for (phase, cpu), (_, cpu_after) in zip(marks, marks[1:], strict=False):
        misses = sum(1 for o in probe.outcomes if o.phase == phase and o.kind == "miss" and o.error is None)
        print(f"  server CPU in {phase}: {cpu_after - cpu:.1f} s ({(cpu_after - cpu) / max(misses, 1):.2f} s a miss)")


def print_table(probe: Probe, phases: list[str]) -> None:
    by_phase: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in probe.outcomes:
        by_phase[outcome.phase].append(outcome)
    print(f"{'phase':<12} {'reqs':>5} {'misses':>6} {'errors':>7} {'hit p50':>8} {'hit p99':>8} {'miss p50':>8} "
          f"{'miss p99':>8} {'hz p50':>7} {'hz max':>7}  error kinds")
    for phase in phases:
        rows = by_phase.get(phase, [])
        probes = [o for o in rows if not o.kind.startswith("worst")]
        ok = [o for o in probes if o.error is None]

        def ms(kind: str, share: float, rows: list[Outcome] = ok) -> str:
            values = [o.seconds for o in rows if o.kind == kind]
            if not values:
                return "-"
            value = max(values) if share == 1 else percentile(values, share)
            return f"{value * 1000:.0f}"

        kinds = Counter(o.error for o in probes if o.error)
        health = [o for o in probes if o.kind == "healthz"]
        # Once the master has gone, a refused connection is the clean answer: it is not counted as an error.
        errors = sum(v for k, v in kinds.items() if not (phase == "sigterm" and k == "refused"))
        misses = len([o for o in ok if o.kind == "miss"])
        print(f"{phase:<12} {len([o for o in probes if o.kind != 'healthz' and o.error != 'refused']):>5} "
              f"{misses:>6} {errors:>7} "
              f"{ms('hit', .5):>8} {ms('hit', .99):>8} {ms('miss', .5):>8} {ms('miss', .99):>8} "
              f"{ms('healthz', .5, health):>7} {ms('healthz', 1, health):>7}  "
              f"{', '.join(f'{k} {v}' for k, v in kinds.most_common())}")
    worst = [o for o in probe.outcomes if o.kind.startswith("worst")]
    for outcome in worst:
        print(f"  {outcome.kind:<22} {outcome.seconds:>7.1f} s  {outcome.error or 'ok'}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, default=ROOT, help="checkout to serve (default: this one)")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--scale", type=float, default=1.0, help="multiplies every phase's duration")
    parser.add_argument("--port", type=int, default=8161)
    parser.add_argument("--redis-port", type=int, default=8160)
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per probe request")
    parser.add_argument("--phases", default=",".join(p for p, _ in PHASES) + ",sigterm")
    parser.add_argument("--worst-seconds", type=float, default=dict(PHASES)["worst_case"],
                        help="length of the worst_case phase (the worst-case requests run up to the 60 s budget)")
    parser.add_argument("--dump", type=Path, help="write every outcome there, one JSON line each")
    args = parser.parse_args()
    wanted = args.phases.split(",")
    directory = tempfile.mkdtemp(prefix="faults-redis-")
    redis = start_redis(args.redis_port, directory)
    env = {**os.environ, "BIND": f"127.0.0.1:{args.port}", "WEB_CONCURRENCY": "2",
           "REDIS_URL": f"redis://127.0.0.1:{args.redis_port}/0"}
    log = open(Path(directory) / "gunicorn.log", "wb")  # noqa: SIM115
    gunicorn = subprocess.Popen([str(ROOT / ".venv" / "bin" / "gunicorn"), "-c", "service/gunicorn_conf.py"],
                                cwd=args.root, env=env, stdout=subprocess.DEVNULL, stderr=log)
    probe = Probe()
    hold = threading.Event()
    sigterm_at = 0.0
    cpu_marks: list[tuple[str, float]] = []  # (phase, the server's CPU seconds when it began)
    try:
        deadline = time.monotonic() + 120
        while post(args.port, "“Ready,” she said.", 5)[2] is not None:
            if gunicorn.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"gunicorn did not start; see {log.name}")
            time.sleep(0.5)
        articles = texts()
        rng = random.Random(15)
        hits = rng.sample(articles, 8)
        for text in hits:
            for _ in range(3):
                post(args.port, text, 60)
        threads = [threading.Thread(target=client_loop, args=(probe, args.port, hits, articles, n, args.timeout),
                                    daemon=True) for n in range(args.clients)]
        threads.append(threading.Thread(target=health_loop, args=(probe, args.port), daemon=True))
        for thread in threads:
            thread.start()
        background: list[threading.Thread] = []
        for phase, seconds in PHASES:
            seconds = args.worst_seconds if phase == "worst_case" else seconds
            if phase not in wanted:
                continue
            probe.phase = phase
            cpu_marks.append((phase, server_cpu(gunicorn.pid)))
            print(f"{time.strftime('%H:%M:%S')} {phase}", file=sys.stderr, flush=True)
            if phase == "redis_stop":
                redis.send_signal(signal.SIGSTOP)
            elif phase == "redis_cont":
                redis.send_signal(signal.SIGCONT)
            elif phase == "redis_kill":
                redis.kill()
                redis.wait()
            elif phase == "worker_kill":
                os.kill(worker_pids(gunicorn.pid)[0], signal.SIGKILL)
            elif phase == "worst_case":
                cases = [("she_said_95KB", worst_case.she_said(95_000))] * 2
                # One quoted sentence first: without a quote mark the lines would need no parse at all.
                cases += [("quoted_lines_1MB", worst_case.quoted_lines(1_000_000))] * 2
                for label, text in cases:
                    thread = threading.Thread(target=worst_request, args=(probe, args.port, text, label), daemon=True)
                    thread.start()
                    background.append(thread)
            elif phase == "idle_conns":
                for _ in range(2):
                    thread = threading.Thread(target=idle_connection, args=(args.port, hold), daemon=True)
                    thread.start()
                    background.append(thread)
            if phase == "redis_kill":
                time.sleep(3 * args.scale)
                redis = start_redis(args.redis_port, directory)
                time.sleep((seconds - 3) * args.scale)
            else:
                time.sleep(seconds * args.scale)
            if phase == "redis_stop":
                redis.send_signal(signal.SIGCONT)
        cpu_marks.append(("sigterm" if "sigterm" in wanted else "end", server_cpu(gunicorn.pid)))
        if "sigterm" in wanted:
            probe.phase = "sigterm"
            print(f"{time.strftime('%H:%M:%S')} sigterm", file=sys.stderr, flush=True)
            started = sigterm_at = time.monotonic()
            gunicorn.send_signal(signal.SIGTERM)
            gunicorn.wait(timeout=120)
            print(f"master exited after {time.monotonic() - started:.1f} s", file=sys.stderr)
            time.sleep(1)
        probe.stop.set()
        hold.set()
        for thread in threads:
            thread.join(args.timeout + 5)
        for thread in background:  # the worst-case requests' own answers (they end within the request budget)
            thread.join(90)
        print_table(probe, [p for p, _ in PHASES if p in wanted] + (["sigterm"] if "sigterm" in wanted else []))
        if "sigterm" in wanted:
            print_in_flight(probe, sigterm_at)
        print_cpu(probe, cpu_marks)
        print("load average (1, 5, 15 min) at the end: " + ", ".join(f"{v:.1f}" for v in os.getloadavg()))
        if args.dump:
            args.dump.write_text("".join(json.dumps(vars(o)) + "\n" for o in probe.outcomes))
    finally:
        probe.stop.set()
        hold.set()
        if gunicorn.poll() is None:
            gunicorn.send_signal(signal.SIGTERM)
            try:
                gunicorn.wait(timeout=40)
            except subprocess.TimeoutExpired:
                gunicorn.kill()
        redis.send_signal(signal.SIGCONT)
        redis.kill()
        redis.wait()
        log.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
