"""A bounded concurrency gate for heavy requests, so they cannot starve the probes.

At most ``HEAVY_CONCURRENCY`` heavy requests (:data:`HEAVY_ROUTES`) run at once per
process; one that finds the gate full waits up to ``HEAVY_WAIT_SECONDS`` and is then
answered 503 ``busy`` with ``Retry-After``.  With ``HEAVY_CONCURRENCY`` below the
server's threads per process, ``/healthz`` and ``/readyz`` always find a free thread.
"""
from __future__ import annotations

import threading

from flask import Flask, Response, current_app, g, jsonify, request

from ..errors import error_body

HEAVY_ROUTES = frozenset({("POST", "/v1/recommendations"), ("POST", "/v1/playlists"),
                          ("GET", "/v1/path"),
                          # model updates: seconds each, and one at a time per process
                          ("POST", "/v1/admin/tracks"), ("POST", "/v1/admin/removals"),
                          ("DELETE", "/v1/admin/tracks/<path:track_id>")})
RETRY_AFTER_SECONDS = 1
EXTENSION = "feelalike.gate"


class Gate:
    """A semaphore with a bounded wait and a count of requests inside."""

    def __init__(self, slots: int, wait: float) -> None:
        self.slots = max(1, slots)
        self.wait = max(0.0, wait)
        self._semaphore = threading.BoundedSemaphore(self.slots)

    def enter(self) -> bool:
        return self._semaphore.acquire(timeout=self.wait) if self.wait else \
            self._semaphore.acquire(blocking=False)

    def leave(self) -> None:
        self._semaphore.release()


def effective_method() -> str:
    """The request's method, HEAD counted as the GET that Flask runs for it."""
    return "GET" if request.method == "HEAD" else request.method


def is_heavy() -> bool:
    rule = request.url_rule.rule if request.url_rule is not None else None
    return (effective_method(), rule) in HEAVY_ROUTES


def busy() -> Response:
    """The 503 of a full gate."""
    response = jsonify(error_body("busy", "the server is busy with other heavy requests; "
                                  f"retry in {RETRY_AFTER_SECONDS} s",
                                  retry_after=RETRY_AFTER_SECONDS))
    response.status_code = 503
    response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response.own_retry_after = str(RETRY_AFTER_SECONDS)  # type: ignore[attr-defined]
    return response


def init_app(app: Flask) -> Gate:
    gate = app.extensions[EXTENSION] = Gate(app.config["HEAVY_CONCURRENCY"],
                                            app.config["HEAVY_WAIT_SECONDS"])

    @app.before_request
    def enter_gate() -> Response | None:
        if not is_heavy():
            return None
        if not gate.enter():
            from ..observability.metrics import BUSY
            BUSY.labels(route=request.url_rule.rule).inc()
            return busy()
        g.feelalike_gate = True
        return None

    @app.teardown_request
    def leave_gate(_exc: BaseException | None) -> None:
        if g.pop("feelalike_gate", False):
            current_app.extensions[EXTENSION].leave()

    return gate
