"""Checking request bodies: every field's type and range, with a 400 naming the field."""
from __future__ import annotations

import math
from typing import Any

from models.errors import BadRequest
from models.language import MOODS

MAX_SEEDS = 5
MAX_LIST = 500
MAX_TEXT = 500
#: audio attributes usable as min_/max_/target_ and their valid ranges.  "valence" is
#: not among them: target_valence / target_arousal are feelalike's mood dimensions,
#: on the [-1, 1] scale the API reports.
ATTRIBUTES: dict[str, tuple[float, float]] = {
    "danceability": (0, 1), "energy": (0, 1), "speechiness": (0, 1), "acousticness": (0, 1),
    "instrumentalness": (0, 1), "liveness": (0, 1), "mode": (0, 1),
    "key": (0, 11), "tempo": (0, 300), "loudness": (-60, 5), "duration_ms": (0, 3_600_000),
    "popularity": (0, 100),
}
YEARS = (1000, 3000)
QUERY_FIELDS = {"seeds", "negative_seeds", "moods", "target_valence", "target_arousal", "text",
                "include_tags", "exclude_tags", "exclude_artists", "exclude_ids",
                "max_per_artist", "dedupe", "diversity", "temperature", "random_seed"}


def fail(field: str, message: str) -> BadRequest:
    return BadRequest(f"{field}: {message}", field=field)


def number(body: dict, field: str, low: float, high: float, default: Any = None) -> Any:
    if body.get(field) is None:
        return default
    value = body[field]
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise fail(field, f"must be a number, got {value!r}")
    if not low <= value <= high:
        raise fail(field, f"must be between {low:g} and {high:g}, got {value!r}")
    return float(value)


def integer(body: dict, field: str, low: int, high: int, default: Any = None) -> Any:
    if body.get(field) is None:
        return default
    value = body[field]
    if isinstance(value, bool) or not isinstance(value, int):
        raise fail(field, f"must be a whole number, got {value!r}")
    if not low <= value <= high:
        raise fail(field, f"must be between {low} and {high}, got {value!r}")
    return value


def boolean(body: dict, field: str, default: bool) -> bool:
    value = body.get(field, default)
    if not isinstance(value, bool):
        raise fail(field, f"must be true or false, got {value!r}")
    return value


def text(body: dict, field: str, max_chars: int = MAX_TEXT) -> str | None:
    value = body.get(field)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise fail(field, "must be a non-empty string")
    if len(value) > max_chars:
        raise fail(field, f"must be at most {max_chars} characters")
    return value.strip()


def strings(body: dict, field: str, max_items: int = MAX_LIST) -> list[str]:
    value = body.get(field, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise fail(field, "must be a list of non-empty strings")
    if len(value) > max_items:
        raise fail(field, f"must have at most {max_items} items")
    return [v.strip() for v in value]


def seed_items(body: dict, field: str) -> list:
    """The raw list under ``field`` (empty when absent or null)."""
    value = body.get(field)
    if value is None:
        return []
    if not isinstance(value, list):
        raise fail(field, "must be a list of seeds")
    return value


def seeds(body: dict, field: str) -> list[tuple[str, float]]:
    """``["id or title", {"seed": "...", "weight": 2}, ...]`` -> [(seed, weight)]."""
    value = body.get(field, [])
    if not isinstance(value, list):
        raise fail(field, "must be a list of seeds")
    if len(value) > MAX_SEEDS:
        raise fail(field, f"at most {MAX_SEEDS} seeds, got {len(value)}")
    out = []
    for i, item in enumerate(value):
        where = f"{field}[{i}]"
        if isinstance(item, dict):
            unknown = set(item) - {"seed", "id", "weight"}
            if unknown:
                raise fail(where, f"unknown key {sorted(unknown)[0]!r}")
            seed = text(item, "seed" if "seed" in item else "id", 300)
            weight = number(item, "weight", 0.0, 10.0, 1.0)
            if seed is None:
                raise fail(where, "needs 'seed' (a track id or title)")
            if weight == 0:
                raise fail(f"{where}.weight", "must be greater than 0")
            out.append((seed, float(weight)))
        elif isinstance(item, str) and item.strip() and len(item) <= 300:
            out.append((item.strip(), 1.0))
        else:
            raise fail(where, "must be a track id or title, or {\"seed\", \"weight\"}")
    return out


def moods(body: dict, field: str = "moods") -> dict[str, float]:
    value = body.get(field, {})
    if not isinstance(value, dict):
        raise fail(field, "must be an object of mood -> weight")
    out = {}
    for mood, weight in value.items():
        if mood not in MOODS:
            raise fail(f"{field}.{mood}", f"unknown mood; known: {', '.join(MOODS)}")
        out[mood] = number(value, mood, 0.0, 1.0)
    if out and not any(out.values()):
        raise fail(field, "at least one weight must be above 0")
    return out


def mood_name(value: Any, field: str) -> str:
    if value not in MOODS:
        raise fail(field, f"unknown mood {value!r}; known: {', '.join(MOODS)}")
    return value


def ranges(body: dict) -> tuple[dict[str, float], dict[str, float], dict[str, float]]:
    """min_/max_/target_ audio attributes and release years, checked for min <= max."""
    mins, maxs, targets = {}, {}, {}
    for name, (low, high) in ATTRIBUTES.items():
        for prefix, into in (("min_", mins), ("max_", maxs), ("target_", targets)):
            value = number(body, prefix + name, low, high)
            if value is not None:
                into[name] = value
    for prefix, into in (("min_", mins), ("max_", maxs)):
        year = integer(body, prefix + "year", *YEARS)
        if year is not None:
            into["year"] = float(year)
    for name in mins.keys() & maxs.keys():
        if mins[name] > maxs[name]:
            raise fail(f"min_{name}", f"is greater than max_{name}")
    return mins, maxs, targets


def known_fields(body: Any, allowed: set[str]) -> dict:
    if not isinstance(body, dict):
        raise BadRequest("the request body must be a JSON object", field="body")
    dynamic = {f"{p}{a}" for a in ATTRIBUTES for p in ("min_", "max_", "target_")}
    unknown = set(body) - allowed - dynamic - {"min_year", "max_year"}
    if unknown:
        name = sorted(unknown)[0]
        raise fail(name, "unknown field")
    return body

