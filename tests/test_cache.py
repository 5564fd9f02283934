"""InMemoryCache evicts least recently used entries; RedisCache turns every Redis failure into a miss."""
from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

import pytest
import redis

from service.cache import KEY_PREFIX, InMemoryCache, RedisCache, cache_key


def test_lru_evicts_the_least_recently_used_entry() -> None:
    """Reading an entry makes it recent, so the other one goes first."""
    cache = InMemoryCache(max_entries=2)
    cache.set_many({"a": b"1", "b": b"2"})
    assert cache.get_many(["a"]) == [b"1"]  # "a" is now more recent than "b"
    cache.set_many({"c": b"3"})
    assert cache.get_many(["a", "b", "c"]) == [b"1", None, b"3"]
    assert len(cache) == 2


def test_lru_overwrite_refreshes_and_keeps_the_bound() -> None:
    """Setting an existing key replaces its value and counts as use."""
    cache = InMemoryCache(max_entries=2)
    cache.set_many({"a": b"1", "b": b"2"})
    cache.set_many({"a": b"new"})
    cache.set_many({"c": b"3"})
    assert cache.get_many(["a", "b", "c"]) == [b"new", None, b"3"]


def test_lru_batch_larger_than_the_bound_keeps_the_last_entries() -> None:
    """A batch over the bound keeps its most recent entries only."""
    cache = InMemoryCache(max_entries=3)
    cache.set_many({str(i): str(i).encode() for i in range(5)})
    assert cache.get_many([str(i) for i in range(5)]) == [None, None, b"2", b"3", b"4"]


def test_cache_key_has_prefix_version_and_depends_on_text_and_options() -> None:
    """Keys are namespaced and versioned; any change of text, options or version changes them."""
    key = cache_key("text", {}, "v1")
    assert key.startswith(f"{KEY_PREFIX}:v1:")
    variants = [cache_key("text ", {}, "v1"), cache_key("text", {"x": 1}, "v1"), cache_key("text", {}, "v2")]
    assert len({key, *variants}) == 4


class UnreachableRedis:
    """The part of redis.Redis that RedisCache uses, failing as a down server does."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def mget(self, keys: Sequence[str]) -> list[Any]:
        self.calls.append("mget")
        raise redis.ConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    def pipeline(self, transaction: bool = True) -> UnreachablePipeline:
        self.calls.append("pipeline")
        return UnreachablePipeline()

    def ping(self) -> bool:
        self.calls.append("ping")
        raise redis.TimeoutError("Timeout reading from socket")


class UnreachablePipeline:
    """A pipeline that queues commands and fails on execute, as redis-py's does."""

    def set(self, key: str, value: bytes, ex: int | None = None) -> None:
        return None

    def execute(self) -> list[Any]:
        raise redis.ConnectionError("Connection refused.")


def test_redis_failures_are_misses_not_errors(caplog: pytest.LogCaptureFixture) -> None:
    """get is all misses, set is dropped, status is 'unavailable'; each failure is logged."""
    client = UnreachableRedis()
    cache = RedisCache(client, ttl_seconds=60)  # type: ignore[arg-type]
    with caplog.at_level(logging.WARNING, logger="service.cache"):
        assert cache.get_many(["a", "b"]) == [None, None]
        cache.set_many({"a": b"1"})
        assert cache.status() == "unavailable"
    assert client.calls == ["mget", "pipeline", "ping"]
    assert [r.levelno for r in caplog.records] == [logging.WARNING, logging.WARNING]


def test_redis_empty_batches_make_no_calls() -> None:
    """Nothing to read or write means no round trip, even to a down server."""
    client = UnreachableRedis()
    cache = RedisCache(client, ttl_seconds=60)  # type: ignore[arg-type]
    assert cache.get_many([]) == []
    cache.set_many({})
    assert client.calls == []
