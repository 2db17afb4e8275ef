"""Bodies of the admin routes: tracks to add (``POST /v1/admin/tracks``), ids to
remove (``POST /v1/admin/removals``) and the version to roll back to (``POST
/v1/admin/rollback``).

A track row has the fields of a catalog row: ``id`` and ``title`` are required, the
rest optional; ``features`` takes only the known audio features.
"""
from __future__ import annotations

import re
import unicodedata
from datetime import date

from pydantic import Field, create_model, field_validator, model_validator

from models.ingest import AUDIO_FEATURES, FEATURE_RANGES, Track, whole_features

from .types import (
    MAX_ID_CHARS,
    MAX_TEXT,
    MAX_TITLE,
    Body,
    fail,
    identifier,
    integer,
    number,
    quote,
    text,
)

_DATE = re.compile(r"[1-9][0-9]{3}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?")


def _a_real_date(text: str) -> bool:
    """YYYY, YYYY-MM or a YYYY-MM-DD that exists, in ASCII digits."""
    if not _DATE.fullmatch(text):
        return False
    try:
        return len(text) < 10 or bool(date.fromisoformat(text))
    except ValueError:  # 2023-02-30
        return False


FEATURE_EXAMPLES = {"tempo": 120.0, "loudness": -8.0, "duration_ms": 215000, "key": 5,
                    "mode": 1}
MAX_TRACKS = 1000  # per request: larger batches go through `feelalike add --catalog`
MAX_TAGS = 50
TrackId = identifier(MAX_TITLE)
Tag = text(MAX_TITLE)
RemovalId = text(MAX_ID_CHARS)  # ids of catalog files may be long paths
MAX_VERSION_CHARS = 100  # a version id is a time and a hash: 25 characters

Features = create_model(  # type: ignore[call-overload]
    "Features", __base__=Body, __module__=__name__,
    __doc__="Audio features of a track (Spotify's scales); every one is optional. A "
            "fractional mode or duration_ms is rounded to a whole number, as in a catalog.",
    **{name: ((integer(-1, 11) if name == "key" else number(*FEATURE_RANGES[name])) | None,
              Field(None, description=f"The track's {name} ({FEATURE_RANGES[name][0]:g} to "
                                      f"{FEATURE_RANGES[name][1]:g}).",
                    examples=[FEATURE_EXAMPLES.get(name, 0.5)]))
       for name in AUDIO_FEATURES})


class TrackRow(Body):
    """One track to add, with the fields of a catalog row."""

    id: TrackId = Field(description="The track's id; must not be in the model yet.",
                        examples=["new-track-1"])
    title: text(MAX_TITLE) = Field(description="The track's title.",  # type: ignore[valid-type]
                                   examples=["Night Drive"])
    artist: str = Field("", max_length=MAX_TITLE, description="The artist.",
                        examples=["The Midnight"])
    album: str = Field("", max_length=MAX_TITLE, description="The album.",
                       examples=["Endless Summer"])
    release_date: str = Field("", max_length=40, description="Release date (YYYY-MM-DD, "
                              "YYYY-MM or a year).", examples=["2016-08-05"])
    popularity: number(0, 100) | None = Field(  # type: ignore[valid-type]
        None, description="Popularity, 0-100.", examples=[55])
    tags: list[Tag] = Field(  # type: ignore[valid-type]
        default_factory=list, max_length=MAX_TAGS,
        description="Genres, subgenres and playlist names.",
        examples=[["synthwave", "night drive"]])
    features: Features = Field(  # type: ignore[valid-type]
        default_factory=Features, description="Audio features (danceability, energy, "
        "valence, tempo, ...).", examples=[{"energy": 0.62, "valence": 0.35, "tempo": 118}])
    notes: str = Field("", max_length=MAX_TEXT, description="Free text about how the track "
                       "feels, read for moods like catalog notes.",
                       examples=["wistful, late-night and warm"])

    @field_validator("release_date")
    @classmethod
    def _a_date(cls, value: str) -> str:
        if value.strip() and not _a_real_date(value.strip()):
            raise fail(f"must be YYYY-MM-DD, YYYY-MM or a year, got {quote(value)}")
        return value

    def track(self) -> Track:
        features = {k: float(v) for k, v in self.features.model_dump().items() if v is not None}
        return Track(id=self.id, title=self.title, artist=self.artist.strip(),
                     album=self.album.strip(), release_date=self.release_date.strip(),
                     popularity=self.popularity, features=whole_features(features),
                     tags=list(dict.fromkeys(self.tags)), notes=self.notes.strip())


class AddTracksBody(Body):
    """Tracks to add to the live model, published as a new model version."""

    tracks: list[TrackRow] = Field(min_length=1, max_length=MAX_TRACKS,
                                   description=f"1 to {MAX_TRACKS} track rows; ids must be "
                                               "new and distinct.",
                                   examples=[[{"id": "new-track-1", "title": "Night Drive",
                                               "artist": "The Midnight",
                                               "features": {"energy": 0.62}}]])

    @model_validator(mode="after")
    def _distinct_ids(self) -> "AddTracksBody":
        seen: set[str] = set()
        for i, row in enumerate(self.tracks):  # "é" composed or not looks the same
            if unicodedata.normalize("NFC", row.id) in seen:
                raise fail(f"id {quote(row.id)} is given twice", at=f"tracks.{i}.id")
            seen.add(unicodedata.normalize("NFC", row.id))
        return self

    def rows(self) -> list[Track]:
        return [row.track() for row in self.tracks]


class RemoveTracksBody(Body):
    """Track ids to remove from the live model, published as a new model version."""

    ids: list[RemovalId] = Field(  # type: ignore[valid-type]
        min_length=1, max_length=MAX_TRACKS,
        description=f"1 to {MAX_TRACKS} ids of tracks in the model.",
        examples=[["new-track-1"]])
    force: bool = Field(False, description="Remove them even when the model would lose "
                                           "more of its tracks than FEELALIKE_MAX_SHRINK "
                                           "allows (else a 400 model_shrinks).",
                        examples=[False])


class RollbackBody(Body):
    """Which model version ``POST /v1/admin/rollback`` makes live again (no body, ``{}``
    or ``"version": null``: the one live before the last update or command)."""

    version: text(MAX_VERSION_CHARS) | None = Field(  # type: ignore[valid-type]
        None, description="A version listed by GET /v1/admin/versions; left out: the "
                          "previous one.", examples=["20261125T204030Z-d62af65e"])
