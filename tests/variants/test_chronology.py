"""Variant groups in order of publication (service/variants/chronology.py)."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from service.variants import QuoteRef, group_variants, order_by_published, order_groups_by_published
from service.variants.chronology import chronological, parse_rfc3339, published_instant
from service.variants.types import VariantGroup, VariantMember


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2024-05-01T10:00:00Z", datetime(2024, 5, 1, 10, tzinfo=UTC)),
        ("2024-05-01t10:00:00z", datetime(2024, 5, 1, 10, tzinfo=UTC)),
        ("2024-05-01 10:00:00+02:00", datetime(2024, 5, 1, 10, tzinfo=timezone(timedelta(hours=2)))),
        ("2024-05-01T10:00:00-00:00", datetime(2024, 5, 1, 10, tzinfo=UTC)),
        ("2024-05-01T10:00:00.123456789Z", datetime(2024, 5, 1, 10, 0, 0, 123456, tzinfo=UTC)),
        ("2024-05-01T10:00:00.5+05:30", datetime(2024, 5, 1, 10, 0, 0, 500000, tzinfo=timezone(timedelta(hours=5.5)))),
        ("2016-12-31T23:59:60Z", datetime(2016, 12, 31, 23, 59, 59, 999999, tzinfo=UTC)),  # a leap second
        ("2024-05-01", None),  # a date alone is not an RFC 3339 date-time
        ("2024-05-01T10:00:00", None),  # nor a time without its offset
        ("2024-02-30T10:00:00Z", None),
        ("2024-05-01T24:00:00Z", None),
        ("2024-05-01T10:00:00+24:00", None),
        ("yesterday", None),
    ],
)
def test_parse_rfc3339(value: str, expected: datetime | None) -> None:
    assert parse_rfc3339(value) == expected


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2024-05-01T10:00:00Z", datetime(2024, 5, 1, 10, tzinfo=UTC)),
        ("2024-05-01", datetime(2024, 5, 1, tzinfo=UTC)),
        ("2024-05-01T10:00:00", datetime(2024, 5, 1, 10, tzinfo=UTC)),  # no offset: taken as UTC
        ("Tue, 01 Dec 2026 09:30:00 GMT", datetime(2026, 12, 1, 9, 30, tzinfo=UTC)),  # RSS
        ("  2024-05-01T10:00:00Z ", datetime(2024, 5, 1, 10, tzinfo=UTC)),
        ("", None),
        ("soon", None),
        (None, None),
        (20240501, None),
    ],
)
def test_published_instant_is_lenient(value: object, expected: datetime | None) -> None:
    assert published_instant(value) == expected


def _group(*quote_ids: str) -> VariantGroup:
    members = tuple(VariantMember(q, "identical" if n == 0 else "fragment", 1.0, ()) for n, q in enumerate(quote_ids))
    return VariantGroup("g1", quote_ids[0], members, False)


def test_members_ordered_by_instant_not_by_string() -> None:
    # 21:00 at UTC-5 is 02:00 UTC the next day: later than 01:00Z although its string sorts first.
    published = {"a#q1": "2024-05-01T21:00:00-05:00", "b#q1": "2024-05-02T01:00:00Z", "c#q1": "2024-05-01T12:00:00Z"}
    ordered = order_by_published(_group("a#q1", "b#q1", "c#q1"), published)
    assert [m.quote_id for m in ordered.members] == ["c#q1", "b#q1", "a#q1"]
    assert ordered.canonical_quote_id == "c#q1"
    assert ordered.fullest_quote_id == "a#q1"
    assert ordered.to_dict()["fullest_quote_id"] == "a#q1"


def test_unknown_and_unreadable_times_come_after_in_group_order() -> None:
    published = {"b#q1": "2024-05-03T00:00:00Z", "d#q1": "not a date", "e#q1": "2024-05-02T00:00:00Z"}
    members = chronological(_group("a#q1", "b#q1", "c#q1", "d#q1", "e#q1").members, published)
    assert [m.quote_id for m in members] == ["e#q1", "b#q1", "a#q1", "c#q1", "d#q1"]


def test_ties_keep_the_group_order() -> None:
    same = "2024-05-01T10:00:00Z"
    published = {"a#q1": same, "b#q1": "2024-05-01T12:00:00+02:00", "c#q1": same}  # all one instant
    ordered = order_by_published(_group("c#q1", "a#q1", "b#q1"), published)
    assert [m.quote_id for m in ordered.members] == ["c#q1", "a#q1", "b#q1"]
    assert ordered.canonical_quote_id == "c#q1"


def test_a_group_without_dates_is_unchanged() -> None:
    group = _group("a#q1", "b#q1")
    assert order_by_published(group, {"a#q1": None}) is group
    assert group.fullest == "a#q1"
    assert group.to_dict()["fullest_quote_id"] == "a#q1"


def test_ordering_real_groups_keeps_relations_against_the_fullest() -> None:
    said = "We could renegotiate it, and that would be good, or we can just do different deals,"
    refs = [
        QuoteRef("a#q1", said, "Donald Trump", "a"),
        QuoteRef("b#q1", said.replace("could", "can"), "Donald Trump", "b"),
        QuoteRef("c#q1", "just do different deals,", "Donald Trump", "c"),
    ]
    groups = group_variants(refs)
    published = {"a#q1": "2024-05-03T09:00:00Z", "b#q1": "2024-05-02T09:00:00Z", "c#q1": "2024-05-01T09:00:00Z"}
    [ordered] = order_groups_by_published(groups, published)
    assert [m.quote_id for m in ordered.members] == ["c#q1", "b#q1", "a#q1"]
    assert (ordered.id, ordered.canonical_quote_id, ordered.fullest_quote_id) == ("g1", "c#q1", "a#q1")
    relation = {m.quote_id: m.relation for m in ordered.members}
    assert relation == {"a#q1": "identical", "b#q1": "reworded", "c#q1": "fragment"}
