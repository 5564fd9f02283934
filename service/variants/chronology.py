"""Variant groups in order of publication: members sorted by their article's `published`, the earliest canonical.

Pure Python (no I/O). A group built by `group_variants` names its fullest rendering canonical and
lists it first; when the articles carry publication times, a reader wants the other story: who
printed the words first, and how later outlets rendered them. `order_by_published` gives that
order and keeps the fullest rendering as `fullest_quote_id`, the reference of every member's
`relation` and `changes` (a later, fuller transcript is still what fragments are measured against).

    >>> from service.variants.types import VariantGroup, VariantMember
    >>> group = VariantGroup("g1", "b#q1", (VariantMember("b#q1", "identical", 1.0, ()),
    ...                                      VariantMember("a#q2", "fragment", 1.0, ())), False)
    >>> ordered = order_by_published(group, {"b#q1": "2024-05-02T08:00:00Z", "a#q2": "2024-05-01T21:00:00-05:00"})
    >>> ordered.canonical_quote_id, ordered.fullest_quote_id, [m.quote_id for m in ordered.members]
    ('a#q2', 'b#q1', ['a#q2', 'b#q1'])
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

from service.variants.types import VariantGroup, VariantMember

# RFC 3339 section 5.6 date-time; "t", "z" and a space for "T" are allowed by its notes.
_RFC3339 = re.compile(
    r"(?P<date>\d{4}-\d{2}-\d{2})[Tt ](?P<hour>\d{2}):(?P<minute>\d{2}):(?P<second>\d{2})"
    r"(?:\.(?P<fraction>\d+))?(?P<offset>[Zz]|[+-]\d{2}:\d{2})"
)


def parse_rfc3339(value: str) -> datetime | None:
    """An RFC 3339 date-time as an aware datetime, or None when `value` is not one.

    Beyond `datetime.fromisoformat`: lower-case "t"/"z", any number of fraction digits (cut to
    microseconds) and a leap second ("23:59:60Z", kept just before the next second).
    """
    found = _RFC3339.fullmatch(value.strip())
    if found is None:
        return None
    fraction = (found["fraction"] or "")[:6].ljust(6, "0")
    leap = found["second"] == "60"
    offset = found["offset"].upper()
    try:
        parsed = datetime.fromisoformat(
            f"{found['date']}T{found['hour']}:{found['minute']}:{'59' if leap else found['second']}.{fraction}"
        )
        if offset != "Z":
            sign = -1 if offset[0] == "-" else 1
            hours, minutes = int(offset[1:3]), int(offset[4:6])
            if hours > 23 or minutes > 59:
                return None
            zone = timezone(sign * timedelta(hours=hours, minutes=minutes))
        else:
            zone = UTC
    except ValueError:  # a month 13, a 30 February, an hour 24
        return None
    parsed = parsed.replace(tzinfo=zone)
    return parsed.replace(microsecond=999_999) if leap else parsed


def published_instant(value: object) -> datetime | None:
    """When an article was published, read as leniently as archives need; None when unknown.

    RFC 3339 first; then other ISO 8601 forms (a date alone is its midnight) and the RFC 2822 dates
    of RSS feeds ("Tue, 01 Dec 2026 09:30:00 GMT"). A time without an offset is taken as UTC, so
    every instant compares with every other.
    """
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    parsed = parse_rfc3339(text)
    if parsed is None:
        try:
            parsed = datetime.fromisoformat(text.upper())
        except ValueError:
            try:
                parsed = parsedate_to_datetime(text)
            except (TypeError, ValueError, IndexError):
                return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def chronological(
    members: Iterable[VariantMember], published_by_quote: Mapping[str, object]
) -> tuple[VariantMember, ...]:
    """Members with a known publication time first, earliest first; the rest after, in their order.

    The sort is stable: members published at the same instant keep the group's order (fullest first).
    """
    listed = list(members)
    instants = [published_instant(published_by_quote.get(m.quote_id)) for m in listed]
    dated = sorted((instant, n) for n, instant in enumerate(instants) if instant is not None)
    undated = [n for n, instant in enumerate(instants) if instant is None]
    return tuple(listed[n] for n in [n for _, n in dated] + undated)


def order_by_published(group: VariantGroup, published_by_quote: Mapping[str, object]) -> VariantGroup:
    """`group` with its members in order of publication and the earliest published one canonical.

    `published_by_quote` maps a quote id to its article's `published` value (any type; unreadable
    values count as unknown). A group none of whose members has a known time is returned unchanged.
    """
    members = chronological(group.members, published_by_quote)
    if published_instant(published_by_quote.get(members[0].quote_id)) is None:
        return group
    return dataclasses.replace(
        group,
        canonical_quote_id=members[0].quote_id,
        members=members,
        fullest_quote_id=group.fullest,
    )


def order_groups_by_published(
    groups: Iterable[VariantGroup], published_by_quote: Mapping[str, object]
) -> list[VariantGroup]:
    """`order_by_published` for every group; group ids and their order are kept."""
    return [order_by_published(group, published_by_quote) for group in groups]
