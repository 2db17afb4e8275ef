"""Rate limits (Flask-Limiter) per client address and route, counted in the app's Redis.

Limits count per client: per API key when a valid one is sent, else per address.
Every route but the probes, ``/metrics`` and CORS preflights is limited by
``RATE_LIMIT`` or its per-route override in ``RATE_LIMITS`` (keyed ``"METHOD /rule"``).
A request costs :func:`request_cost` units (``costs.py``): 1 for a simple GET, more for
the heavy ones.  A breach is the one JSON error shape, 429 ``too_many_requests`` with
``Retry-After``.  When Redis cannot be reached the limiter lets requests through (the
store answers its own 503).  A 503 (the gate's ``busy``, no model yet, Redis or the
model files unreachable) is not charged: :func:`charged`.
"""
from __future__ import annotations

import json
import time
from typing import Any

from flask import Flask, Response, current_app, request
from flask_limiter import Limiter, RateLimitExceeded
from flask_limiter.util import get_remote_address
from limits import parse_many

from models.errors import ConfigError

from ..errors import error_body
from ..resources import get_resources
from .costs import request_cost, route_name
from .gate import effective_method
from .storage import SCHEME

EXEMPT_ENDPOINTS = frozenset({"health.healthz", "health.readyz", "metrics.metrics", "static"})


def route_limit() -> str:
    """The limit of the current route: its override in RATE_LIMITS, else RATE_LIMIT."""
    config = current_app.config
    return config["RATE_LIMITS"].get(route_name(), config["RATE_LIMIT"])


def charged(response: Response) -> bool:
    """Whether a response is deducted from the client's allowance: every one but a 503.

    A 503 is the server refusing for its own reasons (the heavy-request gate full, no
    model yet, Redis or the model files unreachable) before doing the work, so a client
    that waits its ``Retry-After`` and asks again does not pay for the refusals.  A
    client's error (4xx, a 429 too) is charged; so is a 500, which may come after the
    work was done: a request that reliably breaks the server is not free to repeat; and
    a 304 (``service/conditional.py``), whose answer was made to be compared.
    (Flask-Limiter then tests the allowance before the request and deducts after it.)
    """
    return response.status_code != 503


def client_identity() -> str:
    """Who a limit counts for: the API key when a valid one (read or admin) is sent,
    else the address."""
    from .keys import request_identity
    return request_identity() or get_remote_address()


def _bucket() -> str:
    """Whose allowance, per method of a route: a HEAD spends the GET's (Flask-Limiter's
    own per-method keys would give HEAD an allowance of its own)."""
    return f"{client_identity()}|{effective_method()}"


def _exempt() -> bool:
    return request.method == "OPTIONS" or request.endpoint in EXEMPT_ENDPOINTS


def _client() -> Any:  # the storage asks inside a request: the app context is there
    return get_resources().store.client


def _check_limits(config: Any) -> None:
    """Refuse to start with a limit string that cannot be read."""
    for name, value in [("RATE_LIMIT", config["RATE_LIMIT"]),
                        *(("RATE_LIMITS", v) for v in config["RATE_LIMITS"].values())]:
        try:
            if any(item.amount < 1 for item in parse_many(value)):
                raise ValueError(value)  # "0/minute" refuses every request
        except ValueError:
            raise ConfigError(f"setting FEELALIKE_{name}: {value!r} is not a rate limit "
                              "(e.g. 300/minute or 10/second;300/minute)",
                              setting=f"FEELALIKE_{name}") from None


def check_routes(app: Flask) -> None:
    """Refuse a ``RATE_LIMITS`` key that names no route of ``app`` (call it once the
    routes are registered): a misspelt route limited nothing, silently."""
    if str(app.config["RATE_LIMIT"]).strip().lower() == "off":
        return
    known = {f"{method} {rule.rule}" for rule in app.url_map.iter_rules()
             if rule.endpoint not in EXEMPT_ENDPOINTS
             for method in (rule.methods or set()) - {"HEAD", "OPTIONS"}}
    unknown = sorted(set(app.config["RATE_LIMITS"]) - known)
    if unknown:
        raise ConfigError(f"setting FEELALIKE_RATE_LIMITS: {unknown[0][:80]!r} names no "
                          "limited route (keys look like 'POST /v1/playlists'; "
                          "docs/operations.md lists them)", setting="FEELALIKE_RATE_LIMITS")


def _retry_after_only_when_refused(response: Response) -> Response:
    """Flask-Limiter sends its window's ``Retry-After`` with every response; on a
    success (or a 503 with nothing to wait for) it would tell a well-behaved client to
    wait a minute.  It stays on its own 429; a response that set its own value (the
    heavy-request gate's 503, as ``own_retry_after``) keeps that one."""
    own = getattr(response, "own_retry_after", None)
    if own is not None:
        response.headers["Retry-After"] = own
    elif response.status_code != 429:
        response.headers.pop("Retry-After", None)
    return response


def init_app(app: Flask) -> Limiter | None:
    """Limit every route of ``app`` (nothing when ``RATE_LIMIT`` is ``off``)."""
    if str(app.config["RATE_LIMIT"]).strip().lower() == "off":
        return None

    _check_limits(app.config)
    # registered before the limiter's own hook, so it runs after it (Flask runs them
    # last-registered first)
    app.after_request(_retry_after_only_when_refused)
    limiter = Limiter(_bucket, app=app, default_limits=[route_limit],
                      default_limits_per_method=False, default_limits_cost=request_cost,
                      default_limits_deduct_when=charged,
                      default_limits_exempt_when=_exempt, headers_enabled=True,
                      storage_uri=f"{SCHEME}://", storage_options={"client": _client},
                      strategy="fixed-window", swallow_errors=True,
                      key_prefix=f"{app.config['KEY_PREFIX']}:ratelimit")

    @app.errorhandler(RateLimitExceeded)
    def too_many(exc: RateLimitExceeded) -> Response:
        current = limiter.current_limit
        wait = max(1, int(current.reset_at - time.time())) if current else 1
        response = Response(json.dumps(error_body(
            "too_many_requests", f"rate limit exceeded ({exc.description}); retry in "
            f"{wait} s", retry_after=wait), separators=(",", ":")), status=429,
            content_type="application/json")  # compact, as every other JSON answer
        response.headers["Retry-After"] = str(wait)
        return response

    return limiter
