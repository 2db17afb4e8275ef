"""The (title, artist) readings of a typed seed: "Title - Artist", "Title by Artist",
or the whole of it.

Each reading costs a pass over the catalog's titles when it has to be spell-checked, so
a seed holding many separators ("ab - ab - ab ...", a thousand characters of them)
is read at its last few separators only: a title holds one or two ("Closer - T-Mass
Remix - The Chainsmokers"), an artist rarely any.
"""
from __future__ import annotations

import re

from .text import normalise

#: separators of each kind a seed is cut at, the last ones first
MAX_CUTS = 3
SEPARATORS = (r"\s+[-\u2013\u2014]\s+", r"\s+by\s+")


def seed_readings(query: str) -> list[tuple[str, str | None]]:
    """(title, artist) readings of a query as written: "Title - Artist", "Title by
    Artist", whole.  The last separator first: titles hold separators ("Closer - T-Mass
    Remix - The Chainsmokers", "Stand by Me by Oasis") more often than artists do."""
    readings: list[tuple[str, str | None]] = []
    for sep in SEPARATORS:
        cuts = list(re.finditer(sep, query, flags=re.IGNORECASE))
        for cut in reversed(cuts[-MAX_CUTS:]):
            title, artist = query[:cut.start()], query[cut.end():]
            if normalise(title) and normalise(artist):
                readings.append((title, artist))
    readings.append((query, None))
    return readings


def normal_readings(query: str) -> list[tuple[str, str | None]]:
    """The readings of :func:`seed_readings` in normal form."""
    return [(normalise(title), normalise(artist) if artist is not None else None)
            for title, artist in seed_readings(query)]
