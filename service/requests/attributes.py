"""The audio attributes a request can bound or aim at, and their generated fields.

One table, :data:`ATTRIBUTES`, gives each attribute's valid range and meaning; the 36
``min_X`` / ``max_X`` / ``target_X`` fields and ``min_year`` / ``max_year`` are generated
from it into :class:`AttributeFields`, the base of every body taking query fields.
``valence`` is not among them: ``target_valence`` / ``target_arousal`` are feelalike's
mood dimensions on the [-1, 1] scale the API reports.
"""
from __future__ import annotations

from typing import Any, NamedTuple

from pydantic import Field, create_model

from .types import Body, integer, number


class Attribute(NamedTuple):
    low: float
    high: float
    meaning: str
    example: float


ATTRIBUTES: dict[str, Attribute] = {
    "danceability": Attribute(0, 1, "how suitable for dancing (0-1)", 0.7),
    "energy": Attribute(0, 1, "intensity and activity (0-1)", 0.6),
    "speechiness": Attribute(0, 1, "presence of spoken words (0-1)", 0.1),
    "acousticness": Attribute(0, 1, "confidence the track is acoustic (0-1)", 0.5),
    "instrumentalness": Attribute(0, 1, "likelihood of no vocals (0-1)", 0.8),
    "liveness": Attribute(0, 1, "likelihood of a live recording (0-1)", 0.2),
    "mode": Attribute(0, 1, "major (1) or minor (0)", 1),
    "key": Attribute(0, 11, "pitch class, 0 = C ... 11 = B", 5),
    "tempo": Attribute(0, 300, "beats per minute (0-300)", 120),
    "loudness": Attribute(-60, 5, "overall loudness in dB (-60-5)", -8),
    # as long as a catalog's track may be: a whole symphony or a sleep mix can be asked for
    "duration_ms": Attribute(0, 1e9, "length in milliseconds", 240_000),
    "popularity": Attribute(0, 100, "Spotify popularity (0-100)", 50),
}
YEARS = (1000, 3000)
PREFIXES = {"min_": "Only tracks whose {what} is at least this; tracks without it are "
                    "excluded.",
            "max_": "Only tracks whose {what} is at most this; tracks without it are "
                    "excluded.",
            "target_": "Prefer tracks whose {what} is close to this."}


def _attribute_fields() -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for name, attr in ATTRIBUTES.items():
        kind = number(attr.low, attr.high) | None
        for prefix, sentence in PREFIXES.items():
            what = f"{name} ({attr.meaning})"
            fields[prefix + name] = (kind, Field(None, description=sentence.format(what=what),
                                                 examples=[attr.example]))
    for prefix, sentence in PREFIXES.items():
        if prefix != "target_":
            fields[prefix + "year"] = (
                integer(*YEARS) | None,
                Field(None, description=sentence.format(what="release year (a whole year)"),
                      examples=[2000 if prefix == "min_" else 2020]))
    return fields


AttributeFields = create_model(  # type: ignore[call-overload]
    "AttributeFields", __base__=Body, __module__=__name__,
    __doc__="min_/max_/target_ audio attributes and the release-year range.",
    **_attribute_fields())


def attribute_ranges(model: Any) -> tuple[dict[str, float], dict[str, float],
                                          dict[str, float]]:
    """``(minimums, maximums, targets)`` of a validated model, by attribute name; the
    release year is ``"year"`` in the first two (as a float, like every other value)."""
    out: tuple[dict[str, float], dict[str, float], dict[str, float]] = ({}, {}, {})
    for name in [*ATTRIBUTES, "year"]:
        for prefix, into in zip(PREFIXES, out):
            value = getattr(model, prefix + name, None)
            if value is not None:
                into[name] = float(value)
    return out


def first_inverted_range(model: Any) -> str | None:
    """The first attribute (or ``"year"``) whose minimum exceeds its maximum."""
    for name in [*ATTRIBUTES, "year"]:
        low, high = getattr(model, "min_" + name), getattr(model, "max_" + name)
        if low is not None and high is not None and low > high:
            return name
    return None
