"""Problem titles come from the service's own table, so an error's body is the same on every Python."""
from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient

from service.api.errors import PROBLEM_TITLES, problem_title
from service.app import create_app
from service.cache import InMemoryCache

# Each error the service answers, produced for real, with the RFC 9110 title it must carry.
ANSWERED = [
    pytest.param("POST", "/v1/quotes", {"data": b"{", "content_type": "application/json"}, 400, "Bad Request",
                 id="400"),
    pytest.param("GET", "/nowhere", {}, 404, "Not Found", id="404"),
    pytest.param("GET", "/v1/quotes", {}, 405, "Method Not Allowed", id="405"),
    pytest.param("POST", "/v1/quotes", {"json": {"articles": [{"text": "a"}] * 101}}, 413, "Content Too Large",
                 id="413-problem"),
    pytest.param("POST", "/v1/quotes", {"data": b"a" * (10 * 1024 * 1024 + 1), "content_type": "text/plain"},
                 413, "Content Too Large", id="413-werkzeug"),
    pytest.param("POST", "/v1/quotes", {"data": b"x", "content_type": "text/csv"}, 415, "Unsupported Media Type",
                 id="415"),
    pytest.param("POST", "/v1/quotes", {"json": {"articles": [{"txt": "a"}]}}, 422, "Unprocessable Content",
                 id="422"),
]


@pytest.mark.parametrize("method, path, request_kwargs, status, title", ANSWERED)
def test_answered_problems_carry_the_rfc_9110_title(
    client: FlaskClient, method: str, path: str, request_kwargs: dict[str, object], status: int, title: str
) -> None:
    """The title is RFC 9110's phrase, whichever phrase this interpreter's http.HTTPStatus has."""
    response = client.open(path, method=method, **request_kwargs)
    assert response.status_code == status
    assert response.get_json()["title"] == title


def test_401_and_500_titles(nlp: object) -> None:
    """A refused key and an unexpected failure carry their table titles too."""
    app: Flask = create_app({"api_keys": "k"}, nlp=nlp, cache=InMemoryCache())  # type: ignore[arg-type]

    @app.get("/explode")
    def explode() -> str:
        raise RuntimeError("boom")

    client = app.test_client()
    assert client.post("/v1/quotes", json={"text": "a"}).get_json()["title"] == "Unauthorized"
    failed = client.get("/explode")
    assert (failed.status_code, failed.get_json()["title"]) == (500, "Internal Server Error")
    assert "boom" not in failed.get_data(as_text=True)


def test_the_table_covers_every_error_status_and_falls_back_by_class() -> None:
    """Every standard 4xx/5xx has an entry; an unlisted code gets its class, never an interpreter phrase."""
    assert all(400 <= status <= 599 and title for status, title in PROBLEM_TITLES.items())
    assert {400, 401, 404, 405, 413, 415, 422, 500, 503} <= set(PROBLEM_TITLES)
    assert problem_title(499) == "Client Error"
    assert problem_title(599) == "Server Error"
