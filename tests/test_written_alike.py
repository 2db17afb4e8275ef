"""Titles alike in normal form but written otherwise ("ME" and "@ ME"): a seed typed
exactly as one of them (case, spacing and quote styles aside; an accent typed counts, one
left out does not) is that title; a seed spelling none of them takes the most popular
with a warning naming the others."""
from __future__ import annotations

from urllib.parse import quote

import pytest

from models.build import build
from models.language import TitleIndex

from .fixtures import make_track

TITLES = ["ME", "@ ME", "DANCE", "Dance?", "Dreams - 2004 Remaster", "$Dreams",
          "Señorita", "Senorita", "It Ain’t Me", "Photograph", "Photograph"]
ARTISTS = ["CLC", "Antwillz", "CLMD", "Dancer", "Fleetwood Mac", "Max Frost",
           "Shawn Mendes", "Other", "Kygo", "Ed Sheeran", "Arcade Fire"]
POPULARITY = [70, 40, 60, 30, 80, 20, 90, 10, 50, 60, 20]


def _both_indexes():
    """The index a build makes and the one a worker opens over the stored arrays."""
    from models.ranking import title_arrays, title_index

    arrays = title_arrays(TITLES, ARTISTS, POPULARITY)
    return [TitleIndex(TITLES, ARTISTS, POPULARITY), title_index(arrays, TITLES, ARTISTS)]


@pytest.mark.parametrize("index", _both_indexes(), ids=["built", "stored"])
@pytest.mark.parametrize("seed, artist", [
    ("@ ME", "Antwillz"), ("@me", "Antwillz"), ("me", "CLC"), ("ME", "CLC"),
    ("Dance?", "Dancer"), ("dance", "CLMD"), ("$Dreams", "Max Frost"),
    ("dreams", "Fleetwood Mac"), ("Dreams - 2004 Remaster", "Fleetwood Mac"),
    ("Señorita", "Shawn Mendes"), ("SENORITA", "Shawn Mendes"),  # an accent left out
    ("It Ain't Me", "Kygo"),  # a straight quote for a curly one
    ("Photograph", "Ed Sheeran"),  # one title written one way: the more popular, as ever
    ("@ ME - Antwillz", "Antwillz"),
])
def test_a_title_typed_exactly_is_that_title(index, seed, artist):
    row, how = index.resolve_how(seed)
    assert (ARTISTS[row], how) == (artist, "exact")


@pytest.mark.parametrize("index", _both_indexes(), ids=["built", "stored"])
@pytest.mark.parametrize("seed, artist", [("Me!!", "CLC"), ("Dance!", "CLMD"),
                                          ("Dreams!", "Fleetwood Mac")])
def test_a_seed_spelling_none_of_the_titles_written_alike_is_a_guess(index, seed, artist):
    row, how = index.resolve_how(seed)
    assert (ARTISTS[row], how) == (artist, "alike")


@pytest.fixture()
def alike(store, small_catalog):
    """The small model with two titles alike in normal form, "ME" the more popular."""
    small_catalog.tracks += [
        make_track(90, title="ME", artist="CLC", popularity=70.0),
        make_track(91, title="@ ME", artist="Antwillz", popularity=40.0)]
    return store.publish(build(small_catalog, k=10))


@pytest.mark.parametrize("seed, title", [
    ("Aerodynamic - Daft Punk Remix", "Aerodynamic - Daft Punk Remix"),
    ("aerodynamic - daft punk remix", "Aerodynamic - Daft Punk Remix"),
    ("Aerodynamic - Daft Punk", "Aerodynamic"), ("Aerodynamic by Daft Punk", "Aerodynamic")])
def test_a_title_with_a_dash_typed_whole_is_no_title_and_artist(seed, title):
    """"Aerodynamic - Daft Punk Remix" was read as "Aerodynamic" by Daft Punk: a whole
    title typed is taken before the readings of it as "Title - Artist"."""
    titles = ["Aerodynamic", "Aerodynamic - Daft Punk Remix"]
    index = TitleIndex(titles, ["Daft Punk", "Slam"], [80, 30])
    row, how = index.resolve_how(seed)
    assert (titles[row], how) == (title, "exact")


def test_the_answer_is_for_the_title_typed_or_warns(client, alike):
    """"@ ME" was answered silently for "ME" by CLC: punctuation aside both are "me"."""
    body = client.get(f"/v1/recommendations?seed={quote('@ ME')}").get_json()
    assert body["seed"]["id"] == "trk91" and "warnings" not in body
    body = client.get(f"/v1/recommendations?seed={quote('me')}").get_json()
    assert body["seed"]["id"] == "trk90" and "warnings" not in body
    body = client.get(f"/v1/recommendations?seed={quote('Me!!')}").get_json()
    assert body["seed"]["id"] == "trk90"
    assert body["warnings"] == ["seed: no title 'Me!!'; took the most popular of the titles "
                                "written alike, 'ME' by 'CLC'; or name one of: '@ ME' by "
                                "'Antwillz' (id 'trk91')"]


def test_the_cli_takes_the_title_typed(runner, alike):
    code, out, err = runner("recommend", "@ ME", "--limit", "2")
    assert code == 0 and "Antwillz" in out and "warning" not in err
