"""Tracks with nothing to place them by: no audio features, tags, notes or review, and
no album-mate that has any.

In the feel space such a track's coordinates all have confidence 0, so its vector
would be the anchor alone: the centre, as close to a seed with little evidence as
anything, and title-only rows would fill such seeds' lists ("confident nonsense").
The build gives them an all-zero vector instead (a placed track's anchor is never 0);
the serving side reads a zero vector as unplaced: never a candidate and, as the only
seed of a request, refused (``models.ranking.TrackTable.placed``).  The plain
hand-weighted blocks, which fill missing evidence with the catalog mean, keep them.
"""
from __future__ import annotations

import numpy as np


def clear_unplaced(vectors: np.ndarray, confidence: np.ndarray) -> np.ndarray:
    """``vectors`` (in place; returned) with every row whose ``confidence`` (the feel
    coordinates', after the album prior) is 0 throughout set to zero."""
    unplaced = ~np.any(np.asarray(confidence) > 0, axis=1)
    if unplaced.any():
        vectors[unplaced] = 0.0
    return vectors
