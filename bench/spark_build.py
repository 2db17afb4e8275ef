"""The Spark build against the single-machine build on a large synthetic catalog.

    python bench/spark_build.py [--sizes 100k] [--master local[2]] [--repeat 1] [--plain]
                                [--ann-threshold N]

Each catalog is ``bench/scale.py``'s synthetic one (TidyTuesday rows resampled with
noise; needs ../shared/data).  Both builds run in this process on the same loaded
catalog, with the feel model the service serves (``--plain``: the weighted blocks):
``build`` (single machine, faiss on every core) and ``spark_build`` on ``--master``
(Spark's start-up is timed on its own, outside the build), both with the neighbour
search the ANN threshold picks (default FEELALIKE_ANN_THRESHOLD's 200k: exact; below
the size: one IVF index, or one per shard on Spark).  Prints a table of medians: the
whole build, its neighbour step, the ratio spark/single, the build's own recall@10
against the exact search (1,000 rows), and how the Spark model agrees with the
single-machine one: recall@10 of its final lists against the single-machine lists
and the largest vector difference.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale import DATA, ROOT, SOURCE, _Timer, size, synthetic_catalog

sys.path.insert(0, str(ROOT))


def timed(run) -> tuple[object, float, float]:
    """(model, whole seconds, neighbour-step seconds) of one build."""
    timer = _Timer()
    started = time.perf_counter()
    built = run(progress=timer)
    return built, time.perf_counter() - started, timer.seconds.get("neighbours", 0.0)


def recall_at_10(reference: np.ndarray, found: np.ndarray) -> float:
    top = min(10, reference.shape[1])
    hits = sum(len(np.intersect1d(a[:top], b[:top])) for a, b in zip(reference, found))
    return hits / (len(reference) * top)


def main() -> None:
    from models.build import FeelModel, build, spark_build, spark_session, train_default_model
    from models.ingest import load_catalog

    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100k")
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--plain", action="store_true")
    parser.add_argument("--ann-threshold", type=int, default=200_000)
    args = parser.parse_args()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp, spark_session(args.master) as session:
        print(f"spark session on {args.master}: {time.perf_counter() - started:.1f}s",
              flush=True)
        feel = None if args.plain else train_default_model(SOURCE, DATA / "moods" / "deezer")
        if feel is not None:
            feel.save(Path(tmp) / "feel.npz")
            feel = FeelModel.load(Path(tmp) / "feel.npz")
        print("| tracks | engine | search | build s | neighbours s | own recall@10 | "
              "recall@10 vs single | max vector diff |\n|---|---|---|---|---|---|---|---|",
              flush=True)
        for n in (size(s) for s in args.sizes.split(",")):
            path = Path(tmp) / f"synthetic-{n}.csv"
            synthetic_catalog(n, path)
            catalog = load_catalog([path])
            local, spark = [], []
            for _ in range(args.repeat):
                options = {"feel_model": feel, "ann_threshold": args.ann_threshold}
                local.append(timed(partial(build, catalog, **options)))
                spark.append(timed(partial(spark_build, catalog, session=session, **options)))
            report(n, local, spark, args.master)
            path.unlink()


def report(n: int, local: list, spark: list, master: str) -> None:
    reference = local[0][0]
    whole = [statistics.median(r[1] for r in runs) for runs in (local, spark)]
    step = [statistics.median(r[2] for r in runs) for runs in (local, spark)]
    own = [runs[0][0].meta["neighbours"] for runs in (local, spark)]
    recall = min(recall_at_10(reference.neighbours, r[0].neighbours) for r in spark)
    diff = max(float(np.abs(r[0].vectors - reference.vectors).max()) for r in spark)
    print(f"| {n:,} | single machine | {own[0]['method']} | {whole[0]:.1f} | {step[0]:.1f} | "
          f"{own[0]['recall_at_10']:.3f} | 1.000 | 0 |")
    print(f"| {n:,} | spark {master} | {own[1]['method']} | {whole[1]:.1f} | {step[1]:.1f} | "
          f"{own[1]['recall_at_10']:.3f} | {recall:.4f} | {diff:.1e} |")
    print(f"| {n:,} | ratio spark/single | | {whole[1] / whole[0]:.2f} | "
          f"{step[1] / step[0]:.2f} | | | |", flush=True)


if __name__ == "__main__":
    main()
