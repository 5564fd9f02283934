"""Quotation spans from raw text: mark classification, pairing, multi-paragraph and split quotes; QuoteMask.

Pairing works on characters only (no parse), in one linear pass per paragraph, so no input can make it slow
or make it raise. Offsets are into the caller's text; nothing is normalised in place.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum

from spacy.tokens import Doc, Token

from service.nlp.lexicon import (
    ALL_MARKS,
    CLOSE_CONTEXT,
    DOUBLE_AMBIGUOUS,
    DOUBLE_CLOSERS,
    DOUBLE_MARKS,
    DOUBLE_OPENERS,
    LEADING_ELISIONS,
    OPEN_CONTEXT,
    SINGLE_AMBIGUOUS,
    SINGLE_CLOSERS,
    SINGLE_MARKS,
    SINGLE_OPENERS,
)


class Facing(Enum):
    """Which way a quotation mark can face in its context."""

    OPEN = "open"
    CLOSE = "close"
    EITHER = "either"


@dataclass(frozen=True)
class Mark:
    """One quotation mark: its offset, family ('double' or 'single') and facing."""

    pos: int
    family: str
    facing: Facing


@dataclass(frozen=True)
class QuoteSpan:
    """A quotation before attribution: the inner spans of its segments, in text order.

    `open_marks[i]`/`close_marks[i]` are the offsets of segment i's marks (a segment closed by the
    paragraph end has close mark -1).
    """

    segments: tuple[tuple[int, int], ...]
    open_marks: tuple[int, ...]
    close_marks: tuple[int, ...]
    family: str

    @property
    def start(self) -> int:
        return self.segments[0][0]

    @property
    def end(self) -> int:
        return self.segments[-1][1]

    @property
    def outer_start(self) -> int:
        """Offset of the first opening mark."""
        return self.open_marks[0]

    @property
    def outer_end(self) -> int:
        """Offset just past the last closing mark (or the last segment's end when unclosed)."""
        last = self.close_marks[-1]
        return last + 1 if last >= 0 else self.segments[-1][1]


_PARAGRAPH = re.compile(r"[^\n]+")
# A split quote's attribution: “A,” he said, “B.” — short, one clause, no sentence end inside.
_SPLIT_GAP = re.compile(r"^[\s,]*[^.!?\n“”\"«»]{1,80}?[,:;—–-]\s*$")
_SENTENCE_END = re.compile(r"[.!?…]\W*$")


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """All quotations in `text`, in order: double-mark quotes, then top-level single-mark quotes."""
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]
    doubles = _pair_doubles(text, paragraphs)
    covered = [(q.outer_start, q.outer_end) for q in doubles]
    singles = [q for q in _pair_singles(text, paragraphs) if not _inside_any(q, covered)]
    spans = sorted(doubles + singles, key=lambda q: q.start)
    return _merge_split_quotes(text, spans)


def classify_mark(text: str, pos: int) -> Mark | None:
    """The mark at `pos` with its facing, or None when it is no quotation mark (an apostrophe, an inch)."""
    ch = text[pos]
    if ch not in ALL_MARKS:
        return None
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    can_open = (before in OPEN_CONTEXT or before.isspace()) and not after.isspace()
    can_close = (after in CLOSE_CONTEXT or after.isspace()) and not before.isspace()
    if ch in SINGLE_MARKS:
        if _is_apostrophe(text, pos, before, after):
            return None
        family = "single"
        opener, closer = ch in SINGLE_OPENERS, ch in SINGLE_CLOSERS
    else:
        # 5'10" and 12" pizzas: a straight mark right after a digit is an inch sign.
        if ch in DOUBLE_AMBIGUOUS and before.isdigit() and not can_open:
            return None
        family = "double"
        opener, closer = ch in DOUBLE_OPENERS, ch in DOUBLE_CLOSERS
    if ch in DOUBLE_MARKS and (pos == 0 or text[pos - 1] == "\n") and after != "\n":
        facing = Facing.OPEN  # '” … what I learned': nothing is open at a paragraph's start
    elif can_open and can_close:
        facing = Facing.OPEN if opener else Facing.CLOSE if closer else Facing.EITHER
    elif can_open:
        facing = Facing.OPEN
    elif can_close:
        facing = Facing.CLOSE
    elif before.isalnum() and after.isalnum():
        return None  # glued between letters ("don"t"): a typo or an apostrophe, not a quote
    elif before.isspace() and after.isspace():
        # 'outreach,\' " he told': a mark set off by spaces closes whatever is open
        facing = Facing.OPEN if opener else Facing.CLOSE if closer else Facing.EITHER
    else:
        # Between punctuation, e.g. ."' or (“ : trust the glyph's shape when it has one.
        if not (opener or closer):
            return None
        facing = Facing.OPEN if opener else Facing.CLOSE
    return Mark(pos=pos, family=family, facing=facing)


def _is_apostrophe(text: str, pos: int, before: str, after: str) -> bool:
    """True for don’t, Canada’s, ’90s, rock ’n’ roll, ’em: an apostrophe, not a single quote."""
    if text[pos] in SINGLE_OPENERS and text[pos] != "‘":
        return False  # ‹ is never an apostrophe
    if before.isalnum() and after.isalnum():
        return True  # don’t, Canada’s, rock’n’roll
    if after.isdigit() and not before.isalnum():
        # ’90s, ‘16: a year, not a quote, unless a word follows the digits ('95 percent' stays a quote)
        return re.match(r"\d\d(s\b|\b)", text[pos + 1 : pos + 4]) is not None
    tail = text[pos + 1 : pos + 7].lower()
    if not before.isalnum() and any(
        tail.startswith(e) and (len(tail) == len(e) or not tail[len(e)].isalpha()) for e in LEADING_ELISIONS
    ):
        return True  # ’n’, ’em, ’til
    if before == "n" and text[pos - 2 : pos - 1] in ("’", "'") :
        return True  # the closing mark of ’n’
    return False


def _marks(text: str, start: int, end: int, family_marks: frozenset[str], family: str) -> Iterator[Mark]:
    for pos in range(start, end):
        if text[pos] in family_marks:
            mark = classify_mark(text, pos)
            if mark is not None and mark.family == family:
                yield mark


def _pair_doubles(text: str, paragraphs: list[tuple[int, int]]) -> list[QuoteSpan]:
    """Pair double marks paragraph by paragraph, continuing an unclosed quote into a paragraph that reopens it."""
    spans: list[QuoteSpan] = []
    carried: list[tuple[int, int, int, int]] = []  # segments (start, end, open, close) of a quote left open
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        marks = list(_marks(text, p_start, p_end, DOUBLE_MARKS, "double"))
        open_at: int | None = None
        if carried:
            if marks and marks[0].facing is not Facing.CLOSE and marks[0].pos == _first_visible(text, p_start, p_end):
                if TRANSCRIPT_LABEL.match(text, marks[0].pos + 1):
                    _flush(text, carried, spans)  # '"PENCE: ...': a new speaker opens a new quote
                open_at = marks[0].pos  # the paragraph reopens the quote left open above
                marks = marks[1:]
            else:
                _flush(text, carried, spans)
        nested = False
        closers_after = _closers_after(marks)
        for k, mark in enumerate(marks):
            if open_at is None:
                if mark.facing is not Facing.CLOSE:
                    open_at = mark.pos
            elif mark.facing is Facing.OPEN and mark.pos == open_at + 1:
                open_at = mark.pos  # '"“You don’t win': a doubled opening mark opens once
            elif mark.facing is Facing.OPEN and text[mark.pos - 1].isspace() and text[mark.pos] not in DOUBLE_CLOSERS:
                ahead = closers_after[k + 1]
                continues = p_index + 1 < len(paragraphs) and _opens_with_double(text, *paragraphs[p_index + 1])
                if not nested and (ahead >= 2 or ahead == 1 and continues):
                    # “I’d rather live in what he calls “hell” than ...”: a quote inside, which stays part
                    # of the outer one (closed later, or in a paragraph that continues it)
                    nested = True
                    continue
                # “A “B” : an opener while one is open and nothing to close both; the first was stray.
                _flush(text, carried, spans)
                open_at = mark.pos
                nested = False
            elif nested:
                nested = False  # closes the inner quote, which stays part of the outer one
            else:
                carried.append((open_at + 1, mark.pos, open_at, mark.pos))
                _flush(text, carried, spans)
                open_at = None
        if open_at is not None:
            carried.append((open_at + 1, p_end, open_at, -1))
            next_para = paragraphs[p_index + 1] if p_index + 1 < len(paragraphs) else None
            if next_para is None or not _opens_with_double(text, *next_para):
                _flush(text, carried, spans)  # recover at the paragraph end
    _flush(text, carried, spans)
    return spans


# A transcript's speaker label: one to three words in capitals and a colon ("PENCE:", "SEN. TIM KAINE:", "Q:"),
# but not a newsroom label ("BREAKING:", "EDITOR'S NOTE:").
TRANSCRIPT_LABEL = re.compile(
    r"(?!(?:BREAKING|UPDATE|UPDATED|NOTE|EDITOR'S NOTE|EDITOR’S NOTE|CORRECTION|WATCH|READ|RELATED|PHOTO|VIDEO)\b)"
    r"([A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){0,2}):\s"
)


def _closers_after(marks: list[Mark]) -> list[int]:
    """For each k, how many more marks can close than must open among `marks[k:]` (k up to len(marks)), all in
    one pass: counted afresh for each opener, a paragraph of many marks was quadratic."""
    after = [0] * (len(marks) + 1)
    for k in range(len(marks) - 1, -1, -1):
        after[k] = after[k + 1] + (1 if marks[k].facing is not Facing.OPEN else -1)
    return after


def _pair_singles(text: str, paragraphs: list[tuple[int, int]]) -> list[QuoteSpan]:
    """Pair single marks inside each paragraph; an unclosed single mark is dropped (likely an apostrophe)."""
    spans: list[QuoteSpan] = []
    for p_start, p_end in paragraphs:
        open_at: int | None = None
        for mark in _marks(text, p_start, p_end, SINGLE_MARKS, "single"):
            if open_at is None:
                if mark.facing is Facing.OPEN or (
                    mark.facing is Facing.EITHER and text[mark.pos] not in SINGLE_CLOSERS
                ):
                    open_at = mark.pos
            elif mark.facing is not Facing.OPEN or text[mark.pos] in SINGLE_CLOSERS | SINGLE_AMBIGUOUS:
                if mark.facing is Facing.OPEN and text[mark.pos] in SINGLE_AMBIGUOUS:
                    open_at = mark.pos
                    continue
                start, end = _strip(text, open_at + 1, mark.pos)
                if end > start:
                    spans.append(QuoteSpan(((start, end),), (open_at,), (mark.pos,), "single"))
                open_at = None
            else:
                open_at = mark.pos
    return spans


def _flush(text: str, carried: list[tuple[int, int, int, int]], spans: list[QuoteSpan]) -> None:
    """Emit the carried segments as one quote and clear them."""
    segments = []
    for start, end, open_mark, close_mark in carried:
        s, e = _strip(text, start, end)
        if e > s:
            segments.append((s, e, open_mark, close_mark))
    if segments:
        spans.append(
            QuoteSpan(
                segments=tuple((s, e) for s, e, _, _ in segments),
                open_marks=tuple(o for _, _, o, _ in segments),
                close_marks=tuple(c for _, _, _, c in segments),
                family="double",
            )
        )
    carried.clear()


def _merge_split_quotes(text: str, spans: list[QuoteSpan]) -> list[QuoteSpan]:
    """Join “A,” he said, “B.” into one quote with two segments."""
    merged: list[QuoteSpan] = []
    for span in spans:
        prev = merged[-1] if merged else None
        if prev is not None and prev.family == span.family == "double" and _is_split(text, prev, span):
            merged[-1] = QuoteSpan(
                segments=prev.segments + span.segments,
                open_marks=prev.open_marks + span.open_marks,
                close_marks=prev.close_marks + span.close_marks,
                family=prev.family,
            )
        else:
            merged.append(span)
    return merged


def _is_split(text: str, first: QuoteSpan, second: QuoteSpan) -> bool:
    # The first part must not end a sentence: “I liked him,” he said. “We have...” are two quotes.
    if first.close_marks[-1] < 0 or len(first.segments) > 1 and first.close_marks[-2] < 0:
        return False
    last_seg = text[first.segments[-1][0] : first.segments[-1][1]]
    if _SENTENCE_END.search(last_seg):
        return False
    # The first part must itself open a sentence: in ‘was one of “mutual love,” though he added, “We
    # have natural conflict.”’ the fragment belongs to the writer's sentence and the two stay apart.
    if not text[first.start : first.start + 1].isupper() or not _opens_sentence(text, first.outer_start):
        return False
    gap = text[first.outer_end : second.outer_start]
    if "\n" in gap or not _SPLIT_GAP.match(gap):
        return False
    # The second part continues the sentence: it starts in lower case or the gap ends with a comma.
    return gap.rstrip().endswith((",", "—", "–", "-")) or text[second.start : second.start + 1].islower()


def _opens_sentence(text: str, pos: int) -> bool:
    """True when the mark at `pos` starts a paragraph or follows . ! ? : , or a dash."""
    before = text[max(0, pos - 3) : pos].rstrip(" \t\u00a0")
    return before == "" or before.endswith(("\n", ".", "!", "?", ":", ",", "—", "–", ";", "…")) or (
        before[-1] in ALL_MARKS
    )


def _inside_any(span: QuoteSpan, regions: list[tuple[int, int]]) -> bool:
    return any(a <= span.outer_start and span.outer_end <= b for a, b in regions)


def _first_visible(text: str, start: int, end: int) -> int:
    pos = start
    while pos < end and text[pos].isspace():
        pos += 1
    return pos


def _opens_with_double(text: str, start: int, end: int) -> bool:
    pos = _first_visible(text, start, end)
    if pos >= end or text[pos] not in DOUBLE_MARKS:
        return False
    mark = classify_mark(text, pos)
    return mark is not None and mark.facing is not Facing.CLOSE


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    return start, _rstrip(text, start, end)


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


class QuoteMask:
    """Which tokens of a parsed document lie inside quotation marks (they are never cues or speakers)."""

    def __init__(self, doc: Doc, spans: list[QuoteSpan]) -> None:
        self._inside = [False] * len(doc)
        for span in spans:
            for start, end in span.segments:
                chars = doc.char_span(start, end, alignment_mode="expand")
                if chars is not None:
                    for t in chars:
                        self._inside[t.i] = True

    def inside(self, token: Token) -> bool:
        return self._inside[token.i]
