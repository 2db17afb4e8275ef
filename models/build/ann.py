"""Approximate nearest neighbours for large catalogs: a faiss HNSW graph, and its recall.

The exact search (``neighbours.exact_index``) costs n² dot products: 28k tracks take
seconds, a million take hours.  Above ``ANN_THRESHOLD`` tracks (the setting
FEELALIKE_ANN_THRESHOLD) the build searches an HNSW graph over the unit vectors
instead (inner product = cosine), which ``bench/scale.py`` measured against faiss IVF
and the exact search on the real catalog's vectors (docs/performance.md).  Every
approximate build measures its recall@10 against the exact search on a sample of
rows, so a model never silently degrades.
"""
from __future__ import annotations

from typing import Callable

import numpy as np

ANN_THRESHOLD = 200_000  # tracks; at or below it the search is exact
HNSW_M = 32  # graph degree: more = better recall, more memory and build time
EF_CONSTRUCTION = 80
EF_SEARCH = 160  # candidates kept while searching; must exceed K + 1
RECALL_SAMPLE = 1000  # rows whose exact top-10 the recall is measured against
RECALL_SEED = 13

ExactRows = Callable[[np.ndarray, np.ndarray], np.ndarray]


def approximate_index(unit_vectors: np.ndarray, k: int = 100):
    """A faiss HNSW index (inner product) over unit vectors, ready to answer top-``k``."""
    import faiss

    index = faiss.IndexHNSWFlat(unit_vectors.shape[1], HNSW_M, faiss.METRIC_INNER_PRODUCT)
    index.hnsw.efConstruction = EF_CONSTRUCTION
    index.add(np.ascontiguousarray(unit_vectors, dtype=np.float32))
    index.hnsw.efSearch = max(EF_SEARCH, k + 1)
    return index


def recall_at_10(vectors: np.ndarray, neighbours: np.ndarray, exact_rows: ExactRows,
                 sample: int = RECALL_SAMPLE) -> float:
    """Share of the exact ten nearest (``exact_rows(vectors, rows)``) that ``neighbours``
    (raw lists, before hub reduction) hold in their first ten, on a random sample."""
    n, k = neighbours.shape
    top = min(10, k)
    if top == 0:
        return 1.0
    rng = np.random.default_rng(RECALL_SEED)
    rows = np.sort(rng.choice(n, size=min(sample, n), replace=False))
    exact = exact_rows(vectors, rows)[:, :top]
    found = neighbours[rows, :top]
    hits = sum(len(np.intersect1d(e, f)) for e, f in zip(exact, found))
    return hits / (len(rows) * top)
