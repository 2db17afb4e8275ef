"""How a built model is laid out in Redis: raw little-endian numbers and JSON documents.

Nothing is pickled.  A neighbour record is K int32 rows followed by K float32 scores;
a track document is the JSON the API serves for a track.
"""
from __future__ import annotations

from typing import Any, Iterator, Sequence

import numpy as np

from models.build import BuiltModel
from models.ingest import Track
from models.language import MOODS, MoodProfile

from .errors import StoreCorrupt

ROW_DTYPE, SCORE_DTYPE = np.dtype("<i4"), np.dtype("<f4")
TOP_MOODS = 3


def encode_neighbours(rows: np.ndarray, scores: np.ndarray) -> bytes:
    return rows.astype(ROW_DTYPE).tobytes() + scores.astype(SCORE_DTYPE).tobytes()


def decode_neighbours(blob: bytes) -> tuple[np.ndarray, np.ndarray]:
    if len(blob) % 8:
        raise StoreCorrupt("a neighbour record has a length that is not a multiple of 8")
    k = len(blob) // 8
    return (np.frombuffer(blob, ROW_DTYPE, count=k),
            np.frombuffer(blob, SCORE_DTYPE, count=k, offset=4 * k))


def track_document(track: Track, profile: MoodProfile,
                   related: Sequence[dict[str, Any]] = ()) -> dict[str, Any]:
    """The JSON description of a track that the API serves."""
    return {
        "id": track.id, "title": track.title, "artist": track.artist, "album": track.album,
        "release_date": track.release_date, "popularity": track.popularity,
        "tags": track.tags[:20], "features": track.features,
        "external_ids": dict(track.external_ids),
        "top_moods": profile.top(TOP_MOODS),
        "moods": profile.mood_list(),
        "mood_scores": {m: round(float(s), 4) for m, s in zip(MOODS, profile.scores)},
        "valence": round(profile.valence, 4), "arousal": round(profile.arousal, 4),
        "mood_confidence": round(profile.confidence, 4), "mood_source": profile.source,
        "related": list(related),
    }


def track_documents(built: BuiltModel) -> Iterator[dict[str, Any]]:
    """Every track's document, row by row."""
    for row, (track, profile) in enumerate(zip(built.tracks, built.profiles)):
        related = built.related[row] if row < len(built.related) else []
        yield track_document(track, profile, related)
