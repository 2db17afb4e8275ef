"""The build's hub discount, for the seed part of a query the exact scan answers.

The precomputed neighbour lists rank a seed's neighbours by ``similarity - strength *
(r_j - mean r)``, ``r_j`` being candidate j's hub radius (its mean similarity to its ten
nearest; ``models.build.neighbours.reduce_hubs``), then shift a list whose best passes 1
down under it. A seed with moods, text, targets or tags beside it is scored by the exact
scan: with the raw similarity, its list jumped away from the plain seed's even at a
mood weight of 1e-6 (bench/seed_mood_continuity.py). :func:`discounted` gives the scan
the lists' score, from each row's penalty kept on the table (:func:`keep_penalty`).
"""
from __future__ import annotations

import numpy as np

from .table import TrackTable

_KEY = "_hub_penalty"


def keep_penalty(table: TrackTable, radius: np.ndarray, strength: float) -> None:
    """Keep on ``table`` each row's hub penalty, ``strength * (radius - mean radius)``
    (``radius``: the build's hub radius by row); nothing when it does not fit the
    table or the strength is 0 (no discount)."""
    radius = np.asarray(radius, dtype=np.float64)
    if strength > 0 and radius.shape == (len(table),) and np.isfinite(radius).all():
        table.__dict__[_KEY] = (strength * (radius - radius.mean())).astype(np.float32)


def hub_penalty(table: TrackTable) -> np.ndarray | None:
    """Each row's hub penalty, None when the table has none."""
    return table.__dict__.get(_KEY)


def discounted(table: TrackTable, similarity: np.ndarray, seed: int) -> np.ndarray:
    """``similarity`` to one seed as its neighbour list scores it: less each row's hub
    penalty, and when the best other row then passes 1 by d, everything shifted down
    together until it is 1 - d or the best raw similarity (``under_one`` of the build).
    Unchanged when the table has no penalty."""
    penalty = hub_penalty(table)
    if penalty is None:
        return similarity
    adjusted = similarity - penalty
    others = np.ones(len(adjusted), dtype=bool)
    others[seed] = False
    if not others.any():
        return adjusted
    top = float(np.nanmax(adjusted[others]))
    if top > 1.0:
        target = max(float(np.nanmax(similarity[others])), 2.0 - top)
        adjusted = adjusted - (top - target)
    return adjusted
