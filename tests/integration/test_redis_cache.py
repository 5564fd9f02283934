"""The service against a real redis-server: shared cache, fail-open when Redis is down or goes away."""
from __future__ import annotations

import time
from typing import TYPE_CHECKING

import pytest
import redis
from flask.testing import FlaskClient
from spacy.language import Language

from service.app import create_app

if TYPE_CHECKING:
    from conftest import RedisServer

pytestmark = pytest.mark.redis

TEXT = "“We have natural conflict,” Trump said."
OTHER = "The minister said the talks were “constructive” and would resume."
THIRD = "“No comment,” a spokeswoman said."
FOURTH = "“We will appeal,” the lawyer said on Friday."


def redis_client_app(nlp: Language, url: str) -> FlaskClient:
    """A client of an app whose cache is the Redis at `url`, built from settings as in production."""
    return create_app(
        {"redis_url": url, "cache_ttl": 600, "redis_timeout": 0.5, "redis_breaker_reset": 0.5}, nlp=nlp
    ).test_client()


def x_cache(client: FlaskClient, text: str) -> str:
    """POST `text`; the request must succeed; returns the X-Cache header."""
    response = client.post("/v1/quotes", json={"text": text})
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.headers["X-Cache"]


def test_second_identical_request_hits_redis(
    nlp: Language, redis_client: redis.Redis, redis_server: str
) -> None:
    """The article's result and the whole response are stored under 'quotesvc:' keys with a TTL, and a
    second app (worker) reuses them."""
    first = redis_client_app(nlp, redis_server)
    assert x_cache(first, TEXT) == "miss"
    assert x_cache(first, TEXT) == "hit"
    keys = redis_client.keys("*")
    assert len(keys) == 2 and all(key.startswith(b"quotesvc:") for key in keys)
    assert all(0 < redis_client.ttl(key) <= 600 for key in keys)
    # Another worker shares the cache: its first request for the text is already a hit.
    assert x_cache(redis_client_app(nlp, redis_server), TEXT) == "hit"
    assert redis_client_app(nlp, redis_server).get("/readyz").get_json()["cache"] == {
        "backend": "redis", "status": "ok", "breaker": "closed"
    }


def test_redis_at_a_closed_port_serves_every_request(nlp: Language, closed_redis_url: str) -> None:
    """Nothing listens at REDIS_URL: requests succeed (cached by the worker's own LRU) and readiness says so."""
    client = redis_client_app(nlp, closed_redis_url)
    assert [x_cache(client, TEXT), x_cache(client, TEXT)] == ["miss", "hit"]
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.get_json()["cache"] == {"backend": "redis", "status": "unavailable", "breaker": "open"}


def test_redis_killed_and_restarted_mid_run(nlp: Language, own_redis_server: RedisServer) -> None:
    """Requests succeed while Redis is gone; caching resumes once it is back."""
    client = redis_client_app(nlp, own_redis_server.url)
    assert [x_cache(client, TEXT), x_cache(client, TEXT)] == ["miss", "hit"]

    own_redis_server.stop()
    # TEXT stays a hit from the worker's own LRU in front of Redis; OTHER is computed.
    assert [x_cache(client, TEXT), x_cache(client, OTHER)] == ["hit", "miss"]
    assert client.get("/readyz").get_json()["cache"]["status"] == "unavailable"

    own_redis_server.start()  # same port, empty: nothing was persisted
    # The breaker skips Redis for REDIS_BREAKER_RESET seconds, then a probe finds it back.
    deadline = time.monotonic() + 10
    while client.get("/readyz").get_json()["cache"]["status"] != "ok":
        assert time.monotonic() < deadline, "the breaker never probed Redis again"
        time.sleep(0.1)
    assert [x_cache(client, THIRD), x_cache(client, THIRD)] == ["miss", "hit"]
    # Stored in Redis too: another worker (its own, empty LRU) finds it there.
    assert x_cache(redis_client_app(nlp, own_redis_server.url), THIRD) == "hit"


def test_a_hung_redis_costs_one_timeout_then_is_skipped(nlp: Language, own_redis_server: RedisServer) -> None:
    """Redis stopped (SIGSTOP) accepts connections and never answers: the first requests wait REDIS_TIMEOUT per
    operation, no retries; once the breaker opens, requests skip Redis; after SIGCONT a probe closes it."""
    timeout = 0.2
    app = create_app(
        {"redis_url": own_redis_server.url, "redis_timeout": timeout, "redis_breaker_failures": 2,
         "redis_breaker_reset": 1.0},
        nlp=nlp,
    )
    client = app.test_client()
    assert x_cache(client, TEXT) == "miss"
    own_redis_server.pause()
    try:
        started = time.monotonic()
        assert x_cache(client, OTHER) == "miss"  # response get fails (1), article get fails (2): breaker opens
        first = time.monotonic() - started
        assert client.get("/readyz").get_json()["cache"] == {
            "backend": "redis", "status": "unavailable", "breaker": "open"
        }
        started = time.monotonic()
        assert x_cache(client, THIRD) == "miss"
        skipped = time.monotonic() - started
    finally:
        own_redis_server.resume()
    # Two timeouts of 0.2 s, not redis-py's default 3 retries with back-off (seconds).
    assert 2 * timeout <= first < 4 * timeout + 1.0
    assert skipped < first
    metrics = client.get("/metrics").get_data(as_text=True)
    assert 'quote_service_cache_breaker_changes_total{state="open"} 1.0' in metrics
    deadline = time.monotonic() + 10
    while client.get("/readyz").get_json()["cache"].get("breaker") != "closed":
        assert time.monotonic() < deadline, "the breaker did not close after Redis came back"
        time.sleep(0.1)
    assert x_cache(client, FOURTH) == "miss"
    other_worker = create_app({"redis_url": own_redis_server.url}, nlp=nlp).test_client()
    assert x_cache(other_worker, FOURTH) == "hit"  # written to Redis again once the breaker closed
