"""The source of a reported clause as PolNeAR marks it: the local mention next to the cue, never resolved.

The mention the resolver returns names a person; PolNeAR's source span is what the sentence writes there: the
relative pronoun of 'Stumpf, who said', the subject phrase a name sits in ('A study by the Council ... found'),
with the participles that open it, the people coordinated to the head, a partitive's whole phrase, and the comma
or dash that closes an aside.
"""
from __future__ import annotations

from spacy.tokens import Token

from service.nlp.lexicon import DOUBLE_MARKS, RELATIVE_PRONOUNS, SAYING_VERBS, SOURCE_FOCUS_ADVERBS, TITLE_WORDS
from service.nlp.mentions import mention_span
from service.nlp.names import reads_as_cue
from service.nlp.pipeline import article_text
from service.nlp.quotes import QuoteMask
from service.nlp.reported import ReportedClause
from service.nlp.types import TextSpan


def source_mention(clause: ReportedClause, mention: TextSpan, reach: tuple[int, int], mask: QuoteMask) -> TextSpan:
    """The source span of `clause`, from the resolver's `mention` of its source; `reach` is the clause's text the
    span never enters."""
    assert clause.source is not None
    relative = _relative_subject(clause)
    if relative is not None:
        # "Stumpf, who said that ...": named through the noun the clause hangs on, but the mention next to the
        # cue is the pronoun, as PolNeAR marks it (train: 'who' is the source of 409 indirect attributions)
        return TextSpan(relative.idx, relative.idx + len(relative.text), relative.text)
    head = clause.source
    subject = _subject_phrase(head)
    if subject is not None:
        # "A study by the Council of the Great City Schools found": the mention rules name the council, PolNeAR's
        # source is the subject the name sits in
        phrase = mention_span(subject, reach, clause.cue, mask)
        whole = _whole_source(phrase, subject, reach)
        if whole.start <= head.idx < whole.end:  # never a phrase the clause's own words cut the source out of
            head, mention = subject, phrase
    mention = _with_title(_with_participle(_with_modifiers(mention, head, reach), head, reach), head, reach, clause)
    mention = _with_title_word(_without_focus(_without_aside(mention, head), head), head)
    return _after_dateline(_whole_source(mention, head, reach), head)


def _subject_phrase(source: Token) -> Token | None:
    """The subject whose noun phrase holds `source` below it (through prepositions, compounds, conjuncts), if any;
    never through a possessive ('Trump's claim that ...': the claim is not the source)."""
    node = source
    for _ in range(_SUBJECT_CLIMB):
        if node.dep_ == "poss" or node.head.i == node.i or node.head.pos_ in ("VERB", "AUX"):
            break
        node = node.head
    return node if node.i != source.i and node.dep_ in ("nsubj", "nsubjpass") else None


_SUBJECT_CLIMB = 8


def _relative_subject(clause: ReportedClause) -> Token | None:
    """The relative pronoun that is the cue's own subject ('who said'), when the source is its antecedent."""
    assert clause.source is not None
    verb = clause.cue[0]
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.i == clause.source.i or subject.lower_ not in RELATIVE_PRONOUNS:
        return None
    return subject


def _with_modifiers(mention: TextSpan, head: Token, reach: tuple[int, int]) -> TextSpan:
    """The mention with the words its noun phrase opens with that the mention rules cut as verbs ('Retired
    neurosurgeon Ben Carson', 'Leading Democrats'): a participle modifying a name is part of PolNeAR's source."""
    doc = head.doc
    first = head.left_edge
    while first.i < head.i and (first.is_punct or first.is_space):
        first = doc[first.i + 1]
    text = article_text(doc)
    added = text[first.idx : mention.start]
    if first.idx >= mention.start or (first.idx < reach[1] and reach[0] < mention.start) or reads_as_cue(first):
        return mention
    if any(p in added for p in _PHRASE_BREAKS):
        return mention  # 'It's unanimous," councilmember Mark Levine': another sentence's words, not modifiers
    return TextSpan(first.idx, mention.end, text[first.idx : mention.end])


_PHRASE_BREAKS = (",", ".", ";", ":", "\n", "!", "?")


def _with_participle(mention: TextSpan, head: Token, reach: tuple[int, int]) -> TextSpan:
    """The mention with the bare participle that closes its noun phrase, which the mention rules cut as a verb
    ('those surveyed', 'some 56 percent of Cuban-Americans polled', 'all the experts I interviewed')."""
    last = head.right_edge
    if last.idx < mention.end or last.pos_ != "VERB" or last.dep_ not in ("acl", "relcl") or list(last.children):
        return mention
    if last.i == 0 or last.nbor(-1).idx + len(last.nbor(-1).text) > mention.end or last.nbor(-1).i < head.i:
        return mention
    end = last.idx + len(last.text)
    if last.idx != last.nbor(-1).idx + len(last.nbor(-1).text) + 1 or (mention.start < reach[1] and reach[0] < end):
        return mention
    return TextSpan(mention.start, end, article_text(head.doc)[mention.start : end])


def _with_title(mention: TextSpan, head: Token, reach: tuple[int, int], clause: ReportedClause) -> TextSpan:
    """The mention with the quoted title that closes its phrase ('Joe Scarborough, host of MSNBC's “Morning Joe,”
    said'), which the mention rules cut as another quote's words."""
    last = head.right_edge
    while last.i > head.i and (last.is_punct and not last.is_quote):
        last = last.nbor(-1)
    end = last.idx + len(last.text)
    text = article_text(head.doc)
    added = text[mention.end : end]
    if end <= mention.end or not any(m in added for m in _TITLE_MARKS):
        return mention
    if (mention.start < reach[1] and reach[0] < end) or any(mention.end <= t.idx < end for t in clause.cue):
        return mention
    return TextSpan(mention.start, end, text[mention.start : end])


_TITLE_MARKS = tuple(sorted(DOUBLE_MARKS)) + ("''",)


def _without_aside(mention: TextSpan, head: Token) -> TextSpan:
    """The mention cut before an aside PolNeAR leaves out of the source: a participle ('Trump, speaking at a rally in
    Wilmington, said'; train: cut 7 times, kept never) or a relative clause that reports speech of its own
    ('Barkley, who said he votes Democratic, said'; cut 10 times, kept never). Other relative clauses are cut and
    kept about as often (by annotator), so they stay."""
    text = article_text(head.doc)
    for child in head.rights:
        if child.idx >= mention.end:
            break
        before = text[mention.start : child.left_edge.idx].rstrip()
        if child.left_edge.idx <= mention.start or not before.endswith(","):
            continue
        participle = child.dep_ in ("acl", "advcl") and child.tag_ == "VBG"
        speech = child.dep_ == "relcl" and any(_reports(t) for t in child.subtree)
        if participle or speech:
            kept = before[:-1].rstrip()
            return TextSpan(mention.start, mention.start + len(kept), kept)
    return mention


def _reports(token: Token) -> bool:
    """Does `token` report speech: a saying verb, or a verb with a clause of its own ('who estimated that ...')."""
    return token.pos_ == "VERB" and (
        token.lemma_.lower() in SAYING_VERBS or any(c.dep_ == "ccomp" for c in token.children)
    )


def _with_title_word(mention: TextSpan, head: Token) -> TextSpan:
    """The mention with the abbreviated title the parse left outside it ('Sens. Jon Tester and David Vitter',
    'Pres. Obama', 'Mr. Cruz')."""
    # the token the mention starts at, found by the parse's character index (a scan of the Doc per clause made a
    # long article's cost grow with the square of its length)
    span = head.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or span[0].idx != mention.start or span.start == 0:
        return mention
    title = span[0].nbor(-1)
    if not (title.text.endswith(".") and title.text[:1].isupper() and title.lower_ in TITLE_WORDS):
        return mention
    text = article_text(head.doc)
    if text[title.idx + len(title.text) : mention.start].strip():
        return mention
    return TextSpan(title.idx, mention.end, text[title.idx : mention.end])


def _without_focus(mention: TextSpan, head: Token) -> TextSpan:
    """The mention without the focus adverb it opens with ('Even some of Clinton's allies described')."""
    first = next((t for t in head.subtree if t.idx == mention.start), None)
    if first is None or first.lower_ not in SOURCE_FOCUS_ADVERBS or first.dep_ != "advmod":
        return mention
    start = first.nbor().idx if first.i + 1 < len(head.doc) else mention.end
    if start >= mention.end:
        return mention
    return TextSpan(start, mention.end, article_text(head.doc)[start : mention.end])


def _after_dateline(mention: TextSpan, head: Token) -> TextSpan:
    """The mention without the dateline the paragraph opens with ('MACAU (Reuters) – Top Republican Party donor
    Sheldon Adelson said'): the place, date and agency before the dash are nobody's name."""
    text = article_text(head.doc)
    line_start = text.rfind("\n", 0, mention.start) + 1
    for dash in _DATELINE_DASHES:
        at = text.find(dash, mention.start, mention.end)
        if at < 0:
            continue
        words = text[line_start:at].split()
        if 0 < len(words) <= _DATELINE_WORDS and all(w[0].isupper() or w[0].isdigit() or w[0] == "(" for w in words) \
                and any(w.startswith("(") or _in_capitals(w) for w in words):
            start = at + len(dash)
            return TextSpan(start, mention.end, text[start : mention.end])
    return mention


def _in_capitals(word: str) -> bool:
    """'WASHINGTON', 'S.C.': a dateline's place, unlike a name opening the line ('Rep. Lois Frankel — like Reid')."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


_DATELINE_DASHES = (" — ", " – ", " -- ", " - ")
_DATELINE_WORDS = 6


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
        if not (start < reach[1] and reach[0] < far) and between.strip(" ,").lower() in ("and", "or", "nor", ""):
            end = far
    of = head.head
    if head.dep_ == "pobj" and of.lower_ == "of" and of.head.dep_ in ("nsubj", "nsubjpass") and of.head.i < head.i:
        # "52 percent of registered voters said": the mention names the voters, PolNeAR's source is the whole phrase
        first = of.head.left_edge.idx
        if not (first < reach[1] and reach[0] < end):
            start = min(start, first)
    if text.count("(", start, end) > text.count(")", start, end):
        # "Sen. Bernie Sanders (I-Vt.)": the bracket the mention opened, after the abbreviation's stop
        end += 2 if text.startswith(".)", end) else 1 if text.startswith(")", end) else 0
    if text.startswith("%", end):
        end += 1  # "A third of independents, 33%,": the sign is part of the number
    if text[start:end].count("“") > text[start:end].count("”"):
        # 'this CNN “reporter”', 'host of MSNBC's “Morning Joe,”': the mark closing the words the mention opened
        end += 1 if text.startswith("”", end) else 2 if text.startswith(",”", end) else 0
    if "," in text[start:end] and text.startswith(",", end):
        end += 1
    for dash in (" —", " --", " –", " - "):
        if dash in text[start:end] and text.startswith(dash.rstrip(), end):
            end += len(dash.rstrip())  # "three economists -- A, B and C --": the dash closing the aside, as the comma
    return TextSpan(start, end, text[start:end])
