"""How the parts of a query's relevance add up when it has seeds beside moods, text,
targets or tags.

Each part's values spread differently: a seed's similarity (cosine, mapped to [0, 1])
lifts its nearest tracks a few hundredths above the rest, while a mood match runs from
0 to 1. Averaged as they were, the mood decided: a seed with ``"moods": {"sad": 0.5}``
got the catalog's saddest tracks whatever the seed, the same few for every seed. So
beside seeds each part is measured where the seeds point: as a standard score over the
seeds' neighbourhood (the rows most like them), the other parts' clipped at
``MAX_LEAN``, weighted and put back on the seeds' own scale. Within the neighbourhood
the moods lean the ranking; a track outside it needs to be much more like the mood to
come in.
"""
from __future__ import annotations

import numpy as np

#: how many of a part's standard deviations a tag the request's text names is worth
TAG_LIFT = 1.0
#: the most a part other than the seeds may lift or sink a track, in standard scores
MAX_LEAN = 3.0
#: the seeds' neighbourhood: this share of the placed rows, within the bounds below
NEIGHBOURHOOD_SHARE = 0.03
NEIGHBOURHOOD_ROWS = (100, 2000)


def beside_seeds(parts: dict[str, np.ndarray], weights: dict[str, float],
                 placed: np.ndarray) -> np.ndarray:
    """The weighted standard scores of ``parts`` (``"seeds"`` among them) over the
    seeds' neighbourhood among the ``placed`` rows (those the query may offer), on the
    scale of the seeds' part, clipped to [0, 1]."""
    seeds = parts["seeds"]
    near = _neighbourhood(seeds, placed)
    centre, spread = _moments(seeds, near)
    total = np.zeros(len(seeds), dtype=np.float64)
    for name, values in parts.items():
        if name == "tags":  # a yes or no: a fixed lift, not a score of one in a hundred
            score = values.astype(np.float64) * TAG_LIFT
        else:
            mean, std = _moments(values, near)
            score = (values - mean) / std if std > 0 else np.zeros(len(values))
            if name != "seeds":
                score = np.clip(score, -MAX_LEAN, MAX_LEAN)
        total += weights[name] * np.nan_to_num(score, nan=0.0)
    total /= sum(weights.values())
    return np.clip(centre + spread * total, 0.0, 1.0)


def _neighbourhood(seeds: np.ndarray, placed: np.ndarray) -> np.ndarray:
    """The placed rows most like the seeds."""
    rows = np.flatnonzero(placed) if placed.any() else np.arange(len(seeds))
    low, high = NEIGHBOURHOOD_ROWS
    size = min(len(rows), max(low, min(high, int(NEIGHBOURHOOD_SHARE * len(rows)))))
    if size >= len(rows):
        return rows
    return rows[np.argpartition(-np.nan_to_num(seeds[rows], nan=-1.0), size - 1)[:size]]


def _moments(values: np.ndarray, rows: np.ndarray) -> tuple[float, float]:
    """Mean and standard deviation of ``values`` over ``rows`` that have one."""
    known = values[rows]
    known = known[~np.isnan(known)]
    if not len(known):
        return 0.0, 0.0
    return float(known.mean()), float(known.std())
