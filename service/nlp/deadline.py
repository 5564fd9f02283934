"""A per-request deadline that long work checks between steps, so a request past its budget stops using the CPU.

    with deadline(5.0):
        extract_batch(nlp, texts)    # raises DeadlineExceeded at the next check after 5 s

The deadline lives in a context variable: each request thread has its own, and code that never enters
`deadline()` (the CLI, archive runs) never stops.
"""
from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_DEADLINE: ContextVar[float | None] = ContextVar("quote_service_deadline", default=None)
# Set once for the whole process when it is asked to stop: every request's work ends by then.
_STOP_BY: list[float] = []


class DeadlineExceeded(Exception):
    """The work went past the deadline of the current request and was stopped."""


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Within the block, `check_deadline()` raises once `seconds` have passed (an earlier outer deadline wins)."""
    at = time.monotonic() + seconds
    outer = _DEADLINE.get()
    token = _DEADLINE.set(at if outer is None else min(at, outer))
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def check_deadline() -> None:
    """Raise DeadlineExceeded when the current deadline (or the process's stop time) has passed."""
    at = _DEADLINE.get()
    if at is not None and (time.monotonic() > at or stopping()):
        raise DeadlineExceeded


def stopping() -> bool:
    """Whether the process's stop time (see `stop_all_by`) has passed."""
    return bool(_STOP_BY) and time.monotonic() > _STOP_BY[0]


def stop_all_by(seconds: float) -> None:
    """Bring every request's deadline forward to `seconds` from now (a worker stopping gracefully)."""
    _STOP_BY[:] = [time.monotonic() + seconds]


def seconds_left() -> float | None:
    """Seconds until the current deadline (or the process's stop time, if earlier); None without a deadline."""
    at = _DEADLINE.get()
    if at is None:
        return None
    if _STOP_BY:
        at = min(at, _STOP_BY[0])
    return at - time.monotonic()
