"""Conditional GETs: a strong ``ETag`` on every successful read, and ``304 Not Modified``
when the client's ``If-None-Match`` names it.

An answer is a pure function of the live model version (which every /v1 answer names),
the request and the server's code, so the hash of its body is a strong validator: it
changes with the model, the request and the answer's shape alike, and needs nothing
kept beside the answer (the response cache in Redis is untouched; a cached answer hashes
as the one it was made from).  The answer is still made to be hashed, so a 304 saves
the transfer, not the work: it is charged against the rate limit as the 200 would be.

``Cache-Control: no-cache`` on these answers (a cache may keep them but asks the server
each time, so a new model version, the rate limit and the keys always apply);
``headers.py`` makes that ``private, no-cache`` for a request with an API key.  The
probes and ``/metrics`` (live state) and the static files (Flask validates those
itself) are left as they are.
"""
from __future__ import annotations

import hashlib

from flask import Flask, Response, request

#: endpoints whose answers are not made conditional
LIVE_ENDPOINTS = frozenset({"health.healthz", "health.readyz", "metrics.metrics", "static"})
CACHE_CONTROL = "no-cache"


def etag_of(body: bytes) -> str:
    """The entity tag of an answer's body (unquoted)."""
    return hashlib.sha256(body).hexdigest()[:32]


def conditional(response: Response) -> Response:
    """``response`` with its ``ETag``, turned into a 304 when ``If-None-Match`` matches
    (weak comparison, as RFC 9110 asks of ``If-None-Match``; ``*`` matches any)."""
    if request.method not in ("GET", "HEAD") or response.status_code != 200 \
            or response.is_streamed or request.endpoint in LIVE_ENDPOINTS:
        return response
    tag = etag_of(response.get_data())
    response.set_etag(tag)
    response.headers["Cache-Control"] = CACHE_CONTROL
    if request.if_none_match.contains_weak(tag):
        response.status_code = 304  # werkzeug sends no body and no entity headers
    return response


def init_app(app: Flask) -> None:
    """Register after the views' own after-request hooks have run on the body (hooks
    run last-registered first: call it before registering the views)."""
    app.after_request(conditional)
