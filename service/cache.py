"""Per-article result cache: Redis when configured, an in-process LRU otherwise. Fails open."""
from __future__ import annotations

import hashlib
import json
import logging
import threading
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

import redis

log = logging.getLogger(__name__)

KEY_PREFIX = "quotesvc"


def cache_key(text: str, options: Mapping[str, Any], pipeline_version: str) -> str:
    """Key of one article's extraction: prefix, pipeline version and a hash of options and text."""
    digest = hashlib.sha256()
    digest.update(json.dumps(dict(options), sort_keys=True, separators=(",", ":")).encode())
    digest.update(b"\0")
    digest.update(text.encode("utf-8", "surrogatepass"))
    return f"{KEY_PREFIX}:{pipeline_version}:{digest.hexdigest()}"


class ResultCache(Protocol):
    """What `analyse()` needs of a cache: batch get and set of serialized results."""

    name: str

    def get_many(self, keys: Sequence[str]) -> list[bytes | None]:
        """Values for `keys` in order; None for a miss or on any backend error."""
        ...

    def set_many(self, items: Mapping[str, bytes]) -> None:
        """Store `items`; a backend error is logged, never raised."""
        ...

    def status(self) -> str:
        """'ok' when the backend answers, 'unavailable' otherwise."""
        ...


class InMemoryCache:
    """A thread-safe LRU of bounded size, private to the process."""

    name = "memory"

    def __init__(self, max_entries: int = 2048) -> None:
        self._max_entries = max_entries
        self._items: OrderedDict[str, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get_many(self, keys: Sequence[str]) -> list[bytes | None]:
        with self._lock:
            values: list[bytes | None] = []
            for key in keys:
                value = self._items.get(key)
                if value is not None:
                    self._items.move_to_end(key)
                values.append(value)
            return values

    def set_many(self, items: Mapping[str, bytes]) -> None:
        with self._lock:
            for key, value in items.items():
                self._items[key] = value
                self._items.move_to_end(key)
            while len(self._items) > self._max_entries:
                self._items.popitem(last=False)

    def status(self) -> str:
        return "ok"

    def __len__(self) -> int:
        return len(self._items)


class RedisCache:
    """Redis-backed cache with a TTL; every Redis error or timeout is logged and treated as a miss."""

    name = "redis"

    def __init__(self, client: redis.Redis, ttl_seconds: int) -> None:
        self._client = client
        self._ttl = ttl_seconds

    @classmethod
    def from_url(cls, url: str, ttl_seconds: int, timeout_seconds: float) -> RedisCache:
        """A cache on the Redis at `url`; connects lazily, so a down Redis does not stop start-up."""
        client = redis.Redis.from_url(
            url,
            socket_timeout=timeout_seconds,
            socket_connect_timeout=timeout_seconds,
            health_check_interval=30,
        )
        return cls(client, ttl_seconds)

    def get_many(self, keys: Sequence[str]) -> list[bytes | None]:
        if not keys:
            return []
        try:
            values: list[Any] = self._client.mget(list(keys))  # type: ignore[assignment]  # sync client
        except redis.RedisError as exc:
            log.warning("redis get failed, treating as miss: %s", exc)
            return [None] * len(keys)
        return [v if isinstance(v, bytes) else None for v in values]

    def set_many(self, items: Mapping[str, bytes]) -> None:
        if not items:
            return
        try:
            pipe = self._client.pipeline(transaction=False)
            for key, value in items.items():
                pipe.set(key, value, ex=self._ttl)
            pipe.execute()
        except redis.RedisError as exc:
            log.warning("redis set failed, result not cached: %s", exc)

    def status(self) -> str:
        try:
            self._client.ping()
        except redis.RedisError:
            return "unavailable"
        return "ok"
