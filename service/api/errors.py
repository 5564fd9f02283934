"""Every error the service answers, as RFC 9457 problem+json; the only module that builds error bodies.

    Exception
     ├── Problem               raised by our code: status, detail, optional field `errors` and headers
     │                         (401 without a valid API key, 503 past the request time budget, ...)
     ├── ValidationError       marshmallow: a request that breaks the schema -> 422 with `errors`
     ├── HTTPException         werkzeug/Flask: 400, 404, 405, 413 (MAX_CONTENT_LENGTH), 415, 503, ...
     └── anything else         logged with its traceback, answered with a generic 500
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from flask import Flask, Response, current_app
from marshmallow import ValidationError
from werkzeug.exceptions import HTTPException

PROBLEM_MEDIA_TYPE = "application/problem+json"

# The problem `title` of each error status: RFC 9110's reason phrases, held here so that an answer never
# depends on the interpreter (`http.HTTPStatus(422).phrase` is "Unprocessable Entity" on 3.11 and
# "Unprocessable Content" on 3.13).
PROBLEM_TITLES: Mapping[int, str] = {
    400: "Bad Request",
    401: "Unauthorized",
    402: "Payment Required",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    406: "Not Acceptable",
    407: "Proxy Authentication Required",
    408: "Request Timeout",
    409: "Conflict",
    410: "Gone",
    411: "Length Required",
    412: "Precondition Failed",
    413: "Content Too Large",
    414: "URI Too Long",
    415: "Unsupported Media Type",
    416: "Range Not Satisfiable",
    417: "Expectation Failed",
    421: "Misdirected Request",
    422: "Unprocessable Content",
    423: "Locked",
    424: "Failed Dependency",
    428: "Precondition Required",
    429: "Too Many Requests",
    431: "Request Header Fields Too Large",
    451: "Unavailable For Legal Reasons",
    500: "Internal Server Error",
    501: "Not Implemented",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
    505: "HTTP Version Not Supported",
}


def problem_title(status: int) -> str:
    """The problem `title` of `status`: from PROBLEM_TITLES, else the class of the status."""
    return PROBLEM_TITLES.get(status) or ("Server Error" if status >= 500 else "Client Error")


class Problem(Exception):
    """An error we raise on purpose, answered with `status`, `detail` and optional field `errors`."""

    def __init__(
        self,
        status: int,
        detail: str,
        errors: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.errors = errors
        self.headers = headers


def problem_response(
    status: int,
    detail: str,
    errors: Mapping[str, Any] | None = None,
    headers: Mapping[str, str] | None = None,
) -> Response:
    """A problem+json response; `type` stays about:blank, so `title` is the status's phrase (PROBLEM_TITLES)."""
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": problem_title(status),
        "status": status,
        "detail": detail,
    }
    if errors is not None:
        body["errors"] = errors
    response = Response(json.dumps(body, separators=(",", ":")), status=status, mimetype=PROBLEM_MEDIA_TYPE)
    response.headers.update(headers or {})
    return response


def _handle_problem(exc: Problem) -> Response:
    return problem_response(exc.status, exc.detail, exc.errors, exc.headers)


def _handle_validation_error(exc: ValidationError) -> Response:
    return problem_response(
        HTTPStatus.UNPROCESSABLE_ENTITY,
        "The request body does not match the schema; see `errors` for each field.",
        _as_mapping(exc.messages),
    )


def _handle_http_exception(exc: HTTPException) -> HTTPException | Response:
    # Routing redirects (308 for a missing trailing slash) are HTTPExceptions too; they are not errors.
    if exc.code is None or exc.code < 400:
        return exc
    # Keep what the exception adds besides its HTML body, e.g. `Allow` on a 405.
    headers = {k: v for k, v in exc.get_headers() if k.lower() != "content-type"}
    return problem_response(exc.code, exc.description or problem_title(exc.code), headers=headers)


def _handle_unexpected(exc: Exception) -> Response:
    # The traceback goes to the log only; the caller learns nothing about the internals.
    current_app.logger.exception("unhandled error", exc_info=exc)
    return problem_response(
        HTTPStatus.INTERNAL_SERVER_ERROR, "The server failed to process the request; it has been logged."
    )


def _as_mapping(messages: list[Any] | dict[str, Any]) -> dict[str, Any]:
    """marshmallow gives a list for a non-object body; the problem's `errors` is always an object."""
    return messages if isinstance(messages, dict) else {"_schema": messages}


def register_error_handlers(app: Flask) -> None:
    """Answer every error of `app` with problem+json."""
    app.register_error_handler(Problem, _handle_problem)
    app.register_error_handler(ValidationError, _handle_validation_error)
    app.register_error_handler(HTTPException, _handle_http_exception)
    app.register_error_handler(Exception, _handle_unexpected)
