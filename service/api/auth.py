"""Optional bearer API keys on /v1/*: on when API_KEYS is set; health, spec and metrics stay open."""
from __future__ import annotations

import hmac
from http import HTTPStatus

from flask import request

from service.api.errors import Problem

PROTECTED_PREFIX = "/v1/"


def require_api_key(keys: tuple[str, ...]) -> None:
    """Raise a 401 problem unless the request to /v1/* carries `Authorization: Bearer <one of keys>`."""
    if not keys or not request.path.startswith(PROTECTED_PREFIX):
        return
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Problem(
            HTTPStatus.UNAUTHORIZED,
            "This API needs an API key: send `Authorization: Bearer <key>`.",
            headers={"WWW-Authenticate": 'Bearer realm="quote-service"'},
        )
    if not _is_known(token.strip(), keys):
        raise Problem(
            HTTPStatus.UNAUTHORIZED,
            "The API key is not valid.",
            headers={"WWW-Authenticate": 'Bearer realm="quote-service", error="invalid_token"'},
        )


def _is_known(token: str, keys: tuple[str, ...]) -> bool:
    """Constant-time comparison against every key, so timing tells nothing about which prefix matched."""
    given = token.encode()
    matches = [hmac.compare_digest(given, key.encode()) for key in keys]
    return any(matches)
