"""The request's JSON body, decoded once per request: the rate limiter prices it and the
view validates it, from the same decoded value; an object that gives a key twice is
marked, for the view to refuse (``repeated_key``)."""
from __future__ import annotations

import json
from typing import Any

from flask import g, request
from werkzeug.exceptions import RequestEntityTooLarge

_KEY = "feelalike_json_body"
_REPEATED = "feelalike_json_repeated"


class _Repeated(dict):  # type: ignore[type-arg]
    """A JSON object that gave a key more than once (the last value counts in ``json``):
    ``key`` is the first such key, given ``times`` times."""

    key = ""
    times = 0


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) == len(pairs):
        return obj
    setattr(g, _REPEATED, True)  # only then is the body searched for where
    seen: set[str] = set()
    marked = _Repeated(obj)
    marked.key = next(key for key, _ in pairs if key in seen or seen.add(key))  # type: ignore
    marked.times = sum(key == marked.key for key, _ in pairs)
    return marked


def repeated_key(value: Any) -> tuple[list[str | int], int] | None:
    """Where the first key given more than once in one object of a decoded body is (its
    JSON path as a list, and how many times), or None: ``{"limit": 5, "limit": 50}``
    would silently count the last."""
    if not g.get(_REPEATED):
        return None
    stack: list[tuple[list[str | int], Any]] = [([], value)]
    while stack:  # depth first, in the body's order
        loc, item = stack.pop()
        if isinstance(item, _Repeated):
            return [*loc, item.key], item.times
        if isinstance(item, dict):
            stack += [([*loc, k], v) for k, v in reversed(item.items())]
        elif isinstance(item, list):
            stack += [([*loc, i], v) for i, v in reversed(list(enumerate(item)))]
    return None


def decoded_body() -> Any:
    """The body as JSON; raises ``ValueError`` (invalid JSON, an integer past 4300 digits)
    or ``RecursionError`` (nested too deeply), every time it is asked for."""
    if _KEY not in g:
        try:
            setattr(g, _KEY, (json.loads(_raw_body(), object_pairs_hook=_object), None))
        except (ValueError, RecursionError) as exc:
            setattr(g, _KEY, (None, exc))
    value, error = getattr(g, _KEY)
    if error is not None:
        raise error
    return value


def _raw_body() -> bytes:
    """The body's bytes.  A chunked body has no length to refuse up front, and Werkzeug
    stops reading it at the limit without a word: one byte more is a 413, not a
    truncated body that then reads as invalid JSON."""
    data = request.get_data(cache=True)
    limit = request.max_content_length
    if request.content_length is None and limit is not None and len(data) >= limit \
            and request.environ["wsgi.input"].read(1):
        raise RequestEntityTooLarge()
    return data
