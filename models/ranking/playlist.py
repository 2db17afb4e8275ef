"""Ordering tracks into a playlist, flowing in tempo and key, along a mood arc if asked.

Without an arc the playlist is made of the query's best candidates as the
recommendations rank them (``POOL_PER_PLACE`` per place, so that the flow rules have
some choice): the tracks that feel like the seed.  With an arc, valence/arousal move
from one mood's position to another's, linearly over the playlist, and every track
that passes the filters is a candidate (the seed's neighbourhood rarely spans an arc);
the arc sets how they feel and the seeds, through ``arc_relevance``, how they sound.

Tracks are placed greedily, position by position: the cheapest candidate wins, with
costs for distance to the arc's target beyond ``ARC_TOLERANCE`` (with an arc only:
within it, relevance decides), lack of relevance, a tempo
jump beyond the tolerance (half and double time count as the same pulse) and keys
that clash on the Camelot wheel; no artist repeats within ``min_artist_gap``
positions and no track appears twice.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..language import MOODS, load_lexicon
from .camelot import clashes, wheel
from .query import Query, world_similarity
from .table import TrackTable

# A tempo jump beyond the tolerance or a key clash costs more than the arc's usual
# step, so they act as rules that give way only when nothing else fits.
VA_WEIGHT, TEMPO_WEIGHT, KEY_WEIGHT, RELEVANCE_WEIGHT = 2.0, 0.5, 0.5, 0.4
ARC_TOLERANCE = 0.1  # valence/arousal distance an arc point forgives (bench/playlist_quality.py)
TEMPO_BREAK = 1.0  # flat cost of any jump beyond the tolerance
FIRST_LOOK = 64
POOL_PER_PLACE = 2  # candidates per place without an arc (measured: bench/playlist_quality.py)


@dataclass
class ArcPoint:
    valence: float
    arousal: float


@dataclass
class Placement:
    rows: list[int]
    arc: list[ArcPoint]
    warnings: list[str]
    scores: list[float]  # each placed row's relevance


def arc_points(start: tuple[float, float], end: tuple[float, float], length: int,
               ) -> list[ArcPoint]:
    (v0, a0), (v1, a1) = (float(x) for x in start), (float(x) for x in end)
    if length == 1:
        return [ArcPoint(v0, a0)]
    return [ArcPoint(v0 + (v1 - v0) * i / (length - 1), a0 + (a1 - a0) * i / (length - 1))
            for i in range(length)]


def pool_size(length: int, arc: bool) -> int | None:
    """How many of the query's best candidates a playlist of ``length`` is made from;
    None (all that pass the filters) along an arc."""
    return None if arc else POOL_PER_PLACE * length


def arc_relevance(table: TrackTable, query: Query, rows: np.ndarray, relevance: np.ndarray,
                  ) -> np.ndarray:
    """What a playlist along an arc weighs besides the arc, per candidate row: with
    seeds, how much it sounds like them and shares their world (how it feels is the
    arc's to set: by the full vectors, tracks near a quiet seed are all quiet and no arc
    could leave them); otherwise ``relevance``, the query's own."""
    world = world_similarity(table, query)
    return relevance if world is None else world[rows].astype(np.float32)


def tempo_jump(a: float, b: np.ndarray, tolerance: float) -> np.ndarray:
    """Per candidate: 0 within tolerance of ``a`` (half and double time count as the same
    pulse), else a flat break cost growing with the excess; 0 where a tempo is unknown."""
    if np.isnan(a) or a <= 0:
        return np.zeros_like(b)
    ratio = np.min([np.abs(b * f - a) / a for f in (0.5, 1.0, 2.0)], axis=0)
    excess = (ratio - tolerance) / max(tolerance, 1e-6)
    jump = np.where(excess > 0, TEMPO_BREAK + np.clip(excess, 0.0, 3.0), 0.0)
    return np.where(np.isnan(b) | (b <= 0), 0.0, jump)


MIN_RELEVANCE_SPREAD = 0.25  # never stretch a narrower spread: it would amplify noise


def _normalised(relevance: np.ndarray) -> np.ndarray:
    """Relevance mapped so the best candidate is 1 and the 5th percentile about 0."""
    if relevance.size == 0:
        return relevance
    low, high = np.percentile(relevance, 5), relevance.max()
    spread = max(high - low, MIN_RELEVANCE_SPREAD)
    return np.clip(1.0 - (high - relevance) / spread, 0.0, 1.0)


def sequence(table: TrackTable, candidates: np.ndarray, relevance: np.ndarray,
             arc: list[ArcPoint], *, min_artist_gap: int = 3, tempo_tolerance: float = 0.08,
             max_per_artist: int | None = None, used_songs: set[str] = frozenset(),
             follow_arc: bool = True) -> Placement:
    """Place candidate rows along ``arc`` (one point per position); may return fewer
    tracks (with a warning).  ``relevance`` is per candidate, in the same order.

    Every position scores all candidates at once: distance to the arc's valence/arousal
    target (unless not ``follow_arc``: then the candidates already are what the playlist
    should feel like), lack of relevance, and (after the first) tempo jump and key clash
    with the previous track.
    """
    rows = np.asarray(candidates, dtype=np.int64)
    va = np.stack([table.column("valence_mood")[rows], table.column("arousal_mood")[rows]], 1)
    va = np.nan_to_num(va.astype(np.float64))
    base = RELEVANCE_WEIGHT * (1.0 - _normalised(np.asarray(relevance, dtype=np.float64)))
    va_weight = VA_WEIGHT if follow_arc else 0.0
    tempo = table.column("tempo")[rows].astype(np.float64)
    numbers, letters = wheel(table.column("key")[rows], table.column("mode")[rows])
    artists = table.artist_codes[rows].tolist()  # equal codes = the same artist
    blocked = np.zeros(len(rows), dtype=bool)
    songs, per_artist, placed = set(used_songs), {}, []
    for point in arc:
        off = np.linalg.norm(va - (point.valence, point.arousal), axis=1)
        cost = base + va_weight * np.maximum(off - ARC_TOLERANCE, 0.0)
        if placed:
            cost += TEMPO_WEIGHT * tempo_jump(tempo[placed[-1]], tempo, tempo_tolerance)
            prev = placed[-1]
            cost += KEY_WEIGHT * clashes(numbers[prev], letters[prev], numbers, letters)
        recent = {artists[i] for i in placed[-min_artist_gap:]} if min_artist_gap else set()
        cost[blocked] = np.inf
        choice = _cheapest(cost, rows, artists, recent, songs, per_artist, max_per_artist,
                           table)
        if choice is None:
            break
        placed.append(choice)
        blocked[choice] = True
        songs.add(table.song_keys[rows[choice]])
        per_artist[artists[choice]] = per_artist.get(artists[choice], 0) + 1
    warnings = [] if len(placed) == len(arc) else [
        f"only {len(placed)} of {len(arc)} tracks could be placed with the filters and "
        f"artist gap given"]
    return Placement([int(rows[i]) for i in placed], arc[:len(placed)], warnings,
                     [float(relevance[i]) for i in placed])


def _cheapest(cost: np.ndarray, rows: np.ndarray, artists: list[int], recent: set[int],
              songs: set[str], per_artist: dict[int, int], cap: int | None,
              table: TrackTable) -> int | None:
    """Index of the cheapest candidate that breaks no rule, or None.

    Looks at the cheapest few first (a partial sort), and at the rest only if needed.
    """
    few = min(FIRST_LOOK, len(cost))
    if few == 0:
        return None
    head = np.argpartition(cost, few - 1)[:few]
    head = head[np.argsort(cost[head], kind="stable")]
    found = _first_allowed(head, cost, rows, artists, recent, songs, per_artist, cap, table)
    if found is not None or few == len(cost):
        return found
    return _first_allowed(np.argsort(cost, kind="stable"), cost, rows, artists, recent, songs,
                          per_artist, cap, table)


def _first_allowed(order: np.ndarray, cost: np.ndarray, rows: np.ndarray, artists: list[int],
                   recent: set[int], songs: set[str], per_artist: dict[int, int],
                   cap: int | None, table: TrackTable) -> int | None:
    for i in order:
        if not np.isfinite(cost[i]):
            return None
        artist = artists[i]
        if artist in recent or table.song_keys[rows[i]] in songs:
            continue
        if cap is not None and per_artist.get(artist, 0) >= cap:
            continue
        return int(i)
    return None


def arc_ends(table: TrackTable, query: Query, arc: tuple[str, str] | None,
             ) -> tuple[tuple[float, float], tuple[float, float]]:
    """Valence/arousal where the playlist starts and ends: the arc's two moods, else a
    flat line at the seeds' (or the asked moods') position, moved to explicit targets."""
    protos = load_lexicon().prototypes
    if arc:
        return tuple(protos[MOODS.index(arc[0])]), tuple(protos[MOODS.index(arc[1])])
    if query.seeds:
        rows = [r for r, _ in query.seeds]
        point = (float(np.nanmean(table.column("valence_mood")[rows])),
                 float(np.nanmean(table.column("arousal_mood")[rows])))
    elif query.moods:
        w = np.array([query.moods.get(m, 0.0) for m in MOODS])
        point = tuple(float(x) for x in (w @ protos) / w.sum())
    else:
        point = (0.0, 0.0)
    point = (query.target_valence if query.target_valence is not None else point[0],
             query.target_arousal if query.target_arousal is not None else point[1])
    return point, point
