"""The offline build: catalog + reviews -> mood profiles -> vectors -> neighbours.

``build`` returns a :class:`BuiltModel` holding everything the service stores:
tracks with their mood profiles, float32 vectors and the top-K neighbour table.
"""
from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from typing import Any, Sequence

import numpy as np

from ..audio import AudioFeel, VaModel
from ..errors import CatalogError
from ..ingest import Catalog, RowProblem, Track
from ..language import MOODS, Comparison, Lexicon, MoodProfile, Review, load_lexicon
from ..ranking import TrackTable
from .evidence import analyse_moods
from .features import AudioScaler
from .feel import FeelModel
from .feel_space import FeelWeights, feel_coordinates, feel_vectors
from .neighbours import NeighbourModel
from .progress import ProgressFactory, no_progress
from .vectors import BlockWeights, build_vectors, emotion_block


@dataclass
class BuiltModel:
    tracks: list[Track]
    profiles: list[MoodProfile]
    vectors: np.ndarray
    neighbours: np.ndarray
    scores: np.ndarray
    meta: dict[str, Any]
    problems: list[RowProblem] = field(default_factory=list)
    related: list[list[dict[str, Any]]] = field(default_factory=list)

    def table(self) -> TrackTable:
        return TrackTable.build(self.tracks, self.profiles, self.vectors)



def related_tracks(tracks: Sequence[Track], comparisons: Sequence[Comparison],
                   ) -> list[list[dict[str, Any]]]:
    """Per row, the tracks a review says it is like, with the sentence that says so."""
    related: list[list[dict[str, Any]]] = [[] for _ in tracks]
    for c in comparisons:
        for a, b in ((c.subject, c.other), (c.other, c.subject)):
            if all(r["id"] != tracks[b].id for r in related[a]):
                related[a].append({"id": tracks[b].id, "title": tracks[b].title,
                                   "sentence": c.sentence, "source": c.review.source})
    return related


def assert_neighbours(neighbours: np.ndarray, scores: np.ndarray,
                      comparisons: Sequence[Comparison]) -> None:
    """Put tracks a review calls alike at the top of each other's neighbour lists."""
    if neighbours.shape[1] == 0:
        return
    for c in comparisons:
        for a, b in ((c.subject, c.other), (c.other, c.subject)):
            row, row_scores = list(neighbours[a]), list(scores[a])
            if b in row:
                at = row.index(b)
                del row[at], row_scores[at]
            else:
                row.pop(), row_scores.pop()
            top = float(scores[a][0])
            neighbours[a] = [b, *row]
            scores[a] = [top, *row_scores]


def version_id(catalog: Catalog, reviews: Sequence[Review], settings: dict[str, Any]) -> str:
    """A sortable, content-derived model version: UTC time plus a short digest."""
    digest = hashlib.sha1()
    for track in catalog.tracks:
        digest.update(f"{track.id}\x00{track.title}\x00{len(track.tags)}".encode())
    for review in reviews:
        digest.update(review.text.encode())
    digest.update(repr(sorted(settings.items())).encode())
    return time.strftime("%Y%m%dT%H%M%SZ", time.gmtime()) + "-" + digest.hexdigest()[:8]


def _vectors(catalog: Catalog, reviews: Sequence[Review], profiles: list[MoodProfile],
             weights: BlockWeights, feel_model: FeelModel | None,
             feel_weights: FeelWeights, audio_feel: AudioFeel | None = None,
             ) -> tuple[np.ndarray, AudioScaler]:
    """Track vectors: the learned feel space when a model is given (profiles then carry
    its valence/arousal), else the hand-weighted blocks; with an audio feel model, the
    emotion block of analysed files follows."""
    heard = np.array([bool(t.analysis) for t in catalog.tracks]) if audio_feel else None
    vectors, scaler = _base_vectors(catalog, reviews, profiles, weights, feel_model,
                                    feel_weights, heard)
    if audio_feel is None:
        return vectors, scaler
    weight = feel_weights.emotion if feel_model is not None else weights.emotion
    return np.hstack([vectors, weight * emotion_block(catalog.tracks, audio_feel)]
                     ).astype(np.float32), scaler


def _base_vectors(catalog: Catalog, reviews: Sequence[Review], profiles: list[MoodProfile],
                  weights: BlockWeights, feel_model: FeelModel | None,
                  feel_weights: FeelWeights, heard: np.ndarray | None,
                  ) -> tuple[np.ndarray, AudioScaler]:
    if feel_model is None:
        return build_vectors(catalog.tracks, profiles, weights)
    coords = feel_coordinates(feel_model, catalog.tracks, profiles, reviews, heard)
    for profile, (valence, arousal) in zip(profiles, coords.va):
        profile.valence, profile.arousal = float(valence), float(arousal)
    scaler = AudioScaler()
    raw = scaler.raw_matrix(catalog.tracks)
    scaler.fit(raw)
    return feel_vectors(coords, feel_weights), scaler


def build(catalog: Catalog, reviews: Sequence[Review] = (), *, k: int = 100,
          weights: BlockWeights = BlockWeights(), lexicon: Lexicon | None = None,
          progress: ProgressFactory = no_progress, va_model: VaModel | None = None,
          feel_model: FeelModel | None = None, feel_weights: FeelWeights = FeelWeights(),
          audio_feel: AudioFeel | None = None) -> BuiltModel:
    """Run the whole offline pipeline on a loaded catalog.

    With ``feel_model`` (the default the service serves, see ``train_default_model``)
    tracks are placed in the learned feel space and ``weights`` are not used; without
    it, the three hand-weighted blocks of ``build_vectors``.  ``audio_feel`` (see
    ``models.audio.AudioFeel``) gives analysed files their moods, valence/arousal and
    emotion block."""
    if not catalog.tracks:
        raise CatalogError("the catalog has no tracks")
    started = time.perf_counter()
    lexicon = lexicon or load_lexicon()
    analysis = analyse_moods(catalog, reviews, lexicon, progress, va_model, audio_feel)
    profiles = analysis.profiles
    vectors, scaler = _vectors(catalog, reviews, profiles, weights, feel_model, feel_weights,
                               audio_feel)
    bar = progress("neighbours", len(catalog.tracks))
    model = NeighbourModel(k=k).fit(vectors, progress=bar.update)
    bar.close()
    assert_neighbours(model.neighbours_, model.scores_, analysis.comparisons)
    settings = {"k": k, "audio_weight": weights.audio, "mood_weight": weights.mood,
                "va_weight": weights.va, "va_model": va_model is not None,
                "feel_model": feel_model is not None, "audio_feel": audio_feel is not None}
    if feel_model is not None:
        settings.update({f"feel_{name}_weight": value
                         for name, value in vars(feel_weights).items()})
    meta = {
        "version": version_id(catalog, reviews, settings),
        "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "tracks": len(catalog.tracks), "dim": int(vectors.shape[1]),
        "k": int(model.neighbours_.shape[1]), "metric": model.metric,
        "moods": list(MOODS), "audio_features": list(scaler.features),
        "audio_mean": [float(x) for x in scaler.mean_],
        "audio_scale": [float(x) for x in scaler.scale_],
        "settings": settings, "reviews": len(reviews), "skipped_rows": catalog.skipped,
        "unresolved_reviews": analysis.unresolved_reviews,
        "comparisons": len(analysis.comparisons),
        "build_seconds": round(time.perf_counter() - started, 3),
    }
    return BuiltModel(tracks=catalog.tracks, profiles=profiles, vectors=vectors,
                      neighbours=model.neighbours_, scores=model.scores_, meta=meta,
                      problems=catalog.problems,
                      related=related_tracks(catalog.tracks, analysis.comparisons))
