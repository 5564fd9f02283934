"""The shape of a reported clause, as plain values known when it is found: what the acceptance and the confidence
of reported speech (reported_confidence.py) read.

Which rule and cue entry found it, what kind of source it names and how the name was resolved, whether the cue
is negated or modal, whether the sentence asks, supposes ('if') or is a headline, how long the content is and
whether it is a finite clause or an infinitive, a gerund or a noun phrase, what heads it (a speech noun, a name,
another noun) and with which determiner, where in the article it stands, how many other clauses share its
sentence, and how often the cue table saw the cue's entry on train (a count every rare entry shares: their own
weights are shrunk to little).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from service.nlp.confidence import bucket
from service.nlp.lexicon import (
    CONDITIONAL_MARKS,
    DEMONSTRATIVES,
    DOUBLE_MARKS,
    FINITE_VERB_TAGS,
    FIRST_SECOND_PERSON,
    INDEFINITE_ARTICLES,
    RELATIVE_PRONOUNS,
    REPORTING_NOUNS,
    SENTENCE_END_CHARS,
)
from service.nlp.reported import ReportedClause
from service.nlp.reported_clause import REPORTED_RULE_KINDS
from service.nlp.reported_cues import REPORTED_CUE_COUNTS
from service.nlp.types import Speaker
from service.nlp.unsourced import UNSOURCED_RULE_KINDS
from service.nlp.unsourced_cues import UNSOURCED_CUE_COUNTS

# each rule's cue-table counts, from the kind it reads: reported_cues.py's, unsourced_cues.py's for the rules without
# a source. parenthetical_cue (which reads lexicon.py's saying verbs) and relative_object are read as clause
# entries, as the committed model was fitted
RULE_CUE_COUNTS: dict[str, dict[str, tuple[int, float]]] = {
    **{rule: REPORTED_CUE_COUNTS[kind] for rule, kind in REPORTED_RULE_KINDS.items()},
    "parenthetical_cue": REPORTED_CUE_COUNTS["ccomp"],
    "relative_object": REPORTED_CUE_COUNTS["ccomp"],
    **{rule: UNSOURCED_CUE_COUNTS[kind] for rule, kind in UNSOURCED_RULE_KINDS.items()},
}


@dataclass(frozen=True)
class ClauseFeatures:
    """What is known of a reported clause when it is found. Plain values: the fitting script reads them too."""

    rule: str
    entry: str = ""  # the cue entry ('say', 'accuse of')
    mention_rule: str = "none"
    name_rule: str = "none"  # the speaker's naming rule, 'none' without a speaker
    source: str = "none"  # none / relative / first_second / pronoun / proper / common
    source_tag: str = ""  # the source head's tag (NNP, NNS, PRP, ...)
    speaker_type: str = "none"  # the resolved speaker's type (person, organisation, anonymous, unknown)
    negated: bool = False
    modal: bool = False
    question: bool = False
    conditional: bool = False
    headline: bool = False  # the sentence ends its line without a final stop
    content_words: int = 0
    content: str = "finite"  # finite / infinitive / gerund / noun / other
    segments: int = 1
    sentence: int = 0  # the sentence's index in the article
    other_clauses: int = 0  # other candidate clauses whose cue is in the same sentence
    holds: int = 0  # candidate clauses inside this one
    cue_first: bool = True  # the cue comes before the content
    cue_tag: str = ""  # the cue's tag: past 'said' reports, present 'wants' or a gerund often does not
    cue_dep: str = ""  # how the cue hangs in its sentence (ROOT, ccomp, relcl, xcomp, ...)
    depth: int = 0  # heads between the cue and its sentence's root
    quoted_sentence: bool = False  # the sentence holds a double mark
    entry_count: int = 0  # train clauses the cue table saw for the entry (0: not in a table)
    head: str = "other"  # the content's head: verb / pronoun / proper / number / speech (noun) / common / other
    head_noun: str = ""  # a common-noun head's lemma ('statement', 'lawsuit'; the fit keeps those seen 3 times)
    determiner: str = "none"  # the head's determiner: the / a / this / poss / quant / none

    def indicators(self) -> list[str]:
        """The names of the model's inputs that are 1 for this clause (all others are 0)."""
        return [
            f"rule={self.rule}",
            f"rule={self.rule}&entry={self.entry}",
            f"mention={self.mention_rule}",
            f"name={self.name_rule}",
            f"rule={self.rule}&name={self.name_rule}",
            f"source={self.source}",
            f"rule={self.rule}&source={self.source}",
            f"tag={self.source_tag}",
            f"type={self.speaker_type}",
            f"negated={self.negated}",
            f"modal={self.modal}",
            f"question={self.question}",
            f"conditional={self.conditional}",
            f"headline={self.headline}",
            "words=" + bucket(self.content_words, (2, 4, 8, 16, 30)),
            f"content={self.content}",
            f"rule={self.rule}&content={self.content}",
            f"segments={min(self.segments, 2)}",
            "sentence=" + bucket(self.sentence, (0, 2, 8)),
            "others=" + bucket(self.other_clauses, (0, 1)),
            "holds=" + bucket(self.holds, (0, 1)),
            f"cue_first={self.cue_first}",
            f"cue_tag={self.cue_tag}",
            f"rule={self.rule}&cue_tag={self.cue_tag}",
            f"cue_dep={self.cue_dep}",
            f"rule={self.rule}&cue_dep={self.cue_dep}",
            "depth=" + bucket(self.depth, (0, 1, 2, 4)),
            f"quoted_sentence={self.quoted_sentence}",
            # the entry's train count, shared by every entry of its size: a rare entry's own weight is shrunk
            "entry_n=" + (bucket(self.entry_count, (4, 19, 99)) if self.entry_count else "none"),
            f"head={self.head}",
            f"rule={self.rule}&head={self.head}",
            f"head_noun={self.head_noun}",
            f"determiner={self.determiner}",
            f"rule={self.rule}&determiner={self.determiner}",
        ]


@dataclass(frozen=True)
class SentenceFacts:
    """The features of a clause that are its sentence's."""

    question: bool
    conditional: bool
    headline: bool
    index: int
    quoted: bool


class ArticleClauses:
    """Every candidate clause of an article, indexed once: how many have their cue in each sentence, and where
    each starts (a clause's count of held clauses looks only at those starting inside it)."""

    def __init__(self, candidates: Sequence[ReportedClause]) -> None:
        # the sentences once, by their first token: `Token.sent` walks its sentence on every call
        self._sentence_list = list(candidates[0].cue[0].doc.sents) if candidates else []
        self._sentence_starts = [sentence.start for sentence in self._sentence_list]
        self._per_sentence = Counter(self.sentence_of(c.cue[0]).start for c in candidates)
        self._ordered = sorted(candidates, key=lambda c: c.start)
        self._starts = [c.start for c in self._ordered]
        self._sentences: dict[int, SentenceFacts] = {}

    def sentence_of(self, token: Token) -> Span:
        """The sentence of `token`, one of the candidates' tokens."""
        return self._sentence_list[bisect_right(self._sentence_starts, token.i) - 1]

    def sentence_facts(self, sentence: Span) -> SentenceFacts:
        """What the features read of a sentence, computed once per sentence (a run-on 'sentence' of thousands of
        tokens holds hundreds of clauses)."""
        facts = self._sentences.get(sentence.start)
        if facts is None:
            question = conditional = quoted = False
            for token in sentence:  # one pass: every Token a Doc hands out is a new object
                text = token.text
                question = question or text == "?"
                quoted = quoted or text in DOUBLE_MARKS or text in ("``", "''")
                conditional = conditional or (token.dep_ == "mark" and token.lower_ in CONDITIONAL_MARKS)
            facts = self._sentences[sentence.start] = SentenceFacts(
                question=question,
                conditional=conditional,
                headline=_is_headline(sentence),
                # how many sentences come before, up to 9: beyond that the position says little
                index=min(9, bisect_left(self._sentence_starts, sentence.start)),
                quoted=quoted,
            )
        return facts

    def others_in_sentence(self, sentence: Span) -> int:
        """Candidates other than the one asking whose cue is in `sentence`."""
        return max(0, self._per_sentence[sentence.start] - 1)

    def held_by(self, clause: ReportedClause) -> int:
        """Candidates inside `clause` (not the same span)."""
        inside = self._ordered[bisect_left(self._starts, clause.start) : bisect_right(self._starts, clause.end)]
        return sum(1 for c in inside if c is not clause and c.end <= clause.end
                   and (c.start, c.end) != (clause.start, clause.end))


def clause_features(clause: ReportedClause, speaker: Speaker | None, article: ArticleClauses) -> ClauseFeatures:
    """The shape of `clause`, one of `article`'s candidate clauses."""
    cue = clause.cue[0]
    sentence = article.sentence_of(cue)
    facts = article.sentence_facts(sentence)
    content = _content_tokens(cue.doc, clause)
    root = _content_root(content)
    return ClauseFeatures(
        rule=clause.rule,
        entry=clause.entry,
        mention_rule=clause.mention_rule,
        name_rule=speaker.name_rule if speaker is not None else "none",
        source=_source_kind(clause.source),
        source_tag=clause.source.tag_ if clause.source is not None else "",
        speaker_type=speaker.type if speaker is not None else "none",
        negated=any(c.dep_ == "neg" for c in cue.children),
        modal=any(c.dep_ == "aux" and c.tag_ == "MD" for c in cue.children),
        question=facts.question,
        conditional=facts.conditional,
        headline=facts.headline,
        content_words=sum(1 for t in content if not t.is_punct),
        content=_content_kind(content, root),
        segments=len(clause.segments),
        sentence=facts.index,
        other_clauses=article.others_in_sentence(sentence),
        holds=article.held_by(clause),
        cue_first=cue.idx < clause.start,
        cue_tag=cue.tag_,
        cue_dep=cue.dep_,
        depth=_depth(cue),
        quoted_sentence=facts.quoted,
        entry_count=_entry_count(clause.rule, clause.entry),
        head=_head_kind(root),
        head_noun=root.lemma_.lower() if root is not None and root.pos_ == "NOUN" else "",
        determiner=_determiner(root),
    )


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 9:
        token, depth = token.head, depth + 1
    return depth


def _source_kind(source: Token | None) -> str:
    if source is None:
        return "none"
    if source.lower_ in RELATIVE_PRONOUNS:
        return "relative"
    if source.lower_ in FIRST_SECOND_PERSON:
        return "first_second"
    if source.pos_ == "PRON":
        return "pronoun"
    if source.pos_ == "PROPN":
        return "proper"
    return "common"


def _content_tokens(doc: Doc, clause: ReportedClause) -> list[Token]:
    """The tokens of the clause's segments (a token counts when it starts inside one)."""
    first = doc.char_span(clause.start, clause.end, alignment_mode="expand")
    if first is None:
        return []
    return [t for t in first if any(s <= t.idx < e for s, e in clause.segments)]


def _content_root(tokens: list[Token]) -> Token | None:
    """The content's first token whose head is outside it."""
    if not tokens:
        return None
    inside = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[0])


def _entry_count(rule: str, entry: str) -> int:
    """How many train clauses the cue table of the rule's kind saw for the entry (its share right is not read:
    the table was fitted on all of train, so it would leak the labels into the out-of-fold estimates)."""
    return RULE_CUE_COUNTS.get(rule, {}).get(entry, (0, 0.0))[0]


def _head_kind(root: Token | None) -> str:
    """What heads the content: a verb, a pronoun, a name, a number, a speech noun ('claim'), another noun
    ('the museum')."""
    if root is None:
        return "other"
    if root.pos_ in ("VERB", "AUX"):
        return "verb"
    if root.pos_ == "PRON":
        return "pronoun"
    if root.pos_ == "PROPN":
        return "proper"
    if root.pos_ == "NUM" or root.like_num:
        return "number"
    if root.pos_ == "NOUN":
        return "speech" if root.lemma_.lower() in REPORTING_NOUNS else "common"
    return "other"


def _determiner(root: Token | None) -> str:
    """The head's determiner: 'the', 'a', a demonstrative, a possessive, a quantifier ('no', 'some'), or none."""
    for child in root.children if root is not None else ():
        if child.dep_ == "poss":
            return "poss"
        if child.dep_ == "det":
            word = child.lower_
            if word == "the":
                return "the"
            if word in INDEFINITE_ARTICLES:
                return "a"
            return "this" if word in DEMONSTRATIVES else "quant"
    return "none"


def _content_kind(tokens: list[Token], root: Token | None) -> str:
    """A finite clause, an infinitive ('to monitor polls'), a gerund ('of lying') or a noun phrase; `root` is the
    tokens' `_content_root`."""
    if root is None:
        return "other"
    if tokens[0].tag_ == "TO" or any(c.tag_ == "TO" and c.dep_ == "aux" for c in root.children):
        return "infinitive"
    if root.tag_ == "VBG":
        return "gerund"
    auxiliaries = [c for c in root.children if c.dep_ in ("aux", "auxpass")]
    if root.tag_ in FINITE_VERB_TAGS or any(c.tag_ in FINITE_VERB_TAGS for c in auxiliaries):
        return "finite"
    if root.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
        return "noun"
    return "other"


def _is_headline(sentence: Span) -> bool:
    """A line without a final stop: a title or a caption, where the writer reports no one."""
    doc = sentence.doc
    last = next((doc[i] for i in range(sentence.end - 1, sentence.start - 1, -1) if not doc[i].is_space), None)
    if last is None:
        return False
    return last.text[-1] not in SENTENCE_END_CHARS and ("\n" in last.whitespace_ or last.i + 1 >= len(doc)
                                                    or doc[last.i + 1].is_space)
