"""Approximate nearest neighbours for large catalogs: a faiss IVF index, and its recall.

The exact search (``neighbours.exact_index``) costs n² dot products: 28k tracks take
seconds, a million take hours.  Above ``ANN_THRESHOLD`` tracks (the setting
FEELALIKE_ANN_THRESHOLD) the build searches an inverted-file index over the unit
vectors instead (k-means cells, inner product = cosine, ``NPROBE`` nearest cells
scanned per query).  ``bench/ann_bench.py`` measured it against faiss HNSW and the
exact search on the real catalog's vectors: same recall@10 (0.999), less than half
HNSW's time (docs/performance.md).  Every approximate build measures its recall@10
against the exact search on a sample of rows, so a model never silently degrades.
"""
from __future__ import annotations

from typing import Callable

import numpy as np

ANN_THRESHOLD = 200_000  # tracks; at or below it the search is exact
CELLS_PER_ROOT = 4  # k-means cells = 4 * sqrt(n): 1,265 at 100k, 4,000 at 1M
NPROBE = 16  # cells scanned per query: more = better recall, slower
TRAIN_PER_CELL = 64  # k-means trains on 64 rows per cell (faiss wants at least 39)
RECALL_SAMPLE = 1000  # rows whose exact top-10 the recall is measured against
SEED = 13

ExactRows = Callable[[np.ndarray, np.ndarray], np.ndarray]


def approximate_index(unit_vectors: np.ndarray):
    """A faiss IVF-flat index (inner product) over unit vectors, trained on a sample."""
    import faiss

    n, dim = unit_vectors.shape
    cells = max(1, min(int(CELLS_PER_ROOT * np.sqrt(n)), n // 39))
    rng = np.random.default_rng(SEED)
    train = unit_vectors[np.sort(rng.choice(n, size=min(n, TRAIN_PER_CELL * cells),
                                            replace=False))]
    index = faiss.IndexIVFFlat(faiss.IndexFlatIP(dim), dim, cells, faiss.METRIC_INNER_PRODUCT)
    index.train(np.ascontiguousarray(train, dtype=np.float32))
    index.add(np.ascontiguousarray(unit_vectors, dtype=np.float32))
    index.nprobe = min(NPROBE, cells)
    return index


def recall_at_10(vectors: np.ndarray, neighbours: np.ndarray, exact_rows: ExactRows,
                 sample: int = RECALL_SAMPLE) -> float:
    """Share of the exact ten nearest (``exact_rows(vectors, rows)``) that ``neighbours``
    (raw lists, before hub reduction) hold in their first ten, on a random sample."""
    n, k = neighbours.shape
    top = min(10, k)
    if top == 0:
        return 1.0
    rng = np.random.default_rng(SEED)
    rows = np.sort(rng.choice(n, size=min(sample, n), replace=False))
    exact = exact_rows(vectors, rows)[:, :top]
    found = neighbours[rows, :top]
    hits = sum(len(np.intersect1d(e, f)) for e, f in zip(exact, found))
    return hits / (len(rows) * top)
