"""What a request costs against its rate limit, in units (1 to :data:`MAX_COST`).

A simple GET costs 1; the heavy routes more, by what they are asked (seeds, depth,
diversity, a playlist's length); and a text looked up by comparing it with every title
1 more per 10 characters past 30.  Priced by what the server will do with the text, not
by its look: a search (``q``) compares titles even when its text is one word, and a seed
shaped like a track id is looked up as a title when no track has that id.
"""
from __future__ import annotations

import math
import re
from typing import Any

from flask import g, request
from redis.exceptions import RedisError

from models.errors import FeelalikeError, InvalidExternalId
from models.ingest import parse_reference

from ..body import decoded_body
from ..resources import get_resources
from .gate import effective_method


def route_name() -> str:
    """``"METHOD /rule"`` of the request, the key of ``RATE_LIMITS``."""
    rule = request.url_rule.rule if request.url_rule is not None else request.path
    return f"{effective_method()} {rule}"


MAX_COST = 10
COST_BODY_BYTES = 65_536  # larger bodies are not read twice: they cost MAX_COST
_COST = "feelalike_request_cost"


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
    Others: 1.  A seed, ``q``, ``from`` or ``to`` that is a title costs 1 more per 10
    characters past 30 (:func:`_title_cost`): ``q`` always but for an external id, a
    seed unless it is a stored track's id or an external id.
    """
    if _COST not in g:
        setattr(g, _COST, _priced())
    return int(getattr(g, _COST))


#: a title is looked up by comparing it with every title, which takes longer the longer
#: it is (on the 28k demo catalog a 60-character one took ten times a 20-character
#: one): past TITLE_FREE_CHARS, each TITLE_CHARS_PER_UNIT more cost a unit
TITLE_FREE_CHARS = 30
TITLE_CHARS_PER_UNIT = 10
#: a value of this shape may be a track id, found without comparing titles
_ID_LIKE = re.compile(r"[\w.-]{1,64}")
#: the query parameters each GET route looks a title up by
TITLE_PARAMS = {"GET /v1/tracks": ("q",), "GET /v1/recommendations": ("seed",),
                "GET /embed": ("seed",), "GET /v1/path": ("from", "to")}
#: the routes whose text is a search, compared with every title even when it is one word
#: or a track's id (only an external id is not searched for)
SEARCH_ROUTES = frozenset({"GET /v1/tracks"})


def _title_cost(values: list[Any], search: bool = False) -> int:
    """Units for looking up the texts ``values`` (seeds: stored track ids and external
    ids cost none; a ``search`` compares every text but an external id with the titles)."""
    texts = [text.strip() for text in (v.get("id") if isinstance(v, dict) else v
                                       for v in values)  # {"id", "weight"}
             if isinstance(text, str)]
    titles = [text for text in texts if _units(text) and not _is_reference(text)]
    if not search:
        stored = _stored_ids([text for text in titles if _ID_LIKE.fullmatch(text)])
        titles = [text for text in titles if text not in stored]
    return sum(_units(text) for text in titles)


def _units(text: str) -> int:
    return max(0, len(text) - TITLE_FREE_CHARS) // TITLE_CHARS_PER_UNIT


def _is_reference(text: str) -> bool:
    """Whether ``text`` is an external id, which no title is compared with (a malformed
    one is refused before any lookup)."""
    try:
        return parse_reference(text) is not None
    except InvalidExternalId:
        return True


def _stored_ids(texts: list[str]) -> set[str]:
    """Those of ``texts`` that are the ids of stored tracks, in one Redis round trip.  A
    text of an id's shape that no track has is looked up as a title, as long as any
    other (a 64-letter word took 556 ms on 28k tracks, a track's id 6 ms).  No model or
    no Redis: none (the view then answers its own 503, which is not charged)."""
    if not texts:
        return set()
    try:
        rows = get_resources().current().lookup(texts, ["seed"] * len(texts), strict=False)
    except (FeelalikeError, RedisError, OSError):
        return set()
    return {text for text, row in zip(texts, rows) if row is not None}


def _priced() -> int:
    route = route_name()
    if route in ("POST /v1/recommendations", "POST /v1/playlists"):
        return _body_cost(route)
    cost = 2 if route == "GET /v1/path" else 1
    if route == "GET /v1/recommendations":  # past the stored list (100): ranked live
        cost += _whole(request.args.get("limit"), 10) + _whole(request.args.get("offset"),
                                                               0) > 100
    titles = [request.args.get(name) for name in TITLE_PARAMS.get(route, ())]
    return min(MAX_COST, cost + _title_cost(titles, search=route in SEARCH_ROUTES))


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
