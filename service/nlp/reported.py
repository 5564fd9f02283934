"""Reported speech: the clause a cue reports without quotation marks, the cue, and the source's head token.

'Carney told reporters that talks would resume', 'according to officials, the tariffs stay', 'the White
House denied that a deal was near', 'Trump urged supporters to monitor polling places'. Each construction
is one small rule in REPORTED_RULES, tried in order on every candidate cue token; the first that answers
wins and its name travels with the clause (`speaker.rule`). Which cue lemmas take which kind of content
(a clause, an infinitive, an object, a prepositional phrase) is read from REPORTED_CUES, mined from
PolNeAR train by `scripts/fit_reported_cues.py`.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from service.nlp.lexicon import LABEL_SOURCE_NOUNS, NOT_SPEAKER_LABELS, POLL_NOUNS, SUBJECT_DEPS
from service.nlp.mentions import find_mention
from service.nlp.quotes import QuoteMask
from service.nlp.reported_cues import REPORTED_CUES
from service.nlp.reported_span import complement_extent, content_segments
from service.nlp.reported_span import is_verb as _is_verb


@dataclass(frozen=True)
class ReportedClause:
    """One attribution without marks: what is reported (character segments), its cue and source head."""

    rule: str
    segments: tuple[tuple[int, int], ...]
    cue: tuple[Token, ...]
    source: Token | None
    entry: str = ""  # the REPORTED_CUES entry that let the rule answer ("say", "accuse of")
    mention_rule: str = "none"  # the rule that found the source: a mention rule, "possessive", "agent", ...

    @property
    def start(self) -> int:
        return self.segments[0][0]

    @property
    def end(self) -> int:
        return self.segments[-1][1]


ReportedRule = Callable[[Token, QuoteMask], "ReportedClause | None"]


def according_to(token: Token, mask: QuoteMask) -> ReportedClause | None:
    """'According to officials, the tariffs stay' / 'the tariffs stay, according to officials'."""
    doc = token.doc
    if token.lower_ != "according" or token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "to":
        return None
    to = doc[token.i + 1]
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    clause = _governing_clause(token)
    if clause is None:
        return None
    excluded = {t.i for t in token.subtree} | {to.i}
    found = _clause(doc, "according_to", clause, excluded, (token, to), source, mask, "according to")
    return replace(found, mention_rule="according_to") if found is not None else None


def in_poll(token: Token, mask: QuoteMask) -> ReportedClause | None:
    """'In this poll, Trump rose 1 percentage point': a poll the clause opens with is its source (train: 18 of 22
    such phrases are a gold attribution; 'Trump gained in the poll' after the verb only 29 of 136)."""
    if token.lower_ != "in" or token.dep_ != "prep" or not token.head.i > token.i or not _is_verb(token.head):
        return None
    source = next((c for c in token.children if c.dep_ == "pobj"), None)
    if source is None or source.lemma_.lower() not in POLL_NOUNS:
        return None
    excluded = {t.i for t in token.subtree}
    found = _clause(token.doc, "in_poll", token.head, excluded, (token,), source, mask, "in poll")
    return replace(found, mention_rule="in_poll") if found is not None else None


def clause_first(token: Token, mask: QuoteMask) -> ReportedClause | None:
    """'The plan, he said, is dead' / 'Talks will resume, officials said': the parse hangs the cue on the clause.

    The cue's own phrase is set off by commas (or ends the sentence); the clause around it is the content,
    in two segments when the cue stands inside it.
    """
    if token.dep_ not in ("parataxis", "advcl", "ccomp") or not _is_cue(token, "ccomp"):
        return None
    clause = token.head
    if clause.pos_ not in ("VERB", "AUX") or mask.inside(clause):
        return None
    subject, mention_rule = _subject(token, mask)
    if subject is None or subject.i > token.i + 2 or any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in token.children):
        return None
    doc = token.doc
    words = [t.i for t in token.subtree if not t.is_punct] or [token.i]  # the commas may hang on the cue
    before = doc[words[0] - 1] if words[0] > 0 else None
    after = doc[words[-1] + 1] if words[-1] + 1 < len(doc) else None
    if before is None or before.text not in (",", "—", "–") or after is None or not after.is_punct:
        return None
    excluded = {t.i for t in token.subtree}
    found = _clause(doc, "clause_first", clause, excluded, _cue_tokens(token), subject, mask, token.lemma_.lower())
    return replace(found, mention_rule=mention_rule) if found is not None else None


def said_that_clause(token: Token, mask: QuoteMask) -> ReportedClause | None:
    """'Carney told reporters that talks would resume', 'Talks would resume, Carney said' (ccomp either side)."""
    return _complement(token, mask, "ccomp", "said_that_clause", passive=False, kind="ccomp")


def passive_reported(token: Token, mask: QuoteMask) -> ReportedClause | None:
    """'It was reported that ...', 'Clinton was told that ...': a passive cue; the agent, if any, is the source."""
    return _complement(token, mask, "ccomp", "passive_reported", passive=True, kind="passive")


def urged_to(token: Token, mask: QuoteMask) -> ReportedClause | None:
    """'Trump urged supporters to monitor polling places', 'Clinton wants to sign up 5 million people'."""
    return _complement(token, mask, "xcomp", "urged_to", passive=False, kind="xcomp")


def accused_of(token: Token, mask: QuoteMask) -> ReportedClause | None:
    """'Trump accused Clinton of lying', 'Palmieri called for an apology': what a preposition of the cue holds."""
    if not _is_verb(token) or mask.inside(token):
        return None
    lemma = token.lemma_.lower()
    for prep in token.children:
        if prep.dep_ != "prep" or prep.i < token.i:
            continue
        if lemma + " " + prep.lower_ not in REPORTED_CUES["prep"]:
            continue
        objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
        if not objects:
            continue
        subject, mention_rule = _subject(token, mask)
        # the cue is one span: "called for", but "accused [Clinton] of" is the verb alone
        cue = _cue_tokens(token) + ((prep,) if prep.i == _cue_tokens(token)[-1].i + 1 else ())
        root, excluded = objects[0], {prep.i}
        target = next((c for c in token.children if c.dep_ == "dobj" and token.i < c.i < prep.i), None)
        if target is not None:
            # "criticized Trump for taking advantage of deductions": PolNeAR's content is "Trump for taking ...",
            # whom it is about with the preposition (measured: content exact dev 51.3 -> 51.7, train 47.5 -> 48.9)
            root = token
            excluded = {t.i for t in token.subtree} - set(range(target.left_edge.i, objects[0].right_edge.i + 1))
        found = _clause(token.doc, "accused_of", root, excluded, cue, subject, mask, f"{lemma} {prep.lower_}")
        return replace(found, mention_rule=mention_rule) if found is not None else None
    return None


def speech_noun(token: Token, mask: QuoteMask) -> ReportedClause | None:
    """'Trump's claim that the vote is rigged', 'a statement saying ...' is a verb: this is the noun's own clause."""
    if token.pos_ != "NOUN" or mask.inside(token) or token.lemma_.lower() not in REPORTED_CUES["noun"]:
        return None
    clause = next((c for c in token.children if c.dep_ in ("acl", "ccomp", "appos", "relcl") and c.i > token.i
                   and c.left_edge.lower_ == "that" and c.left_edge.dep_ == "mark"), None)
    if clause is None:
        return None
    source, mention_rule = next((c for c in token.children if c.dep_ == "poss"), None), "possessive"
    verb = token.head.head if token.dep_ == "pobj" else token.head
    if source is None and token.dep_ in ("dobj", "pobj") and _is_verb(verb):
        # "Gorka made the point that ...", "he expressed concern that ...": who makes it is the verb's subject
        source, mention_rule = _subject(verb, mask)
    found = _clause(token.doc, "speech_noun", clause, set(), (token,), source, mask, token.lemma_.lower())
    return replace(found, mention_rule=mention_rule) if found is not None else None


def object_content(token: Token, mask: QuoteMask) -> ReportedClause | None:
    """'Clinton called half of Trump's supporters “deplorables”', 'he cited a poll': the object is what is said."""
    return _complement(token, mask, "dobj", "object_content", passive=False, kind="dobj")


def colon_label(token: Token, mask: QuoteMask) -> ReportedClause | None:
    """'Graham: Trump's Rhetoric Destroying GOP's Chance' (a headline), 'FALLIN: Well, I think ...' (a transcript):
    a name of one to four capitalised words opens the line, and the rest of the line is what it said."""
    if token.text != ":" or mask.inside(token):
        return None
    doc = token.doc
    start = token.i
    while start > 0 and not _ends_line(doc[start - 1]) and token.i - start < _LABEL_WORDS:
        start -= 1
    if not (start == 0 or _ends_line(doc[start - 1])) or start == token.i or _ends_line(token):
        return None
    label = doc[start : token.i]
    if len(label.text) < 2 or not all(t.text[:1].isupper() for t in label if t.is_alpha):
        return None
    if label[0].lower_ in NOT_SPEAKER_LABELS:
        return None
    if not (_named_again(label) or label.root.lemma_.lower() in LABEL_SOURCE_NOUNS):
        return None
    end = token.i + 1
    while end < len(doc) and not _ends_line(doc[end]):
        end += 1
    words = [t for t in doc[token.i + 1 : min(end + 1, len(doc))] if not t.is_space]
    while words and words[-1].is_punct and not words[-1].is_quote:
        words.pop()
    if not any(_is_verb(t) for t in words):
        return None  # 'Superdelegates: 121', 'Source: NATO': a count or a credit, not a claim
    segment = (words[0].idx, words[-1].idx + len(words[-1].text))
    return ReportedClause(rule="colon_label", segments=(segment,), cue=(token,), source=label.root, entry=":",
                          mention_rule="colon_label")


_LABEL_WORDS = 4


def _named_again(label: Span) -> bool:
    """Whether the label's last word is a name the article's text uses again (a speaker, not 'Stealth Over Health')."""
    last = label[-1]
    if last.pos_ != "PROPN" and not last.is_upper:  # the tagger reads a transcript's 'TAPPER' as anything
        return False
    name = last.lower_
    return any(t.lower_ == name and not (label.start <= t.i < label.end) for t in label.doc)


def _ends_line(token: Token) -> bool:
    return "\n" in token.text or "\n" in token.whitespace_


REPORTED_RULES: tuple[ReportedRule, ...] = (
    according_to,
    in_poll,
    clause_first,
    passive_reported,
    said_that_clause,
    urged_to,
    accused_of,
    speech_noun,
    object_content,
    colon_label,
)


def find_reported(doc: Doc, mask: QuoteMask) -> list[ReportedClause]:
    """Every reported clause of a parsed article, in text order, the first rule per cue token winning."""
    return first_rule_per_token(_candidates(doc, mask), REPORTED_RULES, mask)


def first_rule_per_token(
    tokens: Iterable[Token], rules: Sequence[ReportedRule], mask: QuoteMask
) -> list[ReportedClause]:
    """The clause of the first rule that takes each token, in text order."""
    found = [clause for token in tokens for clause in _first(rule(token, mask) for rule in rules)]
    return sorted(found, key=lambda c: (c.start, c.end))


def _first(clauses: Iterable[ReportedClause | None]) -> list[ReportedClause]:
    return next(([c] for c in clauses if c is not None), [])


def _candidates(doc: Doc, mask: QuoteMask) -> Iterator[Token]:
    """Tokens whose lemma some rule may take as a cue (the rules check the rest)."""
    lemmas = _cue_lemmas(id(REPORTED_CUES))
    for token in doc:
        if (token.lemma_.lower() in lemmas or token.lower_ in ("according", "in") or token.text == ":") \
                and not mask.inside(token):
            yield token


@lru_cache(maxsize=2)
def _cue_lemmas(_table: int) -> frozenset[str]:
    """Every lemma REPORTED_CUES lists (for 'lemma preposition' entries, the lemma); keyed by the table's id,
    which the fitting script swaps."""
    return frozenset(entry.split()[0] for entries in REPORTED_CUES.values() for entry in entries)


def _complement(
    token: Token, mask: QuoteMask, dep: str, rule: str, *, passive: bool, kind: str
) -> ReportedClause | None:
    """The `dep` child of a cue whose lemma REPORTED_CUES lists for `kind`, as the reported content."""
    if not _is_verb(token) or mask.inside(token) or not _is_cue(token, kind):
        return None
    is_passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)
    if is_passive != passive:
        return None
    content = next((c for c in token.children if c.dep_ == dep), None)
    if content is None or (dep == "dobj" and content.i < token.i):
        return None
    root, excluded = complement_extent(token, content, dep, _is_cue)
    if passive:
        agent = next((c for c in token.children if c.dep_ == "agent"), None)
        source = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        mention_rule = "agent"
    else:
        source, mention_rule = _subject(token, mask)
    found = _clause(token.doc, rule, root, excluded, _cue_tokens(token), source, mask, token.lemma_.lower())
    return replace(found, mention_rule=mention_rule) if found is not None else None


def _is_cue(token: Token, dep: str) -> bool:
    return token.lemma_.lower() in REPORTED_CUES[dep]


def _cue_tokens(verb: Token) -> tuple[Token, ...]:
    """The verb and its particle ('pointed out', 'called on' is a preposition: left to the rule)."""
    return tuple(sorted([verb] + [c for c in verb.rights if c.dep_ == "prt"], key=lambda t: t.i))


def _subject(verb: Token, mask: QuoteMask) -> tuple[Token | None, str]:
    """The cue's speaker by the quotations' mention rules, else its plain subject ('which reported'), and the
    name of the rule that found it."""
    head, rule = find_mention(verb, mask)
    if head is not None and rule is not None:
        return head, rule
    node = verb
    for _ in range(4):
        subject = next((c for c in node.children if c.dep_ in SUBJECT_DEPS and c.dep_ != "nsubjpass"), None)
        if subject is not None:
            return subject, "clause_subject"
        if node.dep_ == "relcl" and node.head.pos_ in ("NOUN", "PROPN"):
            return node.head, "clause_subject"  # "officials who said": the noun the clause describes
        if node.dep_ in ("conj", "advcl", "xcomp", "acl", "acomp") and node.head.i != node.i:
            node = node.head  # "were more likely to say": through the adjective to the verb that has the subject
            continue
        if node.dep_ == "pcomp" and node.head.dep_ == "prep" and _is_verb(node.head.head):
            node = node.head.head  # "interjected by hitting Trump for ...": the verb the preposition hangs on
            continue
        break
    return None, "none"


def _governing_clause(token: Token) -> Token | None:
    """The nearest verb above a phrase ('according to X' hangs on the verb of the clause it reports)."""
    node = token
    for _ in range(6):
        if node.head.i == node.i:
            return node if _is_verb(node) else None
        node = node.head
        if _is_verb(node):
            return node
    return None


def _clause(
    doc: Doc,
    rule: str,
    root: Token,
    excluded: set[int],
    cue: tuple[Token, ...],
    source: Token | None,
    mask: QuoteMask,
    entry: str,
) -> ReportedClause | None:
    """The reported clause whose content is `root`'s subtree without `excluded` (see reported_span)."""
    segments = content_segments(doc, root, excluded, cue, source)
    if not segments:
        return None
    return ReportedClause(rule=rule, segments=segments, cue=cue, source=source, entry=entry)
