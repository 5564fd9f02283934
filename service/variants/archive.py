"""Variant groups over an archive (a million quotes): the request's engine, part by part, in bounded memory.

Up to `archive_candidates.REQUEST_QUOTES` quotes (5,000, more than a request holds)
`group_archive_variants(quotes)` returns exactly `group_variants(quotes)`. Beyond, only the candidate
pairs differ: they come from each piece's rarest bigrams *and trigrams* (`archive_candidates.candidate_index`),
which found more of bench/variants.py's planted variants with fewer pairs; every pair is still decided
by `_match_pair` and grouped by `groups_of_edges`, as in a request.

1. Tokens: every quote is normalised once, on worker processes, into flat arrays (`ArchiveTokens`);
   later steps rebuild a quote's `NormalisedQuote` from them at a fourteenth of the cost.
2. Candidates: from numpy arrays of packed n-grams, made in blocks of their first quote so that memory
   stays bounded, the blocks on worker processes (`archive_candidates`).
3. Edges: the candidate pairs, in chunks on worker processes, are matched as `group_variants`
   matches them; the pairs that link are kept with their matches (`LinkedEdges`, a few arrays).
4. Parts: the connected parts of the linked pairs. Nothing in grouping crosses a part (a root, a
   stitched member, a described member are all linked), so each part is grouped by
   `groups_of_edges` alone, from the edges matched in step 3; groups are merged back in root order
   and numbered. (Parts of the candidate graph would not do: chance candidates join most quotes into one.)
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, MutableMapping, Sequence
from typing import Any, TypeVar

import numpy
import numpy.typing as npt

from service.variants.archive_candidates import BigramIndex, candidate_index
from service.variants.archive_edges import LinkedEdges
from service.variants.archive_tokens import ArchiveTokens, normalise_chunk
from service.variants.groups import DEFAULT_MIN_SIMILARITY, _Edge, _match_pair, groups_of_edges, numbered
from service.variants.normalise import NormalisedQuote
from service.variants.types import QuoteRef, VariantGroup

# Quotes per task of a worker process: quotes are normalised, and parts grouped, in tasks of about this size.
TASK_QUOTES = 5_000
# Candidate pairs per task: pairs are sorted by their first quote, which is rebuilt once per task.
TASK_PAIRS = 20_000

Ints = npt.NDArray[numpy.int64]
_Result = TypeVar("_Result")

# What worker processes read (set before they are forked, so they share it without a copy).
_QUOTES: Sequence[QuoteRef] | None = None
_TOKENS: ArchiveTokens | None = None
_PAIRS: Ints | None = None
_EDGES: LinkedEdges | None = None
_INDEX: BigramIndex | None = None


def group_archive_variants(
    quotes: Sequence[QuoteRef],
    *,
    min_similarity: float = DEFAULT_MIN_SIMILARITY,
    workers: int = 1,
    stats: MutableMapping[str, float] | None = None,
) -> list[VariantGroup]:
    """Variant groups of an archive on `workers` processes (`group_variants(quotes)` up to REQUEST_QUOTES quotes).

    `stats` (if given) gets counts and seconds per step.
    """
    global _QUOTES, _TOKENS, _PAIRS, _EDGES
    record = _Recorder(stats)
    tokens = archive_tokens(quotes, workers=workers)
    record.step("normalise")
    pairs = _candidate_keys(tokens, workers)
    record.step("candidates", candidates=len(pairs))
    _QUOTES, _TOKENS, _PAIRS = quotes, tokens, pairs
    try:
        chunks = [(i, min(i + TASK_PAIRS, len(pairs)), min_similarity) for i in range(0, len(pairs), TASK_PAIRS)]
        linked = LinkedEdges.join(_run(_linking_pairs, chunks, workers))
        _PAIRS = None
        del pairs
        record.step("match", linked=len(linked.keys))
        _EDGES = linked
        tasks = [(task, min_similarity) for task in _tasks(_parts(linked.keys, tokens.count))]
        results = _run(_group_task, tasks, workers)
    finally:
        _QUOTES = _TOKENS = _PAIRS = _EDGES = None
    rooted = sorted((item for result in results for item in result), key=lambda item: item[0])
    groups = numbered(rooted)
    record.step("group", groups=len(groups))
    return groups


class _Recorder:
    """Wall and CPU seconds of each step (CPU of this process and its finished workers), and a few counts."""

    def __init__(self, stats: MutableMapping[str, float] | None) -> None:
        self._stats = stats
        self._last = (time.perf_counter(), _cpu_seconds())

    def step(self, name: str, **counts: float) -> None:
        now = (time.perf_counter(), _cpu_seconds())
        if self._stats is not None:
            self._stats[f"{name}_seconds"] = round(now[0] - self._last[0], 2)
            self._stats[f"{name}_cpu"] = round(now[1] - self._last[1], 2)
            self._stats.update(counts)
        self._last = now


def _cpu_seconds() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _run(function: Callable[..., _Result], tasks: Sequence[tuple[Any, ...]], workers: int) -> list[_Result]:
    """`function(*task)` for every task, in order: on `workers` forked processes when there is enough to share."""
    if workers > 1 and len(tasks) > 1:
        # fork: the workers see the quotes, tokens and pairs (module globals) without a copy through a pipe
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            return pool.starmap(function, tasks, chunksize=1)
    return [function(*task) for task in tasks]


def archive_tokens(quotes: Sequence[QuoteRef], *, workers: int = 1) -> ArchiveTokens:
    """Every quote normalised once (on `workers` processes), joined into flat arrays."""
    texts = [quote.text for quote in quotes]
    chunks = [texts[i : i + TASK_QUOTES] for i in range(0, len(texts), TASK_QUOTES)]
    if workers > 1 and len(chunks) > 1:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            # imap keeps the order and a few results in flight, not every chunk's at once
            return ArchiveTokens.from_chunks(pool.imap(normalise_chunk, chunks))
    return ArchiveTokens.from_chunks(map(normalise_chunk, chunks))


def archive_candidate_pairs(quotes: Sequence[QuoteRef], *, workers: int = 1) -> list[tuple[int, int]]:
    """Sorted candidate pairs: `candidate_pairs`' up to REQUEST_QUOTES quotes, the archive's n-gram ones beyond."""
    keys = _candidate_keys(archive_tokens(quotes, workers=workers), workers)
    count = len(quotes)
    return list(zip((keys // count).tolist(), (keys % count).tolist(), strict=True))


def _candidate_keys(tokens: ArchiveTokens, workers: int = 1) -> Ints:
    """Candidate pairs as sorted keys a * count + b (a < b), the blocks made on `workers` processes."""
    global _INDEX
    if tokens.count < 2:
        return numpy.zeros(0, dtype=numpy.int64)
    _INDEX = candidate_index(tokens)
    try:
        blocks = _run(_candidate_block, _INDEX.block_bounds(), workers)
    finally:
        _INDEX = None
    return numpy.concatenate([numpy.zeros(0, dtype=numpy.int64), *blocks])


def _candidate_block(low: int, high: int) -> Ints:
    """The candidate keys of one block of first quotes (on a worker)."""
    assert _INDEX is not None
    return _INDEX.block(low, high)


# A connected part of the graph of linked pairs: its quotes (sorted) and its edges (indices, in pair order).
_Part = tuple[list[int], list[int]]


def _parts(keys: Ints, count: int) -> list[_Part]:
    """Connected parts of the graph of sorted pair keys: (quotes, key indices), in order of their first quote."""
    pairs = list(zip((keys // count).tolist(), (keys % count).tolist(), strict=True))
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
    edges: dict[int, list[int]] = defaultdict(list)
    for index, (a, b) in enumerate(pairs):
        root = find(a)
        edges[root].append(index)
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


def _rebuilt(index: int) -> NormalisedQuote:
    """The normalised quote `index` of the archive being grouped (on a worker)."""
    assert _QUOTES is not None and _TOKENS is not None
    return _TOKENS.quote(index, _QUOTES[index].text)


def _linking_pairs(start: int, stop: int, min_similarity: float) -> LinkedEdges:
    """The candidate pairs [start, stop) that match (the edges of the grouping), with their matches."""
    quotes, pairs = _QUOTES, _PAIRS
    assert quotes is not None and pairs is not None
    count = len(quotes)
    keys = pairs[start:stop]
    normalised: dict[int, NormalisedQuote] = {}
    linked: list[tuple[int, _Edge]] = []
    for key, a, b in zip(keys.tolist(), (keys // count).tolist(), (keys % count).tolist(), strict=True):
        for i in (a, b):
            if i not in normalised:
                normalised[i] = _rebuilt(i)
        edge = _match_pair(a, b, quotes, normalised, min_similarity)
        if edge is not None:
            linked.append((key, edge))
    return LinkedEdges.of(linked)


def _group_task(task: list[_Part], min_similarity: float) -> list[tuple[int, VariantGroup]]:
    """Group each part of a task on its own: its quotes rebuilt, its edges as matched before."""
    quotes, edges = _QUOTES, _EDGES
    assert quotes is not None and edges is not None
    rooted: list[tuple[int, VariantGroup]] = []
    for members, edge_indices in task:
        normalised = {i: _rebuilt(i) for i in members}
        part_edges = [edges.edge(k, normalised) for k in edge_indices]
        rooted.extend(groups_of_edges(part_edges, quotes, normalised, min_similarity))
    return rooted


def default_workers() -> int:
    """The cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


