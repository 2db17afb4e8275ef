"""Scoring the whole catalog for a request: seeds, mood targets, filters, shaping.

``rank`` turns a :class:`Query` into ordered rows with a relevance in [0, 1]:

* relevance is the mean of the parts the query asks for: similarity to the weighted
  seeds (minus half the negative seeds, Rocchio-style), match with target moods, and
  closeness to target valence/arousal and audio attributes;
* filters remove rows (tags, artists, years, durations, attribute ranges, ids);
* shaping picks the final list: one version per song, ``max_per_artist``, maximal
  marginal relevance for ``diversity``, and Gumbel noise for ``temperature`` (seeded,
  so a ``random_seed`` reproduces the list).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .table import TrackTable
from ..language import MOODS

NEGATIVE_WEIGHT = 0.5
ATTRIBUTE_WEIGHT = 0.5
POOL = 600  # rows considered by the shaping step


@dataclass
class Query:
    seeds: list[tuple[int, float]] = field(default_factory=list)
    negative_seeds: list[tuple[int, float]] = field(default_factory=list)
    moods: dict[str, float] = field(default_factory=dict)
    target_valence: float | None = None
    target_arousal: float | None = None
    targets: dict[str, float] = field(default_factory=dict)  # audio attribute -> value
    minimums: dict[str, float] = field(default_factory=dict)
    maximums: dict[str, float] = field(default_factory=dict)
    include_tags: set[str] = field(default_factory=set)  # normalised
    exclude_tags: set[str] = field(default_factory=set)
    exclude_artists: set[str] = field(default_factory=set)  # normalised
    exclude_rows: set[int] = field(default_factory=set)
    max_per_artist: int | None = None
    dedupe: bool = True
    diversity: float = 0.0
    temperature: float = 0.0
    random_seed: int | None = None
    limit: int = 10


@dataclass
class Ranking:
    rows: list[int]
    scores: list[float]
    parts: dict[str, np.ndarray]  # relevance parts per row, for explanations


def _unit(x: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(x, axis=-1, keepdims=True)
    return x / np.where(norms > 1e-12, norms, 1.0)


def seed_similarity(table: TrackTable, query: Query) -> np.ndarray | None:
    if not query.seeds:
        return None
    unit = table.unit_vectors
    target = sum(w * unit[r] for r, w in query.seeds) / sum(w for _, w in query.seeds)
    if query.negative_seeds:
        target = target - NEGATIVE_WEIGHT * sum(w * unit[r] for r, w in query.negative_seeds) \
            / sum(w for _, w in query.negative_seeds)
    return (1.0 + unit @ _unit(target)) / 2.0


def mood_match(table: TrackTable, moods: dict[str, float]) -> np.ndarray | None:
    if not moods:
        return None
    weights = np.array([moods.get(m, 0.0) for m in MOODS], dtype=np.float32)
    return table.moods @ weights / weights.sum()


def _closeness(values: np.ndarray, target: float, spread: float) -> np.ndarray:
    close = 1.0 - np.abs(values - target) / max(spread, 1e-9)
    return np.where(np.isnan(values), 0.5, np.clip(close, 0.0, 1.0))


def _spread(values: np.ndarray) -> float:
    known = values[~np.isnan(values)]
    if known.size < 2:
        return 1.0
    lo, hi = np.percentile(known, [2, 98])
    return float(hi - lo) or 1.0


def relevance(table: TrackTable, query: Query) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """Relevance of every row in [0, 1] and its named parts."""
    parts: dict[str, np.ndarray] = {}
    weights: dict[str, float] = {}
    seeds = seed_similarity(table, query)
    if seeds is not None:
        parts["seeds"], weights["seeds"] = seeds, 1.0
    moods = mood_match(table, query.moods)
    if moods is not None:
        parts["moods"], weights["moods"] = moods, 1.0
    for name, target in (("valence_mood", query.target_valence),
                         ("arousal_mood", query.target_arousal)):
        if target is not None:
            parts[name], weights[name] = _closeness(table.column(name), target, 2.0), 1.0
    for name, target in query.targets.items():
        column = table.column(name)
        parts[name], weights[name] = _closeness(column, target, _spread(column)), \
            ATTRIBUTE_WEIGHT
    if not parts:
        pop = table.column("popularity")
        return np.nan_to_num(pop / 100.0, nan=0.0), parts
    total = sum(weights[k] * parts[k] for k in parts) / sum(weights.values())
    return np.nan_to_num(total, nan=0.0).astype(np.float32), parts


def allowed(table: TrackTable, query: Query) -> np.ndarray:
    """Boolean mask of rows that pass every filter."""
    mask = np.ones(len(table), dtype=bool)
    for name, low in query.minimums.items():
        column = table.column(name)
        mask &= ~np.isnan(column) & (column >= low)
    for name, high in query.maximums.items():
        column = table.column(name)
        mask &= ~np.isnan(column) & (column <= high)
    if query.include_tags:
        mask &= table.rows_with_tags(query.include_tags)
    if query.exclude_tags:
        mask &= ~table.rows_with_tags(query.exclude_tags)
    if query.exclude_artists:
        mask &= ~table.rows_by_artists(query.exclude_artists)
    excluded = list(query.exclude_rows | {r for r, _ in query.seeds}
                    | {r for r, _ in query.negative_seeds})
    mask[excluded] = False
    return mask


def _order(scores: np.ndarray, candidates: np.ndarray, query: Query) -> np.ndarray:
    keys = scores[candidates].astype(np.float64)
    if query.temperature > 0:
        rng = np.random.default_rng(query.random_seed)
        keys = np.log(np.clip(keys, 1e-6, None)) / query.temperature \
            + rng.gumbel(size=keys.shape)
    top = np.argsort(-keys, kind="stable")[:POOL]
    return candidates[top]


def rank(table: TrackTable, query: Query) -> Ranking:
    scores, parts = relevance(table, query)
    candidates = np.flatnonzero(allowed(table, query))
    pool = _order(scores, candidates, query)
    picked = _shape(table, scores, pool, query)
    return Ranking(picked, [float(scores[r]) for r in picked], parts)


def _shape(table: TrackTable, scores: np.ndarray, pool: np.ndarray, query: Query) -> list[int]:
    """Pick up to ``limit`` rows in order, honouring dedupe, artist cap and diversity."""
    unit = table.unit_vectors[pool] if query.diversity > 0 else None
    songs = {table.song_keys[r] for r, _ in query.seeds} if query.dedupe else set()
    per_artist: dict[str, int] = {}
    picked: list[int] = []
    chosen_idx: list[int] = []
    remaining = list(range(len(pool)))
    while remaining and len(picked) < query.limit:
        at = _next(remaining, pool, scores, unit, chosen_idx, query.diversity)
        remaining.remove(at)
        row = int(pool[at])
        artist, song = table.artist_keys[row], table.song_keys[row]
        if query.dedupe and song in songs:
            continue
        if query.max_per_artist and per_artist.get(artist, 0) >= query.max_per_artist:
            continue
        songs.add(song)
        per_artist[artist] = per_artist.get(artist, 0) + 1
        picked.append(row)
        chosen_idx.append(at)
    return picked


def _next(remaining: list[int], pool: np.ndarray, scores: np.ndarray, unit: np.ndarray | None,
          chosen: list[int], diversity: float) -> int:
    if unit is None or not chosen:
        return remaining[0]
    idx = np.array(remaining)
    redundancy = (unit[idx] @ unit[chosen].T).max(axis=1)
    mmr = (1 - diversity) * scores[pool[idx]] - diversity * redundancy
    return int(idx[int(np.argmax(mmr))])
