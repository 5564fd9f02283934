"""Where the content of a reported clause starts and ends: from the clause head a rule of reported.py finds to
the character segments PolNeAR would mark as what the source said.

The rules (service/nlp/reported.py) decide *that* a cue reports something and which token heads it; this module
decides how far the content runs: over what the parse hangs on the cue after an object ('called the behavior
“outrageous”'), over a conjunct that continues it ('said that A, and there was B'), without a trailing aside
(', who is 70') and without the cue, the source and the edge punctuation.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from service.nlp.lexicon import ALL_MARKS, DOUBLE_MARKS, RELATIVE_PRONOUNS
from service.nlp.types import Quote, TextSpan

CueTest = Callable[[Token, str], bool]  # is this token a cue whose lemma takes content of this kind


def is_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB")


def complement_extent(cue: Token, content: Token, dep: str, is_cue: CueTest) -> tuple[Token, set[int]]:
    """The root whose subtree is the content of the cue's `dep` child `content`, and the tokens left out of it.

    'showed him with his hands in the air in the moments before he was shot', 'called the behavior
    “outrageous”': PolNeAR's content runs on over what the parse hangs on the verb after the object; and
    'said that it was too early to tell, and there was no evidence': over a conjunct hung on the cue.
    'Trump urged supporters to monitor polling places': the content takes in who is urged.
    """
    excluded: set[int] = set()
    later = next((c for c in cue.children if c.dep_ == dep and c.i > cue.i), None)
    if dep == "ccomp" and content.i < cue.i and later is not None:
        # "Some 20 percent said they believe A; 29 percent said they believe B": the parse hangs the clause before
        # on the second cue too; what it reports is the one after it (train: 172 of 189 such cues; all four
        # scores rose on dev and train)
        content = later
    elif dep == "ccomp" and content.i < cue.i and any(
        c.dep_ in ("dobj", "xcomp") and c.i > cue.i and is_cue(cue, c.dep_) for c in cue.children
    ) and not any(ch in DOUBLE_MARKS for t in content.subtree for ch in t.text):
        # "..., the more voters fear the candidate": the clause before is the writer's, the cue's object or
        # infinitive is what it reports; nothing is left, so the rule that reads that complement takes the cue
        # ('told reporters' stays: 'tell' takes no object content). A clause with a quotation stays as it was: it
        # may hold a partial quote the quotations widen to it
        return content, {t.i for t in content.subtree}
    if dep == "ccomp" and content.i < cue.i and cue.dep_ == "conj" and cue.head.i < content.left_edge.i:
        # "A was supposed to happen, but B happened, another source said": the parse makes the cue a conjunct
        # of A; what the source said is both
        excluded = {t.i for t in cue.head.subtree if t.i > content.right_edge.i}
        content = cue.head
    root = content
    listener = next((c for c in cue.children if c.dep_ == "dobj" and cue.i < c.i < content.i), None)
    if not excluded and content.i > cue.i:
        tail = _object_tail(cue, content) if dep == "dobj" else []
        reach = tail[-1].right_edge.i if tail else content.right_edge.i
        conjunct = _content_conjunct(cue, reach, dep, is_cue)
        if conjunct is not None:
            reach = conjunct.right_edge.i
        if reach > content.right_edge.i:
            excluded = {t.i for t in cue.subtree} - set(range(content.left_edge.i, reach + 1))
            root = cue
    if dep == "xcomp" and listener is not None:
        kept = set(range(listener.left_edge.i, content.right_edge.i + 1))
        excluded = {t.i for t in cue.subtree} - kept
        root = cue
    return root, excluded


def _object_tail(verb: Token, obj: Token) -> list[Token]:
    """The verb's dependents right after its object that belong to what is said (up to a comma, a conjunction
    or another clause of the verb)."""
    tail: list[Token] = []
    reach = obj.right_edge.i
    for child in verb.rights:
        if child.i <= obj.i:
            continue
        if child.dep_ not in _OBJECT_TAIL_DEPS or child.left_edge.i != reach + 1:
            break
        tail.append(child)
        reach = child.right_edge.i
    return tail


_OBJECT_TAIL_DEPS = ("prep", "oprd", "advcl", "npadvmod", "dative", "acomp")  # parse labels, not words


def _content_conjunct(verb: Token, reach: int, dep: str, is_cue: CueTest) -> Token | None:
    """A conjunct the parse hangs on the cue right after its content that continues what is said: another
    clause with its own subject ('said that A, and there was B'), another object ('criticized the boom and
    the profits'), another infinitive; never another cue ('said A and added B')."""
    doc = verb.doc
    for child in verb.rights:
        if child.dep_ != "conj" or child.i <= reach:
            continue
        between = doc[reach + 1 : child.left_edge.i]
        if any(not (t.is_punct or t.dep_ in ("cc", "preconj")) for t in between):
            return None
        if any(is_cue(child, kind) for kind in ("ccomp", "xcomp", "dobj")):
            return None
        has_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in child.children)
        if dep == "ccomp" and has_subject and is_verb(child):
            return child
        if dep == "dobj" and child.pos_ in ("NOUN", "PROPN"):
            return child
        if dep == "xcomp" and is_verb(child) and not has_subject:
            return child
        return None
    return None


def content_segments(
    doc: Doc, root: Token, excluded: set[int], cue: tuple[Token, ...], source: Token | None
) -> tuple[tuple[int, int], ...]:
    """The content's character segments: `root`'s subtree without `excluded`, the cue and the source, trimmed
    and in runs (none when nothing is left)."""
    drop = excluded | {t.i for t in cue}
    relative = any(c.dep_ == "nsubj" and c.lower_ in RELATIVE_PRONOUNS for c in cue[0].children)
    if source is not None and source.i != root.i and not root.is_ancestor(source) and not relative:
        # a source whose phrase holds the clause ('officials who said that ...' resolved to 'officials') leaves
        # nothing: such a clause is no attribution of its own (measured on dev: most are wrong)
        drop |= {t.i for t in source.subtree}
    # edge to edge: a word the parse hung elsewhere inside the clause is still part of it
    tokens = [t for t in doc[root.left_edge.i : root.right_edge.i + 1] if t.i not in drop and not t.is_space]
    if tokens:
        tokens = _without_trailing_aside(tokens)
    runs: list[list[Token]] = []
    for t in tokens:
        if runs and t.i == runs[-1][-1].i + 1:
            runs[-1].append(t)
        elif runs and all(doc[j].is_space or doc[j].is_punct for j in range(runs[-1][-1].i + 1, t.i)) \
                and not any(j in drop for j in range(runs[-1][-1].i + 1, t.i)):
            runs[-1].append(t)
        else:
            runs.append([t])
    return tuple(seg for run in runs if (seg := _trimmed(run)) is not None)


def _without_trailing_aside(tokens: list[Token]) -> list[Token]:
    """The clause without a non-restrictive aside the writer adds at its end (', which the police have not
    done', ', who is 70'): PolNeAR leaves it out of what the source said."""
    last_word = next((t for t in reversed(tokens) if not t.is_punct), None)
    if last_word is None:
        return tokens
    last = last_word.i
    for t in tokens:
        if t.dep_ not in _ASIDE_DEPS or t.right_edge.i < last or t.left_edge.i <= tokens[0].i:
            continue
        before = t.doc[t.left_edge.i - 1]
        if before.text != "," or before.i < tokens[0].i:
            continue
        first = t.left_edge
        if t.dep_ == "relcl" and first.lower_ not in RELATIVE_PRONOUNS and first.lower_ != "whose":
            continue
        if t.dep_ != "relcl" and not (first.i == t.i and first.tag_ in _ASIDE_TAGS):
            continue
        return [u for u in tokens if u.i < before.i]
    return tokens


_ASIDE_DEPS = ("relcl", "acl", "advcl")
_ASIDE_TAGS = ("VBG", "VBN")


def _trimmed(run: list[Token]) -> tuple[int, int] | None:
    """A run's character span without the punctuation at its edges (a closing quotation mark stays, and a
    parenthesis the run opens)."""
    start, end = 0, len(run)
    # conjunctions stay: PolNeAR's content of "But a campaign operative decided ..., a source said" starts with But
    while start < end and run[start].is_punct and not run[start].is_quote:
        start += 1
    while end > start and run[end - 1].is_punct and not run[end - 1].is_quote:
        end -= 1
    if start >= end or all(t.is_punct for t in run[start:end]):
        return None
    if end < len(run) and run[end].text == ")":
        words = "".join(t.text for t in run[start:end])
        if words.count("(") > words.count(")"):
            end += 1  # 'said the rule (which took effect in May) …': the content closes the parenthesis it opens
    first, last = run[start], run[end - 1]
    return first.idx, last.idx + len(last.text)


def woven_contents(quotes: tuple[Quote, ...], clauses: Sequence[tuple[int, int]], text: str) -> tuple[Quote, ...]:
    """The quotations, a partial quote woven into reported speech taking the widest reported clause (one segment)
    that holds it, when its content is its marks alone or a clause of which under WOVEN_MAX_QUOTED_SHARE is quoted.

    In 'the campaign said it was ''taking a close look'' at it', what is reported is the clause (dev: 54 of 176
    marks-only quotes' contents become PolNeAR's, 1 stops being). In 'He asked Clinton to repudiate a general who
    suggested that the United States should “segregate” Islamic radicals', the clause of the quote's own cue
    ('suggested') is inner speech: PolNeAR marks what the outer cue reports. A content mostly quoted is a direct
    attribution as it is (train: widening those too lost 5 direct contents that were exact)."""
    out: list[Quote] = []
    for quote in quotes:
        content = quote.content
        woven = quote.kind == "partial" and len(quote.segments) == 1
        marks_only = (
            woven
            and all(ch in ALL_MARKS for ch in text[content.start : quote.start])
            and all(ch in ALL_MARKS or ch in ",.?!" for ch in text[quote.end : content.end])
        )
        if woven and not marks_only:
            quoted = sum(s.end - s.start for s in quote.segments)
            woven = quoted < WOVEN_MAX_QUOTED_SHARE * len(content.text.strip())
        width = content.end - content.start
        holders = [c for c in clauses if c[0] <= content.start and quote.end <= c[1] and c[1] - c[0] > width]
        if not woven:
            holders = []
        if holders:
            start, end = max(holders, key=lambda c: c[1] - c[0])
            start, end = min(start, content.start), max(end, content.end)
            quote = replace(quote, content=TextSpan(start, end, text[start:end]))
        out.append(quote)
    return tuple(out)


# measured on train and dev (all attributions, option on): 0.3 and 0.5 gain less content exact, 0.5 costs direct ones
WOVEN_MAX_QUOTED_SHARE = 0.4
