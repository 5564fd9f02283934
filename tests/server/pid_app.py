"""A WSGI app that tells which worker process answered, and can hold a request until the test lets it go.

    GET /pid                 -> this process's pid
    GET /hold?dir=D&name=N   -> writes D/N.started (holding the pid), computes until D/N.release exists (as an
                                analysis would, holding the GIL most of the time), then the pid
    GET /sleep?seconds=S     -> the pid after S seconds (a request that takes a while without using the CPU)
"""
from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs


def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
    pid = str(os.getpid()).encode()
    if environ["PATH_INFO"] == "/hold":
        query = {key: values[0] for key, values in parse_qs(environ["QUERY_STRING"]).items()}
        folder, name = Path(query["dir"]), query["name"]
        (folder / f"{name}.started").write_bytes(pid)
        deadline = time.monotonic() + 60
        while not (folder / f"{name}.release").exists() and time.monotonic() < deadline:
            sum(range(200_000))  # busy, like a parse: the worker's other threads wait for the GIL
    elif environ["PATH_INFO"] == "/sleep":
        time.sleep(float(parse_qs(environ["QUERY_STRING"])["seconds"][0]))
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(pid)))])
    return [pid]
