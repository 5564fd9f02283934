"""Grouping over a whole request: the seed articles' variant groups, group properties, scale."""

from __future__ import annotations

import doctest
import importlib.util
import sys
from itertools import combinations
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import service.variants
from service.variants import DEFAULT_MIN_SIMILARITY, QuoteRef, VariantGroup, group_variants
from service.variants.groups import MAX_POSTING, candidate_pairs
from service.variants.normalise import normalise
from service.variants.types import CHANGE_OPS, RELATIONS

TRUMP, CARNEY = "Donald Trump", "Mark Carney"

# Quotes of five articles on the same Oval Office meeting: (id, text, speaker).
SEED_QUOTES: list[tuple[str, str, str | None]] = [
    ("000-q1", "From the beginning, I liked him … we have mutual love,", TRUMP),
    ("000-q2", "We have natural conflict.", TRUMP),
    ("000-q3", "negotiate a win", CARNEY),
    ("001-q1", "From the beginning, I liked him, and we’ve had a good relationship,", TRUMP),
    (
        "001-q2",
        "We have natural conflict. We also have mutual love… you know we have great love for each other,",
        TRUMP,
    ),
    ("001-q3", "world-class leader", TRUMP),
    ("001-q4", "tough negotiator,", TRUMP),
    ("001-q5", "different deals.", TRUMP),
    ("001-q6", "We could renegotiate it, and that would be good, or we can just do different deals,", TRUMP),
    ("001-q7", "new economic and security relationship", CARNEY),
    ("001-q8", "In areas where we compete, we have to come to an agreement that works,", CARNEY),
    ("002-q1", "will love us again", TRUMP),
    ("002-q2", "natural conflict", TRUMP),
    (
        "002-q3",
        "The problem we have is that they want a car company and I want a car company. "
        "They want steel and we want steel",
        TRUMP,
    ),
    ("002-q4", "I love Canada and the people of Canada, and Mark feels the same way,", TRUMP),
    (
        "002-q5",
        "Canada and the United States have reestablished free trade for the vast majority of our goods,",
        CARNEY,
    ),
    (
        "002-q6",
        "Canada will retain our tariffs on steel, aluminum and autos "
        "as we work intensively to resolve the issues there",
        CARNEY,
    ),
    ("002-q7", "meant to be", TRUMP),
    ("002-q8", "win", None),
    ("002-q9", "will love us again", TRUMP),
    ("002-q10", "high-stakes diplomatic dance,", None),
    ("003-q1", "great partner,", TRUMP),
    ("003-q2", "do different deals.", TRUMP),
    ("003-q3", "world-class leader", TRUMP),
    ("003-q4", "mutual love,", TRUMP),
    ("003-q5", "We have natural conflict.", TRUMP),
    ("003-q6", "conflict,", None),
    ("003-q7", "competition.", CARNEY),
    (
        "003-q8",
        "There are areas where we compete, and it’s in those areas we have to come to an agreement that works. "
        "But there are more areas where we’re stronger together, and that’s what we’re focused on,",
        CARNEY,
    ),
    ("003-q9", "We can renegotiate it, and that would be good, or we can just do different deals,", TRUMP),
    ("003-q10", "We might make deals that are better for the individual countries.", TRUMP),
    ("003-q11", "merger of Canada and the United States,", TRUMP),
    ("003-q12", "Canada won’t be for sale, ever.", CARNEY),
    (
        "003-q13",
        "I don’t care. I want to make whatever the best deal is for this country, "
        "and also very much with Canada in mind.",
        TRUMP,
    ),
    ("003-q15", "We’ve got to stamp it out.", TRUMP),
    ("003-q16", "a shared crisis", CARNEY),
    ("003-q17", "need to do more.", CARNEY),
    ("003-q18", "will be very happy", TRUMP),
    ("003-q19", "a good start.", CARNEY),
    ("003-q20", "fair treatment", TRUMP),
    ("003-q21", "fairly", TRUMP),
    ("003-q22", "I think they’re going to walk away very happy,", TRUMP),
    ("003-q23", "We’re going to treat people fairly. We’re going to especially treat Canada fairly.", TRUMP),
    ("003-q27", "From the beginning, I liked him, and we’ve had a good relationship,", TRUMP),
    ("003-q29", "the merger of Canada and the United States,", TRUMP),
    ("003-q33", "I think the people of Canada will love us again. Most of them still do,", TRUMP),
    (
        "004-q3",
        "He’s coming to see me. I don’t know what he wants—but I guess he wants to make a deal. Everybody does,",
        TRUMP,
    ),
    ("004-q6", "a nice gentleman", TRUMP),
    ("004-q7", "great relationship.", TRUMP),
]

# One set per utterance; every pair inside one is expected, and no other pair.
SEED_GROUPS = [
    {"000-q1", "001-q1", "003-q27"},  # "From the beginning, I liked him, and we've had a good relationship"
    {"000-q2", "001-q2", "002-q2", "003-q5"},  # "We have natural conflict."
    {"000-q1", "001-q2", "003-q4"},  # "We also have mutual love"
    {"001-q6", "003-q9", "001-q5", "003-q2"},  # could / can renegotiate ... different deals
    {"001-q3", "003-q3"},  # "world-class leader"
    {"001-q8", "003-q8"},  # Carney: areas where we compete
    {"003-q33", "002-q1", "002-q9"},  # "will love us again"
    {"003-q11", "003-q29"},  # "(the) merger of Canada and the United States"
]


def seed_refs() -> list[QuoteRef]:
    """The seed quotes as the API hands them over."""
    return [QuoteRef(qid, text, speaker, qid.split("-")[0]) for qid, text, speaker in SEED_QUOTES]


def pairs_of(groups: list[VariantGroup]) -> set[tuple[str, str]]:
    """Unordered quote-id pairs that share a group."""
    return {p for g in groups for p in combinations(sorted({m.quote_id for m in g.members}), 2)}


def group_with(groups: list[VariantGroup], *quote_ids: str) -> VariantGroup:
    """The one group holding all the given quotes."""
    found = [g for g in groups if set(quote_ids) <= {m.quote_id for m in g.members}]
    assert len(found) == 1, f"{quote_ids} in {len(found)} groups"
    return found[0]


def test_seed_groups_exactly() -> None:
    expected = {p for group in SEED_GROUPS for p in combinations(sorted(group), 2)}
    assert pairs_of(group_variants(seed_refs())) == expected


@pytest.mark.parametrize(
    "quote_ids, canonical, relations",
    [
        (("001-q1", "003-q27", "000-q1"), "001-q1", {"003-q27": "identical", "000-q1": "stitched"}),
        (("001-q2", "000-q2", "002-q2"), "001-q2", {"000-q2": "fragment", "003-q5": "fragment", "002-q2": "fragment"}),
        (("001-q2", "003-q4", "000-q1"), "001-q2", {"003-q4": "fragment", "000-q1": "stitched"}),
        (("001-q6", "003-q9"), "001-q6", {"003-q9": "reworded", "001-q5": "fragment", "003-q2": "fragment"}),
        (("001-q3", "003-q3"), "001-q3", {"003-q3": "identical"}),
        (("001-q8", "003-q8"), "003-q8", {"001-q8": "reworded"}),  # the second is the fullest
        (("002-q1", "002-q9"), "003-q33", {"002-q1": "fragment", "002-q9": "fragment"}),
        (("003-q11", "003-q29"), "003-q29", {"003-q11": "fragment"}),
    ],
)
def test_seed_relations(quote_ids: tuple[str, ...], canonical: str, relations: dict[str, str]) -> None:
    group = group_with(group_variants(seed_refs()), *quote_ids)
    assert group.canonical_quote_id == canonical
    assert {m.quote_id: m.relation for m in group.members[1:]} == relations
    assert group.speaker_conflict is False


def test_could_can_change_is_reported() -> None:
    group = group_with(group_variants(seed_refs()), "001-q6", "003-q9")
    member = next(m for m in group.members if m.quote_id == "003-q9")
    assert [c.to_dict() for c in member.changes] == [{"op": "replace", "from": "could", "to": "can"}]
    assert member.similarity == 0.938


def test_stitched_quote_sits_in_two_groups() -> None:
    groups = group_variants(seed_refs())
    holding = [g for g in groups if any(m.quote_id == "000-q1" for m in g.members)]
    assert {g.canonical_quote_id for g in holding} == {"001-q1", "001-q2"}
    assert all(m.relation == "stitched" for g in holding for m in g.members if m.quote_id == "000-q1")


def test_fragment_hangs_under_the_full_rendering_not_a_longer_stitched_quote() -> None:
    full = "Of all the things we discussed, we will make different deals with every country"
    stitched = (
        "The economy is booming like never before and the stock market is at a record, believe me, "
        "… we will make different deals with every country"
    )
    quotes = [
        QuoteRef("a#q1", full, TRUMP, "a"),
        QuoteRef("b#q1", stitched, TRUMP, "b"),
        QuoteRef("c#q1", "different deals with every country", TRUMP, "c"),
    ]
    [group] = group_variants(quotes)
    assert group.canonical_quote_id == "a#q1"
    assert {m.quote_id: m.relation for m in group.members} == {
        "a#q1": "identical",
        "b#q1": "stitched",
        "c#q1": "fragment",
    }


def test_group_shape() -> None:
    groups = group_variants(seed_refs())
    assert [g.id for g in groups] == [f"g{k}" for k in range(1, len(groups) + 1)]
    for group in groups:
        assert len(group.members) >= 2
        first = group.members[0]
        assert first.quote_id == group.canonical_quote_id
        assert (first.relation, first.similarity, first.changes) == ("identical", 1.0, ())
        assert len({m.quote_id for m in group.members}) == len(group.members)
        data = group.to_dict()
        assert set(data) == {"id", "canonical_quote_id", "fullest_quote_id", "members", "speaker_conflict"}
        assert all(set(m) == {"quote_id", "relation", "similarity", "changes"} for m in data["members"])


def test_deterministic() -> None:
    first = [g.to_dict() for g in group_variants(seed_refs())]
    again = [g.to_dict() for g in group_variants(seed_refs())]
    assert first == again


LONG_QUOTE = "I’m not pretending these discussions will be easy. They won’t proceed in a straight line,"


@pytest.mark.parametrize(
    "speakers, conflict",
    [
        ((CARNEY, CARNEY), False),
        ((CARNEY, None), False),  # unknown is not a conflict
        ((CARNEY, TRUMP), True),  # the same words under two names: a possible misattribution
        ((CARNEY, "mark carney"), False),
    ],
)
def test_speaker_conflict(speakers: tuple[str | None, str | None], conflict: bool) -> None:
    quotes = [QuoteRef(f"a{k}#q1", LONG_QUOTE, s, f"a{k}") for k, s in enumerate(speakers)]
    [group] = group_variants(quotes)
    assert group.speaker_conflict is conflict


def test_short_quotes_of_different_speakers_stay_apart() -> None:
    quotes = [QuoteRef("a#q1", "world-class leader", TRUMP, "a"), QuoteRef("b#q1", "world-class leader", CARNEY, "b")]
    assert group_variants(quotes) == []


@pytest.mark.parametrize("min_similarity", [0.5, DEFAULT_MIN_SIMILARITY, 0.8, 0.95])
def test_min_similarity_respected(min_similarity: float) -> None:
    groups = group_variants(seed_refs(), min_similarity=min_similarity)
    assert all(m.similarity >= min_similarity for g in groups for m in g.members)
    reworded = ("001-q6", "003-q9") in pairs_of(groups)
    assert reworded is (min_similarity <= 0.9375)


@pytest.mark.parametrize(
    "texts",
    [[], ["We have natural conflict."], ["fairly", "fairly"], ["we will", "we will"], ["win", "negotiate a win"]],
)
def test_nothing_to_group(texts: list[str]) -> None:
    quotes = [QuoteRef(f"a#q{k}", t, TRUMP, "a") for k, t in enumerate(texts)]
    assert group_variants(quotes) == []


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.one_of(
                st.text(max_size=80),
                st.lists(
                    st.sampled_from(["we", "have", "natural", "conflict", "…", "...", "love", "it’s", "2", "—"]),
                    max_size=12,
                ).map(" ".join),
            ),
            st.sampled_from([TRUMP, CARNEY, None]),
        ),
        max_size=12,
    ),
    st.floats(min_value=0.0, max_value=1.0),
)
def test_never_raises_and_similarities_in_range(items: list[tuple[str, str | None]], min_similarity: float) -> None:
    quotes = [QuoteRef(f"a#q{k}", text, speaker, "a") for k, (text, speaker) in enumerate(items)]
    groups = group_variants(quotes, min_similarity=min_similarity)
    ids = {q.quote_id for q in quotes}
    for group in groups:
        assert len(group.members) >= 2
        for member in group.members:
            assert member.quote_id in ids
            assert 0.0 <= member.similarity <= 1.0
            assert member.similarity >= min_similarity
            assert member.relation in RELATIONS
            assert all(change.op in CHANGE_OPS for change in member.changes)


@pytest.mark.parametrize(
    "copies, expected", [(3, 3), (MAX_POSTING, MAX_POSTING * (MAX_POSTING - 1) // 2), (MAX_POSTING + 1, 0)]
)
def test_too_common_bigrams_propose_no_candidates(copies: int, expected: int) -> None:
    # Every quote shares "natural conflict" and nothing else that is indexed.
    texts = [f"We have natural conflict over issue{k}" for k in range(copies)]
    assert len(candidate_pairs([normalise(t) for t in texts])) == expected


def test_unrelated_quotes_are_not_all_paired() -> None:
    texts = [quote for _, quote, _ in SEED_QUOTES]
    candidates = candidate_pairs([normalise(t) for t in texts])
    assert len(candidates) < len(texts) * (len(texts) - 1) // 2 // 20


def test_package_example_runs() -> None:
    result = doctest.testmod(service.variants)
    assert result.attempted > 0
    assert result.failed == 0


def _load_bench() -> ModuleType:
    """bench/variants.py, imported from its path (bench/ is a folder of scripts, not a package)."""
    path = Path(__file__).resolve().parents[2] / "bench" / "variants.py"
    spec = importlib.util.spec_from_file_location("bench_variants", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def test_bench_planted_recall() -> None:
    bench = _load_bench()
    data = bench.synthesise(300, seed=3)
    assert len(data.quotes) == 300
    assert {"fragment", "reworded", "stitched", "identical"} <= set(data.kinds.values())
    recall, precision = bench.score(data, group_variants(data.quotes))
    assert recall >= 0.95
    assert precision >= 0.95
