"""Who said a quote: the reporting cue, the speaker mention next to it, and its canonical name."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from service.nlp.lexicon import (
    AGENT_DEP,
    PERSONAL_PRONOUNS,
    PLURAL_PRONOUNS,
    REPORTING_NOUNS,
    REPORTING_VERBS,
    SUBJECT_DEPS,
)
from service.nlp.names import (
    ORG_LABELS,
    NameRegistry,
    Person,
    is_anonymous,
    is_role_description,
    name_parts,
    organisation_name,
    organisation_of,
    reads_as_cue,
)
from service.nlp.pipeline import article_text
from service.nlp.quotes import TRANSCRIPT_LABEL, QuoteSpan
from service.nlp.types import Speaker, TextSpan


@dataclass(frozen=True)
class Cue:
    """A reporting cue and, when the parse gives one, the head token of its speaker mention."""

    tokens: tuple[Token, ...]
    speaker_head: Token | None
    syntactic: bool = False  # the quote's own words depend on the cue (not merely near it)

    @property
    def span(self) -> TextSpan:
        doc = self.tokens[0].doc
        start = self.tokens[0].idx
        end = self.tokens[-1].idx + len(self.tokens[-1].text)
        return TextSpan(start, end, article_text(doc)[start:end])


class QuoteMask:
    """Which tokens of a document lie inside quotation marks (they are never cues or speakers)."""

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


def is_cue_token(token: Token, mask: QuoteMask) -> bool:
    """A reporting verb (said, told, insisted) or speech noun (statement, promise) outside quotes."""
    if mask.inside(token):
        return False
    lemma = token.lemma_.lower()
    if lemma in _BACK_VERBS and any(c.dep_ == "prt" and c.lower_ == "back" for c in token.children):
        return True  # "Bennett shot back", "she fired back"
    if lemma in _INTRODUCING_ONLY:
        # "and he goes, “...”", "went on about", "has gone after Trump as" report speech; "the agreement goes
        # “nowhere near far enough”" does not
        following = token.nbor(1) if token.i + 1 < len(token.doc) else None
        return following is not None and following.lower_ in (",", ":", "on", "after") and not mask.inside(following)
    if token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB"):
        return lemma in REPORTING_VERBS or token.text.lower() in REPORTING_VERBS
    if token.pos_ == "NOUN":
        return lemma in REPORTING_NOUNS
    return False


_BACK_VERBS = frozenset({"shoot", "fire", "hit", "push", "snap", "talk", "write"})
_INTRODUCING_ONLY = frozenset({"go"})  # a cue only when a comma, colon, "on" or "after" follows
_SAYING_VERBS = frozenset("say tell add write explain insist argue claim note state declare tweet".split())


def find_cue(doc: Doc, quote: QuoteSpan, mask: QuoteMask) -> Cue | None:
    """The cue that governs `quote`, trying constructions from the most to the least specific."""
    inner = _quote_tokens(doc, quote)
    if not inner:
        return None
    cue = _transcript_label(doc, quote) or _dash_cue(doc, quote) or _signoff_line(doc, quote)
    if cue is not None:
        return cue
    cue = _head_chain_cue(inner, mask)
    if cue is not None:
        return _nearer_saying(doc, quote, cue, mask) or cue
    window = _window(doc, quote, mask)  # built once for the two constructions that search it
    return _according_to(doc, window) or _nearest_cue(doc, quote, window, mask) or _colon_cue(doc, quote, mask)


def _nearer_saying(doc: Doc, quote: QuoteSpan, cue: Cue, mask: QuoteMask) -> Cue | None:
    """'The spot concludes with footage of Trump saying, “That makes me smart,”': when the parse hangs the quote
    on a cue further back, a verb of saying with a subject of its own, between that cue and the quote, speaks."""
    end = doc.char_span(quote.outer_start, quote.outer_start + 1, alignment_mode="expand")
    if end is None or cue.tokens[0].idx > quote.outer_start:
        return None
    start = max(cue.tokens[-1].i + 1, end.start - _WINDOW_TOKENS)  # bounded: a sentence may hold thousands
    for token in reversed(doc[start : end.start]):
        if token.lemma_.lower() in _SAYING_VERBS and token.pos_ == "VERB" and is_cue_token(token, mask):
            # its own clause must run up to the quote: not "where Clinton told her supporters to stay home,
            # that the plan was “a disaster”"
            gap = doc[token.right_edge.i + 1 : end.start]
            if any(not t.is_punct and t.lower_ not in _ADJACENT_FILLERS for t in gap):
                return None
            subject = next((c for c in token.children if c.dep_ == "nsubj" and _speaker_like(c)), None)
            if subject is not None:
                return Cue(tokens=(token,), speaker_head=subject, syntactic=True)
            return None
    return None


def _head_chain_cue(inner: list[Token], mask: QuoteMask) -> Cue | None:
    """The verb the quote's words depend on: 'pledging to “negotiate a win”', '“...,” he said'."""
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
            if unowned_noun is not None and head.lemma_.lower() not in _SAYING_VERBS:
                break
            return _cue_from(head, mask, syntactic=True)
        if unowned_noun is not None:
            return _cue_from(unowned_noun, mask, syntactic=True)
    return None


def _nearest_cue(doc: Doc, quote: QuoteSpan, window: list[Token], mask: QuoteMask) -> Cue | None:
    """The reporting verb nearest the quote in its `window` (its sentence or the attribution clause after it)."""
    candidates = [t for t in window if is_cue_token(t, mask)]
    if not candidates:
        return None
    nearest = min(candidates, key=lambda t: _distance(t, quote))
    # "promises ‘fair treatment’": a cue right before the marks governs them even when the parse says not
    between = article_text(doc)[nearest.idx + len(nearest.text) : quote.outer_start].split()
    adjacent = nearest.idx < quote.outer_start and all(w.lower() in _ADJACENT_FILLERS for w in between)
    return _cue_from(nearest, mask, syntactic=adjacent)


_ADJACENT_FILLERS = frozenset({"a", "an", "the", "it", "as", "him", "her", "them", "of", "to", "that", ",", ":"})


def _transcript_label(doc: Doc, quote: QuoteSpan) -> Cue | None:
    """'"PENCE: Well, look, ...': a transcript paragraph whose speaker's name opens it in capitals."""
    text = article_text(doc)
    if quote.outer_start > 0 and text[quote.outer_start - 1] != "\n":
        return None
    match = TRANSCRIPT_LABEL.match(text, quote.start, quote.end)
    if match is None or len(match.group(1)) < 2:
        return None  # "Q:" and "A:" part an interview's turns but name nobody
    name = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
    colon = doc.char_span(match.end(1), match.end(1) + 1, alignment_mode="expand")
    if name is None or colon is None:
        return None
    return Cue(tokens=(colon[0],), speaker_head=name[-1])


def _signoff_line(doc: Doc, quote: QuoteSpan) -> Cue | None:
    """'"We are going to enter the next recession ...\nJosh Bivens, Economic Policy Institute."': a quote left
    open at its paragraph's end, signed on the next line by a name and the closing mark."""
    if quote.close_marks[-1] >= 0:
        return None
    text = article_text(doc)
    line_start = text.find("\n", quote.end)
    if line_start < 0:
        return None
    match = _SIGNOFF.match(text, line_start)
    if match is None:
        return None
    name_end = match.end(1)
    while text[name_end - 1] == ".":
        name_end -= 1  # "Donald Trump.": the sentence's full stop is no part of the name
    name = doc.char_span(match.start(1), name_end, alignment_mode="expand")
    mark = doc.char_span(match.end() - 1, match.end(), alignment_mode="expand")
    # a name, not a sentence in Title Case: "She Said." or "The Police Department Said Nothing."
    if name is None or mark is None or name[-1].pos_ != "PROPN" or name[0].pos_ in ("DET", "PRON"):
        return None
    return Cue(tokens=(mark[0],), speaker_head=name[-1])


# a line of a name (up to five capitalised words), an optional affiliation, and the closing mark
_SIGNOFF = re.compile(r"\n+([A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){1,4})(?:,[^\n\"”]{1,80})?\.?[\"”](?=\s*(?:\n|$))")


def _dash_cue(doc: Doc, quote: QuoteSpan) -> Cue | None:
    """'“...” ― Adriana Rodarte': a dash and a name after the quote, at the end of its paragraph."""
    tail = article_text(doc)[quote.outer_end : quote.outer_end + 80]
    match = _DASH_NAME.match(tail)
    if match is None:
        return None
    dash_at = quote.outer_end + match.start(1)
    name_start = quote.outer_end + match.start(2)
    name = doc.char_span(name_start, quote.outer_end + match.end(2), alignment_mode="expand")
    dash = doc.char_span(dash_at, dash_at + 1, alignment_mode="expand")
    if name is None or dash is None:
        return None
    head = name.root
    return Cue(tokens=(dash[0],), speaker_head=head)


_DASH_NAME = re.compile(r"[\s.,]*([―—–-]{1,2})\s*([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4})\s*[.,]?\s*(?:\n|$)")


def _cue_from(verb: Token, mask: QuoteMask, syntactic: bool = False) -> Cue:
    """The cue tokens (the verb and its particle: 'pointed out') and the speaker head."""
    tokens = [verb] + [c for c in verb.rights if c.dep_ == "prt"]
    head = _speaker_head(verb, mask)
    if head is None or not _speaker_like(head):
        head = _inverted_subject(verb, mask) or _adjacent_subject(verb, mask) or head
    return Cue(tokens=tuple(sorted(tokens, key=lambda t: t.i)), speaker_head=head, syntactic=syntactic)


def _inverted_subject(verb: Token, mask: QuoteMask) -> Token | None:
    """'“...,” said James Acton, a physicist': the speaker after the verb, which the parser may call an object."""
    doc = verb.doc
    if verb.is_sent_start and verb.i + 1 < len(doc):
        named = _name_at(doc[verb.i + 1], mask)  # "Said Ellis: ...", which the parser reads as a compound noun
        if named is not None:
            return named
    before = doc[max(0, verb.i - 2) : verb.i].text.replace(" ", "")
    if verb.i == 0 or not before.endswith(tuple(_CLOSING_MARKS)):
        return None
    for child in verb.rights:
        if child.dep_ in ("attr", "dobj", "npadvmod", "oprd", "nsubj") and child.pos_ in ("PROPN", "NOUN", "PRON"):
            if not mask.inside(child):
                return child
        if child.i == verb.i + 1 and child.dep_ == "advmod" and child.is_title and child.is_alpha:
            return child  # "said Skelly": a surname the tagger took for an adverb
    # '“...,” said David Brock, a confidant who heads the PAC Correct the Record': the parse gave the name
    # to a verb further on; the name right after the cue is still its speaker
    return _name_at(doc[verb.i + 1], mask) if verb.i + 1 < len(doc) else None


def _name_at(first: Token, mask: QuoteMask) -> Token | None:
    """The head of the proper name that starts at `first` ("David" -> "Brock"), or None."""
    if first.pos_ != "PROPN" or mask.inside(first):
        return None
    while first.dep_ in ("compound", "flat") and first.head.i > first.i:
        first = first.head
    return first


def _adjacent_subject(verb: Token, mask: QuoteMask) -> Token | None:
    """'“My reaction ...,” Obama's former strategist said': the noun right before a cue that follows a quote.

    A parenthesis between them is skipped ('Rep. Paul Ryan (R-WI) said'), and so is an appositive or
    participle after a name that follows the closing mark ('“...,” Bill Eastland, wearing a hat, said').
    """
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and doc[i].pos_ in ("ADV", "AUX", "PART") and not mask.inside(doc[i]):
        i -= 1  # "Trump also said", "he has said"
    if i >= 0 and doc[i].text == ")":
        opening = next((j for j in range(i - 1, max(-1, i - 8), -1) if doc[j].text == "("), None)
        i = opening - 1 if opening is not None else i
    if i < 0 or mask.inside(doc[i]):
        return None
    candidate = doc[i]
    if candidate.lower_ in _RELATIVE_PRONOUNS and candidate.head.dep_ == "relcl":
        candidate = candidate.head.head  # "a young woman who suggested": who is the noun the clause hangs on
    if candidate.pos_ in ("PROPN", "NOUN", "PRON") and candidate.text[:1].isalpha() and _speaker_like(candidate):
        return candidate
    return _name_after_quote(verb, mask)


_RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})


def _name_after_quote(verb: Token, mask: QuoteMask) -> Token | None:
    """'“...,” Texas delegate Bill Eastland, wearing a “Ted Cruz” pin, said': the name that opens the clause."""
    doc = verb.doc
    for closing in range(verb.i - 2, max(0, verb.i - 25), -1):
        if doc[closing].text not in _CLOSING_MARKS or not mask.inside(doc[closing - 1]):
            continue
        phrase = []
        for token in doc[closing + 1 : verb.i]:
            if token.text == "," or mask.inside(token) or token.pos_ not in _NAME_PHRASE_POS:
                break
            phrase.append(token)
        names = [t for t in phrase if t.pos_ == "PROPN"]
        following = doc[phrase[-1].i + 1] if phrase else None
        # without the comma the name would be the cue's own subject, which the parse already gives
        if names and following is not None and following.text == "," and following.i < verb.i:
            return names[-1]
    return None


_NAME_PHRASE_POS = frozenset({"PROPN", "NOUN", "ADJ", "DET"})  # "Texas delegate Bill Eastland"


_CLOSING_MARKS = ("”", '"', "’", "'", "»", "”,", '",', "’,", "',")


def _speaker_head(cue: Token, mask: QuoteMask) -> Token | None:
    """The subject of a cue, following participles and conjuncts up to the clause that has one."""
    node = cue
    fallback: Token | None = None
    for step in range(5):
        # The cue's own passive subject is its listener ("was told by"); a clause it hangs on may be
        # passive and still name the speaker ("After saying ..., she was whisked off").
        # the subject nearest the verb: "in Salem, New Hampshire, Trump went after Bush" has two for the parser
        subject = min(
            (
                c
                for c in node.children
                if c.dep_ in SUBJECT_DEPS and (step > 0 or c.dep_ != "nsubjpass") and not mask.inside(c)
            ),
            key=lambda c: abs(c.i - node.i),
            default=None,
        )
        if subject is not None and subject.lower_ in ("who", "which", "that") and node.dep_ == "relcl":
            return node.head  # "Carney, who insists ..."
        if subject is not None:
            if _speaker_like(subject):
                return subject
            if step == 0 and cue.tag_ in _FINITE_TAGS and subject.pos_ == "NOUN" and not subject.ent_type_:
                return subject  # "the 34-year-old mother of three replied": who replies is who speaks
            if subject.pos_ != "PRON":
                fallback = fallback or subject  # "ties saying": a misparse; look further up first
        if step == 0:
            for child in node.children:
                if child.dep_ == AGENT_DEP:  # "was praised by Trump"
                    objects = [c for c in child.children if c.dep_ == "pobj"]
                    if objects:
                        return objects[0]
            if subject is None:
                # "Sen. Durbin, noting the size of the list, said": the parse hangs the name on the participle
                for child in node.lefts:
                    if child.dep_ in ("advcl", "ccomp") and child.tag_ == "VBG":
                        named = next((c for c in child.lefts if c.dep_ == "nsubj" and _speaker_like(c)), None)
                        if named is not None and not mask.inside(named):
                            return named
        if node.pos_ == "NOUN":
            # "his promise that", "Trump's statement"
            for child in node.children:
                if child.dep_ == "poss":
                    return child
            if node.dep_ in ("dobj", "pobj") and node.head.pos_ in ("VERB", "ADP"):
                node = node.head if node.head.pos_ == "VERB" else node.head.head
                continue
        if node.dep_ in ("acl", "relcl") and node.head.pos_ in ("PROPN", "NOUN", "PRON"):
            issuer = _issuer(node.head, mask)
            if issuer is not None:
                return issuer  # "Trump released a statement saying": who issued the document speaks
            if _speaker_like(node.head) and not mask.inside(node.head):
                return node.head  # "Trump, who said ...", "Trump called ..." parsed as a noun modifier
            node = _governing_verb(node.head)  # "the friction in ties saying": climb to the clause
            continue
        if node.dep_ in ("advcl", "xcomp", "conj", "ccomp", "pcomp", "prep", "parataxis") and node.head is not node:
            node = node.head  # "..., saying" / "and added" take the subject of the clause they hang on
            continue
        break
    return fallback


_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
_DOCUMENT_NOUNS = frozenset("statement letter release memo email message post tweet note video ad".split())


def _issuer(document: Token, mask: QuoteMask) -> Token | None:
    """The subject of the verb that issued a document: 'Trump released [a statement] saying ...'."""
    if document.lemma_.lower() not in _DOCUMENT_NOUNS or document.dep_ != "dobj":
        return None
    verb = document.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and not mask.inside(c)), None)
    return subject if subject is not None and _speaker_like(subject) else None


def _governing_verb(token: Token) -> Token:
    """The nearest verb above `token` (itself when there is none)."""
    node = token
    for _ in range(6):
        if node.head.i == node.i:
            return node
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return node


def _speaker_like(token: Token) -> bool:
    """Could this subject be a speaker: a name, a pronoun, a person-like noun, an organisation?"""
    if token.pos_ == "PRON":
        return token.lower_ in _SPEAKER_PRONOUNS  # not "that", "this", "which"
    if token.lower_ in _TIME_WORDS or token.like_num:
        return False  # "The town released a statement Wednesday saying": a date is never the speaker
    if token.pos_ == "PROPN" or token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    if token.text[:1].isupper() and token.dep_ in SUBJECT_DEPS and token.pos_ in ("ADJ", "NOUN", "X"):
        return True  # "Trump, meanwhile, praised": a surname the tagger took for an adjective
    return is_anonymous(token) or is_role_description(token) or token.lemma_.lower() in _PERSON_NOUNS


# Without the entity recogniser (not loaded, see pipeline.py) dates are known by their words. May, June and
# August are left out: they are also first names.
_TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today tonight yesterday tomorrow "
    "january february march april july september october november december".split()
)
_SPEAKER_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "it", "they", "who"})
_PERSON_NOUNS = frozenset(
    "spokesman spokeswoman spokesperson campaign statement report government administration team "
    "committee company firm office department ministry agency group".split()
)


def _according_to(doc: Doc, window: list[Token]) -> Cue | None:
    """'according to X' in the quote's `window`."""
    for token in window:
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            objects = [c for c in doc[token.i + 1].children if c.dep_ == "pobj"]
            return Cue(tokens=(token, doc[token.i + 1]), speaker_head=objects[0] if objects else None)
    return None


def _colon_cue(doc: Doc, quote: QuoteSpan, mask: QuoteMask) -> Cue | None:
    """'Trump said:' or 'Said Ellis:' or 'Trump:' right before the quote, in its paragraph or the one above."""
    text = article_text(doc)
    end = quote.outer_start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end == 0 or text[end - 1] != ":":
        return None
    colon = doc.char_span(end - 1, end, alignment_mode="expand")
    if colon is None or colon.start == 0:
        return None
    sentence = doc[colon.start].sent
    prev = doc[colon.start - 1]
    cues = [t for t in doc[sentence.start : colon.start] if is_cue_token(t, mask)]
    if cues:
        cue = _cue_from(cues[-1], mask)
        if cue.speaker_head is None and prev.pos_ in ("PROPN", "NOUN") and prev.i > cues[-1].i:
            return Cue(tokens=cue.tokens, speaker_head=prev)  # "Said Ellis:": the name after the verb
        return cue
    # "Jeb Bush broke down what was wrong to a Dutch newspaper: “...”": the clause's subject speaks
    subject = next(
        (t for t in doc[sentence.start : colon.start] if t.dep_ in SUBJECT_DEPS and _speaker_like(t)), None
    )
    if subject is not None:
        return Cue(tokens=(doc[colon.start],), speaker_head=subject)
    if prev.pos_ in ("PROPN", "NOUN", "PRON"):
        return Cue(tokens=(doc[colon.start],), speaker_head=prev)
    return None


def preceding_cue(doc: Doc, quote: QuoteSpan, mask: QuoteMask) -> Cue | None:
    """A cue with a speaker in the sentence just before a quote that has none of its own.

    'Schiff said. “The other factor ...”' and 'Cummings called him a master. “He showed ...”': the quote
    continues what the previous sentence attributed. Only within the paragraph, or across one line
    break when the previous paragraph ends with a colon.
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
    # The main verb first, then other verbs from the end, then nouns: in '“...,” Earnest said before
    # Bill Clinton's comments.' the quote that follows is Earnest's, not the comments'.
    cues = sorted(
        (t for t in previous if is_cue_token(t, mask)),
        key=lambda t: (t.dep_ != "ROOT", t.pos_ == "NOUN", -t.i),
    )
    for cue_token in cues:
        cue = _cue_from(cue_token, mask)
        if cue.speaker_head is not None:
            return cue
    return None


def _quote_tokens(doc: Doc, quote: QuoteSpan) -> list[Token]:
    tokens: list[Token] = []
    for start, end in quote.segments:
        chars = doc.char_span(start, end, alignment_mode="expand")
        if chars is not None:
            tokens.extend(chars)
    return tokens


def _window(doc: Doc, quote: QuoteSpan, mask: QuoteMask) -> list[Token]:
    """Tokens of the sentences the quote touches, plus a following clause that starts in lower case."""
    first = doc.char_span(quote.outer_start, quote.outer_start + 1, alignment_mode="expand")
    last = doc.char_span(max(quote.outer_end - 1, quote.outer_start), quote.outer_end, alignment_mode="expand")
    if first is None or last is None:
        return []
    # A cue stands near its quote: the window is bounded, which also keeps a run-on "sentence" of thousands
    # of quotes linear (spaCy's `token.sent` scans the whole sentence).
    start = _sentence_start(doc, first[0].i, _WINDOW_TOKENS)
    end = _sentence_end(doc, last[-1].i, _WINDOW_TOKENS)
    # “...,” | he said.  — the parser may cut after the closing mark; take the attribution back.
    if end < len(doc) and end - last[-1].i <= 2 and doc[end].is_sent_start:
        following_end = _sentence_end(doc, end, _WINDOW_TOKENS)
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


_WINDOW_TOKENS = 60
_TITLE_TOKENS = 5


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


def _distance(token: Token, quote: QuoteSpan) -> int:
    if token.idx >= quote.outer_end:
        return token.idx - quote.outer_end
    return max(0, quote.outer_start - token.idx) + 5  # attribution after the quote is the common case


def mention_span(
    head: Token, quote: QuoteSpan, cue: Sequence[Token] = (), mask: QuoteMask | None = None
) -> TextSpan:
    """The speaker mention: the head's noun phrase, cut before any quote and trailing punctuation.

    With the `mask`, the words of another quote at either edge are cut too ('hunky-dory,” Gene Sperling'
    when the previous quote hangs on the name); a nickname inside the name stays.

    Coordinated names are other people, and a clause that holds the cue is not part of the name
    ('a voice that said', 'a statement saying that Scalia was').
    """
    doc = head.doc
    cue_ids = {t.i for t in cue}
    excluded = {
        t.i
        for c in head.children
        if c.dep_ in ("conj", "cc") or (cue_ids and any(t.i in cue_ids for t in c.subtree))
        for t in c.subtree
    }
    tokens = [
        t
        for t in head.subtree
        if not (quote.outer_start <= t.idx < quote.outer_end) and t.i not in excluded and "\n" not in t.text
    ]
    # keep the contiguous run around the head
    run = [head]
    by_i = {t.i: t for t in tokens}
    i = head.i - 1
    while i in by_i:
        run.insert(0, by_i[i])
        i -= 1
    i = head.i + 1
    while i in by_i:
        run.append(by_i[i])
        i += 1
    if mask is not None:
        run = _without_other_quotes(run, head, mask)
    while len(run) > 1 and (
        run[-1].is_punct or run[-1].is_space or run[-1].dep_ in ("cc", "prep") or run[-1].pos_ == "VERB"
    ):
        run.pop()
    while len(run) > 1 and (run[0].is_punct or run[0].is_space or run[0].pos_ == "VERB" or reads_as_cue(run[0])):
        run.pop(0)  # "Said Ellis", "Stated Stone": the verb the parser hung on the name is the cue, not the mention
    start = run[0].idx
    end = run[-1].idx + len(run[-1].text)
    text = article_text(doc)
    if text.count("(", start, end) > text.count(")", start, end) and text.startswith(")", end):
        end += 1  # "Price (D-Norfolk)": keep the bracket the mention opened
    return TextSpan(start, end, text[start:end])


def _without_other_quotes(run: list[Token], head: Token, mask: QuoteMask) -> list[Token]:
    """Cut the words of a quote off either edge of a mention, keeping a nickname between names."""
    start, end = 0, len(run)
    k = 0
    while k < len(run):
        if not mask.inside(run[k]) or run[k].i == head.i:
            k += 1
            continue
        first = k
        while k < len(run) and mask.inside(run[k]) and run[k].i != head.i:
            k += 1
        if _between_names(run[first], run[k - 1]):
            continue  # Marcia "Cia" Price
        if run[first].i < head.i:
            start = k
        else:
            end = first
            break
    return run[start:end] or [head]


def _between_names(first: Token, last: Token) -> bool:
    """Does the quoted run first..last sit between two proper nouns, its marks aside?"""
    doc = first.doc
    before, after = first.i - 1, last.i + 1
    while before >= 0 and doc[before].is_quote:
        before -= 1
    while after < len(doc) and doc[after].is_quote:
        after += 1
    # the surname may be tagged as a common noun ("Price"): its capital is enough
    return before >= 0 and after < len(doc) and doc[before].pos_ == "PROPN" and doc[after].is_title


def resolve_speaker(
    head: Token,
    quote: QuoteSpan,
    registry: NameRegistry,
    previous: Speaker | None,
    cue: Sequence[Token] = (),
    mask: QuoteMask | None = None,
) -> Speaker:
    """Canonical name, type and resolution of the speaker whose mention is headed by `head`."""
    mention = mention_span(head, quote, cue, mask)
    low = head.lower_
    if head.pos_ == "PRON" or low in PERSONAL_PRONOUNS or low in PLURAL_PRONOUNS:
        gender = PERSONAL_PRONOUNS.get(low)
        if gender is None:
            return Speaker(None, mention, "unknown", None, "none", 0.3)
        person = _antecedent(head, registry, gender, previous)
        if person is None:
            return Speaker(None, mention, "unknown", None, "none", 0.3)
        return Speaker(person.name, mention, "person", person.role, "pronoun", 0.75)
    proper = head.pos_ == "PROPN" or head.ent_type_ == "PERSON" or head.text[:1].isupper()
    person = registry.person_for(head) if proper else None
    if person is not None:
        return Speaker(person.name, mention, "person", person.role, "cue", 0.9)
    organisation = organisation_of(head)  # after the people: a known surname wins over an organisation word
    if organisation is not None:
        return Speaker(organisation, mention, "organisation", None, "cue", 0.8)
    if proper:
        if head.ent_type_ in ORG_LABELS:
            ent = next((e for e in head.doc.ents if e.start <= head.i < e.end), None)
            name = organisation_name(ent) if ent is not None else head.text
            return Speaker(name, mention, "organisation", None, "cue", 0.8)
        parts = name_parts(head)
        if parts is not None and head.ent_type_ not in ORG_LABELS:
            # a transcript's label is in capitals ("KAINE:"); the name is not
            name = parts.name.title() if parts.name.isupper() else parts.name
            return Speaker(name, mention, "person", parts.role, "cue", 0.6)
    named = _appositive_person(head, registry)
    if named is not None:  # "his niece, state Del. Marcia Price, said"
        return Speaker(named.name, mention, "person", named.role, "cue", 0.8)
    if is_role_description(head):
        person = registry.person_by_role(head, head.idx)
        if person is not None:
            return Speaker(person.name, mention, "person", person.role, "title", 0.7)
    if is_anonymous(head):
        return Speaker(None, mention, "anonymous", None, "cue", 0.8)
    if head.ent_type_ in ORG_LABELS:
        return Speaker(mention.text, mention, "organisation", None, "cue", 0.6)
    return Speaker(None, mention, "unknown", None, "cue", 0.4)


def _appositive_person(head: Token, registry: NameRegistry) -> Person | None:
    """The named person in an appositive of a common-noun mention: 'Scott's niece, Del. Marcia Price'."""
    if head.pos_ == "PROPN":
        return None
    for child in head.children:
        if child.dep_ != "appos":
            continue
        for token in child.subtree:
            if token.ent_type_ == "PERSON" or token.pos_ == "PROPN":
                person = registry.person_for(token)
                if person is not None:
                    return person
    return None


def _antecedent(pronoun: Token, registry: NameRegistry, gender: str, previous: Speaker | None) -> Person | None:
    """The person a he/she refers to: the subject of the nearest earlier sentence that names one."""
    sent: Span | None = pronoun.sent
    doc = pronoun.doc
    sentences_back = 0
    while sent is not None and sentences_back < 6:
        limit = pronoun.i if sent.start <= pronoun.i < sent.end else sent.end
        subjects = [
            t for t in doc[sent.start : limit] if t.dep_ in SUBJECT_DEPS and t.pos_ in ("PROPN", "NOUN")
        ]
        for subject in subjects:
            person = registry.person_for(subject) if subject.pos_ == "PROPN" else (
                registry.person_by_role(subject, subject.idx) if is_role_description(subject) else None
            )
            if person is not None and person.gender in (None, gender):
                return person
        sentences_back += 1
        sent = doc[sent.start - 1].sent if sent.start > 0 else None
    if previous is not None and previous.name and previous.type == "person":
        person = registry.people.get(previous.name.split()[-1].lower())
        if person is not None and person.gender in (None, gender):
            return person
    for person in registry.recent_people(pronoun.idx):
        if person.gender in (None, gender):
            return person
    return None
