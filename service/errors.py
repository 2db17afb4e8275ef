"""One JSON error shape for every 4xx/5xx: ``{"error": {"code", "message", ...}}``."""
from __future__ import annotations

import logging
from typing import Any

from flask import Flask, Response, jsonify
from werkzeug.exceptions import HTTPException

from models.errors import FeelalikeError

log = logging.getLogger(__name__)


def error_body(code: str, message: str, **extra: Any) -> dict[str, Any]:
    """The body of every error response."""
    return {"error": {"code": code, "message": message, **extra}}


def _respond(status: int, body: dict[str, Any]) -> Response:
    response = jsonify(body)
    response.status_code = status
    return response


def init_app(app: Flask) -> None:
    @app.errorhandler(FeelalikeError)
    def feelalike_error(exc: FeelalikeError) -> Response:
        return _respond(exc.status, error_body(exc.code, exc.message, **exc.extra))

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> Response:
        code = (exc.name or "error").lower().replace(" ", "_")
        response = _respond(exc.code or 500, error_body(code, exc.description or exc.name))
        if exc.code == 405 and exc.valid_methods:
            response.headers["Allow"] = ", ".join(exc.valid_methods)
        return response

    @app.errorhandler(Exception)
    def unexpected(exc: Exception) -> Response:
        log.exception("unhandled error")
        return _respond(500, error_body("internal_error", "internal server error"))
