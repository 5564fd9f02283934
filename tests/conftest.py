"""Shared fixtures: one loaded pipeline per session, apps built through create_app, a real redis-server."""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import fields
from pathlib import Path

import pytest
import redis
from flask import Flask
from flask.testing import FlaskClient
from spacy.language import Language

from service.app import create_app
from service.cache import InMemoryCache
from service.config import Settings
from service.nlp import load_pipeline


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The real pipeline, loaded once: loading takes seconds, every app of the session shares it."""
    return load_pipeline()


@pytest.fixture(autouse=True)
def default_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test starts from the default settings, whatever the developer's environment sets."""
    for field in fields(Settings):
        monkeypatch.delenv(field.name.upper(), raising=False)


@pytest.fixture
def app(nlp: Language) -> Flask:
    """An app with the default settings and a fresh in-process cache."""
    return create_app({}, nlp=nlp, cache=InMemoryCache())


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """A test client of `app`."""
    return app.test_client()


def free_port() -> int:
    """A TCP port nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class RedisServer:
    """A real redis-server on a loopback port, without persistence; can be stopped and started again."""

    def __init__(self, binary: str, directory: Path) -> None:
        self.binary = binary
        self.directory = directory
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self._process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        """Start the server and wait until it answers PING."""
        self._process = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", str(self.directory)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        with redis.Redis.from_url(self.url, socket_timeout=0.5) as client:
            while True:
                try:
                    if client.ping():
                        return
                except redis.ConnectionError:
                    if self._process.poll() is not None or time.monotonic() > deadline:
                        self.stop()
                        raise RuntimeError(f"redis-server did not start on port {self.port}") from None
                    time.sleep(0.05)

    def pause(self) -> None:
        """SIGSTOP the server: connections are still accepted by the kernel, nothing is answered (a hung Redis)."""
        assert self._process is not None
        self._process.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        """SIGCONT a paused server."""
        assert self._process is not None
        self._process.send_signal(signal.SIGCONT)

    def stop(self) -> None:
        """Kill the server (no shutdown save) and reap it."""
        if self._process is not None:
            self._process.send_signal(signal.SIGCONT)  # a paused server must be able to die
            self._process.kill()
            self._process.wait(timeout=10)
            self._process = None


def _redis_binary() -> str:
    """The redis-server path; a missing binary fails the run under CI and skips the test elsewhere."""
    binary = shutil.which("redis-server")
    if binary is None:
        message = "redis-server is not installed (make test installs it)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return binary


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One real redis-server for the session; yields its URL."""
    server = RedisServer(_redis_binary(), tmp_path_factory.mktemp("redis"))
    server.start()
    yield server.url
    server.stop()


@pytest.fixture
def redis_client(redis_server: str) -> Iterator[redis.Redis]:
    """A client of the session server, emptied before the test."""
    with redis.Redis.from_url(redis_server, socket_timeout=1) as client:
        client.flushall()
        yield client


@pytest.fixture
def closed_redis_url() -> str:
    """A Redis URL at a loopback port where nothing listens."""
    return f"redis://127.0.0.1:{free_port()}/0"


@pytest.fixture
def own_redis_server(tmp_path: Path) -> Iterator[RedisServer]:
    """A redis-server of this test alone, which the test may kill and restart."""
    server = RedisServer(_redis_binary(), tmp_path)
    server.start()
    yield server
    server.stop()
