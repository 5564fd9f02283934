"""Pairwise relations: which renderings link, how, and the word-level changes a newsroom would flag."""

from __future__ import annotations

from typing import Any

import pytest

from service.variants.groups import DEFAULT_MIN_SIMILARITY
from service.variants.match import relate
from service.variants.normalise import normalise

# Quotes from the seed articles (a Trump–Carney Oval Office meeting reported by several outlets).
LIKED_HIM = "From the beginning, I liked him, and we’ve had a good relationship,"
STITCHED = "From the beginning, I liked him … we have mutual love,"
CONFLICT_LOVE = "We have natural conflict. We also have mutual love… you know we have great love for each other,"
COULD = "We could renegotiate it, and that would be good, or we can just do different deals,"
CAN = "We can renegotiate it, and that would be good, or we can just do different deals."
CARNEY_LONG = (
    "There are areas where we compete, and it’s in those areas we have to come to an agreement that works. "
    "But there are more areas where we’re stronger together, and that’s what we’re focused on,"
)
LOVE_US = "I think the people of Canada will love us again. Most of them still do,"
FAIRLY = "We’re going to treat people fairly. We’re going to especially treat Canada fairly."

LINKED: list[Any] = [
    # member, container, relation, changes (as dicts)
    (LIKED_HIM, LIKED_HIM.replace("we’ve", "we have"), "identical", []),
    ("world-class leader", "world-class leader", "identical", []),
    ("We have natural conflict.", "We have natural conflict", "identical", []),
    (CAN, COULD, "reworded", [{"op": "replace", "from": "could", "to": "can"}]),
    ("different deals.", COULD, "fragment", []),
    ("do different deals.", COULD, "fragment", []),
    ("natural conflict", "We have natural conflict.", "fragment", []),
    ("We have natural conflict.", CONFLICT_LOVE, "fragment", []),
    ("mutual love,", CONFLICT_LOVE, "fragment", []),
    ("will love us again", LOVE_US, "fragment", []),
    ("merger of Canada and the United States,", "the merger of Canada and the United States,", "fragment", []),
    # the same cut printed without its ellipsis
    ("I liked him, we have mutual love", STITCHED, "fragment", []),
    # An ellipsis joins two remarks: each piece renders a different utterance.
    (STITCHED, LIKED_HIM, "stitched", [{"op": "insert", "from": None, "to": "we have mutual love"}]),
    (
        STITCHED,
        CONFLICT_LOVE,
        "stitched",
        [
            {"op": "insert", "from": None, "to": "From the beginning, I liked him"},
            {"op": "delete", "from": "also", "to": None},
        ],
    ),
    # A clause cut out of an otherwise verbatim quote, without an ellipsis.
    (
        "There are areas where we compete, we have to come to an agreement that works",
        CARNEY_LONG,
        "stitched",
        [{"op": "delete", "from": "and it’s in those areas", "to": None}],
    ),
    # Carney condensed by one outlet: "In areas where we compete, we have to ..."
    ("In areas where we compete, we have to come to an agreement that works,", CARNEY_LONG, "reworded", None),
    (
        "We’re going to treat people fairly, we’re going to treat Canada fairly.",
        FAIRLY,
        "reworded",
        [{"op": "delete", "from": "especially", "to": None}],
    ),
]


@pytest.mark.parametrize("member, container, relation, changes", LINKED)
def test_linked_renderings(member: str, container: str, relation: str, changes: list[dict[str, Any]] | None) -> None:
    match = relate(normalise(member), normalise(container), min_similarity=DEFAULT_MIN_SIMILARITY)
    assert match is not None
    assert match.relation == relation
    assert 0.0 <= match.similarity <= 1.0
    if changes is not None:
        assert [c.to_dict() for c in match.changes] == changes
    if relation in ("identical", "fragment"):
        assert match.similarity == 1.0


NOT_LINKED = [
    # single words never link, however exact
    ("fairly", FAIRLY),
    ("win", "negotiate a win"),
    ("conflict,", "We have natural conflict."),
    ("socialist", "socialist"),
    # a paraphrase is not a rendering
    ("fair treatment", FAIRLY),
    ("a good start.", "great relationship."),
    # same speaker, same topic, different sentence
    ("We have natural conflict.", "We’ve got to stamp it out."),
    ("We have to come to an agreement on steel", "We have natural conflict over steel"),
    ("will be very happy", "I think they’re going to walk away very happy,"),
    # a shared stock phrase is not a shared remark
    (
        "merger of Canada and the United States,",
        "Canada and the United States have reestablished free trade for the vast majority of our goods,",
    ),
    (
        "the most dishonest candidate for president of the United States since Richard Nixon,",
        "Hillary Clinton has done a lot of things to show why she shouldn’t be president of the United States,",
    ),
    ("Very good.", "He is a very good campaigner."),
    # function words only
    ("we have", "We have natural conflict."),
    # a dropped negation flips the meaning
    ("President Bernie Sanders.", "No president, not Bernie Sanders, not the greatest president you could imagine"),
]


@pytest.mark.parametrize("member, container", NOT_LINKED)
def test_near_misses_do_not_link(member: str, container: str) -> None:
    assert relate(normalise(member), normalise(container), min_similarity=DEFAULT_MIN_SIMILARITY) is None


@pytest.mark.parametrize(
    "member, container, linked",
    [
        # short quotes need the same speaker: two people say "world-class leader" independently
        ("world-class leader", "world-class leader", False),
        ("natural conflict", "We have natural conflict.", False),
        # a long verbatim quote under another name is a possible misattribution: it links
        (
            "I’m not pretending these discussions will be easy. They won’t proceed in a straight line,",
            "I’m not pretending these discussions will be easy. They won’t proceed in a straight line,",
            True,
        ),
        (CAN, COULD, True),
        ("We can renegotiate it, and that would be good", COULD, False),  # 2 content words: short
    ],
)
def test_other_speaker(member: str, container: str, linked: bool) -> None:
    match = relate(
        normalise(member), normalise(container), min_similarity=DEFAULT_MIN_SIMILARITY, speakers_compatible=False
    )
    assert (match is not None) is linked


@pytest.mark.parametrize(
    "min_similarity, linked",
    [(0.5, True), (DEFAULT_MIN_SIMILARITY, True), (0.93, True), (0.95, False), (1.0, False)],
)
def test_min_similarity_bounds_rewordings(min_similarity: float, linked: bool) -> None:
    # could -> can in 16 words: similarity 2*15/32 = 0.9375
    match = relate(normalise(CAN), normalise(COULD), min_similarity=min_similarity)
    assert (match is not None) is linked


def test_fragments_pass_any_threshold() -> None:
    match = relate(normalise("different deals."), normalise(COULD), min_similarity=1.0)
    assert match is not None and match.relation == "fragment"


def test_region_points_at_the_rendered_words() -> None:
    container = normalise(CONFLICT_LOVE)
    match = relate(normalise("mutual love,"), container, min_similarity=DEFAULT_MIN_SIMILARITY)
    assert match is not None
    start, end = match.region
    assert container.norms[start:end] == ("mutual", "love")


def test_not_strict_describes_weak_evidence() -> None:
    # Already grouped through another quote, a short non-verbatim member is still described.
    match = relate(normalise("we can just do deals"), normalise(COULD), min_similarity=0.6, strict=False)
    assert match is not None
    assert match.relation == "reworded"
    assert [c.to_dict() for c in match.changes] == [{"op": "delete", "from": "different", "to": None}]
    assert relate(normalise("we can just do deals"), normalise(COULD), min_similarity=0.6) is None


def test_long_speeches_align_without_the_quadratic_table() -> None:
    # 600 words quoted by two outlets, one dropping a word and changing another.
    words = [f"word{k % 97}" if k % 3 else "we" for k in range(600)]
    edited = list(words)
    edited[400] = "changed"
    del edited[100]
    match = relate(normalise(" ".join(edited)), normalise(" ".join(words)), min_similarity=DEFAULT_MIN_SIMILARITY)
    assert match is not None
    assert match.relation == "reworded"
    assert match.similarity > 0.99
    assert [c.to_dict() for c in match.changes] == [
        {"op": "delete", "from": words[100], "to": None},
        {"op": "replace", "from": words[400], "to": "changed"},
    ]
