"""The request's JSON body, decoded once per request: the rate limiter prices it and the
view validates it, from the same decoded value."""
from __future__ import annotations

import json
from typing import Any

from flask import g, request
from werkzeug.exceptions import RequestEntityTooLarge

_KEY = "feelalike_json_body"


def decoded_body() -> Any:
    """The body as JSON; raises ``ValueError`` (invalid JSON, an integer past 4300 digits)
    or ``RecursionError`` (nested too deeply), every time it is asked for."""
    if _KEY not in g:
        try:
            setattr(g, _KEY, (json.loads(_raw_body()), None))
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
