"""The one ranking engine: every recommendation, GET or POST, goes through ``rank``.

Candidates come from the first index that can answer the query (precomputed
neighbour lists for a plain seed, the exact scan otherwise); filters, ordering,
de-duplication, the artist cap, diversity and the score clamp are applied here once.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

import numpy as np

from .index import CandidateIndex, Candidates, ExactScan
from .query import Query, allowed
from .shaping import clamp, order, pick
from .table import TrackTable


@dataclass
class Ranking:
    rows: list[int]
    scores: list[float]  # clamped to [0, 1], best first
    parts: dict[str, np.ndarray] = field(default_factory=dict)  # relevance parts by row


class RankingEngine:
    """Ranks one model version's tracks; ``indexes`` are asked in order, and an exact
    scan of ``table`` is always the last resort."""

    def __init__(self, table: TrackTable, indexes: Sequence[CandidateIndex] = ()) -> None:
        self.table = table
        self.exact = ExactScan(table)
        self.indexes = [*indexes, self.exact]

    def candidates(self, query: Query, *, exhaustive: bool = False) -> Candidates:
        """Candidates that pass the query's filters, from the first index that answers
        (only the exact scan when ``exhaustive``)."""
        for index in ([self.exact] if exhaustive else self.indexes):
            found = index.candidates(query)
            if found is not None:
                keep = allowed(self.table, query, found.rows)
                return Candidates(found.rows[keep], found.scores[keep], found.parts)
        raise AssertionError("the exact scan answers every query")  # pragma: no cover

    def rank(self, query: Query) -> Ranking:
        """Up to ``query.limit`` rows, best first, shaped as the query asks."""
        found = self.candidates(query)
        top = order(found.rows, found.scores, query)
        rows, scores = found.rows[top], found.scores[top]
        picked = pick(self.table, rows, scores, query)
        return Ranking([int(rows[i]) for i in picked], [clamp(scores[i]) for i in picked],
                       found.parts)

    def relevance(self, query: Query) -> tuple[np.ndarray, np.ndarray]:
        """Rows that pass the filters, and a relevance for every row of the table
        (zero for rows not considered): what playlists place tracks from."""
        found = self.candidates(query, exhaustive=True)
        by_row = np.zeros(len(self.table), dtype=np.float32)
        by_row[found.rows] = found.scores
        return found.rows, by_row
