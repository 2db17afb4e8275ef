"""What each task of the distributed build computes: plain functions over blocks of rows.

Nothing here knows Spark (``distributed.py`` runs these functions in Spark tasks), and
nothing here is new arithmetic: a partition's profiles and vectors come from the
functions an incremental update uses (``incremental.track_profiles`` and ``place``,
which give a track exactly the vector a full build with the same fitted state gives
it), statistics from :class:`~.moments.Moments`, neighbours from the faiss indexes
and ``search`` of ``neighbours.py``/``ann.py``.

- :func:`album_blocks` deals rows to partitions so every album lies in one partition:
  the feel space's album prior then sees the same album mates as on one machine;
- :func:`block_moments` is a partition's share of the statistics the build fits;
  :func:`fitted_from` merges them into the :class:`~.fitted.FittedState`;
- :func:`shard_index` indexes one shard (once); :func:`shard_search` is one (shard,
  query block) pair of the neighbour search: the top k+1 of the block's rows among
  the shard's, as global rows;
  :func:`merge_top` keeps the best k+1 of two such answers for the same block.
"""
from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..audio import AudioFeel, VaModel
from ..ingest import Track
from ..language import MoodProfile
from .ann import approximate_index
from .features import AudioScaler
from .feel import FeelModel
from .feel_space import FeelWeights, album_key, feel_evidence
from .fitted import FittedState
from .moments import Moments, merged
from .neighbours import _unit, exact_index, search
from .vectors import BlockWeights, heard_rows, mood_matrix


def album_blocks(tracks: Sequence[Track], parts: int) -> list[list[int]]:
    """Rows dealt into ``parts`` blocks by a stable hash of the album (of the id for a
    track without one), so an album is never split."""
    blocks: list[list[int]] = [[] for _ in range(parts)]
    for row, track in enumerate(tracks):
        key = album_key(track.album, track.artist)
        text = "\x00".join(key) if key is not None else "\x01" + track.id
        blocks[zlib.crc32(text.encode()) % parts].append(row)
    return blocks


@dataclass
class BlockMoments:
    """A block's moments of the raw audio features and of the columns the build
    standardises (mood/valence-arousal columns, or the feel space's placed evidence)."""

    audio: Moments
    columns: Moments


def block_moments(tracks: Sequence[Track], profiles: Sequence[MoodProfile],
                  state: FittedState) -> BlockMoments:
    """The statistics ``build`` fits, on this block (``state`` gives the models)."""
    audio = Moments.of(AudioScaler().raw_matrix(tracks))
    if state.feel_model is None:
        return BlockMoments(audio, Moments.of(mood_matrix(profiles)))
    evidence = feel_evidence(state.feel_model, tracks, profiles,
                             heard=heard_rows(tracks, state.audio_feel))
    return BlockMoments(audio, evidence.moments())


def fitted_from(blocks: Sequence[BlockMoments], template: FittedState) -> FittedState:
    """``template`` (its models and weights) with the statistics of all ``blocks``."""
    columns = merged([b.columns for b in blocks])
    scaler = AudioScaler().fit_moments(merged([b.audio for b in blocks]))
    if template.feel_model is None:
        centre, spread = columns.mean, columns.spread()
    else:
        centre, spread = columns.centre_spread()
    template.centre, template.spread, template.scaler = centre, spread, scaler
    return template


def template_state(feel_model: FeelModel | None, feel_weights: FeelWeights,
                   weights: BlockWeights, va_model: VaModel | None,
                   audio_feel: AudioFeel | None, k: int) -> FittedState:
    """A fitted state with its models and weights but no statistics yet."""
    scaler = AudioScaler(mean_=np.zeros(0), scale_=np.ones(0))
    return FittedState(np.zeros(0), np.ones(0), scaler, feel_model=feel_model,
                       feel_weights=feel_weights, block_weights=weights, va_model=va_model,
                       k=k, audio_feel=audio_feel)


def shard_index(shard: np.ndarray, metric: str, approximate: bool) -> np.ndarray:
    """A faiss index over one shard, serialised by faiss (uint8): an IVF index when
    ``approximate`` (cosine only), else an exact one.  Built once per shard, searched
    by every query block."""
    import faiss

    faiss.omp_set_num_threads(1)  # one Spark task per core
    index = approximate_index(_unit(shard)) if approximate and metric == "cosine" \
        else exact_index(shard, metric)
    return faiss.serialize_index(index)


def shard_search(shard_rows: np.ndarray, index: np.ndarray, queries: np.ndarray, k: int,
                 metric: str) -> tuple[np.ndarray, np.ndarray]:
    """Distances and global rows (m, k) of each query's ``k`` nearest in the shard
    (``index`` from :func:`shard_index`, its rows ``shard_rows``), padded with
    (inf, -1) when the shard has fewer."""
    import faiss

    faiss.omp_set_num_threads(1)
    m = len(queries)
    dist = np.full((m, k), np.inf, dtype=np.float32)
    rows = np.full((m, k), -1, dtype=np.int64)
    got = min(k, len(shard_rows))
    if m == 0 or got == 0:
        return dist, rows
    d, i = search(faiss.deserialize_index(index), queries, got, metric)
    dist[:, :got] = np.where(i >= 0, d, np.inf)
    rows[:, :got] = np.where(i >= 0, shard_rows[np.maximum(i, 0)], -1)
    return dist, rows


def merge_top(a: tuple[np.ndarray, np.ndarray], b: tuple[np.ndarray, np.ndarray],
              ) -> tuple[np.ndarray, np.ndarray]:
    """The best (smallest distance) k of two (distances, rows) answers for one block."""
    k = a[0].shape[1]
    dist, rows = np.hstack([a[0], b[0]]), np.hstack([a[1], b[1]])
    order = np.argsort(dist, axis=1, kind="stable")[:, :k]
    return np.take_along_axis(dist, order, axis=1), np.take_along_axis(rows, order, axis=1)
