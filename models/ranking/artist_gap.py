"""Who counts for a playlist's artist gap: every artist a track credits, not its main
artist only.  "Luz y Sal (feat. Edward Sanchez)" by Funky and "Impulso (feat. Funky)"
both credit Funky, so the gap keeps them apart as it keeps two tracks by Funky.

A track credits its artist, the guests its title names ("(feat. X)", "(with X)", "feat.
X") and its artist field's ("A featuring B"): :func:`~.credits.credited`; and each name
of an artist field "A & B" or "A, B" that is itself an artist of the catalog ("Ñejo &
Dalmata" credits Ñejo when Ñejo has tracks of his own; "Earth, Wind & Fire" credits no
"Earth" unless the catalog has such an artist).
"""
from __future__ import annotations

import re
from typing import Sequence

import numpy as np

from .credits import BETWEEN, credited, name_form
from .table import TrackTable

#: a title that may name a guest, an artist field that may name more than one artist
#: (others are not parsed: most tracks credit their artist alone)
_TITLE_GUESTS = re.compile(r"\b(?:feat|ft|featuring)\b|[\(\[]\s*with\b", re.IGNORECASE)
_ARTIST_MORE = re.compile(r"\b(?:feat|ft|featuring|and)\b|[,&+;]", re.IGNORECASE)


def extra_credits(table: TrackTable, rows: np.ndarray) -> dict[int, frozenset[str]]:
    """Those of ``rows`` that credit more than their artist, and every name each
    credits.  Read from the catalog as a playlist's candidates need them and kept with
    the table, so the first playlist does not pay for the whole catalog (0.3 s over
    28k tracks, seconds over a million) and a later one only for rows new to it."""
    parsed, extra = _read(table)
    for row in rows[~parsed[rows]].tolist():
        parsed[row] = True
        if (names := _extra(table, str(table.titles[row]), str(table.artists[row]))):
            extra[row] = names
    return {row: extra[row] for row in rows[np.isin(rows, list(extra))].tolist()} \
        if extra else {}


def _read(table: TrackTable) -> tuple[np.ndarray, dict[int, frozenset[str]]]:
    """Which rows of ``table`` have had their credits read, and those crediting more."""
    kept = table.__dict__.get("_gap_credits")
    if kept is None:
        kept = table.__dict__["_gap_credits"] = (np.zeros(len(table), dtype=bool), {})
    return kept


def _extra(table: TrackTable, title: str, artist: str) -> frozenset[str] | None:
    """Every name a track credits when that is more than its artist, else None."""
    if not (_TITLE_GUESTS.search(title) or _ARTIST_MORE.search(artist)):
        return None
    names = _credits(table, title, artist)
    return names if names - {name_form(artist)} else None


def _credits(table: TrackTable, title: str, artist: str) -> frozenset[str]:
    parts = {name_form(part) for part in BETWEEN.split(artist)} if BETWEEN.search(artist) \
        else set()
    return credited(title, artist) | {p for p in parts if p and _is_artist(table, p)}


def _is_artist(table: TrackTable, name: str) -> bool:
    """Whether some track of the catalog has ``name`` (normalised) as its artist."""
    known: dict[str, bool] = table.__dict__.setdefault("_gap_artists", {})
    if name not in known:
        known[name] = bool(table.rows_by_artists({name}).any())
    return known[name]


class Crediting:
    """Which candidates (``rows`` of a table) credit a name, worked out once per name
    per playlist: their artist's tracks and the tracks naming it as a guest."""

    def __init__(self, table: TrackTable, rows: np.ndarray) -> None:
        self._table, self._rows = table, rows
        extra = extra_credits(table, rows)
        self._extra: dict[int, frozenset[str]] = {}
        self._guests: dict[str, list[int]] = {}
        for i, row in enumerate(rows.tolist()):
            if (names := extra.get(row)) is not None:
                self._extra[i] = names
                for name in names:
                    self._guests.setdefault(name, []).append(i)
        self._masks: dict[str, np.ndarray] = {}

    def names(self, placed: Sequence[int]) -> set[str]:
        """Every name the candidates ``placed`` credit."""
        out = {str(self._table.artist_keys[int(self._rows[i])]) for i in placed}
        return (out | set().union(*(self._extra.get(i, ()) for i in placed))) - {""}

    def mask(self, name: str) -> np.ndarray:
        """The candidates crediting ``name``, as a boolean mask."""
        found = self._masks.get(name)
        if found is None:
            found = self._table.rows_by_artists({name}, self._rows).copy()
            found[self._guests.get(name, [])] = True
            self._masks[name] = found
        return found
