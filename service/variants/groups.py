"""Candidate index and grouping over all quotes of a request, sub-quadratic.

1. Index: every quote's word bigrams (within one ellipsis piece, not both function words) in an
   inverted index. A bigram found in more than `MAX_POSTING` quotes (more in an archive, see
   `posting_limit`) is skipped: it is a stock phrase
   ("the american"), and keeping it would make the candidate count quadratic.
2. Candidates: each piece proposes the quotes holding its rarest bigrams; a pair is kept when it
   shares enough bigrams. Only those pairs are aligned (`match.relate`), never all pairs.
3. Roots: each quote hangs under its fullest container (longest, then first); following containers
   up gives a root, the fullest rendering. Stitched quotes hang under every root they quote from.
4. Groups: a root's members are split by the sentences of the root they render, so "We have natural
   conflict." and "mutual love" (two sentences of one answer) make two groups.
"""

from __future__ import annotations

import dataclasses
import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from service.variants.match import Match, relate
from service.variants.normalise import NormalisedQuote, normalise
from service.variants.types import QuoteRef, VariantGroup, VariantMember

# Lowest similarity (2 * matched words / (member words + rendered words)) of a reworded or
# stitched rendering. Seeds: "could" / "can" scores 0.94, Carney's condensed sentence 0.85. On
# PolNeAR, with the evidence rules of match.py, long rewordings kept 8 links within a week at 0.6
# and 0.7 (0.2 by chance), 5 at 0.8. Similarity alone does not stop near-misses ("We have natural
# conflict." / "We've got to stamp it out." scores 0.67 on "we have"): the evidence rules do.
DEFAULT_MIN_SIMILARITY = 0.6

# A bigram in more quotes than this is too common to propose candidates (see module docstring)...
MAX_POSTING = 40
# ... in a request of up to this many quotes. Beyond, the limit grows with the square root of the
# number of quotes: in an archive a remark's own words recur far more often by chance, and with a
# fixed 40 the planted variants of bench/variants.py lost their candidates (candidate recall 0.981
# at 100,000 quotes; 0.9915 with 120, 0.994 with 400), while stock phrases still stay out.
POSTING_REFERENCE_QUOTES = 5_000

# Bigrams two quotes must share to be aligned (fewer only when a quote has fewer usable ones).
MIN_SHARED_BIGRAMS = 2

# Bigrams per piece that propose candidates: its rarest ones (see candidate_pairs)...
RAREST_BIGRAMS = 3
# ... and in an archive (over POSTING_REFERENCE_QUOTES quotes), where a reworded word's new bigrams
# are more often in another quote by chance and crowd out the shared ones: with 3, candidates held
# 0.974 of bench/variants.py's planted rewordings at 100,000 quotes, with 5, 0.998 (4% more pairs).
ARCHIVE_RAREST_BIGRAMS = 5

# Share of the smaller piece's bigrams that two quotes must have in common (see _bigrams_needed).
MIN_SHARED_FRACTION = 1 / 3


# Normalised quotes by index: a list for a request, a dict of one part of an archive.
_Normalised = Mapping[int, NormalisedQuote] | Sequence[NormalisedQuote]


@dataclass(frozen=True)
class _Edge:
    """A gated match of `member` inside the fuller `container` (indices into the request)."""

    member: int
    container: int
    match: Match


def group_variants(quotes: Sequence[QuoteRef], *, min_similarity: float = DEFAULT_MIN_SIMILARITY) -> list[VariantGroup]:
    """Group quotes that render one utterance (across and within articles)."""
    normalised = [normalise(q.text) for q in quotes]
    return numbered(groups_of_pairs(sorted(candidate_pairs(normalised)), quotes, normalised, min_similarity))


def groups_of_pairs(
    pairs: Iterable[tuple[int, int]],
    quotes: Sequence[QuoteRef],
    normalised: Mapping[int, NormalisedQuote] | Sequence[NormalisedQuote],
    min_similarity: float,
) -> list[tuple[int, VariantGroup]]:
    """Groups (each with its root's index, in root order) from sorted candidate pairs, ids not yet set.

    Everything here stays inside connected parts of the candidate graph, so an archive can be grouped
    part by part (`service.variants.archive`), with `normalised` holding only that part's quotes.
    """
    edges = [
        edge
        for a, b in pairs
        if (edge := _match_pair(a, b, quotes, normalised, min_similarity)) is not None
    ]
    return groups_of_edges(edges, quotes, normalised, min_similarity)


def groups_of_edges(
    edges: Sequence[_Edge], quotes: Sequence[QuoteRef], normalised: _Normalised, min_similarity: float
) -> list[tuple[int, VariantGroup]]:
    """`groups_of_pairs` from the matched pairs (in sorted pair order): an archive matches them beforehand."""
    roots = _assign_roots(edges, normalised)
    groups = _split_by_sentence(roots, normalised)
    direct = {(e.member, e.container): e.match for e in edges}
    return [
        (root, group)
        for root, members in groups
        if (group := _build_group(root, members, quotes, normalised, direct, min_similarity)) is not None
    ]


def numbered(rooted: Iterable[tuple[int, VariantGroup]]) -> list[VariantGroup]:
    """The groups with their ids, "g1", "g2", ... in the order given (root order)."""
    return [dataclasses.replace(group, id=f"g{n}") for n, (_, group) in enumerate(rooted, start=1)]


def _fuller_key(index: int, normalised: _Normalised) -> tuple[int, int]:
    """Sort key of fullness: more tokens first, then the earlier quote of the request."""
    return (-len(normalised[index]), index)


def _piece_shingles(quote: NormalisedQuote) -> list[set[str]]:
    """Word bigrams ("natural conflict") of each ellipsis piece, skipping two function words ("of the")."""
    norms, content = quote.norms, quote.content
    pieces: list[set[str]] = []
    for start, end in quote.pieces:
        pieces.append({f"{norms[k]} {norms[k + 1]}" for k in range(start, end - 1) if content[k] or content[k + 1]})
    return pieces


def candidate_pairs(normalised: Sequence[NormalisedQuote]) -> set[tuple[int, int]]:
    """Pairs (a, b), a < b, that share enough indexed bigrams to be worth aligning.

    Each piece proposes partners only through its few rarest bigrams (prefix filtering, `rarest_bigrams`):
    a fragment's bigrams are all in its fuller rendering, so its rarest ones are too, and the work
    stays linear in the number of quotes instead of growing with every common bigram's posting.
    """
    quote_pieces = [[p for p in _piece_shingles(quote) if p] for quote in normalised]
    postings: dict[str, list[int]] = defaultdict(list)
    for index, pieces in enumerate(quote_pieces):
        for shingle in set().union(*pieces):
            postings[shingle].append(index)
    limit = posting_limit(len(normalised))
    rarest = rarest_bigrams(len(normalised))
    df = {s: len(posting) for s, posting in postings.items() if 2 <= len(posting) <= limit}
    usable = df.keys()
    # Support of a pair: how many of the proposing pieces' rarest bigrams name it. A piece with a
    # single usable bigram ("natural conflict") gives it full support at once.
    support: Counter[tuple[int, int]] = Counter()
    everything: list[set[str]] = []
    smallest: list[int] = []
    lengths = [len(quote) for quote in normalised]
    for a, pieces in enumerate(quote_pieces):
        indexed = [p & usable for p in pieces]
        everything.append(set().union(*indexed))
        smallest.append(min((len(p) for p in indexed if p), default=0))
        # A quote looks for its fuller renderings; a stitched one also for shorter full renderings
        # of the utterances it quotes from.
        floor = 0 if len(pieces) > 1 else lengths[a]
        for piece in indexed:
            weight = MIN_SHARED_BIGRAMS if len(piece) == 1 else 1
            # Ties broken by the bigram itself: set order of strings changes from run to run.
            for shingle in heapq.nsmallest(rarest, piece, key=lambda s: (df[s], s)):
                for b in postings[shingle]:
                    if b != a and lengths[b] >= floor:
                        support[(b, a) if b < a else (a, b)] += weight
    return {
        (a, b)
        for (a, b), count in support.items()
        if count >= MIN_SHARED_BIGRAMS
        and len(everything[a] & everything[b]) >= _bigrams_needed(smallest[a], smallest[b])
    }


def posting_limit(quotes: int) -> int:
    """Most quotes a bigram may be in and still propose candidates, among `quotes` quotes (40 in a request)."""
    return max(MAX_POSTING, math.ceil(MAX_POSTING * math.sqrt(quotes / POSTING_REFERENCE_QUOTES)))


def rarest_bigrams(quotes: int) -> int:
    """How many of a piece's rarest bigrams propose candidates, among `quotes` quotes (3 in a request)."""
    return RAREST_BIGRAMS if quotes <= POSTING_REFERENCE_QUOTES else ARCHIVE_RAREST_BIGRAMS


def _bigrams_needed(smallest_a: int, smallest_b: int) -> int:
    """Shared bigrams two quotes need, from the usable bigrams of their smallest pieces.

    Two, or one when a piece has just one ("natural conflict"); and a third of the smaller piece,
    since a rendering keeps most of its bigrams (a reworded word costs two) while chance shares a
    couple ("the economy", "economy is") between long quotes.
    """
    smallest = min(smallest_a, smallest_b)
    return max(min(MIN_SHARED_BIGRAMS, smallest), math.ceil(smallest * MIN_SHARED_FRACTION))


def _match_pair(
    a: int, b: int, quotes: Sequence[QuoteRef], normalised: _Normalised, min_similarity: float
) -> _Edge | None:
    """Relate the shorter quote of a candidate pair to the fuller one; None when they do not link."""
    member, container = sorted((a, b), key=lambda i: _fuller_key(i, normalised), reverse=True)
    compatible = _speakers_compatible(quotes[member].speaker, quotes[container].speaker)
    match = relate(
        normalised[member], normalised[container], min_similarity=min_similarity, speakers_compatible=compatible
    )
    if len(normalised[container].pieces) > 1 and (match is None or match.similarity < 1.0):
        # A stitched quote can be longer than the full rendering of one utterance it quotes from:
        # "<a long remark> … we will make different deals with every country" is stitched from
        # "Of all the things we discussed, we will make different deals with every country", not
        # the other way round. The better description wins.
        reverse = relate(
            normalised[container], normalised[member], min_similarity=min_similarity, speakers_compatible=compatible
        )
        if reverse is not None and reverse.foreign and (match is None or reverse.similarity > match.similarity):
            return _Edge(container, member, reverse)
    return _Edge(member, container, match) if match is not None else None


def _speakers_compatible(first: str | None, second: str | None) -> bool:
    """Same speaker, or one of them unknown."""
    return first is None or second is None or first.casefold() == second.casefold()


@dataclass(frozen=True)
class _Rooted:
    """A quote placed in a root: which root tokens it renders."""

    quote: int
    root_tokens: frozenset[int]


def _assign_roots(edges: Sequence[_Edge], normalised: _Normalised) -> dict[int, list[_Rooted]]:
    """Hang every linked quote under its root; returns root -> quotes placed in it."""
    containers: dict[int, list[_Edge]] = defaultdict(list)
    for edge in edges:
        containers[edge.member].append(edge)
    # token -> root token, built fullest first so a container is always placed before its members.
    root_of: dict[int, int] = {}
    token_map: dict[int, dict[int, int]] = {}
    linked = sorted({e.member for e in edges} | {e.container for e in edges}, key=lambda i: _fuller_key(i, normalised))
    placed: dict[int, list[_Rooted]] = defaultdict(list)
    for quote in linked:
        chaining = [e for e in containers.get(quote, []) if not e.match.foreign]
        if not chaining:
            root_of[quote] = quote
            token_map[quote] = {k: k for k in range(len(normalised[quote]))}
            continue
        best = min(chaining, key=lambda e: _container_key(e, normalised))
        parent_map = token_map[best.container]
        root_of[quote] = root_of[best.container]
        token_map[quote] = {i: parent_map[j] for i, j in best.match.pairs if j in parent_map}
        placed[root_of[quote]].append(_Rooted(quote, frozenset(token_map[quote].values())))
    # A quote stitched from several utterances joins the root of each one it quotes from.
    for quote in linked:
        for edge in containers.get(quote, []):
            if not edge.match.foreign:
                continue
            parent_map = token_map[edge.container]
            mapped = frozenset(parent_map[j] for _, j in edge.match.pairs if j in parent_map)
            root = root_of[edge.container]
            if mapped and root != quote:
                placed[root].append(_Rooted(quote, mapped))
    return placed


def _container_key(edge: _Edge, normalised: _Normalised) -> tuple[int, int]:
    """Fullness of a container for its member: the length of the piece holding the member, then order.

    "the skotrea are brijoum" sits in a full quote and in "<it> … <another remark>"; the stitched
    quote is longer, but its piece is no fuller than the full quote, which wins as the earlier one.
    """
    container = normalised[edge.container]
    first = edge.match.region[0]
    piece = next(((a, b) for a, b in container.pieces if a <= first < b), (0, len(container)))
    return (-(piece[1] - piece[0]), edge.container)


def _split_by_sentence(
    placed: dict[int, list[_Rooted]], normalised: _Normalised
) -> list[tuple[int, list[_Rooted]]]:
    """Split each root's members into groups by the root sentences they render.

    A member touching every sentence (an identical or reworded full rendering) joins every group.
    """
    groups: list[tuple[int, list[_Rooted]]] = []
    for root in sorted(placed):
        sentences_of = normalised[root].sentences
        all_sentences = frozenset(sentences_of)
        whole: list[_Rooted] = []
        partial: list[tuple[_Rooted, frozenset[int]]] = []
        seen: set[int] = set()
        for rooted in placed[root]:
            if rooted.quote in seen or not rooted.root_tokens:
                continue  # one placement per quote and root: the chained one comes first
            seen.add(rooted.quote)
            touched = frozenset(sentences_of[k] for k in range(min(rooted.root_tokens), max(rooted.root_tokens) + 1))
            if touched == all_sentences:
                whole.append(rooted)
            else:
                partial.append((rooted, touched))
        clusters = _merge_overlapping([touched for _, touched in partial])
        if not clusters:
            groups.append((root, whole))
            continue
        for cluster in sorted(clusters, key=min):
            members = [r for r, touched in partial if touched <= cluster]
            groups.append((root, whole + members))
    return groups


def _merge_overlapping(sets: Iterable[frozenset[int]]) -> list[frozenset[int]]:
    """Union sets that share an element until none do."""
    merged: list[frozenset[int]] = []
    for current in sets:
        overlapping = [m for m in merged if m & current]
        for m in overlapping:
            merged.remove(m)
            current = current | m
        merged.append(current)
    return merged


def _rounded(similarity: float, min_similarity: float) -> float:
    """Three decimals, never rounded below the threshold it passed (0.6004 passes 0.6004: 0.601)."""
    rounded = round(similarity, 3)
    return math.ceil(similarity * 1000) / 1000 if rounded < min_similarity <= similarity else rounded


def _build_group(
    root: int,
    members: Sequence[_Rooted],
    quotes: Sequence[QuoteRef],
    normalised: _Normalised,
    direct: dict[tuple[int, int], Match],
    min_similarity: float,
) -> VariantGroup | None:
    """Describe each member against the root; None when fewer than two quotes remain."""
    # Ids are set by the caller once all groups are built ("g1", "g2", ... in root order).
    described = [VariantMember(quotes[root].quote_id, "identical", 1.0, ())]
    for rooted in sorted(members, key=lambda r: r.quote):
        match = direct.get((rooted.quote, root))
        if match is None:
            match = relate(normalised[rooted.quote], normalised[root], min_similarity=min_similarity, strict=False)
        if match is None:
            continue  # linked through a middle rendering but too far from the fullest one
        described.append(
            VariantMember(
                quotes[rooted.quote].quote_id, match.relation, _rounded(match.similarity, min_similarity), match.changes
            )
        )
    if len(described) < 2:
        return None
    speaker_of = {q.quote_id: q.speaker for q in (quotes[root], *(quotes[r.quote] for r in members))}
    speakers = {s.casefold() for m in described if (s := speaker_of[m.quote_id])}
    return VariantGroup(
        id="", canonical_quote_id=quotes[root].quote_id, members=tuple(described), speaker_conflict=len(speakers) > 1
    )
