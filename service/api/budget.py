"""A wall-clock budget for one request's analysis, so a pathological input answers 503, not a hang."""
from __future__ import annotations

import threading
from collections.abc import Callable
from http import HTTPStatus
from typing import TypeVar

from service.api.errors import Problem

T = TypeVar("T")


def run_within_budget(seconds: float, compute: Callable[[], T]) -> T:
    """`compute()`'s result, or a 503 problem when it takes longer than `seconds`; its errors are re-raised.

    The computation runs in a daemon thread: Python cannot stop it, so past the budget it finishes in the
    background and its result is dropped; gunicorn's TIMEOUT stays the hard stop for the worker.
    """
    outcome: list[T] = []
    failure: list[BaseException] = []

    def target() -> None:
        try:
            outcome.append(compute())
        except BaseException as exc:  # re-raised in the request thread, where the error handlers run
            failure.append(exc)

    worker = threading.Thread(target=target, name="analysis", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise Problem(
            HTTPStatus.SERVICE_UNAVAILABLE,
            f"The analysis took longer than the request time budget of {seconds:g} seconds; "
            "send fewer or shorter articles.",
            headers={"Retry-After": "60"},
        )
    if failure:
        raise failure[0]
    return outcome[0]
