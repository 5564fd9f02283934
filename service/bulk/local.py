"""A bulk run on this machine: worker processes forked after the model is loaded, output in input order, resume."""
from __future__ import annotations

import gc
import json
import multiprocessing
import os
import signal
import sys
import time
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

from spacy.language import Language
from tqdm import tqdm  # type: ignore[import-untyped]  # no stubs shipped

from service.analysis import AnalysisOptions
from service.bulk.annotate import Tally, annotate
from service.bulk.inputs import InputRecord, count_lines, partitions

# Articles (or characters) per task sent to a worker: a task is a fraction of a second of parsing, so
# the output advances steadily and a stop loses little, while the cost of sending it stays negligible.
TASK_ARTICLES = 16
TASK_CHARS = 60_000
# Tasks in flight per worker: enough that no worker waits for the reader, few enough to bound memory.
TASKS_IN_FLIGHT_PER_WORKER = 3


@dataclass(frozen=True)
class BulkJob:
    """What to read and how to extract: the same options as `POST /v1/quotes`."""

    sources: tuple[str, ...]
    options: AnalysisOptions = field(default_factory=lambda: AnalysisOptions(variants=False))
    omit: frozenset[str] = frozenset()  # input fields left out of the output ("text" with --drop-text)
    max_chars: int = 1_000_000


class Interrupted(BaseException):
    """SIGTERM arrived: stop after the lines already written.

    A BaseException, as KeyboardInterrupt: the per-article `except Exception` of annotate must not take it
    for an article that failed.
    """


# The pipeline the forked workers use: set in the parent before the fork, so they share its pages.
_WORKER_NLP: Language | None = None


def run_local(
    job: BulkJob,
    nlp: Language,
    output: int,
    *,
    workers: int,
    skip: Counter[str] | None = None,
    progress: bool = False,
) -> Tally:
    """Write one line per input article to file descriptor `output`, in input order; returns the tally.

    `skip` counts ids (as JSON) already in the output (see `completed_ids`): that many articles of each id
    are passed over. Every line is written whole by one `write`, after the lines before it.
    """
    remaining = Counter(skip or {})
    total = count_lines(job.sources)
    if total is not None:
        total = max(0, total - sum(remaining.values()))
    tally = Tally()
    started = time.perf_counter()
    bar = tqdm(total=total, unit="article", file=sys.stderr, disable=not progress, dynamic_ncols=True,
               smoothing=0.1)
    tasks = _tasks(_unskipped(_records(job), remaining))
    _STOP_REQUESTED.clear()
    previous = {signal.SIGTERM: signal.signal(signal.SIGTERM, _interrupt)}
    try:
        for lines, done in _annotated(tasks, nlp, job, workers):
            _write_all(output, "".join(lines).encode("utf-8"))
            tally.add(done)
            bar.update(done.articles)
            seconds = max(time.perf_counter() - started, 1e-9)
            bar.set_postfix_str(f"{tally.words / seconds:,.0f} words/s", refresh=False)
            if _STOP_REQUESTED:
                raise Interrupted(_STOP_REQUESTED[0])
    finally:
        bar.close()
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    return tally


def completed_ids(path: Path) -> Counter[str]:
    """Ids (as JSON) of the whole lines of an earlier output; a partly written last line is cut off first."""
    done: Counter[str] = Counter()
    if not path.exists():
        return done
    with open(path, "r+b") as stream:
        keep = 0
        for line in stream:
            if not line.endswith(b"\n"):
                break  # the line a killed run was writing
            try:
                done[json.dumps(json.loads(line)["id"], ensure_ascii=True)] += 1
            except (ValueError, KeyError, TypeError):
                break  # not one of ours: resume after the last good line
            keep += len(line)
        stream.truncate(keep)
    return done


_STOP_REQUESTED: list[str] = []  # set by the SIGTERM handler, read after each write


def _interrupt(signum: int, frame: FrameType | None) -> None:
    # Raising here could land in any library's cleanup code and be swallowed: flag it, stop after a write.
    _STOP_REQUESTED.append(signal.Signals(signum).name)


def _records(job: BulkJob) -> Iterator[InputRecord]:
    for partition in partitions(job.sources):
        yield from partition.records(job.max_chars)


def _unskipped(records: Iterable[InputRecord], remaining: Counter[str]) -> Iterator[InputRecord]:
    for record in records:
        key = json.dumps(record.id, ensure_ascii=True)
        if remaining[key] > 0:
            remaining[key] -= 1
            continue
        yield record


def _tasks(records: Iterable[InputRecord]) -> Iterator[list[InputRecord]]:
    task: list[InputRecord] = []
    chars = 0
    for record in records:
        task.append(record)
        chars += len(record.text or "")
        if len(task) >= TASK_ARTICLES or chars >= TASK_CHARS:
            yield task
            task, chars = [], 0
    if task:
        yield task


def _annotated(
    tasks: Iterable[list[InputRecord]], nlp: Language, job: BulkJob, workers: int
) -> Iterator[tuple[list[str], Tally]]:
    """Each task's output lines and tally, in task order: in this process, or on `workers` forked ones."""
    if workers <= 1:
        for task in tasks:
            yield annotate(task, nlp, job.options, omit=job.omit)
        return
    # The first task runs here, before the fork: the workers then start with the words it taught the
    # pipeline (pos_and_lemma remembers each word's part of speech and lemma) instead of each learning them.
    tasks = iter(tasks)
    first = next(tasks, None)
    if first is None:
        return
    yield annotate(first, nlp, job.options, omit=job.omit)
    global _WORKER_NLP
    _WORKER_NLP = nlp
    # As gunicorn_conf.pre_fork: the loaded model leaves the garbage collector's sight, so collections in
    # the workers neither walk it nor copy its shared pages.
    gc.freeze()
    # fork: the workers start with the loaded model in their memory (copy-on-write), no second load.
    executor = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                                   initializer=_worker_start, initargs=(os.getpid(),))
    pending: deque[Future[tuple[list[str], Tally]]] = deque()
    try:
        for task in tasks:
            pending.append(executor.submit(_annotate_in_worker, task, job.options, job.omit))
            if len(pending) >= workers * TASKS_IN_FLIGHT_PER_WORKER:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        executor.shutdown(wait=not pending, cancel_futures=True)
        if pending:  # stopped early: the workers' current tasks are not wanted
            for child in multiprocessing.active_children():
                child.terminate()
        _WORKER_NLP = None
        gc.unfreeze()


def _worker_start(parent: int) -> None:
    """Workers leave Ctrl-C and SIGTERM to the parent, which stops them once its lines are written, and die
    with it: a parent killed by SIGKILL cannot stop them, and they would wait on its queue for ever."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        import ctypes

        pr_set_pdeathsig = 1  # <linux/prctl.h>
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def _annotate_in_worker(task: Sequence[InputRecord], options: AnalysisOptions, omit: frozenset[str]) -> Any:
    assert _WORKER_NLP is not None, "workers are forked after the model is loaded"
    return annotate(task, _WORKER_NLP, options, omit=omit)


def _write_all(fd: int, data: bytes) -> None:
    """Write all of `data` (os.write may write less than asked)."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]
