"""Where candidates come from: one interface, several indexes.

An index answers a :class:`~models.ranking.query.Query` with candidate rows and a
base score in [0, 1] for each, best first, or ``None`` when it cannot answer that
kind of query (the engine then asks the next index).  Today there are two:

* :class:`NeighbourLists` — the top-K lists precomputed at build time (hub reduction
  and review-asserted neighbours included); answers a single seed with nothing else.
* :class:`ExactScan` — scores every row of the track table; answers anything.

An approximate index slots in behind the same interface.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Protocol

import numpy as np

from .query import Query, relevance
from .table import TrackTable


@dataclass
class Candidates:
    rows: np.ndarray  # int64 row numbers
    scores: np.ndarray  # float32 relevance per row, same order
    parts: dict[str, np.ndarray]  # named relevance parts per row (for explanations)


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
        """A single positive seed and no targets, filters or shaping beyond de-duplication."""
        return (len(query.seeds) == 1 and not query.negative_seeds and not query.moods
                and query.target_valence is None and query.target_arousal is None
                and not query.targets and not query.has_filters()
                and query.diversity == 0 and query.temperature == 0)

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
        scores, parts = relevance(self.table, query)
        return Candidates(np.arange(len(self.table), dtype=np.int64), scores, parts)
