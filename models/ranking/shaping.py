"""Turning scored candidates into a result list: filters, order, one version per song,
an artist cap, maximal marginal relevance for ``diversity`` and seeded Gumbel noise for
``temperature`` (a ``random_seed`` reproduces the list).  Scores leave clamped to [0, 1].
"""
from __future__ import annotations

import numpy as np

from .query import Query
from .table import TrackTable

POOL = 600  # best candidates considered by the shaping step
RANKS_PER_DEGREE = 10.0  # how far down the plain order one degree of temperature reaches


def clamp(score: float) -> float:
    """A score as results report it: within [0, 1]."""
    return min(max(float(score), 0.0), 1.0)


def order(rows: np.ndarray, scores: np.ndarray, query: Query, pool: int = POOL) -> np.ndarray:
    """Indexes into ``rows`` of the best ``pool`` candidates, best first (sampled with a
    temperature, see :func:`sampling_keys`)."""
    best = np.argsort(-scores.astype(np.float64), kind="stable")
    if query.temperature > 0:
        keys = sampling_keys(len(best), query.temperature, query.random_seed)
        best = best[np.argsort(-keys, kind="stable")]
    return best[:pool]


def sampling_keys(n: int, temperature: float, random_seed: int | None) -> np.ndarray:
    """Gumbel keys for ranks 1..n of the plain order: sorting by them draws, without
    replacement, rank r with weight exp(-(r - 1) / (RANKS_PER_DEGREE * temperature)).

    By rank, not score: scores near the top of a catalog differ by thousandths, so noise
    on their logarithms (as before) made even 0.01 a nearly random pick of the whole
    catalog.  Ranks give every catalog and model the same scale; of a top 10 (median
    of 200 draws), 0.3 keeps 8-9 and reaches rank 12 at most times, 1 keeps 5-6 and
    reaches rank 25, 5 keeps 1-2 and draws from the top hundred or so."""
    rng = np.random.default_rng(random_seed)
    return -np.arange(n) / (RANKS_PER_DEGREE * temperature) + rng.gumbel(size=n)


def seed_songs(table: TrackTable, query: Query) -> set[str]:
    """Songs a result must not repeat: the seeds' own (when de-duplicating)."""
    return {table.song_keys[r] for r, _ in query.seeds} if query.dedupe else set()


def pick(table: TrackTable, rows: np.ndarray, scores: np.ndarray, query: Query) -> list[int]:
    """Indexes into ``rows`` of up to ``query.limit`` results, in order, honouring
    de-duplication, the artist cap and diversity."""
    unit = table.unit_vectors[rows] if query.diversity > 0 else None
    songs = seed_songs(table, query)
    per_artist: dict[str, int] = {}
    picked: list[int] = []
    remaining = list(range(len(rows)))
    while remaining and len(picked) < query.limit:
        at = _next(remaining, scores, unit, picked, query.diversity)
        remaining.remove(at)
        row = int(rows[at])
        artist, song = table.artist_keys[row], table.song_keys[row]
        if query.dedupe and song in songs:
            continue
        if artist and query.max_per_artist and \
                per_artist.get(artist, 0) >= query.max_per_artist:
            continue  # (no artist: unknown artists are not one artist)
        songs.add(song)
        per_artist[artist] = per_artist.get(artist, 0) + 1
        picked.append(at)
    return picked


def _next(remaining: list[int], scores: np.ndarray, unit: np.ndarray | None,
          chosen: list[int], diversity: float) -> int:
    if unit is None or not chosen:
        return remaining[0]
    idx = np.array(remaining)
    redundancy = (unit[idx] @ unit[chosen].T).max(axis=1)
    mmr = (1 - diversity) * scores[idx] - diversity * redundancy
    return int(idx[int(np.argmax(mmr))])
