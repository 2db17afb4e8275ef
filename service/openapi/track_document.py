"""The track document's response models (``GET /v1/tracks/{id}``), for documentation
only, as in ``responses.py``: the mood evidence, related tracks and audio features."""
from __future__ import annotations

from typing import Annotated, Any, Literal, Optional

from pydantic import Field
from typing_extensions import TypedDict  # pydantic takes typing's only from Python 3.12

from models.ingest import AUDIO_FEATURES, FEATURE_RANGES, WHOLE_FEATURES

from ..requests import MoodName
from .response_base import EXTERNAL_IDS, MOODS, VERSION, Doc, TrackRef


class Evidence(Doc):
    """One phrase that gave a track a mood."""

    phrase: str = Field(description="The words that matched.", examples=["lonely"])
    source: str = Field(description="Where: a review, the catalog notes or a tag.",
                        examples=["catalog notes"])
    start: int = Field(description="Character offset of the phrase in the sentence.",
                       examples=[0])
    end: int = Field(description="Character offset just after the phrase.", examples=[6])
    weight: float = Field(description="How much the phrase counted.", examples=[1.0])
    sentence: str = Field(description="The sentence it is in (empty for a tag).",
                          examples=["lonely, eerie and late-night"])


class MoodScore(Doc):
    """One mood of a track with its score and evidence."""

    mood: MoodName = Field(description="The mood.", examples=["lonely"])  # type: ignore
    score: float = Field(description="Score, 0 to 1.", examples=[0.7981])
    evidence: list[Evidence] = Field(description="The phrases behind it, strongest first.")


class Related(Doc):
    """A track a review says this one is like."""

    id: str = Field(description="The related track's id.", examples=["3AJwUDP919kvQ9QcozQPxg"])
    title: str = Field(description="Its title.", examples=["Song on the Beach"])
    sentence: str = Field(description="The review sentence that links them.")
    source: str = Field(description="The review it comes from.")


_WHOLE = {"key": ("Pitch class, 0 (C) to 11 (B); -1: no key.", {"ge": -1, "le": 11}),
          "mode": ("1 major, 0 minor.", {"ge": 0, "le": 1}),
          # no maximum: an analysed file's length is not held to a catalog's range
          "duration_ms": ("Length in milliseconds.", {"ge": 0})}


def _feature(name: str) -> Any:
    """A feature's type: the ``WHOLE_FEATURES`` are served as JSON integers
    (``service.store.codec``), the others as numbers."""
    if name in WHOLE_FEATURES:
        description, bounds = _WHOLE[name]
        return Annotated[int, Field(**bounds, description=description)]
    low, high = FEATURE_RANGES[name]
    return Annotated[float, Field(description=f"{name} ({low:g} to {high:g}).")]


#: a track document's ``features``: each present only when known (never null); a
#: TypedDict, not a model, since a model's optional field would be declared nullable
TrackFeatures = TypedDict(  # type: ignore[misc]
    "TrackFeatures", {name: _feature(name) for name in AUDIO_FEATURES}, total=False)
TrackFeatures.__doc__ = ("A track's audio features by name, on Spotify's scales; only those "
                         "known. key (-1: none), mode (0 minor, 1 major) and duration_ms "
                         "are integers.")


class TrackDocument(TrackRef):
    """Answer of ``GET /v1/tracks/{id}``: everything feelalike knows about a track."""

    release_date: str = Field(description="As in the catalog (may be empty).",
                              examples=["2013-12-18"])
    popularity: Optional[float] = Field(
        description="Popularity 0-100, or null: as the catalog gave it (an integer when "
                    "whole; a catalog may give a fraction).", examples=[40])
    tags: list[str] = Field(description="Genres, subgenres and playlist names (at most 20).",
                            examples=[["indie", "soundtrack"]])
    features: TrackFeatures = Field(  # type: ignore[valid-type]
        description="Audio features by name (danceability, energy, valence, tempo, "
                    "loudness, ...); only those known.",
        examples=[{"energy": 0.21, "tempo": 98.0, "key": 9, "mode": 0,
                   "duration_ms": 222000}])
    top_moods: list[MoodName] = MOODS  # type: ignore[valid-type]
    moods: list[MoodScore] = Field(description="Moods scoring at least 0.1, best first.")
    mood_scores: dict[str, float] = Field(description="All 16 mood scores (0-1), by mood.",
                                          examples=[{"lonely": 0.7981, "sad": 0.2494}])
    valence: Optional[float] = Field(description="Valence, -1 (negative) to 1 (positive); "
                                     "null when `placed` is false.", examples=[-0.29])
    arousal: Optional[float] = Field(description="Arousal, -1 (calm) to 1 (excited); null "
                                     "when `placed` is false.", examples=[-0.21])
    mood_confidence: float = Field(description="How sure the mood profile is, 0 to 1.",
                                   examples=[0.67])
    mood_source: Literal["reviews", "tags", "audio", "none"] = Field(
        description="The strongest kind of evidence behind the moods.", examples=["reviews"])
    external_ids: dict[str, str] = EXTERNAL_IDS
    related: list[Related] = Field(description="Tracks a review says this one is like.")
    placed: bool = Field(description="false: the build had nothing to place the track by "
                                     "(a title and nothing else): never recommended, and "
                                     "as the only seed a 400 seed_without_evidence.",
                         examples=[True])
    model_version: str = VERSION
