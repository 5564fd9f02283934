"""The request budget stops the work itself, not only the answer; analyses wait for a place within it."""
from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from spacy.language import Language

from service.api.budget import AnalysisSlots
from service.api.errors import Problem
from service.app import create_app
from service.cache import InMemoryCache
from service.isolated import AnalysisProcessFailed
from service.nlp.deadline import DeadlineExceeded, check_deadline, deadline, stop_all_by
from service.nlp.pipeline import FairLock
from tests.api.test_routes import assert_problem

PARAGRAPH = "“We have natural conflict,” Trump said on Tuesday. Carney told reporters the talks would go on.\n\n"


class CountingPipeline:
    """The real pipeline, counting the batches that go through the model."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.batches = 0

    def pipe(self, texts: Any, **kwargs: Any) -> Any:
        self.batches += 1
        return self.nlp.pipe(texts, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.nlp, name)


def test_a_request_past_its_budget_stops_using_the_model(nlp: Language) -> None:
    """A 300 KB article needs about 30 model batches; with a budget of 0.3 s the caller gets a 503 and the
    parse stops there: no thread goes on parsing after the answer."""
    counting = CountingPipeline(nlp)
    client = create_app({"request_time_budget": 0.3}, nlp=counting, cache=InMemoryCache()).test_client()  # type: ignore[arg-type]
    text = PARAGRAPH * (300_000 // len(PARAGRAPH))
    threads = threading.active_count()
    response = client.post("/v1/quotes", json={"text": text})
    problem = assert_problem(response, 503)
    assert "was stopped" in problem["detail"] and response.headers["Retry-After"].isdigit()
    stopped_at = counting.batches
    time.sleep(0.5)
    assert counting.batches == stopped_at < 30
    assert threading.active_count() == threads


def test_a_request_that_finds_no_free_place_is_a_503_within_its_budget() -> None:
    """With every place taken, a request waits its budget for one, then gets a 503 saying the service is busy."""
    slots = AnalysisSlots(1)
    entered, leave = threading.Event(), threading.Event()

    def hold() -> None:
        entered.set()
        leave.wait(10)

    holder = threading.Thread(target=slots.run, args=(10, hold))
    holder.start()
    try:
        assert entered.wait(5)
        started = time.monotonic()
        with pytest.raises(Problem) as refused:
            slots.run(0.2, lambda: None)
        assert time.monotonic() - started < 2
        assert refused.value.status == 503 and "busy" in refused.value.detail
    finally:
        leave.set()
        holder.join()
    assert slots.run(1, lambda: "free again") == "free again"


def test_deadline_checks_raise_only_past_the_innermost_deadline() -> None:
    """No deadline: nothing; an outer deadline shorter than the inner one wins."""
    check_deadline()
    with deadline(0.05):
        check_deadline()
        time.sleep(0.06)
        with pytest.raises(DeadlineExceeded):
            check_deadline()
    with deadline(0.05), deadline(100):
        time.sleep(0.06)
        with pytest.raises(DeadlineExceeded):
            check_deadline()
    check_deadline()


def test_fair_lock_is_granted_in_the_order_asked() -> None:
    """Threads that wait for the lock get it first come, first served."""
    lock = FairLock()
    order: list[int] = []
    lock.__enter__()
    threads = []
    for n in range(5):
        thread = threading.Thread(target=lambda n=n: (lock.__enter__(), order.append(n), lock.__exit__()))
        thread.start()
        threads.append(thread)
        time.sleep(0.05)  # each is waiting before the next asks
    lock.__exit__()
    for thread in threads:
        thread.join(5)
    assert order == [0, 1, 2, 3, 4]


def test_a_stopping_worker_brings_every_deadline_forward() -> None:
    """SIGTERM (ProblemThreadWorker.handle_exit) ends analyses within GRACEFUL_TIMEOUT, whatever their budget;
    work without a deadline (the CLI) is not touched."""
    try:
        with deadline(100):
            stop_all_by(0.05)
            check_deadline()
            time.sleep(0.06)
            with pytest.raises(DeadlineExceeded):
                check_deadline()
        check_deadline()
    finally:
        stop_all_by(float("inf"))


def test_places_are_granted_in_the_order_asked() -> None:
    """Requests waiting for an analysis place get it first come, first served."""
    slots = AnalysisSlots(1)
    order: list[int] = []
    leave = threading.Event()
    holder = threading.Thread(target=slots.run, args=(10, lambda: leave.wait(10)))
    holder.start()
    time.sleep(0.05)
    waiters = []
    for n in range(4):
        waiter = threading.Thread(target=slots.run, args=(10, lambda n=n: order.append(n)))
        waiter.start()
        waiters.append(waiter)
        time.sleep(0.05)
    leave.set()
    for thread in [holder, *waiters]:
        thread.join(10)
    assert order == [0, 1, 2, 3]


def test_long_requests_take_places_of_their_own(monkeypatch: pytest.MonkeyPatch) -> None:
    """With isolation running, two long requests hold both long places: a short request still gets its place
    at once, and a third long one is the one that waits (here: a busy 503)."""
    monkeypatch.setattr("service.api.budget.isolates", lambda chars: chars >= 50_000)
    slots = AnalysisSlots(1, long_size=2)
    entered, leave = threading.Semaphore(0), threading.Event()

    def hold() -> None:
        entered.release()
        leave.wait(10)

    holders = [threading.Thread(target=slots.run, args=(10, hold, 60_000)) for _ in range(2)]
    for holder in holders:
        holder.start()
    try:
        assert entered.acquire(timeout=5) and entered.acquire(timeout=5)
        assert slots.run(0.2, lambda: "short", 3_000) == "short"
        with pytest.raises(Problem) as refused:
            slots.run(0.2, lambda: "long", 60_000)
        assert refused.value.status == 503 and "busy" in refused.value.detail
    finally:
        leave.set()
        for holder in holders:
            holder.join()


def test_an_analysis_process_that_dies_is_a_503() -> None:
    """A child killed from outside (out of memory) leaves no answer: the caller gets a problem, not a 500."""

    def died() -> None:
        raise AnalysisProcessFailed("the analysis process 1234 died without an answer")

    with pytest.raises(Problem) as failed:
        AnalysisSlots(1).run(5, died)
    assert failed.value.status == 503 and "without an answer" in failed.value.detail
