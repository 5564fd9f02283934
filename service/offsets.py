"""Offsets in the unit a client counts in: code points (Python), UTF-16 (JavaScript, Java), UTF-8 bytes (Go, Rust).

Extraction always counts code points; a response is converted at the end, so the cache and the
rules never see another unit.

    >>> text = "👍🏽 “Yes,” she said."
    >>> to_unit = offset_converter(text, "utf16")
    >>> start, end = text.index("Yes"), text.index("Yes") + 3
    >>> (start, end), (to_unit(start), to_unit(end))
    ((4, 7), (6, 9))
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import accumulate
from typing import Any


def _utf16_units(char: str) -> int:
    return 2 if ord(char) > 0xFFFF else 1


def _utf8_bytes(char: str) -> int:
    point = ord(char)
    return 1 if point < 0x80 else 2 if point < 0x800 else 3 if point < 0x10000 else 4


def _identity(index: int) -> int:
    return index


def offset_converter(text: str, unit: str) -> Callable[[int], int]:
    """A function from a code-point offset into `text` to the same offset counted in `unit`."""
    if unit == "codepoint" or text.isascii():
        return _identity
    width = {"utf16": _utf16_units, "utf8": _utf8_bytes}[unit]
    prefix = [0, *accumulate(width(c) for c in text)]
    return prefix.__getitem__


def convert_spans(value: Any, to_unit: Callable[[int], int]) -> Any:
    """`value` (JSON-like) with every span's `start` and `end` converted; anything else unchanged.

    A span is any object with integer `start` and `end`: quotes, segments, mentions, cues and
    whatever span a later field adds, so no offset of a response is left in another unit.
    """
    if isinstance(value, list):
        return [convert_spans(item, to_unit) for item in value]
    if isinstance(value, dict):
        converted = {key: convert_spans(item, to_unit) for key, item in value.items()}
        for key in ("start", "end"):
            if isinstance(converted.get(key), int) and not isinstance(converted[key], bool):
                converted[key] = to_unit(converted[key])
        return converted
    return value
