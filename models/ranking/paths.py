"""Paths between two tracks: a gradual walk through mood space."""
from __future__ import annotations

import numpy as np

from .table import TrackTable

LOOK_AHEAD = 50  # nearest rows tried per step before giving up on that step


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
        for row in np.argsort(dist)[:LOOK_AHEAD]:
            if np.isfinite(dist[row]) and table.song_keys[row] not in songs:
                chosen.append(int(row))
                usable[row] = False
                songs.add(table.song_keys[row])
                break
    chosen.sort(key=lambda r: float((space[r] - a) @ direction) / length2)
    return [start, *chosen, end]
