"""Candidate approximate-neighbour searches on the real catalog's track vectors.

    python bench/ann_bench.py --vectors V.npy [--sizes 28000,300000] [--noise 0.05]

``V.npy``: track vectors of a build (e.g. ``np.save(path, build_from_sources(...).vectors)``
on the TidyTuesday catalog).  Larger sets resample those rows with Gaussian noise
(``noise`` x each dimension's standard deviation).  For each method: wall time of the
top-100 of every track, and recall@10 against the exact search on 1,000 random rows.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

K = 101  # top-100 other tracks + the track itself


def resample(vectors: np.ndarray, n: int, noise: float, seed: int = 0) -> np.ndarray:
    """``n`` rows drawn from ``vectors`` with small per-dimension Gaussian noise."""
    rng = np.random.default_rng(seed)
    rows = vectors[rng.integers(0, len(vectors), n)] if n != len(vectors) else vectors
    jitter = rng.standard_normal(rows.shape).astype(np.float32) * vectors.std(axis=0) * noise
    out = rows + jitter if n != len(vectors) else rows
    out = out / np.linalg.norm(out, axis=1, keepdims=True)
    return np.ascontiguousarray(out, dtype=np.float32)


def faiss_method(name: str, units: np.ndarray):
    import faiss

    d = units.shape[1]
    if name == "exact":
        index = faiss.IndexFlatIP(d)
    elif name.startswith("hnsw"):
        m, ef = (int(x) for x in name[4:].split("/"))
        index = faiss.IndexHNSWFlat(d, m, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 80
    else:
        nlist, nprobe = (int(x) for x in name[3:].split("/"))
        nlist = min(nlist, len(units) // 39)
        index = faiss.IndexIVFFlat(faiss.IndexFlatIP(d), d, nlist, faiss.METRIC_INNER_PRODUCT)
        index.train(units)
        index.nprobe = nprobe
    index.add(units)
    if name.startswith("hnsw"):
        index.hnsw.efSearch = ef
    return lambda q: index.search(q, K)[1]


def hnswlib_method(name: str, units: np.ndarray):
    import hnswlib

    m, ef = (int(x) for x in name[7:].split("/"))
    index = hnswlib.Index(space="ip", dim=units.shape[1])
    index.init_index(max_elements=len(units), ef_construction=80, M=m)
    index.add_items(units)
    index.set_ef(ef)
    return lambda q: index.knn_query(q, k=K)[0]


def run(name: str, units: np.ndarray, truth: np.ndarray, sample: np.ndarray) -> tuple:
    t0 = time.perf_counter()
    search = hnswlib_method(name, units) if name.startswith("hnswlib") \
        else faiss_method(name, units)
    rows = np.concatenate([search(units[s:s + 4096]) for s in range(0, len(units), 4096)])
    wall = time.perf_counter() - t0
    hits = 0
    for r, exact in zip(sample, truth):
        found = rows[r][rows[r] != r][:10]
        hits += len(np.intersect1d(found, exact))
    return wall, hits / (len(sample) * 10)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--vectors", required=True)
    parser.add_argument("--sizes", default="28000,300000")
    parser.add_argument("--noise", type=float, default=0.05)
    parser.add_argument("--methods", default="exact,hnsw32/160,hnsw16/128,ivf1024/16,"
                        "ivf1024/32,hnswlib32/160")
    args = parser.parse_args()
    base = np.load(args.vectors).astype(np.float32)
    print("| tracks | method | top-100 wall s | recall@10 |\n|---|---|---|---|")
    for n in (int(s) for s in args.sizes.split(",")):
        units = resample(base, n, args.noise) if n != len(base) else resample(base, n, 0)
        sample = np.random.default_rng(1).choice(n, 1000, replace=False)
        import faiss
        exact = faiss.IndexFlatIP(units.shape[1])
        exact.add(units)
        truth = [i[i != r][:10] for r, i in zip(sample, exact.search(units[sample], 11)[1])]
        for name in args.methods.split(","):
            try:
                wall, recall = run(name, units, truth, sample)
            except ImportError:
                continue
            print(f"| {n:,} | {name} | {wall:.1f} | {recall:.3f} |", flush=True)


if __name__ == "__main__":
    main()
