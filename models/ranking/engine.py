"""The one ranking engine: every recommendation, GET or POST, goes through ``rank``.

Candidates come from the first index that can answer the query (precomputed
neighbour lists for a plain seed, the exact scan otherwise); filters, ordering,
de-duplication, the artist cap, diversity and the score clamp are applied here once.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Sequence

import numpy as np

from .index import CandidateIndex, Candidates, ExactScan
from .query import Query, allowed
from .shaping import POOL, clamp, order, pick
from .table import TrackTable


@dataclass
class Ranking:
    rows: list[int]
    scores: list[float]  # clamped to [0, 1], best first
    parts: dict[str, np.ndarray] = field(default_factory=dict)  # relevance parts by row


TIE = 1e-6  # scores closer than this are the same score


class RankingEngine:
    """Ranks one model version's tracks; ``indexes`` are asked in order, and an exact
    scan of ``table`` is always the last resort."""

    def __init__(self, table: TrackTable, indexes: Sequence[CandidateIndex] = ()) -> None:
        self.table = table
        self.exact = ExactScan(table)
        self.indexes = [*indexes, self.exact]

    def candidates(self, query: Query, *, at_least: int = 0) -> Candidates:
        """Candidates that pass the query's filters, from the first index that answers
        with at least ``at_least`` of them (the exact scan answers whatever it finds)."""
        for index in self.indexes:
            found = self._answer(index, query, at_least)
            if found is not None:
                return found
        raise AssertionError("the exact scan answers every query")  # pragma: no cover

    def _answer(self, index: CandidateIndex, query: Query, at_least: int) -> Candidates | None:
        found = index.candidates(query)
        if found is None:
            return None
        keep = found.allowed if found.allowed is not None else \
            allowed(self.table, query, found.rows)
        if index is not self.exact and int(keep.sum()) < at_least:
            return None
        return Candidates(found.rows[keep], found.scores[keep], found.parts)

    def rank(self, query: Query, *, at_least: int = 0) -> Ranking:
        """Up to ``query.limit`` rows, best first, shaped as the query asks; an index
        with fewer than ``at_least`` candidates passes the query on to the next (a
        playlist's pool may be longer than the precomputed lists), and so does one
        whose candidates fall short of the limit once shaped (the seed's other
        versions and the artist cap take places of a list only K long)."""
        for index in self.indexes:
            found = self._answer(index, query, at_least)
            if found is None:
                continue
            ranking = self._shape(found, query)
            if index is self.exact or len(ranking.rows) >= query.limit:
                return ranking
        raise AssertionError("the exact scan answers every query")  # pragma: no cover

    def _shape(self, found: Candidates, query: Query) -> Ranking:
        top = order(found.rows, found.scores, query)
        rows, scores = found.rows[top], found.scores[top]
        picked = pick(self.table, rows, scores, query)
        return Ranking([int(rows[i]) for i in picked], [clamp(scores[i]) for i in picked],
                       found.parts)

    def pool(self, query: Query, size: int | None) -> tuple[np.ndarray, np.ndarray]:
        """What a playlist places tracks from: rows and their relevance.

        With a ``size``, the best ``size`` rows, best first, exactly as ``rank`` lists
        them for the query (the tracks that feel like the seeds; one version per song,
        the artist cap), from the same indexes, and every further row scored the same
        as the last (a cut must not split tracks the model cannot tell apart; at most
        ``POOL`` rows).  Without a ``size``, every row that passes the filters (for an
        arc, which must reach moods the seeds' neighbourhood may lack)."""
        if size is None:
            found = self.candidates(query)
            return found.rows, found.scores
        found = self.candidates(query, at_least=size)
        ranking = self._shape(found, replace(query, limit=size))
        if len(ranking.rows) == size and query.diversity == 0 and query.temperature == 0:
            ranking = self._with_ties(found, query, ranking)
        return (np.asarray(ranking.rows, dtype=np.int64),
                np.asarray(ranking.scores, dtype=np.float32))

    def _with_ties(self, found: Candidates, query: Query, ranking: Ranking) -> Ranking:
        """``ranking`` (best first) and the candidates scored the same as its last row."""
        size, last = len(ranking.rows), ranking.scores[-1] - TIE
        tied = int(np.sum(np.clip(found.scores, 0.0, 1.0) >= last))
        if tied <= sum(s >= last for s in ranking.scores):
            return ranking
        longer = self._shape(found, replace(query, limit=min(POOL, size + tied)))
        keep = size + sum(s >= last for s in longer.scores[size:])
        return Ranking(longer.rows[:keep], longer.scores[:keep], longer.parts)
