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


@pytest.mark.parametrize(
    "text, reported",
    [
        # a cue the parse gives a clause on each side reports the one after it
        ("Some 20 percent of people in a recent poll said they believe the senator was born abroad; 29 percent said "
         "they believe he is a Muslim.",
         [("they believe the senator was born abroad", "Some 20 percent of people in a recent poll"),
          ("they believe he is a Muslim", "29 percent")]),
        # a clause before a cue whose table takes the object after it is the writer's: the object is reported
        ("The more politics gets polarized, the more voters fear the candidate at the pole furthest from them.",
         [("the candidate at the pole furthest from them", "the more voters")]),
        # 'tell' takes no object content: the clause before stays what is told
        ("Talks will resume next week, Carney told reporters on Monday.", [("Talks will resume next week", "Carney")]),
        ("The governor jokingly offered the man a job as his driver, then says he'll welcome advice from anyone who "
         "wants to talk to him.",
         [("a job as his driver", "The governor"),
          ("he'll welcome advice from anyone who wants to talk to him", None)]),
    ],
)
def test_a_clause_on_each_side_of_the_cue(nlp: Language, text: str, reported: list[tuple[str, str | None]]) -> None:
    quotes = [q for q in extract_quotes(nlp(text), indirect=True) if q.kind == "indirect"]
    assert [(q.content.text, q.speaker.mention.text if q.speaker and q.speaker.mention else None)
            for q in quotes] == reported


@pytest.mark.parametrize(
    "text, segments, cue",
    [
        # a passive cue's preposition is the cue's, not the content's
        ("The senator is widely seen as a strong candidate for the job.",
         ["The senator", "a strong candidate for the job"], "seen as"),
        ("The mayor was asked about the closing of the plant on Tuesday.",
         ["The mayor", "the closing of the plant on Tuesday"], "was asked about"),
    ],
)
def test_agentless_passive_preposition(nlp: Language, text: str, segments: list[str], cue: str) -> None:
    (quote,) = [q for q in extract_quotes(nlp(text), indirect=True) if q.kind == "indirect"]
    assert [s.text for s in quote.segments] == segments
    assert quote.cue is not None and quote.cue.text == cue
