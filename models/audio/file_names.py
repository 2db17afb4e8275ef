"""What an untagged file's name says: its title and, in the "Artist - Title" layout
that rippers and downloaders write, its artist.

Read only when the file has no title tag.  Accents are composed (NFC: a name from
macOS spells "é" as "e" and a combining accent), underscores are spaces; a leading track
number is dropped when it is written as one ("01 - Title", "01. Title", "1) Title",
"01 Title", "1-01 Title"), not when it may be part of the title ("99 Luftballons",
"1979"); the name is split at the first " - " (or en dash) into artist and title,
unless what follows is a version note ("Hey Jude - 2009 Remaster") or the file's tags
name the artist already (then a leading "Artist - " equal to it is dropped), or what
precedes it names a piece of music rather than a performer: a numbered work ("Hungarian
Dance number 5 - Allegro", "Symphony No. 9 - Presto", "Suite BWV 1007 - Prelude") or
one in a key ("Prelude in C minor - Largo").  No performer is called "No. 5" or "in F
sharp minor", and a movement after a work is the commonest dash in classical names.
"""
from __future__ import annotations

import re
import unicodedata

from ..language import is_version_note

_TRACK_NUMBER = re.compile(
    r"^(?:\d{1,3}\s*[-–.)]\s+"   # "01 - Title", "01. Title", "1) Title"
    r"|(?:\d{1,2}-)?0\d\s+)"     # "01 Title", "1-01 Title" (a leading zero: a number)
)
_SEPARATOR = re.compile(r"\s+[-–]\s+")
#: a work's number ("No. 5", "number 5", "Op. 23", "BWV 1007", "K. 331") or key ("in
#: F sharp minor", "in E-flat major"): the part before the dash is a work, not an artist
_WORK = re.compile(
    r"\b(?:no|nr|nos|number|op|opus|bwv|kv|k|hwv|rv|woo|hob|d)\.?\s*\d"
    r"|\bin [a-g](?:[ -]?(?:sharp|flat|[♯♭#]))?[ -](?:major|minor|maj|min)\b",
    re.IGNORECASE)


def _without_number(name: str) -> str:
    rest = _TRACK_NUMBER.sub("", name, count=1).strip()
    return rest or name


def name_from_file(stem: str, artist: str = "") -> tuple[str, str]:
    """(title, artist) for a file named ``stem`` (its name without the extension) whose
    tags give no title; ``artist`` is the artist its tags give, if any (kept as the
    artist).  Never empty when ``stem`` is not."""
    name = " ".join(unicodedata.normalize("NFC", stem).replace("_", " ").split())
    if not name:
        return stem, artist
    name = _without_number(name)
    parts = _SEPARATOR.split(name, maxsplit=1)
    if len(parts) < 2 or is_version_note(parts[1]) or _WORK.search(parts[0]):
        return name, artist
    first, rest = parts
    if not artist:
        return _without_number(rest), first
    if first.casefold() == artist.casefold():
        return _without_number(rest), artist
    return name, artist
