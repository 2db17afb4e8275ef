"""Where candidates come from: one interface, several indexes.

An index answers a :class:`~models.ranking.query.Query` with candidate rows and a
base score in [0, 1] for each, best first, or ``None`` when it cannot answer that
kind of query (the engine then asks the next index).  Today there are two:

* :class:`NeighbourLists` — the top-K lists precomputed at build time (hub reduction
  and review-asserted neighbours included); answers a single seed, filtered, when
  enough of its list passes the filters (so a filter that removes nothing, or little,
  keeps the order a plain request gets).
* :class:`VectorIndex` — the nearest rows to the seeds' target vector; answers
  queries ranked by seeds alone (positive and negative), with any filters, by
  over-fetching until enough rows pass them;
* :class:`ExactScan` — scores every row of the track table; answers anything.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Protocol

import numpy as np

from .cells import Cells
from .query import Query, allowed, relevance, seed_target
from .shaping import POOL
from .table import TrackTable

FETCH_GROWTH = 4  # each retry fetches this many times more rows
FALLBACK_SHARE = 0.25  # filters so selective a quarter of the catalog is needed: scan


@dataclass
class Candidates:
    rows: np.ndarray  # int64 row numbers
    scores: np.ndarray  # float32 relevance per row, same order
    parts: dict[str, np.ndarray]  # named relevance parts per row (for explanations)
    #: which rows pass the query's filters, when the index has already worked it out
    allowed: np.ndarray | None = None


class CandidateIndex(Protocol):
    def candidates(self, query: Query) -> Candidates | None:
        """Candidate rows for ``query`` (its seeds included), or None if unsupported."""


NeighbourLookup = Callable[[int], tuple[np.ndarray, np.ndarray]]


class NeighbourLists:
    """Precomputed top-K neighbour lists, fetched one seed at a time."""

    def __init__(self, lookup: NeighbourLookup) -> None:
        self.lookup = lookup

    @staticmethod
    def supports(query: Query) -> bool:
        """One positive seed (given once or more), no targets, preferred tags or diversity;
        filters are applied to the list, and when too few of it pass them (or a
        temperature needs more to draw from) the next index continues it."""
        return (len({row for row, _ in query.seeds}) == 1 and not query.negative_seeds
                and not query.moods and query.target_valence is None
                and query.target_arousal is None and not query.targets
                and not query.prefer_tags and query.diversity == 0)

    def candidates(self, query: Query) -> Candidates | None:
        if not self.supports(query):
            return None
        rows, scores = self.lookup(query.seeds[0][0])
        return Candidates(np.asarray(rows, dtype=np.int64),
                          np.asarray(scores, dtype=np.float32), {})


class ExactScan:
    """Every row of the table, scored against the whole query."""

    def __init__(self, table: TrackTable) -> None:
        self.table = table

    def candidates(self, query: Query) -> Candidates:
        passing = allowed(self.table, query)  # once: the relevance and the filter need it
        scores, parts = relevance(self.table, query, passing=passing)
        return Candidates(np.arange(len(self.table), dtype=np.int64), scores, parts, passing)


class VectorIndex:
    """The rows most similar to the seeds' target, scored as the exact scan scores
    them, for queries ranked by seeds alone (negative seeds and any filters allowed).

    The shaping step only ever looks at the best ``POOL`` rows that pass the filters,
    so when this index hands over that many (or every row), the ranking is the exact
    scan's.  It fetches ``2 * POOL`` rows first and ``FETCH_GROWTH`` times more while
    too few pass the filters; when more than ``FALLBACK_SHARE`` of the catalog would
    be needed it declines and the exact scan answers.  A temperature draws by rank
    from the best ``POOL`` too (``shaping.sampling_keys``).

    Without ``cells`` the nearest rows come from one exact pass over the unit vectors
    (same ranking as the scan); with them (catalogs above the approximate-search
    threshold) only the rows of the nearest cells are scored (``cells.Cells``).
    """

    def __init__(self, table: TrackTable, pool: int = POOL, cells: Cells | None = None) -> None:
        self.table = table
        self.pool = pool
        self.cells = cells

    @staticmethod
    def supports(query: Query) -> bool:
        return bool(query.seeds) and not query.moods and not query.targets \
            and query.target_valence is None and query.target_arousal is None \
            and not query.prefer_tags

    def candidates(self, query: Query) -> Candidates | None:
        if not self.supports(query):
            return None
        n = len(self.table)
        target = seed_target(self.table, query)
        nearest = self._exact(target) if self.cells is None else self._near(target)
        fetch = 2 * self.pool
        while True:
            rows, scores = nearest(fetch)
            keep = allowed(self.table, query, rows)
            if len(rows) >= n or int(keep.sum()) >= self.pool:
                return Candidates(rows, scores, {}, keep)
            fetch *= FETCH_GROWTH
            if fetch > FALLBACK_SHARE * n:
                return None

    def _exact(self, target: np.ndarray) -> Callable[[int], tuple[np.ndarray, np.ndarray]]:
        scores = _score(self.table.unit_vectors @ target)

        def nearest(fetch: int) -> tuple[np.ndarray, np.ndarray]:
            if fetch >= len(scores):
                return np.arange(len(scores), dtype=np.int64), scores
            # in row order, as the exact scan's, so ties are broken the same way
            rows = np.sort(np.argpartition(-scores, fetch - 1)[:fetch]).astype(np.int64)
            return rows, scores[rows]
        return nearest

    def _near(self, target: np.ndarray) -> Callable[[int], tuple[np.ndarray, np.ndarray]]:
        def nearest(fetch: int) -> tuple[np.ndarray, np.ndarray]:
            rows = np.sort(self.cells.rows_near(target, fetch)).astype(np.int64)
            return rows, _score(self.table.unit_vectors[rows] @ target)
        return nearest


def _score(similarity: np.ndarray) -> np.ndarray:
    """Cosine similarity as the exact scan's relevance of seeds alone."""
    return np.nan_to_num((1.0 + similarity) / 2.0, nan=0.0).astype(np.float32)
