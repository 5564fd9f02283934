"""openapi.yaml is valid, lists exactly the app's routes, and describes real responses, errors included."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from flask import Flask
from flask.testing import FlaskClient
from jsonschema import Draft202012Validator, FormatChecker
from openapi_spec_validator import validate
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from werkzeug.test import TestResponse

SPEC_PATH = Path(__file__).resolve().parents[2] / "openapi.yaml"
SPEC_URI = "urn:quote-service:openapi"
IMPLICIT_METHODS = {"HEAD", "OPTIONS"}  # added by Flask to every rule, not part of the contract


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    """The parsed openapi.yaml."""
    document: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    return document


def resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """`node` with a local `$ref` (an OpenAPI reference object) followed."""
    while "$ref" in node:
        target: Any = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def declared_response(spec: dict[str, Any], path: str, method: str, status: int) -> dict[str, Any]:
    """The response object the spec declares for `status` (or its `default`) on `method path`."""
    responses = spec["paths"][path][method.lower()]["responses"]
    return resolve(spec, responses.get(str(status), responses.get("default", {})))


def validator_for(spec: dict[str, Any], schema: dict[str, Any]) -> Draft202012Validator:
    """A JSON Schema 2020-12 validator of `schema` whose `#/components/...` refs resolve into the spec."""
    registry: Registry[Any] = Registry().with_resource(
        SPEC_URI, Resource.from_contents(spec, default_specification=DRAFT202012)
    )
    rooted = {"$id": SPEC_URI, **schema} if "$ref" not in schema else {"$ref": SPEC_URI + schema["$ref"]}
    return Draft202012Validator(rooted, registry=registry, format_checker=FormatChecker())


def assert_matches_spec(spec: dict[str, Any], path: str, method: str, response: TestResponse) -> None:
    """The status, media type, headers and body of `response` are what the spec declares."""
    declared = declared_response(spec, path, method, response.status_code)
    assert declared, f"{method} {path} -> {response.status_code} is not declared"
    content = declared["content"]
    assert response.mimetype in content, (response.mimetype, list(content))
    for name, header in declared.get("headers", {}).items():
        header = resolve(spec, header)
        if header.get("required"):
            assert name in response.headers
        if name in response.headers:
            validator_for(spec, header["schema"]).validate(response.headers[name])
    schema = content[response.mimetype]["schema"]
    data = response.get_data()
    body = yaml.safe_load(data) if response.mimetype == "application/yaml" else json.loads(data)
    validator_for(spec, schema).validate(body)


def test_spec_is_valid_openapi_3_1(spec: dict[str, Any]) -> None:
    """openapi-spec-validator accepts the document as OpenAPI 3.1."""
    assert spec["openapi"] == "3.1.0"
    validate(spec)


def test_spec_and_app_have_the_same_routes(spec: dict[str, Any], app: Flask) -> None:
    """Every Flask rule is in the spec with the same methods, and every spec path is a Flask rule."""
    routes: dict[str, set[str]] = {}
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        path = rule.rule.replace("<", "{").replace(">", "}")
        routes.setdefault(path, set()).update(m.lower() for m in (rule.methods or set()) - IMPLICIT_METHODS)
    documented = {
        path: {m for m in item if m in {"get", "put", "post", "delete", "patch"}}
        for path, item in spec["paths"].items()
    }
    assert routes == documented


def test_every_operation_declares_its_problems(spec: dict[str, Any]) -> None:
    """Each operation has a problem+json `default`, so any error status is covered."""
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            default = resolve(spec, operation["responses"]["default"])
            assert list(default["content"]) == ["application/problem+json"], (method, path)


CASES = [
    pytest.param("POST", "/v1/quotes", {"json": {"text": "“We have natural conflict,” Trump said."}},
                 200, id="shorthand"),
    pytest.param("POST", "/v1/quotes", {"data": "He said “hello”.".encode(), "content_type": "text/plain"},
                 200, id="text-plain"),
    pytest.param("POST", "/v1/quotes", {"json": {"articles": [{"text": "a"}, {"id": "b", "text": "b"}]}},
                 200, id="batch"),
    pytest.param("POST", "/v1/quotes", {"data": b"{", "content_type": "application/json"}, 400, id="400"),
    pytest.param("POST", "/v1/quotes", {"data": b"x", "content_type": "text/csv"}, 415, id="415"),
    pytest.param("POST", "/v1/quotes", {"json": {"articles": [{"txt": "a"}]}}, 422, id="422"),
    pytest.param("POST", "/v1/quotes", {"json": {"articles": [{"text": "a"}] * 101}}, 413, id="413-articles"),
    pytest.param("POST", "/v1/quotes", {"json": {"text": "a" * 1_000_001}}, 413, id="413-article"),
    pytest.param("POST", "/v1/quotes", {"data": b"a" * (10 * 1024 * 1024 + 1), "content_type": "text/plain"},
                 413, id="413-body"),
    pytest.param("GET", "/healthz", {}, 200, id="healthz"),
    pytest.param("GET", "/readyz", {}, 200, id="readyz"),
    pytest.param("GET", "/openapi.yaml", {}, 200, id="openapi"),
]


@pytest.mark.parametrize("method, path, request_kwargs, status", CASES)
def test_real_responses_match_the_spec(
    spec: dict[str, Any], client: FlaskClient, method: str, path: str, request_kwargs: dict[str, Any],
    status: int,
) -> None:
    """Each route answers, successes and errors alike, as the spec says (default limits)."""
    response = client.open(path, method=method, **request_kwargs)
    assert response.status_code == status, response.get_data(as_text=True)[:500]
    assert_matches_spec(spec, path, method, response)


def test_quotes_and_variant_groups_match_the_spec(spec: dict[str, Any], seeded: Any) -> None:
    """A response with quotes, speakers, null speakers and cues, and variant groups, validates."""
    response = seeded.client.post("/v1/quotes", json=seeded.body(terms=True))
    body = response.get_json()
    assert body["variant_groups"] and all(a["quotes"] for a in body["articles"])
    assert_matches_spec(spec, "/v1/quotes", "POST", response)


@pytest.mark.parametrize("method, path, status", [("GET", "/nowhere", 404), ("GET", "/v1/quotes", 405)])
def test_undocumented_operations_answer_spec_problems(
    spec: dict[str, Any], client: FlaskClient, method: str, path: str, status: int
) -> None:
    """A 404 or 405 outside every documented operation still has the Problem shape."""
    response = client.open(path, method=method)
    assert (response.status_code, response.mimetype) == (status, "application/problem+json")
    validator_for(spec, {"$ref": "#/components/schemas/Problem"}).validate(response.get_json())


def test_the_problem_schema_rejects_what_it_should(spec: dict[str, Any]) -> None:
    """The schemas are strict enough to catch a stray field or a wrong kind (guards the checks above)."""
    problem = validator_for(spec, {"$ref": "#/components/schemas/Problem"})
    leaky = {"type": "about:blank", "title": "x", "status": 400, "detail": "x", "trace": "..."}
    assert not problem.is_valid(leaky)
    quote = validator_for(spec, {"$ref": "#/components/schemas/Quote"})
    assert not quote.is_valid(
        {"id": "a#q1", "text": "x", "start": 0, "end": 1, "segments": [{"text": "x", "start": 0, "end": 1}],
         "kind": "speech", "speaker": None, "cue": None}
    )
