"""Candidate pairs over an archive, from numpy arrays, in blocks of bounded size.

Up to REQUEST_QUOTES quotes they are exactly `candidate_pairs`' (bigrams, its posting limit, its rarest
three or five per piece). Beyond, each piece proposes through its ARCHIVE_RAREST_NGRAMS rarest bigrams
and trigrams under `archive_posting_limit` (`candidate_index`); the support and shared-bigram rules
are the same, counted over those n-grams.

1. N-grams: the bigrams (and trigrams) of each piece (token ids packed into an int64, ids numbered in
   the tokens' string order, so ties break as the strings do in `candidate_pairs`), straight from the
   flat tokens of `ArchiveTokens`.
2. Postings, document frequencies and each piece's rarest usable n-grams (the proposers' entries)
   by numpy sorts.
3. Support: each proposer entry names every quote in its n-gram's posting. Materialising all of
   them at once is what did not scale (16.9 GB at a million quotes), so pairs are made in blocks of
   their first quote: block [low, high) takes, from every entry, the partners in [low, high) below
   the proposer, and from its own proposers the partners above them. A pair's support from either
   side lands in the block of its first quote, so each block sums its pairs completely, keeps those
   with support >= 2 and applies the shared-bigram test; blocks are independent (postings are sorted,
   so each range is two binary searches), and an archive makes them on its worker processes.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

import numpy
import numpy.typing as npt

from service.variants.archive_tokens import ArchiveTokens
from service.variants.groups import (
    MAX_POSTING,
    MIN_SHARED_BIGRAMS,
    MIN_SHARED_FRACTION,
    POSTING_REFERENCE_QUOTES,
    posting_limit,
    rarest_bigrams,
)

Ints = npt.NDArray[numpy.int64]

# Up to this many quotes (a request's sizes) the candidates are exactly `candidate_pairs`' ...
REQUEST_QUOTES = POSTING_REFERENCE_QUOTES
# ... beyond, an archive proposes through each piece's rarest bigrams *and trigrams*. Bigrams alone
# left short fragments and stitched pieces without a candidate once their few bigrams were all common
# ("preatar beasicus the": 213 and 1,130 quotes at 100,000), and the square-root growth of their
# posting limit that kept them made the candidates superlinear (1,335,043 at 300,000 quotes, a fifth
# of them linked). A trigram of common words is still rare, so the limit can grow much slower.
ARCHIVE_RAREST_NGRAMS = 6
ARCHIVE_POSTING_QUOTES = 80_000


def archive_posting_limit(quotes: int) -> int:
    """Most quotes an n-gram may be in and still propose candidates in an archive of `quotes` quotes."""
    return max(MAX_POSTING, math.ceil(MAX_POSTING * math.sqrt(quotes / ARCHIVE_POSTING_QUOTES)))


def candidate_index(tokens: ArchiveTokens) -> BigramIndex:
    """The request's bigram index up to REQUEST_QUOTES quotes, the archive's n-gram index beyond."""
    if tokens.count <= REQUEST_QUOTES:
        return BigramIndex(tokens)
    return BigramIndex(
        tokens, archive_posting_limit(tokens.count), trigrams=True, rarest=ARCHIVE_RAREST_NGRAMS
    )


# Partners a block may name at most (its arrays hold ~50 bytes each): bounds memory, not the result.
BLOCK_CONTRIBUTIONS = 6_000_000


class BigramIndex:
    """Packed bigrams of every quote's pieces, their postings and the proposers' rarest bigrams."""

    def __init__(
        self,
        tokens: ArchiveTokens,
        max_posting: int | None = None,
        *,
        trigrams: bool = False,
        rarest: int | None = None,
        sharing: bool = True,
    ) -> None:
        count = tokens.count
        self.count = count
        self.rarest = rarest_bigrams(count) if rarest is None else rarest
        self.sharing = sharing
        self._entries: tuple[Ints, Ints, Ints, Ints] | None = None
        lengths = numpy.diff(tokens.offsets)
        self.lengths = lengths
        bigrams, piece_of, quote_of_piece = _piece_bigrams(tokens, trigrams=trigrams)
        self.pieces = numpy.bincount(quote_of_piece, minlength=count)  # non-empty pieces of each quote
        self.piece_of = piece_of
        self.quote_of_piece = quote_of_piece
        quote_of = quote_of_piece[piece_of]
        # Postings: each (bigram, quote) once, sorted by bigram then quote.
        order = numpy.lexsort((quote_of, bigrams))
        sorted_bigrams, sorted_quotes = bigrams[order], quote_of[order]
        del order
        first = numpy.ones(len(sorted_bigrams), dtype=bool)
        first[1:] = (sorted_bigrams[1:] != sorted_bigrams[:-1]) | (sorted_quotes[1:] != sorted_quotes[:-1])
        self.posting_quotes = sorted_quotes[first]
        unique, self.starts, self.df = numpy.unique(sorted_bigrams[first], return_index=True, return_counts=True)
        del sorted_bigrams, sorted_quotes, first
        self.element_bigram = numpy.searchsorted(unique, bigrams)  # index into the unique bigrams, per element
        self.bigram_count = len(unique)
        del unique, bigrams
        element_df = self.df[self.element_bigram]
        limit = posting_limit(count) if max_posting is None else max_posting
        self.usable = (element_df >= 2) & (element_df <= limit)
        self.element_df = element_df
        # Usable bigrams of each piece, and the smallest such count over a quote's pieces (0 if none).
        usable_per_piece = numpy.bincount(piece_of[self.usable], minlength=len(quote_of_piece))
        big = numpy.iinfo(numpy.int64).max
        per_piece = numpy.where(usable_per_piece > 0, usable_per_piece, big)
        smallest = numpy.full(count, big, dtype=numpy.int64)
        numpy.minimum.at(smallest, quote_of_piece, per_piece)
        self.usable_per_piece = usable_per_piece
        self.smallest = numpy.where(smallest == big, 0, smallest)
        self._usable_by_quote()

    def _usable_by_quote(self) -> None:
        """Each quote's distinct usable bigrams (all pieces), sorted, for the shared-bigram test."""
        usable = numpy.flatnonzero(self.usable)
        quote = self.quote_of_piece[self.piece_of[usable]]
        keys = numpy.unique(quote * self.bigram_count + self.element_bigram[usable])
        self.usable_bigrams = keys % self.bigram_count
        self.usable_bounds = numpy.searchsorted(keys // self.bigram_count, numpy.arange(self.count + 1))

    def proposer_entries(self) -> tuple[Ints, Ints, Ints, Ints]:
        """(proposer, bigram, weight, floor) of each piece's few rarest usable bigrams, as `candidate_pairs`."""
        usable = numpy.flatnonzero(self.usable)
        piece = self.piece_of[usable]
        # Each piece's few rarest usable bigrams, ties broken by the bigram (its string order).
        order = numpy.lexsort((self.element_bigram[usable], self.element_df[usable], piece))
        usable, piece = usable[order], piece[order]
        piece_start = numpy.ones(len(piece), dtype=bool)
        piece_start[1:] = piece[1:] != piece[:-1]
        first_of_run = numpy.maximum.accumulate(numpy.where(piece_start, numpy.arange(len(piece)), 0))
        chosen = usable[numpy.arange(len(piece)) - first_of_run < self.rarest]
        chosen_piece = self.piece_of[chosen]
        proposer = self.quote_of_piece[chosen_piece]
        weight = numpy.where(self.usable_per_piece[chosen_piece] == 1, MIN_SHARED_BIGRAMS, 1)
        # A quote of one piece looks for fuller renderings only; a stitched one for any length.
        floor = numpy.where(self.pieces[proposer] > 1, 0, self.lengths[proposer])
        bigram = self.element_bigram[chosen]
        by_bigram = numpy.lexsort((proposer, bigram))  # searches below then walk the postings in order
        return proposer[by_bigram], bigram[by_bigram], weight[by_bigram], floor[by_bigram]

    def candidate_blocks(self) -> Iterator[Ints]:
        """Candidate pair keys (a * count + b, a < b), sorted, block after block of first quotes."""
        for low, high in self.block_bounds():
            yield self.block(low, high)

    def block_bounds(self) -> list[tuple[int, int]]:
        """Ranges of first quotes, each naming about BLOCK_CONTRIBUTIONS partners (see `block`)."""
        self._prepare()
        assert self._entries is not None
        return _block_bounds(self.count, int(self.df[self._entries[1]].sum()))

    def _prepare(self) -> None:
        """Proposer entries and sorted posting keys, once; the per-element arrays are no longer needed then."""
        if self._entries is not None:
            return
        self._entries = self.proposer_entries()
        self.posting_keys = numpy.repeat(numpy.arange(self.bigram_count, dtype=numpy.int64), self.df) * self.count
        self.posting_keys += self.posting_quotes
        self.posting_end = self.starts + self.df
        # Hundreds of MB at a million quotes: dropped before the blocks (and the workers that make them).
        del self.piece_of, self.element_bigram, self.element_df, self.usable

    def block(self, low: int, high: int) -> Ints:
        """Candidate pair keys, sorted, of the pairs whose first quote is in [low, high)."""
        self._prepare()
        assert self._entries is not None
        proposer, bigram, weight, floor = self._entries
        count, posting_keys = self.count, self.posting_keys
        # Entries of proposers below the block name no partner in it that is a pair's first quote.
        mine = proposer >= low
        p, b = proposer[mine], bigram[mine] * count
        entry = numpy.flatnonzero(mine)
        # Partners in [low, min(proposer, high)): the pair's first quote is the partner.
        begin = numpy.searchsorted(posting_keys, b + low)
        end = numpy.searchsorted(posting_keys, b + numpy.minimum(p, high))
        inside = p < high
        # Partners above a proposer of the block: the proposer is the first quote.
        begin_up = numpy.searchsorted(posting_keys, b[inside] + p[inside], side="right")
        end_up = self.posting_end[bigram[entry[inside]]]
        return self._supported(
            numpy.concatenate((entry, entry[inside])),
            numpy.concatenate((begin, begin_up)),
            numpy.concatenate((end, end_up)),
            proposer,
            weight,
            floor,
        )

    def _supported(self, entry: Ints, begin: Ints, end: Ints, proposer: Ints, weight: Ints, floor: Ints) -> Ints:
        """Pairs named by posting ranges [begin, end) of entries, with support >= 2, that pass the test."""
        sizes = end - begin
        keep_ranges = sizes > 0
        entry, begin, sizes = entry[keep_ranges], begin[keep_ranges], sizes[keep_ranges]
        named = _expand(begin, sizes)
        owner = numpy.repeat(entry, sizes)
        partner = self.posting_quotes[named]
        del named
        fits = self.lengths[partner] >= floor[owner]
        partner, owner = partner[fits], owner[fits]
        a = proposer[owner]
        keys = numpy.minimum(a, partner) * self.count + numpy.maximum(a, partner)
        del a, partner
        unique, inverse = numpy.unique(keys, return_inverse=True)
        support = numpy.bincount(inverse, weights=weight[owner])
        del keys, inverse, owner
        return self._sharing(unique[support >= MIN_SHARED_BIGRAMS])

    def _sharing(self, keys: Ints) -> Ints:
        """The pairs whose quotes share enough usable bigrams (`_bigrams_needed` of their smallest pieces)."""
        if not len(keys) or not self.sharing:
            return keys
        a, b = keys // self.count, keys % self.count
        bounds = self.usable_bounds
        sizes_a, sizes_b = bounds[a + 1] - bounds[a], bounds[b + 1] - bounds[b]
        pair = numpy.arange(len(keys), dtype=numpy.int64)
        both = numpy.concatenate((
            numpy.repeat(pair, sizes_a) * self.bigram_count + self.usable_bigrams[_expand(bounds[a], sizes_a)],
            numpy.repeat(pair, sizes_b) * self.bigram_count + self.usable_bigrams[_expand(bounds[b], sizes_b)],
        ))
        both.sort()
        twice = both[1:][both[1:] == both[:-1]] // self.bigram_count
        shared = numpy.bincount(twice, minlength=len(keys))
        smallest = numpy.minimum(self.smallest[a], self.smallest[b])
        needed = numpy.maximum(
            numpy.minimum(MIN_SHARED_BIGRAMS, smallest), numpy.ceil(smallest * MIN_SHARED_FRACTION).astype(numpy.int64)
        )
        return keys[shared >= needed]


def _expand(begin: Ints, sizes: Ints) -> Ints:
    """Concatenated ranges [begin[i], begin[i] + sizes[i])."""
    total = int(sizes.sum())
    if not total:
        return numpy.zeros(0, dtype=numpy.int64)
    offsets = numpy.arange(total, dtype=numpy.int64) - numpy.repeat(numpy.cumsum(sizes) - sizes, sizes)
    return numpy.repeat(begin, sizes) + offsets


def _block_bounds(count: int, contributions: int) -> list[tuple[int, int]]:
    """Ranges of first quotes holding about BLOCK_CONTRIBUTIONS named partners each.

    A pair's first quote is the smaller of two, so pairs crowd the low numbers (density 2(1 - x)):
    bounds are spaced by that, not evenly.
    """
    blocks = max(1, math.ceil(contributions / BLOCK_CONTRIBUTIONS))
    edges = sorted({round(count * (1 - math.sqrt(1 - k / blocks))) for k in range(blocks + 1)})
    edges[-1] = count
    return [(low, high) for low, high in zip(edges, edges[1:], strict=False) if high > low] or [(0, count)]


def _piece_bigrams(tokens: ArchiveTokens, *, trigrams: bool = False) -> tuple[Ints, Ints, Ints]:
    """(packed bigram, piece) of each distinct bigram of each non-empty piece, and each piece's quote.

    A bigram is two tokens of one piece, not both function words (as `_piece_shingles`); pieces are
    numbered in quote order, then piece order, counting only pieces with a bigram.
    """
    ids = tokens.ids
    quote_of_token = numpy.repeat(numpy.arange(tokens.count, dtype=numpy.int64), numpy.diff(tokens.offsets))
    # Renumber tokens in string order: then packed bigrams sort as "first second" strings do.
    words = tokens.words
    rank = numpy.empty(len(words), dtype=numpy.int64)
    rank[numpy.array(sorted(range(len(words)), key=words.__getitem__), dtype=numpy.int64)] = numpy.arange(
        len(words), dtype=numpy.int64
    )
    same_piece = (quote_of_token[1:] == quote_of_token[:-1]) & (tokens.piece_ids[1:] == tokens.piece_ids[:-1])
    new_piece = numpy.ones(len(ids), dtype=bool)
    new_piece[1:] = ~same_piece
    piece_of_token = numpy.cumsum(new_piece) - 1
    at = numpy.flatnonzero(same_piece & (tokens.content[1:] | tokens.content[:-1]))
    ranked = rank[ids]
    packed = ranked[at] << 32 | ranked[at + 1]
    piece = piece_of_token[at]
    if trigrams:
        packed, piece = _with_trigrams(packed, piece, ranked, same_piece, tokens.content, piece_of_token, len(words))
    del ranked
    order = numpy.lexsort((packed, piece))
    packed, piece = packed[order], piece[order]
    distinct = numpy.ones(len(packed), dtype=bool)
    distinct[1:] = (packed[1:] != packed[:-1]) | (piece[1:] != piece[:-1])
    packed, piece = packed[distinct], piece[distinct]
    pieces, piece_of = numpy.unique(piece, return_inverse=True)
    first_token = numpy.searchsorted(piece_of_token, pieces)
    return packed, piece_of.astype(numpy.int64), quote_of_token[first_token]


TRIGRAM_FLAG = 1 << 62


def _with_trigrams(
    packed: Ints, piece: Ints, ranked: Ints, same_piece: npt.NDArray[numpy.bool_], content: npt.NDArray[numpy.bool_],
    piece_of_token: Ints, vocabulary: int,
) -> tuple[Ints, Ints]:
    """Bigrams plus the trigrams of three tokens of one piece with a content word, keyed above every bigram."""
    three = numpy.flatnonzero(same_piece[:-1] & same_piece[1:] & (content[:-2] | content[1:-1] | content[2:]))
    _, first_two = numpy.unique(ranked[three] << 32 | ranked[three + 1], return_inverse=True)
    trigram = TRIGRAM_FLAG | (first_two.astype(numpy.int64) * vocabulary + ranked[three + 2])
    return numpy.concatenate((packed, trigram)), numpy.concatenate((piece, piece_of_token[three]))
