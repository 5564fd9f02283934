"""Quote text -> comparable tokens, each pointing back at its characters in the quote.

Two outlets rarely print one remark byte for byte: "we’ve" / "we have", "…" / "..." / ". . .",
“curly” / "straight" marks, "Two" / "2". Matching compares the *normalised* tokens, while every token
keeps the character span of the word it came from, so a difference can be shown in the words the
article actually printed. Nothing here rewrites the caller's text: offsets never move.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import cached_property

# Character look-alikes folded one-for-one (same length, so offsets stay valid).
# “We’re” and "We're" must give the same token; an en or em dash separates words ("wants—but").
_CHAR_FOLD = str.maketrans(
    {
        "\u2018": "'",  # ‘
        "\u2019": "'",  # ’
        "\u201b": "'",  # ‛
        "\u2032": "'",  # ′
        "`": "'",
        "\u00b4": "'",  # ´
        "\u201c": '"',  # “
        "\u201d": '"',  # ”
        "\u201e": '"',  # „
        "\u2033": '"',  # ″
        "\u2010": "-",  # ‐ hyphen
        "\u2011": "-",  # ‑ non-breaking hyphen
        "\u2012": "-",  # ‒ figure dash
        "\u2212": "-",  # − minus
        "\u00ad": "-",  # soft hyphen
        "\u2013": " ",  # – en dash: "US–Mexico" reads as two words
        "\u2014": " ",  # — em dash: "what he wants—but I guess"
        "\u2015": " ",  # ― horizontal bar
        "\u00a0": " ",  # no-break space
    }
)

# An ellipsis marks where a writer cut or a speaker trailed off: "I liked him … we have mutual love".
# Forms seen in print: "…", "...", ". . .", and the bracketed "[…]" / "(...)".
_ELLIPSIS = re.compile(r"[\[(]?\s*(?:\u2026|\.(?:\s?\.){2,})\s*[\])]?")

# Words: initialisms ("U.S."), numbers with separators ("1,000", "2.5"), words with inner apostrophes
# or hyphens ("we've", "world-class"). The text is already folded, so only ASCII ' and - remain.
_WORD = re.compile(r"(?:[^\W\d_]\.){2,}|\d+(?:[.,]\d+)*(?:st|nd|rd|th)?|\w+(?:['-]\w+)*")

# Sentence ends after a word, unless that word is a title abbreviation ("Mr. Carney").
_SENTENCE_END = re.compile(r"\s*[.!?]")
_ABBREVIATIONS = frozenset("mr mrs ms dr prof gen sen rep gov lt col sgt capt st jr sr vs etc inc corp co no".split())

# Contractions spelled out so "we’ve had" equals "we have had" and "it’s" equals "it is".
# "'s" is expanded only after pronouns: "Canada's" is a possessive, "it's" is "it is".
_WHOLE_WORDS: dict[str, tuple[str, ...]] = {
    "won't": ("will", "not"),
    "can't": ("can", "not"),
    "cannot": ("can", "not"),
    "shan't": ("shall", "not"),
    "ain't": ("is", "not"),
    "let's": ("let", "us"),
    "gonna": ("going", "to"),
    "wanna": ("want", "to"),
    "gotta": ("got", "to"),
    "y'all": ("you", "all"),
}
_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("n't", "not"),
    ("'re", "are"),
    ("'ve", "have"),
    ("'ll", "will"),
    ("'m", "am"),
    ("'d", "would"),
)
_S_IS_AFTER = frozenset("it he she that there here what who where when how this everything everybody nobody".split())

# Small numbers in words and digits compare equal: "two deals" / "2 deals".
_NUMBER_WORDS: dict[str, str] = {
    word: str(value)
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
_NUMBER_WORDS.update(
    {w: str(10 * (i + 3)) for i, w in enumerate("thirty forty fifty sixty seventy eighty ninety".split())}
)

# Function words: they carry no evidence that two quotes render one remark. "We have" is in half of
# all political quotes; "natural conflict" is in one remark. Used to count *content-bearing* words.
STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each else even ever every few
    for from further had has have having he her here hers herself him himself his how i if in into is
    it its itself just let me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same shall she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up us very was we were
    what when where which while who whom why will with would yes yet you your yours yourself
    yourselves oh ok okay well really still much many lot lots got get gets thing things way
    going go know think said say says one like may might must
    neither either
    """.split()
)


SEPARATOR = "\x1f"  # never inside a token: tokens are word characters, "'", "-" and "."


@dataclass(frozen=True)
class NormalisedQuote:
    """A quote's comparable tokens, as parallel tuples (one entry per token).

    "We’ve had" gives norms ("we", "have", "had"); both "we" and "have" point at the characters of
    "We’ve", so a difference is always shown in the words the article printed.
    """

    text: str
    norms: tuple[str, ...]  # what matching compares
    starts: tuple[int, ...]  # character span of the printed word each token came from
    ends: tuple[int, ...]
    piece_ids: tuple[int, ...]  # index of the ellipsis-separated piece of each token
    sentences: tuple[int, ...]  # index of each token's sentence (an ellipsis also ends one)
    content: tuple[bool, ...]  # content-bearing word: is_content_word(norm)

    def __len__(self) -> int:
        """Number of tokens."""
        return len(self.norms)

    @cached_property
    def pieces(self) -> tuple[tuple[int, int], ...]:
        """Token index ranges [start, end) of the ellipsis-separated pieces."""
        bounds: list[tuple[int, int]] = []
        start = 0
        ids = self.piece_ids
        for i in range(1, len(ids) + 1):
            if i == len(ids) or ids[i] != ids[i - 1]:
                bounds.append((start, i))
                start = i
        return tuple(bounds)

    @cached_property
    def joined(self) -> str:
        """The norms between SEPARATORs (we, have -> "|we|have|" with "|" as SEPARATOR), for str.find."""
        return SEPARATOR + SEPARATOR.join(self.norms) + SEPARATOR

    @cached_property
    def separator_offsets(self) -> tuple[int, ...]:
        """Offset in `joined` of the separator before each token, and of the final one."""
        offsets = [0]
        for norm in self.norms:
            offsets.append(offsets[-1] + len(norm) + 1)
        return tuple(offsets)

    @cached_property
    def content_count(self) -> int:
        """How many content-bearing tokens the quote has."""
        return sum(self.content)

    def surface(self, start: int, end: int) -> str:
        """The printed words of tokens [start, end), e.g. "we’ve had" for tokens we/have/had."""
        if start >= end:
            return ""
        return self.text[self.starts[start] : self.ends[end - 1]]


def is_content_word(norm: str) -> bool:
    """True when a normalised token is evidence of wording: "conflict" yes, "we" or "2" no."""
    return norm not in STOPWORDS and not norm[:1].isdigit()


def _content(norm: str) -> bool:
    """is_content_word, remembered per norm (a norm is one of few hundred thousand strings of an archive)."""
    known = _CONTENT.get(norm)
    if known is None:
        if len(_CONTENT) >= _WORD_FORMS_MAX:
            _CONTENT.clear()
        known = _CONTENT[norm] = is_content_word(norm)
    return known


_CONTENT: dict[str, bool] = {}


def fold(text: str) -> str:
    """Fold quote marks, apostrophes and dashes to one style, keeping the length (and offsets)."""
    return text.translate(_CHAR_FOLD)


def _expand(word: str) -> tuple[str, ...]:
    """Normal forms of one lower-cased printed word: "we've" -> ("we", "have"), "two" -> ("2",)."""
    if word in _WHOLE_WORDS:
        return _WHOLE_WORDS[word]
    if word in _NUMBER_WORDS:
        return (_NUMBER_WORDS[word],)
    if word[:1].isdigit():
        # "1,000" and "1000" are one number; "2.5" keeps its decimal point.
        return (word.replace(",", ""),)
    if "'" not in word:
        return (word,)
    for suffix, full in _SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix):
            return (word[: -len(suffix)], full)
    if word.endswith("'s") and len(word) > 2:
        # "it's" is "it is"; otherwise a possessive, printed "ISIS's" or "ISIS'": keep the name.
        return (word[:-2], "is") if word[:-2] in _S_IS_AFTER else (word[:-2],)
    # A trailing or leading apostrophe is a quote mark or an elision ("'em"), not part of the word.
    return (word.strip("'"),)


def _is_initialism(word: str) -> bool:
    """True for "u.s." or "a.m.": letters each followed by a full stop."""
    return word.endswith(".") and word.count(".") >= 2


# Printed word -> (its normal forms, whether a full stop after it ends a sentence). Archives repeat
# words millions of times; the cache is emptied when it grows past _WORD_FORMS_MAX (rare names, numbers).
_WORD_FORMS: dict[str, tuple[tuple[str, ...], bool]] = {}
_WORD_FORMS_MAX = 500_000


def _word_forms(word: str) -> tuple[tuple[str, ...], bool]:
    """Normal forms of one printed word and whether it can end a sentence ("Mr." and "U.S." cannot)."""
    lowered = word.casefold()
    initialism = _is_initialism(lowered)
    forms = (lowered,) if initialism else _expand(lowered)  # "u.s." stays apart from "us"
    known = (tuple(sys.intern(form) for form in forms if form), not initialism and lowered not in _ABBREVIATIONS)
    if len(_WORD_FORMS) >= _WORD_FORMS_MAX:
        _WORD_FORMS.clear()
    _WORD_FORMS[word] = known
    return known


def normalise(text: str) -> NormalisedQuote:
    """Tokenise a quote into comparable tokens that keep their character spans in `text`."""
    folded = fold(text)
    cuts = [m.span() for m in _ELLIPSIS.finditer(folded)]
    norms: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    piece_ids: list[int] = []
    sentences: list[int] = []
    piece = sentence = cut_index = 0
    # A break (ellipsis or sentence end) is applied when the next word comes, so a trailing full
    # stop never opens an empty sentence.
    new_piece = new_sentence = False
    for match in _WORD.finditer(folded):
        start, end = match.span()
        while cut_index < len(cuts) and cuts[cut_index][1] <= start:
            new_piece = new_sentence = True  # "I liked him … we have mutual love"
            cut_index += 1
        word = match.group()
        known = _WORD_FORMS.get(word)
        if known is None:
            known = _word_forms(word)
        forms, may_end_sentence = known
        spans = [(form, start, end) for form in forms]
        if folded.startswith("%", end):
            spans.append(("percent", end, end + 1))  # "25%" / "25 percent"
        for form, form_start, form_end in spans:
            if norms:
                piece += new_piece
                sentence += new_sentence
            new_piece = new_sentence = False
            norms.append(form)
            starts.append(form_start)
            ends.append(form_end)
            piece_ids.append(piece)
            sentences.append(sentence)
        # A full stop, "!" or "?" right after the word ends the sentence ("...conflict. We also...").
        if may_end_sentence and _SENTENCE_END.match(folded, end):
            new_sentence = True
    return NormalisedQuote(
        text=text,
        norms=tuple(norms),
        starts=tuple(starts),
        ends=tuple(ends),
        piece_ids=tuple(piece_ids),
        sentences=tuple(sentences),
        content=tuple(_content(n) for n in norms),
    )
