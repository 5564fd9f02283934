"""What the cue rules look at: which tokens are cue words, a quote's tokens, and its window of text."""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from service.nlp.lexicon import (
    ASPECTUAL_VERBS,
    BACK_VERBS,
    INTRODUCING_FOLLOWERS,
    INTRODUCING_ONLY_VERBS,
    REPORTING_NOUNS,
    REPORTING_VERBS,
    SUBJECT_DEPS,
)
from service.nlp.pipeline import article_text
from service.nlp.quotes import QuoteMask, QuoteSpan

# A cue stands near its quote: the window is bounded, which also keeps a run-on "sentence" of thousands of
# quotes linear (spaCy's `token.sent` scans the whole sentence).
WINDOW_TOKENS = 60
_TITLE_TOKENS = 5


def is_cue_token(token: Token, mask: QuoteMask) -> bool:
    """A reporting verb (said, told, insisted) or speech noun (statement, promise) outside quotes."""
    if mask.inside(token):
        return False
    lemma = token.lemma_.lower()
    if lemma in BACK_VERBS and any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in token.children):
        return True  # "Bennett shot back", "she fired back" (the parse may call "back" an adverb)
    if lemma in INTRODUCING_ONLY_VERBS:
        following = token.nbor(1) if token.i + 1 < len(token.doc) else None
        return following is not None and following.lower_ in INTRODUCING_FOLLOWERS and not mask.inside(following)
    if lemma in ASPECTUAL_VERBS and any(_infinitive(c, mask) for c in token.children):
        return False  # "will continue to be “a champion”"
    if token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB"):
        return lemma in REPORTING_VERBS or token.text.lower() in REPORTING_VERBS
    if token.pos_ == "NOUN":
        return lemma in REPORTING_NOUNS
    return False


def _infinitive(child: Token, mask: QuoteMask) -> bool:
    """A 'to' infinitive outside quotes that complements its verb: "continue [to be]"."""
    return child.dep_ == "xcomp" and not mask.inside(child) and any(c.tag_ == "TO" for c in child.children)


def quote_tokens(doc: Doc, quote: QuoteSpan) -> list[Token]:
    """The tokens of the quote's segments (the words inside its marks)."""
    tokens: list[Token] = []
    for start, end in quote.segments:
        chars = doc.char_span(start, end, alignment_mode="expand")
        if chars is not None:
            tokens.extend(chars)
    return tokens


def quote_window(doc: Doc, quote: QuoteSpan, mask: QuoteMask) -> list[Token]:
    """Tokens of the sentences the quote touches, plus a following clause that starts in lower case."""
    first = doc.char_span(quote.outer_start, quote.outer_start + 1, alignment_mode="expand")
    last = doc.char_span(max(quote.outer_end - 1, quote.outer_start), quote.outer_end, alignment_mode="expand")
    if first is None or last is None:
        return []
    start = _sentence_start(doc, first[0].i, WINDOW_TOKENS)
    end = _sentence_end(doc, last[-1].i, WINDOW_TOKENS)
    # “...,” | he said.  — the parser may cut after the closing mark; take the attribution back.
    if end < len(doc) and end - last[-1].i <= 2 and doc[end].is_sent_start:
        following_end = _sentence_end(doc, end, WINDOW_TOKENS)
        # a following sentence longer than the window is no short attribution clause
        whole = following_end == len(doc) or doc[following_end].is_sent_start
        if whole and _is_attribution_clause(doc[end:following_end], mask):
            end = following_end
    text = article_text(doc)
    # stay within the paragraph of the quote
    p_start = text.rfind("\n", doc[start].idx, quote.outer_start) + 1 or doc[start].idx
    p_end = text.find("\n", quote.outer_end, doc[end - 1].idx + len(doc[end - 1]))
    p_end = len(text) if p_end < 0 else p_end
    return [
        t for t in doc[start:end] if not mask.inside(t) and "\n" not in t.text and p_start <= t.idx < p_end
    ]


def _sentence_start(doc: Doc, i: int, limit: int) -> int:
    """Index of the first token of token i's sentence, looking back at most `limit` tokens."""
    floor = max(0, i - limit)
    while i > floor and not doc[i].is_sent_start:
        i -= 1
    return i


def _sentence_end(doc: Doc, i: int, limit: int) -> int:
    """Index just past token i's sentence, looking ahead at most `limit` tokens."""
    ceiling = min(len(doc), i + 1 + limit)
    i += 1
    while i < ceiling and not doc[i].is_sent_start:
        i += 1
    return i


def _is_attribution_clause(sentence: Span, mask: QuoteMask) -> bool:
    """'Clinton said.' / 'he told the group, adding that ...' / 'Scott's niece, Del. Marcia "Cia" Price, shouted
    to the crowd.': a clause with a cue and no quote of its own (a nickname inside the speaker's name is fine)."""
    if "\n" in sentence.text.strip():
        return False
    root = sentence.root
    if is_cue_token(root, mask) and not any(c.dep_ in ("ccomp", "xcomp", "advcl") for c in root.children):
        subject_tokens = {t.i for c in root.children if c.dep_ in SUBJECT_DEPS for t in c.subtree}
        quoted = [t for t in sentence if mask.inside(t) and t.i not in subject_tokens]
        # a title after the cue is no quote of the clause's own: 'said on Fox News’s “Fox and Friends.”'
        return not quoted or (quoted[0].i > root.i and len(quoted) <= _TITLE_TOKENS)
    if any(mask.inside(t) for t in sentence):
        return False
    first = sentence[0]
    short = len(sentence) <= 12
    return (short or first.text[:1].islower()) and any(is_cue_token(t, mask) for t in sentence[:6])
