"""Rate limits (Flask-Limiter) per client address and route, counted in the app's Redis.

Limits count per client: per API key when a valid one is sent, else per address.
Every route but the probes, ``/metrics`` and CORS preflights is limited by
``RATE_LIMIT`` or its per-route override in ``RATE_LIMITS`` (keyed ``"METHOD /rule"``).
A request costs :func:`request_cost` units: 1 for a simple GET, more for the heavy
ones.  A breach is the one JSON error shape, 429 ``too_many_requests`` with
``Retry-After``.  When Redis cannot be reached the limiter lets requests through (the
store answers its own 503).  A 503 (the gate's ``busy``, no model yet, Redis or the
model files unreachable) is not charged: :func:`charged`.
"""
from __future__ import annotations

import json
import math
import re
import time
from typing import Any

from flask import Flask, Response, current_app, g, request
from flask_limiter import Limiter, RateLimitExceeded
from flask_limiter.util import get_remote_address
from limits import parse_many

from models.errors import ConfigError, InvalidExternalId
from models.ingest import parse_reference

from ..body import decoded_body
from ..errors import error_body
from ..resources import get_resources
from .gate import effective_method
from .storage import SCHEME

EXEMPT_ENDPOINTS = frozenset({"health.healthz", "health.readyz", "metrics.metrics", "static"})
MAX_COST = 10
COST_BODY_BYTES = 65_536  # larger bodies are not read twice: they cost MAX_COST
_COST = "feelalike_request_cost"


def route_name() -> str:
    """``"METHOD /rule"`` of the request, the key of ``RATE_LIMITS``."""
    rule = request.url_rule.rule if request.url_rule is not None else request.path
    return f"{effective_method()} {rule}"


def route_limit() -> str:
    """The limit of the current route: its override in RATE_LIMITS, else RATE_LIMIT."""
    config = current_app.config
    return config["RATE_LIMITS"].get(route_name(), config["RATE_LIMIT"])


def _body() -> dict[str, Any]:
    length = request.content_length
    if length is None or length > COST_BODY_BYTES:
        raise ValueError("body too large to price")
    try:
        body = decoded_body()
    except (ValueError, RecursionError):
        return {}
    return body if isinstance(body, dict) else {}


def _listed(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _whole(value: str | None, default: int) -> int:
    """A query parameter as a whole number; ``default`` when it is none (the view then
    refuses it, at no more than the default's cost)."""
    try:
        return int(value) if value and value.strip() else default
    except ValueError:
        return default


def _number(value: Any) -> float:
    """A JSON number as a float; 0 for anything else. An integer too large for a float
    counts as infinite (above every threshold), so it cannot slip past the limiter."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return 0.0
    try:
        number = float(value)
    except OverflowError:
        return math.inf
    return number if not math.isnan(number) else 0.0


def request_cost() -> int:
    """Cost units of the request (1 to :data:`MAX_COST`), priced once: the limiter asks
    before the request (to test the allowance) and after it (to deduct, :func:`charged`),
    and the view may have changed the decoded body in between.

    POST /v1/recommendations: 1, +1 per seed after the first (negative seeds included),
    +2 with diversity above 0, +1 with a limit (plus offset: the list ranked) above 50.
    POST /v1/playlists: 3, +1 per seed after the first, +1 with a length above 50.  GET
    /v1/path: 2.  GET /v1/recommendations: 1, +1 with limit plus offset above 100.
    Others: 1.  A seed, ``q``, ``from`` or ``to`` that is a title (no id) costs 1 more
    per 10 characters past 30 (:func:`_title_cost`).
    """
    if _COST not in g:
        setattr(g, _COST, _priced())
    return int(getattr(g, _COST))


#: a title is looked up by comparing it with every title, which takes longer the longer
#: it is (on the 28k demo catalog a 60-character one took ten times a 20-character
#: one): past TITLE_FREE_CHARS, each TITLE_CHARS_PER_UNIT more cost a unit
TITLE_FREE_CHARS = 30
TITLE_CHARS_PER_UNIT = 10
#: a value of this shape is a track id, found without comparing titles
_ID_LIKE = re.compile(r"[\w.-]{1,64}")
#: the query parameters each GET route looks a title up by
TITLE_PARAMS = {"GET /v1/tracks": ("q",), "GET /v1/recommendations": ("seed",),
                "GET /embed": ("seed",), "GET /v1/path": ("from", "to")}


def _title_cost(values: list[Any]) -> int:
    """Units for looking up the titles ``values`` (ids and external ids cost none)."""
    extra = 0
    for value in values:
        text = value.get("id") if isinstance(value, dict) else value  # {"id", "weight"}
        if isinstance(text, str) and _is_title(text.strip()):
            extra += max(0, len(text.strip()) - TITLE_FREE_CHARS) // TITLE_CHARS_PER_UNIT
    return extra


def _is_title(text: str) -> bool:
    """Whether a seed is looked up by comparing titles: not a track id's shape, nor an
    external id (a malformed one is refused before any lookup)."""
    if _ID_LIKE.fullmatch(text):
        return False
    try:
        return parse_reference(text) is None
    except InvalidExternalId:
        return False


def _priced() -> int:
    route = route_name()
    if route in ("POST /v1/recommendations", "POST /v1/playlists"):
        return _body_cost(route)
    cost = 2 if route == "GET /v1/path" else 1
    if route == "GET /v1/recommendations":  # past the stored list (100): ranked live
        cost += _whole(request.args.get("limit"), 10) + _whole(request.args.get("offset"),
                                                               0) > 100
    titles = [request.args.get(name) for name in TITLE_PARAMS.get(route, ())]
    return min(MAX_COST, cost + _title_cost(titles))


def _body_cost(route: str) -> int:
    """The cost of a POST of recommendations or a playlist, by its body."""
    try:
        body = _body()
    except ValueError:
        return MAX_COST
    named = [*_listed(body.get("seeds")), *_listed(body.get("negative_seeds")),
             *([body["seed"]] if body.get("seed") is not None else [])]
    cost = len(named) + (not named) + _title_cost(named)  # 1, +1 a seed after the first
    if route == "POST /v1/playlists":
        cost += 2 + (_number(body.get("length")) > 50)
    else:
        depth = _number(body.get("limit")) + _number(body.get("offset"))
        cost += 2 * (_number(body.get("diversity")) > 0) + (depth > 50)
    return min(MAX_COST, cost)


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
