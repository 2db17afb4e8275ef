"""The one ranking engine: every recommendation, GET or POST, goes through ``rank``.

Candidates come from the first index that can answer the query (precomputed
neighbour lists for a plain seed, the exact scan otherwise); filters, ordering,
de-duplication, the artist cap, diversity and the score clamp are applied here once.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Iterator, Sequence

import numpy as np

from .index import CandidateIndex, Candidates, ExactScan
from .query import Query, allowed, refuse_unplaced_seeds
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
        with at least ``at_least`` of them (the exact scan answers whatever it finds);
        a shorter answer is kept and continued by the next index (see ``continued``)."""
        return next(self._answers(query, at_least))[0]

    def rank(self, query: Query, *, at_least: int = 0) -> Ranking:
        """Up to ``query.limit`` rows, best first, shaped as the query asks.

        An index with fewer than ``at_least`` candidates (a playlist's pool may be
        longer than the precomputed lists), or whose candidates fall short of the
        limit once shaped (the seed's other versions and the artist cap take places of
        a list only K long), is continued by the next index: what it answered stays
        first, in its order, so a longer limit never reorders a shorter one's results."""
        for found, last in self._answers(query, at_least):
            ranking = self._shape(found, query)
            if last or len(ranking.rows) >= query.limit:
                return ranking
        raise AssertionError("the exact scan answers every query")  # pragma: no cover

    def _answers(self, query: Query, at_least: int) -> Iterator[tuple[Candidates, bool]]:
        """Each index's filtered answer with at least ``at_least`` rows, each continuing
        the shorter answers before it, and whether it is the last (the exact scan's,
        which always comes)."""
        refuse_unplaced_seeds(self.table, [row for row, _ in query.seeds])
        if query.temperature > 0:  # draws reach past the lists: offer it the whole pool
            at_least = max(at_least, POOL)
        short: Candidates | None = None
        for index in self.indexes:
            found = index.candidates(query)
            if found is None:
                continue
            keep = found.allowed if found.allowed is not None else \
                allowed(self.table, query, found.rows)
            found = Candidates(found.rows[keep], found.scores[keep], found.parts)
            if short is not None:
                found = continued(short, found)
            if index is self.exact:
                yield found, True
                return
            if len(found.rows) >= at_least:
                yield found, False
            short = found

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
        if len(ranking.rows) == size and query.diversity == 0 and query.temperature == 0 \
                and not query.spread:
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


def continued(first: Candidates, then: Candidates) -> Candidates:
    """``first``'s candidates, then ``then``'s others, in their own order, all shifted
    down by one amount when needed so the best of them scores just under ``first``'s
    lowest: the order a shorter answer had stays, scores still only fall, and the
    continuation is ranked by similarity (capping each score would tie them all)."""
    rest = ~np.isin(then.rows, first.rows)
    scores = then.scores[rest].astype(np.float64)
    if len(first.scores) and len(scores):
        ceiling = float(first.scores.min()) - 2 * TIE
        scores -= max(0.0, float(scores.max()) - ceiling)
    return Candidates(np.concatenate([first.rows, then.rows[rest]]),
                      np.concatenate([first.scores, scores]).astype(np.float32),
                      then.parts)
