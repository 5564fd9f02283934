"""The normalised quotes of an archive, kept flat: each quote normalised once, rebuilt on demand.

`normalise` costs ~70 µs a quote (regular expressions, contractions); rebuilding a `NormalisedQuote`
from these arrays costs ~5 µs. A million quotes of ~16 tokens hold ~16 million tokens: a few int32
arrays (~350 MB) instead of a million objects of seven tuples (~1.5 GB), and numpy arrays are not
touched by reference counting, so forked workers share them without copying pages.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy
import numpy.typing as npt

from service.variants.normalise import NormalisedQuote, normalise

Int32s = npt.NDArray[numpy.int32]
Int64s = npt.NDArray[numpy.int64]
Bools = npt.NDArray[numpy.bool_]

# One chunk of normalised quotes, as a worker sends it back: the chunk's distinct norms, then per
# token its norm (index into those), start, end, piece id, sentence id and content flag, then the
# number of tokens of each quote. Strings travel once per chunk, everything else as arrays.
TokenChunk = tuple[list[str], Int32s, Int32s, Int32s, Int32s, Int32s, Bools, Int64s]


def normalise_chunk(texts: Sequence[str]) -> TokenChunk:
    """Normalise texts (on a worker process) into one TokenChunk."""
    local: dict[str, int] = {}
    ids: list[int] = []
    starts: list[int] = []
    ends: list[int] = []
    piece_ids: list[int] = []
    sentences: list[int] = []
    content: list[bool] = []
    lengths: list[int] = []
    for text in texts:
        quote = normalise(text)
        ids.extend([local.setdefault(norm, len(local)) for norm in quote.norms])
        starts.extend(quote.starts)
        ends.extend(quote.ends)
        piece_ids.extend(quote.piece_ids)
        sentences.extend(quote.sentences)
        content.extend(quote.content)
        lengths.append(len(quote))
    return (
        list(local),
        numpy.array(ids, dtype=numpy.int32),
        numpy.array(starts, dtype=numpy.int32),
        numpy.array(ends, dtype=numpy.int32),
        numpy.array(piece_ids, dtype=numpy.int32),
        numpy.array(sentences, dtype=numpy.int32),
        numpy.array(content, dtype=numpy.bool_),
        numpy.array(lengths, dtype=numpy.int64),
    )


@dataclass(frozen=True)
class ArchiveTokens:
    """Every quote's tokens, quote after quote; `offsets[i]:offsets[i + 1]` are quote i's."""

    words: list[str]  # token id -> norm
    ids: Int32s
    starts: Int32s
    ends: Int32s
    piece_ids: Int32s
    sentences: Int32s
    content: Bools
    offsets: Int64s

    @classmethod
    def from_chunks(cls, chunks: Iterable[TokenChunk]) -> ArchiveTokens:
        """Join chunks in order, numbering each distinct norm once for the whole archive."""
        vocabulary: dict[str, int] = {}
        parts: list[list[npt.NDArray[numpy.generic]]] = [[] for _ in range(6)]
        lengths: list[Int64s] = []
        for words, ids, *columns, chunk_lengths in chunks:
            global_ids = numpy.array([vocabulary.setdefault(w, len(vocabulary)) for w in words], dtype=numpy.int32)
            parts[0].append(global_ids[ids] if len(ids) else ids)
            for column, array in zip(parts[1:], columns, strict=True):
                column.append(array)
            lengths.append(chunk_lengths)
        empty = [numpy.zeros(0, dtype=numpy.int32)] * 5 + [numpy.zeros(0, dtype=numpy.bool_)]
        joined = [numpy.concatenate(column) if column else blank for column, blank in zip(parts, empty, strict=True)]
        offsets = numpy.zeros(sum(len(x) for x in lengths) + 1, dtype=numpy.int64)
        if lengths:
            numpy.cumsum(numpy.concatenate(lengths), out=offsets[1:])
        ids, starts, ends, piece_ids, sentences = (numpy.asarray(column, dtype=numpy.int32) for column in joined[:5])
        content = numpy.asarray(joined[5], dtype=numpy.bool_)
        return cls(list(vocabulary), ids, starts, ends, piece_ids, sentences, content, offsets)

    @property
    def count(self) -> int:
        """Number of quotes."""
        return len(self.offsets) - 1

    def quote(self, index: int, text: str) -> NormalisedQuote:
        """`normalise(text)` of quote `index`, rebuilt from the arrays (text is not kept here)."""
        low, high = int(self.offsets[index]), int(self.offsets[index + 1])
        words = self.words
        return NormalisedQuote(
            text=text,
            norms=tuple([words[k] for k in self.ids[low:high].tolist()]),
            starts=tuple(self.starts[low:high].tolist()),
            ends=tuple(self.ends[low:high].tolist()),
            piece_ids=tuple(self.piece_ids[low:high].tolist()),
            sentences=tuple(self.sentences[low:high].tolist()),
            content=tuple(self.content[low:high].tolist()),
        )
