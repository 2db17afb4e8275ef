"""A seed that is the base of a part's title ("Jerusalem" for "Jerusalem - Pt. 2") names
another piece than the part: it is taken only with a warning naming the part taken and
the piece's other parts; a seed naming the part is exact, and version tails are not
parts."""
from __future__ import annotations

from urllib.parse import quote

import pytest

from models.build import build
from models.language import TitleIndex

from .fixtures import make_track

TITLES = ["Jerusalem - Pt. 2", "Symphony - Part 1", "Intro - Pt. II", "Song (Part 1)",
          "Song (Part 2)", "Something - Remastered 2009", "Loneliness #3 (Night Talking)",
          "Tale - Part One", "Jerusalem - Pt. 2 (Live)"]


def _both_indexes(titles=TITLES, popularity=(50, 40, 30, 20, 60, 10, 10, 10, 5)):
    """The index a build makes and the one a worker opens over the stored arrays."""
    from models.ranking import title_arrays, title_index

    artists, popularity = ["Band"] * len(titles), list(popularity)
    arrays = title_arrays(titles, artists, popularity)
    return [TitleIndex(titles, artists, popularity), title_index(arrays, titles, artists)]


@pytest.mark.parametrize("index", _both_indexes(), ids=["built", "stored"])
@pytest.mark.parametrize("seed, title", [
    ("Jerusalem", "Jerusalem - Pt. 2"), ("Symphony", "Symphony - Part 1"),
    ("Intro", "Intro - Pt. II"), ("Song", "Song (Part 2)"), ("Tale", "Tale - Part One"),
    ("Jerusalem (Live)", "Jerusalem - Pt. 2"),
])
def test_the_base_of_a_parts_title_takes_the_part_as_a_guess(index, seed, title):
    row, how = index.resolve_how(seed)
    assert (TITLES[row], how) == (title, "part")


@pytest.mark.parametrize("index", _both_indexes(), ids=["built", "stored"])
@pytest.mark.parametrize("seed, title", [
    ("Jerusalem Pt 2", "Jerusalem - Pt. 2"), ("Jerusalem part two", "Jerusalem - Pt. 2"),
    ("Jerusalem - Pt. 2", "Jerusalem - Pt. 2"), ("Jerusalem Part II", "Jerusalem - Pt. 2"),
    ("Symphony part one", "Symphony - Part 1"), ("Intro Pt 2", "Intro - Pt. II"),
    ("Song part 1", "Song (Part 1)"), ("Song Pt. 2", "Song (Part 2)"),
    ("Tale part 1", "Tale - Part One"),
    # version tails and subtitles are no parts: the same piece, taken exactly
    ("Something", "Something - Remastered 2009"),
    ("Loneliness #3", "Loneliness #3 (Night Talking)"),
])
def test_a_seed_naming_the_part_or_a_version_is_exact(index, seed, title):
    row, how = index.resolve_how(seed)
    assert (TITLES[row], how) == (title, "exact")


def test_the_other_parts_of_a_piece_are_offered():
    index = TitleIndex(TITLES, ["Band"] * len(TITLES), [50, 40, 30, 20, 60, 10, 10, 10, 5])
    assert [TITLES[r] for r in index.other_parts(4)] == ["Song (Part 1)"]
    assert [TITLES[r] for r in index.other_parts(0)] == ["Jerusalem - Pt. 2 (Live)"]
    assert index.other_parts(5) == []  # no part


@pytest.fixture()
def parts(store, small_catalog):
    """The small model with a piece in two parts and one with a single part."""
    small_catalog.tracks += [
        make_track(90, title="Jerusalem - Pt. 2", artist="Emerson", popularity=70.0),
        make_track(91, title="The Shire (Part 1)", artist="Howard", popularity=60.0),
        make_track(92, title="The Shire (Part 2)", artist="Howard", popularity=50.0)]
    return store.publish(build(small_catalog, k=10))


def test_the_answer_warns_which_part_it_took_and_names_the_others(client, parts):
    """"Jerusalem" was answered as "Jerusalem - Pt. 2" with no warning, as if " - Pt. 2"
    were a version tail like " - Remastered 2009"."""
    body = client.get("/v1/recommendations?seed=Jerusalem").get_json()
    assert body["seed"]["id"] == "trk90"
    assert body["warnings"] == ["seed: no title 'Jerusalem'; took one part of a piece of "
                                "that title, 'Jerusalem - Pt. 2' by 'Emerson'"]
    body = client.get(f"/v1/recommendations?seed={quote('The Shire')}").get_json()
    assert body["seed"]["id"] == "trk91"
    assert body["warnings"] == ["seed: no title 'The Shire'; took one part of a piece of "
                                "that title, 'The Shire (Part 1)' by 'Howard'; or name one "
                                "of: 'The Shire (Part 2)' by 'Howard' (id 'trk92')"]
    for seed, track in (("Jerusalem Pt 2", "trk90"), ("The Shire part two", "trk92")):
        body = client.get(f"/v1/recommendations?seed={quote(seed)}").get_json()
        assert body["seed"]["id"] == track and "warnings" not in body, seed


def test_the_cli_says_the_part_it_took(runner, parts):
    code, out, err = runner("recommend", "Jerusalem", "--limit", "2")
    assert code == 0 and "took one part of a piece of that title, 'Jerusalem - Pt. 2'" in err
    assert err.startswith("warning: SEED: no title 'Jerusalem'")


def test_versions_of_two_parts_stay_two_songs():
    """'White Wedding - Part 1 - 2001- Remaster' was the song 'White Wedding': the dash
    version tail took the part with it, so live versions of two parts were one song
    and a list showed one of them only."""
    from models.ranking import song_key

    different = [("X - Pt. 1 - Live", "X - Pt. 2 - Live"), ("X", "X - Pt. 2 - Live"),
                 ("X - Part 1 - 2001- Remaster", "X - Part 2 - 2001- Remaster"),
                 ("X - Part I - Remastered", "X - Part I, II, & III - Remastered"),
                 ("X - Pts. 1-2 - Live", "X - Pt. 1 - Live"),
                 ("X feat. Y - Pt. 2", "X feat. Y - Pt. 3")]
    for one, other in different:
        assert song_key(one, "A") != song_key(other, "A"), (one, other)
    # a version of one part is still that part: brackets, dash tails, guests
    same = [("X - Pt. 2", "X - Pt. 2 - Live"), ("X - Pt. 2", "X - Pt. 2 - 2011 Remaster"),
            ("X - Part I, II, & III", "X - Part I, II, & III - Remastered"),
            ("Song (Part 1)", "Song (Part 1) [Live]"), ("Song, Pt. 1", "Song, Pt. 1 - Remastered"),
            ("X - Pt. 2", "X - Pt. 2 (feat. Y) - Radio Edit")]
    for plain, version in same:
        assert song_key(plain, "A") == song_key(version, "A"), version


def test_the_other_part_of_a_piece_in_live_versions_is_named(client, store, small_catalog):
    """Offered by the warning, 'The Shire - Part 2 - Live' was left out as the same song
    as the part taken, 'The Shire - Part 1 - Live'."""
    small_catalog.tracks += [
        make_track(91, title="The Shire - Part 1 - Live", artist="Howard", popularity=60.0),
        make_track(92, title="The Shire - Part 2 - Live", artist="Howard", popularity=50.0)]
    store.publish(build(small_catalog, k=10))
    body = client.get(f"/v1/recommendations?seed={quote('The Shire')}").get_json()
    assert body["seed"]["id"] == "trk91"
    assert body["warnings"] == ["seed: no title 'The Shire'; took one part of a piece of "
                                "that title, 'The Shire - Part 1 - Live' by 'Howard'; or name "
                                "one of: 'The Shire - Part 2 - Live' by 'Howard' (id 'trk92')"]


def test_one_part_written_two_ways_is_one_song():
    """'White Wedding - Part 1 - 2001- Remaster' and 'White Wedding - Pt. 1' by Billy Idol
    were two songs, so a list could show the same part twice."""
    from models.ranking import song_key

    same = [("X - Part 1 - 2001- Remaster", "X - Pt. 1"), ("X, Part II", "X, Pt. 2"),
            ("X (Pt. One)", "X (Part 1)"), ("X - Parts 1 & 2", "X - Pts. I & II"),
            ("X - Part I, II, & III", "X - Pt. 1, 2 and 3 - Live")]
    for one, other in same:
        assert song_key(one, "A") == song_key(other, "A"), (one, other)
    different = [("X - Part 1", "X - Pt. 2"), ("Take Five", "Take 5"), ("X Part", "X Pt"),
                 ("X - Part 1", "X - Parts 1 & 2")]
    for one, other in different:
        assert song_key(one, "A") != song_key(other, "A"), (one, other)


LISTED = ["Rain Again - Part I, II, & III", "Rain Again - Part IV", "Karn (Parts 1-3)",
          "Karn - Pt. 4", "Happy Holidays, Parts 1 & 2"]


@pytest.mark.parametrize("index", _both_indexes(LISTED, (60, 50, 40, 30, 20)),
                         ids=["built", "stored"])
@pytest.mark.parametrize("seed, title", [
    ("Rain Again Part I, II & III", "Rain Again - Part I, II, & III"),
    ("Rain Again Pts 1, 2 and 3", "Rain Again - Part I, II, & III"),
    ("Rain Again Parts 1-3", "Rain Again - Part I, II, & III"),
    ("Karn Pts 1, 2 & 3", "Karn (Parts 1-3)"), ("Karn Parts I-III", "Karn (Parts 1-3)"),
    ("Rain Again Pt 4", "Rain Again - Part IV"),
])
def test_a_seed_naming_the_parts_a_title_lists_is_exact(index, seed, title):
    """"Rain Again - Part I, II, & III" read as part 1: a seed naming its parts
    otherwise ("Pts 1, 2 and 3", "Parts 1-3") found nothing."""
    row, how = index.resolve_how(seed)
    assert (LISTED[row], how) == (title, "exact")


def test_the_base_of_a_listed_title_is_a_guess_naming_the_other_parts():
    index = TitleIndex(LISTED, ["Band"] * len(LISTED), [60, 50, 40, 30, 20])
    row, how = index.resolve_how("Rain Again")
    assert (LISTED[row], how) == ("Rain Again - Part I, II, & III", "part")
    assert [LISTED[r] for r in index.other_parts(row)] == ["Rain Again - Part IV"]
    row, how = index.resolve_how("Karn")
    assert (LISTED[row], how) == ("Karn (Parts 1-3)", "part")


def test_several_parts_are_one_song_however_written_but_not_one_of_them():
    """'X - Part I, II, & III' and 'X - Pts. 1, 2 and 3' were two songs ("pt" against
    "pts"), and 'X (Parts 1-3)' read as parts 1 and 3."""
    from models.ranking import song_key

    same = [("X - Part I, II & III", "X - Pts. 1, 2 and 3"),
            ("X - Part I, II, & III", "X (Parts 1-3)"), ("X - Pts. I-III", "X (Parts 1-3)"),
            ("X - Part I, II, & III", "X - Pts. 1, 2 and 3 - 2011 Remaster"),
            ("X (Pts. 1&2)", "X - Parts 1 & 2")]
    for one, other in same:
        assert song_key(one, "A") == song_key(other, "A"), (one, other)
    different = [("X - Part I, II & III", "X - Part I"), ("X - Pts. 1, 2 and 3", "X - Pt. 1"),
                 ("X (Parts 1-3)", "X - Parts 1 & 3"), ("X - Pts. 1 & 2", "X - Pts. 1, 2 & 3"),
                 ("X - Part 1 - 10 Years Later", "X - Parts 1-10")]
    for one, other in different:
        assert song_key(one, "A") != song_key(other, "A"), (one, other)


@pytest.mark.parametrize("title", ["X - Pts. 3-1", "X - Parts 1-40", "X - Part 1-Remix"])
def test_what_is_no_rising_range_of_parts_is_not_spelt_out(title):
    """A range that falls, spans more than 20 parts or is no number is left as written."""
    from models.ranking import song_key

    assert song_key(title, "A") != song_key("X (Parts 1-3)", "A")
    assert song_key(title, "A") != song_key("X - Pts. 1, 2", "A")


def test_the_warning_for_a_listed_title_names_the_other_parts_only(client, store,
                                                                    small_catalog):
    """Taken for "Rain Again", "Rain Again - Part I, II, & III" offered its own live
    version "- Pts. 1, 2 and 3 - Live" as another part of the piece."""
    small_catalog.tracks += [
        make_track(91, title="Rain Again - Part I, II, & III", artist="Howard", popularity=70.0),
        make_track(92, title="Rain Again - Pts. 1, 2 and 3 - Live", artist="Howard",
                   popularity=60.0),
        make_track(93, title="Rain Again - Part IV", artist="Howard", popularity=50.0)]
    store.publish(build(small_catalog, k=10))
    body = client.get(f"/v1/recommendations?seed={quote('Rain Again')}").get_json()
    assert body["seed"]["id"] == "trk91"
    assert body["warnings"] == ["seed: no title 'Rain Again'; took one part of a piece of "
                                "that title, 'Rain Again - Part I, II, & III' by 'Howard'; or "
                                "name one of: 'Rain Again - Part IV' by 'Howard' (id 'trk93')"]
    for seed in ("Rain Again Pts 1, 2 and 3", "Rain Again Parts 1-3"):
        body = client.get(f"/v1/recommendations?seed={quote(seed)}").get_json()
        assert body["seed"]["id"] in ("trk91", "trk92") and "warnings" not in body, seed
        assert "trk92" not in [r["id"] for r in body["results"]]  # the same song
