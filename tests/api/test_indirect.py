"""`options.indirect`: reported speech beside the quotations, never changing them, cached apart, never grouped."""
from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from service.app import create_app
from service.cache import InMemoryCache
from tests.api.test_openapi import assert_matches_spec, spec  # noqa: F401  (spec is a fixture)

ARTICLE = (
    "Mark Carney told reporters that talks would resume. “We are close,” Carney said. "
    "The tariffs will stay, according to officials."
)


def post(client: Any, text: str, **options: Any) -> Any:
    body: dict[str, Any] = {"articles": [{"id": "a", "text": text}]}
    if options:
        body["options"] = options
    return client.post("/v1/quotes", json=body)


def test_reported_speech_comes_beside_the_quotations(nlp: Language) -> None:
    client = create_app({}, nlp=nlp, cache=InMemoryCache()).test_client()
    without = post(client, ARTICLE).get_json()["articles"][0]["quotes"]
    with_indirect = post(client, ARTICLE, indirect=True).get_json()["articles"][0]["quotes"]
    assert [q for q in with_indirect if q["kind"] != "indirect"] == without  # same ids, same fields
    reported = [q for q in with_indirect if q["kind"] == "indirect"]
    assert [(q["id"], q["text"]) for q in reported] == [
        ("a#r1", "that talks would resume"),
        ("a#r2", "The tariffs will stay"),
    ]
    assert reported[0]["speaker"]["name"] == "Mark Carney"
    assert reported[1]["cue"]["text"] == "according to"
    for quote in reported:
        assert quote["text"] == ARTICLE[quote["start"] : quote["end"]]
        assert quote["content"]["text"] == quote["text"]
    starts = [q["start"] for q in with_indirect]
    assert starts == sorted(starts), "in text order"


def test_the_option_is_part_of_the_cache_key(nlp: Language) -> None:
    """A result cached without reported speech is never served to a request that asks for it."""
    client = create_app({}, nlp=nlp, cache=InMemoryCache()).test_client()
    assert post(client, ARTICLE).headers["X-Cache"] == "miss"
    first = post(client, ARTICLE, indirect=True)
    assert first.headers["X-Cache"] == "miss"
    again = post(client, ARTICLE, indirect=True)
    assert again.headers["X-Cache"] == "hit"
    assert again.get_json() == first.get_json()
    assert post(client, ARTICLE, indirect=False).headers["X-Cache"] == "hit"


def test_reported_speech_never_enters_variant_groups(nlp: Language) -> None:
    client = create_app({}, nlp=nlp, cache=InMemoryCache()).test_client()
    text = "Officials said the border would stay open for trucks and buses."
    body = {"articles": [{"id": "x", "text": text}, {"id": "y", "text": text}], "options": {"indirect": True}}
    response = client.post("/v1/quotes", json=body).get_json()
    assert [q["kind"] for a in response["articles"] for q in a["quotes"]] == ["indirect", "indirect"]
    assert response["variant_groups"] == []


def test_a_response_with_reported_speech_matches_the_spec(nlp: Language, spec: dict[str, Any]) -> None:  # noqa: F811
    client = create_app({}, nlp=nlp, cache=InMemoryCache()).test_client()
    assert_matches_spec(spec, "/v1/quotes", "POST", post(client, ARTICLE, indirect=True))


@pytest.mark.parametrize("value", ["true", 1, None])
def test_indirect_must_be_a_boolean(nlp: Language, value: Any) -> None:
    client = create_app({}, nlp=nlp, cache=InMemoryCache()).test_client()
    response = client.post("/v1/quotes", json={"text": "x", "options": {"indirect": value}})
    assert response.status_code in (400, 422)
    assert response.mimetype == "application/problem+json"
    assert "indirect" in response.get_data(as_text=True)


def test_the_documented_example_is_a_valid_response(spec: dict[str, Any]) -> None:  # noqa: F811
    """openapi.yaml's reported-speech response example obeys the response schema."""
    from tests.api.test_openapi import validator_for

    content = spec["paths"]["/v1/quotes"]["post"]["responses"]["200"]["content"]["application/json"]
    example = content["examples"]["reported"]["value"]
    validator_for(spec, {"$ref": "#/components/schemas/QuotesResponse"}).validate(example)
    assert example["articles"][0]["quotes"][0]["kind"] == "indirect"
