"""Paths between two tracks: a gradual walk through mood space that keeps to the
endpoints' world.

Each step has a point on the line between the endpoints in mood space (the 16 mood
scores plus valence and arousal).  Of the ``pool`` tracks nearest to it, the step
takes the one that sounds most like where the walk is (the endpoints' vectors without
their mood columns, mixed in the step's proportion): the moods move, the sound does
not wander off to whatever shares them, and it keeps the pulse: a candidate whose tempo
jumps from the step before (or into the end) costs JUMP_COST, and one by an artist
already on the path ARTIST_COST: the walk meets new artists, and a library of few
artists still walks.  ``pool=1``, or a table that does not mark its mood columns, walks
by mood alone.
"""
from __future__ import annotations

import numpy as np

from .placement import tempo_jump
from .query import refuse_unplaced_seeds
from .table import TrackTable

PATH_POOL = 20  # nearest rows by mood each step chooses from (bench/path_quality.py)
#: what a tempo jump from the step before (or to the end, for the last step) costs a
#: step's candidate, beside its cosine to where the walk is (bench/path_quality.py)
JUMP_COST = 0.1
JUMP_TOLERANCE = 0.08  # the playlists' default tempo tolerance
#: what a candidate by an artist already on the path (an end or a step) costs: 22 of 100
#: random paths of the demo repeated an artist, 7 back to back (bench/path_quality.py)
ARTIST_COST = 0.3
TYPICAL_PAIRS = 1000  # random pairs of tracks a path's score scale is measured on


def mood_space(table: TrackTable, rows: np.ndarray | None = None) -> np.ndarray:
    """(n, 18) float64 of ``rows`` (default all): the 16 mood scores, valence and
    arousal; 0 where unknown."""
    rows = np.arange(len(table)) if rows is None else np.asarray(rows)
    return np.nan_to_num(np.hstack([table.moods[rows],
                                    table.column("valence_mood")[rows][:, None],
                                    table.column("arousal_mood")[rows][:, None]]
                                   ).astype(np.float64))


class _Distances:
    """Distances in mood space from every row to a point, as |x|^2 - 2 x.p + |p|^2:
    a matrix-vector product per point over the table's own float32 columns, not a
    float64 copy of all 18 (at a million tracks the copy and its differences cost a
    second a path)."""

    def __init__(self, table: TrackTable) -> None:
        moods = table.moods
        self.moods = np.nan_to_num(moods) if np.isnan(moods).any() else moods
        self.va = np.nan_to_num(np.column_stack([table.column("valence_mood"),
                                                 table.column("arousal_mood")]))
        self.square = np.einsum("ij,ij->i", self.moods, self.moods, dtype=np.float64) \
            + np.einsum("ij,ij->i", self.va, self.va, dtype=np.float64)

    def along(self, start: np.ndarray, direction: np.ndarray) -> np.ndarray:
        """Every row's place along the line from ``start`` by ``direction`` (0 at the
        start, 1 at its end): one matrix-vector product."""
        m, v = direction[:-2].astype(np.float32), direction[-2:].astype(np.float32)
        dot = (self.moods @ m).astype(np.float64) + self.va @ v
        return (dot - float(start @ direction)) / (float(direction @ direction) or 1.0)

    def to(self, point: np.ndarray) -> np.ndarray:
        m, v = point[:-2].astype(np.float32), point[-2:].astype(np.float32)
        dot = (self.moods @ m).astype(np.float64) + self.va @ v
        return np.sqrt(np.maximum(self.square - 2.0 * dot + float(point @ point), 0.0))


def path(table: TrackTable, start: int, end: int, steps: int,
         allowed: np.ndarray | None = None, *, pool: int = PATH_POOL) -> list[int]:
    """``steps`` tracks between ``start`` and ``end`` moving gradually in mood space,
    endpoints included (fewer when too few allowed rows lie between them)."""
    refuse_unplaced_seeds(table, [start, end], every=True)
    a, b = mood_space(table, [start, end])
    direction = b - a
    length2 = float(direction @ direction) or 1.0
    distances, world, tempo = _Distances(table), table.world_unit, table.column("tempo")
    usable = table.placed.copy() if allowed is None else allowed & table.placed
    usable[[start, end]] = False
    # between the ends, give or take a step: a track beyond an end is no step of the way
    # (a small library has few tracks near the line, and its steps went past the ends)
    place = distances.along(a, direction)
    usable &= (place >= -1 / (steps + 1)) & (place <= 1 + 1 / (steps + 1))
    songs = {table.song_keys[start], table.song_keys[end]}
    artists = {table.artist_keys[start], table.artist_keys[end]}
    spacing = np.sqrt(length2) / (steps + 1)
    chosen: list[int] = []
    for i in range(1, steps + 1):
        share = i / (steps + 1)
        dist = distances.to(a + direction * share)
        near = _nearest(dist, usable, songs, table, pool)
        if not near:
            continue
        # only tracks about as near as the nearest: in a small library the pool reaches
        # far in mood, and the best-sounding of it lay off the line, even behind an end
        near = [r for r in near if dist[r] <= dist[near[0]] + spacing]
        row = near[0]
        if world is not None and len(near) > 1:
            where = (1 - share) * world[start] + share * world[end]
            fit = world[near] @ where - _jumps(tempo, [(chosen or [start])[-1]]
                                               + ([end] if i == steps else []), near)
            fit -= ARTIST_COST * np.array([table.artist_keys[r] in artists for r in near])
            row = near[int(np.argmax(fit))]
        chosen.append(row)
        usable[row] = False
        songs.add(table.song_keys[row])
        artists.add(table.artist_keys[row])
    along = (mood_space(table, chosen) - a) @ direction / length2 if chosen else []
    return [start, *[chosen[i] for i in np.argsort(along, kind="stable")], end]


def path_fit(table: TrackTable, rows: list[int]) -> list[float]:
    """How near each of a path's ``rows`` lies to the straight line between its first
    and last in mood space: 1 on it, falling to 0 a whole path's length away (a step
    past an end is measured from that end), or, between two ends closer than two tracks
    picked at random, that random distance away: a step of a short path is not off by
    the path's length just because the ends are near each other."""
    space = mood_space(table, rows)
    a, direction = space[0], space[-1] - space[0]
    length = float(np.sqrt(direction @ direction))
    scale = max(length, typical_distance(table))
    if scale == 0.0:
        return [1.0] * len(rows)
    offset = space - a
    along = np.clip(offset @ direction / (length * length), 0.0, 1.0) if length else \
        np.zeros(len(rows))
    apart = np.linalg.norm(offset - along[:, None] * direction, axis=1)
    return [float(x) for x in np.clip(1.0 - apart / scale, 0.0, 1.0)]


def typical_distance(table: TrackTable, pairs: int = TYPICAL_PAIRS) -> float:
    """The median mood-space distance between two of the table's placed tracks picked
    at random (a fixed sample, so a path scores the same each time)."""
    placed = np.flatnonzero(table.placed)
    if len(placed) < 2:
        return 0.0
    rng = np.random.default_rng(0)
    first, second = rng.choice(placed, pairs), rng.choice(placed, pairs)
    apart = mood_space(table, first) - mood_space(table, second)
    return float(np.median(np.linalg.norm(apart, axis=1)))


def _nearest(dist: np.ndarray, usable: np.ndarray, songs: set[str], table: TrackTable,
             pool: int) -> list[int]:
    """Up to ``pool`` usable rows nearest by ``dist``, nearest first, one per song not
    yet on the path."""
    dist[~usable] = np.inf
    look = min(len(dist), max(4 * pool, 50))
    order = np.argpartition(dist, look - 1)[:look] if look < len(dist) else np.arange(len(dist))
    order = order[np.argsort(dist[order], kind="stable")]
    out: list[int] = []
    seen = set(songs)
    for row in order:
        if not np.isfinite(dist[row]) or len(out) == pool:
            break
        if table.song_keys[row] not in seen:
            out.append(int(row))
            seen.add(table.song_keys[row])
    return out


def _jumps(tempo: np.ndarray, neighbours: list[int], near: list[int]) -> np.ndarray:
    """JUMP_COST for each of ``near`` per neighbour its tempo jumps from."""
    return JUMP_COST * sum((tempo_jump(float(tempo[n]), tempo[near], JUMP_TOLERANCE) > 0)
                           for n in neighbours)
