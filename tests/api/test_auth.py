"""Optional API keys: with API_KEYS set, /v1/* needs a bearer key; operations endpoints stay open."""
from __future__ import annotations

import pytest
from flask.testing import FlaskClient
from spacy.language import Language

from service.app import create_app
from service.cache import InMemoryCache
from tests.api.test_routes import assert_problem


@pytest.fixture
def keyed_client(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> FlaskClient:
    """An app whose API_KEYS (from the environment) are 'alpha' and 'beta'."""
    monkeypatch.setenv("API_KEYS", " alpha, beta ")
    return create_app({}, nlp=nlp, cache=InMemoryCache()).test_client()


@pytest.mark.parametrize(
    "headers, challenge_error",
    [
        pytest.param({}, False, id="missing"),
        pytest.param({"Authorization": "Bearer gamma"}, True, id="wrong-key"),
        pytest.param({"Authorization": "Bearer alph"}, True, id="prefix-of-a-key"),
        pytest.param({"Authorization": "Bearer alpha,beta"}, True, id="the-whole-list"),
        pytest.param({"Authorization": "Basic alpha"}, False, id="wrong-scheme"),
        pytest.param({"Authorization": "Bearer "}, False, id="empty-token"),
    ],
)
def test_without_a_valid_key_v1_is_401(
    keyed_client: FlaskClient, headers: dict[str, str], challenge_error: bool
) -> None:
    """A missing or wrong key is a 401 problem with a Bearer challenge; nothing is analysed."""
    response = keyed_client.post("/v1/quotes", json={"text": "x"}, headers=headers)
    assert_problem(response, 401)
    challenge = response.headers["WWW-Authenticate"]
    assert challenge.startswith("Bearer")
    assert ("invalid_token" in challenge) is challenge_error
    assert "X-Cache" not in response.headers


@pytest.mark.parametrize("key", ["alpha", "beta"])
def test_each_configured_key_is_accepted(keyed_client: FlaskClient, key: str) -> None:
    """Any key of the list opens /v1/*, with either capitalisation of the scheme."""
    for scheme in ("Bearer", "bearer"):
        response = keyed_client.post("/v1/quotes", json={"text": "x"}, headers={"Authorization": f"{scheme} {key}"})
        assert response.status_code == 200


@pytest.mark.parametrize("path", ["/healthz", "/readyz", "/openapi.yaml", "/metrics"])
def test_operations_endpoints_stay_open(keyed_client: FlaskClient, path: str) -> None:
    """Probes, the contract and the scraper need no key."""
    assert keyed_client.get(path).status_code == 200


def test_without_api_keys_v1_is_open(client: FlaskClient) -> None:
    """The default: no API_KEYS, no authentication."""
    assert client.post("/v1/quotes", json={"text": "x"}).status_code == 200


def test_with_api_keys_x_cache_reveals_nothing(keyed_client: FlaskClient) -> None:
    """The cache is shared by every key: with API_KEYS set no X-Cache header says another client sent a text."""
    body = {"text": "“We will see,” the minister said."}
    for key in ("alpha", "beta"):
        response = keyed_client.post("/v1/quotes", json=body, headers={"Authorization": f"Bearer {key}"})
        assert response.status_code == 200 and "X-Cache" not in response.headers


def test_without_api_keys_x_cache_is_sent(client: FlaskClient) -> None:
    """An open service (one tenant) keeps the header for debugging."""
    body = {"text": "“We will see,” the minister said."}
    assert [client.post("/v1/quotes", json=body).headers["X-Cache"] for _ in range(2)] == ["miss", "hit"]
