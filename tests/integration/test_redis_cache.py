"""The service against a real redis-server: shared cache, fail-open when Redis is down or goes away."""
from __future__ import annotations

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


def redis_client_app(nlp: Language, url: str) -> FlaskClient:
    """A client of an app whose cache is the Redis at `url`, built from settings as in production."""
    return create_app({"redis_url": url, "cache_ttl": 600, "redis_timeout": 0.5}, nlp=nlp).test_client()


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
        "backend": "redis", "status": "ok"
    }


def test_redis_at_a_closed_port_serves_every_request(nlp: Language, closed_redis_url: str) -> None:
    """Nothing listens at REDIS_URL: requests succeed uncached and readiness says so."""
    client = redis_client_app(nlp, closed_redis_url)
    assert [x_cache(client, TEXT), x_cache(client, TEXT)] == ["miss", "miss"]
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.get_json()["cache"] == {"backend": "redis", "status": "unavailable"}


def test_redis_killed_and_restarted_mid_run(nlp: Language, own_redis_server: RedisServer) -> None:
    """Requests succeed while Redis is gone; caching resumes once it is back."""
    client = redis_client_app(nlp, own_redis_server.url)
    assert [x_cache(client, TEXT), x_cache(client, TEXT)] == ["miss", "hit"]

    own_redis_server.stop()
    assert [x_cache(client, TEXT), x_cache(client, OTHER)] == ["miss", "miss"]
    assert client.get("/readyz").get_json()["cache"]["status"] == "unavailable"

    own_redis_server.start()  # same port, empty: nothing was persisted
    assert client.get("/readyz").get_json()["cache"]["status"] == "ok"
    assert [x_cache(client, OTHER), x_cache(client, OTHER)] == ["miss", "hit"]
