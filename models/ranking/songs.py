"""Song identity: which tracks of a catalog are one song in several versions.

"X - Radio Edit", "X (Live)" and "X - 2011 Remaster" by one artist are one song.  So are
"X - From 'Film'" and "X" (or "X - Soundtrack Version") when the artist has that title
from one film or show only; two cues "Main Title (From 'Star Wars')" and "Main Title
(From 'Superman')" by one composer stay two pieces.
"""
from __future__ import annotations

import re
from typing import Sequence

from ..ingest import Track
from ..language import (base_title, normalise, part_form, source_of, sourceless_base,
                        spelled_ranges)
from .credits import credited


#: titles that name a place on a record, not a song: one artist's "Intro" on two albums
#: is two pieces
GENERIC = re.compile(r"^(intro|introduction|outro|interlude|skit|untitled|prelude|prologue|"
                     r"epilogue|overture|finale|reprise|hidden track|bonus track|main titles?|"
                     r"end titles?|end credits|opening titles?|opening|ending|theme|main theme|"
                     r"track)( \d{1,3})?$")


def song_key(title: str, artist: str, album: str = "", track_id: str = "",
             base=base_title) -> str:
    """The same song across versions: "X - Radio Edit", "X (Live)", "X - 2011 Remaster".

    Without an artist, two "Intro"s are one song only on the same album; without an
    album either, every track is its own song (an untagged file, a titles-only list).
    With one, a title that only names a place on a record ("Intro", "Interlude 2",
    "Untitled") is one song per album (per track without an album).
    ``base``: how the title is read (:func:`base_title`: a source tail is kept)."""
    bare = base(title)
    # a title of symbols only ("?", an emoji) has no words: it is its own song; a part
    # is one song however written ("X - Part 1 - 2001 Remaster" and "X - Pt. 1"), and so
    # are several ("X - Part I, II, & III", "X - Pts. 1, 2 and 3", "X (Parts 1-3)")
    name = part_form(normalise(spelled_ranges(bare))) or chr(1) + title.strip()
    if GENERIC.match(name):  # one band's "Intro" on two albums (or on none: unknown)
        name += "\x00" + (normalise(album) or chr(3) + track_id)
    who = normalise(artist)
    if not who:
        who = chr(2) + normalise(album) if normalise(album) else chr(3) + track_id
    return f"{who}\x00{name}"


def song_keys(tracks: Sequence[Track]) -> list[str]:
    """Each track's song: its :func:`song_key`, with the film or show it is from read
    off where the artist's tracks of that title name one source at most ('- From
    "Armageddon" Soundtrack' and '- From the Touchstone film, "Armageddon"' are one)."""
    keys = [song_key(t.title, t.artist, t.album, t.id) for t in tracks]
    bare = [song_key(t.title, t.artist, t.album, t.id, base=sourceless_base) for t in tracks]
    sources: dict[str, set[str]] = {}
    for track, key, plain in zip(tracks, keys, bare):
        if key != plain:
            sources.setdefault(plain, set()).add(source_of(track.title) or key)
    return _across_credits(tracks, [plain if len(sources.get(plain, ())) <= 1 else key
                                    for key, plain in zip(keys, bare)])


def _across_credits(tracks: Sequence[Track], keys: list[str]) -> list[str]:
    """``keys`` with one song where a title is another's by an artist it credits: "Mad
    World" by Michael Andrews and "Mad World (Feat. Michael Andrews)" by Gary Jules are
    one recording under two credits.  The first track's key names the song (a model's
    tracks come before those added to it)."""
    by_title: dict[str, list[int]] = {}
    at: dict[str, int] = {}  # key -> its first row
    for i, key in enumerate(keys):
        by_title.setdefault(key.split("\x00", 1)[1], []).append(i)
        at.setdefault(key, i)
    first: dict[str, str] = {}  # key -> the key of its song's first track

    def song(key: str) -> str:
        while first.get(key, key) != key:
            key = first[key]
        return key
    for rows in by_title.values():
        if len(rows) < 2:
            continue
        owners: dict[str, int] = {}
        for i in rows:
            owners.setdefault(normalise(tracks[i].artist), i)
        for i in rows:
            for name in credited(tracks[i].title, tracks[i].artist):
                j = owners.get(name)
                if j is not None and song(keys[j]) != song(keys[i]):
                    a, b = sorted((song(keys[i]), song(keys[j])), key=at.__getitem__)
                    first[b] = a
    return [song(key) for key in keys]
