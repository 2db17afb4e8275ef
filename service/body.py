"""The request's JSON body, decoded once per request: the rate limiter prices it and the
view validates it, from the same decoded value."""
from __future__ import annotations

import json
from typing import Any

from flask import g, request

_KEY = "feelalike_json_body"


def decoded_body() -> Any:
    """The body as JSON; raises ``ValueError`` (invalid JSON, an integer past 4300 digits)
    or ``RecursionError`` (nested too deeply), every time it is asked for."""
    if _KEY not in g:
        try:
            setattr(g, _KEY, (json.loads(request.get_data(cache=True)), None))
        except (ValueError, RecursionError) as exc:
            setattr(g, _KEY, (None, exc))
    value, error = getattr(g, _KEY)
    if error is not None:
        raise error
    return value
