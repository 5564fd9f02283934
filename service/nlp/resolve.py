"""Stage 2: speaker mention -> Speaker (canonical name, type, role), by ordered named rules.

    speaker, features = resolve_attribution(head, (quote_start, quote_end), registry, previous,
                                            cue_tokens=cue.tokens, mask=mask, cue_rule=cue.rule,
                                            rule=cue.mention_rule)
    speaker, features = continued(earlier, earlier_features, "paragraph_context")  # no cue: an earlier speaker
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from service.nlp.confidence import AttributionFeatures, attribution_confidence
from service.nlp.lexicon import PERSONAL_PRONOUNS, PLURAL_PRONOUNS, REPORTING_VERBS, SUBJECT_DEPS
from service.nlp.mentions import mention_span
from service.nlp.names import (
    NameRegistry,
    Person,
    is_anonymous,
    is_role_description,
    name_parts,
    organisation_of,
)
from service.nlp.quotes import QuoteMask
from service.nlp.types import Resolution, Speaker, SpeakerType, TextSpan

# Tokens of a sentence either side of a cue, or before a pronoun, that the rules look at (news sentences are
# well under 100; a text with no full stop makes one 'sentence' of thousands).
SENTENCE_REACH = 200


@dataclass(frozen=True)
class Naming:
    """What a speaker rule says of a mention: who it names, as what, and how it was resolved."""

    name: str | None
    type: SpeakerType
    role: str | None
    resolution: Resolution


@dataclass(frozen=True)
class MentionQuery:
    """A speaker mention to resolve, with the article's people and the last named speaker before it."""

    head: Token
    registry: NameRegistry
    previous: Speaker | None
    mask: QuoteMask | None = None

    @property
    def pronoun(self) -> bool:
        low = self.head.lower_
        return self.head.pos_ == "PRON" or low in PERSONAL_PRONOUNS or low in PLURAL_PRONOUNS

    @property
    def proper(self) -> bool:
        return self.head.pos_ == "PROPN" or self.head.text[:1].isupper()


def pronoun_antecedent(q: MentionQuery) -> Naming | None:
    """'Hillary Clinton spoke. “...,” she said': he/she names the nearest compatible person before it."""
    gender = PERSONAL_PRONOUNS.get(q.head.lower_)
    if not q.pronoun or gender is None:
        return None
    person = _antecedent(q.head, q.registry, gender, q.previous, q.mask)
    return None if person is None else Naming(person.name, "person", person.role, "pronoun")


def pronoun_unresolved(q: MentionQuery) -> Naming | None:
    """'they said', or a he/she with nobody compatible before it: the pronoun names nobody we know."""
    return Naming(None, "unknown", None, "none") if q.pronoun else None


def proper_name(q: MentionQuery) -> Naming | None:
    """'Trump said': a name whose surname the article's registry knows, by its fullest form."""
    person = q.registry.person_for(q.head) if q.proper else None
    return None if person is None else Naming(person.name, "person", person.role, "cue")


def organisation(q: MentionQuery) -> Naming | None:
    """'the Justice Department said', 'CNN reported': after the people, so a known surname wins."""
    name = organisation_of(q.head)
    return None if name is None else Naming(name, "organisation", None, "cue")


def new_name(q: MentionQuery) -> Naming | None:
    """'said Ellis': a proper name the registry does not hold (a single surname seen once)."""
    parts = name_parts(q.head) if q.proper else None
    if parts is None:
        return None
    # a transcript's label is in capitals ("KAINE:"); the name is not
    name = parts.name.title() if parts.name.isupper() else parts.name
    return Naming(name, "person", parts.role, "cue")


def appositive_name(q: MentionQuery) -> Naming | None:
    """'his niece, state Del. Marcia Price, said': the named person in an appositive of a common noun."""
    if q.head.pos_ == "PROPN":
        return None
    for child in q.head.children:
        if child.dep_ != "appos":
            continue
        for token in child.subtree:
            if token.pos_ == "PROPN":
                person = q.registry.person_for(token)
                if person is not None:
                    return Naming(person.name, "person", person.role, "cue")
    return None


def description(q: MentionQuery) -> Naming | None:
    """'the president said': a description standing for a person the article introduced with it."""
    described = q.head.pos_ == "NOUN" and any(c.lower_ == "the" for c in q.head.lefts)
    if not (is_role_description(q.head) or described and q.registry.describes(q.head.lemma_.lower())):
        return None
    person = q.registry.person_by_role(q.head, q.head.idx)
    return None if person is None else Naming(person.name, "person", person.role, "title")


def anonymous(q: MentionQuery) -> Naming | None:
    """'a source said', 'officials said': a speaker who names nobody in particular."""
    return Naming(None, "anonymous", None, "cue") if is_anonymous(q.head) else None


def unresolved(q: MentionQuery) -> Naming | None:
    """Any other mention ('the 34-year-old mother of three'): found, but naming nobody we know."""
    return Naming(None, "unknown", None, "cue")


SpeakerRule = Callable[[MentionQuery], Naming | None]
# Tried in order; the first answer wins. `unresolved` always answers.
SPEAKER_RULES: tuple[SpeakerRule, ...] = (
    pronoun_antecedent, pronoun_unresolved, proper_name, organisation, new_name, appositive_name, description,
    anonymous, unresolved,
)


def resolve_attribution(
    head: Token,
    quote_range: tuple[int, int],
    registry: NameRegistry,
    previous: Speaker | None,
    *,
    cue_rule: str,
    rule: str,
    cue_tokens: Sequence[Token] = (),
    mask: QuoteMask | None = None,
    kind: str = "full",
    syntactic: bool = False,
    quote_words: int = 0,
) -> tuple[Speaker, AttributionFeatures]:
    """The Speaker whose mention is headed by `head`, and the features its confidence was computed from.

    `cue_rule` and `rule` are the rules that found the cue and the mention. `quote_range` is the quote's
    span with its marks: the mention never reaches into it. `kind` (the quote's), `syntactic` (its words
    depend on the cue) and `quote_words` inform the confidence.
    """
    mention, naming, speaker_rule = name_mention(head, quote_range, registry, previous, cue_tokens, mask)
    cue_start = cue_tokens[0].idx if cue_tokens else mention.start
    cue_after = cue_start >= quote_range[1]
    person = registry.people.get(naming.name.split()[-1].lower()) if naming.name and naming.type == "person" else None
    source_after, other_cues = _cue_sentence_features(head, quote_range, cue_tokens, mention.end, cue_after)
    features = AttributionFeatures(
        cue_rule=cue_rule,
        mention_rule=rule,
        name_rule=speaker_rule.__name__,
        kind=kind,
        cue_after=cue_after,
        distance=cue_start - quote_range[1] if cue_after else max(0, quote_range[0] - cue_start),
        mention_words=len(mention.text.split()),
        name_seen=registry.mention_count(person) if person is not None else 0,
        syntactic=syntactic,
        inverted=bool(cue_tokens) and cue_tokens[0].idx < mention.start,
        cue_lemma=cue_tokens[0].lemma_.lower() if cue_tokens else "",
        quote_words=quote_words,
        source_after=source_after,
        other_cues=other_cues,
        same_as_previous=naming.name is not None and previous is not None and previous.name == naming.name,
    )
    speaker = Speaker(
        name=naming.name,
        mention=mention,
        type=naming.type,
        role=naming.role,
        resolution=naming.resolution,
        confidence=attribution_confidence(features),
        rule=rule,
        name_rule=speaker_rule.__name__,
    )
    return speaker, features


def name_mention(
    head: Token,
    quote_range: tuple[int, int],
    registry: NameRegistry,
    previous: Speaker | None,
    cue_tokens: Sequence[Token] = (),
    mask: QuoteMask | None = None,
) -> tuple[TextSpan, Naming, SpeakerRule]:
    """The mention headed by `head` (never reaching into `quote_range`), whom it names, and the rule that named
    it: stage 2 without the confidence (reported speech has a model of its own)."""
    mention = mention_span(head, quote_range, cue_tokens, mask)
    query = MentionQuery(head=head, registry=registry, previous=previous, mask=mask)
    for speaker_rule in SPEAKER_RULES:
        naming = speaker_rule(query)
        if naming is not None:
            return mention, naming, speaker_rule
    raise AssertionError("unresolved always answers")  # pragma: no cover


def _cue_sentence_features(
    head: Token, quote_range: tuple[int, int], cue_tokens: Sequence[Token], mention_end: int, cue_after: bool
) -> tuple[bool, int]:
    """What the rest of the cue's sentence says of the attribution: an 'according to' after the cue, the
    mention and the quote ('“...,” Roe said, according to CNN': PolNeAR's source is CNN), and how many other
    reporting verbs it has outside the quote."""
    anchor = cue_tokens[0] if cue_tokens else head
    sentence = anchor.sent
    # Only the sentence near the cue: a run-on 'sentence' (text with no full stop, thousands of tokens) scanned
    # whole for each of its quotes made such text quadratic, and words that far away say nothing of this cue.
    sentence = anchor.doc[max(sentence.start, anchor.i - SENTENCE_REACH) : min(sentence.end, anchor.i + SENTENCE_REACH)]
    cue_ids = {t.i for t in cue_tokens}
    after = max([mention_end, quote_range[1] if cue_after else 0] + [t.idx + len(t) for t in cue_tokens])
    rest = [t.lower_ for t in sentence if t.idx >= after]
    other_cues = sum(
        1 for t in sentence
        if t.i not in cue_ids and not quote_range[0] <= t.idx < quote_range[1]
        and t.pos_ == "VERB" and t.lemma_.lower() in REPORTING_VERBS
    )
    source_after = any(a == "according" and b == "to" for a, b in zip(rest, rest[1:], strict=False))
    return source_after, other_cues


def continued(
    speaker: Speaker, features: AttributionFeatures, rule: str, distance: int | None = None
) -> tuple[Speaker, AttributionFeatures]:
    """`speaker` again for a quote without a cue of its own, found by context rule `rule`
    (`preceding_sentence`, `paragraph_context`); `distance` is how far the quote is from its source."""
    features = replace(features, cue_rule=rule, distance=features.distance if distance is None else distance)
    return replace(speaker, resolution="context", rule=rule, confidence=attribution_confidence(features)), features


def _antecedent(
    pronoun: Token, registry: NameRegistry, gender: str, previous: Speaker | None, mask: QuoteMask | None
) -> Person | None:
    """The person a he/she refers to: the subject of the nearest earlier sentence that names one.

    A pronoun right after a quote ('“...,” she continued') speaks on: a subject inside a quote is then no
    antecedent ('“..., Hillary Clinton called on lawmakers ...,” Sanders said. “...,” she continued' is Sanders,
    not the person her words were about). In narration it may be ('“Oz has a pulpit,” said Gorski. ... he appeared').
    """
    sent: Span | None = pronoun.sent
    doc = pronoun.doc
    if mask is not None and not any(mask.inside(t) for t in doc[max(pronoun.sent.start, pronoun.i - 3) : pronoun.i]):
        mask = None
    sentences_back = 0
    while sent is not None and sentences_back < 6:
        limit = pronoun.i if sent.start <= pronoun.i < sent.end else sent.end
        in_sentence = _sentence_subjects(sent)
        # The subjects within reach of the limit: a run-on sentence's thousands would be walked for each pronoun.
        reach = in_sentence[bisect_left(in_sentence, limit - SENTENCE_REACH) : bisect_left(in_sentence, limit)]
        subjects = [doc[i] for i in reach]
        for subject in subjects:
            if mask is not None and mask.inside(subject):
                continue
            person = registry.person_or_new(subject) if subject.pos_ == "PROPN" else (
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
    return registry.latest_person(pronoun.idx, gender)


_SUBJECTS_KEY = "quote_service.sentence_subjects"


def _sentence_subjects(sent: Span) -> list[int]:
    """Indices of the noun and proper-noun subjects of `sent`, listed once per sentence and Doc: a text with
    no full stops is one sentence, and reading it again for each pronoun cost Q·n (100 KB: 48 of 76 s)."""
    found: dict[int, list[int]] = sent.doc.user_data.setdefault(_SUBJECTS_KEY, {})
    if sent.start not in found:
        found[sent.start] = [t.i for t in sent if t.dep_ in SUBJECT_DEPS and t.pos_ in ("PROPN", "NOUN")]
    return found[sent.start]
