"""The query of each row's neighbour search: a recording under several ids asks once.

Each id of a recording (see ``models.ranking.recordings``) searches with the mean of
the recording's vectors, so a seed's list does not depend on which of its ids a user
picked; the service reads seeds the same way at serving time.  Only the query changes:
every id stays where its own evidence puts it among the candidates.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..ranking import shared_recordings


@dataclass
class SharedQueries:
    """The rows whose query is their recording's mean (ascending) and those queries."""

    rows: np.ndarray
    queries: np.ndarray

    @classmethod
    def of(cls, vectors: np.ndarray, codes: np.ndarray | None,
           metric: str) -> "SharedQueries":
        groups = [] if codes is None else shared_recordings(codes)
        if not groups:
            return cls(np.zeros(0, np.int64), np.zeros((0, vectors.shape[1]), np.float32))
        rows = np.concatenate(groups)
        queries = np.empty((len(rows), vectors.shape[1]), dtype=np.float32)
        at = 0
        for members in groups:
            queries[at:at + len(members)] = _mean(vectors[members], metric)
            at += len(members)
        order = np.argsort(rows)
        return cls(rows[order], queries[order])

    def to_bytes(self) -> tuple[bytes, bytes]:
        return self.rows.astype("<i8").tobytes(), self.queries.astype("<f4").tobytes()

    @classmethod
    def from_bytes(cls, rows: bytes, queries: bytes) -> "SharedQueries":
        found = np.frombuffer(rows, "<i8")
        return cls(found, np.frombuffer(queries, "<f4").reshape(len(found), -1))

    def __len__(self) -> int:
        return len(self.rows)

    def of_rows(self, vectors: np.ndarray, rows: np.ndarray) -> np.ndarray:
        """The queries of ``rows``: their own vectors, or their recording's mean."""
        return self.asked(rows, vectors[rows])

    def asked(self, rows: np.ndarray, own: np.ndarray) -> np.ndarray:
        """The queries of ``rows`` whose own vectors are ``own``."""
        out = np.array(own, dtype=np.float32)
        if len(self.rows):
            at = np.minimum(np.searchsorted(self.rows, rows), len(self.rows) - 1)
            found = self.rows[at] == rows
            out[found] = self.queries[at[found]]
        return out


def _mean(members: np.ndarray, metric: str) -> np.ndarray:
    """The recording's query: the mean of its unit vectors for cosine (the index holds
    unit vectors), of its vectors otherwise."""
    members = members.astype(np.float64)
    if metric == "cosine":
        members /= np.maximum(np.linalg.norm(members, axis=1, keepdims=True), 1e-12)
    return members.mean(axis=0).astype(np.float32)
