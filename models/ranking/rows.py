"""Row-wise views of a table's vectors: which rows are placed, rows at unit length, and
the columns that say how a track sounds and where it belongs."""
from __future__ import annotations

import numpy as np


def placed_rows(vectors: np.ndarray, chunk: int = 65536) -> np.ndarray:
    """(n,) bool: the rows of ``vectors`` that are not all zero."""
    out = np.empty(len(vectors), dtype=bool)
    for start in range(0, len(vectors), chunk):
        out[start:start + chunk] = np.any(vectors[start:start + chunk] != 0, axis=1)
    return out


def unit_rows(x: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (a zero row stays zero)."""
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return x / np.where(norms > 1e-12, norms, 1.0)


def world_unit_rows(vectors: np.ndarray, mood_columns: np.ndarray) -> np.ndarray:
    """``vectors`` without their mood columns, and without any column that is the same
    for every placed track, scaled to unit length.

    Such a column (the feel space's constant anchor) tells nothing of how one track
    sounds, yet by cosine it drew every track with little evidence of its own towards
    every seed: a seed whose sound is barely known (a score cue known from a review)
    was "like" whatever else was barely known, loud or quiet."""
    keep = ~np.asarray(mood_columns, dtype=bool)
    placed = placed_rows(vectors)[:, None]
    if placed.sum() > 1:
        low = np.min(vectors, axis=0, where=placed, initial=np.inf)
        high = np.max(vectors, axis=0, where=placed, initial=-np.inf)
        varies = keep & (high > low)
        keep = varies if varies.any() else keep
    return unit_rows(np.asarray(vectors)[:, keep])
