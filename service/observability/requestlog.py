"""Request ids and structured access logs.

Each request gets an id: the client's ``X-Request-ID`` when it is sane (1-128 of
letters, digits and ``-_.:``), else a new UUID.  Every response echoes it, errors
included.  With ``ACCESS_LOG`` on, one JSON line per request goes to the
``feelalike.access`` logger (stderr): time, id, method, route, path, status and
duration in ms — never the query string, headers or bodies.
"""
from __future__ import annotations

import json
import logging
import re
import sys
import time
import uuid
from datetime import datetime, timezone
from typing import Any

from flask import Flask, Response, g, has_request_context, request

HEADER = "X-Request-ID"
SANE = re.compile(r"[A-Za-z0-9._:-]{1,128}")
LOGGER = "feelalike.access"
log = logging.getLogger(LOGGER)


def request_id() -> str:
    """The id of the current request (assigned on first use)."""
    found = g.get("request_id")
    if found is None:
        given = request.headers.get(HEADER, "")
        found = g.request_id = given if SANE.fullmatch(given) else uuid.uuid4().hex
    return found


def request_note() -> str:
    """`` (request <id>)`` inside a request, else "": an operator finds the log line of
    the answer a user reports by its X-Request-ID."""
    return f" (request {request_id()})" if has_request_context() else ""


class JsonLines(logging.Formatter):
    """The record's message is already a JSON object: print it as it is."""

    def format(self, record: logging.LogRecord) -> str:
        return record.getMessage()


class Stderr(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever ``sys.stderr`` is at the time (test runners swap it)."""

    @property  # type: ignore[override]
    def stream(self) -> Any:
        return sys.stderr

    @stream.setter
    def stream(self, _value: Any) -> None:
        pass


def _setup_logger() -> None:
    if not log.handlers:
        handler = Stderr()
        handler.setFormatter(JsonLines())
        log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False


def access_line(response: Response, started: float | None) -> str:
    duration = (time.perf_counter() - started) * 1000 if started is not None else None
    return json.dumps({
        "time": datetime.now(timezone.utc).isoformat(timespec="milliseconds"),
        "request_id": request_id(), "method": request.method,
        "route": request.url_rule.rule if request.url_rule is not None else None,
        "path": request.path[:200], "status": response.status_code,
        "duration_ms": round(duration, 2) if duration is not None else None})


def init_app(app: Flask) -> None:
    """Register first, so every other hook (and every error) sees the id."""
    enabled = app.config["ACCESS_LOG"]
    if enabled:
        _setup_logger()
    # the development server's own line per request holds the query string (a seed or a
    # library's ids): never written, whether or not ours is
    logging.getLogger("werkzeug").setLevel(logging.WARNING)

    @app.before_request
    def assign_id() -> None:
        request_id()
        g.feelalike_log_started = time.perf_counter()

    @app.after_request
    def echo_id(response: Response) -> Response:
        response.headers[HEADER] = request_id()
        if enabled:
            log.info("%s", access_line(response, g.get("feelalike_log_started")))
        return response
