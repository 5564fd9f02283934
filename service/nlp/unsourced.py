"""Attributions without a source: 'the deal seems unlikely', 'turnout is expected to rise', 'he reportedly said'.

PolNeAR marks evidentials and agentless passives as attributions whose source is missing: what is reported is
the subject and the complement around the cue ('About one of every nine voters' | 'to be Latino' for 'is
expected'). The subject of such a cue is what the claim is about, never who makes it, so these clauses are
returned with no source at all (train: 1,980 of 23,289 gold content fragments have no source). Which lemmas
count is read from UNSOURCED_CUES, fitted on PolNeAR train by `scripts/fit_unsourced_cues.py`.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from service.nlp.quotes import QuoteMask
from service.nlp.reported import GatedRule, ReportedClause, RuleDispatch
from service.nlp.reported_clause import Trigger
from service.nlp.unsourced_cues import UNSOURCED_CUES

# what a raising verb or a passive cue takes as its complement (parse labels, not words); a raising verb's
# preposition only when it compares ('seems like a long shot'), not where it happens ('appeared at a rally')
_COMPLEMENT_DEPS = ("xcomp", "acomp", "attr", "oprd", "ccomp", "prep")
_RAISING_PREPOSITIONS = ("like", "as")
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "csubjpass")


def raising_verb(token: Token, mask: QuoteMask) -> ReportedClause | None:
    """'The deal seems unlikely', 'Christie appeared to end his bid': subject and complement, nobody's words."""
    if not _is_verb(token) or _is_passive(token):
        return None
    if any(c.dep_ in ("dobj", "agent") for c in token.children):
        return None
    return _around(token, "raising_verb", (token,), prepositions=_RAISING_PREPOSITIONS)


def agentless_passive(token: Token, mask: QuoteMask) -> ReportedClause | None:
    """'Turnout is expected to rise', 'Mr. Quiros was accused of using $50 million': a passive with no agent."""
    if not _is_verb(token) or not _is_passive(token):
        return None
    if any(c.dep_ == "agent" for c in token.children):
        return None
    aux = tuple(c for c in token.children if c.dep_ == "auxpass" and c.i == token.i - 1)
    return _around(token, "agentless_passive", aux + (token,), preposition_is_cue=True)


def hearsay_adverb(token: Token, mask: QuoteMask) -> ReportedClause | None:
    """'Bloomberg is reportedly considering a run', 'he allegedly brandished a pistol': the clause but the adverb."""
    if token.dep_ != "advmod":
        return None
    clause = token.head
    if not _is_verb(clause) or mask.inside(clause) or _is_passive(clause):
        return None  # 'is widely expected to': the passive cue's own modifier
    tokens = [t for t in clause.subtree if t.i != token.i]
    segments = _runs(tokens)
    if not segments:
        return None
    return ReportedClause(rule="hearsay_adverb", segments=segments, cue=(token,), source=None, entry=token.lower_)


def _listed(kind: str, *, by_word: bool = False) -> Trigger:
    """Tokens whose lemma (or word) UNSOURCED_CUES lists for `kind`; the table is looked up when asked, never kept:
    the fitting script swaps it."""
    return lambda lemma, word: (word if by_word else lemma) in UNSOURCED_CUES[kind]


UNSOURCED_RULES: tuple[GatedRule, ...] = (
    GatedRule(raising_verb, _listed("raising")),
    GatedRule(agentless_passive, _listed("passive")),
    GatedRule(hearsay_adverb, _listed("adverb", by_word=True)),
)
# the UNSOURCED_CUES kind each rule reads its cue from
UNSOURCED_RULE_KINDS: dict[str, str] = {
    "raising_verb": "raising", "agentless_passive": "passive", "hearsay_adverb": "adverb",
}


def find_unsourced(doc: Doc, mask: QuoteMask) -> list[ReportedClause]:
    """Every unsourced attribution of a parsed article, in text order, the first rule per cue token winning."""
    return _DISPATCH.first_rule_per_token(doc, mask)


_DISPATCH = RuleDispatch(UNSOURCED_RULES, lambda: UNSOURCED_CUES)


def _around(
    cue: Token,
    rule: str,
    cue_tokens: tuple[Token, ...],
    *,
    prepositions: tuple[str, ...] = (),
    preposition_is_cue: bool = False,
) -> ReportedClause | None:
    """The cue's subject and its complement, one segment each ('which' | 'is seen as' | 'aligned with Clinton');
    with `preposition_is_cue`, a prepositional complement's preposition is the cue's, not the content's."""
    complement = next((c for c in cue.children if c.dep_ in _COMPLEMENT_DEPS and c.i > cue.i
                       and (c.dep_ != "prep" or not prepositions or c.lower_ in prepositions)), None)
    if complement is None:
        return None
    subject = next((c for c in cue.children if c.dep_ in _SUBJECT_DEPS + ("expl",) and c.i < cue.i), None)
    if complement.dep_ == "ccomp" and (subject is None or subject.dep_ == "expl" or subject.lower_ == "it"):
        return None  # 'it was reported that ...': passive_reported's, which reads the agent too
    if subject is None and cue.dep_ == "relcl" and cue.head.i < cue.i:
        return None  # the noun the clause describes is outside it: left to a rule that knows the antecedent
    pieces: list[Token] = []
    if subject is not None:
        pieces += list(subject.subtree)
    pieces += list(complement.subtree)
    if preposition_is_cue and complement.dep_ == "prep":
        # 'what Zimmerman was described as': PolNeAR's content of a passive cue's preposition leaves it out (train:
        # 44 contents without it, 23 with)
        pieces = [t for t in pieces if t.i != complement.i]
        if complement.i == cue_tokens[-1].i + 1:
            cue_tokens += (complement,)
    segments = _runs(pieces)
    if not segments:
        return None
    return ReportedClause(rule=rule, segments=segments, cue=cue_tokens, source=None, entry=cue.lemma_.lower())


def _runs(tokens: list[Token]) -> tuple[tuple[int, int], ...]:
    """Character segments of runs of adjacent tokens, punctuation trimmed at the edges of each."""
    runs: list[list[Token]] = []
    for t in sorted(tokens, key=lambda t: t.i):
        if t.is_space:
            continue
        if runs and t.i == runs[-1][-1].i + 1:
            runs[-1].append(t)
        else:
            runs.append([t])
    segments = []
    for run in runs:
        start, end = 0, len(run)
        while start < end and run[start].is_punct and not run[start].is_quote:
            start += 1
        while end > start and run[end - 1].is_punct and not run[end - 1].is_quote:
            end -= 1
        if start < end and not all(t.is_punct for t in run[start:end]):
            segments.append((run[start].idx, run[end - 1].idx + len(run[end - 1].text)))
    return tuple(segments)


def _is_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB")


def _is_passive(token: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)
