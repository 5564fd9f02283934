"""Reported speech beside its cue in shapes the complement rules of reported.py do not read.

- A parenthetical cue: 'Though the transition was seamless, he said, replacing Clinton would be acrimonious'. The
  cue and its source stand between commas inside the sentence; what is said is the sentence on both sides of them,
  however the parse hangs the parts (on the cue as adverbial clauses, on a noun, on the first part's verb).
- A relative clause whose object is the relative pronoun: 'Florida, which he describes as his second home'.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from service.nlp.lexicon import (
    DOUBLE_MARKS,
    LISTENER_CUES,
    OBJECT_RELATIVE_PRONOUNS,
    RELATIVE_PRONOUNS,
)
from service.nlp.quotes import QuoteMask
from service.nlp.reported_clause import ReportedClause, cue_tokens, is_entry, subject_of
from service.nlp.reported_span import content_segments, is_verb

_SET_OFF = (",", "—", "–")
# what may follow the cue inside its commas: 'told a Senate panel Wednesday', 'said in an interview', 'said later'
_PHRASE_RIGHT_DEPS = ("prt", "dobj", "dative", "npadvmod", "prep", "advmod")
_PHRASE_LEFT_DEPS = ("aux", "neg", "advmod")
_MAX_PHRASE_TOKENS = 12


def parenthetical_cue(token: Token, mask: QuoteMask) -> ReportedClause | None:
    """', X said,' inside a sentence: the sentence without the cue's phrase, in two segments."""
    if not is_verb(token):
        return None
    if any(c.dep_ in ("auxpass", "nsubjpass", "xcomp") for c in token.children):
        return None
    if token.dep_ in ("relcl", "acl", "amod", "pcomp", "pobj"):
        return None  # 'Clinton, who announced a plan on Monday, ...': the cue describes a noun
    # ', say experts like Paul Bauman,': the source right after the cue (the parse may take the part before the
    # comma for a second subject)
    subject = next((c for c in token.rights if c.dep_ == "nsubj" and c.left_edge.i == token.i + 1), None)
    inverted = subject is not None
    if subject is None:
        subject = next((c for c in token.lefts if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ in RELATIVE_PRONOUNS:
        return None
    doc = token.doc
    start = token.i if inverted else subject.left_edge.i
    if not inverted and any(c.i > subject.i and c.dep_ not in _PHRASE_LEFT_DEPS for c in token.lefts):
        return None
    end = subject.right_edge.i if inverted else token.i
    for child in token.rights:
        if child.i <= end:
            continue
        if child.dep_ == "dobj" and token.lemma_.lower() not in LISTENER_CUES:
            return None  # 'announced a plan': the object is what is said; 'told them' names the listener
        if child.dep_ in _PHRASE_RIGHT_DEPS and child.left_edge.i == end + 1:
            end = child.right_edge.i
        else:
            break
    if end - start + 1 > _MAX_PHRASE_TOKENS or start == 0 or end + 1 >= len(doc):
        return None
    before, after = doc[start - 1], doc[end + 1]
    if before.text not in _SET_OFF or after.text not in _SET_OFF:
        return None
    sentence = token.sent
    if start - 1 <= sentence.start or end + 2 >= sentence.end - 1:
        return None  # nothing of the sentence on one side
    before_side = set(range(sentence.start, start))
    after_side = set(range(end + 1, sentence.end))
    if _quoted(doc, before_side, mask):
        return None
    root = sentence.root
    outside = {i for i in range(root.left_edge.i, root.right_edge.i + 1) if not sentence.start <= i < sentence.end}
    phrase = set(range(start, end + 1))
    cue = cue_tokens(token)
    source, mention_rule = subject_of(token, mask)
    # each side on its own: the side after the cue opens with its own clause ('replacing Clinton would be ...'),
    # which read with the side before would look like an aside the writer adds
    segments = content_segments(doc, root, outside | phrase | after_side, cue, source)
    if _quoted(doc, after_side, mask):
        # 'The club's investment, she said, ''is a perfect example''': the quotation is what the quotations return;
        # what is reported is the part before it
        # (train: an opening prepositional phrase, 'In her post, she wrote, ''...''', is the writer's: 7 of 23 touch a
        # gold content; a subject, a clause or an adverb before the quotation touch one 72 of 90 times)
        if not segments or doc[start - 1].text != "," or doc[sentence.start : start - 1].root.dep_ == "prep":
            return None
    else:
        segments += content_segments(doc, root, outside | phrase | before_side, cue, source)
        if len(segments) < 2:
            return None
    return ReportedClause(rule="parenthetical_cue", segments=segments, cue=cue, source=source,
                          entry=token.lemma_.lower(), mention_rule=mention_rule)



def _quoted(doc: Doc, side: set[int], mask: QuoteMask) -> bool:
    """Whether a side of the sentence holds a quotation or a double mark."""
    return any(mask.inside(doc[i]) or any(ch in DOUBLE_MARKS for ch in doc[i].text) for i in side)


def relative_object(token: Token, mask: QuoteMask) -> ReportedClause | None:
    """'Florida, which he describes as his second home', 'the war, which most Whigs opposed': the cue of a relative
    clause whose object is the relative pronoun; what is said is the pronoun (it stands for its noun) and what the
    cue adds after it."""
    if token.dep_ != "relcl" or not is_verb(token):
        return None
    pronoun = token.left_edge
    if pronoun.lower_ not in OBJECT_RELATIVE_PRONOUNS or pronoun.head.i != token.i or pronoun.dep_ != "dobj":
        return None
    subject = next((c for c in token.lefts if c.dep_ == "nsubj" and c.i > pronoun.i), None)
    if subject is None:
        return None
    doc = token.doc
    # what the cue adds about it: 'as his second home' ('describe as'), 'too risky' (an object predicate); not when
    # or where it was said
    lemma = token.lemma_.lower()
    complement = next((c for c in token.rights if c.dep_ in ("oprd", "xcomp", "ccomp") or (
        c.dep_ == "prep" and is_entry(f"{lemma} {c.lower_}", "prep"))), None)
    reach = complement.right_edge.i if complement is not None else token.i
    if complement is not None and complement.dep_ == "prep" and complement.n_rights == 0:
        # 'which RT pointed to as an example of its openness': the preposition's object is the pronoun; what it is
        # called follows
        after = next((c for c in token.rights if c.i > complement.i and c.dep_ == "prep"), None)
        reach = after.right_edge.i if after is not None and after.left_edge.i == reach + 1 else reach
    if _quoted(doc, {pronoun.i} | set(range(token.i + 1, reach + 1)), mask):
        return None
    segments = content_segments(doc, pronoun, set(), (token,), None)
    if complement is not None:
        segments += content_segments(doc, token, set(range(token.left_edge.i, complement.left_edge.i)) | set(
            range(reach + 1, token.right_edge.i + 1)), (token,), None)
    source, mention_rule = subject_of(token, mask)
    return ReportedClause(rule="relative_object", segments=segments, cue=cue_tokens(token), source=source,
                          entry=token.lemma_.lower(), mention_rule=mention_rule)
