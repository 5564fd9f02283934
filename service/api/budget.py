"""A wall-clock budget and a concurrency limit for analyses, so one request cannot hold a worker for long.

An analysis runs in the request's own thread under a deadline that the pipeline checks between model
batches and between articles (`service.nlp.deadline`): past REQUEST_TIME_BUDGET it stops there and the caller
gets a 503, so the worker's CPU goes back to the other requests. At most ANALYSIS_CONCURRENCY analyses run at
once in a worker (their memory is bounded with them); a request waits for a place within its budget.
A request long enough to be analysed in a child process (`service.isolated`) waits for one of its own places
instead (LONG_ANALYSIS_PLACES a worker), so long requests never take the places of short ones.
"""
from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from http import HTTPStatus
from typing import TypeVar

from service.api.errors import Problem
from service.isolated import AnalysisProcessFailed, isolates
from service.nlp.deadline import DeadlineExceeded, deadline, stopping

T = TypeVar("T")

# Analyses in child processes at once per worker: each child holds its own copy of a long article's parse.
LONG_ANALYSIS_PLACES = 2


class AnalysisSlots:
    """The places for analyses in this process, granted first come, first served; one set per app.

    (threading.Semaphore wakes an arbitrary waiter: under load some requests would wait far longer than others.)
    """

    def __init__(self, size: int, long_size: int = LONG_ANALYSIS_PLACES) -> None:
        self.size = size
        self.long = AnalysisSlots(long_size, 0) if long_size else None
        self._free = size
        self._guard = threading.Lock()
        self._waiting: deque[threading.Event] = deque()

    def _wait_for_place(self, until: float) -> bool:
        """Take a place before `until`; False past it, or once the worker is stopping (SIGTERM)."""
        with self._guard:
            if self._free > 0 and not self._waiting:
                self._free -= 1
                return True
            turn = threading.Event()
            self._waiting.append(turn)
        while not turn.wait(max(0.0, min(0.25, until - time.monotonic()))):
            if time.monotonic() >= until or stopping():
                with self._guard:
                    if turn.is_set():  # handed over just now
                        return True
                    self._waiting.remove(turn)
                    return False
        return True

    def _release(self) -> None:
        with self._guard:
            if self._waiting:
                self._waiting.popleft().set()  # the place goes to the longest waiter
            else:
                self._free += 1

    def run(self, seconds: float, compute: Callable[[], T], chars: int = 0) -> T:
        """`compute()`'s result, or a 503 problem when it cannot finish within `seconds`; its errors are re-raised.

        `chars`, the characters the request has to analyse, decides whether it takes a place for long analyses.
        """
        if self.long is not None and isolates(chars):
            return self.long.run(seconds, compute)
        started = time.monotonic()
        if not self._wait_for_place(started + seconds):
            raise Problem(
                HTTPStatus.SERVICE_UNAVAILABLE,
                f"The service is busy: no analysis could start within the request time budget of {seconds:g} "
                "seconds; retry later.",
                headers={"Retry-After": "10"},
            )
        try:
            with deadline(seconds - (time.monotonic() - started)):
                return compute()
        except DeadlineExceeded:
            raise Problem(
                HTTPStatus.SERVICE_UNAVAILABLE,
                f"The analysis took longer than the request time budget of {seconds:g} seconds and was stopped; "
                "send fewer or shorter articles.",
                headers={"Retry-After": "60"},
            ) from None
        except AnalysisProcessFailed:
            raise Problem(
                HTTPStatus.SERVICE_UNAVAILABLE,
                "The process analysing the request ended without an answer (it may have run out of memory); "
                "retry later, or send fewer or shorter articles.",
                headers={"Retry-After": "60"},
            ) from None
        finally:
            self._release()


_DEFAULT_SLOTS = AnalysisSlots(4)


def run_within_budget(
    seconds: float, compute: Callable[[], T], slots: AnalysisSlots | None = None, chars: int = 0
) -> T:
    """`compute()` in one of `slots` (default: the process's) under a deadline of `seconds`; see AnalysisSlots."""
    return (slots or _DEFAULT_SLOTS).run(seconds, compute, chars)
