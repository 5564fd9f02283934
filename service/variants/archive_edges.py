"""The matched pairs of an archive, kept as arrays between matching and grouping.

Grouping a part needs the match of each of its linked pairs. Matching them again cost as much as
matching every candidate had cost for the linked ones (an alignment each); a million objects with
tuples of token pairs would cost more than a gigabyte. An edge here is a few numbers and its token
pairs as int32: ~150 bytes. Its word changes are recomputed from them (`match._changes`, cheap and
exactly what `relate` computed).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy
import numpy.typing as npt

from service.variants.groups import _Edge
from service.variants.match import Match, _changes
from service.variants.normalise import NormalisedQuote
from service.variants.types import RELATIONS

Ints = npt.NDArray[numpy.int64]


@dataclass(frozen=True)
class LinkedEdges:
    """Edges in pair-key order: key, member, container, relation, similarity, foreign and token pairs."""

    keys: Ints
    members: Ints
    containers: Ints
    relations: npt.NDArray[numpy.int8]  # index into RELATIONS
    similarities: npt.NDArray[numpy.float64]
    foreign: npt.NDArray[numpy.bool_]
    pair_offsets: Ints  # edge k's token pairs are token_pairs[pair_offsets[k]:pair_offsets[k + 1]]
    token_pairs: npt.NDArray[numpy.int32]  # (member token, container token) rows

    @classmethod
    def of(cls, linked: Sequence[tuple[int, _Edge]]) -> LinkedEdges:
        """Arrays of (pair key, edge) in order."""
        sizes = [len(edge.match.pairs) for _, edge in linked]
        offsets = numpy.zeros(len(linked) + 1, dtype=numpy.int64)
        numpy.cumsum(sizes, out=offsets[1:])
        token_pairs = numpy.array(
            [pair for _, edge in linked for pair in edge.match.pairs], dtype=numpy.int32
        ).reshape(-1, 2)
        return cls(
            numpy.array([key for key, _ in linked], dtype=numpy.int64),
            numpy.array([edge.member for _, edge in linked], dtype=numpy.int64),
            numpy.array([edge.container for _, edge in linked], dtype=numpy.int64),
            numpy.array([RELATIONS.index(edge.match.relation) for _, edge in linked], dtype=numpy.int8),
            numpy.array([edge.match.similarity for _, edge in linked], dtype=numpy.float64),
            numpy.array([edge.match.foreign for _, edge in linked], dtype=numpy.bool_),
            offsets,
            token_pairs,
        )

    @classmethod
    def join(cls, parts: Sequence[LinkedEdges]) -> LinkedEdges:
        """The parts one after the other (their keys in order)."""
        if not parts:
            return cls.of([])
        offsets = [parts[0].pair_offsets[:1]]
        shift = 0
        for part in parts:
            offsets.append(part.pair_offsets[1:] + shift)
            shift += int(part.pair_offsets[-1])
        return cls(
            numpy.concatenate([p.keys for p in parts]),
            numpy.concatenate([p.members for p in parts]),
            numpy.concatenate([p.containers for p in parts]),
            numpy.concatenate([p.relations for p in parts]),
            numpy.concatenate([p.similarities for p in parts]),
            numpy.concatenate([p.foreign for p in parts]),
            numpy.concatenate(offsets),
            numpy.concatenate([p.token_pairs for p in parts]),
        )

    def edge(self, index: int, normalised: Mapping[int, NormalisedQuote]) -> _Edge:
        """Edge `index` as `_match_pair` returned it (the quotes of its part normalised)."""
        member, container = int(self.members[index]), int(self.containers[index])
        rows = self.token_pairs[self.pair_offsets[index] : self.pair_offsets[index + 1]].tolist()
        pairs = tuple((i, j) for i, j in rows)
        match = Match(
            relation=RELATIONS[self.relations[index]],
            similarity=float(self.similarities[index]),
            pairs=pairs,
            changes=_changes(normalised[member], normalised[container], pairs),
            foreign=bool(self.foreign[index]),
        )
        return _Edge(member, container, match)
