"""Long analyses in a child process: the same quotes as in the worker's thread, and a child that is killed when
its request's deadline passes or the worker goes away."""
from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator

import pytest
from spacy.language import Language

from service import isolated
from service.nlp import extract_batch
from service.nlp.deadline import DeadlineExceeded, deadline

PARAGRAPH = "“We have natural conflict,” Trump said on Tuesday. Carney told reporters the talks would go on.\n\n"


@pytest.fixture
def zygote(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> Iterator[isolated.Zygote]:
    """A zygote of this process, used by `isolated.extract_batch` for texts of 1,000 characters or more."""
    forked = isolated.Zygote(nlp)
    monkeypatch.setattr(isolated, "_ZYGOTE", [forked])
    monkeypatch.setattr(isolated, "ISOLATE_CHARS", 1_000)
    yield forked
    forked.close()


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def wait_until_gone(pid: int) -> bool:
    """Whether `pid` ends within 10 s (a killed child is reaped by the kernel: the zygote ignores SIGCHLD)."""
    for _ in range(200):
        if not alive(pid):
            return True
        time.sleep(0.05)
    return False


def test_a_long_text_analysed_in_a_child_gets_the_quotes_it_gets_here(nlp: Language, zygote: isolated.Zygote) -> None:
    texts = [PARAGRAPH * 12, PARAGRAPH * 3]
    assert isolated.isolates(sum(map(len, texts)))
    assert isolated.extract_batch(nlp, texts, indirect=True) == extract_batch(nlp, texts, indirect=True)
    assert zygote.children == set()  # each child ends once it has answered


def test_a_short_text_is_analysed_in_this_process(nlp: Language, zygote: isolated.Zygote) -> None:
    zygote.close()  # a child could not be asked for: the short text must not need one
    assert not isolated.isolates(len(PARAGRAPH))
    assert isolated.extract_batch(nlp, [PARAGRAPH]) == extract_batch(nlp, [PARAGRAPH])


def test_the_child_is_killed_when_the_deadline_passes(nlp: Language, zygote: isolated.Zygote) -> None:
    """300 KB take the model many seconds; with a deadline of 0.5 s the request ends and so does its child."""
    started: list[int] = []
    original = zygote._spawned

    def spawned(pid: int) -> None:
        started.append(pid)
        original(pid)

    zygote._spawned = spawned  # type: ignore[method-assign]
    with pytest.raises(DeadlineExceeded), deadline(0.5):
        isolated.extract_batch(nlp, [PARAGRAPH * 3000])
    assert len(started) == 1
    assert wait_until_gone(started[0])
    assert zygote.children == set()


def test_a_closed_zygote_takes_its_running_child_with_it(nlp: Language, zygote: isolated.Zygote) -> None:
    """What happens when the worker ends (or is killed): its socket closes, the zygote kills its group."""
    errors: list[BaseException] = []

    def analyse() -> None:
        try:
            isolated.extract_batch(nlp, [PARAGRAPH * 3000])
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    thread = threading.Thread(target=analyse)
    thread.start()
    for _ in range(200):
        if zygote.children:
            break
        time.sleep(0.05)
    (child,) = zygote.children
    zygote_pid = zygote.pid
    zygote.close()
    thread.join(30)
    assert not thread.is_alive()
    assert [type(e) for e in errors] == [isolated.AnalysisProcessFailed]
    assert wait_until_gone(child)
    assert not alive(zygote_pid)  # ended, and reaped by close()
