"""gunicorn's threaded worker, with a read timeout on client sockets and problem+json for its own errors.

    worker_class = "service.gunicorn_worker.ProblemThreadWorker"   (service/gunicorn_conf.py)

- A client that stops sending (headers sent, the body never finished) holds one thread for CLIENT_TIMEOUT
  seconds, not forever: gthread sets client sockets blocking without a timeout.
- On SIGTERM every analysis is brought to end within GRACEFUL_TIMEOUT (a 503 rather than a reset connection), and
  the connections already queued on the listening socket are accepted and answered before it closes (`drain`;
  service/gunicorn_drain.py makes the kernel stop queueing new ones), so a stop under load resets none.
- Long analyses run in child processes of a zygote forked once the app is loaded (service/isolated.py).
- `GET /healthz` and `/readyz` get threads of their own: with every thread of the pool taken (by ~25 clients
  waiting for an analysis place, or all the load of a killed worker's twin) a health check would queue.
- The errors gunicorn answers itself, before the app sees the request (a request line over 4094 bytes,
  too many or too large headers, a malformed request), are RFC 9457 problem+json like every other error.
"""
from __future__ import annotations

import json
import os
import re
import select
import selectors
import socket
import time
from concurrent import futures
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from http import HTTPStatus
from typing import Any

from gunicorn.http import errors  # type: ignore[import-untyped]
from gunicorn.workers.gthread import ThreadWorker  # type: ignore[import-untyped]

from service.api.routes import EXTENSION_KEY
from service.isolated import start_isolation, stop_isolation
from service.nlp.deadline import stop_all_by

# Seconds a client may leave the connection silent while sending a request or reading the answer.
CLIENT_TIMEOUT = float(os.environ.get("CLIENT_TIMEOUT") or "10")

# Threads for health checks alone, beside the pool; the start of a request that goes to them.
HEALTH_THREADS = 2
_HEALTH_REQUEST = re.compile(rb"GET /(healthz|readyz)[ ?]")
_PEEK_BYTES = 16

# On a stop, how long a worker keeps accepting before it may close a listener whose queue is empty: handshakes
# under way when new connections were refused still complete meanwhile (a round trip; 0.5 s covers slow links).
DRAIN_SETTLE = 0.5
# The longest it keeps accepting while the queue never empties (new connections are not refused: a reload, whose
# new workers share the socket, or not Linux); connections still queued then are left to them (or reset).
DRAIN_ACCEPTING = 5.0
# How often the drain looks at the queue and at the requests it is still answering.
_DRAIN_STEP = 0.05

_BAD_REQUEST = (
    errors.InvalidRequestLine, errors.InvalidRequestMethod, errors.InvalidHTTPVersion, errors.InvalidHeader,
    errors.InvalidHeaderName, errors.LimitRequestLine, errors.InvalidProxyLine, errors.InvalidSchemeHeaders,
    errors.ObsoleteFolding,
)


def problem_status(exc: BaseException) -> int:
    """The status gunicorn would answer `exc` with (its base worker's table), 500 for anything else."""
    if isinstance(exc, errors.LimitRequestHeaders):
        return HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE
    if isinstance(exc, errors.UnsupportedTransferCoding):
        return HTTPStatus.NOT_IMPLEMENTED
    if isinstance(exc, errors.ForbiddenProxyRequest):
        return HTTPStatus.FORBIDDEN
    if isinstance(exc, _BAD_REQUEST):
        return HTTPStatus.BAD_REQUEST
    return HTTPStatus.INTERNAL_SERVER_ERROR


def problem_bytes(status: int, detail: str) -> bytes:
    """A complete HTTP/1.1 response carrying a problem+json body; the connection is closed after it."""
    body = json.dumps(
        {"type": "about:blank", "title": HTTPStatus(status).phrase, "status": status, "detail": detail},
        separators=(",", ":"),
    ).encode()
    head = (
        f"HTTP/1.1 {status} {HTTPStatus(status).phrase}\r\nConnection: close\r\n"
        f"Content-Type: application/problem+json\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    return head.encode("latin-1") + body


class ProblemThreadWorker(ThreadWorker):  # type: ignore[misc]  # gunicorn has no type hints
    """gthread with CLIENT_TIMEOUT on client sockets and problem+json error pages."""

    def load_wsgi(self) -> None:
        """Load the app as gthread does, then fork the zygote for long analyses while this is the only thread."""
        super().load_wsgi()
        services = getattr(self.wsgi, "extensions", {}).get(EXTENSION_KEY)
        if services is not None and os.environ.get("ISOLATE", "true").lower() not in ("0", "false", "no"):
            start_isolation(services.nlp, close=self.sockets)
        self.health_pool = ThreadPoolExecutor(HEALTH_THREADS, thread_name_prefix="health")

    def enqueue_req(self, conn: Any) -> None:
        """As gthread (a health check in a thread of its own), then bound how long the thread may wait on this client.

        Called in the main loop once the client's socket is readable, so the request line has (mostly) arrived.
        """
        health = _HEALTH_REQUEST.match(_peek(conn.sock)) is not None
        conn.init()
        conn.sock.settimeout(CLIENT_TIMEOUT)
        future = (self.health_pool if health else self.tpool).submit(self.handle, conn)
        self._wrap_future(future, conn)

    def run(self) -> None:
        """gthread's loop, then (on a stop) the drain of the listeners' queues; the zygote ends with it."""
        try:
            for listener in self.sockets:
                listener.setblocking(False)
                self.poller.register(listener, selectors.EVENT_READ, partial(self.accept, listener.getsockname()))
            while self.alive:
                self.notify()
                self._turn(1.0, accepting=self.nr_conns < self.worker_connections)
                if not self.is_parent_alive():
                    break
            self.drain()
            self.tpool.shutdown(False)
            self.poller.close()
            futures.wait(self.futures, timeout=DRAIN_SETTLE)
        finally:
            stop_isolation()

    def _turn(self, timeout: float, accepting: bool = True) -> None:
        """A turn of gthread's loop: accept and dispatch what is ready, collect what finished, expire keep-alives."""
        if accepting:
            for key, _ in self.poller.select(timeout):
                key.data(key.fileobj)
            done = futures.wait(self.futures, timeout=0, return_when=futures.FIRST_COMPLETED).done
        else:
            done = futures.wait(self.futures, timeout=timeout, return_when=futures.FIRST_COMPLETED).done
        for future in done:
            self.futures.remove(future)
        self.murder_keepalived()

    def drain(self) -> None:
        """Stopping: accept and answer what is queued on the listeners, close them once empty, finish the requests.

        Requests accepted now are answered as any other (gthread adds `Connection: close` once the worker is
        stopping); analyses end by the stop time handle_exit set. All of it within GRACEFUL_TIMEOUT, after which the
        master kills the worker.
        """
        started = time.monotonic()
        end_by = started + max(self.cfg.graceful_timeout - 1.0, DRAIN_SETTLE)
        listening = list(self.sockets)
        closed_at = end_by
        while (now := time.monotonic()) < end_by:
            queued = any(pending_connection(listener) for listener in listening)
            if listening and now >= started + DRAIN_SETTLE and (now >= started + DRAIN_ACCEPTING or not queued):
                for listener in listening:
                    self.poller.unregister(listener)
                    listener.close()
                listening, closed_at = [], now
            if not listening and not self.futures and (
                    not self._waiting_clients() or now >= closed_at + CLIENT_TIMEOUT):
                break
            self.notify()
            self._turn(_DRAIN_STEP)
        for conn in self._waiting_clients(listening):  # idle keep-alive connections, clients that never sent a request
            conn.close()

    def _waiting_clients(self, listeners: list[Any] | None = None) -> list[Any]:
        """The sockets in the poller that are not listeners: clients accepted, or kept alive, without a request yet."""
        with self._lock:
            registered = [key.fileobj for key in self.poller.get_map().values()]
        return [sock for sock in registered if sock not in (listeners or [])]

    def handle_exit(self, sig: int, frame: Any) -> None:
        """SIGTERM: as gthread (stop accepting, finish in-flight requests), and make every analysis end in time.

        An analysis longer than GRACEFUL_TIMEOUT would be cut with its connection; it stops at its next
        check a few seconds before, and its caller gets the budget's 503 instead of a reset.
        """
        super().handle_exit(sig, frame)
        # A margin for the answer to be written, and for a model batch already under way to end.
        stop_all_by(max(self.cfg.graceful_timeout - 5.0, self.cfg.graceful_timeout / 2))

    def handle_error(self, req: Any, client: socket.socket, addr: Any, exc: BaseException) -> None:
        """Answer an error of gunicorn's own (or one escaping the app) with problem+json."""
        status = problem_status(exc)
        if status == HTTPStatus.INTERNAL_SERVER_ERROR:
            if isinstance(exc, TimeoutError | socket.timeout):
                self.log.info("client silent for %g s, connection closed", CLIENT_TIMEOUT)
                return
            self.log.exception("Error handling request")
            detail = "The server failed to process the request; it has been logged."
        else:
            self.log.warning("Invalid request from ip=%s: %s", (addr or ("",))[0], exc)
            detail = _detail(exc, status)
        try:
            client.sendall(problem_bytes(status, detail))
            _linger(client)
        except OSError:
            self.log.debug("Failed to send error message.")


def pending_connection(listener: Any) -> bool:
    """Whether a connection is waiting in the listening socket's accept queue."""
    poller = select.poll()
    poller.register(listener, select.POLLIN)
    return bool(poller.poll(0))


def _peek(sock: socket.socket) -> bytes:
    """The first bytes the client has sent, left in the socket for the request parser."""
    try:
        return sock.recv(_PEEK_BYTES, socket.MSG_PEEK | socket.MSG_DONTWAIT)
    except OSError:  # nothing yet, or the client is gone: the pool's thread will find out
        return b""


def _linger(client: socket.socket, seconds: float = 1.0, max_bytes: int = 1024 * 1024) -> None:
    """Close our side, then read what the client still sends (the rest of a long URL or header), so closing the
    socket does not reset the connection before the client has read the problem."""
    client.shutdown(socket.SHUT_WR)
    client.settimeout(seconds)
    received = 0
    while received < max_bytes:
        chunk = client.recv(65536)
        if not chunk:
            break
        received += len(chunk)


def _detail(exc: BaseException, status: int) -> str:
    if isinstance(exc, errors.LimitRequestLine):
        return "The request line (method and URL) is longer than the server accepts (4094 bytes)."
    if status == HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE:
        return f"The request headers are too many or too large: {exc}."
    return f"The server could not read the request: {exc}."
