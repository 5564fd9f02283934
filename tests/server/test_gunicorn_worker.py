"""The deployed server (gunicorn with service/gunicorn_conf.py): early 413 that a sending client can read,
problem+json for gunicorn's own 4xx, silent clients that hold neither the worker nor the health check."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def start_server(**env_extra: str) -> tuple[subprocess.Popen[bytes], int]:
    """gunicorn with the project's config, one worker, the app on a blank pipeline; (process, port) once it answers."""
    port = free_port()
    env = {**os.environ, "BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": "1",
           "PYTHONPATH": str(ROOT / "tests" / "server"), **env_extra}
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "service/gunicorn_conf.py", "blank_app:app"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            status, _, _ = exchange(port, b"GET /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
            if status == 200:
                break
        except OSError:
            pass
        assert process.poll() is None and time.monotonic() < deadline, "gunicorn did not start"
        time.sleep(0.1)
    return process, port


@pytest.fixture(scope="module")
def server() -> Iterator[int]:
    """The server with CLIENT_TIMEOUT 1 s."""
    process, port = start_server(CLIENT_TIMEOUT="1")
    yield port
    process.terminate()
    process.wait(timeout=30)


@pytest.fixture(scope="module")
def two_thread_server() -> Iterator[int]:
    """The server with a pool of 2 threads and CLIENT_TIMEOUT 3 s."""
    process, port = start_server(CLIENT_TIMEOUT="3", THREADS="2")
    yield port
    process.terminate()
    process.wait(timeout=30)


def exchange(port: int, request: bytes, timeout: float = 10) -> tuple[int, dict[str, str], bytes]:
    """Send `request` whole (as a client that does not read before it has sent), then read the answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(request)
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
    head, _, body = received.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    return int(lines[0].split()[1]), headers, body


def test_an_over_long_body_is_a_413_the_sending_client_reads(server: int) -> None:
    """30 MB against MAX_BODY_BYTES of 10 MB: refused on its declared length, then drained, so a client that
    sends everything before reading gets the problem, not a broken pipe."""
    size = 30 * 1024 * 1024
    head = (f"POST /v1/quotes HTTP/1.1\r\nHost: t\r\nContent-Type: text/plain\r\nContent-Length: {size}\r\n"
            "Connection: close\r\n\r\n").encode()
    status, headers, body = exchange(server, head + b"a" * size)
    assert status == 413 and headers["content-type"] == "application/problem+json"
    assert json.loads(body)["status"] == 413


@pytest.mark.parametrize("request_bytes, status", [
    (b"GET /" + b"a" * 10_000 + b" HTTP/1.1\r\nHost: t\r\n\r\n", 400),
    (b"GET /healthz HTTP/1.1\r\nHost: t\r\nX-Big: " + b"b" * 10_000 + b"\r\n\r\n", 431),
    (b"GET /healthz HTTP/1.1\r\nHost: t\r\n" + b"".join(b"X-%d: v\r\n" % i for i in range(200)) + b"\r\n", 431),
    (b"BR@KEN\r\n\r\n", 400),
])
def test_gunicorns_own_errors_are_problem_json(server: int, request_bytes: bytes, status: int) -> None:
    """A 10 KB URL, a huge header, too many headers, a malformed request line: problem+json, not HTML."""
    got, headers, body = exchange(server, request_bytes)
    assert got == status and headers["content-type"] == "application/problem+json"
    problem = json.loads(body)
    assert problem["status"] == status and problem["detail"]


def test_silent_clients_hold_neither_the_worker_nor_health(server: int) -> None:
    """Two clients send headers and never their body: /healthz (one worker) still answers at once, and each
    silent client gets a 408 once CLIENT_TIMEOUT has passed."""
    head = b"POST /v1/quotes HTTP/1.1\r\nHost: t\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\nabc"
    silent = [socket.create_connection(("127.0.0.1", server), timeout=10) for _ in range(2)]
    try:
        for sock in silent:
            sock.sendall(head)
        time.sleep(0.2)
        started = time.monotonic()
        status, _, _ = exchange(server, b"GET /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
        assert status == 200 and time.monotonic() - started < 0.5
        for sock in silent:
            answer = sock.recv(65536)
            assert answer.startswith(b"HTTP/1.1 408")
    finally:
        for sock in silent:
            sock.close()


def test_health_checks_are_answered_while_every_thread_of_the_pool_is_taken(two_thread_server: int) -> None:
    """Two silent clients hold both threads of the pool: /healthz and /readyz still answer before either of them
    is let go, while any other request waits for a pool thread until they are."""
    head = b"POST /v1/quotes HTTP/1.1\r\nHost: t\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\nabc"
    silent = [socket.create_connection(("127.0.0.1", two_thread_server), timeout=10) for _ in range(2)]
    try:
        for sock in silent:
            sock.sendall(head)
        time.sleep(0.2)
        # (/readyz is 503 on the blank pipeline: not ready, but answered)
        for path, expected in ((b"/healthz", 200), (b"/readyz", 503)):
            request = b"GET " + path + b" HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n"
            assert exchange(two_thread_server, request)[0] == expected
        for sock in silent:  # still held: nothing answered yet
            sock.setblocking(False)
            with pytest.raises(BlockingIOError):
                sock.recv(65536)
        request = b"GET /openapi.yaml HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n"
        assert exchange(two_thread_server, request)[0] == 200
        for sock in silent:  # the pool's request was served only once the silent clients had been let go
            sock.setblocking(True)
            assert sock.recv(65536).startswith(b"HTTP/1.1 408")
    finally:
        for sock in silent:
            sock.close()
