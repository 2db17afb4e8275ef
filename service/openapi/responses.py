"""Response models, for documentation only: what each endpoint answers.

The views build plain dicts; these pydantic models describe them (field by field, with
examples) so the OpenAPI document can give every 200 and every error a schema, and the
test suite checks real answers against those schemas.  Nothing validates responses at
run time.
"""
from __future__ import annotations

from typing import Any, Optional

from pydantic import BaseModel, Field

from ..requests import MoodName
from .response_base import (EXTERNAL_IDS, MOODS, SPELT, TEXT_READ, UNKNOWN_IDS, VERSION, Doc,
                            TextRead, TrackRef)
from .track_document import Evidence, MoodScore, Related, TrackDocument

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
    tracks: list[Entry] = Field(description="In playing order (may be shorter than length "
                                            "or minutes: see warnings).")
    arc: list[ArcPoint] = Field(description="The target of each position (with minutes: "
                                            "of each track, by the time it starts).")
    duration_ms: int = Field(ge=0, description="The tracks' total length in ms, each without "
                                               "a duration counted as the catalog's median.",
                             examples=[2712000])
    durations_estimated: int = Field(ge=0, description="How many tracks have no duration "
                                                       "(counted at the median).",
                                     examples=[0])
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
