"""Ordering tracks into a playlist that follows a mood arc, and paths between tracks.

The arc moves valence/arousal from one mood's position to another's, linearly over
the playlist.  Tracks are placed greedily, position by position: the one closest to
the arc's target wins, with penalties for a tempo jump beyond the tolerance (half
and double time count as the same pulse), for keys that clash on the Camelot wheel,
and a bonus for relevance; no artist repeats within ``min_artist_gap`` positions and
no track appears twice.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .camelot import camelot, compatible
from .table import TrackTable

VA_WEIGHT, TEMPO_WEIGHT, KEY_WEIGHT, RELEVANCE_WEIGHT = 1.0, 0.35, 0.25, 0.5


@dataclass
class ArcPoint:
    valence: float
    arousal: float


@dataclass
class Placement:
    rows: list[int]
    arc: list[ArcPoint]
    warnings: list[str]


def arc_points(start: tuple[float, float], end: tuple[float, float], length: int,
               ) -> list[ArcPoint]:
    if length == 1:
        return [ArcPoint(*start)]
    return [ArcPoint(start[0] + (end[0] - start[0]) * i / (length - 1),
                     start[1] + (end[1] - start[1]) * i / (length - 1)) for i in range(length)]


def tempo_jump(a: float, b: float, tolerance: float) -> float:
    """0 within tolerance (counting half/double time), growing beyond it; 0 if unknown."""
    if np.isnan(a) or np.isnan(b) or a <= 0 or b <= 0:
        return 0.0
    ratio = min(abs(b * f - a) / a for f in (0.5, 1.0, 2.0))
    return max(0.0, ratio - tolerance) / max(tolerance, 1e-6)


def sequence(table: TrackTable, candidates: list[int], relevance: np.ndarray,
             arc: list[ArcPoint], *, min_artist_gap: int = 3,
             tempo_tolerance: float = 0.08) -> Placement:
    """Place candidates along ``arc``; may return fewer tracks (with a warning)."""
    va = np.stack([table.column("valence_mood"), table.column("arousal_mood")], axis=1)
    tempo, keys = table.column("tempo"), table.column("key")
    modes = table.column("mode")
    codes = {r: camelot(float(keys[r]), float(modes[r])) for r in candidates}
    rows: list[int] = []
    unused = list(dict.fromkeys(candidates))
    for point in arc:
        recent = {table.artist_keys[r] for r in rows[-min_artist_gap:]} if min_artist_gap else set()
        options = [r for r in unused if table.artist_keys[r] not in recent]
        if not options:
            break
        target = np.array([point.valence, point.arousal])
        best = min(options, key=lambda r: _cost(r, rows, target, va, tempo, codes, relevance,
                                                tempo_tolerance))
        rows.append(best)
        unused.remove(best)
    warnings = [] if len(rows) == len(arc) else [
        f"only {len(rows)} of {len(arc)} tracks could be placed with the filters and "
        f"artist gap given"]
    return Placement(rows, arc[:len(rows)], warnings)


def _cost(row: int, placed: list[int], target: np.ndarray, va: np.ndarray, tempo: np.ndarray,
          codes: dict[int, str | None], relevance: np.ndarray, tolerance: float) -> float:
    cost = VA_WEIGHT * float(np.linalg.norm(va[row] - target))
    cost -= RELEVANCE_WEIGHT * float(relevance[row])
    if placed:
        prev = placed[-1]
        cost += TEMPO_WEIGHT * min(tempo_jump(float(tempo[prev]), float(tempo[row]),
                                              tolerance), 3.0)
        if compatible(codes.get(prev), codes.get(row)) is False:
            cost += KEY_WEIGHT
    return cost


def path(table: TrackTable, start: int, end: int, steps: int,
         allowed: np.ndarray | None = None) -> list[int]:
    """``steps`` tracks between ``start`` and ``end`` moving gradually in mood space
    (the 16 mood scores plus valence and arousal), endpoints included."""
    space = np.hstack([table.moods, table.column("valence_mood")[:, None],
                       table.column("arousal_mood")[:, None]]).astype(np.float64)
    space = np.nan_to_num(space)
    a, b = space[start], space[end]
    direction = b - a
    length2 = float(direction @ direction) or 1.0
    usable = np.ones(len(table), dtype=bool) if allowed is None else allowed.copy()
    usable[[start, end]] = False
    songs = {table.song_keys[start], table.song_keys[end]}
    chosen: list[int] = []
    for i in range(1, steps + 1):
        point = a + direction * i / (steps + 1)
        dist = np.linalg.norm(space - point, axis=1)
        dist[~usable] = np.inf
        for row in np.argsort(dist)[:50]:
            if np.isfinite(dist[row]) and table.song_keys[row] not in songs:
                chosen.append(int(row))
                usable[row] = False
                songs.add(table.song_keys[row])
                break
    chosen.sort(key=lambda r: float((space[r] - a) @ direction) / length2)
    return [start, *chosen, end]
