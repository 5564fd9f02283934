"""Candidate index and grouping over all quotes of a request, sub-quadratic.

1. Index: every quote's word bigrams (within one ellipsis piece, not both function words) in an
   inverted index. A bigram found in more than `MAX_POSTING` quotes is skipped: it is a stock phrase
   ("the american"), and keeping it would make the candidate count quadratic.
2. Candidates: quotes sharing a kept bigram. Only those pairs are aligned (`match.relate`).
3. Roots: each quote hangs under its fullest container (longest, then first); following containers
   up gives a root, the fullest rendering. Stitched quotes hang under every root they quote from.
4. Groups: a root's members are split by the sentences of the root they render, so "We have natural
   conflict." and "mutual love" (two sentences of one answer) make two groups.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations

from service.variants.match import Match, relate
from service.variants.normalise import NormalisedQuote, normalise
from service.variants.types import QuoteRef, VariantGroup, VariantMember

# Lowest wording similarity of a reworded or stitched rendering. Chosen on the seeds and PolNeAR:
# true rewordings scored 0.76 ("In areas where we compete, ..." / "There are areas where we
# compete, and it's in those areas ...") to 0.94 ("could" / "can"); different sentences on one
# topic by one speaker scored at most ~0.5 ("We have to come to an agreement on steel" / "We have
# natural conflict over steel": 0.4).
DEFAULT_MIN_SIMILARITY = 0.6

# A bigram in more quotes than this is too common to propose candidates (see module docstring).
MAX_POSTING = 40

# Bigrams two quotes must share to be aligned (fewer only when a quote has fewer usable ones).
MIN_SHARED_BIGRAMS = 2


@dataclass(frozen=True)
class _Edge:
    """A gated match of `member` inside the fuller `container` (indices into the request)."""

    member: int
    container: int
    match: Match


def group_variants(
    quotes: Sequence[QuoteRef], *, min_similarity: float = DEFAULT_MIN_SIMILARITY
) -> list[VariantGroup]:
    """Group quotes that render one utterance (across and within articles)."""
    normalised = [normalise(q.text) for q in quotes]
    edges = [
        edge
        for a, b in sorted(candidate_pairs(normalised))
        if (edge := _match_pair(a, b, quotes, normalised, min_similarity)) is not None
    ]
    roots = _assign_roots(edges, normalised)
    groups = _split_by_sentence(roots, normalised)
    direct = {(e.member, e.container): e.match for e in edges}
    built = [
        group
        for root, members in groups
        if (group := _build_group(root, members, quotes, normalised, direct, min_similarity)) is not None
    ]
    return [
        VariantGroup(id=f"g{n}", canonical_quote_id=g.canonical_quote_id, members=g.members,
                     speaker_conflict=g.speaker_conflict)
        for n, g in enumerate(built, start=1)
    ]


def _fuller_key(index: int, normalised: Sequence[NormalisedQuote]) -> tuple[int, int]:
    """Sort key of fullness: more tokens first, then the earlier quote of the request."""
    return (-len(normalised[index].tokens), index)


def _piece_shingles(quote: NormalisedQuote) -> list[set[tuple[str, str]]]:
    """Word bigrams of each ellipsis piece, skipping pairs of function words ("of the")."""
    pieces: list[set[tuple[str, str]]] = []
    for start, end in quote.pieces:
        found: set[tuple[str, str]] = set()
        for k in range(start, end - 1):
            first, second = quote.tokens[k], quote.tokens[k + 1]
            if first.is_content or second.is_content:
                found.add((first.norm, second.norm))
        pieces.append(found)
    return pieces


def candidate_pairs(normalised: Sequence[NormalisedQuote]) -> set[tuple[int, int]]:
    """Pairs (a, b), a < b, that share two indexed bigrams (one when a piece has only one).

    One shared bigram ("the economy") between two long quotes is chance; a verbatim or reworded
    rendering keeps at least two, unless the quote or one of its pieces is a single bigram long
    ("natural conflict") once the too common bigrams are left out.
    """
    quote_pieces = [[p for p in _piece_shingles(quote) if p] for quote in normalised]
    postings: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, pieces in enumerate(quote_pieces):
        for shingle in set().union(*pieces):
            postings[shingle].append(index)
    indexed = {s for s, posting in postings.items() if 2 <= len(posting) <= MAX_POSTING}
    # Bigrams needed per quote: 2, or fewer when its smallest piece has fewer usable bigrams.
    needed = [
        min([MIN_SHARED_BIGRAMS, *(len(p & indexed) for p in pieces if p & indexed)]) for pieces in quote_pieces
    ]
    shared: Counter[tuple[int, int]] = Counter()
    for shingle in indexed:
        shared.update(combinations(postings[shingle], 2))  # postings are filled in index order: a < b
    return {(a, b) for (a, b), count in shared.items() if count >= min(needed[a], needed[b])}


def _match_pair(
    a: int, b: int, quotes: Sequence[QuoteRef], normalised: Sequence[NormalisedQuote], min_similarity: float
) -> _Edge | None:
    """Relate the shorter quote of a candidate pair to the fuller one; None when they do not link."""
    member, container = sorted((a, b), key=lambda i: _fuller_key(i, normalised), reverse=True)
    compatible = _speakers_compatible(quotes[member].speaker, quotes[container].speaker)
    match = relate(normalised[member], normalised[container], min_similarity=min_similarity,
                   speakers_compatible=compatible)
    if match is not None:
        return _Edge(member, container, match)
    if len(normalised[container].pieces) > 1:
        # A stitched quote can be longer than the full rendering of one utterance it quotes from:
        # "<six words of A> … <twenty words of B>" against A's own twelve words.
        match = relate(normalised[container], normalised[member], min_similarity=min_similarity,
                       speakers_compatible=compatible)
        if match is not None and match.foreign:
            return _Edge(container, member, match)
    return None


def _speakers_compatible(first: str | None, second: str | None) -> bool:
    """Same speaker, or one of them unknown."""
    return first is None or second is None or first.casefold() == second.casefold()


@dataclass(frozen=True)
class _Rooted:
    """A quote placed in a root: which root tokens it renders."""

    quote: int
    root_tokens: frozenset[int]


def _assign_roots(edges: Sequence[_Edge], normalised: Sequence[NormalisedQuote]) -> dict[int, list[_Rooted]]:
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
            token_map[quote] = {k: k for k in range(len(normalised[quote].tokens))}
            continue
        best = min(chaining, key=lambda e: _fuller_key(e.container, normalised))
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


def _split_by_sentence(
    placed: dict[int, list[_Rooted]], normalised: Sequence[NormalisedQuote]
) -> list[tuple[int, list[_Rooted]]]:
    """Split each root's members into groups by the root sentences they render.

    A member touching every sentence (an identical or reworded full rendering) joins every group.
    """
    groups: list[tuple[int, list[_Rooted]]] = []
    for root in sorted(placed):
        sentences_of = [t.sentence for t in normalised[root].tokens]
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


def _build_group(
    root: int,
    members: Sequence[_Rooted],
    quotes: Sequence[QuoteRef],
    normalised: Sequence[NormalisedQuote],
    direct: dict[tuple[int, int], Match],
    min_similarity: float,
) -> VariantGroup | None:
    """Describe each member against the root; None when fewer than two quotes remain."""
    described = [VariantMember(quotes[root].quote_id, "identical", 1.0, ())]
    for rooted in sorted(members, key=lambda r: r.quote):
        match = direct.get((rooted.quote, root)) or relate(
            normalised[rooted.quote], normalised[root], min_similarity=min_similarity, strict=False
        )
        if match is None:
            continue  # linked through a middle rendering but too far from the fullest one
        described.append(
            VariantMember(quotes[rooted.quote].quote_id, match.relation, round(match.similarity, 3), match.changes)
        )
    if len(described) < 2:
        return None
    speakers = {s.casefold() for i in [root, *(r.quote for r in members)] if (s := quotes[i].speaker)}
    return VariantGroup(id="", canonical_quote_id=quotes[root].quote_id, members=tuple(described),
                        speaker_conflict=len(speakers) > 1)
