"""Which of a catalog file's columns hold which of our fields.

Common column names are recognised (``ALIASES``, the audio features by name, the tag
columns); an explicit mapping ``{"title": "Song Name"}`` overrides them and must name
a field we know and a column the file has.
"""
from __future__ import annotations

import math
from typing import Mapping, Sequence

from ..errors import CatalogError
from .external_ids import EXT, ID_COLUMNS
from .feature_row import FeatureRow

AUDIO_FEATURES: tuple[str, ...] = (
    "danceability", "energy", "key", "loudness", "mode", "speechiness", "acousticness",
    "instrumentalness", "liveness", "valence", "tempo", "duration_ms",
)
#: the values each feature can take on Spotify's scales; a value outside is left out of
#: its row and reported (a catalog on a 0-100 scale, or a typo, would skew the model)
_SHARES = ("danceability", "energy", "speechiness", "acousticness", "instrumentalness",
           "liveness", "valence")
FEATURE_RANGES: dict[str, tuple[float, float]] = {
    **{name: (0.0, 1.0) for name in _SHARES}, "mode": (0.0, 1.0), "key": (-1.0, 11.0),
    "loudness": (-100.0, 20.0), "tempo": (0.0, 1000.0), "duration_ms": (0.0, 1e9)}
#: features that count or name a choice: a pitch class (-1: none), a mode (0 minor, 1
#: major), a length in ms.  They are held whole (a fraction a catalog gives is rounded)
#: so the API can declare and serve them as integers, which typed clients read into
#: integer fields
WHOLE_FEATURES: tuple[str, ...] = ("key", "mode", "duration_ms")
ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "track_id", "spotify_id", "trackid"),
    "title": ("title", "track_name", "name", "track_title", "song", "song_name", "track"),
    "artist": ("artist", "track_artist", "artist_name", "artists", "performer"),
    "album": ("album", "track_album_name", "album_name", "album_title"),
    "release_date": ("release_date", "track_album_release_date", "year", "released"),
    "popularity": ("popularity", "track_popularity"),
    "notes": ("notes", "mood_notes", "description", "comment", "comments"),
}
TAG_COLUMNS = ("tags", "tag", "genre", "genres", "playlist_name", "playlist_genre",
               "playlist_subgenre", "subgenre", "mood", "moods")
#: the tag of an analysed file that sounds like speech (``models.audio.speech``); such
#: tracks are left out of music recommendations (``models.ranking.query.allowed``)
SPEECH_TAG = "speech"


class MissingColumn(ValueError):
    """A mapped column the file (or a JSON Lines row) does not have."""


class TwiceNamed(MissingColumn):
    """A column read for a field is named twice in the header: reported as a missing one
    is (the file, or a JSON row)."""


def _known_field(name: str) -> bool:
    return (name in ALIASES or name in AUDIO_FEATURES or name == "tags"
            or name in ID_COLUMNS or name.startswith(EXT))


def _find_column(columns: Sequence[str], name: str) -> str | None:
    """The file's column called ``name``, or whose header is ``name`` with spaces around."""
    if name in columns:
        return name
    return next((c for c in columns if c is not None and str(c).strip() == name), None)


def column_map(columns: Sequence[str], mapping: Mapping[str, str],
               used: set[str] | None = None) -> dict[str, str]:
    """Our field name -> the file's column name.  ``used``: one of several files is
    read, and a mapped column it lacks is left out (the names of the fields mapped are
    added to ``used``) instead of failing."""
    lower = {c.strip().lower(): c for c in columns if c is not None}
    found: dict[str, str] = {}
    for ours, names in ALIASES.items():
        hit = next((lower[n] for n in names if n in lower), None)
        if hit is not None:
            found[ours] = hit
    for feature in AUDIO_FEATURES:
        if feature in lower:
            found[feature] = lower[feature]
    for ours, theirs in mapping.items():
        if not _known_field(ours):
            raise CatalogError(f"column mapping {ours}={theirs}: no field {ours!r}; fields: "
                               f"{', '.join([*ALIASES, *AUDIO_FEATURES, 'tags'])}, or an "
                               "external id kind (isrc, spotify, ext:NAME ...)")
        column = _find_column(columns, theirs)
        if column is None and used is not None:
            continue
        if column is None:
            have = ", ".join(map(str, columns))
            raise MissingColumn(f"column mapping {ours}={theirs}: no column {theirs!r}; "
                                 f"the file has {have[:200]}")
        found[ours] = column
        if used is not None:
            used.add(ours)
    _refuse_twice_named(columns, found)
    return found


def _refuse_twice_named(columns: Sequence[str], found: Mapping[str, str]) -> None:
    """A column read for a field whose name the header gives twice ("title" and "Title ")
    holds it in one of them: which is a guess, so the file is refused."""
    names = [str(c).strip().lower() for c in columns if c is not None]
    for ours, column in found.items():
        if names.count(str(column).strip().lower()) > 1:
            raise TwiceNamed(f"the header names the column {str(column).strip()[:40]!r} "
                             f"more than once (read for {ours}); rename or remove one")


def mapped_here(columns: Sequence[str], mapping: Mapping[str, str],
                used: set[str]) -> dict[str, str]:
    """The part of ``mapping`` whose columns one of several files has (by its header,
    or a JSON Lines file's first row), added to ``used``: the file's later rows are held
    to it, the rest of the mapping is left to the other files."""
    here: set[str] = set()
    column_map(columns, mapping, here)
    used |= here
    return {ours: theirs for ours, theirs in mapping.items() if ours in here}


def in_range(features: Mapping[str, float]) -> tuple[Mapping[str, float], list[str]]:
    """``features`` without the values outside their ``FEATURE_RANGES``, and why each of
    those was left out."""
    dropped = [name for name, value in features.items()
               if name in FEATURE_RANGES and
               not FEATURE_RANGES[name][0] <= value <= FEATURE_RANGES[name][1]]
    if not dropped:
        return features, []
    reasons = [f"{name} {features[name]:g} is outside {FEATURE_RANGES[name][0]:g}.."
               f"{FEATURE_RANGES[name][1]:g} (Spotify's scale); left out" for name in dropped]
    kept = {name: value for name, value in features.items() if name not in dropped}
    return FeatureRow(kept), reasons


def round_half_up(value: float) -> int:
    """The whole number nearest ``value``, halves up (``round`` would take 1000.5 to
    1000 and 1001.5 to 1002)."""
    return math.floor(value + 0.5)


def whole_features(features: Mapping[str, float]) -> Mapping[str, float]:
    """``features`` with the :data:`WHOLE_FEATURES` rounded to whole numbers (still
    floats, as every feature is held); ``features`` itself when they are whole already.
    A value in its ``FEATURE_RANGES`` stays in them (the bounds are whole)."""
    fractional = {name for name in WHOLE_FEATURES
                  if name in features and not float(features[name]).is_integer()}
    if not fractional:
        return features
    rounded = {name: float(round_half_up(value)) if name in fractional else value
               for name, value in features.items()}
    return FeatureRow(rounded) if isinstance(features, FeatureRow) else rounded
