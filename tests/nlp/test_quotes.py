"""Quotation-mark pairing on raw text: mark styles, apostrophes, paragraphs, split quotes, bad input."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.nlp.quotes import Facing, Mark, _closers_after, find_quote_spans


def quoted(text: str) -> list[list[str]]:
    """The words inside the marks of each quote, one list of segment texts per quote."""
    return [[text[s:e] for s, e in q.segments] for q in find_quote_spans(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("He said “We have natural conflict.”", [["We have natural conflict."]]),
        ('He said "We have natural conflict."', [["We have natural conflict."]]),
        ("Er sagte „Wir haben einen Konflikt.“ gestern", [["Wir haben einen Konflikt."]]),
        ("Il a dit « nous avons un conflit » hier", [["nous avons un conflit"]]),
        ("Trump promises ‘fair treatment’ for Canada", [["fair treatment"]]),
        ("He called it a 'wasted opportunity' on Tuesday", [["wasted opportunity"]]),
        ("Carney didn’t repeat Canada’s line", []),
        ("The ’90s were rock ’n’ roll, and they’d ’em all", []),
        ("Trump is 6'3\" tall and weighs 236 pounds", []),
        ("“A ‘nested’ quote,” she said.", [["A ‘nested’ quote,"]]),
        ('"" is empty and “ ” too', []),
        ("It comes across as “too loud” or “too shrill”", [["too loud"], ["too shrill"]]),
        # a double quote inside a double quote stays part of it when marks remain to close both
        ("“I’d rather live in what he calls “hell” than there.” ― A. Rodarte",
         [["I’d rather live in what he calls “hell” than there."]]),
        # a closing glyph closes what is open, even with a space before it
        ("He said “we will win the vote tomorrow ”.", [["we will win the vote tomorrow"]]),
        # a doubled opening mark opens once
        ('"“You don’t win by states,” Rubio said."', [["You don’t win by states,"]]),
        # a quote inside a quote that runs on into the next paragraph
        ('Ward stated:\n\n"It isn’t about “Equal Justice” anymore. It is about power.\n\n"The latest example is this."',
         [["It isn’t about “Equal Justice” anymore. It is about power.", "The latest example is this."]]),
        # a closing mark cannot start a paragraph: it opens
        ("He spoke.\n” … what I learned is simple,” he said.", [["… what I learned is simple,"]]),
    ],
)
def test_marks_and_apostrophes(text: str, expected: list[list[str]]) -> None:
    assert quoted(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # split by the attribution: one quote, two segments
        ("“We could renegotiate it,” Trump said, “or do different deals.”",
         [["We could renegotiate it,", "or do different deals."]]),
        # a full stop after the attribution: two quotes
        ("“I liked him,” Trump told reporters. “We have natural conflict.”",
         [["I liked him,"], ["We have natural conflict."]]),
        # a fragment in the writer's sentence is not the first half of a split quote
        ("It was one of “mutual love,” though he added, “We have natural conflict.”",
         [["mutual love,"], ["We have natural conflict."]]),
    ],
)
def test_split_quotes(text: str, expected: list[list[str]]) -> None:
    assert quoted(text) == expected


def test_quote_continues_into_a_paragraph_that_reopens_it() -> None:
    text = "He said: “First paragraph goes on.\n“Second paragraph ends.” Then more."
    assert quoted(text) == [["First paragraph goes on.", "Second paragraph ends."]]


def test_transcript_label_starts_a_new_quote() -> None:
    text = '"WALLACE: Why would he do that?\n"PENCE: Well, look, it is serious.\n"WALLACE: Thank you."'
    assert quoted(text) == [["WALLACE: Why would he do that?"], ["PENCE: Well, look, it is serious."],
                            ["WALLACE: Thank you."]]


def test_unclosed_quote_stops_at_its_paragraph() -> None:
    text = "He said “this never closes.\nA new paragraph with “a real quote” in it."
    assert quoted(text) == [["this never closes."], ["a real quote"]]


def test_stray_opener_does_not_swallow_the_article() -> None:
    text = "A stray “ mark here. Then “a quote” later."
    spans = find_quote_spans(text)
    assert [text[s:e] for q in spans for s, e in q.segments][-1] == "a quote"


def test_ten_thousand_marks_pair_in_linear_time() -> None:
    text = "“a” " * 10_000 + "\"" * 10_001
    assert len(find_quote_spans(text)) >= 10_000


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .,:\n'\"“”‘’«»‹›„—-5")), max_size=200))
def test_any_text_gives_valid_segments(text: str) -> None:
    for span in find_quote_spans(text):
        for start, end in span.segments:
            assert 0 <= start < end <= len(text)
            assert text[start:end].strip() == text[start:end]
        assert span.start <= span.end


@given(st.lists(st.sampled_from(list(Facing)), max_size=40))
def test_closers_after_counts_each_suffix(facings: list[Facing]) -> None:
    """The one-pass suffix counts equal counting each suffix afresh (what pairing did per opener)."""
    marks = [Mark(i, "double", facing) for i, facing in enumerate(facings)]
    expected = [sum(1 if m.facing is not Facing.OPEN else -1 for m in marks[k:]) for k in range(len(marks) + 1)]
    assert _closers_after(marks) == expected
