"""openapi.yaml as tools take it: redocly lint clean, every header declared, a full example, and /docs."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from flask import Flask
from flask.testing import FlaskClient
from spacy.language import Language

from service.app import create_app
from service.cache import InMemoryCache
from tests.api.test_openapi import SPEC_PATH, declared_response, resolve, validator_for

REPO_ROOT = SPEC_PATH.parent
REDOCLY = REPO_ROOT / "tools" / "redocly" / "node_modules" / ".bin" / "redocly"
# Headers that describe the representation itself; everything else a response carries must be declared.
REPRESENTATION_HEADERS = {"content-type", "content-length"}


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    """The parsed openapi.yaml."""
    document: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    return document


def redocly_binary() -> Path:
    """The project-local @redocly/cli (make test installs it); missing fails under CI, else skips."""
    if not REDOCLY.exists():
        message = "@redocly/cli is not installed in tools/redocly (make test installs it with npm ci)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return REDOCLY


def test_redocly_lint_finds_no_error_and_no_warning() -> None:
    """The recommended ruleset passes; the only exceptions are the ones listed, with reasons, in the ignore file."""
    result = subprocess.run(
        [str(redocly_binary()), "lint", "--format=json", "openapi.yaml"],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "REDOCLY_TELEMETRY": "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true"},
    )
    report = json.loads(result.stdout[result.stdout.index("{"):])
    problems = [(p["ruleId"], p["message"], p["location"][0]["pointer"]) for p in report["problems"]]
    assert (result.returncode, report["totals"]["errors"], report["totals"]["warnings"]) == (0, 0, 0), problems
    assert not (REPO_ROOT / "redocly.yaml").exists()  # the built-in recommended rules, none turned off


def header_cases(app_with_keys: Flask, client: FlaskClient) -> list[tuple[str, str, Any]]:
    """Real responses of every route and of the error paths, as (spec path, method, response)."""
    keyed = app_with_keys.test_client()
    return [
        ("/v1/quotes", "post", client.post("/v1/quotes", json={"text": "“Hi,” she said."})),
        ("/v1/quotes", "post", client.post("/v1/quotes", json={"text": "“Hi,” she said."})),  # a cache hit
        ("/v1/quotes", "post", client.post("/v1/quotes", data=b"{", content_type="application/json")),
        ("/v1/quotes", "post", client.post("/v1/quotes", json={"txt": "a"}, headers={"X-Request-ID": "abc-1"})),
        ("/v1/quotes", "post", keyed.post("/v1/quotes", json={"text": "a"})),
        ("/v1/quotes", "post", client.post("/v1/quotes", data=b"x", content_type="text/csv")),
        ("/v1/quotes", "get", client.get("/v1/quotes")),
        ("/healthz", "get", client.get("/healthz")),
        ("/readyz", "get", client.get("/readyz")),
        ("/openapi.yaml", "get", client.get("/openapi.yaml")),
        ("/metrics", "get", client.get("/metrics")),
        ("/docs", "get", client.get("/docs")),
        ("/docs/{asset}", "get", client.get("/docs/docs.js")),
        ("/docs/{asset}", "get", client.get("/docs/nothing.js")),
    ]


@pytest.fixture
def app_with_keys(nlp: Language) -> Flask:
    """An app with API keys on."""
    return create_app({"api_keys": "secret"}, nlp=nlp, cache=InMemoryCache())


def test_every_header_a_response_carries_is_declared(
    spec: dict[str, Any], app_with_keys: Flask, client: FlaskClient
) -> None:
    """X-Request-ID, X-Cache, WWW-Authenticate, Allow, ...: each is in the spec for that response, and valid."""
    for path, method, response in header_cases(app_with_keys, client):
        operation = spec["paths"][path].get(method)
        responses = operation["responses"] if operation else {"default": {"$ref": "#/components/responses/Problem"}}
        declared = resolve(spec, responses.get(str(response.status_code), responses["default"]))
        headers = {name.lower(): resolve(spec, header) for name, header in declared.get("headers", {}).items()}
        for name, value in response.headers.items():
            if name.lower() in REPRESENTATION_HEADERS:
                continue
            assert name.lower() in headers, f"{method} {path} -> {response.status_code} sends undeclared {name}"
            validator_for(spec, headers[name.lower()]["schema"]).validate(value)
        for name, header in headers.items():
            if header.get("required"):
                assert name in {n.lower() for n in response.headers.keys()}, (path, response.status_code, name)


def test_the_over_budget_answer_declares_retry_after(spec: dict[str, Any]) -> None:
    """The 503 of /v1/quotes (past REQUEST_TIME_BUDGET, tests/api/test_routes.py) documents Retry-After."""
    declared = declared_response(spec, "/v1/quotes", "post", 503)
    retry_after = resolve(spec, declared["headers"]["Retry-After"])
    assert retry_after["required"] is True
    validator_for(spec, retry_after["schema"]).validate("60")


def test_the_200_example_is_a_full_valid_answer_to_the_batch_example(spec: dict[str, Any]) -> None:
    """It validates, has speakers, cues and a variant group, and every span slices the example's texts."""
    operation = spec["paths"]["/v1/quotes"]["post"]
    request = operation["requestBody"]["content"]["application/json"]["examples"]["batch"]["value"]
    example = operation["responses"]["200"]["content"]["application/json"]["examples"]["batch"]["value"]
    validator_for(spec, {"$ref": "#/components/schemas/QuotesResponse"}).validate(example)
    texts = [article["text"] for article in request["articles"]]
    assert len(example["articles"]) == len(texts) and example["variant_groups"]
    spans = 0
    for text, article in zip(texts, example["articles"], strict=True):
        for quote in article["quotes"]:
            assert quote["speaker"] and quote["cue"]
            for where in [quote, *quote["segments"], quote["cue"], quote["content"], quote["speaker"]["mention"]]:
                assert text[where["start"]:where["end"]] == where["text"]
                spans += 1
    assert spans >= 10


def test_docs_renders_the_spec_from_this_origin_only(client: FlaskClient) -> None:
    """The page points Swagger UI at /openapi.yaml and loads only assets the service itself serves."""
    page = client.get("/docs")
    assert (page.status_code, page.mimetype) == (200, "text/html")
    html = page.get_data(as_text=True)
    assert 'data-spec-url="openapi.yaml"' in html
    references = re.findall(r'(?:src|href)="([^"]+)"', html)
    references = [ref for ref in references if ref != "data:,"]  # the empty icon, so no /favicon.ico request
    assert references and not any(re.match(r"[a-z]+:|//", ref) for ref in references), references
    for ref in references:
        answer = client.get("/" + ref)
        assert answer.status_code == 200 and answer.get_data(), ref
    bundle = client.get("/docs/swagger-ui-bundle.js")
    assert bundle.mimetype == "text/javascript" and b"SwaggerUIBundle" in bundle.get_data()
    assert client.get("/docs/swagger-ui.css").mimetype == "text/css"


def test_docs_assets_are_a_fixed_list(client: FlaskClient) -> None:
    """Any other name is a 404 problem, so /docs/<asset> never reads an arbitrary file."""
    for name in ("nothing.js", "..%2Fapp.py", "LICENSE"):
        response = client.get(f"/docs/{name}")
        assert (response.status_code, response.mimetype) == (404, "application/problem+json")


def test_the_docs_start_up_script_parses() -> None:
    """node --check (node is installed for redocly) reads docs.js without a syntax error."""
    node = shutil.which("node")
    if node is None:
        if os.environ.get("CI") == "true":
            pytest.fail("node is not installed (make test installs nodejs)")
        pytest.skip("node is not installed (make test installs nodejs)")
    script = Path(__file__).resolve().parents[2] / "service" / "api" / "static" / "docs" / "docs.js"
    result = subprocess.run([node, "--check", str(script)], capture_output=True, text=True, timeout=30, check=False)
    assert result.returncode == 0, result.stderr
