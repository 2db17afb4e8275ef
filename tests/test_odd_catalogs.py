"""Catalogs a self-hoster may well have, found by a review of the build and ranking:
titles of symbols only, scripts whose letters carry marks, no artists at all, a seed
with several versions, very long reviews."""
from __future__ import annotations

import random

import numpy as np

from models.build import build
from models.ingest import Catalog, Track
from models.language import Reading, Review, TitleIndex, normalise
from models.ranking import (
    NeighbourLists,
    Query,
    RankingEngine,
    VectorIndex,
    arc_ends,
    arc_points,
    pool_size,
    seed_songs,
    sequence,
)

from .fixtures import make_track


def _titled(*titles: str, artist: str = "Mitski") -> list[Track]:
    return [make_track(i, id=f"t{i}", title=t, artist=artist) for i, t in enumerate(titles)]


def test_titles_of_symbols_only_build_with_an_album_review():
    tracks = _titled("Intro", "\U0001F600", "?")
    built = build(Catalog(tracks), [Review(text="A warm, hopeful record.", album="Album")], k=2)
    assert len(built.tracks) == 3


def test_titles_of_symbols_only_are_songs_of_their_own():
    tracks = _titled("?", "!", "\u2665", "Nobody")
    table = build(Catalog(tracks), k=3).table()
    assert len(set(table.song_keys)) == 4
    results = RankingEngine(table).rank(Query(seeds=[(0, 1.0)], limit=10)).rows
    assert sorted(results) == [1, 2, 3]  # only the seed itself is left out
    index = TitleIndex([t.title for t in tracks], [t.artist for t in tracks], [0.0] * 4)
    assert [index.resolve(q) for q in ("?", "!", "...", "\U0001F600")] == [0, 1, None, None]


def test_letters_with_marks_stay_apart():
    """Devanagari vowel signs are marks, no word characters to ``re``: "दिल" (heart) and
    "दाल" (lentils) must not both become "द ल"."""
    assert normalise("दिल") == "दिल" and normalise("दिल") != normalise("दाल")
    assert normalise("Café Noir") == "cafe noir"  # Latin accents still fold


def test_a_catalog_without_artists_is_not_one_artist():
    tracks = [Track(id=f"t{i}", title=f"Track {i}", tags=["ambient"],
                    features={"energy": i / 20, "valence": i / 20, "tempo": 100.0 + i})
              for i in range(20)]
    table = build(Catalog(tracks), k=10).table()
    engine, query = RankingEngine(table), Query(seeds=[(0, 1.0)], limit=10)
    rows, relevance = engine.pool(query, pool_size(10, False))
    placed = sequence(table, rows, relevance, arc_points(*arc_ends(table, query, None), 10),
                      min_artist_gap=3, used_songs=seed_songs(table, query), follow_arc=False)
    assert len(placed.rows) == 10 and not placed.warnings
    capped = engine.rank(Query(seeds=[(0, 1.0)], limit=10, max_per_artist=1))
    assert len(capped.rows) == 10


def test_without_artists_same_titles_are_one_song_only_on_one_album():
    """Two artist-less "Intro"s of different records are different songs; the same
    title twice on one record is one song listed twice."""
    def track(i: int, title: str, album: str) -> Track:
        return Track(id=f"t{i}", title=title, album=album,
                     features={"energy": 0.5 + i / 100, "valence": 0.5, "tempo": 100.0 + i})
    tracks = [track(0, "Seed", ""), track(1, "Intro", "Red"), track(2, "Intro", "Blue"),
              track(3, "Intro", ""), track(4, "Intro", ""), track(5, "Intro (Live)", "Red")]
    table = build(Catalog(tracks), k=5).table()
    results = RankingEngine(table).rank(Query(seeds=[(0, 1.0)], limit=10)).rows
    assert sorted(results) == [1, 2, 3, 4] or sorted(results) == [2, 3, 4, 5]


def test_the_neighbour_lists_do_not_cut_a_list_short():
    """The seed's other versions fill places of its precomputed list: the ranking must
    still reach the limit when the catalog has enough tracks."""
    tracks = [make_track(i) for i in range(200)]
    for j, title in enumerate(["Song 0 (Live)", "Song 0 - Remastered 2011"]):
        tracks.append(make_track(1000 + j, title=title, artist=tracks[0].artist,
                                 features=dict(tracks[0].features), tags=tracks[0].tags))
    built = build(Catalog(tracks), k=10)
    table = built.table()
    engine = RankingEngine(table, [NeighbourLists(lambda r: (built.neighbours[r],
                                                              built.scores[r])),
                                   VectorIndex(table)])
    for limit in (10, 50):
        got = engine.rank(Query(seeds=[(0, 1.0)], limit=limit)).rows
        exact = RankingEngine(table).rank(Query(seeds=[(0, 1.0)], limit=limit)).rows
        assert len(got) == limit and set(got) == set(exact)


def test_title_spans_answer_as_a_scan_would():
    rng = random.Random(0)
    for _ in range(200):
        spans = [(a, a + rng.randint(0, 30)) for a in
                 (rng.randint(0, 500) for _ in range(rng.randint(0, 12)))]
        reading = Reading([], [], title_spans=list(spans))
        for _ in range(30):
            start = rng.randint(0, 540)
            end = start + rng.randint(0, 20)
            assert reading.outside_titles(start, end) == \
                (not any(s < end and start < e for s, e in spans))
        reading.title_spans.append((5, 9))  # spans added later count too
        assert not reading.outside_titles(6, 7)


def test_guest_credits_and_subtitles_do_not_make_another_song():
    """A curator's playlist held "bad guy" and "bad guy (with Justin Bieber)", and
    "Don't You (Forget About Me)" beside its remaster."""
    from models.ranking import song_key

    same = [("bad guy", "bad guy (with Justin Bieber)"),
            ("Slow Dance", "Slow Dance (feat. Ava Max)"),
            ("Hot (feat. Gunna)", "Hot (Remix) [feat. Gunna and Travis Scott]"),
            ("Don't You (Forget About Me)", "Don't You (Forget About Me) - Remastered"),
            ("Habits (Stay High)", "Habits (Stay High) - Hippie Sabotage Remix"),
            ("Closer", "Closer ft. Halsey")]
    for plain, version in same:
        assert song_key(plain, "A") == song_key(version, "A"), version
    different = [("Don't You", "Don't You (Forget About Me)"), ("Stay", "Stay With Me"),
                 ("Live Forever", "Forever")]
    for one, other in different:
        assert song_key(one, "A") != song_key(other, "A"), other


def test_a_song_from_a_film_is_one_song_with_its_other_versions():
    """A curator's "Lose Yourself" listed "Lose Yourself - Soundtrack Version" first:
    the seed was 'Lose Yourself - From "8 Mile" Soundtrack'."""
    from models.ranking import song_keys

    def keys(*pairs):
        return song_keys([make_track(i, title=t, artist=a) for i, (t, a) in enumerate(pairs)])

    one = keys(('Lose Yourself - From "8 Mile" Soundtrack', "Eminem"),
               ("Lose Yourself - Soundtrack Version", "Eminem"), ("Lose Yourself", "Eminem"),
               ('I Miss It - From "Armageddon" Soundtrack', "Aerosmith"),
               ('I Miss It - From the Touchstone film, "Armageddon"', "Aerosmith"))
    assert len(set(one[:3])) == 1 and one[3] == one[4]
    # two films, one composer: two pieces, and the plain title is neither
    two = keys(('Main Title (From "Star Wars")', "John Williams"),
               ('Main Title (From "Superman")', "John Williams"), ("Main Title", "John Williams"),
               ('Main Title - From "Jaws"', "Someone Else"))
    assert len(set(two)) == 4


def test_one_artists_intro_on_two_albums_is_two_pieces():
    """A self-hoster's "Intro" of the album First never came up from the "Intro" of the
    album Second: both by The Band, so one song, and the other was left out."""
    from models.ranking import song_key

    assert song_key("Intro", "The Band", "First") != song_key("Intro", "The Band", "Second")
    assert song_key("Interlude 2", "A", "X") != song_key("Interlude 2", "A", "Y")
    assert song_key("Untitled", "Anon", "", "t1") != song_key("Untitled", "Anon", "", "t2")
    # still one song: a live version on the same album, and a real title on two albums
    assert song_key("Intro (Live)", "The Band", "First") == song_key("Intro", "The Band",
                                                                     "First")
    assert song_key("Poker Face", "Lady Gaga", "A") == song_key("Poker Face", "Lady Gaga", "B")


def test_a_track_added_live_is_one_song_or_not_as_a_full_build_would_say():
    """A review: `add` read the added tracks' songs alone, so 'Hero - From "Shrek"' added
    to a model with 'Hero - From "Spider-Man"' and 'Hero' was one song with both."""
    import json

    from models.build import extend_payload
    from models.ranking import TrackTable

    def hero(i, title):
        return make_track(i, id=f"h{i}", title=title, artist="Band")

    kept = build(Catalog([hero(0, 'Hero - From "Spider-Man"'), hero(1, "Hero")]), k=1)
    strings = json.loads(TrackTable.build(kept.tracks, kept.profiles,
                                          kept.vectors).to_payload()[1])
    assert strings["song_keys"][0] == strings["song_keys"][1]  # one film: one song
    added = build(Catalog([hero(2, 'Hero - From "Shrek"')]), k=1)
    extend_payload(strings, added.tracks, added.profiles, added.vectors)
    assert strings["song_keys"][2] not in strings["song_keys"][:2]  # two films: two pieces
    alone = build(Catalog([hero(3, 'Other - From "Shrek"')]), k=1)
    extend_payload(strings, alone.tracks, alone.profiles, alone.vectors)
    assert strings["song_keys"][3] == "band\x00other"


def test_one_recording_under_two_credits_is_one_song():
    """A curator's "Mad World" by Gary Jules (feat. Michael Andrews) listed Michael
    Andrews' "Mad World" first: one recording, credited two ways."""
    import json

    from models.build import extend_payload
    from models.ranking import TrackTable, song_keys

    def track(i, title, artist):
        return make_track(i, id=f"m{i}", title=title, artist=artist)
    keys = song_keys([track(0, "Mad World (Feat. Michael Andrews)", "Gary Jules"),
                      track(1, "Mad World", "Michael Andrews"),
                      track(2, "Mad World", "Tears for Fears"),
                      track(3, "Latin Thugs", "Cypress Hill featuring Tego Calderon"),
                      track(4, "Latin Thugs - Remix", "Tego Calderon"),
                      track(5, "September", "Earth, Wind & Fire"),  # a band's name is whole
                      track(6, "September", "Earth"),
                      track(7, "Home", "Feathers"),  # not "feat" + "hers"
                      track(8, "Home", "Hers")])
    assert keys[0] == keys[1] != keys[2] and keys[3] == keys[4]
    assert keys[5] != keys[6] and keys[7] != keys[8]
    # added later, beside the model's own tracks: as a full build says
    kept = build(Catalog([track(0, "Mad World (Feat. Michael Andrews)", "Gary Jules"),
                          track(2, "Mad World", "Tears for Fears")]), k=1)
    strings = json.loads(TrackTable.build(kept.tracks, kept.profiles,
                                          kept.vectors).to_payload()[1])
    added = build(Catalog([track(1, "Mad World", "Michael Andrews")]), k=1)
    extend_payload(strings, added.tracks, added.profiles, added.vectors)
    assert strings["song_keys"][2] == strings["song_keys"][0] != strings["song_keys"][1]


def test_a_track_added_after_its_songs_first_track_left_keeps_the_song():
    """Found by a review: with the track that named a song removed, a live version
    added later got a key of its own, and dedupe returned both versions."""
    import json

    from models.build import extend_payload, take_table
    from models.ranking import TrackTable

    def track(i, title, artist):
        return make_track(i, id=f"m{i}", title=title, artist=artist)
    kept = build(Catalog([track(0, "Mad World (feat. Michael Andrews)", "Gary Jules"),
                          track(1, "Mad World", "Michael Andrews"),
                          track(2, "Other", "Z")]), k=1)
    table = TrackTable.build(kept.tracks, kept.profiles, kept.vectors)
    strings = json.loads(take_table(table, np.array([2, 1])).to_payload()[1])
    added = build(Catalog([track(3, "Mad World - Live", "Michael Andrews"),
                           track(4, 'Mad World - From "Donnie Darko"', "Michael Andrews")]),
                  k=1)
    extend_payload(strings, added.tracks, added.profiles, added.vectors)
    assert strings["song_keys"][2] == strings["song_keys"][3] == strings["song_keys"][1]
