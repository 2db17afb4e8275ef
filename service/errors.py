"""How errors are answered: one table from exception class to HTTP status, one JSON shape.

Every error response is ``{"error": {"code", "message", ...extra}}``.  The status of a
:class:`FeelalikeError` comes from :data:`STATUS`; the most specific class listed wins
(``SeedNotFound`` is a ``NotFound``: 404).  The CLI uses the same table for its exit
code (a 4xx is the user's to fix).
"""
from __future__ import annotations

import logging
from typing import Any

from flask import Flask, Response, current_app, jsonify, request
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge, RequestURITooLarge
from werkzeug.exceptions import NotFound as NoRoute

from models.errors import (
    AudioError,
    BadRequest,
    CatalogError,
    ConfigError,
    Conflict,
    DatasetError,
    FeelalikeError,
    NotFound,
)

from .observability.requestlog import request_note
from .store.errors import ModelFilesUnavailable, ModelNotReady, StoreCorrupt, StoreUnavailable

log = logging.getLogger(__name__)

STATUS: dict[type[FeelalikeError], int] = {
    FeelalikeError: 500,
    BadRequest: 400,
    CatalogError: 400,
    DatasetError: 400,
    AudioError: 400,
    NotFound: 404,
    Conflict: 409,
    ConfigError: 500,
    StoreCorrupt: 500,
    ModelNotReady: 503,
    StoreUnavailable: 503,
    ModelFilesUnavailable: 503,
}


def status_for(exc: FeelalikeError) -> int:
    """The HTTP status of an error: that of the nearest class in :data:`STATUS`."""
    for cls in type(exc).__mro__:
        if cls in STATUS:
            return STATUS[cls]
    return 500


def is_user_error(exc: FeelalikeError) -> bool:
    """Whether the error is the caller's to fix (the service answers it with a 4xx)."""
    return 400 <= status_for(exc) < 500


def error_body(code: str, message: str, **extra: Any) -> dict[str, Any]:
    """The body of every error response."""
    return {"error": {"code": code, "message": message, **extra}}


PUBLIC_STORE_MESSAGE = "the model store is unreachable; try again shortly"
PUBLIC_SERVER_MESSAGE = ("the server cannot answer this (its log says why, under this "
                         "request's X-Request-ID)")
MAX_MESSAGE = 200
#: a domain error's message may quote what was sent; past this it is cut
MAX_DOMAIN_MESSAGE = 400


def _short(message: str, limit: int = MAX_MESSAGE) -> str:
    return message if len(message) <= limit else message[:limit - 3] + "..."


def _respond(status: int, body: dict[str, Any]) -> Response:
    response = jsonify(body)
    response.status_code = status
    return response


def public_error(exc: FeelalikeError) -> tuple[int, dict[str, Any]]:
    """The status and body a client is shown for ``exc`` (as JSON, or as the widget's
    HTML page)."""
    if isinstance(exc, StoreUnavailable):  # its message may name hosts: logs only
        log.warning("%s%s", exc.message, request_note())
        return 503, error_body(exc.code, PUBLIC_STORE_MESSAGE)
    status = status_for(exc)
    if status == 500:  # the server's own fault: its message may name its paths and keys
        log.error("%s%s", exc.message, request_note())
        return 500, error_body(exc.code, PUBLIC_SERVER_MESSAGE)
    return status, error_body(exc.code, _short(exc.message, MAX_DOMAIN_MESSAGE), **exc.extra)


def respond(exc: FeelalikeError) -> Response:
    """The JSON error response of a domain or store error."""
    return _respond(*public_error(exc))


NO_ROUTE = "no such route; the API's routes are listed at /openapi.json"


def _description(exc: HTTPException) -> str:
    """What went wrong, in the API's words: Werkzeug's own text for a route that does
    not exist ("If you entered the URL manually please check your spelling") tells a
    client nothing it can act on."""
    if isinstance(exc, NoRoute) and exc.description == NoRoute.description:
        return NO_ROUTE + _without_slash()
    if isinstance(exc, RequestEntityTooLarge) and \
            exc.description == RequestEntityTooLarge.description:
        # Werkzeug's "The data value transmitted exceeds the capacity limit." names
        # neither the limit nor the setting, as the 414's message does
        return (f"the body is larger than {current_app.config['MAX_BODY_BYTES']} bytes "
                "(the server's FEELALIKE_MAX_BODY_BYTES)")
    return exc.description or exc.name


def _without_slash() -> str:
    """A hint when the path names a route once its trailing slash is dropped
    (``/v1/recommendations/``, ``/v1/tracks/ID/``): a trailing slash names no route, as
    a doubled one does not, and is never redirected (a Location built from Host)."""
    path = request.path.rstrip("/")
    if not path or path == request.path:
        return ""
    try:
        current_app.url_map.bind("", url_scheme="http").match(path, method=request.method)
    except HTTPException:  # no route there either, or not for this method
        return ""
    return f" (without the trailing slash: {_short(path, 60)})"


def init_app(app: Flask) -> None:
    app.register_error_handler(FeelalikeError, respond)

    @app.before_request
    def url_not_too_long() -> None:
        if len(request.full_path) > app.config["MAX_URL_CHARS"]:
            raise RequestURITooLarge(f"the URL is longer than {app.config['MAX_URL_CHARS']} "
                                     "characters")

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> Response:
        code = (exc.name or "error").lower().replace(" ", "_")
        response = _respond(exc.code or 500, error_body(code, _short(_description(exc))))
        if exc.code == 405 and exc.valid_methods:
            response.headers["Allow"] = ", ".join(exc.valid_methods)
        return response

    @app.errorhandler(Exception)
    def unexpected(exc: Exception) -> Response:
        log.exception("unhandled error%s", request_note())
        return _respond(500, error_body("internal_error", "internal server error"))
