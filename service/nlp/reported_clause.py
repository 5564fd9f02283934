"""What every reported-speech rule builds on: the clause it returns, the cue table it reads, the cue's speaker.

service/nlp/reported.py holds the rules; this module holds what they share, so rules can live in more than one
module. The cue table (REPORTED_CUES, fitted by `scripts/fit_reported_cues.py`) is read here only: the fitting
script swaps it to run every rule with every lemma allowed.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from spacy.tokens import Doc, Token

from service.nlp.lexicon import SUBJECT_DEPS
from service.nlp.mentions import find_mention
from service.nlp.quotes import QuoteMask
from service.nlp.reported_cues import REPORTED_CUES
from service.nlp.reported_span import content_segments
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

# the REPORTED_CUES kind each rule reads its cue from (the fitting script counts a rule's clauses under it; the
# shape model reads the entry's count there)
REPORTED_RULE_KINDS: dict[str, str] = {
    "said_that_clause": "ccomp",
    "clause_first": "ccomp",
    "passive_reported": "passive",
    "urged_to": "xcomp",
    "object_content": "dobj",
    "accused_of": "prep",
    "speech_noun": "noun",
    "as_reported": "as",
    "passive_agent": "agent",
    "noun_object": "noun_prep",
}


# (the token's lemma, its word; both lowercase) -> whether a rule may take the token
Trigger = Callable[[str, str], bool]


class GatedRule(NamedTuple):
    """A rule and the tokens it can take at all: `RuleDispatch` runs it on those only, and never on a token inside a
    quotation, so the rule itself checks neither again."""

    find: ReportedRule
    takes: Trigger

    @property
    def name(self) -> str:
        return self.find.__name__


def listed(kind: str) -> Trigger:
    """Tokens whose lemma the cue table lists for `kind` ('lemma preposition' kinds: as an entry's first word)."""

    def takes(lemma: str, word: str) -> bool:
        # the table is looked up when asked, never kept: the fitting script swaps it
        return lemma in REPORTED_CUES.get(kind, ()) or lemma in _entry_heads(id(REPORTED_CUES), kind)

    return takes


def lemma_in(lemmas: frozenset[str]) -> Trigger:
    """Tokens whose lemma is one of `lemmas`."""
    return lambda lemma, word: lemma in lemmas


def word_in(*words: str) -> Trigger:
    """Tokens that are one of `words` (lowercase)."""
    return lambda lemma, word: word in words


def is_entry(entry: str, kind: str) -> bool:
    """Whether the table lists `entry` ('accuse of') for `kind`."""
    return entry in REPORTED_CUES.get(kind, ())


def is_cue(token: Token, kind: str) -> bool:
    """Whether the table lists the token's lemma for `kind`."""
    return token.lemma_.lower() in REPORTED_CUES.get(kind, ())


@lru_cache(maxsize=32)
def _entry_heads(_table: int, kind: str) -> frozenset[str]:
    """The first words of a kind's 'lemma preposition' entries; keyed by the table's id, which the fitting script
    swaps."""
    return frozenset(entry.split()[0] for entry in REPORTED_CUES.get(kind, ()) if " " in entry)


class RuleDispatch:
    """Rules in order, each meeting only the tokens its trigger lets through; which rules a lemma and word meet is
    worked out once and kept while the table the triggers read stays the same (the fitting scripts swap it)."""

    _KEPT = 20_000  # distinct (lemma, word) pairs kept before starting afresh (about 3 MB; a dev article has ~500)

    def __init__(self, rules: Sequence[GatedRule], table: Callable[[], object]) -> None:
        self.rules = tuple(rules)
        self._table = table
        self._table_id = id(table())
        self._finds: dict[tuple[int, int], tuple[ReportedRule, ...]] = {}

    def first_rule_per_token(self, doc: Doc, mask: QuoteMask) -> list[ReportedClause]:
        """The clause of the first rule that takes each token outside the quotations, in text order."""
        table_id = id(self._table())
        if table_id != self._table_id or len(self._finds) > self._KEPT:
            self._finds, self._table_id = {}, table_id
        finds_of = self._finds
        found: list[ReportedClause] = []
        strings = doc.vocab.strings
        # by the hashes of lemma and word: no Token and no string is made for a word seen before that no rule takes
        for i, key in enumerate(zip(*doc.to_array(["LEMMA", "LOWER"]).T.tolist(), strict=True)):
            finds = finds_of.get(key)
            if finds is None:
                lemma, word = strings[key[0]].lower(), strings[key[1]]
                finds = finds_of[key] = tuple(rule.find for rule in self.rules if rule.takes(lemma, word))
            if not finds:
                continue
            token = doc[i]
            if mask.inside(token):
                continue
            for find in finds:
                clause = find(token, mask)
                if clause is not None:
                    found.append(clause)
                    break
        return sorted(found, key=lambda c: (c.start, c.end))


def cue_table() -> object:
    """The cue table as it stands (the fitting script swaps it)."""
    return REPORTED_CUES


def cue_tokens(verb: Token) -> tuple[Token, ...]:
    """The verb and its particle ('pointed out', 'called on' is a preposition: left to the rule)."""
    return tuple(sorted([verb] + [c for c in verb.rights if c.dep_ == "prt"], key=lambda t: t.i))


def subject_of(verb: Token, mask: QuoteMask) -> tuple[Token | None, str]:
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


def governing_clause(token: Token) -> Token | None:
    """The nearest verb above a phrase ('according to X' hangs on the verb of the clause it reports)."""
    node = token
    for _ in range(6):
        if node.head.i == node.i:
            return node if _is_verb(node) else None
        node = node.head
        if _is_verb(node):
            return node
    return None


def clause_of(
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
