"""The source of a reported clause as PolNeAR marks it: the local mention next to the cue, never resolved.

The mention the resolver returns names a person; PolNeAR's source span is what the sentence writes there: the
relative pronoun of 'Stumpf, who said', the people coordinated to the head, a partitive's whole phrase, and the
comma or dash that closes an aside.
"""
from __future__ import annotations

from spacy.tokens import Token

from service.nlp.lexicon import RELATIVE_PRONOUNS
from service.nlp.pipeline import article_text
from service.nlp.reported import ReportedClause
from service.nlp.types import TextSpan


def source_mention(clause: ReportedClause, mention: TextSpan, reach: tuple[int, int]) -> TextSpan:
    """The source span of `clause`, from the resolver's `mention` of its source; `reach` is the clause's text the
    span never enters."""
    assert clause.source is not None
    relative = _relative_subject(clause)
    if relative is not None:
        # "Stumpf, who said that ...": named through the noun the clause hangs on, but the mention next to the
        # cue is the pronoun, as PolNeAR marks it (train: 'who' is the source of 409 indirect attributions)
        return TextSpan(relative.idx, relative.idx + len(relative.text), relative.text)
    return _whole_source(mention, clause.source, reach)


def _relative_subject(clause: ReportedClause) -> Token | None:
    """The relative pronoun that is the cue's own subject ('who said'), when the source is its antecedent."""
    assert clause.source is not None
    verb = clause.cue[0]
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.i == clause.source.i or subject.lower_ not in RELATIVE_PRONOUNS:
        return None
    return subject


def _whole_source(mention: TextSpan, head: Token, reach: tuple[int, int]) -> TextSpan:
    """The source as PolNeAR marks it: with the people coordinated to it ('Mr. Grassley and Mr. Leahy said'),
    and, after an appositive, the comma that closes it ('Brian Fallon, the campaign's press secretary, said')."""
    text = article_text(head.doc)
    start, end = mention.start, mention.end
    conjuncts = [c for c in head.children if c.dep_ == "conj" and c.i > head.i]
    if conjuncts:
        last = conjuncts[-1].right_edge
        while last.is_punct and last.i > conjuncts[-1].i:
            last = last.doc[last.i - 1]
        far = last.idx + len(last.text)
        between = text[end : conjuncts[0].left_edge.idx]
        if not (start < reach[1] and reach[0] < far) and between.strip(" ,") in ("and", "or", ""):
            end = far
    of = head.head
    if head.dep_ == "pobj" and of.lower_ == "of" and of.head.dep_ in ("nsubj", "nsubjpass") and of.head.i < head.i:
        # "52 percent of registered voters said": the mention names the voters, PolNeAR's source is the whole phrase
        first = of.head.left_edge.idx
        if not (first < reach[1] and reach[0] < end):
            start = min(start, first)
    if text.count("(", start, end) > text.count(")", start, end) and text.startswith(".)", end):
        end += 2  # "Sen. Bernie Sanders (I-Vt.)": the bracket the mention opened, after the abbreviation's stop
    if "," in text[start:end] and text.startswith(",", end):
        end += 1
    for dash in (" —", " --", " –"):
        if dash in text[start:end] and text.startswith(dash, end):
            end += len(dash)  # "three economists -- A, B and C --": the dash closing the aside, as the comma
    return TextSpan(start, end, text[start:end])
