"""Long analyses in a child process at low CPU priority, killed at the request's deadline.

    start_isolation(nlp, close=listeners)     # once per gunicorn worker, while it has one thread (gunicorn_worker.py)
    extract_batch(nlp, texts, indirect=False)  # in a child if the texts are long and isolation runs, else here

Why: a long article parsed in a worker's own thread shares that worker's GIL and CPU with everything else it
serves. spaCy holds the GIL for a whole model call (0.5-2 s for a chunk of one-character lines on a loaded
machine), and two 1 MB articles in one worker take its CPU for minutes: the misses that land there queue for
tens of seconds, the gthread pool fills with them and /healthz waits 30 s for a thread (bench/faults.py,
worst_case phase). In a child the parse has its own GIL, runs at nice ISOLATED_NICE (the kernel gives short
requests the CPU first), and a request past its budget is stopped at once by SIGKILL, not at the next check.

The children are forked from a "zygote": a copy of the worker forked before it starts any thread (forking a
threaded process copies locks that other threads may hold), sharing the loaded model copy-on-write. For each
job the zygote forks a child that runs `service.nlp.extract_batch`, sends the quotes back over a socket of the
requesting thread (passed with SCM_RIGHTS) and exits. Short texts (most news) stay in the worker's thread: the
fork is cheap (2 KB: 0.52-0.58 s in a child, 0.51-0.59 s here), but a child starts with the tagger's word cache
as the zygote had it (cold in a server) and its learning is lost when it ends; a long article amortises that.
"""
from __future__ import annotations

import json
import logging
import os
import signal
import socket
import threading
import time
import traceback
from collections.abc import Iterable, Sequence
from multiprocessing.connection import Connection
from multiprocessing.reduction import recv_handle, send_handle

from spacy.language import Language

from service.nlp import Quote
from service.nlp import extract_batch as extract_here
from service.nlp.deadline import check_deadline, seconds_left
from service.nlp.extract import needs_parse

# Requests whose articles to analyse are this long together (characters) go to a child: ~5 chunks of the model.
ISOLATE_CHARS = int(os.environ.get("ISOLATE_CHARS") or "50000")
# The children's niceness: under load, the CPU goes to the short analyses and /healthz of the workers first.
ISOLATED_NICE = int(os.environ.get("ISOLATED_NICE") or "10")
# A child with no deadline from its request still ends after this long (SIGALRM), even if nobody is left to kill it.
_CHILD_MAX_SECONDS = 3600
_POLL_SECONDS = 0.25

log = logging.getLogger(__name__)


class AnalysisProcessFailed(Exception):
    """The child analysing a request died or failed without an answer."""


class Zygote:
    """A single-threaded copy of the worker that forks one child per long analysis."""

    def __init__(self, nlp: Language, close: Iterable[socket.socket] = ()) -> None:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        pid = os.fork()
        if pid == 0:  # the zygote
            try:
                ours.close()
                for listener in close:
                    listener.close()  # the worker's listening sockets: a zygote must not keep the port open
                _serve(Connection(theirs.detach()), nlp)
            finally:
                os._exit(0)
        theirs.close()
        self.pid = pid
        self._control = Connection(ours.detach())
        self._lock = threading.Lock()  # one job handed over at a time
        self.alive = True
        self.children: set[int] = set()  # the children running for requests of this process

    def extract(self, texts: Sequence[str], indirect: bool) -> list[tuple[Quote, ...]]:
        """`extract_batch(texts)` in a new child; it is killed when the current deadline passes."""
        left = seconds_left()
        limit = _CHILD_MAX_SECONDS if left is None else max(1, int(left) + 5)
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        with ours, theirs:
            with self._lock:
                try:
                    self._control.send((list(texts), indirect, limit))
                    send_handle(self._control, theirs.fileno(), self.pid)
                    child: int = self._control.recv()
                except (OSError, EOFError) as exc:
                    self.alive = False
                    raise AnalysisProcessFailed("the zygote is gone") from exc
                self._spawned(child)
            theirs.close()
            answer = Connection(ours.detach())
        try:
            return _wait_for_answer(answer, child)
        except BaseException:
            _kill(child)  # the request is given up (deadline, stop, error): so is its work
            raise
        finally:
            answer.close()
            self.children.discard(child)

    def _spawned(self, child: int) -> None:
        self.children.add(child)

    def close(self) -> None:
        """Stop the zygote (its running children with it) and reap it."""
        self._control.close()
        self.alive = False
        for _ in range(100):
            try:
                if os.waitpid(self.pid, os.WNOHANG)[0]:
                    return
            except ChildProcessError:
                return
            time.sleep(0.01)


def _wait_for_answer(answer: Connection, child: int) -> list[tuple[Quote, ...]]:
    while True:
        left = seconds_left()
        if answer.poll(_POLL_SECONDS if left is None else max(0.0, min(_POLL_SECONDS, left))):
            break
        check_deadline()  # raises past the deadline or once the worker is stopping; the caller kills the child
    try:
        status, payload = answer.recv()
    except (EOFError, OSError) as exc:
        raise AnalysisProcessFailed(f"the analysis process {child} died without an answer") from exc
    if status != "ok":
        raise AnalysisProcessFailed(f"the analysis process failed: {payload}")
    return [tuple(Quote.from_dict(item) for item in quotes) for quotes in json.loads(payload)]


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _serve(control: Connection, nlp: Language) -> None:
    """The zygote's loop: fork a child per job until the worker closes its end (or dies)."""
    os.setpgid(0, 0)  # a group of its own, so that it takes its children with it when it ends
    signal.set_wakeup_fd(-1)
    for number in (signal.SIGTERM, signal.SIGINT, signal.SIGQUIT, signal.SIGHUP, signal.SIGUSR1, signal.SIGUSR2,
                   signal.SIGWINCH, signal.SIGTTIN, signal.SIGTTOU, signal.SIGABRT):
        signal.signal(number, signal.SIG_DFL)  # not the worker's handlers
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # the kernel reaps the children
    while True:
        try:
            texts, indirect, limit = control.recv()
            answer = recv_handle(control)
        except (EOFError, OSError):
            break
        child = os.fork()
        if child == 0:
            control.close()
            _run_child(Connection(answer), nlp, texts, indirect, limit)
        os.close(answer)
        control.send(child)
    os.killpg(0, signal.SIGKILL)


def _run_child(answer: Connection, nlp: Language, texts: list[str], indirect: bool, limit: int) -> None:
    code = 1
    try:
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        signal.alarm(limit)  # SIGALRM ends the process: a child never outlives its request by much
        os.nice(ISOLATED_NICE)
        quotes = extract_here(nlp, texts, indirect=indirect)
        answer.send(("ok", json.dumps([[q.to_dict() for q in article] for article in quotes])))
        code = 0
    except BaseException:  # noqa: BLE001  # the requesting thread gets the traceback as its error
        try:
            answer.send(("error", traceback.format_exc(limit=-3)))
        except OSError:
            pass
    finally:
        os._exit(code)


_ZYGOTE: list[Zygote] = []


def start_isolation(nlp: Language, close: Iterable[socket.socket] = ()) -> bool:
    """Fork this process's zygote for `nlp`; only while the process has a single thread. True if started."""
    if threading.active_count() != 1:
        log.warning("long analyses stay in the worker's threads: isolation must start before any thread")
        return False
    _ZYGOTE[:] = [Zygote(nlp, close)]
    return True


def stop_isolation() -> None:
    """Stop the zygote started by `start_isolation`, if any."""
    for zygote in _ZYGOTE:
        zygote.close()
    _ZYGOTE.clear()


def isolates(chars: int) -> bool:
    """Whether a request with `chars` characters to analyse would be analysed in a child."""
    return chars >= ISOLATE_CHARS and any(z.alive for z in _ZYGOTE)


def extract_batch(nlp: Language, texts: Sequence[str], *, indirect: bool = False) -> list[tuple[Quote, ...]]:
    """Quotes of every text, as `service.nlp.extract_batch`; long texts in a child when isolation runs.

    Raises DeadlineExceeded past the request's deadline (the child is killed), AnalysisProcessFailed if it died.
    """
    zygote = _ZYGOTE[0] if _ZYGOTE else None
    chars = sum(len(t) for t in texts if needs_parse(t, indirect=indirect))  # the others cost no parse
    if zygote is None or not zygote.alive or chars < ISOLATE_CHARS:
        return extract_here(nlp, texts, indirect=indirect)
    check_deadline()
    return zygote.extract(texts, indirect)
