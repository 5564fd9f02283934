"""Request ids, one JSON access-log line per request, and Prometheus metrics (per app, or multiprocess)."""
from __future__ import annotations

import json
import logging
import os
import re
import time
import uuid
from dataclasses import dataclass

from flask import Flask, Response, current_app, g, request
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.multiprocess import MultiProcessCollector

from service.analysis import Analysis
from service.cache import BreakerState, CircuitBreaker

access_log = logging.getLogger("service.access")

METRICS_KEY = "quote_service_metrics"
REQUEST_ID_HEADER = "X-Request-ID"
# A caller's id is echoed into headers and logs: only a short token, so it cannot forge log lines.
_SAFE_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")
_LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0)


@dataclass(frozen=True)
class Metrics:
    """The service's Prometheus series and the registry /metrics reads."""

    multiprocess_dir: str | None
    registry: CollectorRegistry | None
    requests: Counter
    latency: Histogram
    cache_lookups: Counter
    quotes: Counter
    analysis_seconds: Histogram
    breaker_state: Gauge
    breaker_changes: Counter

    @classmethod
    def create(cls, multiprocess_dir: str | None) -> Metrics:
        """Series in a registry of this app alone, or (gunicorn workers) in PROMETHEUS_MULTIPROC_DIR files."""
        # In multiprocess mode values live in files shared by the workers, and /metrics collects them
        # into a fresh registry; otherwise each app owns a registry, so apps (and tests) never share series.
        registry = None if multiprocess_dir else CollectorRegistry()
        return cls(
            multiprocess_dir=multiprocess_dir,
            registry=registry,
            requests=Counter(
                "quote_service_http_requests", "HTTP requests answered.", ["route", "method", "status"],
                registry=registry,
            ),
            latency=Histogram(
                "quote_service_http_request_duration_seconds", "Time to answer an HTTP request.",
                ["route", "method", "status"], buckets=_LATENCY_BUCKETS, registry=registry,
            ),
            cache_lookups=Counter(
                "quote_service_cache_lookups", "Per-article result cache lookups.", ["result"], registry=registry
            ),
            quotes=Counter("quote_service_quotes", "Quotes returned, by kind.", ["kind"], registry=registry),
            analysis_seconds=Histogram(
                "quote_service_analysis_duration_seconds", "Time in the pipeline (cache, spaCy, variants).",
                buckets=_LATENCY_BUCKETS, registry=registry,
            ),
            # One series per live worker: each worker has its own breaker.
            breaker_state=Gauge(
                "quote_service_cache_breaker_state", "Redis circuit breaker: 0 closed, 1 half-open, 2 open.",
                registry=registry, multiprocess_mode="liveall",
            ),
            breaker_changes=Counter(
                "quote_service_cache_breaker_changes", "Redis circuit breaker state changes, by new state.",
                ["state"], registry=registry,
            ),
        )

    def exposition(self) -> bytes:
        """Every series in the Prometheus text format."""
        registry = self.registry
        if registry is None:
            registry = CollectorRegistry()
            MultiProcessCollector(registry, path=self.multiprocess_dir)  # type: ignore[no-untyped-call]
        return generate_latest(registry)


def current_metrics() -> Metrics:
    """The Metrics of the app handling this request."""
    metrics: Metrics = current_app.extensions[METRICS_KEY]
    return metrics


def observe_analysis(analysis: Analysis, seconds: float) -> None:
    """Count the analysis for /metrics and note the article count for the access log."""
    metrics = current_metrics()
    metrics.analysis_seconds.observe(seconds)
    for article in analysis.articles:
        metrics.cache_lookups.labels(result="hit" if article.cache_hit else "miss").inc()
        for quote in article.quotes:
            metrics.quotes.labels(kind=quote.kind).inc()
    g.articles = len(analysis.articles)


def observe_response_hit(articles: int) -> None:
    """Count a request answered whole from the cache: each of its articles is a cache hit."""
    current_metrics().cache_lookups.labels(result="hit").inc(articles)
    g.articles = articles


def metrics_response() -> Response:
    """The /metrics body."""
    return Response(current_metrics().exposition(), content_type=CONTENT_TYPE_LATEST)


def _start_request() -> None:
    given = request.headers.get(REQUEST_ID_HEADER, "")
    g.request_id = given if _SAFE_REQUEST_ID.fullmatch(given) else uuid.uuid4().hex
    g.started = time.perf_counter()


def _finish_request(response: Response) -> Response:
    started: float = g.get("started", time.perf_counter())
    seconds = time.perf_counter() - started
    request_id: str = g.get("request_id") or uuid.uuid4().hex
    response.headers[REQUEST_ID_HEADER] = request_id
    # The rule, not the path: unknown paths would otherwise make a new series each.
    route = request.url_rule.rule if request.url_rule is not None else "<unmatched>"
    metrics = current_metrics()
    labels = {"route": route, "method": request.method, "status": str(response.status_code)}
    metrics.requests.labels(**labels).inc()
    metrics.latency.labels(**labels).observe(seconds)
    # Ids, sizes and timings only: article text never reaches the log.
    access_log.info(json.dumps({
        "request_id": request_id,
        "method": request.method,
        "path": request.path,
        "status": response.status_code,
        "duration_ms": round(seconds * 1000, 2),
        "cache": g.get("cache_state") or response.headers.get("X-Cache", "-"),
        "articles": g.get("articles"),
    }, separators=(",", ":")))
    return response


_BREAKER_VALUES: dict[BreakerState, int] = {"closed": 0, "half_open": 1, "open": 2}


def watch_breaker(app: Flask, breaker: CircuitBreaker) -> None:
    """Keep /metrics' breaker series up to date with `breaker`'s state changes."""
    metrics: Metrics = app.extensions[METRICS_KEY]

    def changed(state: BreakerState) -> None:
        metrics.breaker_state.set(_BREAKER_VALUES[state])
        metrics.breaker_changes.labels(state=state).inc()

    breaker.on_change = changed
    metrics.breaker_state.set(_BREAKER_VALUES[breaker.state])


def register_observability(app: Flask) -> None:
    """Request ids, access log and metrics for `app`; register before other before_request hooks."""
    app.extensions[METRICS_KEY] = Metrics.create(os.environ.get("PROMETHEUS_MULTIPROC_DIR") or None)
    app.before_request(_start_request)
    app.after_request(_finish_request)
