"""How much a typed search resembles a catalog's "title artist" strings.

``WRatio`` alone scores many strings holding one word of the query alike ("loneliness
night talking" gives 85.5 to "Let's Fall in Love for the Night" and to "Loneliness #3
(Night Talking)"), so ties fell to popularity and a track of one's own library (no
popularity) sank below fifty strangers. ``token_set_ratio`` gives 100 to a string that
holds *all* the query's words (46 to the first); the better of the two keeps WRatio's
partial matches of short queries and typos ("lonely", "blindng lights").
"""
from __future__ import annotations

from typing import Sequence

import numpy as np
from rapidfuzz import fuzz, process


def resembling(query: str, choices: Sequence[str], *, limit: int, cutoff: float,
               popularity: Sequence[float] = ()) -> list[int]:
    """Indices of up to ``limit`` ``choices`` scoring at least ``cutoff`` (0-100)
    against ``query`` (both normalised), best first; at one score the more popular."""
    if not choices:
        return []
    whole = process.cdist([query], choices, scorer=fuzz.WRatio, dtype=np.float32,
                          workers=1)[0]
    words = process.cdist([query], choices, scorer=fuzz.token_set_ratio, dtype=np.float32,
                          workers=1)[0]
    score = np.maximum(whole, words)
    keep = np.flatnonzero(score >= cutoff)
    pop = np.asarray(popularity, dtype=np.float64)[keep] if len(popularity) else \
        np.zeros(len(keep))
    order = np.lexsort((keep, -pop, -np.round(score[keep], 1)))[:limit]
    return [int(i) for i in keep[order]]
