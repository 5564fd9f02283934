"""SIGTERM to a real gunicorn under load: the connections queued on its socket are answered, none is reset.

The worker takes at most 2 connections at a time (`--worker-connections 2`), so most of the 40 clients' connections
wait in the kernel's accept queue, where gunicorn's own stop (closing the listener) resets them.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from tests.server.test_gunicorn_worker import free_port

ROOT = Path(__file__).resolve().parents[2]
CLIENTS = 40
REQUEST = b"GET /sleep?seconds=0.05 HTTP/1.1\r\nHost: t\r\n\r\n"


@dataclass(frozen=True)
class Outcome:
    started: float
    ended: float
    result: str  # "200", another status, "refused", "reset", "no answer", or an exception's name


def one_request(port: int) -> Outcome:
    """One request on a new connection, as a client that reads the answer to its end."""
    started = time.monotonic()
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=15) as sock:
            sock.sendall(REQUEST)
            received = b""
            while chunk := sock.recv(65536):
                received += chunk
        result = received.split(b" ", 2)[1].decode() if received.startswith(b"HTTP/1.1 ") else "no answer"
    except ConnectionRefusedError:
        result = "refused"
    except (ConnectionResetError, BrokenPipeError):
        result = "reset"
    except OSError as exc:
        result = type(exc).__name__
    return Outcome(started, time.monotonic(), result)


def client(port: int, outcomes: list[Outcome], lock: threading.Lock) -> None:
    """Requests one after the other until the server refuses the connection."""
    while True:
        outcome = one_request(port)
        with lock:
            outcomes.append(outcome)
        if outcome.result == "refused":
            return


def test_sigterm_under_load_answers_every_queued_connection_and_resets_none() -> None:
    port = free_port()
    env = {**os.environ, "BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": "1", "THREADS": "2",
           "GRACEFUL_TIMEOUT": "20", "PYTHONPATH": str(ROOT / "tests" / "server")}
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "service/gunicorn_conf.py", "--worker-connections", "2",
         "pid_app:app"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while one_request(port).result != "200":
            assert server.poll() is None and time.monotonic() < deadline, "gunicorn did not start"
            time.sleep(0.1)
        outcomes: list[Outcome] = []
        lock = threading.Lock()
        clients = [threading.Thread(target=client, args=(port, outcomes, lock), daemon=True) for _ in range(CLIENTS)]
        for thread in clients:
            thread.start()
        time.sleep(1.5)  # every client has a request under way, most of them queued
        stopped_at = time.monotonic()
        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=25) == 0
        for thread in clients:
            thread.join(timeout=20)
    finally:
        if server.poll() is None:
            server.kill()
    results = {outcome.result for outcome in outcomes}
    assert results <= {"200", "refused"}, sorted(o.result for o in outcomes if o.result not in ("200", "refused"))
    # The connections that were waiting when the stop began were answered after it: far more than the 2 taken.
    answered_after_stop = [o for o in outcomes if o.started < stopped_at < o.ended and o.result == "200"]
    assert len(answered_after_stop) >= CLIENTS // 2
    # New connections were then refused, every client got there, and the server was gone.
    assert sum(o.result == "refused" for o in outcomes) == CLIENTS
