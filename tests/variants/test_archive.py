"""Archive grouping gives exactly the request's groups, part by part, on one or two processes."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.variants import QuoteRef, archive_candidates, group_variants
from service.variants.archive import archive_candidate_pairs, archive_tokens, group_archive_variants
from service.variants.groups import candidate_pairs
from service.variants.normalise import normalise
from tests.variants.test_groups import SEED_QUOTES, _load_bench


def seed_refs() -> list[QuoteRef]:
    """The seed articles' quotes, each article id its quote id's prefix."""
    return [QuoteRef(quote_id, text, speaker, quote_id.split("-")[0]) for quote_id, text, speaker in SEED_QUOTES]


@pytest.mark.parametrize("workers", [1, 2])
def test_seed_and_synthetic_groups_equal_the_requests(workers: int) -> None:
    """Same groups, ids, members, relations, changes and order as group_variants."""
    bench = _load_bench()
    synthetic = bench.synthesise(3000, seed=11).quotes
    for quotes in (seed_refs(), synthetic, seed_refs() + synthetic):
        expected = group_variants(quotes)
        assert len(expected) > 3
        assert group_archive_variants(quotes, workers=workers) == expected


def test_candidate_pairs_are_the_requests_in_sorted_order() -> None:
    """The packed-bigram candidates equal candidate_pairs, tie-breaks included (a run of equal bigrams)."""
    bench = _load_bench()
    quotes = bench.synthesise(2000, seed=5).quotes
    # Fifty copies of one stock phrase push its bigrams past MAX_POSTING; ties of rare bigrams remain.
    quotes = quotes + [QuoteRef(f"s#q{n}", "make the economy great again now", None, "s") for n in range(50)]
    expected = sorted(candidate_pairs([normalise(q.text) for q in quotes]))
    assert archive_candidate_pairs(quotes) == expected
    assert archive_candidate_pairs(quotes, workers=2) == expected


def test_no_quotes_and_no_candidates() -> None:
    """Empty input and input without any shared bigram give no groups."""
    assert group_archive_variants([]) == []
    assert group_archive_variants([QuoteRef("a#q1", "fairly", None, "a")]) == []


_WORDS = st.sampled_from("we have natural conflict mutual love … the deals different could can , . renegotiate".split())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.lists(_WORDS, min_size=1, max_size=12).map(" ".join),
                          st.sampled_from([None, "A", "B"])), max_size=14))
def test_any_quotes_group_as_the_request_does(items: list[tuple[str, str | None]]) -> None:
    """Generated quotes from a tiny vocabulary (many shared bigrams, ellipses, ties)."""
    quotes = [QuoteRef(f"a{n % 3}#q{n}", text, speaker, f"a{n % 3}") for n, (text, speaker) in enumerate(items)]
    assert group_archive_variants(quotes) == group_variants(quotes)


def test_quotes_rebuilt_from_the_flat_tokens_equal_normalise() -> None:
    """Every field of every quote, ellipses, contractions, numbers and percent signs included."""
    bench = _load_bench()
    texts = [q.text for q in seed_refs() + bench.synthesise(500, seed=2).quotes]
    texts += ["We’ve had 25% … of the U.S., Mr. Smith said. Two . . . deals!", "", "…", "it's 1,000 [...] won't"]
    tokens = archive_tokens([QuoteRef(f"a#q{n}", t, None, "a") for n, t in enumerate(texts)], workers=2)
    assert tokens.count == len(texts)
    assert [tokens.quote(i, t) for i, t in enumerate(texts)] == [normalise(t) for t in texts]


def test_small_blocks_give_the_same_candidates(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pairs made block by block of their first quote (here ~40 blocks) are the pairs of one block."""
    bench = _load_bench()
    quotes = bench.synthesise(1500, seed=9).quotes
    expected = sorted(candidate_pairs([normalise(q.text) for q in quotes]))
    monkeypatch.setattr(archive_candidates, "BLOCK_CONTRIBUTIONS", 500)
    assert len(archive_candidates._block_bounds(len(quotes), 20_000)) == 40
    assert archive_candidate_pairs(quotes) == expected


def _common_bigram_quotes() -> list[QuoteRef]:
    """A fragment whose two bigrams are each in 46 quotes (over the limit of 40), and its full quote.

    Its trigram "preatar beasicus the" is only in the two of them.
    """
    quotes = [QuoteRef("a#q0", "We said preatar beasicus the zoudat, clearly and often", "A", "a")]
    quotes += [QuoteRef(f"b{k}#q", f"Preatar beasicus word{k} stays", None, f"b{k}") for k in range(45)]
    quotes += [QuoteRef(f"c{k}#q", f"Other{k} beasicus the end", None, f"c{k}") for k in range(45)]
    return quotes + [QuoteRef("d#q9", "preatar beasicus the", "A", "d")]


def test_archive_candidates_reach_a_fragment_of_common_bigrams(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past request sizes, a piece with no usable bigram proposes through its trigrams."""
    quotes = _common_bigram_quotes()
    fragment_pair = (0, len(quotes) - 1)
    assert fragment_pair not in candidate_pairs([normalise(q.text) for q in quotes])
    assert not any({"a#q0", "d#q9"} <= {m.quote_id for m in g.members} for g in group_variants(quotes))
    monkeypatch.setattr(archive_candidates, "REQUEST_QUOTES", 10)  # archive rules from 11 quotes on
    assert fragment_pair in archive_candidate_pairs(quotes)
    groups = group_archive_variants(quotes, workers=2)
    together = [g for g in groups if {"a#q0", "d#q9"} <= {m.quote_id for m in g.members}]
    assert len(together) == 1 and together[0].members[1].relation == "fragment"


def test_archive_blocks_on_two_workers_equal_one_block(monkeypatch: pytest.MonkeyPatch) -> None:
    """The archive's n-gram candidates do not depend on the blocks or on the processes that make them."""
    bench = _load_bench()
    quotes = bench.synthesise(1500, seed=9).quotes
    monkeypatch.setattr(archive_candidates, "REQUEST_QUOTES", 100)
    whole = archive_candidate_pairs(quotes)
    assert whole != sorted(candidate_pairs([normalise(q.text) for q in quotes]))  # the archive's rules are in force
    monkeypatch.setattr(archive_candidates, "BLOCK_CONTRIBUTIONS", 500)
    assert archive_candidate_pairs(quotes, workers=2) == whole


def test_archive_posting_limit_grows_slower_than_the_requests() -> None:
    """40 as in a request up to 80,000 quotes, then the square root: 142 at a million (the request's: 566)."""
    assert archive_candidates.archive_posting_limit(6_000) == 40
    assert archive_candidates.archive_posting_limit(1_000_000) == 142
