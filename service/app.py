"""The one wiring point: settings, the pipeline (loaded once), the cache, the blueprint, error handlers."""
from __future__ import annotations

from collections.abc import Mapping
from importlib import resources
from typing import Any

from flask import Flask
from spacy.language import Language

import service
from service.api.auth import require_api_key
from service.api.budget import AnalysisSlots
from service.api.docs import bp as docs_bp
from service.api.draining import DrainUnreadBody
from service.api.errors import register_error_handlers
from service.api.observability import register_observability, watch_breaker
from service.api.page import page_bp
from service.api.routes import EXTENSION_KEY, Services, bp
from service.cache import CircuitBreaker, InMemoryCache, RedisCache, ResultCache, TieredCache
from service.config import Settings
from service.nlp import load_pipeline

# Package data (a link to the repository's openapi.yaml), so an installed service has it too.
OPENAPI_RESOURCE = resources.files(service).joinpath("openapi.yaml")


def create_app(
    config: Mapping[str, Any] | None = None,
    *,
    nlp: Language | None = None,
    cache: ResultCache | None = None,
) -> Flask:
    """Build the app: environment settings overridden by `config` (lower-case Settings fields).

    `nlp` and `cache` replace the loaded pipeline and the configured cache; tests pass one shared
    pipeline to many apps, since loading the model takes seconds.
    """
    settings = Settings.from_env().updated(config or {})
    app = Flask(__name__, static_folder=None)
    app.config["MAX_CONTENT_LENGTH"] = settings.max_body_bytes
    # Keep the documented field order (quote id first) instead of sorting keys.
    app.json.sort_keys = False  # type: ignore[attr-defined]
    app.extensions[EXTENSION_KEY] = Services(
        settings=settings,
        nlp=nlp if nlp is not None else load_pipeline(settings.model),
        cache=cache if cache is not None else cache_from_settings(settings),
        openapi=OPENAPI_RESOURCE.read_bytes() if OPENAPI_RESOURCE.is_file() else None,
        slots=AnalysisSlots(settings.analysis_concurrency),
    )
    register_error_handlers(app)
    # Observability first: a request refused for its key still gets an id, a log line and a count.
    register_observability(app)
    services_cache = app.extensions[EXTENSION_KEY].cache
    if isinstance(services_cache, RedisCache | TieredCache):
        watch_breaker(app, services_cache.breaker)
    api_keys = settings.api_key_list
    app.before_request(lambda: require_api_key(api_keys))
    app.register_blueprint(bp)
    app.register_blueprint(page_bp)
    app.register_blueprint(docs_bp)
    # After an early answer (413, 401) the unread body is drained, so the client reads it instead of a reset.
    app.wsgi_app = DrainUnreadBody(app.wsgi_app)  # type: ignore[method-assign]
    return app


def cache_from_settings(settings: Settings) -> ResultCache:
    """Redis when REDIS_URL is set (shared by every worker), else an LRU private to the process."""
    local = InMemoryCache(max_entries=settings.cache_max_entries, max_bytes=settings.cache_max_bytes)
    if settings.redis_url:
        # The worker's own LRU in front: a hit costs no round trip, and stays a hit while Redis is hung or down.
        return TieredCache(local, RedisCache.from_url(
            settings.redis_url,
            ttl_seconds=settings.cache_ttl,
            timeout_seconds=settings.redis_timeout,
            breaker=CircuitBreaker(settings.redis_breaker_failures, settings.redis_breaker_reset),
            # The model is part of every key: deployments with different models can share one Redis.
            namespace=settings.model,
        ))
    return local
