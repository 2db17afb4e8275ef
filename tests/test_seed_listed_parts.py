"""A seed naming one part of a piece ("Rain Again Pt 2") that no track is on its own, when a
track lists that part with others ("Rain Again - Part I, II, & III"), takes that track
with a warning; the part on its own is still taken exactly; a part no track holds
("Rain Again Pt 4") names none, and the 404 says which parts there are."""
from __future__ import annotations

from urllib.parse import quote

import pytest

from models.build import build
from models.language import TitleIndex

from .fixtures import error_of, make_track

LISTED = ["Rain Again - Part I, II, & III", "Tonight Is the Night (Pts. 1&2)",
          "Happy Holidays, Parts 1 & 2", "Karn (Parts 1-3) - Live", "Karn (Parts 1-3)",
          "Karn - Pt. 5", "Jerusalem - Pt. 2", "Rain Again Pt 2 Remix"]
ARTISTS = ["Abel Ganz", "Betty", "Ohio", "Howard", "Howard", "Howard", "Emerson", "Other"]


def _both_indexes():
    """The index a build makes and the one a worker opens over the stored arrays."""
    from models.ranking import title_arrays, title_index

    popularity = [60.0, 50, 40, 70, 30, 20, 10, 5]
    arrays = title_arrays(LISTED, ARTISTS, popularity)
    return [TitleIndex(LISTED, ARTISTS, popularity), title_index(arrays, LISTED, ARTISTS)]


@pytest.mark.parametrize("index", _both_indexes(), ids=["built", "stored"])
@pytest.mark.parametrize("seed, title", [
    ("Rain Again Pt 2", "Rain Again - Part I, II, & III"),
    ("Rain Again part two", "Rain Again - Part I, II, & III"),
    ("Rain Again Part III", "Rain Again - Part I, II, & III"),
    ("Rain Again Pt. 1 - Abel Ganz", "Rain Again - Part I, II, & III"),
    ("Tonight Is the Night part 2", "Tonight Is the Night (Pts. 1&2)"),
    ("Happy Holidays Pt 1", "Happy Holidays, Parts 1 & 2"),  # a part in the title itself
    # the plain title before a version holding the same parts, however popular
    ("Karn pt 2", "Karn (Parts 1-3)"),
])
def test_one_part_named_takes_the_track_listing_it_as_a_guess(index, seed, title):
    row, how = index.resolve_how(seed)
    assert (LISTED[row], how) == (title, "listed")


@pytest.mark.parametrize("index", _both_indexes(), ids=["built", "stored"])
@pytest.mark.parametrize("seed, title", [
    ("Karn pt 2 (Live)", "Karn (Parts 1-3) - Live"),  # the listing of the version named
    ("Karn Part Two - Live", "Karn (Parts 1-3) - Live"),
    ("Rain Again Pt 2 (Live)", "Rain Again - Part I, II, & III"),  # no live one: the piece
    ("Rain Again Pt. 3 - 2011 Remaster", "Rain Again - Part I, II, & III"),
    ("Karn pt 2 - Remastered", "Karn (Parts 1-3)"),  # a version none has: the plain one
])
def test_a_part_named_with_version_words_takes_the_listing_of_that_version(index, seed, title):
    row, how = index.resolve_how(seed)
    assert (LISTED[row], how) == (title, "listed")


@pytest.mark.parametrize("index", _both_indexes(), ids=["built", "stored"])
@pytest.mark.parametrize("seed, there", [
    ("Rain Again Pt 4", [1, 2, 3]), ("Rain Again Part Zero", [1, 2, 3]),
    ("Rain Again Pt 4 (Live)", [1, 2, 3]), ("Karn pt 4 - Live", [1, 2, 3, 5]),
    ("Happy Holidays Pt 3", [1, 2]), ("Karn pt 4", [1, 2, 3, 5]),
    ("Jerusalem Pt 3", [2]),  # one part there, not the one named
    ("Rain Again Pt 2 by Betty", []),  # the piece is another artist's
    ("Pt 2", []), ("Part Two", []),  # a part of nothing
])
def test_a_part_no_track_holds_names_none_but_the_parts_there_are(index, seed, there):
    assert index.resolve_how(seed) == (None, "exact")
    assert index.parts_there(seed)[0] == there


@pytest.mark.parametrize("index", _both_indexes(), ids=["built", "stored"])
def test_the_parts_there_are_of_a_piece_whose_part_is_missing(index):
    parts, rows = index.parts_there("Karn Part IV")
    assert parts == [1, 2, 3, 5]
    assert [LISTED[r] for r in rows] == ["Karn (Parts 1-3) - Live", "Karn (Parts 1-3)",
                                         "Karn - Pt. 5"]
    assert index.parts_there("Jerusalem Pt 3") == ([2], [6])
    for seed in ("Rain Again", "Nowhere Pt 2", "Rain Again Pts 1 and 2", "", "Pt 2"):
        assert index.parts_there(seed) == ([], []), seed


@pytest.mark.parametrize("index", _both_indexes(), ids=["built", "stored"])
def test_the_part_on_its_own_or_the_parts_listed_stay_exact(index):
    """Listing tracks are a guess only when no title is the seed: all listed parts, or
    a title that is the seed's words (another artist's remix) are taken as before."""
    assert index.resolve_how("Rain Again Pts 1, 2 and 3") == (0, "exact")
    assert index.resolve_how("Rain Again Pt 2 Remix") == (7, "exact")
    assert index.resolve_how("Karn Pt 5") == (5, "exact")
    assert index.resolve_how("Karn Pt 2") == (4, "listed")  # no track is part 2 alone


def test_title_arrays_stored_before_the_listed_variant_still_find_the_part():
    """Title arrays stored by a build before "x pts 1 2 3" was a variant (same normal form
    edition, so still read) found no listing track, and the 404 said the parts there are
    held the very part named."""
    index = TitleIndex(LISTED, ARTISTS, [60.0, 50, 40, 70, 30, 20, 10, 5])
    index._exact = {key: rows for key, rows in index._exact.items()
                    if " pts " not in f" {key} "}
    assert index.resolve_how("Rain Again Pt 2") == (0, "listed")
    assert index.resolve_how("Karn part two") == (4, "listed")


@pytest.fixture()
def listed(store, small_catalog):
    """The small model with a piece in three parts on one track and its fourth part."""
    small_catalog.tracks += [
        make_track(91, title="Rain Again - Part I, II, & III", artist="Howard", popularity=70.0),
        make_track(92, title="Rain Again - Part IV", artist="Howard", popularity=50.0)]
    return store.publish(build(small_catalog, k=10))


def test_the_answer_warns_it_took_the_track_holding_the_part(client, listed):
    """"Rain Again Pt 2" was a 404 though "Rain Again - Part I, II, & III" holds it."""
    body = client.get(f"/v1/recommendations?seed={quote('Rain Again Pt 2')}").get_json()
    assert body["seed"]["id"] == "trk91"
    assert body["warnings"] == ["seed: no title 'Rain Again Pt 2'; took the track that holds "
                                "that part with others, 'Rain Again - Part I, II, & III' by "
                                "'Howard'"]
    body = client.get(f"/v1/recommendations?seed={quote('Rain Again part four')}").get_json()
    assert body["seed"]["id"] == "trk92" and "warnings" not in body
    body = client.post("/v1/recommendations", json={"seeds": ["trk3", "Rain Again Pt. I"]})
    assert body.get_json()["warnings"][0].startswith(
        "seeds[1]: no title 'Rain Again Pt. I'; took the track that holds that part")


def test_a_part_no_track_holds_is_a_404_naming_the_parts_there_are(client, listed):
    error = error_of(client.get(f"/v1/recommendations?seed={quote('Rain Again Pt 5')}"), 404,
                     "seed_not_found")
    assert error["field"] == "seed"
    assert error["message"] == ("no track matches 'Rain Again Pt 5'; of that piece there are "
                                "parts 1, 2, 3 and 4 only: 'Rain Again - Part I, II, & III' by "
                                "'Howard' (id 'trk91'), 'Rain Again - Part IV' by 'Howard' "
                                "(id 'trk92')")
    assert [s["id"] for s in error["suggestions"]] == ["trk91", "trk92"]
    error = error_of(client.get(f"/v1/recommendations?seed={quote('Nowhere Pt 5')}"), 404,
                     "seed_not_found")
    assert "of that piece" not in error["message"]
