"""Response models, for documentation only: what each endpoint answers.

The views build plain dicts; these pydantic models describe them (field by field, with
examples) so the OpenAPI document can give every 200 and every error a schema, and the
test suite checks real answers against those schemas.  Nothing validates responses at
run time.
"""
from __future__ import annotations

from typing import Annotated, Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field
from typing_extensions import TypedDict  # pydantic takes typing's only from Python 3.12

from models.ingest import AUDIO_FEATURES, FEATURE_RANGES, WHOLE_FEATURES

from ..requests import MoodName

VERSION = Field(description="The model version that answered (a build timestamp and a "
                            "content hash).", examples=["20261125T204030Z-d62af65e"])
MOODS = Field(description="The track's top moods, best first (at most 3).",
              examples=[["lonely", "eerie", "sad"]])
EXTERNAL_IDS = Field(
    description="The track's ids in other systems, by kind: isrc, mbid (MusicBrainz "
                "recording), spotify, deezer, path (a file), ext:NAME; each also works as "
                "a seed written kind:value (spotify:track:ID for Spotify).",
    examples=[{"isrc": "GBUM71900187", "spotify": "7qEHsqek33rTcFNT9PFqLf"}])
TEXT_READ = Field(None, description="Present when text was given: what it was read as.")
SPELT = Field(None, description="Present when a seed's title was taken for a near spelling "
                                "(another song may be meant).", examples=[[
                  "seed: no title 'Fur Elise'; took the nearest spelling, 'For Elise'"]])
UNKNOWN_IDS = Field(
    None, ge=0, description="Present when include_ids was given: how many of its entries "
                            "name no track of this model (they were ignored).",
    examples=[3])


class Doc(BaseModel):
    """Base: documented fields; a client should ignore fields it does not know."""

    model_config = ConfigDict(extra="allow")


class TextRead(Doc):
    """What the request's text was read as."""

    moods: dict[str, float] = Field(description="Moods it asks for (strongest 1).",
                                    examples=[{"aggressive": 1.0, "energetic": 0.4}])
    tags: list[str] = Field(description="Words naming tags of the catalog: tracks with "
                                        "those tags rank first.", examples=[["metal"]])


class TrackRef(Doc):
    """The short form of a track in every response."""

    id: str = Field(description="The track id.", examples=["her-loneliness-3"])
    title: str = Field(description="The track's title.", examples=["Loneliness #3"])
    artist: str = Field(description="The artist (may be empty).", examples=["Arcade Fire"])
    album: str = Field(description="The album (may be empty).", examples=["Her"])


NEGATIVE_SEEDS = Field(None, description="Present when negative_seeds were given: each as "
                                         "resolved, in order (a title names one track).")


class Result(TrackRef):
    """One recommendation: a track with its score, top moods and reasons."""

    score: float = Field(description="Relevance; higher is closer (similarity for a single "
                                     "seed, in [0, 1]).", examples=[0.9582])
    moods: list[MoodName] = MOODS  # type: ignore[valid-type]
    why: list[str] = Field(description="Short reasons, in plain words.",
                           examples=[["shares the moods lonely, sad", "close tempo"]])
    external_ids: dict[str, str] = EXTERNAL_IDS


class Page(Doc):
    """Where a page of results lies in the whole list."""

    offset: int = Field(ge=0, description="Results skipped before this page.", examples=[0])
    next_offset: int | None = Field(description="The offset of the next page; null when "
                                    "the list ended or pages go no deeper (500 results).",
                                    examples=[10])


class Recommendations(Page):
    """Answer of ``GET /v1/recommendations``: tracks that feel like one seed."""

    seed: TrackRef = Field(description="The track the seed resolved to.")
    model_version: str = VERSION
    results: list[Result] = Field(description="Best first; never the seed or another "
                                              "version of it.")
    warnings: Optional[list[str]] = SPELT


class RichRecommendations(Page):
    """Answer of ``POST /v1/recommendations``."""

    seed: Optional[TrackRef] = Field(description="The first seed, or null without seeds.")
    seeds: list[TrackRef] = Field(description="Every seed, as resolved, in order.")
    model_version: str = VERSION
    results: list[Result] = Field(description="Best first (maximal-marginal-relevance "
                                              "order when diversity is above 0).")
    random_seed: Optional[int] = Field(
        None, ge=0, le=2**32 - 1,
        description="Present when temperature is above 0: the seed used; send it back "
                    "to get the same list.", examples=[2552128789])
    include_ids_unknown: Optional[int] = UNKNOWN_IDS
    negative_seeds: Optional[list[TrackRef]] = NEGATIVE_SEEDS
    text_read: Optional[TextRead] = TEXT_READ
    warnings: Optional[list[str]] = Field(
        None, description="What was ignored or came out empty (absent when nothing).",
        examples=[["text: no mood words recognised; it was ignored"]])


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


class SearchResult(TrackRef):
    """One search hit."""

    moods: list[MoodName] = MOODS  # type: ignore[valid-type]
    external_ids: dict[str, str] = EXTERNAL_IDS
    placed: bool = Field(description="false: never recommended; as the only seed a 400 "
                         "seed_without_evidence (see the track document).", examples=[True])


class Search(Page):
    """Answer of ``GET /v1/tracks`` (no more pages when no more tracks resemble the query,
    or at the 500th match)."""

    query: str = Field(description="The query, as read (stripped).",
                       examples=["someone you loved"])
    model_version: str = VERSION
    results: list[SearchResult] = Field(description="Best match first.")


class Entry(TrackRef):
    """A track of a playlist or path, with what a DJ needs to sequence it."""

    position: int = Field(ge=0, description="Position, from 0.", examples=[0])
    valence: Optional[float] = Field(description="Valence, -1 to 1.", examples=[-0.291])
    arousal: Optional[float] = Field(description="Arousal, -1 to 1.", examples=[-0.208])
    tempo: Optional[float] = Field(description="Beats per minute, or null.", examples=[88.0])
    energy: Optional[float] = Field(description="Energy 0-1, or null.", examples=[0.4])
    key: Optional[str] = Field(description="Key such as 'C major', or null.",
                               examples=["A minor"])
    camelot: Optional[str] = Field(description="Camelot code such as '8A', or null.",
                                   examples=["8A"])
    duration_ms: Optional[int] = Field(description="Length in milliseconds, or null.",
                                       examples=[240000])
    moods: list[MoodName] = MOODS  # type: ignore[valid-type]
    score: float = Field(description="Relevance to the request; on a path, how near the "
                         "track lies to the straight line between the ends in mood "
                         "space (1 on it, 0 a whole path's length away).",
                         examples=[0.4662])
    external_ids: dict[str, str] = EXTERNAL_IDS


class ArcPoint(Doc):
    """Where the arc aims at one position."""

    position: int = Field(ge=0, description="Position, from 0.", examples=[0])
    valence: float = Field(description="Target valence.", examples=[-0.5])
    arousal: float = Field(description="Target arousal.", examples=[-0.55])


class Playlist(Doc):
    """Answer of ``POST /v1/playlists`` (format json)."""

    model_version: str = VERSION
    title: str = Field(description="The title sent, or one made from the arc or first seed.",
                       examples=["From lonely to hopeful"])
    seeds: list[TrackRef] = Field(description="Every seed, as resolved, in order (the seeds "
                                              "and their other versions are not in tracks).")
    tracks: list[Entry] = Field(description="In playing order (may be shorter than length: "
                                            "see warnings).")
    arc: list[ArcPoint] = Field(description="The target of each position.")
    random_seed: Optional[int] = Field(
        None, ge=0, le=2**32 - 1,
        description="Present when temperature is above 0 and there is no arc: the seed "
                    "used; send it back to get the same playlist.", examples=[2552128789])
    include_ids_unknown: Optional[int] = UNKNOWN_IDS
    negative_seeds: Optional[list[TrackRef]] = NEGATIVE_SEEDS
    text_read: Optional[TextRead] = TEXT_READ
    warnings: Optional[list[str]] = Field(
        None, description="Why the playlist is short or a part was ignored (absent when "
                          "nothing).", examples=[["only 12 tracks fit the rules"]])


class Path(Doc):
    """Answer of ``GET /v1/path``."""

    from_: TrackRef = Field(alias="from", description="The start track.")
    to: TrackRef = Field(description="The end track.")
    model_version: str = VERSION
    tracks: list[Entry] = Field(description="Both ends included, in order along the path.")
    warnings: Optional[list[str]] = SPELT


def schema_of(model: type[BaseModel]) -> dict[str, Any]:
    """The JSON Schema of a response model (as serialised, by alias)."""
    return model.model_json_schema(by_alias=True, mode="serialization")


#: every response model by component name.
RESPONSES: dict[str, type[BaseModel]] = {m.__name__: m for m in (
    TrackRef, Result, Recommendations, RichRecommendations, Evidence, MoodScore, Related,
    TrackDocument, SearchResult, Search, Entry, ArcPoint, Playlist, Path)}
