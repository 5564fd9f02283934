"""Where the content of reported speech starts and ends (service/nlp/reported_span.py), on real sentence shapes
from PolNeAR train: each row is a sentence and the content PolNeAR would mark."""
from __future__ import annotations

import pytest
from spacy.language import Language

from service.nlp import extract_quotes


@pytest.mark.parametrize(
    "text, content",
    [
        # a parenthesis the content opens is closed in it
        ("Ted Cruz, by contrast, wrote an op-ed urging Congress to fast track the Trans-Pacific Partnership (TPP).",
         "an op-ed urging Congress to fast track the Trans-Pacific Partnership (TPP)"),
        ("Reid would not say whether he would prefer that Democrats face Trump or Sen. Ted Cruz (R-Texas).",
         "whether he would prefer that Democrats face Trump or Sen. Ted Cruz (R-Texas)"),
        # one it does not open stays out
        ("The campaign (which had been quiet for days) said the senator would return on Monday.",
         "the senator would return on Monday"),
    ],
)
def test_reported_content(nlp: Language, text: str, content: str) -> None:
    assert [q.content.text for q in extract_quotes(nlp(text), indirect=True) if q.kind == "indirect"] == [content]
