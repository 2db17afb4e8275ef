"""The nearest-neighbour model: exact top-K of every track with faiss, plus hub reduction.

faiss (``IndexFlatIP`` on unit vectors for cosine, ``IndexFlatL2`` otherwise) gives
the same exact answer as a brute-force scan, in optimised BLAS batches: on the 28k
catalog it is many times faster than scikit-learn's ``NearestNeighbors`` brute force
(``bench/build_bench.py``).

After ``fit``, ``neighbours_`` (n, k) holds each track's k nearest other tracks (the
track itself removed) and ``scores_`` their similarity in [0, 1], best first;
``hubs_`` (n, 2) each track's hub radius (mean similarity to its ten nearest) and the
similarity of its k-th nearest before hub reduction, which an incremental update
needs to place a new track in existing lists (``incremental.py``).
Saved with ``np.savez`` and loaded with ``allow_pickle=False``.

Above ``ann_threshold`` tracks the candidate search is approximate (a faiss IVF
index, ``ann.py``; chosen with ``bench/ann_bench.py``, see docs/performance.md) and
``recall_`` is its recall@10 against the exact search on a sample of rows; below it
the search is exact (``method_`` "exact", ``recall_`` 1.0).  Hub reduction works on
either candidate list the same way.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

import numpy as np

from ..errors import CatalogError
from ..npz import open_npz
from .ann import ANN_THRESHOLD, approximate_index, recall_at_10

Progress = Callable[[int], None]
BATCH = 512  # rows per kneighbors call: bounds the distance block held in memory


class NeighbourModel:
    """Cosine nearest neighbours with every track's top-K precomputed.

    ``hubness`` > 0 re-ranks each list by ``score - hubness * (r_j - mean r)``, where
    ``r_j`` is candidate j's mean similarity to its own ten nearest: tracks that are
    near everything ("hubs") stop crowding every list (cross-domain similarity local
    scaling).  It raises catalog coverage at a small cost in pure similarity.
    """

    def __init__(self, *, k: int = 100, metric: str = "cosine", hubness: float = 0.5,
                 ann_threshold: int = ANN_THRESHOLD) -> None:
        self.k = k
        self.metric = metric
        self.hubness = hubness
        self.ann_threshold = ann_threshold

    def fit(self, vectors: np.ndarray, progress: Progress | None = None) -> "NeighbourModel":
        vectors, k = self._checked(vectors)
        n = vectors.shape[0]
        approximate = n > self.ann_threshold and self.metric == "cosine" and k > 0
        self.index_ = approximate_index(_unit(vectors)) if approximate \
            else exact_index(vectors, self.metric)
        self.neighbours_ = np.zeros((n, k), dtype=np.int32)
        self.scores_ = np.zeros((n, k), dtype=np.float32)
        self.underfilled_: list[int] = []
        for start in range(0, n, BATCH):
            stop = min(start + BATCH, n)
            self._fill(vectors, start, stop, k)
            if progress:
                progress(stop - start)
        return self._finish(vectors, k, "ivf" if approximate else "exact")

    def adopt(self, vectors: np.ndarray, distances: np.ndarray, rows: np.ndarray,
              method: str) -> "NeighbourModel":
        """Finish from a search done elsewhere (the distributed build's merged top-k):
        ``distances``/``rows`` (n, k + 1) as :func:`search` returns them for every row,
        the row itself among them or not; ``method`` "exact", or an approximate one
        (then recall@10 is measured as ``fit`` does)."""
        vectors, k = self._checked(vectors)
        self.index_ = None
        self.neighbours_, self.scores_, self.underfilled_ = own_lists(
            np.arange(len(vectors)), distances, rows, k, self.metric)
        return self._finish(vectors, k, method)

    def _checked(self, vectors: np.ndarray) -> tuple[np.ndarray, int]:
        vectors = np.asarray(vectors, dtype=np.float32)
        if vectors.ndim != 2 or vectors.shape[0] == 0:
            raise CatalogError(f"cannot fit neighbours on an array of shape {vectors.shape}")
        if not np.isfinite(vectors).all():
            raise CatalogError("track vectors contain NaN or infinite values")
        if self.k < 1:
            raise CatalogError(f"k must be at least 1, got {self.k}")
        return vectors, min(self.k, vectors.shape[0] - 1)

    def _finish(self, vectors: np.ndarray, k: int, method: str) -> "NeighbourModel":
        """Refill short lists, measure recall (approximate), keep hub state, reduce hubs."""
        self.method_ = method
        self._refill(vectors, k)
        self.index_ = None  # searched out: at a million tracks it holds a copy of every vector
        self.recall_ = recall_at_10(vectors, self.neighbours_, self._exact_rows) \
            if method != "exact" else 1.0
        self.hubs_ = hub_state(self.scores_)
        if self.hubness > 0 and k > 0:
            reduce_hubs(self.neighbours_, self.scores_, self.hubness, inplace=True)
        return self

    def _fill(self, vectors: np.ndarray, start: int, stop: int, k: int) -> None:
        if k == 0:
            return
        dist, idx = search(self.index_, vectors[start:stop], k + 1, self.metric)
        lists, scores, short = own_lists(np.arange(start, stop), dist, idx, k, self.metric)
        full = np.setdiff1d(np.arange(stop - start), np.array(short, dtype=int) - start)
        self.neighbours_[start + full] = lists[full]
        self.scores_[start + full] = scores[full]
        self.underfilled_ += short

    def _refill(self, vectors: np.ndarray, k: int) -> None:
        """Exact lists for the rows the approximate graph returned too few for (rare)."""
        if not self.underfilled_:
            return
        self.index_ = exact_index(vectors, self.metric)
        rows, self.underfilled_ = self.underfilled_, []
        for row in rows:
            self._fill(vectors, row, row + 1, k)

    def _exact_rows(self, vectors: np.ndarray, rows: np.ndarray) -> np.ndarray:
        """The exact ten nearest other tracks of ``rows`` (recall's reference), by the
        search an exact index does, without the index's own copy of every vector."""
        import faiss

        cosine = self.metric == "cosine"
        base = _unit(vectors) if cosine else np.ascontiguousarray(vectors, dtype=np.float32)
        _, idx = faiss.knn(base[rows], base, HUB_NEIGHBOURS + 1,
                           faiss.METRIC_INNER_PRODUCT if cosine else faiss.METRIC_L2)
        return np.stack([i_row[i_row != row][:HUB_NEIGHBOURS]
                         for row, i_row in zip(rows, idx)])

    @property
    def summary(self) -> dict:
        """How the lists were found, for the model meta: method and recall@10."""
        return {"method": self.method_, "recall_at_10": round(float(self.recall_), 4)}

    def save(self, path: str | Path) -> None:
        np.savez(path, neighbours=self.neighbours_, scores=self.scores_,
                 k=np.int32(self.k), metric=np.str_(self.metric))

    @classmethod
    def load(cls, path: str | Path) -> "NeighbourModel":
        with open_npz(path) as data:
            model = cls(k=int(data["k"]), metric=str(data["metric"]))
            model.neighbours_ = data["neighbours"]
            model.scores_ = data["scores"]
        return model


def own_lists(rows: np.ndarray, distances: np.ndarray, found: np.ndarray, k: int,
              metric: str) -> tuple[np.ndarray, np.ndarray, list[int]]:
    """Each of ``rows``' ``k`` nearest other rows and their similarities, from a search's
    ``distances``/``found`` (the row itself dropped, -1 padding of an approximate search
    too); rows with fewer than ``k`` left are listed third (their lists stay 0)."""
    lists = np.zeros((len(rows), k), dtype=np.int32)
    scores = np.zeros((len(rows), k), dtype=np.float32)
    short: list[int] = []
    for i, (row, d_row, i_row) in enumerate(zip(rows, distances, found)):
        keep = (i_row != row) & (i_row >= 0)
        if keep.sum() < k:
            short.append(int(row))
            continue
        lists[i] = i_row[keep][:k]
        scores[i] = similarity(d_row[keep][:k], metric)
    return lists, scores, short


def _unit(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return np.ascontiguousarray(vectors / np.where(norms > 0, norms, 1.0), dtype=np.float32)


def exact_index(vectors: np.ndarray, metric: str):
    """A faiss flat (exact) index over ``vectors`` for ``metric`` (cosine or euclidean)."""
    import faiss

    if metric not in ("cosine", "euclidean"):
        raise CatalogError(f"unknown metric {metric!r}; use cosine or euclidean")
    index = faiss.IndexFlatIP(vectors.shape[1]) if metric == "cosine" \
        else faiss.IndexFlatL2(vectors.shape[1])
    index.add(_unit(vectors) if metric == "cosine" else np.ascontiguousarray(vectors))
    return index


def search(index, queries: np.ndarray, k: int, metric: str) -> tuple[np.ndarray, np.ndarray]:
    """Distances (cosine distance, or euclidean) and rows of the ``k`` nearest."""
    if metric == "cosine":
        sims, rows = index.search(_unit(queries), k)
        return 1.0 - sims, rows
    squared, rows = index.search(np.ascontiguousarray(queries, dtype=np.float32), k)
    return np.sqrt(np.clip(squared, 0.0, None)), rows


def similarity(distance: np.ndarray, metric: str) -> np.ndarray:
    """Map a distance to a similarity in [0, 1] (1 = identical)."""
    if metric == "cosine":
        return np.clip(1.0 - distance / 2.0, 0.0, 1.0).astype(np.float32)
    return (1.0 / (1.0 + distance)).astype(np.float32)


HUB_NEIGHBOURS = 10
HUB_BLOCK = 16384  # rows re-ranked at a time


def hub_state(raw_scores: np.ndarray) -> np.ndarray:
    """(n, 2) float32: each row's hub radius and its lowest raw similarity (its floor:
    a track less similar than this does not enter the row's list)."""
    out = np.zeros((len(raw_scores), 2), dtype=np.float32)
    if raw_scores.shape[1]:
        out[:, 0] = raw_scores[:, :HUB_NEIGHBOURS].mean(axis=1)
        out[:, 1] = raw_scores[:, -1]
    return out


def under_one(adjusted: np.ndarray, raw: np.ndarray) -> np.ndarray:
    """Hub-discounted rows whose best score passes 1 by d, shifted down together until it
    is 1 - d, or the row's best raw similarity when that is higher: the order and the
    gaps stay and the values fall below 1 (clipped at 1, the closest tracks of a tight
    group, such as the pieces of one score, all read 1.000, as if identical); every
    other row is left as it is."""
    if not adjusted.shape[1]:
        return adjusted.astype(np.float32)
    top = adjusted.max(axis=1)
    # the further past 1, the further down, to the raw best at most: no jump at 1
    target = np.maximum(raw.max(axis=1), 2.0 - top)
    shift = np.where(top > 1.0, top - target, 0.0)
    return np.clip(adjusted - shift[:, None], 0.0, 1.0).astype(np.float32)


def reduce_hubs(neighbours: np.ndarray, scores: np.ndarray, strength: float,
                radius: np.ndarray | None = None, *, inplace: bool = False,
                block: int = HUB_BLOCK) -> tuple[np.ndarray, np.ndarray]:
    """Re-rank each row's list, discounting candidates that are close to everything
    (``radius``: every track's hub radius, when ``scores`` are only some rows').

    Works in ``block`` rows at a time, so the temporaries stay small at millions of tracks;
    ``inplace`` writes the result into ``neighbours`` and ``scores`` (int32, float32)."""
    r = scores[:, :HUB_NEIGHBOURS].mean(axis=1) if radius is None else radius
    centre = r.mean()
    out_rows = neighbours if inplace else np.empty(neighbours.shape, np.int32)
    out_scores = scores if inplace else np.empty(scores.shape, np.float32)
    for start in range(0, len(neighbours), block):
        part = slice(start, start + block)
        rows = neighbours[part]
        adjusted = under_one(scores[part] - strength * (r[rows] - centre), scores[part])
        order = np.argsort(-adjusted, axis=1, kind="stable")
        out_rows[part] = np.take_along_axis(rows, order, axis=1)
        out_scores[part] = np.take_along_axis(adjusted, order, axis=1)
    return out_rows, out_scores
