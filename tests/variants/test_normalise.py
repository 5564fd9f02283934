"""Normalisation: print variants compare equal, and every token still points at its printed word."""

from __future__ import annotations

import pytest

from service.variants.normalise import fold, is_content_word, normalise


@pytest.mark.parametrize(
    "printed, other",
    [
        # ellipsis forms
        (
            "From the beginning, I liked him … we have mutual love,",
            "From the beginning, I liked him ... we have mutual love",
        ),
        (
            "From the beginning, I liked him … we have mutual love,",
            "From the beginning, I liked him . . . we have mutual love",
        ),
        ("We also have mutual love… you know", "We also have mutual love [...] you know"),
        # apostrophes and contractions
        ("and we’ve had a good relationship,", "and we've had a good relationship"),
        ("and we’ve had a good relationship,", "and we have had a good relationship"),
        ("it’s in those areas we have to come to an agreement", "it is in those areas we have to come to an agreement"),
        ("We’re going to treat people fairly.", "We are going to treat people fairly."),
        ("They won’t proceed in a straight line,", "They will not proceed in a straight line"),
        ("We can’t afford to be politically correct anymore,", "We cannot afford to be politically correct anymore"),
        ("I don’t know what he wants", "I do not know what he wants"),
        ("He is becoming ISIS's best recruiter,", "He is becoming ISIS’ best recruiter."),
        # dashes
        ("world‑class leader", "world-class leader"),  # non-breaking hyphen
        (
            "I don’t know what he wants—but I guess he wants to make a deal",
            "I don't know what he wants - but I guess he wants to make a deal",
        ),
        ("the US–Mexico–Canada Agreement", "the US Mexico Canada Agreement"),
        # case and trailing punctuation
        ("We have natural conflict.", "we have natural conflict"),
        ("different deals.", "Different deals,"),
        ("WILL LOVE US AGAIN", "will love us again!"),
        # numbers
        ("two different deals", "2 different deals"),
        ("more than 1,000 jobs", "more than 1000 jobs"),
        ("tariffs of 25%", "tariffs of 25 percent"),
    ],
)
def test_print_variants_normalise_equal(printed: str, other: str) -> None:
    assert normalise(printed).norms == normalise(other).norms


@pytest.mark.parametrize(
    "printed, other",
    [
        ("the U.S. wants steel", "the us wants steel"),  # the country is not the pronoun
        ("We could renegotiate it", "We can renegotiate it"),  # a real change stays a change
        ("We have natural conflict.", "We’ve got natural conflict."),
        ("They won’t proceed", "They will proceed"),
    ],
)
def test_different_wording_stays_different(printed: str, other: str) -> None:
    assert normalise(printed).norms != normalise(other).norms


@pytest.mark.parametrize(
    "text",
    [
        "From the beginning, I liked him, and we’ve had a good relationship,",
        "He’s coming to see me. I don’t know what he wants—but I guess he wants to make a deal. Everybody does,",
        "Canada won’t be for sale, ever.",
        "tariffs of 25% on “steel”",
    ],
)
def test_tokens_point_at_printed_words(text: str) -> None:
    quote = normalise(text)
    assert quote.text == text  # nothing rewrites the caller's text
    for norm, start, end in zip(quote.norms, quote.starts, quote.ends, strict=True):
        printed = fold(text[start:end]).casefold()
        # Each token comes from the characters it points at: "we’ve" -> "we" and "have".
        assert norm in printed or (norm, printed) in {
            ("have", "we've"),
            ("is", "he's"),
            ("not", "won't"),
            ("will", "won't"),
            ("not", "don't"),
            ("do", "don't"),
            ("percent", "%"),
        }


def test_contraction_tokens_share_the_printed_word() -> None:
    quote = normalise("and we’ve had")
    assert quote.norms == ("and", "we", "have", "had")
    assert quote.surface(1, 3) == "we’ve"
    assert quote.surface(1, 4) == "we’ve had"
    assert quote.surface(2, 2) == ""


@pytest.mark.parametrize(
    "text, pieces",
    [
        (
            "From the beginning, I liked him … we have mutual love,",
            ["from the beginning i liked him", "we have mutual love"],
        ),
        (
            "We also have mutual love… you know we have great love",
            ["we also have mutual love", "you know we have great love"],
        ),
        ("I liked him . . . we have [...] mutual love", ["i liked him", "we have", "mutual love"]),
        ("… we have mutual love …", ["we have mutual love"]),  # leading and trailing ellipses cut nothing
        ("We have natural conflict.", ["we have natural conflict"]),
    ],
)
def test_pieces_split_at_ellipses(text: str, pieces: list[str]) -> None:
    quote = normalise(text)
    assert [" ".join(quote.norms[a:b]) for a, b in quote.pieces] == pieces


@pytest.mark.parametrize(
    "text, sentences",
    [
        ("We have natural conflict. We also have mutual love", [0, 0, 0, 0, 1, 1, 1, 1, 1]),
        ("Mr. Carney is a world-class leader", [0, 0, 0, 0, 0, 0]),  # a title is not a sentence end
        ("The U.S. wants steel", [0, 0, 0, 0]),
        ("Is it a deal? Yes!", [0, 0, 0, 0, 1]),
        ("we have mutual love… you know", [0, 0, 0, 0, 1, 1]),
    ],
)
def test_sentences(text: str, sentences: list[int]) -> None:
    assert list(normalise(text).sentences) == sentences


@pytest.mark.parametrize(
    "word, content",
    [
        ("conflict", True),
        ("natural", True),
        ("fairly", True),
        ("we", False),
        ("have", False),
        ("the", False),
        ("2", False),
        ("not", False),
        ("world-class", True),
    ],
)
def test_content_words(word: str, content: bool) -> None:
    assert is_content_word(word) is content


@pytest.mark.parametrize("text", ["", "   ", "…", "“”", "... . . ."])
def test_no_words(text: str) -> None:
    quote = normalise(text)
    assert quote.norms == ()
    assert quote.pieces == ()
    assert quote.content_count == 0
