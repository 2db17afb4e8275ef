"""Reading one catalog cell: a number, a piece of text, a list of tags.

A cell comes from CSV (text), JSON Lines (any JSON value) or Parquet (typed); each
reader here takes any of them and raises :class:`Malformed` for a value no track can
hold (a title that is a JSON object, a number that is not finite, a name longer than
any page shows).
"""
from __future__ import annotations

import math
import sys
from typing import Any, Iterable, Mapping

TAG_SEPARATORS = (";", "|")
#: no feature or popularity is larger (a duration of 11 days in ms is 1e9); far larger
#: values overflow the float32 tables and their statistics
MAX_MAGNITUDE = 1e9
MISSING = frozenset({"", "na", "n/a", "nan", "null", "none"})
#: the longest title, artist, album or date a row may carry: every answer repeats them
MAX_NAME_CHARS = 1000
#: the longest notes (free text read for moods, a review at most; a long liner note is kept)
MAX_NOTES_CHARS = 1_000_000


class Malformed(ValueError):
    """A row that cannot become a track: the reason, for the row's problem."""


def number(value: Any, name: str) -> float | None:
    """A cell as a number; None when missing (empty, "NaN", null or a NaN value)."""
    if value is None or (isinstance(value, str) and value.strip().lower() in MISSING):
        return None
    try:
        found = float(value)
    except (TypeError, ValueError, OverflowError):
        raise Malformed(f"{name} is not a number: {str(value)[:40]!r}") from None
    if math.isnan(found):
        return None
    if not abs(found) <= MAX_MAGNITUDE:  # inf too: it would poison every statistic
        raise Malformed(f"{name} is out of range: {str(value)[:40]!r}")
    return found


def text(value: Any, name: str = "", limit: int = MAX_NAME_CHARS) -> str:
    """A cell as text ("" when missing); a list (a JSON array of artists) joined with
    ", "; a JSON object, or text longer than ``limit``, is no ``name``."""
    if isinstance(value, (list, tuple)):
        value = ", ".join(filter(None, (text(item, name, limit) for item in value)))
    elif isinstance(value, dict):
        raise Malformed(f"{name or 'a field'} is a JSON object, not text")
    found = "" if value is None else str(value).strip()
    if len(found) > limit:
        raise Malformed(f"{name or 'a field'} is longer than {limit:,} characters")
    return "" if found.lower() in MISSING else found


def tags(row: Mapping[str, Any], columns: Iterable[str]) -> list[str]:
    """The tags of a row's tag columns: lists, or text split at ``;`` and ``|``."""
    out: list[str] = []
    for col in columns:
        value = row.get(col)
        for item in value if isinstance(value, list) else [value]:
            try:
                found = text(item, "a tag", limit=MAX_NOTES_CHARS)
            except Malformed:  # a JSON object is no tag: the row stays
                continue
            for sep in TAG_SEPARATORS:
                found = found.replace(sep, "\x00")
            # interned: a tag is shared by many rows (a playlist name by a hundred); one
            # longer than a name may be is left out, the cell's others kept
            out += [sys.intern(t.strip()) for t in found.split("\x00")
                    if t.strip() and len(t.strip()) <= MAX_NAME_CHARS]
    return list(dict.fromkeys(out))
