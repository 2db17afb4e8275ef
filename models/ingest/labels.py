"""Outside labels joined to catalog rows: valence/arousal per song, playlist groups."""
from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

from .catalog import Catalog
from .matching import TrackMatcher


def read_va_labels(path: str | Path) -> list[tuple[str, str, tuple[float, float]]]:
    with open(path, newline="", encoding="utf-8") as handle:
        return [(r["artist_name"], r["track_name"], (float(r["valence"]), float(r["arousal"])))
                for r in csv.DictReader(handle)]


def read_groups(path: str | Path, catalog: Catalog) -> tuple[list[frozenset], list[frozenset]]:
    """Playlists and subgenres of each catalog row, from the TidyTuesday file."""
    playlists: dict[str, set] = {}
    subgenres: dict[str, set] = {}
    with open(path, newline="", encoding="utf-8") as handle:
        for r in csv.DictReader(handle):
            playlists.setdefault(r["track_id"], set()).add(r["playlist_id"])
            subgenres.setdefault(r["track_id"], set()).add(r["playlist_subgenre"])
    return ([frozenset(playlists.get(t.id, ())) for t in catalog.tracks],
            [frozenset(subgenres.get(t.id, ())) for t in catalog.tracks])


def labelled_rows(matcher: TrackMatcher, labels) -> tuple[np.ndarray, np.ndarray]:
    """One catalog row per labelled song (a song listed under several ids would
    otherwise be its own perfect recommendation)."""
    joined: dict[int, tuple[float, float]] = {}
    for artist, title, va in labels:
        rows = matcher.rows(artist, title) - set(joined)
        if rows:
            joined[min(rows)] = va
    rows = np.array(sorted(joined), dtype=np.int64)
    return rows, np.array([joined[r] for r in rows], dtype=np.float64).reshape(-1, 2)
