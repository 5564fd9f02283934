"""Which reported clauses indirect.py returns beside the quotations (sentences rewritten from PolNeAR train shapes)."""
from __future__ import annotations

import pytest
from spacy.language import Language

from service.nlp import extract_quotes
from service.nlp.lexicon import DOUBLE_MARKS


@pytest.mark.parametrize(
    "text, content",
    [
        # a label of one or two words in double marks is the writer's: what the named source said holds it
        ("Clinton says the Ohio native nicknamed “King James” is a tireless advocate for children.",
         "the Ohio native nicknamed “King James” is a tireless advocate for children"),
        ("Obama said the words “lump” the good Muslims with the bad.",
         "the words “lump” the good Muslims with the bad"),
        ("Sanders says he is determined to end a “rigged economy” where the rich get richer.",
         "he is determined to end a “rigged economy” where the rich get richer"),
        # any rule's clause, when a name already met in the article is the source
        ("Donald Trump spoke in Ohio on Monday. Trump likened the refugees to a “vicious snake”.",
         "the refugees to a “vicious snake”"),
    ],
)
def test_a_reported_clause_may_hold_a_short_term(nlp: Language, text: str, content: str) -> None:
    quotes = extract_quotes(nlp(text), indirect=True)
    assert [q.content.text for q in quotes if q.kind == "indirect"] == [content]
    assert [q.kind for q in quotes if q.kind != "indirect"] == ["term"]


@pytest.mark.parametrize(
    "text",
    [
        # other rules' clauses of a source not named are as often PolNeAR's direct attributions or nobody's
        # (train); without the marks this one is returned ('magic weight loss pills on his show')
        "The doctor said the pills were safe. He kept promoting “magic” weight loss pills on his show.",
        # three quoted words are a quotation, and the clause is that partial quote's content, returned once
        "Trump said that fraud was “a big, big problem” in the state.",
    ],
)
def test_no_reported_clause_holds_a_double_mark_otherwise(nlp: Language, text: str) -> None:
    quotes = extract_quotes(nlp(text), indirect=True)
    assert not [q for q in quotes if q.kind == "indirect" and any(ch in DOUBLE_MARKS for ch in q.text)]


def test_a_partial_quote_is_returned_once(nlp: Language) -> None:
    text = "Trump said that fraud was “a big, big problem” in the state."
    quotes = extract_quotes(nlp(text), indirect=True)
    content = "that fraud was “a big, big problem” in the state"
    assert [(q.kind, q.content.text) for q in quotes] == [("partial", content)]
