"""The page at `/` as files: what the browser test (tests/page) cannot see from inside the page."""
from __future__ import annotations

import re

from flask.testing import FlaskClient


def test_the_page_is_served_with_its_files_and_nothing_from_elsewhere(client: FlaskClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.mimetype == "text/html"
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]
    html = page.get_data(as_text=True)
    linked = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert "/page/page.js" in linked and "/page/page.css" in linked
    assert not [url for url in linked if "//" in url], "no CDN or other host"
    for url, mimetype in (("/page/page.js", "text/javascript"), ("/page/page.css", "text/css")):
        response = client.get(url)
        assert (response.status_code, response.mimetype) == (200, mimetype)
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert "http://" not in response.get_data(as_text=True) and "https://" not in response.get_data(as_text=True)


def test_the_page_stays_open_when_the_api_needs_keys(client: FlaskClient) -> None:
    from service.app import create_app

    app = create_app({"api_keys": "k1"}, nlp=client.application.extensions["quote_service"].nlp)
    with app.test_client() as keyed:
        assert keyed.get("/").status_code == 200
        assert keyed.post("/v1/quotes", json={"text": "x"}).status_code == 401
