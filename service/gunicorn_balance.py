"""gthread workers that leave a new connection to an idle worker while they have a request in hand.

    worker_class = "service.gunicorn_balance.BalancedThreadWorker"   (service/gunicorn_conf.py)

Every worker waits on the one listening socket, the kernel wakes them all for a new connection, and the first
to call accept() gets it. A worker in the middle of an analysis often wins that race: it is on a CPU already,
and its main thread gets the GIL within the switch interval, while an idle worker must first be scheduled. On
2 workers and 2 clients sending misses (bench/throughput.py), two analyses shared one worker 38% of the time
while the other worker had nothing to do. So a busy worker waits, up to ACCEPT_DEFER seconds, for an idle one
to take the connection, and accepts it itself only if it is still there. When no worker is idle nobody waits:
under full load a cache hit is accepted as soon as before.

Which workers are busy is one counter shared by the workers (created in the master before the first fork). A
worker killed while busy leaves it one too high: that only makes the others wait less often, never more.
"""
from __future__ import annotations

import multiprocessing
import os
import threading
import time
from typing import Any

from service.gunicorn_worker import ProblemThreadWorker, pending_connection

# How long a busy worker leaves a new connection to an idle one before it accepts it itself. An idle worker,
# woken by the same event, accepts within a few ms; 50 ms (the first default) was paid in full often enough
# that a cache hit's p95 rose from 5 to 54 ms (bench/throughput.py, 2 clients, idle machine); at 5 ms hits
# were as fast as with no deferral and misses kept their gain (3.9 x raw spaCy; no deferral 3.5 x).
ACCEPT_DEFER = float(os.environ.get("ACCEPT_DEFER") or "0.005")
# How often it looks whether the connection was taken meanwhile.
_DEFER_STEP = 0.001


class BalancedThreadWorker(ProblemThreadWorker):
    """ProblemThreadWorker that defers accept() to an idle worker while it handles a request (module docstring)."""

    # Workers handling at least one request, over all workers of the master; made in the master, shared by forks.
    busy_workers: Any = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if BalancedThreadWorker.busy_workers is None:  # the first worker object, in the master before any fork
            BalancedThreadWorker.busy_workers = multiprocessing.Value("i", 0)
        self._in_flight = 0
        self._in_flight_guard = threading.Lock()

    def handle(self, conn: Any) -> Any:
        """Handle one request (in a pool thread), counted as this worker being busy meanwhile."""
        self._count_in_flight(+1)
        try:
            return super().handle(conn)
        finally:
            self._count_in_flight(-1)

    def _count_in_flight(self, change: int) -> None:
        with self._in_flight_guard:
            before = self._in_flight
            self._in_flight += change
            if (before == 0) != (self._in_flight == 0):  # this worker became busy, or idle
                with self.busy_workers.get_lock():
                    self.busy_workers.value += change

    def accept(self, server: Any, listener: Any) -> None:
        """Accept a new connection, unless an idle worker takes it within ACCEPT_DEFER while this one is busy."""
        if self._in_flight and self.cfg.workers > 1:
            deadline = time.monotonic() + ACCEPT_DEFER
            while self.busy_workers.value < self.cfg.workers and time.monotonic() < deadline:
                time.sleep(_DEFER_STEP)  # releases the GIL: this worker's request goes on meanwhile
                if not pending_connection(listener):
                    return  # another worker accepted it
        super().accept(server, listener)

