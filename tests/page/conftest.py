"""A live server of the app and a real headless Chromium (Debian's, driven by Playwright) for the page tests."""
from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from werkzeug.serving import make_server

from service.app import create_app
from service.cache import InMemoryCache

CHROMIUM = "/usr/bin/chromium"
# Headless and quiet: no sandbox (root in CI), no GPU, and nothing that phones home.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


def _missing(message: str) -> None:
    """A missing browser fails the run under CI and skips the test elsewhere, like a missing redis-server."""
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def live_server(nlp: Language) -> Iterator[str]:
    """The app with the real pipeline on a free loopback port, in a thread; yields its base URL."""
    app = create_app({}, nlp=nlp, cache=InMemoryCache())
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=10)
    server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's chromium, headless, launched once for the session."""
    if not os.path.exists(CHROMIUM):
        _missing(f"{CHROMIUM} is not installed (make test installs it: make chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright is not installed (it is in the test extra: pip install -e '.[test]')")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any, live_server: str) -> Iterator[Any]:
    """A fresh tab on the page at `/`, 1280 px wide; console errors fail the test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    # A 4xx answer is logged by the browser as "Failed to load resource": the page shows it, it is no bug.
    tab.on(
        "console",
        lambda message: errors.append(message.text)
        if message.type == "error" and not message.text.startswith("Failed to load resource")
        else None,
    )
    tab.goto(f"{live_server}/")
    yield tab
    context.close()
    assert not errors, errors
