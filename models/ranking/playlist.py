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
from .engine import RankingEngine
from .placement import GROW, Costs, Draft, Pool, cheapest, start
from .query import Query, allowed, refuse_unplaced_seeds
from .query import relevance as query_relevance
from .table import TrackTable

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
    rows, width, costs, pool, blocked = start(
        table, candidates, relevance, follow_arc=follow_arc, tempo_tolerance=tempo_tolerance,
        min_artist_gap=min_artist_gap, max_per_artist=max_per_artist, used_songs=used_songs)
    drafts = [Draft(0.0, [], blocked, {})]
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


def _grow(drafts: list[Draft], costs: Costs, here: np.ndarray, pool: Pool, grow: int,
          width: int) -> list[Draft]:
    """The ``width`` cheapest playlists one track longer, each of ``drafts`` grown by
    its ``grow`` cheapest allowed next tracks (none when nothing is allowed)."""
    options = []  # (playlist cost with it, draft, candidate, its cost)
    for d, draft in enumerate(drafts):
        cost = here + costs.after(draft.placed[-1]) if draft.placed else here
        cost = draft.open_to(pool, cost)
        options += [(draft.cost + cost[i], d, i, float(cost[i])) for i in cheapest(cost, grow)]
    return [drafts[d].extended(pool, i, c) for _, d, i, c in sorted(options)[:width]]
