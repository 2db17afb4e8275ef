"""The offline build on Apache Spark (``feelalike build --engine spark``).

Why this module is in ``models/``: it is the build, with the same inputs and the same
:class:`~.pipeline.BuiltModel` out, and needs no store (the CLI publishes the model
with the same ``ModelStore.publish``).  pyspark is imported only inside its functions,
so the domain imports and runs without it; the work of each task is the plain
functions of ``partitions.py``.

The stages:

1. driver: the catalog (loaded as for ``build``; ingest is not distributed) is dealt
   into album blocks, one per partition; the models (feel, valence/arousal, audio
   feel) travel as a :class:`~.fitted.FittedState`'s bytes (npz, no pickle of ours);
2. per partition: mood profiles and the block's moments; the driver merges them into
   the fitted statistics (the same the whole catalog gives, ``moments.py``);
3. per partition: vectors, by the very function an incremental update uses (``place``);
4. neighbours: every placed partition is both a shard and a query block; each shard
   is indexed once (exact faiss, or IVF above the ANN threshold, as on one machine;
   kept as faiss's serialised bytes), each (shard, block) pair is a task returning
   the block's top k+1 in that shard; per block the answers are merged to its top
   k+1 (``reduceByKey``);
5. driver: ``NeighbourModel.adopt`` (self dropped, recall, hub state, hub reduction)
   and ``assemble``, exactly as ``build`` ends.
"""
from __future__ import annotations

import math
import os
import shutil
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

from ..audio import AudioFeel, VaModel
from ..errors import BadRequest, CatalogError, ConfigError
from ..ingest import Catalog
from ..language import Review
from .ann import ANN_THRESHOLD
from .feel import FeelModel
from .feel_space import FeelWeights
from .fitted import FittedState
from .incremental import place, track_profiles
from .neighbours import NeighbourModel
from .partitions import (
    album_blocks,
    block_moments,
    fitted_from,
    merge_top,
    shard_index,
    shard_search,
    template_state,
)
from .pipeline import BuiltModel, Placement, assemble
from .progress import ProgressFactory, no_progress
from .vectors import BlockWeights

ROWS_PER_PART = 1000  # fewer tracks than this per partition is not worth a task


@contextmanager
def spark_session(master: str = "local[2]") -> Iterator[Any]:
    """A SparkSession: the active one if any (left running), else a new one on
    ``master``, stopped afterwards; ConfigError without pyspark or Java."""
    session, created = _session(master)
    try:
        yield session
    finally:
        if created:
            session.stop()


def _session(master: str) -> tuple[Any, bool]:
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise ConfigError("the spark engine needs pyspark: pip install 'feelalike[spark]'"
                          ) from None
    active = SparkSession.getActiveSession()
    if active is not None:
        return active, False
    if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        raise ConfigError("the spark engine needs Java 17 or later (e.g. apt-get install "
                          "default-jre-headless)")
    root = str(Path(__file__).resolve().parents[2])  # tasks import this code, not another
    path = os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH", "")) if p)
    try:
        session = (SparkSession.builder.master(master).appName("feelalike-build")
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")  # the build prints its own
                .config("spark.executorEnv.PYTHONPATH", path)
                .config("spark.driver.memory", os.environ.get("SPARK_DRIVER_MEMORY", "2g"))
                .getOrCreate())
        session.sparkContext.setLogLevel("ERROR")
        return session, True
    except Exception as exc:  # noqa: BLE001 -- the JVM did not start: say why, in one line
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise ConfigError(f"cannot start Spark with master {master!r}: {first}") from None


def spark_build(catalog: Catalog, reviews: Sequence[Review] = (), *, session: Any,
                k: int = 100, weights: BlockWeights = BlockWeights(),
                progress: ProgressFactory = no_progress, va_model: VaModel | None = None,
                feel_model: FeelModel | None = None,
                feel_weights: FeelWeights = FeelWeights(),
                audio_feel: AudioFeel | None = None, ann_threshold: int = ANN_THRESHOLD,
                parts: int | None = None) -> BuiltModel:
    """``build`` on Spark: the same model, with its work spread over ``session``'s
    executors in ``parts`` partitions (default: two per core, at most one per
    ROWS_PER_PART tracks)."""
    if reviews:
        raise BadRequest("the spark engine does not read reviews yet; build with "
                         "--engine local")
    if not catalog.tracks:
        raise CatalogError("the catalog has no tracks")
    started = time.perf_counter()
    sc = session.sparkContext
    n = len(catalog.tracks)
    parts = parts or max(1, min(2 * sc.defaultParallelism, math.ceil(n / ROWS_PER_PART)))
    template = template_state(feel_model, feel_weights, weights, va_model, audio_feel, k)
    models = sc.broadcast(template.to_bytes())
    tracks = catalog.tracks
    blocks = [(rows, [tracks[r] for r in rows]) for rows in album_blocks(tracks, parts)]
    read = sc.parallelize(blocks, parts).map(
        lambda b: (b[0], b[1], track_profiles(b[1], FittedState.from_bytes(models.value))))
    read = read.persist()
    bar = progress("moods", n)
    moments = read.map(lambda b: block_moments(b[1], b[2], FittedState.from_bytes(
        models.value))).collect()
    bar.update(n)
    bar.close()
    fitted = fitted_from(moments, FittedState.from_bytes(models.value))
    state = sc.broadcast(fitted.to_bytes())
    placed = read.map(lambda b: _placed(b, state.value)).persist()
    placement = _collect(placed, n, fitted, weights, progress)
    bar = progress("neighbours", n)
    distances, rows = _neighbour_search(placed, n, k, ann_threshold, parts)
    bar.update(n)
    bar.close()
    for rdd in (placed, read):
        rdd.unpersist()
    approximate = n > ann_threshold and k > 0
    model = NeighbourModel(k=k, ann_threshold=ann_threshold).adopt(
        placement.vectors, distances, rows, "sharded-ivf" if approximate else "exact")
    built = assemble(catalog, reviews, placement, model, started)
    built.meta["engine"] = {"name": "spark", "master": sc.master, "partitions": parts}
    return built


def _placed(block: tuple, state_bytes: bytes) -> tuple:
    rows, tracks, profiles = block
    out = place(tracks, FittedState.from_bytes(state_bytes), profiles=profiles)
    return np.asarray(rows, dtype=np.int64), out.vectors, out.profiles, out.own


def _collect(placed: Any, n: int, fitted: FittedState, weights: BlockWeights,
             progress: ProgressFactory) -> Placement:
    """Every row's vector, profile and own feel coordinates, in catalog order."""
    bar = progress("vectors", n)
    vectors: np.ndarray | None = None
    own: np.ndarray | None = None
    profiles: list = [None] * n
    for rows, block, block_profiles, block_own in placed.toLocalIterator():
        if vectors is None:
            vectors = np.zeros((n, block.shape[1]), dtype=np.float32)
        vectors[rows] = block
        if block_own is not None:
            own = np.zeros((n, block_own.shape[1]), np.float32) if own is None else own
            own[rows] = block_own
        for row, profile in zip(rows, block_profiles):
            profiles[row] = profile
        bar.update(len(rows))
    bar.close()
    return Placement(profiles, vectors, fitted, own, weights)


def _neighbour_search(placed: Any, n: int, k: int, ann_threshold: int,
                      parts: int) -> tuple[np.ndarray, np.ndarray]:
    """(n, k + 1) distances and rows of every row's nearest (itself included), from
    every (shard, query block) pair merged per block."""
    wanted = min(k, n - 1) + 1
    approximate = n > ann_threshold and k > 0
    blocks = placed.map(lambda b: (b[0], b[1])).filter(lambda b: len(b[0]) > 0)
    keyed = blocks.zipWithIndex().map(lambda b: (b[1], b[0][0], b[0][1]))
    # persisted: a cartesian product reads each shard once per query block
    indexes = keyed.map(lambda b: (b[1], shard_index(b[2], "cosine", approximate))).persist()

    def pair(p: tuple) -> tuple:
        (shard_rows, index), (block, _, queries) = p
        return block, shard_search(shard_rows, index, queries, wanted, "cosine")

    merged = indexes.cartesian(keyed).map(pair).reduceByKey(merge_top, parts)
    order = dict(keyed.map(lambda b: (b[0], b[1])).collect())
    distances = np.zeros((n, wanted), dtype=np.float32)
    rows = np.zeros((n, wanted), dtype=np.int64)
    for block, (d, r) in merged.toLocalIterator():
        distances[order[block]], rows[order[block]] = d, r
    indexes.unpersist()
    return distances, rows
