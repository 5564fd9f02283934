"""`/docs`: openapi.yaml rendered by Swagger UI, served from the installed packages (no CDN)."""
from __future__ import annotations

from functools import cache
from importlib import resources

from flask import Blueprint, Response
from werkzeug.exceptions import NotFound

bp = Blueprint("docs", __name__)

# Swagger UI's own files come from the flask-swagger-ui wheel (its `dist` folder: Swagger UI's release
# files, pinned and hashed in requirements.lock); the page and its start-up script are ours.
_ASSETS = {
    "swagger-ui-bundle.js": ("flask_swagger_ui", "dist", "text/javascript"),
    "swagger-ui.css": ("flask_swagger_ui", "dist", "text/css"),
    "docs.js": ("service.api", "static/docs", "text/javascript"),
}


@cache
def _read(package: str, folder: str, name: str) -> bytes:
    return resources.files(package).joinpath(folder, name).read_bytes()


@bp.get("/docs")
def docs_page() -> Response:
    """The API reference page; it loads only the assets below and /openapi.yaml."""
    return Response(_read("service.api", "static/docs", "index.html"), mimetype="text/html")


@bp.get("/docs/<asset>")
def docs_asset(asset: str) -> Response:
    """One of the page's scripts or stylesheets."""
    if asset not in _ASSETS:
        raise NotFound(f"No documentation asset {asset!r}; there are {', '.join(sorted(_ASSETS))}.")
    package, folder, media_type = _ASSETS[asset]
    return Response(_read(package, folder, asset), mimetype=media_type)
