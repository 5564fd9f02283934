"""Variant groups over an archive (a million quotes): the request's engine, part by part, in bounded memory.

`group_archive_variants(quotes)` returns exactly `group_variants(quotes)`; only the way there differs,
so that time and memory grow far more slowly than keeping every normalised quote and string bigram
(100,000 quotes: 597 MB, 52 CPU seconds on 2 workers). Known limit: step 2 builds the support of all
proposed pairs as whole arrays, which grow with the posting limit; at 1,000,000 quotes (limit 566)
they passed 16 GB. Building them in blocks of proposers is the next step.

1. Bigrams: each quote is normalised and reduced to the bigrams of its pieces, packed into int64
   (two token ids, numbered in the tokens' string order so ties break as in `candidate_pairs`), and
   the normalised quote is dropped. A million quotes keep ~20 million ints, not 20 million strings
   in sets and a dict of postings.
2. Candidates: document frequencies, postings and each piece's rarest bigrams with numpy sorts; the
   support of a pair summed over an array of pair keys; then the same shared-bigram test as
   `candidate_pairs`, so the candidate set is the same.
3. Edges: the candidate pairs, in chunks on worker processes, each quote normalised once per chunk,
   are matched as `group_variants` matches them; the pairs that link are kept.
4. Parts: the connected parts of the linked pairs. Nothing in grouping crosses a part (a root, a
   stitched member, a described member are all linked), so each part is normalised again and
   grouped by `groups_of_pairs` alone; groups are merged back in root order and numbered.
   (Parts of the candidate graph would not do: chance candidates join most quotes into one.)
"""

from __future__ import annotations

import multiprocessing
import os
from array import array
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

import numpy
import numpy.typing as npt

from service.variants.groups import (
    DEFAULT_MIN_SIMILARITY,
    MIN_SHARED_BIGRAMS,
    _bigrams_needed,
    _match_pair,
    groups_of_pairs,
    numbered,
    posting_limit,
    rarest_bigrams,
)
from service.variants.normalise import NormalisedQuote, normalise
from service.variants.types import QuoteRef, VariantGroup

# Quotes per task of a worker process: parts are packed into tasks of about this size.
TASK_QUOTES = 5_000
# Candidate pairs per task: pairs are sorted by their first quote, which is normalised once per task.
TASK_PAIRS = 20_000

Ints = npt.NDArray[numpy.int64]
_Result = TypeVar("_Result")


def group_archive_variants(
    quotes: Sequence[QuoteRef], *, min_similarity: float = DEFAULT_MIN_SIMILARITY, workers: int = 1
) -> list[VariantGroup]:
    """`group_variants(quotes)`, in memory and time linear in the number of quotes; `workers` processes."""
    pairs = archive_candidate_pairs(quotes, workers=workers)
    global _TASK_QUOTES
    _TASK_QUOTES = quotes
    try:
        chunks = [(pairs[i : i + TASK_PAIRS], min_similarity) for i in range(0, len(pairs), TASK_PAIRS)]
        linked = [pair for result in _run(_linking_pairs, chunks, workers) for pair in result]
        tasks = [(task, min_similarity) for task in _tasks(_parts(linked, len(quotes)))]
        results = _run(_group_task, tasks, workers)
    finally:
        _TASK_QUOTES = None
    rooted = sorted((item for result in results for item in result), key=lambda item: item[0])
    return numbered(rooted)


def _run(function: Callable[..., _Result], tasks: list[tuple[Any, float]], workers: int) -> list[_Result]:
    """`function(*task)` for every task, in order: on `workers` forked processes when there is enough to share."""
    if workers > 1 and len(tasks) > 1:
        # fork: the workers see the quotes (_TASK_QUOTES) without a copy through a pipe
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            return pool.starmap(function, tasks, chunksize=1)
    return [function(*task) for task in tasks]


def archive_candidate_pairs(quotes: Sequence[QuoteRef], *, workers: int = 1) -> list[tuple[int, int]]:
    """`sorted(candidate_pairs([normalise(q.text) for q in quotes]))`, computed over packed bigrams."""
    texts = [quote.text for quote in quotes]
    chunks = [texts[i : i + TASK_QUOTES] for i in range(0, len(texts), TASK_QUOTES)]
    if workers > 1 and len(chunks) > 1:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            index = _BigramIndex.build(row for rows in _bounded_map(pool, chunks, 2 * workers) for row in rows)
    else:
        index = _BigramIndex.build(row for rows in map(_token_rows, chunks) for row in rows)
    keys, support = index.supported_pairs()
    count = len(quotes)
    shared = index.usable_sets()
    smallest = index.smallest
    pairs: list[tuple[int, int]] = []
    for key in keys[support >= MIN_SHARED_BIGRAMS].tolist():
        a, b = divmod(key, count)
        needed = _bigrams_needed(smallest[a], smallest[b])
        if len(shared(a, remember=True) & shared(b)) >= needed:
            pairs.append((a, b))
    return pairs  # keys are sorted, and a < b in each: the pairs are in sorted order


def _bounded_map(pool: Any, chunks: Sequence[Sequence[str]], ahead: int) -> Iterator[list[_TokenRow]]:
    """`_token_rows` of each chunk in order, at most `ahead` chunks in flight: the workers normalise
    faster than the index takes rows in, and unread results would pile up (gigabytes at a million)."""
    pending: deque[Any] = deque()
    for chunk in chunks:
        pending.append(pool.apply_async(_token_rows, (chunk,)))
        if len(pending) >= ahead:
            yield pending.popleft().get()
    while pending:
        yield pending.popleft().get()


# What the index needs of a normalised quote: its norms, content flags and ellipsis pieces.
_TokenRow = tuple[tuple[str, ...], tuple[bool, ...], tuple[tuple[int, int], ...]]


def _token_rows(texts: Sequence[str]) -> list[_TokenRow]:
    """Normalise texts (on a worker process): a few strings and ints per quote travel back, not the object."""
    rows: list[_TokenRow] = []
    for text in texts:
        normal = normalise(text)
        rows.append((normal.norms, normal.content, normal.pieces))
    return rows


class _BigramIndex:
    """Packed bigrams of every quote's pieces, with the document frequency of each."""

    def __init__(
        self, bigrams: Ints, piece_of: Ints, quote_of_piece: Ints, lengths: Ints, pieces: Ints, max_posting: int
    ) -> None:
        self.count = len(lengths)
        self.lengths = lengths
        self.pieces = pieces  # non-empty pieces of each quote
        self.piece_of = piece_of
        self.quote_of_piece = quote_of_piece
        quote_of = quote_of_piece[piece_of]
        # Postings: each (bigram, quote) once, sorted by bigram then quote.
        order = numpy.lexsort((quote_of, bigrams))
        sorted_bigrams, sorted_quotes = bigrams[order], quote_of[order]
        del order, quote_of
        first = numpy.ones(len(sorted_bigrams), dtype=bool)
        first[1:] = (sorted_bigrams[1:] != sorted_bigrams[:-1]) | (sorted_quotes[1:] != sorted_quotes[:-1])
        self.posting_quotes = sorted_quotes[first]
        self.unique, self.starts, self.df = numpy.unique(sorted_bigrams[first], return_index=True, return_counts=True)
        del sorted_bigrams, sorted_quotes, first
        self.element_bigram = numpy.searchsorted(self.unique, bigrams)  # index into unique, per element
        element_df = self.df[self.element_bigram]
        self.usable = (element_df >= 2) & (element_df <= max_posting)
        self.element_df = element_df
        # Usable bigrams of each piece, and the smallest such count over a quote's pieces (0 if none).
        usable_per_piece = numpy.bincount(piece_of[self.usable], minlength=len(quote_of_piece))
        big = numpy.iinfo(numpy.int64).max
        per_piece = numpy.where(usable_per_piece > 0, usable_per_piece, big)
        smallest = numpy.full(self.count, big, dtype=numpy.int64)
        numpy.minimum.at(smallest, quote_of_piece, per_piece)
        self.usable_per_piece = usable_per_piece
        self.smallest: list[int] = numpy.where(smallest == big, 0, smallest).tolist()

    @classmethod
    def build(cls, rows: Iterable[_TokenRow], max_posting: int | None = None) -> _BigramIndex:
        """Keep each quote's pieces' bigrams as (token id << 32 | token id), from its normalised tokens."""
        vocabulary: dict[str, int] = {}
        bigrams = array("q")
        piece_lengths = array("q")
        quote_of_piece = array("q")
        lengths = array("q")
        pieces = array("q")
        for number, (norms, content, quote_pieces) in enumerate(rows):
            ids = [vocabulary.setdefault(norm, len(vocabulary)) for norm in norms]
            kept = 0
            for start, end in quote_pieces:
                piece = {ids[k] << 32 | ids[k + 1] for k in range(start, end - 1) if content[k] or content[k + 1]}
                if piece:
                    bigrams.extend(piece)
                    piece_lengths.append(len(piece))
                    quote_of_piece.append(number)
                    kept += 1
            lengths.append(len(norms))
            pieces.append(kept)
        # Renumber tokens in string order: then packed bigrams sort as "first second" strings do.
        words = sorted(vocabulary, key=vocabulary.__getitem__)
        rank = numpy.empty(len(words), dtype=numpy.int64)
        rank[numpy.array(sorted(range(len(words)), key=words.__getitem__), dtype=numpy.int64)] = numpy.arange(
            len(words), dtype=numpy.int64
        )
        packed = numpy.array(bigrams, dtype=numpy.int64)
        packed = rank[packed >> 32] << 32 | rank[packed & 0xFFFFFFFF]
        piece_array = numpy.array(piece_lengths, dtype=numpy.int64)
        piece_of = numpy.repeat(numpy.arange(len(piece_array), dtype=numpy.int64), piece_array)
        return cls(
            packed,
            piece_of,
            numpy.array(quote_of_piece, dtype=numpy.int64),
            numpy.array(lengths, dtype=numpy.int64),
            numpy.array(pieces, dtype=numpy.int64),
            posting_limit(len(lengths)) if max_posting is None else max_posting,
        )

    def supported_pairs(self) -> tuple[Ints, Ints]:
        """Pair keys (a * count + b, a < b, sorted) and their support, as `candidate_pairs` sums it."""
        usable = numpy.flatnonzero(self.usable)
        piece = self.piece_of[usable]
        # Each piece's few rarest usable bigrams, ties broken by the bigram (its string order).
        order = numpy.lexsort((self.element_bigram[usable], self.element_df[usable], piece))
        usable, piece = usable[order], piece[order]
        piece_start = numpy.ones(len(piece), dtype=bool)
        piece_start[1:] = piece[1:] != piece[:-1]
        first_of_run = numpy.maximum.accumulate(numpy.where(piece_start, numpy.arange(len(piece)), 0))
        chosen = usable[numpy.arange(len(piece)) - first_of_run < rarest_bigrams(self.count)]
        chosen_piece = self.piece_of[chosen]
        proposer = self.quote_of_piece[chosen_piece]
        weight = numpy.where(self.usable_per_piece[chosen_piece] == 1, MIN_SHARED_BIGRAMS, 1)
        # A quote of one piece looks for fuller renderings only; a stitched one for any length.
        floor = numpy.where(self.pieces[proposer] > 1, 0, self.lengths[proposer])
        # Every quote in the posting of each chosen bigram.
        target = self.element_bigram[chosen]
        sizes = self.df[target]
        total = int(sizes.sum())
        owner = numpy.repeat(numpy.arange(len(chosen), dtype=numpy.int64), sizes)
        offsets = numpy.arange(total, dtype=numpy.int64) - numpy.repeat(numpy.cumsum(sizes) - sizes, sizes)
        partner = self.posting_quotes[self.starts[target][owner] + offsets]
        a = proposer[owner]
        keep = (partner != a) & (self.lengths[partner] >= floor[owner])
        a, partner, weights = a[keep], partner[keep], weight[owner][keep]
        keys = numpy.minimum(a, partner) * self.count + numpy.maximum(a, partner)
        unique, inverse = numpy.unique(keys, return_inverse=True)
        return unique, numpy.bincount(inverse, weights=weights).astype(numpy.int64)

    def usable_sets(self) -> _UsableSets:
        """The usable bigrams of a quote (all pieces), built when first asked for."""
        usable = numpy.flatnonzero(self.usable)
        quote = self.quote_of_piece[self.piece_of[usable]]
        order = numpy.argsort(quote, kind="stable")
        return _UsableSets(quote[order], self.element_bigram[usable][order])


class _UsableSets:
    """Quote -> frozenset of its usable bigram indices, from arrays sorted by quote.

    Only the last quote asked for is remembered: pairs come sorted by their first quote, which is asked
    for again and again; keeping every set would cost a kilobyte per quote of an archive.
    """

    def __init__(self, quotes: Ints, bigrams: Ints) -> None:
        self._bigrams = bigrams
        self._bounds = numpy.searchsorted(quotes, numpy.arange(int(quotes.max()) + 2 if len(quotes) else 1))
        self._last: tuple[int, frozenset[int]] = (-1, frozenset())

    def __call__(self, quote: int, *, remember: bool = False) -> frozenset[int]:
        if self._last[0] == quote:
            return self._last[1]
        if quote + 1 >= len(self._bounds):
            found: frozenset[int] = frozenset()
        else:
            found = frozenset(self._bigrams[self._bounds[quote] : self._bounds[quote + 1]].tolist())
        if remember:
            self._last = (quote, found)
        return found


# A connected part of the candidate graph: its quotes (sorted) and its candidate pairs (sorted).
_Part = tuple[list[int], list[tuple[int, int]]]


def _parts(pairs: Sequence[tuple[int, int]], count: int) -> list[_Part]:
    """Connected parts of the candidate graph: (quotes, sorted pairs), parts in order of their first quote."""
    parent = list(range(count))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        root_a, root_b = find(a), find(b)
        if root_a != root_b:
            parent[max(root_a, root_b)] = min(root_a, root_b)
    members: dict[int, set[int]] = defaultdict(set)
    edges: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for a, b in pairs:
        root = find(a)
        edges[root].append((a, b))
        members[root].update((a, b))
    return [(sorted(members[root]), edges[root]) for root in sorted(edges)]


def _tasks(parts: list[_Part]) -> Iterator[list[_Part]]:
    """Parts packed into tasks of about TASK_QUOTES quotes."""
    task: list[_Part] = []
    size = 0
    for part in parts:
        task.append(part)
        size += len(part[0])
        if size >= TASK_QUOTES:
            yield task
            task, size = [], 0
    if task:
        yield task


_TASK_QUOTES: Sequence[QuoteRef] | None = None


def _linking_pairs(pairs: Sequence[tuple[int, int]], min_similarity: float) -> list[tuple[int, int]]:
    """The candidate pairs that match (an edge of the grouping), each quote normalised once per task."""
    quotes = _TASK_QUOTES
    assert quotes is not None
    normalised: dict[int, NormalisedQuote] = {}
    linked: list[tuple[int, int]] = []
    for a, b in pairs:
        for i in (a, b):
            if i not in normalised:
                normalised[i] = normalise(quotes[i].text)
        if _match_pair(a, b, quotes, normalised, min_similarity) is not None:
            linked.append((a, b))
    return linked


def _group_task(
    task: list[_Part], min_similarity: float
) -> list[tuple[int, VariantGroup]]:
    """Group each part of a task on its own: normalise its quotes again, then the request's grouping."""
    quotes = _TASK_QUOTES
    assert quotes is not None
    rooted: list[tuple[int, VariantGroup]] = []
    for members, pairs in task:
        normalised = {i: normalise(quotes[i].text) for i in members}
        rooted.extend(groups_of_pairs(pairs, quotes, normalised, min_similarity))
    return rooted


def default_workers() -> int:
    """The cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


