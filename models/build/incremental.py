"""Incremental updates: place new tracks and mend neighbour lists without a rebuild.

A full build fits statistics on its catalog (:class:`~.fitted.FittedState`) and keeps
every row's hub state (radius and floor, ``NeighbourModel.hubs_``).  Adding tracks:

- :func:`place` gives the new tracks their mood profiles (tags, notes, audio; no
  reviews) and vectors on the stored scale, exactly as that build would have;
- :func:`add_lists` finds each new track's exact top-K against every vector (faiss,
  as the build), and puts it into each existing list it now belongs in: a list takes
  a new track when it is more similar than the list's floor (its K-th raw similarity),
  and is then re-cut to its top-K by raw similarity; each list written is re-ranked
  with the hub discount, as the build does.

Removing tracks (:func:`remove_lists`) moves the last rows into the freed rows (so
only they change position), refills every list that held a removed track with an
exact search, and renumbers the rest.

What stays approximate, by design: the catalog's centre and spread stay those the
build fitted (a hundred tracks in thousands barely move them); a new track's album
prior is shared only among tracks added together; lists not rewritten keep their hub
discounts.  Rebuild now and then to refit everything.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, fields
from typing import Callable, Sequence

import numpy as np

from ..ingest import Catalog, Track
from ..language import MoodProfile, load_lexicon
from ..ranking import TrackTable
from .evidence import analyse_moods
from .feel_space import (
    FeelCoordinates,
    album_key,
    feel_coordinates,
    feel_vectors,
    share_album_prior,
)
from .fitted import FittedState
from .neighbours import _unit, exact_index, hub_state, reduce_hubs, search, similarity
from .song_names import keys_beside
from .unplaced import clear_unplaced, clear_without_evidence
from .vectors import heard_rows, vector_blocks

#: rows -> their stored lists (rows, scores), for the rows an update has to read
Lookup = Callable[[Sequence[int]], list[np.ndarray]]
#: album keys -> the stored own feel coordinates (FeelCoordinates.own) of the tracks of
#: each album already in the model
AlbumMates = Callable[[list[tuple[str, str]]], dict[tuple[str, str], np.ndarray]]
CHUNK = 1024  # rows merged at once (bounds the (rows, K, dim) block in memory)


@dataclass
class ListChanges:
    """Neighbour lists to write and every row's new hub state."""

    lists: dict[int, tuple[np.ndarray, np.ndarray]]  # row -> (rows, scores), best first
    hubs: np.ndarray  # (n, 2) float32
    k: int  # the list length of the updated model


@dataclass
class Placed:
    """New tracks on a stored build's scale."""

    profiles: list[MoodProfile]
    vectors: np.ndarray  # (m, dim) float32
    own: np.ndarray | None  # (m, 2d) float32 own feel coordinates (None: plain blocks)


def track_profiles(tracks: Sequence[Track], state: FittedState) -> list[MoodProfile]:
    """Mood profiles of ``tracks`` from their own evidence (tags, notes, audio; no
    reviews), as a build with ``state``'s models gives them."""
    return analyse_moods(Catalog(list(tracks)), (), load_lexicon(), va_model=state.va_model,
                         audio_feel=state.audio_feel).profiles


def place(tracks: Sequence[Track], state: FittedState,
          album_mates: AlbumMates | None = None,
          profiles: list[MoodProfile] | None = None) -> Placed:
    """Mood profiles and vectors of ``tracks`` as the stored build would have made them;
    in the feel space, a track shares the album prior with the tracks of its album that
    ``album_mates`` returns and with those added with it.  ``profiles``: the tracks'
    :func:`track_profiles`, when already known (they are updated in place)."""
    tracks = list(tracks)
    profiles = track_profiles(tracks, state) if profiles is None else profiles
    if state.feel_model is None:
        blocks = vector_blocks(tracks, profiles, fitted=(state.scaler, state.stats))
        vectors = clear_without_evidence(blocks.combine(state.block_weights), tracks,
                                         profiles)
        vectors = state.with_emotions(vectors, tracks)
        return Placed(profiles, vectors, None)
    coords = feel_coordinates(state.feel_model, tracks, profiles, (), stats=state.stats,
                              album_prior=False, heard=heard_rows(tracks, state.audio_feel))
    for profile, (valence, arousal) in zip(profiles, coords.va):
        profile.valence, profile.arousal = float(valence), float(arousal)
    _share_albums(tracks, coords, album_mates)
    vectors = clear_unplaced(feel_vectors(coords, state.feel_weights), coords.confidence)
    return Placed(profiles, state.with_emotions(vectors, tracks), coords.own)


def _share_albums(tracks: Sequence[Track], coords: FeelCoordinates,
                  album_mates: AlbumMates | None) -> None:
    """The album prior of the new tracks (in place), over their album's tracks in the
    model and the new ones; the tracks already in the model keep their coordinates."""
    albums: dict[tuple[str, str], list[int]] = {}
    for row, track in enumerate(tracks):
        key = album_key(track.album, track.artist)
        if key is not None:
            albums.setdefault(key, []).append(row)
    mates = album_mates(list(albums)) if album_mates and albums else {}
    d = coords.values.shape[1]
    for key, rows in albums.items():
        old = mates.get(key, np.zeros((0, 2 * d)))
        if len(old) + len(rows) < 2:
            continue
        values = np.vstack([old[:, :d], coords.values[rows]])
        confidence = np.vstack([old[:, d:], coords.confidence[rows]])
        share_album_prior(values, confidence, [list(range(len(values)))])
        coords.values[rows], coords.confidence[rows] = values[len(old):], confidence[len(old):]


def pair_similarity(a: np.ndarray, b: np.ndarray, metric: str) -> np.ndarray:
    """Similarity of every row of ``a`` to every row of ``b`` (as the neighbour model;
    for cosine, ``a`` and ``b`` are unit vectors)."""
    if metric == "cosine":
        return similarity(1.0 - a @ b.T, metric)
    squared = (a * a).sum(1)[:, None] + (b * b).sum(1)[None, :] - 2.0 * a @ b.T
    return similarity(np.sqrt(np.clip(squared, 0.0, None)), metric)


def exact_lists(vectors: np.ndarray, rows: np.ndarray, k: int, metric: str,
                ) -> tuple[np.ndarray, np.ndarray]:
    """The raw top-``k`` (rows, similarities) of ``rows`` against all ``vectors``."""
    out_rows = np.zeros((len(rows), k), dtype=np.int32)
    out_sims = np.zeros((len(rows), k), dtype=np.float32)
    if k == 0 or len(rows) == 0:
        return out_rows, out_sims
    dist, idx = search(exact_index(vectors, metric), vectors[rows], k + 1, metric)
    for i, (row, d_row, i_row) in enumerate(zip(rows, dist, idx)):
        keep = (i_row != row) & (i_row >= 0)
        out_rows[i] = i_row[keep][:k]
        out_sims[i] = similarity(d_row[keep][:k], metric)
    return out_rows, out_sims


def _merge(vectors: np.ndarray, rows: np.ndarray, candidates: np.ndarray, k: int,
           metric: str) -> tuple[np.ndarray, np.ndarray]:
    """Each row's top-``k`` of its ``candidates`` (rows of ``vectors``) by raw similarity."""
    out_rows = np.zeros((len(rows), k), dtype=np.int32)
    out_sims = np.zeros((len(rows), k), dtype=np.float32)
    for start in range(0, len(rows), CHUNK):
        part, cand = rows[start:start + CHUNK], candidates[start:start + CHUNK]
        if metric == "cosine":  # vectors are unit vectors
            dots = np.einsum("rd,rkd->rk", vectors[part], vectors[cand])
            sims = similarity(1.0 - dots, metric)
        else:
            diff = vectors[cand] - vectors[part][:, None, :]
            sims = similarity(np.sqrt((diff * diff).sum(-1)), metric)
        order = np.argsort(-sims, axis=1, kind="stable")[:, :k]
        out_rows[start:start + CHUNK] = np.take_along_axis(cand, order, axis=1)
        out_sims[start:start + CHUNK] = np.take_along_axis(sims, order, axis=1)
    return out_rows, out_sims


def _ranked(rows: np.ndarray, lists: np.ndarray, raw: np.ndarray, hubs: np.ndarray,
            state: FittedState) -> dict[int, tuple[np.ndarray, np.ndarray]]:
    """Lists re-ranked with the hub discount of the updated model."""
    if state.hubness > 0 and lists.shape[1]:
        lists, raw = reduce_hubs(lists, raw, state.hubness, radius=hubs[:, 0])
    return {int(r): (lists[i], raw[i]) for i, r in enumerate(rows)}


def add_lists(vectors: np.ndarray, old: int, k_old: int, hubs: np.ndarray,
              state: FittedState, lookup: Lookup) -> ListChanges:
    """Lists of the new rows ``old..n-1`` of ``vectors`` and of every existing row whose
    list they enter; ``hubs`` is the stored hub state of the ``old`` rows, ``k_old``
    the stored list length and ``lookup`` reads stored lists of existing rows."""
    n = len(vectors)
    k = min(state.k, n - 1)
    new = np.arange(old, n)
    new_lists, new_raw = exact_lists(vectors, new, k, state.metric)
    space = _unit(vectors) if state.metric == "cosine" else vectors
    affected, best = _entered(space, old, hubs[:, 1] if k == k_old else None, k,
                              state.metric)
    stored = lookup(affected) if len(affected) else []
    members = np.array(stored, dtype=np.int32).reshape(len(affected), k_old)
    lists, raw = _merge(space, affected, np.hstack([members, best]), k, state.metric)
    all_hubs = np.vstack([hubs, hub_state(new_raw)]).astype(np.float32)
    all_hubs[affected] = hub_state(raw)
    changed = _ranked(new, new_lists, new_raw, all_hubs, state)
    changed.update(_ranked(affected, lists, raw, all_hubs, state))
    return ListChanges(changed, all_hubs, k)


def _entered(space: np.ndarray, old: int, floors: np.ndarray | None, k: int, metric: str
             ) -> tuple[np.ndarray, np.ndarray]:
    """The rows of the first ``old`` that a new row enters (above the row's ``floors``;
    None: all), and each one's best ``k`` new rows, the only ones its top-``k`` can take;
    ``CHUNK`` rows at a time, never an (old, new) matrix or every new row per list."""
    new = np.arange(old, len(space))
    take = min(k, len(new))
    affected, best = [], []
    for start in range(0, old, CHUNK):
        sims = pair_similarity(space[start:min(start + CHUNK, old)], space[old:], metric)
        rows = np.flatnonzero((sims > floors[start:start + len(sims), None]).any(axis=1)
                              if floors is not None else np.ones(len(sims), bool))
        if take < len(new):
            top = np.sort(np.argpartition(-sims[rows], take - 1, axis=1)[:, :take], axis=1)
        else:
            top = np.broadcast_to(np.arange(len(new)), (len(rows), len(new)))
        affected.append(rows + start)
        best.append(new[top])
    return (np.concatenate(affected) if affected else np.zeros(0, np.int64),
            np.vstack(best) if best else np.zeros((0, take), np.int64))


def compaction(n: int, removed: Sequence[int]) -> np.ndarray:
    """The old row of each row after removing ``removed``: the last kept rows move into
    the freed rows below the new end, every other row keeps its number."""
    gone = np.zeros(n, dtype=bool)
    gone[list(removed)] = True
    size = n - int(gone.sum())
    order = np.arange(size)
    holes = np.flatnonzero(gone[:size])
    movers = np.flatnonzero(~gone[size:]) + size
    order[holes] = movers
    return order


def remove_lists(vectors: np.ndarray, lists: np.ndarray, scores: np.ndarray,
                 hubs: np.ndarray, order: np.ndarray, state: FittedState) -> ListChanges:
    """After keeping the rows ``order`` (see :func:`compaction`) of ``vectors``, with every
    row's stored ``lists``/``scores``: refill the lists that held a removed row, renumber
    the lists that name a moved row and move the moved rows' own lists."""
    n, size = len(vectors), len(order)
    new_of = np.full(n, -1, dtype=np.int64)
    new_of[order] = np.arange(size)
    kept_vectors = vectors[order]
    k = min(state.k, size - 1)
    kept_lists = lists[order]
    refill = (new_of[kept_lists] < 0).any(axis=1) if k == lists.shape[1] \
        else np.ones(size, bool)
    moved = order != np.arange(size)
    renumber = ~refill & ((new_of[kept_lists] != kept_lists).any(axis=1) | moved)
    new_hubs = hubs[order].astype(np.float32)
    rows = np.flatnonzero(refill)
    fresh, raw = exact_lists(kept_vectors, rows, k, state.metric)
    new_hubs[rows] = hub_state(raw)
    changed = _ranked(rows, fresh, raw, new_hubs, state)
    for row in np.flatnonzero(renumber):
        changed[int(row)] = (new_of[kept_lists[row]].astype(np.int32), scores[order[row]])
    return ListChanges(changed, new_hubs, k)


def extend_payload(strings: dict, tracks: Sequence[Track], profiles: Sequence[MoodProfile],
                   vectors: np.ndarray) -> bytes:
    """Append ``tracks`` to a track table's decoded string payload (in place); returns
    the numbers of their rows, to append to the stored numbers (the table's payload
    format, without decoding the whole table)."""
    numbers, more = TrackTable.build(tracks, profiles, vectors).to_payload()
    added = json.loads(more)
    added["song_keys"] = keys_beside(strings, tracks)
    for name, values in added.items():
        if name not in ("columns", "mood_columns"):  # the table's, not per row
            strings[name] += values
    return numbers


def take_table(table: TrackTable, order: np.ndarray) -> TrackTable:
    """The rows ``order`` of ``table``, in that order."""
    parts = {f.name: [getattr(table, f.name)[i] for i in order]
             for f in fields(TrackTable) if isinstance(getattr(table, f.name), list)}
    return TrackTable(**parts, numbers=table.numbers[order], vectors=table.vectors[order],
                      mood_columns=table.mood_columns)
