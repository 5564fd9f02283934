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


def test_app_waits_for_redis_and_publishes_8000(services: dict[str, Any]) -> None:
    """The app uses Redis by service name, starts after it is healthy, and is the only published port."""
    app = services["app"]
    assert app["environment"]["REDIS_URL"] == "redis://redis:6379/0"
    assert app["environment"]["BIND"] == "0.0.0.0:8000"
    assert app["depends_on"]["redis"]["condition"] == "service_healthy"
    assert app["ports"] == ["8000:8000"]
    assert "/healthz" in " ".join(app["healthcheck"]["test"])
    assert "backend" in app["networks"]
