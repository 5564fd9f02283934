"""Stage 1: quote -> reporting cue and the head of its speaker mention, by ordered named rules.

    cue = find_cue(doc, quote, mask)            # the first of CUE_RULES that answers; cue.rule names it
    cue = find_context_cue(doc, quote, mask)    # a cue with a speaker in the sentence before the quote
    cue = cue_at(verb, mask, rule="my_rule")    # any verb as a cue: its mention by mentions.MENTION_RULES
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from service.nlp.lexicon import ADJACENT_FILLERS, SAYING_VERBS, SUBJECT_DEPS
from service.nlp.mentions import find_mention, speaker_like
from service.nlp.pipeline import article_text
from service.nlp.quotes import TRANSCRIPT_LABEL, QuoteMask, QuoteSpan
from service.nlp.types import TextSpan
from service.nlp.window import WINDOW_TOKENS, is_cue_token, quote_tokens, quote_window


@dataclass(frozen=True)
class Cue:
    """A reporting cue and, when one is found, the head token of its speaker mention.

    `rule` names the cue rule that found it; `mention_rule` the rule that found `speaker_head`.
    """

    tokens: tuple[Token, ...]
    speaker_head: Token | None
    syntactic: bool = False  # the quote's own words depend on the cue (not merely near it)
    rule: str = ""
    mention_rule: str | None = None

    @property
    def span(self) -> TextSpan:
        doc = self.tokens[0].doc
        start = self.tokens[0].idx
        end = self.tokens[-1].idx + len(self.tokens[-1].text)
        return TextSpan(start, end, article_text(doc)[start:end])


def cue_at(verb: Token, mask: QuoteMask, *, rule: str, syntactic: bool = False) -> Cue:
    """`verb` as a cue: its tokens (with a particle: 'pointed out') and its speaker by the mention rules."""
    tokens = [verb] + [c for c in verb.rights if c.dep_ == "prt"]
    head, mention_rule = find_mention(verb, mask)
    return Cue(
        tokens=tuple(sorted(tokens, key=lambda t: t.i)),
        speaker_head=head,
        syntactic=syntactic,
        rule=rule,
        mention_rule=mention_rule,
    )


def _named(tokens: tuple[Token, ...], head: Token | None, rule: str, mention_rule: str | None = None) -> Cue:
    """A cue whose rule found the speaker itself (a label, a dash, a sign-off)."""
    return Cue(tokens=tokens, speaker_head=head, rule=rule, mention_rule=mention_rule or (rule if head else None))


class CueQuery:
    """One quote being attributed, and what several rules read about it, computed once."""

    def __init__(self, doc: Doc, quote: QuoteSpan, mask: QuoteMask) -> None:
        self.doc, self.quote, self.mask = doc, quote, mask
        self.inner = quote_tokens(doc, quote)
        self._window: list[Token] | None = None
        self._chain: tuple[Cue | None] | None = None

    @property
    def window(self) -> list[Token]:
        if self._window is None:
            self._window = quote_window(self.doc, self.quote, self.mask)
        return self._window

    @property
    def chain(self) -> Cue | None:
        if self._chain is None:
            self._chain = (_head_chain_cue(self.inner, self.mask),)
        return self._chain[0]


def transcript_label(q: CueQuery) -> Cue | None:
    """'"PENCE: Well, look, ...': a transcript paragraph whose speaker's name opens it in capitals."""
    text = article_text(q.doc)
    if q.quote.outer_start > 0 and text[q.quote.outer_start - 1] != "\n":
        return None
    match = TRANSCRIPT_LABEL.match(text, q.quote.start, q.quote.end)
    if match is None or len(match.group(1)) < 2:
        return None  # "Q:" and "A:" part an interview's turns but name nobody
    name = q.doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
    colon = q.doc.char_span(match.end(1), match.end(1) + 1, alignment_mode="expand")
    if name is None or colon is None:
        return None
    return _named((colon[0],), name[-1], "transcript_label")


def dash_name(q: CueQuery) -> Cue | None:
    """'“...” ― Adriana Rodarte': a dash and a name after the quote, at the end of its paragraph."""
    end = q.quote.outer_end
    text = article_text(q.doc)
    match = _DASH_NAME.match(text[end : end + 80])
    if match is None:
        # '“...” And that is all he has “the root of all evil.”' ― Jane Roe': a paragraph of quotes signed once
        # at its end; the signature speaks for every quote of it
        paragraph_start = text.rfind("\n", 0, q.quote.outer_start) + 1
        paragraph_end = text.find("\n", end)
        paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
        if text[paragraph_start : paragraph_start + 1] not in _OPENING_MARKS:
            return None
        signed = _SIGNED_PARAGRAPH.search(text, max(end, paragraph_end - 80), paragraph_end + 1)
        if signed is None:
            return None
        end = signed.start() + 1
        match = _DASH_NAME.match(text[end : end + 80])
        if match is None:
            return None
    dash_at = end + match.start(1)
    name = q.doc.char_span(end + match.start(2), end + match.end(2), alignment_mode="expand")
    dash = q.doc.char_span(dash_at, dash_at + 1, alignment_mode="expand")
    if name is None or dash is None:
        return None
    return _named((dash[0],), name.root, "dash_name")


# the name may carry a place or affiliation in capitals: '― Michelle Marks, Philadelphia.'
_DASH_NAME = re.compile(
    r"[\s.,]*([―—–-]{1,2})\s*([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4})"
    r"(?:,(?: [A-Z][\w.’'-]*| of| the| and| for){1,8})?\s*[.,]?\s*(?:\n|$)"
)
_OPENING_MARKS = ("“", '"', "‘")
_SIGNED_PARAGRAPH = re.compile("[”\"’]" + _DASH_NAME.pattern)


def signoff_line(q: CueQuery) -> Cue | None:
    """'"We are going to enter the next recession ...\nJosh Bivens, Economic Policy Institute."': a quote left
    open at its paragraph's end, signed on the next line by a name and the closing mark."""
    if q.quote.close_marks[-1] >= 0:
        return None
    text = article_text(q.doc)
    line_start = text.find("\n", q.quote.end)
    if line_start < 0:
        return None
    match = _SIGNOFF.match(text, line_start)
    if match is None:
        return None
    name_end = match.end(1)
    while text[name_end - 1] == ".":
        name_end -= 1  # "Donald Trump.": the sentence's full stop is no part of the name
    name = q.doc.char_span(match.start(1), name_end, alignment_mode="expand")
    mark = q.doc.char_span(match.end() - 1, match.end(), alignment_mode="expand")
    # a name, not a sentence in Title Case: "She Said." or "The Police Department Said Nothing."
    if name is None or mark is None or name[-1].pos_ != "PROPN" or name[0].pos_ in ("DET", "PRON"):
        return None
    return _named((mark[0],), name[-1], "signoff_line")


# a line of a name (up to five capitalised words), an optional affiliation, and the closing mark
_SIGNOFF = re.compile(r"\n+([A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){1,4})(?:,[^\n\"”]{1,80})?\.?[\"”](?=\s*(?:\n|$))")


def nearer_saying(q: CueQuery) -> Cue | None:
    """'The spot concludes with footage of Trump saying, “That makes me smart,”': when the parse hangs the quote
    on a cue further back, a verb of saying with a subject of its own, between that cue and the quote, speaks."""
    cue, doc, quote, mask = q.chain, q.doc, q.quote, q.mask
    if cue is None:
        return None
    end = doc.char_span(quote.outer_start, quote.outer_start + 1, alignment_mode="expand")
    if end is None or cue.tokens[0].idx > quote.outer_start:
        return None
    start = max(cue.tokens[-1].i + 1, end.start - WINDOW_TOKENS)  # bounded: a sentence may hold thousands
    for token in reversed(doc[start : end.start]):
        if token.lemma_.lower() in SAYING_VERBS and token.pos_ == "VERB" and is_cue_token(token, mask):
            # its own clause must run up to the quote: not "where Clinton told her supporters to stay home,
            # that the plan was “a disaster”"
            gap = doc[token.right_edge.i + 1 : end.start]
            if any(not t.is_punct and t.lower_ not in ADJACENT_FILLERS for t in gap):
                return None
            subject = next((c for c in token.children if c.dep_ == "nsubj" and speaker_like(c)), None)
            if subject is not None:
                return Cue(tokens=(token,), speaker_head=subject, syntactic=True, rule="nearer_saying",
                           mention_rule="cue_subject")
            # 'Starr said Clinton's situation reminds him of a book, explaining, “...”': a participle speaks
            # with the subject it takes from the clause above when that is a speaker
            participle = cue_at(token, mask, rule="nearer_saying", syntactic=True) if token.tag_ == "VBG" else None
            if participle is not None and participle.mention_rule == "cue_subject":
                return participle
            return None
    return None


def head_chain(q: CueQuery) -> Cue | None:
    """The verb the quote's words depend on: 'pledging to “negotiate a win”', '“...,” he said'."""
    return q.chain


def _head_chain_cue(inner: list[Token], mask: QuoteMask) -> Cue | None:
    inner_ids = {t.i for t in inner}
    for token in inner:
        head = token
        unowned_noun: Token | None = None
        for _ in range(6):
            if head.head.i == head.i:
                break
            child, head = head, head.head
            if head.i in inner_ids:
                continue
            if mask.inside(head):
                break
            # Trump's “divisive” comments: words that describe the speech noun are not its content
            describes = head.pos_ == "NOUN" and child.dep_ in ("amod", "compound", "nmod")
            if not is_cue_token(head, mask) or describes:
                continue
            if head.pos_ == "NOUN" and not any(c.dep_ == "poss" for c in head.children):
                # "Mulgrew said he hopes the day sends a message that “...”": a speech noun nobody owns
                # gives way to a verb of saying above it
                unowned_noun = unowned_noun or head
                continue
            if unowned_noun is not None and head.lemma_.lower() not in SAYING_VERBS:
                break
            return cue_at(head, mask, rule="head_chain", syntactic=True)
        if unowned_noun is not None:
            return cue_at(unowned_noun, mask, rule="head_chain", syntactic=True)
    return None


def according_to(q: CueQuery) -> Cue | None:
    """'“The talks are over,” according to Howard Lutnick': 'according to X' in the quote's window."""
    doc = q.doc
    for token in q.window:
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            objects = [c for c in doc[token.i + 1].children if c.dep_ == "pobj"]
            return _named((token, doc[token.i + 1]), objects[0] if objects else None, "according_to")
    return None


def nearest_verb(q: CueQuery) -> Cue | None:
    """The reporting verb nearest the quote in its window (its sentence or the attribution clause after it)."""
    candidates = sorted((t for t in q.window if is_cue_token(t, q.mask)), key=lambda t: _distance(t, q.quote))
    found: Cue | None = None
    for token in candidates:
        # "promises ‘fair treatment’": a cue right before the marks governs them even when the parse says not
        between = article_text(q.doc)[token.idx + len(token.text) : q.quote.outer_start].split()
        adjacent = token.idx < q.quote.outer_start and all(w.lower() in ADJACENT_FILLERS for w in between)
        cue = cue_at(token, q.mask, rule="nearest_verb", syntactic=adjacent)
        found = found or cue
        # '“...” that would respond to requests, Jane Roe wrote': records respond to nothing in words; a
        # cue further off with a speaker of its own is the quote's
        head = cue.speaker_head
        if head is not None and (cue.mention_rule != "subject_fallback" or head.pos_ in ("PRON", "PROPN")):
            return cue
    return found


def dash_colon(q: CueQuery) -> Cue | None:
    """'RED STATES OUTNUMBER BLUE STATES - Jeffrey M. Jones: “...”': a digest's headline, a dash, and the name
    of the source before the colon that opens the quote."""
    text = article_text(q.doc)
    # The dash and names sit just before the quote: searching a whole long line for each quote was quadratic.
    reach_start = max(0, q.quote.outer_start - DASH_COLON_REACH)
    line_start = max(reach_start, text.rfind("\n", reach_start, q.quote.outer_start) + 1)
    match = _DASH_COLON.search(text, line_start, q.quote.outer_start)
    if match is None:
        return None
    name = q.doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
    mark = q.doc.char_span(match.end(1), match.end(), alignment_mode="contract")
    mark = mark if mark else q.doc.char_span(match.end() - 1, match.end(), alignment_mode="expand")
    if name is None or mark is None or name[-1].pos_ not in ("PROPN", "NOUN") or q.mask.inside(name[-1]):
        return None
    return _named((mark[-1],), name[-1], "dash_colon", "colon_name")


DASH_COLON_REACH = 300  # characters before a quote that hold its dash, source names and colon
# a dash, perhaps a few words ("-More from"), capitalised names (joined by "and"), a colon, then the quote
_DASH_COLON = re.compile(
    r"\s[-–—]\s*(?:[A-Z]\w*\s+(?:from|by)\s+)?([A-Z][\w.’'-]*(?:\s+(?:[A-Z][\w.’'-]*|and|&))*)\s*:\s*$"
)


def colon(q: CueQuery) -> Cue | None:
    """'Trump said:' or 'Said Ellis:' or 'Trump:' right before the quote, in its paragraph or the one above."""
    doc, mask = q.doc, q.mask
    text = article_text(doc)
    end = q.quote.outer_start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end == 0 or text[end - 1] != ":":
        return None
    mark = doc.char_span(end - 1, end, alignment_mode="expand")
    if mark is None or mark.start == 0:
        return None
    sentence = doc[mark.start].sent
    prev = doc[mark.start - 1]
    cues = [t for t in doc[sentence.start : mark.start] if is_cue_token(t, mask)]
    if cues:
        cue = cue_at(cues[-1], mask, rule="colon")
        if cue.speaker_head is None and prev.pos_ in ("PROPN", "NOUN") and prev.i > cues[-1].i:
            return _named(cue.tokens, prev, "colon", "inverted_cue")  # "Said Ellis:": the name after the verb
        return cue
    # "Jeb Bush broke down what was wrong to a Dutch newspaper: “...”": the clause's subject speaks
    subject = next((t for t in doc[sentence.start : mark.start] if t.dep_ in SUBJECT_DEPS and speaker_like(t)), None)
    if subject is not None:
        return _named((doc[mark.start],), subject, "colon", "colon_subject")
    if prev.pos_ in ("PROPN", "NOUN", "PRON"):
        return _named((doc[mark.start],), prev, "colon", "colon_name")
    return None


CueRule = Callable[[CueQuery], "Cue | None"]
# From the most to the least specific; the first answer wins.
CUE_RULES: tuple[CueRule, ...] = (
    transcript_label, dash_name, signoff_line, dash_colon, nearer_saying, head_chain, according_to, nearest_verb,
    colon,
)


def find_cue(doc: Doc, quote: QuoteSpan, mask: QuoteMask) -> Cue | None:
    """The cue that governs `quote`: the answer of the first rule of CUE_RULES that gives one."""
    query = CueQuery(doc, quote, mask)
    if not query.inner:
        return None
    for rule in CUE_RULES:
        cue = rule(query)
        if cue is not None:
            if cue.mention_rule == "subject_fallback":
                # 'According to AZCentral, one sign read, “...”': a sign is no speaker; who reported it is
                reported = according_to(query)
                if reported is not None and reported.speaker_head is not None:
                    return reported
            return cue
    return None


def find_context_cue(doc: Doc, quote: QuoteSpan, mask: QuoteMask, *, after_quote: bool = False) -> Cue | None:
    """A cue with a speaker in the sentence just before a quote that has none of its own (rule
    `preceding_sentence`).

    'Schiff said. “The other factor ...”' and 'Cummings called him a master. “He showed ...”': the quote
    continues what the previous sentence attributed. Only within the paragraph, or across one line
    break when the previous paragraph ends with a colon. With `after_quote` (a partial quote), only when the
    sentence before holds a quote itself: the fragment goes on with a quoted speaker's words.
    """
    start = doc.char_span(quote.outer_start, quote.outer_start + 1, alignment_mode="expand")
    if start is None or start.start == 0:
        return None
    sentence = start[0].sent
    if sentence.start == 0:
        return None
    previous = doc[sentence.start - 1].sent
    gap = article_text(doc)[previous.end_char : quote.outer_start]
    if gap.count("\n") > 0 and not previous.text.rstrip().endswith(":"):
        return None
    if after_quote and not any(mask.inside(t) for t in previous):
        return None
    # The main verb first, then other verbs from the end, then nouns: in '“...,” Earnest said before
    # Bill Clinton's comments.' the quote that follows is Earnest's, not the comments'.
    cues = sorted(
        (t for t in previous if is_cue_token(t, mask)),
        key=lambda t: (t.dep_ != "ROOT", t.pos_ == "NOUN", -t.i),
    )
    for cue_token in cues:
        cue = cue_at(cue_token, mask, rule="preceding_sentence")
        if cue.speaker_head is not None:
            return cue
    return None


def _distance(token: Token, quote: QuoteSpan) -> int:
    if token.idx >= quote.outer_end:
        return token.idx - quote.outer_end
    return max(0, quote.outer_start - token.idx) + 5  # attribution after the quote is the common case
