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
from ..ranking import TrackTable, placed_rows
from .ann import ANN_THRESHOLD
from .evidence import analyse_moods
from .features import AudioScaler
from .feel import FeelModel
from .feel_space import FeelWeights, feel_coordinates, feel_vectors
from .fitted import FittedState
from .neighbours import NeighbourModel
from .progress import ProgressFactory, no_progress
from .unplaced import clear_unplaced, clear_without_evidence, without_evidence
from .vectors import BlockWeights, heard_rows, vector_blocks


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
    #: what the build fitted and the hub state of every row (see ``incremental.py``)
    fitted: FittedState | None = None
    hubs: np.ndarray | None = None
    coords: np.ndarray | None = None  # feel space: own coordinates (FeelCoordinates.own)

    def table(self) -> TrackTable:
        mask = None if self.fitted is None else self.fitted.mood_mask(self.vectors.shape[1])
        return TrackTable.build(self.tracks, self.profiles, self.vectors, mood_columns=mask)


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
             ) -> tuple[np.ndarray, FittedState, np.ndarray | None]:
    """Track vectors: the learned feel space when a model is given (profiles then carry
    its valence/arousal), else the hand-weighted blocks; with an audio feel model, the
    emotion block of analysed files follows; and what was fitted."""
    heard = heard_rows(catalog.tracks, audio_feel)
    vectors, fitted, coords = _base_vectors(catalog, reviews, profiles, weights, feel_model,
                                            feel_weights, heard)
    fitted.audio_feel = audio_feel
    return fitted.with_emotions(vectors, catalog.tracks), fitted, coords


def _base_vectors(catalog: Catalog, reviews: Sequence[Review], profiles: list[MoodProfile],
                  weights: BlockWeights, feel_model: FeelModel | None,
                  feel_weights: FeelWeights, heard: np.ndarray | None,
                  ) -> tuple[np.ndarray, FittedState, np.ndarray | None]:
    if feel_model is None:
        blocks = vector_blocks(catalog.tracks, profiles)
        vectors = clear_without_evidence(blocks.combine(weights), catalog.tracks, profiles)
        return vectors, FittedState(*blocks.stats, blocks.scaler, block_weights=weights), None
    coords = feel_coordinates(feel_model, catalog.tracks, profiles, reviews, heard=heard)
    for profile, (valence, arousal) in zip(profiles, coords.va):
        profile.valence, profile.arousal = float(valence), float(arousal)
    scaler = AudioScaler()
    scaler.fit(scaler.raw_matrix(catalog.tracks))
    vectors = clear_unplaced(feel_vectors(coords, feel_weights), coords.confidence)
    return vectors, FittedState(
        *coords.stats, scaler, feel_model=feel_model, feel_weights=feel_weights), coords.own


def build(catalog: Catalog, reviews: Sequence[Review] = (), *, k: int = 100,
          weights: BlockWeights = BlockWeights(), lexicon: Lexicon | None = None,
          progress: ProgressFactory = no_progress, va_model: VaModel | None = None,
          feel_model: FeelModel | None = None, feel_weights: FeelWeights = FeelWeights(),
          audio_feel: AudioFeel | None = None,
          ann_threshold: int = ANN_THRESHOLD) -> BuiltModel:
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
    vectors, fitted, coords = _vectors(catalog, reviews, profiles, weights, feel_model,
                                       feel_weights, audio_feel)
    bar = progress("neighbours", len(catalog.tracks))
    model = NeighbourModel(k=k, ann_threshold=ann_threshold).fit(vectors,
                                                                  progress=bar.update)
    bar.close()
    fitted.va_model, fitted.k = va_model, k
    return assemble(catalog, reviews, Placement(profiles, vectors, fitted, coords, weights,
                                                analysis.comparisons,
                                                analysis.unresolved_reviews,
                                                analysis.silent_reviews,
                                                {"unresolved": analysis.unresolved_names,
                                                 "silent": analysis.silent_names}),
                    model, started)


@dataclass
class Placement:
    """Every track placed: profiles, vectors, what was fitted (its ``va_model``, ``k``
    set), the feel coordinates, the block weights asked for and what reviews said."""

    profiles: list[MoodProfile]
    vectors: np.ndarray
    fitted: FittedState
    coords: np.ndarray | None
    weights: BlockWeights
    comparisons: list[Comparison] = field(default_factory=list)
    unresolved_reviews: int = 0
    silent_reviews: int = 0
    #: "unresolved" and "silent": the first few of those reviews by name
    review_names: dict[str, list[str]] = field(default_factory=dict)


def assemble(catalog: Catalog, reviews: Sequence[Review], placed: Placement,
             model: NeighbourModel, started: float) -> BuiltModel:
    """The built model from placed tracks and their fitted neighbour model (both engines
    end here, so their models have the same form)."""
    fitted, weights, vectors = placed.fitted, placed.weights, placed.vectors
    # the plain blocks may put a track with evidence at zero too (features at the mean)
    unplaced = int(len(vectors) - placed_rows(vectors).sum()) if fitted.feel_model else \
        int(without_evidence(catalog.tracks, placed.profiles).sum())
    if unplaced == len(vectors):
        raise CatalogError("no track has anything to place it by: give the catalog audio "
                           "features, tags or notes, analyse the audio files, or add a "
                           "review that names its tracks or album")
    k, scaler = fitted.k, fitted.scaler
    fitted.metric, fitted.hubness = model.metric, model.hubness
    assert_neighbours(model.neighbours_, model.scores_, placed.comparisons)
    settings = {"k": k, "audio_weight": weights.audio, "mood_weight": weights.mood,
                "va_weight": weights.va, "va_model": fitted.va_model is not None,
                "feel_model": fitted.feel_model is not None,
                "audio_feel": fitted.audio_feel is not None}
    if fitted.feel_model is not None:
        settings.update({f"feel_{name}_weight": value
                         for name, value in vars(fitted.feel_weights).items()})
    meta = {
        "version": version_id(catalog, reviews, settings),
        "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "tracks": len(catalog.tracks), "dim": int(vectors.shape[1]),
        "k": int(model.neighbours_.shape[1]), "metric": model.metric,
        "moods": list(MOODS), "audio_features": list(scaler.features),
        "audio_mean": [float(x) for x in scaler.mean_],
        "audio_scale": [float(x) for x in scaler.scale_],
        "settings": settings, "reviews": len(reviews), "skipped_rows": catalog.skipped,
        "unresolved_reviews": placed.unresolved_reviews,
        "silent_reviews": placed.silent_reviews,
        "unresolved_review_names": placed.review_names.get("unresolved", []),
        "silent_review_names": placed.review_names.get("silent", []),
        "comparisons": len(placed.comparisons), "neighbours": model.summary,
        "unplaced_tracks": unplaced,
        "build_seconds": round(time.perf_counter() - started, 3),
    }
    return BuiltModel(tracks=catalog.tracks, profiles=placed.profiles, vectors=vectors,
                      neighbours=model.neighbours_, scores=model.scores_, meta=meta,
                      problems=catalog.problems,
                      related=related_tracks(catalog.tracks, placed.comparisons),
                      fitted=fitted, hubs=model.hubs_, coords=placed.coords)
