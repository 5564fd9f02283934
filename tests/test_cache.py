"""InMemoryCache evicts least recently used entries; RedisCache turns every Redis failure into a miss."""
from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

import pytest
import redis

from service.cache import (
    ENTRY_OVERHEAD_BYTES,
    KEY_PREFIX,
    CircuitBreaker,
    InMemoryCache,
    RedisCache,
    TieredCache,
    cache_key,
)


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
    """get is all misses, set is dropped, status is 'unavailable'; each failure is logged, and the breaker's opening."""
    client = UnreachableRedis()
    cache = RedisCache(client, ttl_seconds=60)  # type: ignore[arg-type]
    with caplog.at_level(logging.WARNING, logger="service.cache"):
        assert cache.get_many(["a", "b"]) == [None, None]
        cache.set_many({"a": b"1"})
        assert cache.status() == "unavailable"
    assert client.calls == ["mget", "pipeline", "ping"]
    assert [r.levelno for r in caplog.records] == [logging.WARNING] * 3
    assert "circuit breaker open" in caplog.records[-1].getMessage()


def test_redis_empty_batches_make_no_calls() -> None:
    """Nothing to read or write means no round trip, even to a down server."""
    client = UnreachableRedis()
    cache = RedisCache(client, ttl_seconds=60)  # type: ignore[arg-type]
    assert cache.get_many([]) == []
    cache.set_many({})
    assert client.calls == []


def test_lru_is_bounded_in_bytes_not_only_entries() -> None:
    """Large values evict the least recently used until values plus per-entry overhead fit the byte bound."""
    bound = 3 * (1000 + ENTRY_OVERHEAD_BYTES)
    cache = InMemoryCache(max_entries=1000, max_bytes=bound)
    cache.set_many({"a": b"x" * 1000, "b": b"y" * 1000, "c": b"z" * 1000})
    assert cache.get_many(["a"]) == [b"x" * 1000]  # "a" is now the most recent
    cache.set_many({"d": b"w" * 1000})
    assert cache.get_many(["a", "b", "c", "d"]) == [b"x" * 1000, None, b"z" * 1000, b"w" * 1000]
    assert cache.size_bytes <= bound
    cache.set_many({"big": b"q" * (2 * 1000 + ENTRY_OVERHEAD_BYTES)})  # fits only alone with one other
    assert cache.size_bytes <= bound and cache.get_many(["big"]) != [None]


def test_lru_skips_a_value_larger_than_the_whole_bound() -> None:
    """A value over the byte bound is not stored, and does not leave an older value under its key."""
    cache = InMemoryCache(max_bytes=10_000)
    cache.set_many({"a": b"1"})
    cache.set_many({"a": b"x" * 20_000, "b": b"2"})
    assert cache.get_many(["a", "b"]) == [None, b"2"]


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_breaker_opens_after_failures_in_a_row_and_probes_once_after_reset() -> None:
    """closed -> open after N failures; while open nothing passes; after the reset time one probe passes."""
    clock = FakeClock()
    changes: list[str] = []
    breaker = CircuitBreaker(failures=3, reset_seconds=5, clock=clock, on_change=changes.append)
    breaker.failed()
    breaker.failed()
    breaker.succeeded()  # a success resets the count
    breaker.failed()
    breaker.failed()
    assert breaker.allow() and breaker.state == "closed"
    breaker.failed()
    assert breaker.state == "open" and not breaker.allow()
    clock.now += 4.9
    assert not breaker.allow()
    clock.now += 0.2
    assert breaker.state == "half_open"
    assert breaker.allow()  # this caller is the probe
    assert not breaker.allow()  # every other caller still skips the backend
    breaker.failed()  # the probe failed: open again for a whole reset time
    assert breaker.state == "open" and not breaker.allow()
    clock.now += 5
    assert breaker.allow()
    breaker.succeeded()
    assert breaker.state == "closed" and breaker.allow()
    assert changes == ["open", "half_open", "open", "half_open", "closed"]


def test_breaker_replaces_a_probe_that_never_reported() -> None:
    """A probe whose caller died would block Redis forever; after another reset time a new probe may go."""
    clock = FakeClock()
    breaker = CircuitBreaker(failures=1, reset_seconds=5, clock=clock)
    breaker.failed()
    clock.now += 5
    assert breaker.allow()
    clock.now += 4
    assert not breaker.allow()
    clock.now += 1
    assert breaker.allow()


def test_open_breaker_skips_redis_without_a_call() -> None:
    """Once open, lookups are misses, stores are dropped and status is 'unavailable', with no round trip."""
    client = UnreachableRedis()
    cache = RedisCache(client, ttl_seconds=60, breaker=CircuitBreaker(failures=1, reset_seconds=60))  # type: ignore[arg-type]
    assert cache.get_many(["a"]) == [None]
    assert cache.get_many(["a", "b"]) == [None, None]
    cache.set_many({"a": b"1"})
    assert cache.status() == "unavailable"
    assert client.calls == ["mget"]


def test_namespace_goes_into_the_stored_key() -> None:
    """Two deployments with different models on one Redis store under different keys."""
    stored: list[str] = []

    class RecordingRedis(UnreachableRedis):
        def mget(self, keys: Sequence[str]) -> list[Any]:
            stored.extend(keys)
            return [None] * len(keys)

    key = cache_key("text", {}, "v1")
    for model in ("model_a", "model_b"):
        RedisCache(RecordingRedis(), ttl_seconds=60, namespace=model).get_many([key])  # type: ignore[arg-type]
    assert stored[0] != stored[1]
    assert all(k.startswith(f"{KEY_PREFIX}:") for k in stored)
    assert "model_a" in stored[0] and "model_b" in stored[1]


def test_tiered_cache_reads_local_first_and_keeps_hits_while_redis_is_down() -> None:
    """A Redis value fills the local LRU; with Redis failing, what the worker has seen is still a hit."""

    class OneValueRedis(UnreachableRedis):
        def mget(self, keys: Sequence[str]) -> list[Any]:
            self.calls.append("mget")
            return [b"remote" if k == "r" else None for k in keys]

    remote_client = OneValueRedis()
    tiered = TieredCache(InMemoryCache(), RedisCache(remote_client, ttl_seconds=60))  # type: ignore[arg-type]
    assert tiered.get_many(["r", "x"]) == [b"remote", None]
    assert tiered.get_many(["r"]) == [b"remote"]  # from the LRU: no second round trip
    assert remote_client.calls == ["mget"]
    tiered.set_many({"w": b"1"})  # the pipeline fails, the local copy stays
    assert tiered.get_many(["w"]) == [b"1"]
    assert tiered.name == "redis" and tiered.breaker is tiered.remote.breaker
