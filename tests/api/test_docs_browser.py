"""/docs in a real browser: Debian's chromium renders openapi.yaml with the bundled Swagger UI, offline.

The app runs on a loopback port (werkzeug's server in a thread); chromium is told that every other host does
not exist, so the page can only work from what the service itself serves.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from flask import request
from spacy.language import Language
from werkzeug.serving import make_server

from service.app import create_app
from service.cache import InMemoryCache

SPEC = yaml.safe_load((Path(__file__).resolve().parents[2] / "openapi.yaml").read_text(encoding="utf-8"))
CHROMIUM = "/usr/bin/chromium"


def chromium() -> str:
    """Debian's chromium (make test installs it); missing fails under CI and skips elsewhere."""
    if shutil.which(CHROMIUM) is None:
        message = "chromium is not installed (make test installs it)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return CHROMIUM


@pytest.fixture
def served(nlp: Language) -> Iterator[tuple[str, list[str]]]:
    """The app on a free loopback port: its base URL, and the paths requested so far."""
    app = create_app({}, nlp=nlp, cache=InMemoryCache())
    requested: list[str] = []
    app.before_request(lambda: requested.append(request.path))
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", requested
    finally:
        server.shutdown()
        thread.join(timeout=10)


def test_docs_renders_every_operation_of_the_spec_offline(served: tuple[str, list[str]], tmp_path: Path) -> None:
    """Every path of openapi.yaml is on the rendered page, with no load error, from same-origin requests only."""
    base, requested = served
    result = subprocess.run(
        [chromium(), "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={tmp_path}",
         "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "--virtual-time-budget=20000",
         "--dump-dom", f"{base}/docs"],
        capture_output=True, text=True, timeout=180, check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    dom = result.stdout
    # Swagger UI's heading, drawn from the spec's info (the page's own <title> says it too, so match the markup).
    assert f'<h1 class="title">{SPEC["info"]["title"]}<' in dom and "Failed to load API definition" not in dom
    for path in SPEC["paths"]:
        assert f'data-path="{path}"' in dom, path
    assert set(requested) == {"/docs", "/docs/swagger-ui.css", "/docs/swagger-ui-bundle.js", "/docs/docs.js",
                              "/openapi.yaml"}
