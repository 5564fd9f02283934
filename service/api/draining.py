"""Read and drop the body a request sent but the app did not read (a 413, a 401), before the connection closes.

A server that answers early and closes with unread bytes in its socket makes the kernel send a reset: a
client still sending its 30 MB body sees a broken pipe instead of the 413 problem. Draining a bounded amount
(DRAIN_MAX_BYTES, within DRAIN_SECONDS) lets ordinary clients read the answer; a body larger than that is
not read at all, and such a client should send `Expect: 100-continue`.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]

DRAIN_MAX_BYTES = 64 * 1024 * 1024
DRAIN_SECONDS = 5.0
_CHUNK = 256 * 1024


class DrainUnreadBody:
    """WSGI middleware: after the response is sent, drain what is left of a declared body (bounded)."""

    def __init__(self, app: WSGIApp, max_bytes: int = DRAIN_MAX_BYTES, seconds: float = DRAIN_SECONDS) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.seconds = seconds

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        declared = _declared_length(environ)
        response = self.app(environ, start_response)
        if declared <= 0 or declared > self.max_bytes:
            return response
        return _DrainingResponse(response, environ, self.seconds)


class _DrainingResponse:
    """The app's response iterable; its close() drains the request body after the app's own close."""

    def __init__(self, response: Iterable[bytes], environ: dict[str, Any], seconds: float) -> None:
        self._response = response
        self._environ = environ
        self._seconds = seconds

    def __iter__(self) -> Iterator[bytes]:
        return iter(self._response)

    def close(self) -> None:
        try:
            close = getattr(self._response, "close", None)
            if close is not None:
                close()
        finally:
            drain(self._environ.get("wsgi.input"), self._seconds)


def drain(stream: Any, seconds: float) -> int:
    """Read `stream` to its end or for `seconds`, whichever comes first; the bytes read. Errors end it quietly."""
    if stream is None:
        return 0
    deadline = time.monotonic() + seconds
    total = 0
    try:
        while time.monotonic() < deadline:
            chunk = stream.read(_CHUNK)
            if not chunk:
                break
            total += len(chunk)
    except (OSError, ValueError):  # the client went away or stopped sending: nothing more to do
        pass
    return total


def _declared_length(environ: dict[str, Any]) -> int:
    try:
        return int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0
