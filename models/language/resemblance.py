"""How much a typed search resembles a catalog's "title artist" strings.

``WRatio`` scores many strings holding one word of the query alike ("loneliness night
talking" gives 85.5 to "Let's Fall in Love for the Night" and to "Loneliness #3 (Night
Talking)"), and ties fell to popularity, so a track of one's own library (no
popularity) sank below fifty strangers. Ties of WRatio (to the whole point) are now
broken by ``token_set_ratio``, 100 for a string that holds *all* the query's words (46
for the first), then by popularity. WRatio stays the measure, so short queries and
typos ("lonely", "blindng lights") match as before; token_set alone would put a short
title whose words are all in a long query first ("22 Taylor Swift" for "love story
taylor swift live").
"""
from __future__ import annotations

from typing import Sequence

import numpy as np
from rapidfuzz import fuzz, process


def resembling(query: str, choices: Sequence[str], *, limit: int, cutoff: float,
               popularity: Sequence[float] = ()) -> list[int]:
    """Indices of up to ``limit`` ``choices`` whose WRatio against ``query`` (both
    normalised) is at least ``cutoff`` (0-100), best first: WRatio to the whole point,
    then the share of the query's words held (token_set_ratio), then popularity."""
    if not choices:
        return []
    whole = process.cdist([query], choices, scorer=fuzz.WRatio, dtype=np.float32,
                          workers=1)[0]
    keep = np.flatnonzero(whole >= cutoff)
    words = process.cdist([query], [choices[i] for i in keep], scorer=fuzz.token_set_ratio,
                          dtype=np.float32, workers=1)[0] if len(keep) else np.zeros(0)
    pop = np.asarray(popularity, dtype=np.float64)[keep] if len(popularity) else \
        np.zeros(len(keep))
    order = np.lexsort((keep, -pop, -words, -np.round(whole[keep])))[:limit]
    return [int(i) for i in keep[order]]
