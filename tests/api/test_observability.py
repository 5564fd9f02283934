"""Request ids, the JSON access log and /metrics."""
from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from flask.testing import FlaskClient
from prometheus_client.parser import text_string_to_metric_families
from spacy.language import Language

from service.app import create_app
from service.cache import InMemoryCache

SECRET_TEXT = "“The launch code is swordfish,” the general said."


def access_lines(caplog: pytest.LogCaptureFixture) -> list[dict[str, Any]]:
    """The access-log records so far, decoded."""
    return [json.loads(r.getMessage()) for r in caplog.records if r.name == "service.access"]


def samples(client: FlaskClient) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    """Every sample of /metrics by (name, labels)."""
    response = client.get("/metrics")
    assert response.status_code == 200 and response.mimetype == "text/plain"
    return {
        (s.name, frozenset(s.labels.items())): s.value
        for family in text_string_to_metric_families(response.get_data(as_text=True))
        for s in family.samples
    }


def test_one_json_line_per_request_without_article_text(
    client: FlaskClient, caplog: pytest.LogCaptureFixture
) -> None:
    """Method, path, status, timing, cache, article count and request id; never the text."""
    with caplog.at_level(logging.INFO, logger="service.access"):
        first = client.post("/v1/quotes", json={"articles": [{"text": SECRET_TEXT}, {"text": "b"}]})
        client.post("/v1/quotes", json={"articles": [{"text": SECRET_TEXT}, {"text": "b"}]})
        client.get("/nowhere")
    lines = access_lines(caplog)
    assert [(line["method"], line["path"], line["status"], line["cache"], line["articles"]) for line in lines] == [
        ("POST", "/v1/quotes", 200, "miss", 2),
        ("POST", "/v1/quotes", 200, "hit", 2),
        ("GET", "/nowhere", 404, "-", None),
    ]
    assert lines[0]["request_id"] == first.headers["X-Request-ID"]
    assert all(isinstance(line["duration_ms"], float | int) and line["duration_ms"] >= 0 for line in lines)
    assert "swordfish" not in caplog.text


@pytest.mark.parametrize(
    "given, echoed",
    [("abc-123", True), ("", False), ("x" * 129, False), ("evil\"quote", False), ("a b", False)],
)
def test_request_id_is_echoed_or_generated(client: FlaskClient, given: str, echoed: bool) -> None:
    """A short token is echoed; anything else (that could forge log lines) is replaced by a uuid4 hex."""
    response = client.get("/healthz", headers={"X-Request-ID": given} if given else {})
    request_id = response.headers["X-Request-ID"]
    if echoed:
        assert request_id == given
    else:
        assert len(request_id) == 32 and int(request_id, 16) >= 0


def test_request_ids_differ_between_requests(client: FlaskClient) -> None:
    """Generated ids are fresh per request, on errors too."""
    ids = {client.get("/healthz").headers["X-Request-ID"], client.get("/nope").headers["X-Request-ID"]}
    assert len(ids) == 2


def test_metrics_count_requests_cache_and_quotes(seeded: Any) -> None:
    """Requests by route and status, per-article cache results, quotes by kind, pipeline timings."""
    client = seeded.client
    client.post("/v1/quotes", json=seeded.body(terms=True))
    client.post("/v1/quotes", json={"text": "x", "bogus": 1})
    client.get("/nowhere")
    found = samples(client)
    route = frozenset({("route", "/v1/quotes"), ("method", "POST"), ("status", "200")})
    assert found[("quote_service_http_requests_total", route)] == 1
    assert found[("quote_service_http_request_duration_seconds_count", route)] == 1
    bad = frozenset({("route", "/v1/quotes"), ("method", "POST"), ("status", "422")})
    assert found[("quote_service_http_requests_total", bad)] == 1
    unmatched = frozenset({("route", "<unmatched>"), ("method", "GET"), ("status", "404")})
    assert found[("quote_service_http_requests_total", unmatched)] == 1
    assert found[("quote_service_cache_lookups_total", frozenset({("result", "hit")}))] == 2
    assert found[("quote_service_quotes_total", frozenset({("kind", "full")}))] == 2
    assert found[("quote_service_quotes_total", frozenset({("kind", "term")}))] == 1
    assert found[("quote_service_analysis_duration_seconds_count", frozenset())] == 1


def test_each_app_has_its_own_registry(nlp: Language) -> None:
    """Two apps in one process do not share series (and building a second one does not clash)."""
    first = create_app({}, nlp=nlp, cache=InMemoryCache()).test_client()
    second = create_app({}, nlp=nlp, cache=InMemoryCache()).test_client()
    first.post("/v1/quotes", json={"text": "x"})
    key = ("quote_service_http_requests_total",
           frozenset({("route", "/v1/quotes"), ("method", "POST"), ("status", "200")}))
    assert samples(first)[key] == 1
    assert key not in samples(second)


MULTIPROCESS_SCRIPT = """
import spacy
from service.app import create_app
from service.cache import InMemoryCache
app = create_app({}, nlp=spacy.blank("en"), cache=InMemoryCache())
app.test_client().get("/healthz")
"""


def test_multiprocess_mode_sums_what_other_processes_recorded(tmp_path: Path) -> None:
    """With PROMETHEUS_MULTIPROC_DIR set (gunicorn), /metrics reports what another process counted."""
    env = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(tmp_path)}
    for _ in range(2):
        subprocess.run([sys.executable, "-c", MULTIPROCESS_SCRIPT], env=env, check=True, timeout=120)
    assert list(tmp_path.glob("*.db"))
    reader = """
import spacy
from service.app import create_app
from service.cache import InMemoryCache
client = create_app({}, nlp=spacy.blank("en"), cache=InMemoryCache()).test_client()
print(client.get("/metrics").get_data(as_text=True))
"""
    out = subprocess.run(
        [sys.executable, "-c", reader], env=env, check=True, timeout=120, capture_output=True, text=True
    ).stdout
    line = 'quote_service_http_requests_total{method="GET",route="/healthz",status="200"} 2.0'
    assert line in out


def test_metrics_port_takes_metrics_off_the_api_port(nlp: Language) -> None:
    """With METRICS_PORT set, /metrics on the app is a 404 problem that names the port (gunicorn serves it)."""
    client = create_app({"metrics_port": 9100}, nlp=nlp, cache=InMemoryCache()).test_client()
    response = client.get("/metrics")
    assert (response.status_code, response.mimetype) == (404, "application/problem+json")
    assert "9100" in response.get_json()["detail"]
