"""Pairwise relation of two quotes: identical / fragment / reworded / stitched, a score and a diff.

`relate(member, container)` aligns the member's tokens to the container's, the container being the
fuller rendering. Whether a match is *evidence* that both render one utterance depends on length:
"world-class leader" said by the same man in two articles is; "fairly" or "we will" never is.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import LCSseq

from service.variants.normalise import SEPARATOR, NormalisedQuote
from service.variants.types import WordChange

# The thresholds below were read off PolNeAR (US campaign news, 924 articles, 5,725 direct quotes):
# a link between articles of the same week may be a real re-quote, a link between different weeks
# is mostly chance, so links across weeks scaled to the number of within-week pairs estimate the
# chance links among the within-week ones. `bench/variants.py --polnear FOLDER` prints the table.
# Without these rules, short rewordings (1-3 content words) linked at chance level (34 within a
# week, 28 expected by chance); with them, 60 links within weeks against 1.7 by chance.

# Below this many content-bearing words a quote is *short*: it links only to a quote by the same
# speaker (or an unknown one), and only when every one of its words is in the fuller rendering.
# Short runs shared across speakers were slogans and stock phrases ("radical Islam", "law and
# order", "make America great again"); from 4 content words on they were re-quotes.
SHORT_CONTENT = 4

# A quote needs at least this many words to link at all: "fairly", "win" and "conflict," never do.
MIN_TOKENS = 2

# A short quote with a single content word needs this many words: "will love us again" links,
# "Very good.", "As President," and "no matter what" do not: on PolNeAR such 2-3 word quotes
# recurred across weeks as stock phrases, not as one remark quoted twice.
SINGLE_CONTENT_MIN_TOKENS = 4

# A short quote may leave out at most this many function words of the fuller rendering, never a
# negation: "we have mutual love" renders "we also have mutual love".
MAX_DROPPED_FILLERS = 2
NEGATIONS = frozenset({"not", "no", "never", "nor", "neither"})

# A long reworded quote keeps at least this share of its content words. On PolNeAR (similarity
# >= 0.6) this cut links across weeks from 169 to 22 while keeping 11 of the 18 within a week.
MIN_CONTENT_KEPT = 2 / 3

# ... and when content words hang over an end of the shared run, at least this share: "Crooked
# Hillary ..." / "Corrupt Hillary ..." in a long quote links, "merger of Canada and the United
# States" (3 of 4) does not link to "Canada and the United States have ...", nor "being right on
# radical Islamic terrorism" to "get tough on radical Islamic terrorism".
MIN_CONTENT_KEPT_OVERHANG = 0.8

# A deletion of this many words or more inside an otherwise verbatim quote is a cut, not an edit:
# "areas where we compete ... we have to come to an agreement" is stitched, "we [also] have" is not.
CUT_MIN = 3

# Above this many cells (member words x container words) the exact fitting alignment gives way
# to rapidfuzz's: a 300-word speech against another is 90,000 cells, ~50 ms in pure Python.
MAX_ALIGNMENT_CELLS = 40_000

# Alignment costs. A word of the fuller rendering left out costs 1 unit, a word the member adds costs
# 2: a reporter condenses far more often than invents, so "There are areas where we compete, we have
# to" is "There are areas where we compete, [and it's in those areas] we have to", not a run that
# starts at "areas we have to". Within equal costs, each matched word earns back 1.
_UNIT = 1 << 16
_SKIPPED = _UNIT
_ADDED = 2 * _UNIT


@dataclass(frozen=True)
class Alignment:
    """Matched token pairs of a member span against a container: (member index, container index)."""

    pairs: tuple[tuple[int, int], ...]  # strictly increasing in both indices
    span: tuple[int, int]  # member tokens [start, end) that were aligned
    exact: bool  # the span is a contiguous run of the container, word for word

    @property
    def region(self) -> tuple[int, int]:
        """Container tokens [start, end) from the first to the last matched token."""
        return (self.pairs[0][1], self.pairs[-1][1] + 1)

    @property
    def similarity(self) -> float:
        """2·matched / (span length + region length): 1.0 for a verbatim run."""
        span_len = self.span[1] - self.span[0]
        region_len = self.region[1] - self.region[0]
        return 2 * len(self.pairs) / (span_len + region_len)


@dataclass(frozen=True)
class Match:
    """How a member renders (part of) a container."""

    relation: str  # "identical" | "fragment" | "reworded" | "stitched"
    similarity: float  # wording fidelity of the member's matched parts, in [0, 1]
    pairs: tuple[tuple[int, int], ...]  # member token -> container token, increasing
    changes: tuple[WordChange, ...]
    foreign: bool  # a piece of the member renders another utterance (cut at an ellipsis)

    @property
    def region(self) -> tuple[int, int]:
        """Container tokens [start, end) that the member renders."""
        return (self.pairs[0][1], self.pairs[-1][1] + 1)


def relate(
    member: NormalisedQuote,
    container: NormalisedQuote,
    *,
    min_similarity: float,
    speakers_compatible: bool = True,
    strict: bool = True,
) -> Match | None:
    """Relate a member to a fuller container, or None when it does not render any part of it.

    `strict` applies the evidence rules (length, content words, speakers); without it, the whole
    member is judged by the similarity threshold alone (used to describe a member that was grouped
    through another rendering).
    """
    if not member.norms or not container.norms:
        return None
    if member.norms == container.norms:
        whole = Alignment(tuple((i, i) for i in range(len(member))), (0, len(member)), exact=True)
        if strict and not _is_evidence(member, whole, container, speakers_compatible):
            return None
        return Match("identical", 1.0, whole.pairs, (), foreign=False)
    if len(member.pieces) > 1:
        stitched = _relate_pieces(member, container, min_similarity, speakers_compatible, strict)
        if stitched is not None:
            return stitched
    whole_alignment = align(member, 0, len(member), container, min_similarity, strict=strict)
    if whole_alignment is None:
        return None
    if strict and not _is_evidence(member, whole_alignment, container, speakers_compatible):
        return None
    pairs = whole_alignment.pairs
    if whole_alignment.exact:
        return Match("fragment", 1.0, pairs, (), foreign=False)
    runs = _cut_runs(pairs)
    if len(pairs) == len(member) and len(runs) > 1:
        # Every word is in the container but a clause between them is missing: a cut.
        # "areas where we compete, we have to" from "areas where we compete, and it's in those
        # areas we have to".
        return Match("stitched", _runs_similarity(runs), pairs, _changes(member, container, pairs), False)
    return Match("reworded", whole_alignment.similarity, pairs, _changes(member, container, pairs), False)


def align(
    member: NormalisedQuote,
    start: int,
    end: int,
    container: NormalisedQuote,
    min_similarity: float,
    *,
    strict: bool = False,
) -> Alignment | None:
    """Align member tokens [start, end) to the best-matching run of the container, or None if weak.

    A verbatim run may cross an ellipsis of the container ("I liked him we have mutual love" in
    "I liked him … we have mutual love": the same cut, printed without its mark); an inexact one
    stays inside one piece, since words on either side of a cut were never said one after the
    other. With `strict`, spans that cannot pass the evidence rules are dropped before the costly
    alignment.
    """
    if start >= end:
        return None
    at = _find_run(member, start, end, container, 0, len(container))
    if at is not None:
        return Alignment(tuple((start + k, at + k) for k in range(end - start)), (start, end), exact=True)
    best: Alignment | None = None
    for low, high in container.pieces:
        alignment = _align_in(member, start, end, container, low, high, min_similarity, strict)
        if alignment is not None and (best is None or _rank(alignment) > _rank(best)):
            best = alignment
    return best


def _rank(alignment: Alignment) -> tuple[float, int]:
    """Better alignments first: higher similarity, then more matched words."""
    return (alignment.similarity, len(alignment.pairs))


def _align_in(
    member: NormalisedQuote,
    start: int,
    end: int,
    container: NormalisedQuote,
    low: int,
    high: int,
    min_similarity: float,
    strict: bool,
) -> Alignment | None:
    """Align member tokens [start, end) within container tokens [low, high)."""
    words = member.norms[start:end]
    target = container.norms[low:high]
    # Cheap bound first: even if every common word sat in one tight run, could it reach the threshold?
    common = int(LCSseq.similarity(words, target))
    if common == 0 or 2 * common / (len(words) + common) < min_similarity:
        return None
    if strict:
        content = [w for w, c in zip(words, member.content[start:end], strict=True) if c]
        if len(content) < SHORT_CONTENT:
            if common < len(words):
                return None  # a short quote must keep every word (see _is_evidence)
        else:
            present = set(target)
            if sum(1 for w in content if w in present) < MIN_CONTENT_KEPT * len(content):
                return None
    pairs = _fit(words, target)
    if not pairs:
        return None
    alignment = Alignment(tuple((start + i, low + j) for i, j in pairs), (start, end), exact=False)
    return alignment if alignment.similarity >= min_similarity else None


def _relate_pieces(
    member: NormalisedQuote,
    container: NormalisedQuote,
    min_similarity: float,
    speakers_compatible: bool,
    strict: bool,
) -> Match | None:
    """Relate a quote with ellipses piece by piece: stitched when a piece is foreign or a gap was cut."""
    present: list[Alignment] = []
    for start, end in member.pieces:
        alignment = align(member, start, end, container, min_similarity, strict=strict)
        if alignment is None:
            continue
        # Keep pieces in the container's order; a piece quoted out of order is left undescribed.
        if present and alignment.region[0] < present[-1].region[1]:
            continue
        # A piece counts only if it is evidence on its own: "we have mutual love" shares "we have"
        # with "and we've had a good relationship", which does not make it part of that sentence.
        if _is_evidence(member, alignment, container, speakers_compatible or not strict):
            present.append(alignment)
    if not present:
        return None
    foreign = len(present) < len(member.pieces)
    cut = any(b.region[0] > a.region[1] for a, b in itertools.pairwise(present))
    if not (foreign or cut):
        return None  # the ellipsis cut nothing: "mutual love… you know" is a pause; align it whole
    pairs = tuple(pair for alignment in present for pair in alignment.pairs)
    matched = sum(len(a.pairs) for a in present)
    lengths = sum((a.span[1] - a.span[0]) + (a.region[1] - a.region[0]) for a in present)
    return Match("stitched", 2 * matched / lengths, pairs, _changes(member, container, pairs), foreign)


def _is_evidence(
    member: NormalisedQuote, alignment: Alignment, container: NormalisedQuote, speakers_compatible: bool
) -> bool:
    """Whether an alignment is evidence of one utterance, not a shared stock phrase."""
    start, end = alignment.span
    content = sum(member.content[start:end])
    if end - start < MIN_TOKENS or content == 0:
        return False  # "fairly", "conflict,", "we will": no words that could only come from one remark
    if content == 1 and end - start < SINGLE_CONTENT_MIN_TOKENS:
        return False  # "As President,", "a liar.", "no matter what": stock phrases in every campaign
    if content < SHORT_CONTENT:
        if not speakers_compatible:
            return False  # "a good start" by Carney and by Trump are two remarks
        if alignment.exact:
            return True
        if len(alignment.pairs) < end - start:
            return False  # "will be very happy" is not "walk away very happy"
        # Only a filler word or two may be missing in between: "we have mutual love" / "we also have
        # mutual love". A dropped "not" flips the meaning: "President Bernie Sanders" is not
        # "No president, not Bernie Sanders".
        region_start, region_end = alignment.region
        matched = {j for _, j in alignment.pairs}
        dropped = [j for j in range(region_start, region_end) if j not in matched]
        return len(dropped) <= MAX_DROPPED_FILLERS and not any(
            container.content[j] or container.norms[j] in NEGATIONS for j in dropped
        )
    if alignment.exact:
        return True
    # A rewording keeps most content words and differs *inside*: "the most dishonest candidate for
    # president of the United States since Richard Nixon" only shares a stock phrase with another
    # quote, and its unmatched content words hang over the ends of the shared run.
    matched = {i for i, _ in alignment.pairs}
    matched_content = sum(1 for i in matched if member.content[i])
    first, last = alignment.pairs[0][0], alignment.pairs[-1][0]
    overhang = any(member.content[start:first]) or any(member.content[last + 1 : end])
    kept = matched_content / content
    return kept >= MIN_CONTENT_KEPT and (not overhang or kept >= MIN_CONTENT_KEPT_OVERHANG)


def _find_run(
    member: NormalisedQuote, start: int, end: int, container: NormalisedQuote, low: int, high: int
) -> int | None:
    """Token index where member tokens [start, end) occur contiguously in container [low, high)."""
    needle = SEPARATOR + SEPARATOR.join(member.norms[start:end]) + SEPARATOR
    bounds = container.separator_offsets
    at = container.joined.find(needle, bounds[low], bounds[high] + 1)
    if at < 0:
        return None
    return container.joined.count(SEPARATOR, 0, at)  # separators before it = tokens before it


def _fit(words: Sequence[str], container: Sequence[str]) -> list[tuple[int, int]]:
    """Fitting alignment: all of `words` against the best run of `container` (free ends there).

    Minimises the cost of unmatched words, then maximises matches, so "we have mutual love" lands
    on "we also have mutual love", not on the "we have" that opens the container.
    """
    wanted = set(words)
    hits = [j for j, w in enumerate(container) if w in wanted]
    if not hits:
        return []
    offset = hits[0]
    window = container[offset : hits[-1] + 1]  # words outside can never match
    n = len(window)
    if len(words) * n > MAX_ALIGNMENT_CELLS:
        # Two long speeches: the quadratic table would take seconds. rapidfuzz's LCS alignment is
        # global, but over hundreds of words a stray "we" at the edge hardly moves the similarity.
        blocks = LCSseq.opcodes(words, window)
        return [
            (b.src_start + k, offset + b.dest_start + k)
            for b in blocks
            if b.tag == "equal"
            for k in range(b.src_end - b.src_start)
        ]
    rows: list[list[int]] = [[0] * (n + 1)]
    for i, word in enumerate(words, start=1):
        prev = rows[-1]
        cur = [i * _ADDED] + [0] * n
        for j in range(1, n + 1):
            best = prev[j] + _ADDED
            left = cur[j - 1] + _SKIPPED
            if left < best:
                best = left
            if window[j - 1] == word:
                diagonal = prev[j - 1] - 1
                if diagonal < best:
                    best = diagonal
            cur[j] = best
        rows.append(cur)
    last = rows[-1]
    j = min(range(n + 1), key=last.__getitem__)
    i = len(words)
    pairs: list[tuple[int, int]] = []
    while i > 0 and j > 0:
        value = rows[i][j]
        if window[j - 1] == words[i - 1] and value == rows[i - 1][j - 1] - 1:
            pairs.append((i - 1, offset + j - 1))
            i -= 1
            j -= 1
        elif value == rows[i - 1][j] + _ADDED:
            i -= 1
        else:
            j -= 1
    pairs.reverse()
    return pairs


def _cut_runs(pairs: Sequence[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Split matched pairs where the container skips CUT_MIN or more words."""
    runs: list[list[tuple[int, int]]] = [[pairs[0]]]
    for previous, pair in itertools.pairwise(pairs):
        if pair[1] - previous[1] - 1 >= CUT_MIN:
            runs.append([pair])
        else:
            runs[-1].append(pair)
    return runs


def _runs_similarity(runs: Sequence[Sequence[tuple[int, int]]]) -> float:
    """Similarity of the pieces on either side of cuts, each against its own region."""
    matched = sum(len(run) for run in runs)
    lengths = sum((run[-1][0] - run[0][0] + 1) + (run[-1][1] - run[0][1] + 1) for run in runs)
    return 2 * matched / lengths


def _changes(
    member: NormalisedQuote, container: NormalisedQuote, pairs: Sequence[tuple[int, int]]
) -> tuple[WordChange, ...]:
    """Word-level differences between the member and the container region it renders.

    Between two matched words, unmatched words on both sides are a replace ("could" -> "can"), on
    the member side only an insert, on the container side only a delete ("also").
    """
    changes: list[WordChange] = []
    prev_i, prev_j = -1, pairs[0][1] - 1
    for i, j in [*pairs, (len(member), pairs[-1][1] + 1)]:
        ours = member.surface(prev_i + 1, i)
        theirs = container.surface(prev_j + 1, j)
        if ours and theirs:
            changes.append(WordChange("replace", theirs, ours))
        elif ours:
            changes.append(WordChange("insert", None, ours))
        elif theirs:
            changes.append(WordChange("delete", theirs, None))
        prev_i, prev_j = i, j
    return tuple(changes)
