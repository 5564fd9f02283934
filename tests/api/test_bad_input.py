"""Bad input beyond test_routes' tables: every request is a clear 4xx problem or a correct 200, never a 500."""
from __future__ import annotations

import json

import pytest
from flask.testing import FlaskClient
from spacy.language import Language

from service.app import create_app
from service.cache import InMemoryCache
from service.config import Settings
from tests.api.test_routes import assert_contract, assert_problem

BAD_REQUESTS = [
    pytest.param(b'{"text": "\\ud800 lone"}', "application/json", 422, id="lone-surrogate-text"),
    pytest.param(b'{"articles": [{"id": "\\udfff", "text": "x"}]}', "application/json", 422,
                 id="lone-surrogate-id"),
    pytest.param(b'{"articles": [{"id": null, "text": "x"}]}', "application/json", 422, id="id-null"),
    pytest.param(b'{"articles": [null]}', "application/json", 422, id="article-null"),
    pytest.param(b'{"articles": null}', "application/json", 422, id="articles-null"),
    pytest.param(b'{"text": ["x"]}', "application/json", 422, id="text-list"),
    pytest.param(b'{"text": {"a": 1}}', "application/json", 422, id="text-object"),
    pytest.param(b'{"text": true}', "application/json", 422, id="text-bool"),
    pytest.param(b'{"text": "x", "options": []}', "application/json", 422, id="options-list"),
    pytest.param(b'{"text": "x", "options": {"min_similarity": Infinity}}', "application/json", 422,
                 id="similarity-infinity"),
    pytest.param(b'{"text": "x", "Text": "y"}', "application/json", 422, id="unknown-field-case"),
    pytest.param(b"{}", "application/json", 422, id="empty-object"),
    pytest.param(b"5", "application/json", 422, id="number-body"),
    pytest.param(b'{"text": "x", "options": {"min_similarity": 1' + b"0" * 5000 + b"}}", "application/json", 400,
                 id="huge-integer"),
    pytest.param(b'{"text": "x", "options": ' + b'{"a":' * 5000 + b"1" + b"}" * 5001, "application/json", 400,
                 id="deep-object"),
    pytest.param(b'{"text": "x", "options": ' + b'{"a":' * 150 + b"1" + b"}" * 151, "application/json", 400,
                 id="deep-object-that-python-3.13-parses"),
    pytest.param(b'{"articles": ' + b"[" * 101 + b"]" * 101 + b"}", "application/json", 400, id="deep-array"),
    pytest.param(b"\xef\xbb\xbf\xff\xfe", "text/plain", 400, id="bom-then-invalid-utf8"),
    pytest.param(b'{"text": "\xed\xa0\x80"}', "application/json", 400, id="utf8-encoded-surrogate"),
]


@pytest.mark.parametrize("body, content_type, status", BAD_REQUESTS)
def test_bad_requests_are_problems(client: FlaskClient, body: bytes, content_type: str, status: int) -> None:
    """Each bad body is answered with its 4xx status as application/problem+json."""
    response = client.post("/v1/quotes", data=body, content_type=content_type)
    assert response.mimetype == "application/problem+json"
    assert_problem(response, status)


def test_a_lone_surrogate_names_the_field(client: FlaskClient) -> None:
    """The 422 says which field holds the invalid character and where."""
    response = client.post("/v1/quotes", data=b'{"text": "ab\\ud800"}', content_type="application/json")
    assert assert_problem(response, 422)["errors"] == {"text": ["Not valid Unicode: a lone surrogate at index 2."]}


ODD_BUT_VALID = [
    pytest.param("", id="empty"),
    pytest.param("   \n\t  ", id="whitespace-only"),
    pytest.param("a\x00b “x,” he said.", id="nul"),
    pytest.param("\x01\x02\x1b[31m “Hi,” she said.\x7f", id="control-characters"),
    pytest.param("\u200b“\u200bx\u200b”\u2028he said\u2029", id="zero-width-and-separators"),
    pytest.param("\ufeff“We won,” she said.", id="leading-bom"),
    pytest.param("😀 “Fine,” he said. 😀", id="astral-characters"),
    pytest.param("\n" * 50_000, id="many-newlines"),
    pytest.param("“" * 300, id="only-opening-marks"),
    pytest.param('"' * 301, id="odd-straight-marks"),
    pytest.param("He said “" + "word " * 2000 + "” today.", id="long-single-quote"),
]


@pytest.mark.parametrize("text", ODD_BUT_VALID)
@pytest.mark.parametrize("form", ["json", "text-plain"])
def test_odd_but_valid_text_is_a_correct_200(client: FlaskClient, text: str, form: str) -> None:
    """Control characters, separators and unbalanced marks are text like any other: offsets still hold."""
    if form == "json":
        response = client.post("/v1/quotes", json={"text": text})
    else:
        response = client.post("/v1/quotes", data=text.encode(), content_type="text/plain")
    assert_contract(response, {"article-1": text})


def test_ten_thousand_quote_marks_are_five_thousand_quotes(client: FlaskClient) -> None:
    """5,000 “a” pairs: every pair is a quote (a one-word label, so asked for with `terms`), in a few seconds."""
    text = "“a” " * 5000
    response = client.post("/v1/quotes", json={"text": text, "options": {"terms": True, "variants": False}})
    assert_contract(response, {"article-1": text})
    quotes = response.get_json()["articles"][0]["quotes"]
    assert len(quotes) == 5000 and {q["text"] for q in quotes} == {"a"}


def test_a_huge_single_quote_is_one_quote(client: FlaskClient) -> None:
    """30,000 words inside one pair of marks (the closing one after a space): one quote, whole."""
    words = "we will win the vote tomorrow and then " * 4000
    text = f"Mark Carney said “{words}”."
    response = client.post("/v1/quotes", json={"text": text})
    assert_contract(response, {"article-1": text})
    (quote,) = response.get_json()["articles"][0]["quotes"]
    assert quote["text"] == words.strip() and quote["speaker"]["name"] == "Mark Carney"


def test_within_the_budget_the_answer_is_unchanged(nlp: Language) -> None:
    """The budget does not alter a normal answer."""
    text = "“We have natural conflict,” Trump said."
    budgeted = create_app({"request_time_budget": 30}, nlp=nlp, cache=InMemoryCache()).test_client()
    plain = create_app({}, nlp=nlp, cache=InMemoryCache()).test_client()
    first = budgeted.post("/v1/quotes", json={"text": text})
    assert json.loads(first.get_data()) == plain.post("/v1/quotes", json={"text": text}).get_json()


def test_request_time_budget_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """REQUEST_TIME_BUDGET is read like every other setting."""
    monkeypatch.setenv("REQUEST_TIME_BUDGET", "2.5")
    assert Settings.from_env().request_time_budget == 2.5


def test_too_deep_json_has_one_answer_on_every_python(client: FlaskClient) -> None:
    """5000 levels (past 3.11's parser recursion) and 150 (which 3.13 parses) get the same 400 problem."""
    answers = {
        client.post("/v1/quotes", data=b'{"text": "x", "options": ' + b'{"a":' * depth + b"1" + b"}" * (depth + 1),
                    content_type="application/json").get_data()
        for depth in (150, 5000)
    }
    assert len(answers) == 1
    assert json.loads(answers.pop())["detail"] == "The JSON body is nested deeper than 100 levels."
