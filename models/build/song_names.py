"""Which song a track of an updated model is, read beside the model's other tracks, and
the table strings of tracks whose names changed without a build.

A track's song (one version per song in a ranking) depends on its title and artist and
on the model's other tracks of that artist or title ("X - From 'Film'" is X when the
artist has that title from one film only; "X (feat. A)" by B is A's "X").  An add reads
the new tracks' songs this way; so does a sync that finds an untagged file renamed, as
such a file is called by its name.
"""
from __future__ import annotations

from typing import Collection, Mapping, Sequence

from ..ingest import Track
from ..language import base_title, normalise, sourceless_base
from ..ranking import credited, song_key, song_keys


def keys_beside(strings: dict, tracks: Sequence[Track],
                skip: Collection[int] = ()) -> list[str]:
    """The ``tracks``' songs read beside the model's tracks (a track table's decoded
    string payload) by their artists, as a full build reads them, and beside its tracks
    of the same titles (one may be the same recording under another credit: "X (feat.
    A)" by B and "X" by A); rows in ``skip`` are not read. The model's own keys are not
    changed: a track of one of its songs takes that song's stored key (the track that
    named the song may have been removed since)."""
    artists = {name for t in tracks for name in credited(t.title, t.artist)}
    titles = {song_key(t.title, t.artist, t.album, t.id, base=base).split("\x00", 1)[1]
              for t in tracks for base in (base_title, sourceless_base)}
    rows = [row for row, (key, song) in enumerate(zip(strings["artist_keys"],
                                                      strings["song_keys"]))
            if row not in skip and (key in artists or song.split("\x00", 1)[1] in titles)]
    beside = [Track(id=strings["ids"][r], title=strings["titles"][r],
                    artist=strings["artists"][r], album=strings["albums"][r]) for r in rows]
    fresh = song_keys([*beside, *tracks])
    stored: dict[str, str] = {}
    for row, key in zip(rows, fresh):
        stored.setdefault(key, strings["song_keys"][row])
    return [stored.get(key, key) for key in fresh[len(beside):]]


def rename_rows(strings: dict, names: Mapping[int, tuple[str, str]]) -> None:
    """Give the rows of ``names`` (row -> (title, artist)) their new names in a track
    table's decoded string payload (in place): title, artist, the artist's key and the
    song, read beside the other tracks as an added track's is."""
    rows = sorted(names)
    tracks = [Track(id=strings["ids"][r], title=names[r][0], artist=names[r][1],
                    album=strings["albums"][r]) for r in rows]
    for row, key in zip(rows, keys_beside(strings, tracks, skip=set(rows))):
        strings["titles"][row], strings["artists"][row] = names[row]
        strings["artist_keys"][row], strings["song_keys"][row] = \
            normalise(names[row][1]), key
