"""METRICS_PORT under real gunicorn, started the way the image starts it, from a directory it cannot litter.

gunicorn runs `-c python:service.gunicorn_conf` (the image's CMD) with an empty working directory and its own
TMPDIR: the API port answers /metrics 404, the metrics port sums the workers, and every file the service
writes (gunicorn's worker files, the metrics directory) is under TMPDIR, the tmpfs of a read-only container.
"""
from __future__ import annotations

import http.client
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from service.config import metrics_host
from tests.conftest import free_port

GUNICORN = Path(sys.executable).with_name("gunicorn")


def get(port: int, path: str) -> tuple[int, bytes]:
    """Status and body of GET `path` on loopback `port`."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def post_text(port: int, text: str) -> int:
    """POST `text` as text/plain to /v1/quotes; the status."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("POST", "/v1/quotes", body=text.encode(), headers={"Content-Type": "text/plain"})
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


class Server:
    """A gunicorn started for one test: its ports, temp dir and working dir."""

    def __init__(self, root: Path) -> None:
        self.api_port, self.metrics_port = free_port(), free_port()
        self.tmpdir = root / "tmp"
        self.workdir = root / "work"
        self.tmpdir.mkdir()
        self.workdir.mkdir()
        keep = ("PATH", "HOME", "LANG")
        env = {key: os.environ[key] for key in keep if key in os.environ}
        env.update(BIND=f"127.0.0.1:{self.api_port}", METRICS_PORT=str(self.metrics_port), WEB_CONCURRENCY="2",
                   TMPDIR=str(self.tmpdir), PYTHONDONTWRITEBYTECODE="1")
        self.log = (root / "gunicorn.log").open("wb")
        self.process = subprocess.Popen([str(GUNICORN), "-c", "python:service.gunicorn_conf"], cwd=self.workdir,
                                        env=env, stdout=subprocess.DEVNULL, stderr=self.log)

    def wait_until_ready(self, timeout: float = 120) -> None:
        """Poll /readyz until 200; fail with the log when gunicorn exits."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"gunicorn exited: {Path(self.log.name).read_text(errors='replace')[-2000:]}")
            try:
                if get(self.api_port, "/readyz")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        pytest.fail("gunicorn was not ready in time")

    def stop(self) -> None:
        """SIGTERM, then reap."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """gunicorn with METRICS_PORT set, ready."""
    started = Server(tmp_path_factory.mktemp("gunicorn"))
    try:
        started.wait_until_ready()
        yield started
    finally:
        started.stop()


def test_metrics_leave_the_api_port_for_their_own(server: Server) -> None:
    """/metrics is a 404 problem on the API port; the metrics port has every worker's series."""
    for _ in range(4):  # spread over both workers
        assert post_text(server.api_port, "“We will win,” Jane Smith said.") == 200
    status, body = get(server.api_port, "/metrics")
    assert status == 404 and b"METRICS_PORT" in body
    status, body = get(server.metrics_port, "/metrics")
    assert status == 200
    requests = [line for line in body.decode().splitlines()
                if line.startswith("quote_service_http_requests_total{") and 'route="/v1/quotes"' in line]
    assert sum(float(line.rsplit(" ", 1)[1]) for line in requests) == 4


def test_the_service_writes_only_under_tmpdir(server: Server) -> None:
    """The working directory stays empty; the metrics files are in TMPDIR (a tmpfs in the container)."""
    assert list(server.workdir.iterdir()) == []
    metrics_dirs = list(server.tmpdir.glob("quote-service-metrics-*"))
    assert len(metrics_dirs) == 1 and list(metrics_dirs[0].glob("*.db"))


@pytest.mark.parametrize("bind, host", [
    ("0.0.0.0:8000", "0.0.0.0"), ("127.0.0.1:9000", "127.0.0.1"), ("[::1]:8000", "::1"),
    ("unix:/run/app.sock", "127.0.0.1"), ("localhost", "127.0.0.1"),
])
def test_the_metrics_listener_takes_the_host_of_bind(bind: str, host: str) -> None:
    """In a container (BIND=0.0.0.0:8000) Prometheus can reach it; by default it stays on loopback."""
    assert metrics_host(bind) == host
