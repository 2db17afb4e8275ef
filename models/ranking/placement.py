"""What placing tracks in order shares, by count (``playlist.sequence``) or by time
(``timed.fill``): the cost of a candidate at a point of the arc and after a track,
the rules a playlist being placed keeps (no song twice, the artist gap and cap), and
the beam's sizes."""
from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from .arc_warnings import ArcPoint
from .artist_gap import Crediting
from .camelot import clashes, wheel
from .table import TrackTable

# A tempo jump beyond the tolerance or a key clash costs more than the arc's usual
# step, so they act as rules that give way only when nothing else fits.
VA_WEIGHT, TEMPO_WEIGHT, KEY_WEIGHT, RELEVANCE_WEIGHT = 2.0, 0.5, 0.5, 0.4
ARC_TOLERANCE = 0.1  # valence/arousal distance an arc point forgives (bench/playlist_quality.py)
TEMPO_BREAK = 1.0  # flat cost of any jump beyond the tolerance
FIRST_LOOK = 64
# playlists kept while placing, and next tracks tried for each, when the pool is small
BEAM, GROW, BEAM_POOL = 16, 6, 1000  # measured: bench/playlist_quality.py


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
class Pool:
    """What the rules need of the candidates: their songs as codes, and (for the gap and
    the cap) every artist each credits, guests included."""

    songs: np.ndarray
    min_artist_gap: int
    cap: int | None
    crediting: Crediting | None = None


@dataclass
class Draft:
    """A playlist being placed: its candidates in order, their summed cost, and the
    candidates it may no longer take (placed, a version of a placed song, crediting an
    artist at the cap), and how many placed tracks credit each artist."""

    cost: float
    placed: list[int]
    blocked: np.ndarray
    per_artist: dict[str, int]

    def open_to(self, pool: Pool, cost: np.ndarray) -> np.ndarray:
        """``cost`` with what this playlist may not take next set to infinity."""
        cost = np.where(self.blocked, np.inf, cost)
        if pool.min_artist_gap and pool.crediting is not None:
            for name in pool.crediting.names(self.placed[-pool.min_artist_gap:]):
                cost[pool.crediting.mask(name)] = np.inf
        return cost

    def extended(self, pool: Pool, i: int, cost: float) -> "Draft":
        blocked = self.blocked | (pool.songs == pool.songs[i])
        per_artist = self.per_artist
        if pool.cap is not None and pool.crediting is not None:
            per_artist = dict(per_artist)
            for name in pool.crediting.names([i]):
                per_artist[name] = per_artist.get(name, 0) + 1
                if per_artist[name] >= pool.cap:
                    blocked |= pool.crediting.mask(name)
        return Draft(self.cost + cost, [*self.placed, i], blocked, per_artist)


class Costs:
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
        """Per candidate, its cost at ``point`` (read only: shared when there is no arc,
        since the point then costs nothing)."""
        if not self.va_weight:
            return self.base
        off = np.linalg.norm(self.va - (point.valence, point.arousal), axis=1)
        return self.base + self.va_weight * np.maximum(off - ARC_TOLERANCE, 0.0)

    def after(self, prev: int) -> np.ndarray:
        return self.transitions[prev] if self.transitions is not None else self._after(prev)

    def _after(self, prev: int) -> np.ndarray:
        return TEMPO_WEIGHT * tempo_jump(self.tempo[prev], self.tempo, self.tolerance) \
            + KEY_WEIGHT * clashes(self.numbers[prev], self.letters[prev], self.numbers,
                                   self.letters)


def cheapest(cost: np.ndarray, k: int) -> list[int]:
    """Indexes of the ``k`` cheapest finite costs, cheapest first (ties: lower index,
    among the ``FIRST_LOOK`` cheapest: a partial sort, not a sort of the whole pool)."""
    few = min(max(FIRST_LOOK, k), len(cost))
    if few == 0:
        return []
    head = np.argpartition(cost, few - 1)[:few] if few < len(cost) else np.arange(len(cost))
    head = head[np.lexsort((head, cost[head]))][:k]
    return head[np.isfinite(cost[head])].tolist()


class Start(NamedTuple):
    """What a placement (by count or by time) starts from: the candidate rows, how many
    playlists it keeps in progress, their costs, the artist rules and the rows blocked
    (songs already used)."""

    rows: np.ndarray
    width: int
    costs: Costs
    pool: Pool
    blocked: np.ndarray


def start(table: TrackTable, candidates: np.ndarray, relevance: np.ndarray, *,
          follow_arc: bool, tempo_tolerance: float, min_artist_gap: int,
          max_per_artist: int | None, used_songs: set[str]) -> Start:
    """A placement's start: a small pool keeps ``BEAM`` playlists in progress, a large
    one (an arc over the catalog) one, placed greedily."""
    rows = np.asarray(candidates, dtype=np.int64)
    width = BEAM if len(rows) <= BEAM_POOL else 1
    costs = Costs(table, rows, relevance, follow_arc, tempo_tolerance, pairwise=width > 1)
    pool = Pool(table.song_codes[rows], min_artist_gap, max_per_artist,
                Crediting(table, rows) if min_artist_gap or max_per_artist else None)
    blocked = table.rows_by_songs(set(used_songs), rows) if used_songs else \
        np.zeros(len(rows), dtype=bool)
    return Start(rows, width, costs, pool, blocked)
