"""Tracks with nothing to place them by: no audio features, tags, notes or review, and
no album-mate that has any.

In the feel space such a track's coordinates all have confidence 0, so its vector
would be the anchor alone: the centre, as close to a seed with little evidence as
anything, and title-only rows would fill such seeds' lists ("confident nonsense").
The build gives them an all-zero vector instead (a placed track's anchor is never 0);
the serving side reads a zero vector as unplaced: never a candidate and, as the only
seed of a request, refused (``models.ranking.TrackTable.placed``).  The plain
hand-weighted blocks fill missing evidence with the catalog mean, the same centre: they
clear the rows of tracks without evidence of their own (they share no album prior).
A track *with* evidence can sit at that centre too in the plain blocks (a catalog of one
track, or of tracks all alike); it gets :data:`CENTRE`, so it stays placed when tracks
added later have directions of their own.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np

from ..ingest import Track
from ..language import MoodProfile
from .features import VECTOR_FEATURES

#: the value of every column of a plain-blocks track with evidence that sits exactly at
#: the catalog mean: no direction of its own, so an equal tiny one (tracks all alike then
#: score as alike), never zero, which reads as unplaced
CENTRE = np.float32(1e-6)


def clear_unplaced(vectors: np.ndarray, confidence: np.ndarray) -> np.ndarray:
    """``vectors`` (in place; returned) with every row whose ``confidence`` (the feel
    coordinates', after the album prior) is 0 throughout set to zero."""
    unplaced = ~np.any(np.asarray(confidence) > 0, axis=1)
    if unplaced.any():
        vectors[unplaced] = 0.0
    return vectors


def without_evidence(tracks: Sequence[Track], profiles: Sequence[MoodProfile]) -> np.ndarray:
    """(n,) bool: the tracks with no evidence of their own (features the vectors use,
    tags, notes, an analysed file, or moods a review gave them): a key or a duration
    alone says nothing of how a track feels."""
    return np.array([not (_used_features(t) or t.tags or t.notes.strip() or t.analysis)
                     and p.source == "none" for t, p in zip(tracks, profiles)], dtype=bool)


def _used_features(track: Track) -> bool:
    return any(name in track.features for name in VECTOR_FEATURES)


def clear_without_evidence(vectors: np.ndarray, tracks: Sequence[Track],
                           profiles: Sequence[MoodProfile]) -> np.ndarray:
    """``vectors`` (in place; returned) with the rows of the tracks
    :func:`without_evidence` set to zero, and those of other tracks that are zero set to
    :data:`CENTRE`: the plain blocks' :func:`clear_unplaced`."""
    bare = without_evidence(tracks, profiles)
    vectors[bare] = 0.0
    centred = ~bare & ~np.any(vectors != 0, axis=1)
    vectors[centred] = CENTRE
    return vectors
