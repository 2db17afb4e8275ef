"""Turning scored candidates into a result list: filters, order, one version per song,
an artist cap, maximal marginal relevance for ``diversity`` and seeded Gumbel noise for
``temperature`` (a ``random_seed`` reproduces the list).  Scores leave clamped to [0, 1].

The artist cap counts every artist a track credits, main or guest, as the playlist's
artist gap does (``artist_gap``): with a cap of 1, "B feat. A" does not follow "A".  A
track is left out when any artist it credits is at the cap, and counts for each of them.
"""
from __future__ import annotations

import numpy as np

from .artist_gap import Crediting
from .query import Query
from .table import TrackTable

POOL = 600  # best candidates considered by the shaping step
RANKS_PER_DEGREE = 10.0  # how far down the plain order one degree of temperature reaches
#: a list asked for by moods or targets alone (no seeds, no text) ranks by mood evidence,
#: which one genre's tags carry alike (the tag lexicon reads "latin" as joyful), and its
#: plain top 10 held one genre: such a list is spread over the kinds of music the mood
#: fits, by maximal marginal relevance of this weight over how tracks sound and where
#: they belong, among the candidates scoring within ``SPREAD_MARGIN`` of the plain
#: list's last (bench/mood_genres.py): of its ``SPREAD_STAGE``-th for the first picks,
#: its 2 x ``SPREAD_STAGE``-th for the next and so on, so that a longer list begins as
#: the shorter one does ("load more" must not reorder what was shown)
SPREAD, SPREAD_MARGIN, SPREAD_STAGE = 0.3, 0.075, 10


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


def spreads(query: Query, *, text: bool = False) -> bool:
    """Whether a list whose request sets no diversity is spread (see ``SPREAD``): not
    beside seeds or a ``text``, which say what kind of music is wanted ("calm piano for
    studying", "chill lofi": words no tag holds, which a spread would overrule)."""
    return not (query.seeds or text)


def seed_songs(table: TrackTable, query: Query) -> set[str]:
    """Songs a result must not repeat: the seeds' own (when de-duplicating)."""
    return {table.song_keys[r] for r, _ in query.seeds} if query.dedupe else set()


def pick(table: TrackTable, rows: np.ndarray, scores: np.ndarray, query: Query) -> list[int]:
    """Indexes into ``rows`` of up to ``query.limit`` results, in order, honouring
    de-duplication, the artist cap (over every artist a track credits) and diversity."""
    marginal = _marginal(table, rows, scores, query)
    songs = seed_songs(table, query)
    cap = query.max_per_artist
    crediting = Crediting(table, rows) if cap else None
    per_artist: dict[str, int] = {}
    picked: list[int] = []
    remaining = list(range(len(rows)))
    while remaining and len(picked) < query.limit:
        at = marginal.next(remaining) if marginal and picked else remaining[0]
        remaining.remove(at)
        row = int(rows[at])
        song = table.song_keys[row]
        if query.dedupe and song in songs:
            continue
        # (no artist: unknown artists are not one artist, and such a track is never capped)
        names = crediting.names([at]) if crediting else set()
        if cap and any(per_artist.get(name, 0) >= cap for name in names):
            continue
        songs.add(song)
        for name in names:
            per_artist[name] = per_artist.get(name, 0) + 1
        picked.append(at)
        if marginal:
            marginal.picked(at)
    return picked


class _Marginal:
    """Maximal marginal relevance: each candidate's score less ``weight`` times its
    greatest similarity to the picks so far (kept up to date pick by pick, so a list of
    100 costs 100 passes over the candidates, not 100 over every pair)."""

    def __init__(self, unit: np.ndarray, scores: np.ndarray, weight: float,
                 floors: np.ndarray | None = None) -> None:
        self.unit, self.weight, self.scores, self.floors = unit, weight, scores, floors
        self.gain = (1 - weight) * scores
        self.redundancy = np.full(len(scores), -np.inf, dtype=np.float32)
        self.count = 0

    def picked(self, at: int) -> None:
        np.maximum(self.redundancy, self.unit @ self.unit[at], out=self.redundancy)
        self.count += 1

    def next(self, remaining: list[int]) -> int:
        idx = np.array(remaining)
        if self.floors is not None:  # the spread: candidates above this stage's floor
            floor = self.floors[min(self.count // SPREAD_STAGE, len(self.floors) - 1)]
            idx = idx[self.scores[idx] >= floor]
            if not len(idx):  # past the spread's candidates: the plain order
                return remaining[0]
        mmr = self.gain[idx] - self.weight * self.redundancy[idx]
        return int(idx[int(np.argmax(mmr))])


def _marginal(table: TrackTable, rows: np.ndarray, scores: np.ndarray, query: Query,
              ) -> _Marginal | None:
    """Maximal marginal relevance for ``query``'s diversity (over whole vectors) or
    spread (over how tracks sound and where they belong, each stage of ``SPREAD_STAGE``
    picks among the candidates scoring within ``SPREAD_MARGIN`` of the plain list's
    stage's last), or None."""
    if query.diversity > 0:
        return _Marginal(table.unit_vectors[rows], scores, query.diversity)
    world = table.world_unit
    if not query.spread or query.temperature > 0 or world is None or not len(rows):
        return None
    stage_ends = np.arange(SPREAD_STAGE, query.limit + SPREAD_STAGE, SPREAD_STAGE)
    floors = scores[np.minimum(stage_ends, len(rows)) - 1] - SPREAD_MARGIN
    return _Marginal(world[rows], scores, SPREAD, floors)
