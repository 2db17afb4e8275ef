"""Ordering tracks into a playlist, flowing in tempo and key, along a mood arc if asked.

Without an arc the playlist is made of the query's best candidates as the
recommendations rank them (``POOL_PER_PLACE`` per place, so that the flow rules have
some choice): the tracks that feel like the seed.  With an arc, valence/arousal move
from one mood's position to another's, linearly over the playlist, and every track
that passes the filters is a candidate (the seed's neighbourhood rarely spans an arc);
the arc sets how they feel and the seeds, through ``arc_relevance``, how they sound.

Tracks are placed position by position (``sequence`` says how many part-playlists
are kept), with costs for distance to the arc's target beyond ``ARC_TOLERANCE`` (with
an arc only: within it, relevance decides), lack of relevance, a tempo jump beyond the
tolerance (half and double time count as the same pulse) and keys that clash on the
Camelot wheel; no artist, main or guest, repeats within ``min_artist_gap`` positions
(``artist_gap``) and no track appears twice.  ``max_per_artist`` counts the same
credits: a track is not placed once any artist it credits is at the cap.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .arc_labels import end_labels, label_cost, unlabelled_end
from .arc_warnings import ArcPoint, far_ends
from .artist_gap import Crediting
from .camelot import clashes, wheel
from .engine import RankingEngine
from .query import Query, allowed, refuse_unplaced_seeds
from .query import relevance as query_relevance
from .table import TrackTable

# A tempo jump beyond the tolerance or a key clash costs more than the arc's usual
# step, so they act as rules that give way only when nothing else fits.
VA_WEIGHT, TEMPO_WEIGHT, KEY_WEIGHT, RELEVANCE_WEIGHT = 2.0, 0.5, 0.5, 0.4
ARC_TOLERANCE = 0.1  # valence/arousal distance an arc point forgives (bench/playlist_quality.py)
TEMPO_BREAK = 1.0  # flat cost of any jump beyond the tolerance
FIRST_LOOK = 64
# playlists kept while placing, and next tracks tried for each, when the pool is small
BEAM, GROW, BEAM_POOL = 16, 6, 1000  # measured: bench/playlist_quality.py
POOL_PER_PLACE = 2  # candidates per place without an arc (measured: bench/playlist_quality.py)
POOL_WIDENING = 5  # how much larger a pool too small to fill the playlist is made
MAX_WIDENING = 2  # ... at most this many times (2 x 25 candidates a place)


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


def pool_size(length: int, arc: bool, widened: int = 0) -> int | None:
    """How many of the query's best candidates a playlist of ``length`` is made from;
    None (all that pass the filters) along an arc.  ``widened``: how many times the
    pool was too small to place ``length`` tracks (the best candidates all by one
    artist, kept apart by the artist gap): each time it is ``POOL_WIDENING`` times
    larger."""
    return None if arc else POOL_PER_PLACE * length * POOL_WIDENING ** widened


def counts_world(table: TrackTable, query: Query) -> bool:
    """Whether an arc counts ``query``'s seeds by their world: it has seeds and the
    table marks its mood columns."""
    return table.world_unit is not None and bool(query.seeds)


def arc_relevance(table: TrackTable, query: Query, rows: np.ndarray,
                  relevance: np.ndarray | None) -> np.ndarray:
    """What a playlist along an arc weighs besides the arc, per candidate row: with
    seeds, the query's relevance with the seeds counted by how tracks sound and where
    they belong (how they feel is the arc's to set: by the full vectors, tracks near a
    quiet seed are all quiet and no arc could leave them); otherwise ``relevance``."""
    if not counts_world(table, query):
        return relevance
    return query_relevance(table, query, world=True)[0][rows]


def arc_pool(engine: RankingEngine, scan: Query, asked: Query) -> tuple[np.ndarray,
                                                                      np.ndarray]:
    """What a playlist along an arc places tracks from: every row that passes ``scan``'s
    filters, and its ``arc_relevance`` for ``asked``.  Rows are scored once: when the
    seeds count by their world, not first by ``scan`` as well."""
    refuse_unplaced_seeds(engine.table, [row for row, _ in asked.seeds])
    if not counts_world(engine.table, asked):
        return engine.pool(scan, None)
    rows = np.flatnonzero(allowed(engine.table, scan))
    return rows, arc_relevance(engine.table, asked, rows, None)


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


@dataclass
class _Pool:
    """What the rules need of the candidates: their songs as codes, and (for the gap and
    the cap) every artist each credits, guests included."""

    songs: np.ndarray
    min_artist_gap: int
    cap: int | None
    crediting: Crediting | None = None


@dataclass
class _Draft:
    """A playlist being placed: its candidates in order, their summed cost, and the
    candidates it may no longer take (placed, a version of a placed song, crediting an
    artist at the cap), and how many placed tracks credit each artist."""

    cost: float
    placed: list[int]
    blocked: np.ndarray
    per_artist: dict[str, int]

    def open_to(self, pool: _Pool, cost: np.ndarray) -> np.ndarray:
        """``cost`` with what this playlist may not take next set to infinity."""
        cost = np.where(self.blocked, np.inf, cost)
        if pool.min_artist_gap and pool.crediting is not None:
            for name in pool.crediting.names(self.placed[-pool.min_artist_gap:]):
                cost[pool.crediting.mask(name)] = np.inf
        return cost

    def extended(self, pool: _Pool, i: int, cost: float) -> "_Draft":
        blocked = self.blocked | (pool.songs == pool.songs[i])
        per_artist = self.per_artist
        if pool.cap is not None and pool.crediting is not None:
            per_artist = dict(per_artist)
            for name in pool.crediting.names([i]):
                per_artist[name] = per_artist.get(name, 0) + 1
                if per_artist[name] >= pool.cap:
                    blocked |= pool.crediting.mask(name)
        return _Draft(self.cost + cost, [*self.placed, i], blocked, per_artist)


class _Costs:
    """What placing a candidate costs: distance to the arc's point beyond the tolerance
    (with an arc), lack of relevance, and a tempo jump or key clash after a track."""

    def __init__(self, table: TrackTable, rows: np.ndarray, relevance: np.ndarray,
                 follow_arc: bool, tempo_tolerance: float, pairwise: bool) -> None:
        va = np.stack([table.column("valence_mood")[rows], table.column("arousal_mood")[rows]],
                      1)
        self.va = np.nan_to_num(va.astype(np.float64))
        self.base = RELEVANCE_WEIGHT * (1.0 - _normalised(np.asarray(relevance, np.float64)))
        self.va_weight = VA_WEIGHT if follow_arc else 0.0
        self.tempo = table.column("tempo")[rows].astype(np.float64)
        self.tolerance = tempo_tolerance
        self.numbers, self.letters = wheel(table.column("key")[rows], table.column("mode")[rows])
        # a small pool keeps every transition, since many playlists ask for them
        self.transitions = np.array([self._after(i) for i in range(len(rows))]) \
            if pairwise else None

    def at(self, point: ArcPoint) -> np.ndarray:
        off = np.linalg.norm(self.va - (point.valence, point.arousal), axis=1)
        return self.base + self.va_weight * np.maximum(off - ARC_TOLERANCE, 0.0)

    def after(self, prev: int) -> np.ndarray:
        return self.transitions[prev] if self.transitions is not None else self._after(prev)

    def _after(self, prev: int) -> np.ndarray:
        return TEMPO_WEIGHT * tempo_jump(self.tempo[prev], self.tempo, self.tolerance) \
            + KEY_WEIGHT * clashes(self.numbers[prev], self.letters[prev], self.numbers,
                                   self.letters)


def sequence(table: TrackTable, candidates: np.ndarray, relevance: np.ndarray,
             arc: list[ArcPoint], *, min_artist_gap: int = 3, tempo_tolerance: float = 0.08,
             max_per_artist: int | None = None, used_songs: set[str] = frozenset(),
             follow_arc: bool = True, end_mood: str | None = None) -> Placement:
    """Place candidate rows along ``arc`` (one point per position); may return fewer
    tracks (with a warning).  ``relevance`` is per candidate, in the same order.

    Every position scores all candidates at once: distance to the arc's valence/arousal
    target (unless not ``follow_arc``: then the candidates already are what the playlist
    should feel like), lack of relevance, and (after the first) tempo jump and key clash
    with the previous track.  The first position takes the cheapest candidate; after
    it, a small pool keeps the ``BEAM`` cheapest playlists so far (each grown by its
    ``GROW`` cheapest next tracks), so that an early choice does not strand the last
    tracks with no smooth way on; a large pool (an arc over the catalog, which has a
    smooth way on almost everywhere) places greedily.  With an ``end_mood``, the last
    position prefers tracks labelled with it (``arc_labels``).
    """
    rows = np.asarray(candidates, dtype=np.int64)
    width = BEAM if len(rows) <= BEAM_POOL else 1
    costs = _Costs(table, rows, relevance, follow_arc, tempo_tolerance, pairwise=width > 1)
    pool = _Pool(table.song_codes[rows], min_artist_gap, max_per_artist,
                 Crediting(table, rows) if min_artist_gap or max_per_artist else None)
    blocked = table.rows_by_songs(set(used_songs), rows) if used_songs else \
        np.zeros(len(rows), dtype=bool)
    drafts = [_Draft(0.0, [], blocked, {})]
    labels = end_labels(table, rows, end_mood, relevance) if follow_arc else None
    for position, point in enumerate(arc):
        here = costs.at(point) + label_cost(labels, position, len(arc))
        grown = _grow(drafts, costs, here, pool, GROW if position else 1, width)
        if not grown:
            break
        drafts = grown
    placed = drafts[0].placed
    warnings = [] if len(placed) == len(arc) else [
        f"only {len(placed)} of {len(arc)} tracks could be placed with the filters and "
        f"artist gap given"]
    if follow_arc and len(placed):
        warnings += far_ends(costs.va, placed, arc) + unlabelled_end(labels, placed)
    return Placement([int(rows[i]) for i in placed], arc[:len(placed)], warnings,
                     [float(relevance[i]) for i in placed])


def _grow(drafts: list[_Draft], costs: _Costs, here: np.ndarray, pool: _Pool, grow: int,
          width: int) -> list[_Draft]:
    """The ``width`` cheapest playlists one track longer, each of ``drafts`` grown by
    its ``grow`` cheapest allowed next tracks (none when nothing is allowed)."""
    options = []  # (playlist cost with it, draft, candidate, its cost)
    for d, draft in enumerate(drafts):
        cost = here + costs.after(draft.placed[-1]) if draft.placed else here
        cost = draft.open_to(pool, cost)
        options += [(draft.cost + cost[i], d, i, float(cost[i])) for i in _cheapest(cost, grow)]
    return [drafts[d].extended(pool, i, c) for _, d, i, c in sorted(options)[:width]]


def _cheapest(cost: np.ndarray, k: int) -> list[int]:
    """Indexes of the ``k`` cheapest finite costs, cheapest first (ties: lower index,
    among the ``FIRST_LOOK`` cheapest: a partial sort, not a sort of the whole pool)."""
    few = min(max(FIRST_LOOK, k), len(cost))
    if few == 0:
        return []
    head = np.argpartition(cost, few - 1)[:few] if few < len(cost) else np.arange(len(cost))
    head = head[np.lexsort((head, cost[head]))][:k]
    return head[np.isfinite(cost[head])].tolist()
