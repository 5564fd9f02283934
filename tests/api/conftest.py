"""API fixtures: a cache seeded with known quotes, so responses carry quotes whatever the extractor finds."""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import pytest
from flask.testing import FlaskClient
from spacy.language import Language

from service.analysis import AnalysisOptions
from service.app import create_app
from service.cache import InMemoryCache, cache_key
from service.nlp import PIPELINE_VERSION, Quote, Speaker, TextSpan

# Two articles quoting one utterance, plus a scare quote with no speaker and no cue.
SEEDED_TEXTS = {
    "wire": "“We have natural conflict,” Trump said. He met Carney on Tuesday.",
    "paper": "Trump told reporters: “We have natural conflict.” Critics called the visit a “reset”.",
}


def span(text: str, words: str) -> TextSpan:
    """The first occurrence of `words` in `text` as a span."""
    start = text.index(words)
    return TextSpan(start=start, end=start + len(words), text=words)


def quote(text: str, words: str, kind: str, speaker: Speaker | None, cue: str | None) -> Quote:
    """A one-segment quote of `words` in `text`."""
    where = span(text, words)
    marked = TextSpan(where.start - 1, where.end + 1, text[where.start - 1 : where.end + 1])
    return Quote(
        start=where.start,
        end=where.end,
        text=words,
        segments=(where,),
        kind=kind,  # type: ignore[arg-type]
        speaker=speaker,
        cue=span(text, cue) if cue else None,
        content=marked,
    )


def trump(text: str) -> Speaker:
    """Donald Trump, named by 'Trump' next to the cue."""
    return Speaker(
        name="Donald Trump", mention=span(text, "Trump"), type="person", role=None, resolution="cue",
        confidence=0.9, rule="cue_subject", name_rule="proper_name",
    )


SEEDED_QUOTES = {
    "wire": (
        quote(SEEDED_TEXTS["wire"], "We have natural conflict,", "full", trump(SEEDED_TEXTS["wire"]), "said"),
    ),
    "paper": (
        quote(
            SEEDED_TEXTS["paper"], "We have natural conflict.", "full", trump(SEEDED_TEXTS["paper"]),
            "told reporters",
        ),
        quote(SEEDED_TEXTS["paper"], "reset", "term", None, None),
    ),
}


def seeded_cache() -> InMemoryCache:
    """A cache holding SEEDED_QUOTES under the keys analyse() computes for SEEDED_TEXTS."""
    cache = InMemoryCache()
    cache.set_many({
        cache_key(SEEDED_TEXTS[article_id], AnalysisOptions().extraction_key(), PIPELINE_VERSION):
            json.dumps([q.to_dict() for q in quotes]).encode()
        for article_id, quotes in SEEDED_QUOTES.items()
    })
    return cache


@dataclass(frozen=True)
class Seeded:
    """A client whose cache already holds `quotes` for `texts`, and the request body for them."""

    client: FlaskClient
    texts: dict[str, str]
    quotes: dict[str, tuple[Quote, ...]]

    def body(self, **options: Any) -> dict[str, Any]:
        """The batch request for `texts`, with `options` when given."""
        body: dict[str, Any] = {"articles": [{"id": i, "text": t} for i, t in self.texts.items()]}
        if options:
            body["options"] = options
        return body


@pytest.fixture
def seeded(nlp: Language) -> Seeded:
    """An app whose cache knows the quotes of SEEDED_TEXTS, so responses carry quotes and groups."""
    client = create_app({}, nlp=nlp, cache=seeded_cache()).test_client()
    return Seeded(client=client, texts=SEEDED_TEXTS, quotes=SEEDED_QUOTES)
