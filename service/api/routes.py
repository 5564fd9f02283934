"""Thin views: read the body, load it with a schema, call analyse(), dump."""
from __future__ import annotations

import json
import time
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

from flask import Blueprint, Response, current_app, g, jsonify, request
from spacy.language import Language
from werkzeug.exceptions import ClientDisconnected, NotFound, ServiceUnavailable, UnsupportedMediaType

from service.analysis import analyse
from service.api.budget import AnalysisSlots, run_within_budget
from service.api.errors import Problem
from service.api.observability import metrics_response, observe_analysis, observe_response_hit
from service.api.schemas import (
    QuotesRequest,
    dump_analysis,
    load_html_request,
    load_quotes_request,
    load_text_request,
)
from service.cache import CircuitBreaker, ResultCache, cache_key
from service.config import Settings
from service.nlp import PIPELINE_VERSION

EXTENSION_KEY = "quote_service"

bp = Blueprint("api", __name__)


@dataclass(frozen=True)
class Services:
    """What the views use, built once by create_app() and kept in `app.extensions`."""

    settings: Settings
    nlp: Language
    cache: ResultCache
    openapi: bytes | None
    slots: AnalysisSlots | None = None  # analyses at once in this process (ANALYSIS_CONCURRENCY)


def current_services() -> Services:
    """The Services of the app handling this request."""
    services: Services = current_app.extensions[EXTENSION_KEY]
    return services


@bp.post("/v1/quotes")
def post_quotes() -> Response:
    """Quotes, speakers and variant groups of one or more articles.

    A body seen before is answered from the cache as a whole (its response is a function of the body),
    without parsing, validating or grouping again; other bodies go through the per-article cache.
    """
    services = current_services()
    body = _utf8_body()
    response_key = _response_key(body, services.settings)
    cached = services.cache.get_many([response_key])[0]
    if cached is not None:
        count, _, document = cached.partition(b"\n")
        observe_response_hit(int(count or 0))
        return _with_x_cache(Response(document, mimetype="application/json"), "hit", services.settings)
    quotes_request = _read_quotes_request(body, services.settings)
    started = time.perf_counter()
    analysis = run_within_budget(
        services.settings.request_time_budget,
        lambda: analyse(quotes_request.articles, quotes_request.options, nlp=services.nlp, cache=services.cache),
        services.slots,
        chars=sum(len(article.text) for article in quotes_request.articles),
    )
    observe_analysis(analysis, time.perf_counter() - started)
    response = jsonify(dump_analysis(analysis))
    _with_x_cache(response, "hit" if analysis.cache_hit else "miss", services.settings)
    services.cache.set_many({response_key: b"%d\n" % len(analysis.articles) + response.get_data()})
    return response


def _with_x_cache(response: Response, state: str, settings: Settings) -> Response:
    """X-Cache only when the service has no API keys: the cache is shared by every caller, so with keys a
    'hit' would tell one client that another has sent the same text. (The access log keeps it either way.)"""
    g.cache_state = state
    if not settings.api_key_list:
        response.headers["X-Cache"] = state
    return response


def _response_key(body: str, settings: Settings) -> str:
    """Cache key of the whole response to `body`: its media type and the limits that decide its validity."""
    context = {
        "response": request.mimetype,
        "charset": request.mimetype_params.get("charset", ""),
        "max_articles": settings.max_articles,
        "max_article_chars": settings.max_article_chars,
    }
    return cache_key(body, context, PIPELINE_VERSION)


@bp.get("/healthz")
def healthz() -> dict[str, Any]:
    """Liveness: the process answers; no I/O."""
    return {"status": "ok"}


@bp.get("/readyz")
def readyz() -> dict[str, Any]:
    """Readiness: the pipeline is loaded; the cache backend is pinged (a down cache still serves)."""
    services = current_services()
    if not services.nlp.pipe_names:
        raise ServiceUnavailable("The language pipeline has no components loaded.")
    meta = services.nlp.meta
    return {
        "status": "ready",
        "model": {"name": f"{meta.get('lang')}_{meta.get('name')}", "version": meta.get("version")},
        "pipeline_version": PIPELINE_VERSION,
        "cache": _cache_readiness(services.cache),
    }


def _cache_readiness(cache: ResultCache) -> dict[str, str]:
    """The cache backend, whether it answers, and for Redis the circuit breaker's state."""
    readiness = {"backend": cache.name, "status": cache.status()}
    breaker = getattr(cache, "breaker", None)
    if isinstance(breaker, CircuitBreaker):
        readiness["breaker"] = breaker.state
    return readiness


@bp.get("/openapi.yaml")
def openapi_document() -> Response:
    """The API contract, byte for byte as in the repository."""
    document = current_services().openapi
    if document is None:
        raise NotFound("This installation has no openapi.yaml.")
    return Response(document, mimetype="application/yaml")


@bp.get("/metrics")
def metrics() -> Response:
    """Prometheus metrics of this process, or of every gunicorn worker in multiprocess mode."""
    metrics_port = current_services().settings.metrics_port
    if metrics_port is not None:
        raise NotFound(f"Metrics are served on port {metrics_port} (METRICS_PORT), not on this one.")
    return metrics_response()


def _read_quotes_request(body: str, settings: Settings) -> QuotesRequest:
    """The body as a QuotesRequest: JSON in either form, or raw UTF-8 text."""
    if request.mimetype in ("text/plain", "text/html"):
        charset = request.mimetype_params.get("charset", "utf-8").lower()
        if charset not in ("utf-8", "utf8", "us-ascii"):
            raise UnsupportedMediaType(f"{request.mimetype} must be UTF-8; got charset={charset}.")
        if request.mimetype == "text/html":
            return load_html_request(body, settings)
        return load_text_request(body, settings)
    if request.is_json:
        try:
            payload = json.loads(body)
        # A deeply nested array exhausts 3.11's parser recursion (3.13 parses it): the same answer either way.
        except RecursionError:
            raise _too_deep() from None
        except ValueError as exc:
            raise Problem(HTTPStatus.BAD_REQUEST, f"The body is not valid JSON: {exc}") from None
        if _nesting_depth(payload) > MAX_JSON_DEPTH:
            raise _too_deep()
        return load_quotes_request(payload, settings)
    raise UnsupportedMediaType(
        "Send application/json, text/plain or text/html (UTF-8), "
        f"not {request.mimetype or 'no content type'}."
    )


# Far above any request's shape, far below the depth at which Python 3.11's json parser gives up (about 1000).
MAX_JSON_DEPTH = 100


def _too_deep() -> Problem:
    return Problem(HTTPStatus.BAD_REQUEST, f"The JSON body is nested deeper than {MAX_JSON_DEPTH} levels.")


def _nesting_depth(value: Any) -> int:
    """How many arrays and objects deep `value` goes; iterative, so any depth is measured."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            node = list(node.values())
        if isinstance(node, list):
            deepest = max(deepest, depth + 1)
            stack.extend((child, depth + 1) for child in node if isinstance(child, dict | list))
    return deepest


def _utf8_body() -> str:
    """The raw body decoded as UTF-8; reading it enforces MAX_CONTENT_LENGTH (413)."""
    try:
        return request.get_data(cache=False).decode("utf-8")
    # The worker's CLIENT_TIMEOUT passed with the body unfinished (werkzeug reports it as a disconnect).
    except (TimeoutError, ClientDisconnected):
        raise Problem(
            HTTPStatus.REQUEST_TIMEOUT, "The request body stopped arriving before its Content-Length; send it whole."
        ) from None
    except UnicodeDecodeError as exc:
        raise Problem(HTTPStatus.BAD_REQUEST, f"The body is not valid UTF-8: {exc}") from None
