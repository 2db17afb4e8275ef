"""Outside labels joined to catalog rows: valence/arousal per song, playlist groups."""
from __future__ import annotations

import csv
import math
from pathlib import Path
from typing import Iterator, Sequence

import numpy as np

from ..errors import CatalogError
from .catalog import Catalog
from .matching import TrackMatcher


LABEL_COLUMNS = ("artist_name", "track_name", "valence", "arousal")
GROUP_COLUMNS = ("track_id", "playlist_id", "playlist_subgenre")


def _rows(path: str | Path, needed: Sequence[str], what: str) -> Iterator[tuple[int, dict]]:
    """(line, row) of a CSV file that must have the ``needed`` columns."""
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in needed if c not in (reader.fieldnames or ())]
            if missing:
                raise CatalogError(f"{path}: {what} need the columns {', '.join(needed)}; "
                                   f"missing {', '.join(missing)}")
            for row in reader:
                yield reader.line_num, row
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise CatalogError(f"{path}: cannot read {what}: {str(exc)[:80]}") from None


def read_va_labels(path: str | Path) -> list[tuple[str, str, tuple[float, float]]]:
    """(artist, title, (valence, arousal)) of a Deezer-style labels file."""
    out = []
    for line, r in _rows(path, LABEL_COLUMNS, "valence/arousal labels"):
        try:
            va = (float(r["valence"]), float(r["arousal"]))
        except (TypeError, ValueError):
            raise CatalogError(f"{path}:{line}: valence and arousal must be numbers") from None
        if not all(map(math.isfinite, va)):
            raise CatalogError(f"{path}:{line}: valence and arousal must be finite")
        out.append((r["artist_name"] or "", r["track_name"] or "", va))
    return out


def read_groups(path: str | Path, catalog: Catalog) -> tuple[list[frozenset], list[frozenset]]:
    """Playlists and subgenres of each catalog row, from the TidyTuesday file."""
    playlists: dict[str, set] = {}
    subgenres: dict[str, set] = {}
    for _, r in _rows(path, GROUP_COLUMNS, "playlist groups (a TidyTuesday-style catalog)"):
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
