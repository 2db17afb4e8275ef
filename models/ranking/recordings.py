"""One recording under several ids: a seed stands for all of them.

A catalog lists one recording several times: the single and the album track, a
"2011 Remaster", a compilation's copy.  Each id carries the tags of the playlists it was
found in, so the ids sit apart in the vector space and, as seeds, gave lists with
almost nothing in common (one in ten tracks shared, on the TidyTuesday catalog).  A
recording has one feel, so a seed is read as all its ids together: the mean of their
unit vectors.  The ids stay apart as candidates (each is found where its own evidence
puts it), and a remix or a live take, whose sound differs, stays a seed of its own.

Two ids are one recording when they are versions of one song (:func:`song_keys`) and
every audio feature both have is within :data:`TOLERANCE` (loudness, key, mode and
duration are left out: remasters are louder, edits shorter).  Ids with no audio
features of the same song are one recording: nothing tells them apart.
"""
from __future__ import annotations

import numpy as np

from ..ingest import AUDIO_FEATURES

#: the largest difference, per feature, between two ids of one recording (the same
#: recording read twice differs by rounding; a remix or a live take by far more)
TOLERANCE = {"danceability": 0.05, "energy": 0.05, "speechiness": 0.05,
             "acousticness": 0.05, "instrumentalness": 0.05, "liveness": 0.05,
             "valence": 0.05, "tempo": 5.0}
COLUMNS = np.array([AUDIO_FEATURES.index(name) for name in TOLERANCE])
LIMITS = np.array(list(TOLERANCE.values()), dtype=np.float32)


def recording_codes(song_codes: np.ndarray, audio: np.ndarray) -> np.ndarray:
    """Each row's recording: the first row of the ids it is one recording with (its own
    row when it stands alone).  ``song_codes``: equal where rows are one song;
    ``audio``: (n, len(AUDIO_FEATURES)) as the track table holds them, NaN unknown."""
    song_codes = np.asarray(song_codes)
    codes = np.arange(len(song_codes), dtype=np.int32)
    order = np.argsort(song_codes, kind="stable")
    starts = np.flatnonzero(np.r_[True, np.diff(song_codes[order]) != 0, True])
    features = np.asarray(audio, dtype=np.float32)[:, COLUMNS]
    for start, stop in zip(starts[:-1], starts[1:]):
        if stop - start > 1:
            rows = order[start:stop]  # ascending: a stable sort keeps row order
            codes[rows] = rows[_components(features[rows])]
    return codes


def _components(features: np.ndarray) -> np.ndarray:
    """For each of a song's ids, the index of the first id it is linked to through ids
    within the tolerance of each other (single link)."""
    gap = np.abs(features[:, None, :] - features[None, :, :]) / LIMITS
    close = np.all(np.isnan(gap) | (gap <= 1.0), axis=2)
    first = np.arange(len(features))
    changed = True
    while changed:  # spread each group's smallest index along its links
        linked = np.where(close, first[None, :], len(first)).min(axis=1)
        changed = bool((linked < first).any())
        first = np.minimum(first, linked)
    return first


def pooled_seeds(codes: np.ndarray, seeds: list[tuple[int, float]],
                 ) -> list[tuple[int, float]]:
    """``seeds`` (row, weight) with each row's weight shared among the ids of its
    recording."""
    out: list[tuple[int, float]] = []
    for row, weight in seeds:
        rows = np.flatnonzero(codes == codes[row])
        out += [(int(r), weight / len(rows)) for r in rows]
    return out


def shared_recordings(codes: np.ndarray) -> list[np.ndarray]:
    """The rows of each recording that has more than one id, in row order."""
    codes = np.asarray(codes)
    shared = np.flatnonzero(np.bincount(codes, minlength=len(codes))[codes] > 1)
    if not len(shared):
        return []
    order = shared[np.argsort(codes[shared], kind="stable")]
    cuts = np.flatnonzero(np.diff(codes[order])) + 1
    return np.split(order, cuts)


def audio_matrix(tracks) -> np.ndarray:
    """(n, len(AUDIO_FEATURES)) float32 of the tracks' audio features, NaN unknown (as
    the track table holds them, so a build and the service group ids alike)."""
    audio = np.full((len(tracks), len(AUDIO_FEATURES)), np.nan, dtype=np.float32)
    for row, track in enumerate(tracks):
        for col, name in enumerate(AUDIO_FEATURES):
            audio[row, col] = track.features.get(name, np.nan)
    return audio
