"""The page at `/` for one-off checks: static HTML, CSS and JavaScript that call the public API."""
from __future__ import annotations

from pathlib import Path

from flask import Blueprint, Response
from werkzeug.exceptions import NotFound

PAGE_DIR = Path(__file__).resolve().parent / "page"

# The files of the page and their media types; nothing else is served from PAGE_DIR.
PAGE_FILES = {"page.js": "text/javascript", "page.css": "text/css"}

# Everything the page loads is its own: no CDN, no inline script, nothing framed.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)

page_bp = Blueprint("page", __name__)


@page_bp.get("/")
def index() -> Response:
    """The page itself."""
    response = Response((PAGE_DIR / "index.html").read_bytes(), mimetype="text/html")
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    response.headers["Cache-Control"] = "no-cache"
    return response


@page_bp.get("/page/<filename>")
def page_file(filename: str) -> Response:
    """The page's stylesheet or script; any other name is a 404 problem."""
    if filename not in PAGE_FILES:
        raise NotFound(f"The page has no file {filename!r}.")
    response = Response((PAGE_DIR / filename).read_bytes(), mimetype=PAGE_FILES[filename])
    response.headers["Cache-Control"] = "no-cache"
    return response


@page_bp.after_request
def _page_headers(response: Response) -> Response:
    """The page's files are never sniffed as another type."""
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
