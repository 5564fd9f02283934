"""docker-compose.yml wires the app to a private, bounded Redis (no Docker engine needed: the YAML is read)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

COMPOSE = Path(__file__).resolve().parents[2] / "docker-compose.yml"


@pytest.fixture(scope="module")
def services() -> dict[str, Any]:
    """The `services` of docker-compose.yml."""
    document: dict[str, Any] = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    assert document["networks"]["backend"]["internal"] is True
    found: dict[str, Any] = document["services"]
    return found


def test_redis_is_private_and_bounded(services: dict[str, Any]) -> None:
    """Official image, an LRU under 256 MB, a memory limit, a healthcheck, no published ports."""
    redis = services["redis"]
    assert redis["image"].startswith("redis:7")
    command = redis["command"]
    assert command[command.index("--maxmemory") + 1] == "256mb"
    assert command[command.index("--maxmemory-policy") + 1] == "allkeys-lru"
    assert redis["mem_limit"]
    assert "ping" in " ".join(redis["healthcheck"]["test"])
    assert "ports" not in redis
    assert redis["networks"] == ["backend"]


def test_app_waits_for_redis_and_publishes_8000_on_loopback(services: dict[str, Any]) -> None:
    """The app uses Redis by service name, starts after it is healthy, and is the only published port:
    on 127.0.0.1 unless BIND_ADDR says otherwise."""
    app = services["app"]
    assert app["environment"]["REDIS_URL"] == "redis://redis:6379/0"
    assert app["environment"]["BIND"] == "0.0.0.0:8000"
    assert app["depends_on"]["redis"]["condition"] == "service_healthy"
    assert app["ports"] == ["${BIND_ADDR:-127.0.0.1}:8000:8000"]
    assert "/healthz" in " ".join(app["healthcheck"]["test"])
    assert "backend" in app["networks"]


def test_metrics_are_off_the_published_port(services: dict[str, Any]) -> None:
    """METRICS_PORT is set (so the API port answers /metrics 404) and that port is exposed, never published."""
    app = services["app"]
    assert app["environment"]["METRICS_PORT"] == "${METRICS_PORT:-9100}"
    assert app["expose"] == ["${METRICS_PORT:-9100}"]
    assert not any("9100" in port for port in app["ports"])


def test_the_app_runs_on_a_read_only_root_with_a_tmpfs_for_tmp(services: dict[str, Any]) -> None:
    """read_only, /tmp a tmpfs, and nothing pointing a writer elsewhere (tests/deploy/test_metrics_port.py
    checks that the service writes only under TMPDIR)."""
    app = services["app"]
    assert app["read_only"] is True
    assert "/tmp" in app["tmpfs"]
    environment = app["environment"]
    for writer in ("PROMETHEUS_MULTIPROC_DIR", "TMPDIR"):
        assert environment.get(writer, "/tmp").startswith("/tmp")
