"""Article text -> quotes: quote spans from the marks, then kind, cue and speaker from the parse."""
from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc

from service.nlp.confidence import AttributionFeatures
from service.nlp.content import reported_content
from service.nlp.cues import Cue, find_context_cue, find_cue
from service.nlp.indirect import with_reported_speech
from service.nlp.lexicon import (
    ALL_MARKS,
    CLAUSE_OPENING_VERBS,
    DOUBLE_MARKS,
    TERM_MARKERS,
    TERM_NOUNS,
    TITLE_SMALL_WORDS,
    WORK_NOUNS,
)
from service.nlp.names import NameRegistry
from service.nlp.pipeline import article_text, parse_batch
from service.nlp.quotes import TRANSCRIPT_LABEL, QuoteMask, QuoteSpan, find_quote_spans
from service.nlp.resolve import continued, resolve_attribution
from service.nlp.types import Quote, QuoteKind, Speaker, TextSpan

# "the word “conflict”", "so-called “experts”": the marks label words, nobody speaks.
_TERM_BEFORE = re.compile(
    r"(?:" + "|".join(rf"\b{re.escape(m)}" for m in TERM_MARKERS)
    + r"|\bthe (?:" + "|".join(sorted(TERM_NOUNS)) + r")s?)\W*$",
    re.I,
)


def extract_quotes(doc: Doc, *, indirect: bool = False) -> tuple[Quote, ...]:
    """Every quotation of a parsed article, in text order; with `indirect`, then its reported speech (and a partial
    quote woven into a reported clause has that clause as its content)."""
    text = article_text(doc)
    spans = find_quote_spans(text)
    if not spans and not indirect:
        return ()
    mask = QuoteMask(doc, spans)
    registry = NameRegistry(doc)
    quotes = tuple(quote for quote, _ in _attributions(doc, text, spans, mask, registry, indirect=indirect))
    return with_reported_speech(doc, quotes, mask, registry) if indirect else quotes


def extract_attributions(doc: Doc) -> list[tuple[Quote, AttributionFeatures | None]]:
    """Every quotation of a parsed article, in text order, with the features of its speaker's attribution
    (None when it has no speaker): what `scripts/fit_confidence.py` fits the confidence on."""
    text = article_text(doc)
    spans = find_quote_spans(text)
    if not spans:
        return []
    return _attributions(doc, text, spans, QuoteMask(doc, spans), NameRegistry(doc))


def _attributions(
    doc: Doc,
    text: str,
    spans: list[QuoteSpan],
    mask: QuoteMask,
    registry: NameRegistry,
    *,
    indirect: bool = False,
) -> list[tuple[Quote, AttributionFeatures | None]]:
    quotes: list[tuple[Quote, AttributionFeatures | None]] = []
    previous: Speaker | None = None  # the last named speaker: an antecedent for pronouns
    # the last speaker, named or not ("said a party member"), with its quote: a quote without a cue goes on
    last: tuple[Speaker, AttributionFeatures, QuoteSpan] | None = None
    for span in spans:
        cue = find_cue(doc, span, mask)
        kind = _kind(text, span, cue)
        found: tuple[Speaker, AttributionFeatures] | None = None
        # a transcript turn ("Q: ...") names its own speaker or nobody: it never continues the one before
        turn = TRANSCRIPT_LABEL.match(text, span.start, span.end) is not None
        if kind != "term":
            context_cue = None
            # a partial quote with no cue at all goes on from a quote's sentence before it ('“...,” Hennessey added.
            # But that is not the same thing as “properly chargeable under the law.”')
            if (kind == "full" or kind == "partial" and cue is None) and not turn and (
                cue is None or cue.speaker_head is None
            ):
                context_cue = find_context_cue(doc, span, mask, after_quote=kind == "partial")
            if cue is not None and cue.speaker_head is not None:
                found = _resolve(cue, span, kind, registry, previous, mask)
            elif context_cue is not None and context_cue.speaker_head is not None:
                found = continued(*_resolve(context_cue, span, kind, registry, previous, mask), "preceding_sentence")
                cue = context_cue
            elif kind == "full" and not turn and last is not None and _same_context(text, last[2], span):
                found = continued(last[0], last[1], "paragraph_context", span.outer_start - last[2].outer_end)
        speaker = found[0] if found else None
        quote = Quote(
            start=span.start,
            end=span.end,
            text=text[span.start : span.end],
            segments=tuple(TextSpan(s, e, text[s:e]) for s, e in span.segments),
            kind=kind,
            speaker=speaker,
            cue=cue.span if cue is not None and kind != "term" else None,
            content=reported_content(doc, span, cue if kind != "term" else None, mask, indirect=indirect),
        )
        quotes.append((quote, found[1] if found else None))
        if speaker is not None and speaker.name is not None:
            previous = speaker
        if found is not None and found[0].mention is not None:
            last = (found[0], found[1], span)
    return quotes


def _resolve(
    cue: Cue, span: QuoteSpan, kind: str, registry: NameRegistry, previous: Speaker | None, mask: QuoteMask
) -> tuple[Speaker, AttributionFeatures]:
    assert cue.speaker_head is not None and cue.mention_rule is not None
    return resolve_attribution(
        cue.speaker_head, (span.outer_start, span.outer_end), registry, previous,
        cue_rule=cue.rule, rule=cue.mention_rule, cue_tokens=cue.tokens, mask=mask, kind=kind,
        syntactic=cue.syntactic, quote_words=len(article_text(cue.speaker_head.doc)[span.start : span.end].split()),
    )


def _kind(text: str, span: QuoteSpan, cue: Cue | None) -> QuoteKind:
    """full: a sentence presented as speech; partial: words woven into the writer's sentence; term: a label."""
    quoted = text[span.start : span.end]
    first = quoted.lstrip("…. [(-–—")[:1]  # “… There is evidence”, “[W]e”: the first word decides
    words = quoted.split()
    before = text[max(0, span.outer_start - 40) : span.outer_start]
    window_start = max(0, span.outer_start - 200)
    line_start = text.rfind("\n", window_start, span.outer_start) + 1 or window_start
    if _TERM_BEFORE.search(before) or _is_title(quoted, text[line_start : span.outer_start]):
        return "term"
    if len(words) <= 4 and _title_case(quoted) and not re.search(r"[.!?]\W*$", quoted):
        # “Broad City” Star Asked ..., the PBS drama “Mercy Street,”: a name in Title Case, unless a cue
        # governs it directly (Trump called him “Little Marco”)
        if cue is None or not cue.syntactic:
            return "term"
    if (first.isupper() or first.isdigit()) and (_opens_clause(before) or len(words) >= 4):
        return "full"
    if quoted.startswith(("…", "...")) and len(words) >= 4 and text[line_start : span.outer_start].strip() == "":
        return "full"  # '¶ “… they still just go on with their lying”': an excerpt that opens its paragraph
    speaker_known = cue is not None and cue.speaker_head is not None
    if len(words) <= 2:
        # "fairly", “quack” cures: one or two words are speech only when a cue governs them directly
        return "partial" if speaker_known and cue is not None and cue.syntactic else "term"
    if len(words) <= 4 and not speaker_known:
        return "term"
    return "partial"


def _is_title(quoted: str, before: str) -> bool:
    """“Fox News Sunday,”, "Face the Nation": a programme or work named in Title Case inside a sentence.

    `before` is the text of the quote's paragraph before it (at most 200 characters).
    """
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", quoted)]
    if not words or len(words) > 12 or not _title_case(quoted):
        return False
    stripped = before.rstrip()
    # a work named by what it is: 'her memoir, "Tough Choices."', 'an article titled "Clinton Does Best ..."';
    # or by whose it is, in a sentence of the body: 'Pence said on CNN's "State of the Union."' (a headline is
    # in Title Case too: 'Issa: Hillary Clinton’s ‘Honesty Is In Question.’')
    in_body = sum(1 for w in stripped.split() if w[:1].islower()) >= 3
    possessive = stripped.endswith(("'s", "’s")) and len(words) <= 7
    if in_body and (possessive or _WORK_BEFORE.search(stripped)):
        return True
    if len(words) > 7 or re.search(r"[.!?]\W*$", quoted) and len(words) > 3:
        return False
    # inside a sentence, after a lower-case word: "the PBS drama “Mercy Street”"
    return bool(stripped) and stripped[-1].islower()


_WORK_BEFORE = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(WORK_NOUNS)) + r")\s*,?\s*$", re.I)


def _title_case(quoted: str) -> bool:
    """Every word but the small ones starts with a capital: 'Face the Nation', 'Broad City'."""
    words = re.findall(r"[A-Za-z][\w'’-]*", quoted)
    capitals = [w for w in words if w.lower() not in TITLE_SMALL_WORDS]
    return bool(capitals) and all(w[:1].isupper() for w in capitals)



def _opens_clause(before: str) -> bool:
    stripped = before.rstrip(" \t\u00a0")
    return stripped == "" or stripped.endswith(("\n", ".", "!", "?", ":", ",", "—", "–", ";", "…", "(")) or (
        stripped.split()[-1].lower() in CLAUSE_OPENING_VERBS
    )


def _same_context(text: str, previous: QuoteSpan | None, span: QuoteSpan) -> bool:
    """A quote with no cue continues the speaker of the quote just before it (same or previous paragraph)."""
    if previous is None:
        return False
    between = text[previous.outer_end : span.outer_start]
    if between.count("\n") <= 2 and len(between) < 600:
        return True
    # '“I am calling ...” Miller said. ¶ She pauses. ¶ “Well, thank you.”': one short paragraph of narration between
    lines = between.split("\n")
    middle = [line for line in lines[1:-1] if line.strip()]
    return len(middle) == 1 and len(middle[0]) < 200 and not any(m in middle[0] for m in DOUBLE_MARKS)


def needs_parse(text: str, *, indirect: bool = False) -> bool:
    """Whether `text`'s quotes may depend on its parse: without reported speech an article with no quote mark has
    none (find_quote_spans pairs marks only, and extract_quotes returns before it reads the Doc). A scan for the
    characters, not the pairing: that walks the text in Python (1 MB: 0.8 s), and is done again on the parse."""
    return indirect or any(mark in text for mark in ALL_MARKS)


def extract_batch(nlp: Language, texts: Sequence[str], *, indirect: bool = False) -> list[tuple[Quote, ...]]:
    """Parse `texts` in one `nlp.pipe` (long ones in chunks, see `parse_batch`) and extract each article's quotes.

    An article that does not `needs_parse` is not parsed: the model's time per token is the same whatever the
    text, and a text of one-character lines has five times the tokens of prose per byte.
    """
    parsed = [i for i, text in enumerate(texts) if needs_parse(text, indirect=indirect)]
    quotes: list[tuple[Quote, ...]] = [()] * len(texts)
    for i, doc in zip(parsed, parse_batch(nlp, [texts[i] for i in parsed]), strict=True):
        quotes[i] = extract_quotes(doc, indirect=indirect)
    return quotes
