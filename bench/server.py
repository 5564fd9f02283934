"""gunicorn for the benchmarks: started on a free loopback port, polled until ready, stopped with SIGTERM."""
from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
STOP_TIMEOUT_SECONDS = 40.0  # above gunicorn's GRACEFUL_TIMEOUT default of 30 s


def free_port() -> int:
    """A loopback TCP port nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def gunicorn(
    port: int, workers: int, log: IO[bytes], *, unset: Iterable[str] = ()
) -> Iterator[subprocess.Popen[bytes]]:
    """gunicorn with service/gunicorn_conf.py on 127.0.0.1:`port`, without the `unset` environment variables.

    The access log (one JSON line per request) goes nowhere; errors go to `log`. SIGTERM on exit, so
    workers finish their requests and the master cleans up; SIGKILL if that hangs.
    """
    dropped = set(unset)
    env = {key: value for key, value in os.environ.items() if key not in dropped}
    env.update(BIND=f"127.0.0.1:{port}", PORT=str(port), WEB_CONCURRENCY=str(workers))
    process = subprocess.Popen(
        [str(GUNICORN), "-c", "service/gunicorn_conf.py"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log
    )
    try:
        yield process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=STOP_TIMEOUT_SECONDS)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def wait_until_ready(port: int, process: subprocess.Popen[bytes], timeout: float) -> None:
    """Poll /readyz until it answers 200; fail when gunicorn exits or the model takes longer than `timeout`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with status {process.returncode} before it was ready")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/readyz")
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"/readyz did not answer 200 within {timeout:g} s")
