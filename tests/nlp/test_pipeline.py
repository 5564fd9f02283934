"""The pipeline: which components run, chunked parsing of long texts, the run-bounded tokenizer (real model)."""
from __future__ import annotations

import re
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc

from service.nlp import extract_batch
from service.nlp.pipeline import (
    EXCLUDED_COMPONENTS,
    MAX_CHUNK_CHARS,
    MAX_CHUNK_TOKENS,
    RunBoundedTokenizer,
    chunk_bounds,
    parse_batch,
)

# Paragraphs of a news article: quotes before and after their cues, a headline without a full stop.
PARAGRAPHS = [
    "Trump and Carney meet at the White House",
    "U.S. President Donald Trump met Canadian Prime Minister Mark Carney on Tuesday. “We have natural "
    "conflict,” Trump told reporters in the Oval Office. “But we also have mutual love.”",
    "Carney said: “Canada is not for sale, and it won't be for sale, ever.” He added that the talks "
    "had been “constructive” and that his team would return next week.",
    "Ontario Premier Doug Ford was blunt. “Try to get a deal,” Ford said, “and then we will see.”",
    "According to Howard Lutnick, “the talks are over.” The commerce secretary did not elaborate.",
]
ARTICLE = "\n\n".join(PARAGRAPHS) + "\n"

TRICKY_TEXTS = [
    # Windows line ends
    "“We will win,” Kaine said.\r\n\r\nHe added: “We compete.”\r\n" * 4,
    # trailing spaces on every line and at the end
    "Ford was blunt.   \n  “Try to get a deal,” he said.  \n\n   " * 4,
    # no line break at all: chunks end after sentences
    "“We have natural conflict,” Trump said. Carney agreed. " * 6,
    # no line break and no sentence end: chunks end at spaces
    "and then we talked and then we agreed " * 6,
    # emoji (astral characters are one character each in Python and in spaCy offsets)
    "😀 “Great 👍 news,” 🇨🇦 she said.\n\n🙂🙂\n" * 5,
    # tabs, non-breaking spaces, a line of spaces, many blank lines
    "\tIndented.\u00a0“Quote,” said Bo.\n \n\n\n\n" * 5,
    # leading whitespace, and one word longer than a chunk
    "\n\n   " + "x" * 150 + " tail",
]


def tokens_of(doc: Doc) -> list[tuple[str, str]]:
    return [(t.text, t.whitespace_) for t in doc]


def test_ner_is_not_loaded_and_tensors_are_released(nlp: Language) -> None:
    assert EXCLUDED_COMPONENTS == ("ner",)
    assert "ner" not in nlp.pipe_names
    assert {"tagger", "parser", "pos_and_lemma", "paragraph_boundaries"} <= set(nlp.pipe_names)
    assert {"attribute_ruler", "lemmatizer"} <= set(nlp.disabled)  # loaded for pos_and_lemma, not run
    assert nlp.pipe_names[-1] == "release_tensor"
    doc = nlp("“We compete,” Carney said.")
    assert doc.tensor.size == 0
    assert [t.lemma_ for t in doc if t.pos_ == "VERB"] == ["compete", "say"]


@pytest.mark.parametrize("text", TRICKY_TEXTS)
def test_chunked_doc_has_the_exact_text_and_valid_offsets(nlp: Language, text: str) -> None:
    bounds = chunk_bounds(text, 60)
    assert len(bounds) > 1
    (doc,) = parse_batch(nlp, [text], max_chars=60)
    assert doc.text == text
    assert len(doc.text_with_ws) == len(text)
    for token in doc:
        assert text[token.idx : token.idx + len(token.text)] == token.text
    # every chunk starts a sentence, and sentences cover the doc
    starts = {token.idx for token in doc if token.is_sent_start}
    assert {start for start, _ in bounds[1:] if start < len(text)} <= starts
    assert "".join(sentence.text_with_ws for sentence in doc.sents) == text


@pytest.mark.parametrize(
    "text, expected",
    [
        # a line break in the second half wins over a later sentence end
        ("a" * 30 + " b.\n\nc d. e f. g h" + "i" * 40, "a" * 30 + " b.\n\n"),
        # no line break: after the last sentence end, closing quote included
        ("a" * 30 + " “b.” c. d" + "e" * 40, "a" * 30 + " “b.” c. "),
        # no sentence end: after the last space
        ("a" * 30 + " b c d" + "e" * 40, "a" * 30 + " b c "),
        # no space at all: where the limit falls
        ("a" * 100, "a" * 50),
        # a line break in the first half only: the latest space of the second half instead
        ("a\n" + "b" * 30 + " c" * 5 + "d" * 40, "a\n" + "b" * 30 + " c" * 4 + " "),
    ],
)
def test_chunks_end_at_line_breaks_then_sentences_then_spaces(text: str, expected: str) -> None:
    start, end = chunk_bounds(text, 50)[0]
    assert text[start:end] == expected


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .!?\n\r\t“”\"😀")), max_size=400), st.integers(2, 80))
def test_chunks_cover_the_text_and_stay_bounded(text: str, max_chars: int) -> None:
    bounds = chunk_bounds(text, max_chars)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:], strict=False))
    assert all(0 < end - start <= max_chars for start, end in bounds) or text == ""


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .!?\n\r\t“”\"😀")), max_size=400), st.integers(1, 40))
def test_chunks_stay_bounded_in_tokens(text: str, max_tokens: int) -> None:
    bounds = chunk_bounds(text, 200, max_tokens)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:], strict=False))
    assert all(len(re.findall(r"\w+|[^\w\s]|\n", text[start:end])) <= max_tokens for start, end in bounds)


def test_token_dense_text_goes_to_the_model_in_chunks_of_bounded_tokens(nlp: Language) -> None:
    # 1 MB of one-character lines is 1,000,000 tokens: a model call over 10,000 characters of it held the GIL
    # (the attribute ruler's matcher) for half a second, so chunks are bounded in tokens too
    text = "a\n" * 10_000
    bounds = chunk_bounds(text)
    sizes = [len(nlp.tokenizer(text[start:end])) for start, end in bounds]
    assert max(sizes) <= MAX_CHUNK_TOKENS and sum(sizes) == 20_000
    assert len(bounds) == 5  # by tokens: 20,000 characters would be 2 chunks by characters


def test_prose_is_chunked_by_characters_as_before(nlp: Language) -> None:
    text = ARTICLE * 40
    assert len(text) > 2 * MAX_CHUNK_CHARS
    assert chunk_bounds(text) == chunk_bounds(text, max_tokens=10**9)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from(list("Ab said.,:\n\r '\"“”—😀\u00a0")), max_size=300))
def test_any_text_survives_chunking(nlp: Language, text: str) -> None:
    (doc,) = parse_batch(nlp, [text], max_chars=40)
    assert doc.text == text


def test_chunking_at_line_breaks_keeps_spacy_tokens(nlp: Language) -> None:
    text = ARTICLE * 3
    assert len(chunk_bounds(text, 300)) > 5
    (chunked,) = parse_batch(nlp, [text], max_chars=300)
    assert tokens_of(chunked) == tokens_of(nlp.tokenizer.tokenizer(text))  # type: ignore[attr-defined]


def test_batch_keeps_order_and_joins_only_long_texts(nlp: Language) -> None:
    texts = ["Short one.", "A long one. " * 20, "", "   ", "Last.\n"]
    docs = list(parse_batch(nlp, texts, max_chars=50))
    assert [doc.text for doc in docs] == texts


def test_long_article_quotes_point_into_the_text(nlp: Language) -> None:
    text = "\n".join(f"Part {n}.\n\n{ARTICLE}" for n in range(60))
    assert len(text) > 2 * MAX_CHUNK_CHARS  # parsed in chunks
    (quotes,) = extract_batch(nlp, [text])
    (whole,) = extract_batch(nlp, [ARTICLE])
    assert len(quotes) == 60 * len(whole) > 300
    for quote in quotes:
        assert text[quote.start : quote.end] == quote.text


@pytest.mark.parametrize(
    "text",
    [
        "plain words, “quotes” and a URL https://example.com/a?b=c\n\nnext  paragraph ",
        '"' * 500,
        "before " + "“" * 450 + " after",
        "before " + "”" * 450 + "  two spaces",
        "before\n" + "(" * 450 + "\nafter",
        "“" * 201 + " " + "”" * 201,
    ],
)
def test_run_bounded_tokenizer_gives_spacys_tokens_for_runs_of_marks(nlp: Language, text: str) -> None:
    tokenizer = nlp.tokenizer
    assert isinstance(tokenizer, RunBoundedTokenizer)
    doc = tokenizer(text)
    assert doc.text == text
    assert tokens_of(doc) == tokens_of(tokenizer.tokenizer(text))


def test_a_long_run_of_quote_marks_tokenizes_in_linear_time(nlp: Language) -> None:
    # spaCy's own tokenizer takes about 50 s for this (quadratic); in pieces it is well under a second
    text = "“”‘’\"" * 4_000
    started = time.perf_counter()
    doc = nlp.tokenizer(text)
    assert time.perf_counter() - started < 10
    assert doc.text == text and len(doc) == len(text)


def test_a_url_longer_than_a_run_is_cut_but_keeps_its_text(nlp: Language) -> None:
    url = "https://example.com/" + "a1b2" * 100
    doc = nlp.tokenizer(f"See {url} now")
    assert doc.text == f"See {url} now"
    assert all(len(token.text) <= 200 for token in doc)
