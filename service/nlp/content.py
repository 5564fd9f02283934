"""The reported content of a quote: its marks, widened to the writer's clause it is woven into.

In 'Trump said that voting fraud is “a big, big problem”', the quotation is the words in the marks,
but what is reported is the clause `that voting fraud is “a big, big problem”`. A fact-checker checks
the clause. The clause is taken from the parse (the cue's dependent that holds the quote) and kept only
when most of it is quotation, as PolNeAR defines direct speech: otherwise the marks alone are the content.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from service.nlp.cues import Cue
from service.nlp.lexicon import (
    CONTENT_DEPS,
    DOUBLE_AMBIGUOUS,
    DOUBLE_CLOSERS,
    DOUBLE_MARKS,
    SINGLE_AMBIGUOUS,
    SINGLE_CLOSERS,
)
from service.nlp.pipeline import article_text
from service.nlp.quotes import QuoteMask, QuoteSpan
from service.nlp.types import TextSpan

MIN_QUOTED_SHARE = 0.5  # a clause is the content when at least this much of it is quoted
_MAX_CLAUSE_TOKENS = 150


def reported_content(
    doc: Doc, quote: QuoteSpan, cue: Cue | None, mask: QuoteMask, *, indirect: bool = False
) -> TextSpan:
    """The content span: the quote with its marks, or the clause around it when the quote is woven in and at
    least MIN_QUOTED_SHARE of the clause is quoted. With reported speech on (`indirect`), the clause however
    little of it is quoted, and before its cue too ('The summit accomplished “nothing,” he added'): PolNeAR
    marks such a clause as one indirect attribution."""
    text = article_text(doc)
    start, end = _with_doubled_apostrophes(text, quote.outer_start, quote.outer_end)
    min_quoted_share = 0.0 if indirect else MIN_QUOTED_SHARE
    clause = _clause_around(doc, quote, cue, before_cue=indirect) if len(quote.segments) == 1 else None
    if clause is not None:
        c_start, c_end = clause
        c_start, c_end = min(c_start, start), max(c_end, end)
        quoted = _quoted_chars(doc, c_start, c_end, mask)
        if quoted >= min_quoted_share * len(text[c_start:c_end].strip()):
            start, end = c_start, _past_closing_mark(text, c_end)
    return TextSpan(start, end, text[start:end])


def _past_closing_mark(text: str, end: int) -> int:
    """A clause's end moved past the closing mark (and the punctuation before it) of a later quote the clause
    ends in ('… is “true,”'): the parse leaves the mark out of the clause, PolNeAR's content holds it."""
    closers = DOUBLE_CLOSERS | DOUBLE_AMBIGUOUS
    if text[end : end + 1] and text[end] in closers:
        return end + 1
    if text[end : end + 1] in (",", ".", "?", "!") and text[end + 1 : end + 2] and text[end + 1] in closers:
        return end + 2
    return end


def _with_doubled_apostrophes(text: str, start: int, end: int) -> tuple[int, int]:
    """The marks' span widened over NYT's two-apostrophe marks: in ''It's anti-reform,'' the quotation pairs the
    inner apostrophes, but both belong to the mark (PolNeAR's content holds them: dev, 95 of 99 such quotes)."""
    if start > 0 and text[start] in SINGLE_AMBIGUOUS and text[start - 1] == text[start]:
        start -= 1
    if 0 < end < len(text) and text[end - 1] in SINGLE_AMBIGUOUS and text[end] == text[end - 1]:
        end += 1
    return start, end


def _clause_around(doc: Doc, quote: QuoteSpan, cue: Cue | None, *, before_cue: bool = False) -> tuple[int, int] | None:
    """The character span of the cue's dependent whose subtree holds the quote, when it starts before it; with
    `before_cue`, a clause that ends before the cue is one too."""
    if cue is None or not cue.syntactic:
        return None
    cue_token = cue.tokens[0]
    if cue_token.idx >= quote.outer_start and not before_cue:
        return None  # '“...,” he said': the marks are the content
    first = doc.char_span(quote.start, quote.start + 1, alignment_mode="expand")
    if first is None:
        return None
    node: Token = first[0]
    for _ in range(8):
        if node.head.i == node.i:
            return None
        if node.head.i == cue_token.i:
            break
        node = node.head
    else:
        return None
    as_phrase = node.dep_ == "prep" and node.lower_ == "as"
    if not (node.dep_ in CONTENT_DEPS or as_phrase) or node.i > cue_token.i + 40:
        return None
    # A clause is a sentence's part: one of hundreds of tokens is a run-on text without full stops, where
    # reading the subtree for every quote would cost quadratic time; its marks are the content.
    if node.right_edge.i - node.left_edge.i > _MAX_CLAUSE_TOKENS:
        return None
    tokens = [t for t in node.subtree if not t.is_space]
    if node.dep_ == "oprd" or as_phrase:
        # "called Trump “a psychopath”", "described Trump as “unfit”": what is reported is about the object too
        objects = [c for c in cue_token.children if c.dep_ == "dobj" and c.i < node.i]
        if objects:
            tokens = [t for t in objects[0].subtree if not t.is_space] + tokens
        elif as_phrase:
            return None  # "was described as “unfit”": the marks are the content
    begin = tokens[0]
    while begin.is_punct and begin.i < tokens[-1].i:
        begin = doc[begin.i + 1]
    last = tokens[-1]
    while last.is_punct and last.i > begin.i and last.text not in _CLOSING_MARKS:
        last = doc[last.i - 1]
    if begin.idx <= cue_token.idx and not (before_cue and last.i < cue_token.i):
        return None
    return begin.idx, last.idx + len(last.text)


_CLOSING_MARKS = DOUBLE_CLOSERS | DOUBLE_AMBIGUOUS | SINGLE_CLOSERS | SINGLE_AMBIGUOUS


def _quoted_chars(doc: Doc, start: int, end: int, mask: QuoteMask) -> int:
    """Characters of [start, end) inside quotation marks (marks included), by tokens."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return 0
    return sum(len(t.text_with_ws) for t in span if mask.inside(t) or t.text in DOUBLE_MARKS)
