"""Joining outside labels to catalog tracks by normalised artist and title.

Both sides are compared through every title variant (brackets, "- Remastered"
suffixes and featured artists dropped) and through the first-billed artist, so
"Song (feat. X) - Radio Edit" by "A & B" still meets "Song" by "A".
"""
from __future__ import annotations

import re
from typing import Iterable, Sequence

from ..language import normalise, variants
from .catalog import Track

_SECOND_ARTIST = re.compile(r" (feat|featuring|ft|and|with|x|vs) ")


def artist_keys(artist: str) -> set[str]:
    norm = normalise(artist)
    return {norm, _SECOND_ARTIST.split(norm)[0]} - {""}


def match_keys(artist: str, title: str) -> set[tuple[str, str]]:
    return {(a, v) for a in artist_keys(artist) for v in variants(title)}


class TrackMatcher:
    """Finds catalog rows for (artist, title) pairs from another dataset."""

    def __init__(self, tracks: Sequence[Track]) -> None:
        self._rows: dict[tuple[str, str], set[int]] = {}
        for row, track in enumerate(tracks):
            for key in match_keys(track.artist, track.title):
                self._rows.setdefault(key, set()).add(row)

    def rows(self, artist: str, title: str) -> set[int]:
        found: set[int] = set()
        for key in match_keys(artist, title):
            found |= self._rows.get(key, set())
        return found

    def join(self, items: Iterable[tuple[str, str, object]]) -> dict[int, object]:
        """{catalog row: label} for (artist, title, label) items; first label wins."""
        out: dict[int, object] = {}
        for artist, title, label in items:
            for row in self.rows(artist, title):
                out.setdefault(row, label)
        return out
