"""HTML input, offsets in every client's unit, metadata that travels, variant groups in order of publication."""
from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient

from tests.api.test_routes import assert_problem

CMS_BODY = "<p>The rally ended late.</p><p>&ldquo;We will win,&rdquo; <a href='/p/js'>Jane Smith</a> said.</p>"
CMS_TEXT = "The rally ended late.\n“We will win,” Jane Smith said."

# Emoji with a skin tone, a flag (two regional indicators), a combining accent and a CJK ideograph
# before and inside the quote: code points, UTF-16 units and UTF-8 bytes all differ.
UNICODE_TEXT = "👍🏽 🇨🇦 Cafe\u0301 漢 news. “We will win 🇺🇸 again,” said Jose\u0301 Smith."

SAID = "We could renegotiate it, and that would be good, or we can just do different deals,"
WIRE = f"“{SAID}” Donald Trump said on Tuesday."
PAPER = f"Donald Trump told reporters: “{SAID.replace('could', 'can')}” He left at noon."


def quotes(client: FlaskClient, body: dict[str, Any]) -> dict[str, Any]:
    response = client.post("/v1/quotes", json=body)
    assert response.status_code == 200, response.get_data(as_text=True)
    document: dict[str, Any] = response.get_json()
    return document


def spans_of(article: dict[str, Any]) -> list[dict[str, Any]]:
    """Every span of an article's quotes: the quote, its segments, content, cue and speaker mention."""
    found = []
    for quote in article["quotes"]:
        found += [quote, *quote["segments"], quote["content"]]
        found += [s for s in (quote["cue"], quote["speaker"] and quote["speaker"]["mention"]) if s]
    return found


def test_html_field_gives_the_extracted_text_and_its_quotes(client: FlaskClient) -> None:
    [article] = quotes(client, {"articles": [{"id": "cms", "html": CMS_BODY}]})["articles"]
    assert article["text"] == CMS_TEXT
    [quote] = article["quotes"]
    assert quote["text"] == "We will win,"
    assert quote["speaker"]["name"] == "Jane Smith"
    for span in spans_of(article):
        assert CMS_TEXT[span["start"]:span["end"]] == span["text"]


def test_a_text_html_body_is_one_article_from_html(client: FlaskClient) -> None:
    response = client.post("/v1/quotes", data=CMS_BODY.encode(), content_type="text/html; charset=utf-8")
    assert response.status_code == 200, response.get_data(as_text=True)
    [article] = response.get_json()["articles"]
    assert (article["id"], article["text"]) == ("article-1", CMS_TEXT)
    assert [q["speaker"]["name"] for q in article["quotes"]] == ["Jane Smith"]


def test_the_shorthand_takes_html_too(client: FlaskClient) -> None:
    [article] = quotes(client, {"html": CMS_BODY})["articles"]
    assert article["text"] == CMS_TEXT and len(article["quotes"]) == 1


def test_text_articles_do_not_repeat_their_text(client: FlaskClient) -> None:
    [article] = quotes(client, {"text": CMS_TEXT})["articles"]
    assert "text" not in article


@pytest.mark.parametrize(
    "body",
    [
        {"articles": [{"text": "x", "html": "<p>x</p>"}]},
        {"articles": [{"id": "a"}]},
        {"text": "x", "html": "<p>x</p>"},
        {"articles": [{"html": 5}]},
    ],
)
def test_exactly_one_of_text_and_html(client: FlaskClient, body: dict[str, Any]) -> None:
    assert_problem(client.post("/v1/quotes", json=body), 422)


def test_html_over_the_limit_is_413_on_its_extracted_text(client: FlaskClient) -> None:
    markup = "<p>" + "word " * 250_000 + "</p>"  # 1,250,000 characters of text
    assert_problem(client.post("/v1/quotes", json={"html": markup}), 413)


@pytest.mark.parametrize(
    "unit, encode, width",
    [("codepoint", None, 1), ("utf16", "utf-16-le", 2), ("utf8", "utf-8", 1)],
)
def test_every_offset_slices_the_same_words_in_its_unit(
    client: FlaskClient, unit: str, encode: str | None, width: int
) -> None:
    document = quotes(client, {"text": UNICODE_TEXT, "options": {"offsets": unit}})
    assert document["offsets"] == unit
    [article] = document["articles"]
    [quote] = article["quotes"]
    assert quote["text"] == "We will win 🇺🇸 again,"
    assert quote["speaker"]["mention"]["text"] == "Jose\u0301 Smith"
    for span in spans_of(article):
        if encode is None:
            sliced = UNICODE_TEXT[span["start"]:span["end"]]
        else:
            sliced = UNICODE_TEXT.encode(encode)[width * span["start"]:width * span["end"]].decode(encode)
        assert sliced == span["text"], (unit, span)


def test_offsets_differ_between_units(client: FlaskClient) -> None:
    starts = {
        unit: quotes(client, {"text": UNICODE_TEXT, "options": {"offsets": unit}})["articles"][0]["quotes"][0]["start"]
        for unit in ("codepoint", "utf16", "utf8")
    }
    prefix = UNICODE_TEXT[: UNICODE_TEXT.index("We will")]
    assert starts == {
        "codepoint": len(prefix),
        "utf16": len(prefix.encode("utf-16-le")) // 2,
        "utf8": len(prefix.encode("utf-8")),
    }
    assert len(set(starts.values())) == 3


def test_an_unknown_offset_unit_is_422(client: FlaskClient) -> None:
    problem = assert_problem(client.post("/v1/quotes", json={"text": "x", "options": {"offsets": "utf32"}}), 422)
    assert "offsets" in problem["errors"]["options"]


METADATA = {
    "url": "https://example.org/news/4711?ref=rss",
    "outlet": "Example Gazette",
    "published": "2024-05-01T09:30:00.250+02:00",
    "meta": {"desk": "politics", "tags": ["trade", 2024], "nested": {"start": 1, "end": 2, "ok": None}},
}


def test_metadata_comes_back_unchanged(client: FlaskClient) -> None:
    document = quotes(client, {"articles": [{"id": "a", "text": WIRE, **METADATA}], "options": {"offsets": "utf16"}})
    [article] = document["articles"]
    assert {key: article[key] for key in METADATA} == METADATA


def test_metadata_changes_neither_extraction_nor_its_cache_key(client: FlaskClient) -> None:
    plain = client.post("/v1/quotes", json={"articles": [{"id": "a", "text": WIRE}]})
    assert plain.headers["X-Cache"] == "miss"
    with_metadata = client.post("/v1/quotes", json={"articles": [{"id": "a", "text": WIRE, **METADATA}]})
    assert with_metadata.headers["X-Cache"] == "hit"  # the per-article entry of the plain request
    assert with_metadata.get_json()["articles"][0]["quotes"] == plain.get_json()["articles"][0]["quotes"]


@pytest.mark.parametrize(
    "field, value",
    [
        ("published", "2024-05-01"),
        ("published", "yesterday"),
        ("published", "2024-02-30T10:00:00Z"),
        ("published", 20240501),
        ("url", 5),
        ("outlet", ["a"]),
        ("meta", "desk=politics"),
        ("meta", ["politics"]),
        ("meta", {"bad": "\ud800"}),
    ],
)
def test_bad_metadata_is_422(client: FlaskClient, field: str, value: Any) -> None:
    problem = assert_problem(client.post("/v1/quotes", json={"articles": [{"text": "x", field: value}]}), 422)
    assert field in problem["errors"]["articles"]["0"]


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_a_meta_that_json_cannot_carry_back_is_422(client: FlaskClient, constant: str) -> None:
    body = b'{"text": "x", "meta": {"score": %s}}' % constant.encode()
    problem = assert_problem(client.post("/v1/quotes", data=body, content_type="application/json"), 422)
    assert "meta" in problem["errors"]


def test_variant_groups_follow_publication(client: FlaskClient) -> None:
    articles = [
        {"id": "paper", "text": PAPER, "published": "2024-05-02T08:00:00Z"},
        {"id": "wire", "text": WIRE, "published": "2024-05-01T23:00:00-05:00"},  # 04:00 UTC on the 2nd
        {"id": "blog", "text": WIRE.replace("Tuesday", "Monday")},  # no time: after the dated ones
    ]
    [group] = quotes(client, {"articles": articles})["variant_groups"]
    assert [m["quote_id"] for m in group["members"]] == ["wire#q1", "paper#q1", "blog#q1"]
    assert group["canonical_quote_id"] == "wire#q1"
    # Relations stay against the fullest rendering (the first sent of two as full), whoever printed first.
    relation = {m["quote_id"]: m["relation"] for m in group["members"]}
    assert group["fullest_quote_id"] == "paper#q1"
    assert relation == {"paper#q1": "identical", "wire#q1": "reworded", "blog#q1": "reworded"}


def test_without_published_the_fullest_rendering_stays_canonical(client: FlaskClient) -> None:
    [group] = quotes(client, {"articles": [{"id": "paper", "text": PAPER}, {"id": "wire", "text": WIRE}]})[
        "variant_groups"
    ]
    assert group["canonical_quote_id"] == group["fullest_quote_id"] == group["members"][0]["quote_id"]
