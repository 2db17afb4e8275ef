"""What every view shares: reading the JSON body, query-string checks, and rendering
tracks and results."""
from __future__ import annotations

from typing import Any, Mapping

import numpy as np
from flask import request

from models.errors import BadRequest
from models.ranking import TrackTable, camelot, key_name

from ..resources import public

MAX_QUERY_CHARS = 300


def json_body() -> object:
    body = request.get_json(silent=True)
    if body is None:
        raise BadRequest("the request body must be JSON (Content-Type: application/json)",
                         field="body")
    return body


def check_query(value: str | None, name: str) -> str:
    if value is None or not value.strip():
        raise BadRequest(f"'{name}' is required and must not be empty", field=name)
    if len(value) > MAX_QUERY_CHARS:
        raise BadRequest(f"'{name}' is longer than {MAX_QUERY_CHARS} characters", field=name)
    return value.strip()


def check_limit(value: Any, default: int = 10, maximum: int = 100, field: str = "limit") -> int:
    if value is None or value == "":
        return default
    try:
        limit = int(value)
    except (TypeError, ValueError):
        raise BadRequest(f"'{field}' must be a whole number from 1 to {maximum}, got "
                         f"{value!r}", field=field) from None
    if not 1 <= limit <= maximum:
        raise BadRequest(f"'{field}' must be from 1 to {maximum}, got {limit}", field=field)
    return limit


def result(doc: Mapping[str, Any], score: float, why: list[str]) -> dict[str, Any]:
    """One recommendation in a response."""
    return {**public(doc), "score": round(score, 4), "moods": doc.get("top_moods", []),
            "why": why}


def entry(table: TrackTable, row: int, doc: Mapping[str, Any], position: int,
          score: float) -> dict[str, Any]:
    """One track of a playlist or path, with what a DJ needs to sequence it."""
    def num(name: str) -> float | None:
        value = float(table.column(name)[row])
        return None if np.isnan(value) else round(value, 3)

    key, mode = num("key"), num("mode")
    return {"position": position, **public(doc), "valence": num("valence_mood"),
            "arousal": num("arousal_mood"), "tempo": num("tempo"), "energy": num("energy"),
            "key": key_name(key, mode), "camelot": camelot(key, mode),
            "duration_ms": num("duration_ms"), "moods": doc.get("top_moods", []),
            "score": round(score, 4)}
