"""Per-article result cache: Redis when configured, an in-process LRU otherwise. Fails open, never slower than none.

Every Redis operation is bounded: connecting, sending and reading each wait at most REDIS_TIMEOUT, waiting
for a pooled connection too, and nothing is retried. After REDIS_BREAKER_FAILURES failures in a row a
circuit breaker skips Redis (every lookup a miss, every store dropped) for REDIS_BREAKER_RESET seconds, then
lets one operation through as a probe: its success closes the breaker, its failure opens it again.
"""
from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Literal, Protocol

import cachetools
import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

log = logging.getLogger(__name__)

KEY_PREFIX = "quotesvc"
# What an entry of the in-process cache costs besides its value: the key string, the LRU's bookkeeping.
ENTRY_OVERHEAD_BYTES = 256

BreakerState = Literal["closed", "open", "half_open"]


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
    """A thread-safe LRU private to the process, bounded in bytes (values plus a fixed cost per entry) and entries."""

    name = "memory"

    def __init__(self, max_entries: int = 2048, max_bytes: int = 128 * 1024 * 1024) -> None:
        self._max_entries = max_entries
        self._items: cachetools.LRUCache[str, bytes] = cachetools.LRUCache(
            maxsize=max_bytes, getsizeof=lambda value: len(value) + ENTRY_OVERHEAD_BYTES
        )
        self._lock = threading.Lock()  # cachetools' caches are not thread-safe; gthread workers share one

    def get_many(self, keys: Sequence[str]) -> list[bytes | None]:
        with self._lock:
            return [self._items.get(key) for key in keys]  # a get makes the entry the most recent

    def set_many(self, items: Mapping[str, bytes]) -> None:
        with self._lock:
            for key, value in items.items():
                if len(value) + ENTRY_OVERHEAD_BYTES > self._items.maxsize:
                    self._items.pop(key, None)  # larger than the whole cache: not kept, nor a stale copy
                    continue
                self._items[key] = value
                while len(self._items) > self._max_entries:
                    self._items.popitem()

    def status(self) -> str:
        return "ok"

    @property
    def size_bytes(self) -> int:
        """What the entries count against the byte bound."""
        return int(self._items.currsize)

    def __len__(self) -> int:
        return len(self._items)


class CircuitBreaker:
    """closed -> (`failures` failures in a row) -> open -> (`reset_seconds`) -> half_open -> one probe.

    While open every call is refused at once; in half_open exactly one caller gets to probe and the others
    are still refused, so a hung backend costs one timeout per `reset_seconds`, not one per request.
    Hand-written rather than pybreaker: pybreaker 1.4 holds one lock around every call it guards, which
    would serialise all Redis round trips of a threaded worker behind each other.
    """

    def __init__(
        self,
        failures: int = 3,
        reset_seconds: float = 5.0,
        *,
        clock: Callable[[], float] = time.monotonic,
        on_change: Callable[[BreakerState], None] | None = None,
    ) -> None:
        self.failures = failures
        self.reset_seconds = reset_seconds
        self.on_change = on_change
        self._clock = clock
        self._state: BreakerState = "closed"
        self._failed = 0
        self._opened_at = 0.0
        self._probing = False
        self._probe_started = 0.0
        self._lock = threading.Lock()

    @property
    def state(self) -> BreakerState:
        """'closed', 'open' or 'half_open' (open, and the reset time has passed)."""
        with self._lock:
            if self._state == "open" and self._clock() - self._opened_at >= self.reset_seconds:
                return "half_open"
            return self._state

    def allow(self) -> bool:
        """Whether the caller may use the backend now; a True in half_open makes the caller the probe."""
        with self._lock:
            if self._state == "closed":
                return True
            now = self._clock()
            # A probe that never reported (its caller died) gives way to a new one after another reset time.
            if now - self._opened_at < self.reset_seconds:
                return False
            if self._probing and now - self._probe_started < self.reset_seconds:
                return False
            self._probing = True
            self._probe_started = now
            changed = self._set("half_open")
        self._notify(changed)
        return True

    def succeeded(self) -> None:
        """The backend answered."""
        with self._lock:
            self._failed = 0
            self._probing = False
            changed = self._set("closed")
        self._notify(changed)

    def failed(self) -> None:
        """The backend failed or timed out."""
        with self._lock:
            self._failed += 1
            if self._probing or self._failed >= self.failures:
                self._probing = False
                self._opened_at = self._clock()
                changed = self._set("open")
            else:
                changed = None
        self._notify(changed)

    def _set(self, state: BreakerState) -> BreakerState | None:
        if state == self._state:
            return None
        self._state = state
        return state

    def _notify(self, changed: BreakerState | None) -> None:
        if changed is not None:
            if changed == "open":
                log.warning("redis circuit breaker open: skipping redis for %g s", self.reset_seconds)
            if self.on_change is not None:
                self.on_change(changed)


class RedisCache:
    """Redis-backed cache with a TTL; every Redis error or timeout is logged and treated as a miss."""

    name = "redis"

    def __init__(
        self,
        client: redis.Redis,
        ttl_seconds: int,
        *,
        breaker: CircuitBreaker | None = None,
        namespace: str = "",
    ) -> None:
        self._client = client
        self._ttl = ttl_seconds
        self.breaker = breaker if breaker is not None else CircuitBreaker()
        # Deployments with different models may share one Redis: the namespace keeps their results apart.
        self._namespace = namespace

    @classmethod
    def from_url(
        cls,
        url: str,
        ttl_seconds: int,
        timeout_seconds: float,
        *,
        max_connections: int = 64,
        breaker: CircuitBreaker | None = None,
        namespace: str = "",
    ) -> RedisCache:
        """A cache on the Redis at `url`; connects lazily, so a down Redis does not stop start-up.

        No retries (redis-py 6 retries 3 times with back-off by default, seconds on a hung server) and no
        health-check PING before commands (a second round trip; the breaker does that job).
        """
        pool = redis.BlockingConnectionPool.from_url(
            url,
            max_connections=max_connections,
            timeout=timeout_seconds,  # waiting for a free connection of the pool
            socket_timeout=timeout_seconds,
            socket_connect_timeout=timeout_seconds,
            retry=Retry(NoBackoff(), 0),
            health_check_interval=0,
        )
        return cls(redis.Redis(connection_pool=pool), ttl_seconds, breaker=breaker, namespace=namespace)

    def get_many(self, keys: Sequence[str]) -> list[bytes | None]:
        if not keys or not self.breaker.allow():
            return [None] * len(keys)
        try:
            values: list[Any] = self._client.mget([self._scoped(k) for k in keys])  # type: ignore[assignment]
        except redis.RedisError as exc:
            self.breaker.failed()
            log.warning("redis get failed, treating as miss: %s", exc)
            return [None] * len(keys)
        self.breaker.succeeded()
        return [v if isinstance(v, bytes) else None for v in values]

    def set_many(self, items: Mapping[str, bytes]) -> None:
        if not items or not self.breaker.allow():
            return
        try:
            pipe = self._client.pipeline(transaction=False)
            for key, value in items.items():
                pipe.set(self._scoped(key), value, ex=self._ttl)
            pipe.execute()
        except redis.RedisError as exc:
            self.breaker.failed()
            log.warning("redis set failed, result not cached: %s", exc)
            return
        self.breaker.succeeded()

    def status(self) -> str:
        if not self.breaker.allow():
            return "unavailable"
        try:
            self._client.ping()
        except redis.RedisError:
            self.breaker.failed()
            return "unavailable"
        self.breaker.succeeded()
        return "ok"

    def _scoped(self, key: str) -> str:
        if not self._namespace:
            return key
        prefix, _, rest = key.partition(":")
        return f"{prefix}:{self._namespace}:{rest}"


class TieredCache:
    """A process's own byte-bounded LRU in front of Redis: hot results stay hits while Redis is slow or gone.

    Reads try the local LRU first and ask Redis only for the rest (filling the LRU with what it returns);
    writes go to both. `name`, `status()` and `breaker` are Redis's, so /readyz reports the shared cache.
    """

    def __init__(self, local: InMemoryCache, remote: RedisCache) -> None:
        self.local = local
        self.remote = remote
        self.name = remote.name
        self.breaker = remote.breaker

    def get_many(self, keys: Sequence[str]) -> list[bytes | None]:
        values = self.local.get_many(keys)
        missing = [i for i, value in enumerate(values) if value is None]
        if missing:
            found = self.remote.get_many([keys[i] for i in missing])
            fetched = {}
            for i, value in zip(missing, found, strict=True):
                if value is not None:
                    values[i] = fetched[keys[i]] = value
            self.local.set_many(fetched)
        return values

    def set_many(self, items: Mapping[str, bytes]) -> None:
        self.local.set_many(items)
        self.remote.set_many(items)

    def status(self) -> str:
        return self.remote.status()
