"""Catalog ingest: CSV/TSV, Parquet or JSON Lines files into one list of tracks.

Common column names are recognised (``columns``); an explicit mapping
``{"title": "Song Name"}`` overrides them.  External ids (ISRC, MusicBrainz,
Spotify, Deezer, file path, ``ext:<name>`` columns) are read by ``external_ids``; a
malformed one is reported and the row kept without it.  Rows that repeat a track id (the
TidyTuesday file has one row per track and playlist) are merged: playlist names,
genres and subgenres become the track's tags.  Malformed rows are skipped and
reported with file and line; a catalog fails only when nothing usable is left.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from ..errors import CatalogError
from ..language import normalise
from .columns import (AUDIO_FEATURES, TAG_COLUMNS, MissingColumn, column_map, in_range,
                      mapped_here, whole_features)
from .external_ids import id_columns, read_ids
from .feature_row import FeatureRow
from .printable import UNPRINTABLE_REASON, unprintable
from .delimited import NUMERIC_COLUMNS
from .cells import MAX_NOTES_CHARS, Malformed, number, tags, text
from .row_readers import READERS, csv_rows, jsonl_rows

MAX_PROBLEMS_KEPT = 1000
#: the longest track id a catalog row may carry: the longest any request can name
MAX_TRACK_ID_CHARS = 1000


@dataclass(slots=True)  # no per-track __dict__: a million tracks are held at once
class Track:
    id: str
    title: str
    artist: str = ""
    album: str = ""
    release_date: str = ""
    popularity: float | None = None
    #: name -> value; the loader gives a compact read-only ``FeatureRow``
    features: Mapping[str, float] = field(default_factory=dict)
    tags: list[str] = field(default_factory=list)
    notes: str = ""
    # kind -> value, e.g. {"isrc": "USRC17607839", "spotify": "4uLU6hMCjMI75M1A2tKUQC",
    # "path": "jazz/take-five.flac", "ext:discogs": "123"}; served as ``external_ids``
    external_ids: dict[str, str] = field(default_factory=dict)
    # an analysed file's own statistics as flat named numbers (MFCC, chroma, spectra ...;
    # ``models.audio.analysis_vector``), the inputs of the audio feel model; not served
    analysis: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class RowProblem:
    file: str
    line: int
    reason: str
    kept: bool = False  # the row was kept (only a part of it, such as an id, was dropped)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.reason}"


@dataclass
class Catalog:
    tracks: list[Track]
    problems: list[RowProblem] = field(default_factory=list)
    skipped: int = 0
    kept_with_problems: int = 0  # rows kept without a part (a malformed external id)
    merged_rows: int = 0  # rows that repeated a track id, merged into its first row

    def index(self) -> dict[str, int]:
        return {t.id: i for i, t in enumerate(self.tracks)}


def synthetic_id(title: str, artist: str) -> str:
    """A stable id for a row without one, from its normalised artist and title (in the
    normal form of before "dont" was read as "do not" and "P.Y.T." as "pyt", so an id
    does not change)."""
    artist, title = (normalise(x, bare_contractions=False, short_forms=False)
                     for x in (artist, title))
    digest = hashlib.sha1(f"{artist}\x00{title}".encode()).hexdigest()
    return f"t-{digest[:16]}"


def _cell(row: Mapping[str, Any], cols: Mapping[str, str], name: str) -> Any:
    """The row's value of our field ``name``; None when the file has no such column
    (never the value of a column whose header is empty, like a pandas index)."""
    return row.get(cols[name]) if name in cols else None


def _track(row: Mapping[str, Any], cols: Mapping[str, str], tag_cols: Sequence[str]) -> Track:
    title = text(_cell(row, cols, "title"), "title")
    if not title:
        raise Malformed("no title")
    artist = text(_cell(row, cols, "artist"), "artist")
    features = {}
    for feature in AUDIO_FEATURES:
        value = number(_cell(row, cols, feature), feature)
        if value is not None:
            features[feature] = value
    track_id = text(_cell(row, cols, "id"), "id", limit=10 * MAX_TRACK_ID_CHARS)
    if unprintable(track_id):
        raise Malformed(f"id holds {UNPRINTABLE_REASON}")
    if track_id in (".", ".."):
        raise Malformed(f"id {track_id!r} is a step in a URL path; give the track another")
    if len(track_id) > MAX_TRACK_ID_CHARS:
        raise Malformed(f"id longer than {MAX_TRACK_ID_CHARS} characters")
    return Track(
        id=track_id or synthetic_id(title, artist),
        title=title, artist=artist, album=text(_cell(row, cols, "album"), "album"),
        release_date=text(_cell(row, cols, "release_date"), "release_date"),
        popularity=number(_cell(row, cols, "popularity"), "popularity"),
        features=FeatureRow(features), tags=tags(row, tag_cols),
        notes=text(_cell(row, cols, "notes"), "notes", limit=MAX_NOTES_CHARS))


def _mapped_numbers(mapping: Mapping[str, str] | None) -> set[str]:
    """The columns a mapping gives a numeric field ("tempo=BPM": BPM)."""
    return {theirs for ours, theirs in (mapping or {}).items()
            if ours.strip().lower() in NUMERIC_COLUMNS}


def read_catalog_file(path: str | Path, mapping: Mapping[str, str] | None = None,
                      used: set[str] | None = None) -> tuple[list[Track], list[RowProblem]]:
    """Tracks (not yet merged) and row problems of one catalog file; ``used``: see
    :func:`~models.ingest.columns.mapped_here` (one of several files)."""
    path = Path(path)
    if path.is_dir():
        raise CatalogError(f"{path}: a folder, not a catalog file")
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise CatalogError(f"{path}: unsupported catalog format {path.suffix!r} "
                           f"(use .csv, .tsv, .parquet or .jsonl)")
    if not path.is_file():
        raise CatalogError(f"{path}: no such file")
    tracks, problems = [], []
    cols: dict[str, str] | None = None
    tag_cols: list[str] = []
    id_cols: dict[str, list[str]] = {}
    rows = reader(path, _mapped_numbers(mapping)) if reader is csv_rows else reader(path)
    for line, row, columns in rows:
        if not isinstance(row, dict):  # None, or the reason the row is unusable
            problems.append(RowProblem(str(path), line, row or "malformed row (wrong number "
                                                               "of fields or not a JSON object)"))
            continue
        if cols is None or reader is jsonl_rows:
            try:
                if cols is None and used is not None:
                    mapping = mapped_here(columns, mapping or {}, used)
                cols = column_map(columns, mapping or {})
            except MissingColumn as exc:  # a header lacks it: the file; a JSON row: the row
                if reader is not jsonl_rows:
                    raise CatalogError(f"{path}: {exc}") from None
                problems.append(RowProblem(str(path), line, str(exc)))
                continue
            lower = {c.lower(): c for c in columns}
            tag_cols = [lower[c] for c in TAG_COLUMNS if c in lower]
            tag_cols += [cols["tags"]] if "tags" in cols and cols["tags"] not in tag_cols else []
            id_cols = id_columns(columns, {k: cols[k] for k in mapping or {} if k in cols})
        try:
            track = _track(row, cols, tag_cols)
        except Malformed as exc:
            problems.append(RowProblem(str(path), line, str(exc)))
            continue
        track.features, dropped = in_range(track.features)
        # rounded after the range check, so its reasons quote the cell as the file gives it
        track.features = whole_features(track.features)
        problems += [RowProblem(str(path), line, reason, kept=True) for reason in dropped]
        track.external_ids, id_problems = read_ids(row, id_cols, _cell(row, cols, "id"))
        problems += [RowProblem(str(path), line, reason, kept=True)
                     for reason in id_problems]
        tracks.append(track)
    return tracks, problems


def _merged_features(kept: Mapping[str, float], other: Mapping[str, float],
                     ) -> Mapping[str, float]:
    """``kept``'s features, then those only ``other`` has (a compact row stays compact)."""
    missing = {name: value for name, value in other.items() if name not in kept}
    if not missing:
        return kept
    merged = {**kept, **missing}
    return FeatureRow(merged) if isinstance(kept, FeatureRow) else merged


def merge_tracks(tracks: Iterable[Track]) -> list[Track]:
    """One track per id: tags united, missing fields filled from later rows."""
    merged: dict[str, Track] = {}
    for track in tracks:
        kept = merged.get(track.id)
        if kept is None:
            merged[track.id] = track
            continue
        kept.tags = list(dict.fromkeys([*kept.tags, *track.tags]))
        kept.features = _merged_features(kept.features, track.features)
        kept.album = kept.album or track.album
        kept.artist = kept.artist or track.artist
        kept.release_date = kept.release_date or track.release_date
        for kind, value in track.external_ids.items():
            kept.external_ids.setdefault(kind, value)
        kept.analysis = kept.analysis or track.analysis
        kept.notes = " ".join(filter(None, dict.fromkeys([kept.notes, track.notes])))
        if track.popularity is not None:
            kept.popularity = max(kept.popularity or 0.0, track.popularity)
    return list(merged.values())


def load_catalog(paths: Sequence[str | Path] | str | Path,
                 mapping: Mapping[str, str] | None = None) -> Catalog:
    """Load and merge catalog files (one path or several); fail only when no usable
    track is left.  Of several files, ``mapping`` renames the columns of those that have
    them (and fails when none has one)."""
    if isinstance(paths, (str, Path)):  # a string is a sequence of one-letter "paths"
        paths = [paths]
    if not paths:
        raise CatalogError("no catalog given")
    tracks: list[Track] = []
    problems: list[RowProblem] = []
    used: set[str] | None = set() if len(paths) > 1 else None  # a mapping: files with it
    for path in paths:
        file_tracks, file_problems = read_catalog_file(path, mapping, used)
        tracks += file_tracks
        problems += file_problems
    for ours, theirs in (mapping or {}).items():
        if used is not None and ours not in used:
            raise CatalogError(f"column mapping {ours}={theirs}: no catalog has a column "
                               f"{theirs!r}")
    if not tracks:
        problems = [p for p in problems if not p.kept]
        where = ", ".join(map(str, paths))
        detail = f"; first problem: {problems[0]}" if problems else ""
        raise CatalogError(f"no usable tracks in {where} ({len(problems)} malformed rows"
                           f"{detail})")
    merged = merge_tracks(tracks)
    return Catalog(tracks=merged, problems=_kept_problems(problems),
                   skipped=sum(not p.kept for p in problems),
                   kept_with_problems=sum(p.kept for p in problems),
                   merged_rows=len(tracks) - len(merged))


def _kept_problems(problems: list[RowProblem]) -> list[RowProblem]:
    """At most ``MAX_PROBLEMS_KEPT`` problems in file order, skipped rows first (they are
    what a user must fix), then rows kept without a part."""
    skips = [p for p in problems if not p.kept]
    room = max(0, MAX_PROBLEMS_KEPT - len(skips))
    chosen = {id(p) for p in skips[:MAX_PROBLEMS_KEPT] + [p for p in problems if p.kept][:room]}
    return [p for p in problems if id(p) in chosen]
