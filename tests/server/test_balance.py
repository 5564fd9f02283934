"""gunicorn with the project's config on 2 workers: a busy worker leaves a new connection to the idle one
(service/gunicorn_balance.py), and when both are busy a connection is still taken at once."""
from __future__ import annotations

import http.client
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.server.test_gunicorn_worker import ROOT, free_port

# Long enough that an idle worker is always scheduled in time on a loaded machine, short of the client timeout.
ACCEPT_DEFER = 30.0


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[int, int]]:
    """gunicorn with service/gunicorn_conf.py, 2 workers, tests/server/pid_app.py as the app: (port, master pid)."""
    port = free_port()
    env = {**os.environ, "BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": "2", "ACCEPT_DEFER": str(ACCEPT_DEFER),
           "PYTHONPATH": str(ROOT / "tests" / "server")}
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "service/gunicorn_conf.py", "pid_app:app"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while len(_children(process.pid)) < 2 or _get_pid(port, timeout=1) is None:
        assert process.poll() is None and time.monotonic() < deadline, "gunicorn did not start"
        time.sleep(0.1)
    yield port, process.pid
    process.terminate()
    process.wait(timeout=30)


def _children(pid: int) -> list[int]:
    children = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in children.read_text().split()] if children.exists() else []


def _get(port: int, path: str, timeout: float) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        assert response.status == 200
        return int(response.read())
    finally:
        connection.close()


def _get_into(answers: list[int], port: int, path: str) -> None:
    answers.append(_get(port, path, timeout=ACCEPT_DEFER / 2))


def _get_pid(port: int, timeout: float) -> int | None:
    try:
        return _get(port, "/pid", timeout)
    except OSError:
        return None


def _hold(port: int, folder: Path, name: str) -> tuple[threading.Thread, int]:
    """Start a request that its worker holds until `release`; return its thread and the worker's pid."""
    thread = threading.Thread(target=_get, args=(port, f"/hold?dir={folder}&name={name}", 90), daemon=True)
    thread.start()
    started = folder / f"{name}.started"
    deadline = time.monotonic() + 30
    while not started.exists() or not started.read_bytes():
        assert time.monotonic() < deadline, "the held request never started"
        time.sleep(0.01)
    return thread, int(started.read_bytes())


def _release(folder: Path, name: str, thread: threading.Thread) -> None:
    (folder / f"{name}.release").touch()
    thread.join(timeout=30)


def test_a_busy_worker_leaves_a_new_connection_to_the_idle_one(server: tuple[int, int], tmp_path: Path) -> None:
    """While one worker holds a request, a new connection goes to the other one, even when that one is slow to
    be scheduled (stopped here for a moment, as a loaded machine may leave it): gthread alone gives it to the
    busy worker, the only one awake."""
    port, master = server
    for round_ in range(3):
        thread, busy_pid = _hold(port, tmp_path, f"one-{round_}")
        (idle_pid,) = set(_children(master)) - {busy_pid}
        answered: list[int] = []
        os.kill(idle_pid, signal.SIGSTOP)
        try:
            client = threading.Thread(target=_get_into, args=(answered, port, "/pid"))
            client.start()
            time.sleep(0.5)  # the connection waits while only the busy worker can take it
        finally:
            os.kill(idle_pid, signal.SIGCONT)
        client.join(timeout=ACCEPT_DEFER)
        _release(tmp_path, f"one-{round_}", thread)
        assert answered == [idle_pid]


def test_with_every_worker_busy_a_connection_is_taken_at_once(server: tuple[int, int], tmp_path: Path) -> None:
    """Both workers hold a request: a third is answered by one of them while they still hold theirs, long before
    ACCEPT_DEFER (nobody is idle, so nobody waits for an idle worker)."""
    port, _ = server
    first, first_pid = _hold(port, tmp_path, "a")
    second, second_pid = _hold(port, tmp_path, "b")
    try:
        assert first_pid != second_pid
        assert _get(port, "/pid", timeout=ACCEPT_DEFER / 3) in (first_pid, second_pid)
    finally:
        _release(tmp_path, "a", first)
        _release(tmp_path, "b", second)
