"""A path between two tracks meets new artists on the way, as a curator's sequence
would, yet a library of one artist still walks."""
from __future__ import annotations

from dataclasses import replace

from models.build import build
from models.ingest import Catalog
from models.ranking import path

from .test_playlists import rich_track

#: ends by two different artists ("Band {i % 13}")
PAIRS = [(3, 251), (0, 120), (17, 299), (44, 201), (5, 160), (90, 10), (33, 277), (61, 8)]


def test_a_path_meets_new_artists_where_the_library_has_them():
    """Before, 22 of 100 random paths of the demo repeated an artist (7 back to back);
    these eight paths repeated one 13 times, once back to back."""
    table = build(Catalog([rich_track(i) for i in range(300)]), k=20).table()
    repeats = back_to_back = 0
    for a, b in PAIRS:
        rows = path(table, a, b, 8)
        assert len(rows) == 10 and rows[0] == a and rows[-1] == b
        artists = [table.artist_keys[r] for r in rows]
        repeats += len(artists) - len(set(artists))
        back_to_back += sum(x == y for x, y in zip(artists, artists[1:]))
    assert repeats <= 3 and back_to_back == 0


def test_a_library_of_one_artist_still_walks_the_whole_path():
    tracks = [replace(rich_track(i), artist="Solo") for i in range(120)]
    table = build(Catalog(tracks), k=20).table()
    assert len(path(table, 3, 100, 8)) == 10
