"""Stage 1, second half: the speaker mention of a cue verb (ordered named rules) and the mention's span.

    head, rule = find_mention(verb, mask)   # the first of MENTION_RULES that answers, and its name
    span = mention_span(head, (start, end), cue_tokens, mask)
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Token

from service.nlp.lexicon import (
    AGENT_DEP,
    CLIMBING_DEPS,
    CLOSING_MARK_TOKENS,
    DOCUMENT_NOUNS,
    FINITE_TAGS,
    INVERTED_SPEAKER_DEPS,
    NAME_PHRASE_POS,
    RELATIVE_PRONOUNS,
    SPEAKER_NOUNS,
    SPEAKER_PRONOUNS,
    SUBJECT_DEPS,
    TIME_WORDS,
    TITLE_WORDS,
)
from service.nlp.names import is_anonymous, is_role_description, reads_as_cue
from service.nlp.pipeline import article_text
from service.nlp.quotes import QuoteMask
from service.nlp.types import TextSpan
from service.nlp.window import is_cue_token

MentionRule = Callable[[Token, QuoteMask], Token | None]
_CLOSING_MARK_ENDINGS = tuple(sorted(CLOSING_MARK_TOKENS))


def cue_subject(verb: Token, mask: QuoteMask) -> Token | None:
    """'Trump said', 'Trump released a statement saying', 'was praised by Trump': the parse's speaker."""
    head = _speaker_head(verb, mask)
    return head if head is not None and speaker_like(head) else None


def inverted_cue(verb: Token, mask: QuoteMask) -> Token | None:
    """'“...,” said James Acton, a physicist': the speaker after the verb, which the parser may call an object."""
    doc = verb.doc
    if verb.is_sent_start and verb.i + 1 < len(doc):
        named = _name_at(doc[verb.i + 1], mask)  # "Said Ellis: ...", which the parser reads as a compound noun
        if named is not None:
            return named
    before = doc[max(0, verb.i - 2) : verb.i].text.replace(" ", "")
    if verb.i == 0 or not before.endswith(_CLOSING_MARK_ENDINGS):
        return None
    for child in verb.rights:
        if child.dep_ in INVERTED_SPEAKER_DEPS and child.pos_ in ("PROPN", "NOUN", "PRON"):
            if not mask.inside(child):  # 'mused Blaze co-host Stu Burguiere': a split title; the name speaks
                later = (c for c in verb.rights if c.i > child.i and c.dep_ in INVERTED_SPEAKER_DEPS)
                names = [c for c in later if c.pos_ == "PROPN"]
                titled = child.pos_ == "NOUN" and names and "," not in doc[child.i : names[0].i].text
                return names[0] if titled else child
        if child.i == verb.i + 1 and child.dep_ == "advmod" and child.is_title and child.is_alpha:
            return child  # "said Skelly": a surname the tagger took for an adverb
    # '“...,” said David Brock, a confidant who heads the PAC Correct the Record': the parse gave the name
    # to a verb further on; the name right after the cue is still its speaker
    return _name_at(doc[verb.i + 1], mask) if verb.i + 1 < len(doc) else None


def adjacent_noun(verb: Token, mask: QuoteMask) -> Token | None:
    """'“My reaction ...,” Obama's former strategist said': the noun right before a cue that follows a quote.

    A parenthesis between them is skipped ('Rep. Paul Ryan (R-WI) said').
    """
    candidate = _token_before(verb, mask)
    if candidate is None:
        return None
    if candidate.lower_ in RELATIVE_PRONOUNS and candidate.head.dep_ == "relcl":
        candidate = candidate.head.head  # "a young woman who suggested": who is the noun the clause hangs on
    if candidate.pos_ in ("PROPN", "NOUN", "PRON") and candidate.text[:1].isalpha() and speaker_like(candidate):
        return candidate
    return None


def name_after_quote(verb: Token, mask: QuoteMask) -> Token | None:
    """'“...,” Texas delegate Bill Eastland, wearing a “Ted Cruz” pin, said': the name that opens the clause."""
    if _token_before(verb, mask) is None:
        return None
    doc = verb.doc
    for closing in range(verb.i - 2, max(0, verb.i - 25), -1):
        if doc[closing].text not in CLOSING_MARK_TOKENS or not mask.inside(doc[closing - 1]):
            continue
        phrase = []
        for token in doc[closing + 1 : verb.i]:
            if token.text == "," or mask.inside(token) or token.pos_ not in NAME_PHRASE_POS:
                break
            phrase.append(token)
        names = [t for t in phrase if t.pos_ == "PROPN"]
        following = doc[phrase[-1].i + 1] if phrase else None
        # without the comma the name would be the cue's own subject, which the parse already gives
        if names and following is not None and following.text == "," and following.i < verb.i:
            return names[-1]
    return None


def subject_fallback(verb: Token, mask: QuoteMask) -> Token | None:
    """'the friction in ties saying': a subject that does not look like a speaker, when nothing better is found."""
    return _speaker_head(verb, mask)


# Tried in order; the first answer wins and its function's name is the mention's rule.
MENTION_RULES: tuple[MentionRule, ...] = (cue_subject, inverted_cue, adjacent_noun, name_after_quote, subject_fallback)


def find_mention(verb: Token, mask: QuoteMask) -> tuple[Token | None, str | None]:
    """The head of the speaker mention of cue `verb` and the name of the rule that found it."""
    for rule in MENTION_RULES:
        head = rule(verb, mask)
        if head is not None:
            return _past_split_title(head, mask) or head, rule.__name__
    return None, None


def _past_split_title(head: Token, mask: QuoteMask) -> Token | None:
    """'said Army Capt. Christian Pardo': the tokenizer cuts the full stop off a title it does not know
    ('Capt', '.') and the parse makes the title the speaker; the name right after it is."""
    doc = head.doc
    if f"{head.lower_}." not in TITLE_WORDS or head.i + 2 >= len(doc) or doc[head.i + 1].text != ".":
        return None
    return _name_at(doc[head.i + 2], mask)


def _token_before(verb: Token, mask: QuoteMask) -> Token | None:
    """The word before a cue, past adverbs and auxiliaries ("Trump also said", "he has said") and a
    parenthesis ("Rep. Paul Ryan (R-WI) said"); None when it lies inside a quote."""
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and doc[i].pos_ in ("ADV", "AUX", "PART") and not mask.inside(doc[i]):
        i -= 1
    if i >= 0 and doc[i].text == ")":
        opening = next((j for j in range(i - 1, max(-1, i - 8), -1) if doc[j].text == "("), None)
        i = opening - 1 if opening is not None else i
    if i < 0 or mask.inside(doc[i]):
        return None
    return doc[i]


def _name_at(first: Token, mask: QuoteMask) -> Token | None:
    """The head of the proper name that starts at `first` ("David" -> "Brock"), or None."""
    if first.pos_ != "PROPN" or mask.inside(first):
        return None
    while first.dep_ in ("compound", "flat") and first.head.i > first.i:
        first = first.head
    return first


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
        if subject is not None and subject.lower_ in RELATIVE_PRONOUNS and node.dep_ == "relcl":
            # "Carney, who insists ..."; "He released a letter that says ...": who issued the document speaks
            issuer = _issuer(node.head, mask)
            governing = _governing_verb(node.head)
            if issuer is not None or speaker_like(node.head) or not _reported_by_cue(governing, mask):
                return issuer or node.head
            # "Penwell said the world lost a voice that said “...”": a thing inside what another cue reports
            # is no speaker; that cue's is
            fallback = fallback or node.head
            node = governing.head
            continue
        if subject is not None:
            if speaker_like(subject):
                return subject
            if step == 0 and cue.tag_ in FINITE_TAGS and subject.pos_ == "NOUN":
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
                # "And Skelly called Braynard “...”": a surname the tagger took for an adverb before the cue
                named = next((c for c in node.lefts if _surname_as_adverb(c, mask)), None)
                if named is not None:
                    return named
                # "Sen. Durbin, noting the size of the list, said": the parse hangs the name on the participle
                for child in node.lefts:
                    if child.dep_ in ("advcl", "ccomp") and child.tag_ == "VBG":
                        named = next((c for c in child.lefts if c.dep_ == "nsubj" and speaker_like(c)), None)
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
            if speaker_like(node.head) and not mask.inside(node.head):
                return node.head  # "Trump, who said ...", "Trump called ..." parsed as a noun modifier
            node = _governing_verb(node.head)  # "the friction in ties saying": climb to the clause
            continue
        if node.dep_ in CLIMBING_DEPS and node.head is not node:
            # '“...,” Roe said, going on to say that “...”': the parse hangs the participle on the quote's
            # own verb; the verb just before its comma has the speaker
            before_comma = _subject_before_comma(node, mask) if mask.inside(node.head) else None
            if before_comma is not None:
                return before_comma
            # "..., saying" / "and added" take the subject of the clause they hang on, or of the cue above it
            node = _outer_cue(node, mask) or node.head
            continue
        break
    return fallback


def _surname_as_adverb(token: Token, mask: QuoteMask) -> bool:
    """A capitalised 'adverb' inside a sentence, right before its verb: a name ('And Skelly called')."""
    return (
        token.dep_ == "advmod" and token.pos_ == "ADV" and token.is_title and token.is_alpha
        and not token.is_sent_start and token.i + 1 == token.head.i and not token.head.is_title
        and not mask.inside(token)
    )


def _reported_by_cue(clause: Token, mask: QuoteMask) -> bool:
    """Is `clause` what a cue above it reports ('Penwell said [the world lost ...]')?"""
    return clause.dep_ == "ccomp" and clause.head is not clause and is_cue_token(clause.head, mask)


def _outer_cue(node: Token, mask: QuoteMask) -> Token | None:
    """The cue whose reported clause (or clause of time) the parse hangs a participle or conjunct on.

    'Pence said in politics it takes time but added, “...”', 'Trump told Newsmax that Romney “...,” adding,
    “...”', 'Hannity said ... after the senator won his primary, remarking that': who adds is who said, not
    the subject of what was said.
    """
    clause = node.head
    if node.dep_ not in ("conj", "advcl") or clause.head is clause or is_cue_token(clause, mask):
        return None  # '“...,” Roe added, saying': a clause that is a cue of its own has its own speaker
    reported = clause.dep_ == "ccomp"
    timed = clause.dep_ == "advcl" and any(c.dep_ == "mark" for c in clause.children)
    outer = clause.head
    return outer if (reported or timed) and is_cue_token(outer, mask) else None


def _subject_before_comma(participle: Token, mask: QuoteMask) -> Token | None:
    """The speaker-like subject of the verb right before a participle's comma ('Roe said, adding')."""
    doc = participle.doc
    if participle.tag_ != "VBG" or participle.i < 2 or doc[participle.i - 1].text != ",":
        return None
    verb = doc[participle.i - 2]
    if verb.pos_ != "VERB" or mask.inside(verb):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and not mask.inside(c)), None)
    return subject if subject is not None and speaker_like(subject) else None


def _issuer(document: Token, mask: QuoteMask) -> Token | None:
    """The subject of the verb that issued a document: 'Trump released [a statement] saying ...'."""
    if document.lemma_.lower() not in DOCUMENT_NOUNS or document.dep_ != "dobj":
        return None
    verb = document.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and not mask.inside(c)), None)
    return subject if subject is not None and speaker_like(subject) else None


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


def speaker_like(token: Token) -> bool:
    """Could this subject be a speaker: a name, a pronoun, a person-like noun, an organisation?"""
    if token.pos_ == "PRON":
        return token.lower_ in SPEAKER_PRONOUNS  # not "that", "this", "which"
    if token.lower_ in TIME_WORDS or token.like_num:
        return False  # "The town released a statement Wednesday saying": a date is never the speaker
    if token.pos_ == "PROPN":
        return True
    if token.text[:1].isupper() and token.dep_ in SUBJECT_DEPS and token.pos_ in ("ADJ", "NOUN", "X"):
        return True  # "Trump, meanwhile, praised": a surname the tagger took for an adjective
    return is_anonymous(token) or is_role_description(token) or token.lemma_.lower() in SPEAKER_NOUNS


def mention_span(
    head: Token, quote_range: tuple[int, int], cue: Sequence[Token] = (), mask: QuoteMask | None = None
) -> TextSpan:
    """The speaker mention: the head's noun phrase, cut before the quote (chars in `quote_range`, marks
    included) and trailing punctuation.

    With the `mask`, the words of another quote at either edge are cut too ('hunky-dory,” Gene Sperling'
    when the previous quote hangs on the name); a nickname inside the name stays.

    Coordinated names are other people, and a clause that holds the cue is not part of the name
    ('a voice that said', 'a statement saying that Scalia was').
    """
    doc = head.doc
    quote_start, quote_end = quote_range
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
        if not (quote_start <= t.idx < quote_end) and t.i not in excluded and "\n" not in t.text
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
    if "," in text[start:end] and text.startswith(",", end):
        end += 1  # "Brian Fallon, the campaign’s press secretary,": the comma that closes an appositive is its part
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
