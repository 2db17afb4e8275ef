"""Protection of the API: rate limits, a concurrency gate for heavy requests, optional
API keys and CORS.  :func:`init_app` wires them in the order a request meets them."""
from __future__ import annotations

from flask import Flask
from flask_cors import CORS

from . import admin, gate, headers, keys, limits
from .admin import require_admin
from .keys import require_key
from .limits import check_routes

__all__ = ["check_routes", "init_app", "require_admin", "require_key"]

EXPOSED = ["X-Request-ID", "Retry-After", "X-RateLimit-Limit", "X-RateLimit-Remaining",
           "X-RateLimit-Reset", "X-Feelalike-Warnings", "Content-Disposition", "ETag"]
#: If-None-Match: a page of another origin revalidating an answer it keeps itself
ALLOWED = ["Content-Type", "X-API-Key", "Authorization", "X-Request-ID",
           "If-None-Match"]


def init_cors(app: Flask) -> None:
    """CORS on /v1/* and /openapi.json for ``CORS_ORIGINS`` ('*', a list or 'off')."""
    raw = str(app.config["CORS_ORIGINS"]).strip()
    if raw.lower() == "off":
        return
    origins: str | list[str] = "*" if raw == "*" else \
        [o.strip() for o in raw.split(",") if o.strip()]
    CORS(app, resources={r"/v1/*": {}, r"/openapi.json": {}}, origins=origins,
         allow_headers=ALLOWED, expose_headers=EXPOSED,
         methods=["GET", "POST", "DELETE", "OPTIONS"],
         supports_credentials=False, send_wildcard=origins == "*", max_age=600,
         # a request without an Origin is not a CORS request: with a list of origins,
         # naming one of them to whoever asks would be wrong (and cached as such)
         always_send=origins == "*",
         vary_header=False)  # headers.py adds the one Vary: Origin a list of origins needs


def init_app(app: Flask) -> None:
    init_cors(app)
    limits.init_app(app)  # first: refused keys count against the limit too
    keys.init_app(app)
    admin.init_app(app)
    gate.init_app(app)
    headers.init_app(app)
