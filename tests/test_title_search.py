"""Title search on a tiny library: only matches a user would accept, best first.

Found by a curator: on a library of a dozen songs, "three" listed "Hey Jude" (its
artist, The Beatles, holds "the": three of the letters of "three")."""
from __future__ import annotations

import pytest

from models.ingest import Catalog
from models.language import TitleIndex
from service import create_app
from service.resources import Resources
from models.build import build

from .fixtures import isrc, make_track, spotify

#: (title, artist, popularity): well-known songs, none with "three" or "end" in it
CLASSICS = [("Hey Jude", "The Beatles", 80.0), ("Let It Be", "The Beatles", 75.0),
            ("Bohemian Rhapsody", "Queen", 90.0), ("Wonderwall", "Oasis", 85.0),
            ("Imagine", "John Lennon", 70.0), ("Loneliness #3 (Night Talking)",
                                              "Arcade Fire", 0.0),
            ("Blinding Lights", "The Weeknd", 95.0), ("Smells Like Teen Spirit", "Nirvana",
                                                     88.0),
            ("Hotel California", "Eagles", 82.0), ("Billie Jean", "Michael Jackson", 86.0),
            ("Like a Rolling Stone", "Bob Dylan", 60.0), ("Dancing Queen", "ABBA", 78.0),
            ("Hoppípolla", "Sigur Rós", 55.0)]


#: albums other than the title itself (the rest: singles)
ALBUMS = {"Hey Jude": "Past Masters", "Let It Be": "Let It Be",
          "Loneliness #3 (Night Talking)": "Her (Original Score)", "Imagine": "Imagine"}


@pytest.fixture()
def classics() -> TitleIndex:
    return TitleIndex([t for t, _, _ in CLASSICS], [a for _, a, _ in CLASSICS],
                      [p for _, _, p in CLASSICS], [ALBUMS.get(t, t) for t, _, _ in CLASSICS])


def titles(index: TitleIndex, query: str, limit: int = 10) -> list[str]:
    return [index.titles[row] for row in index.search(query, limit=limit)]


@pytest.mark.parametrize("query", ["three", "the end", "xqzzyq", "seventeen", "you",
                                   "thee", "them", "sprite", "teenage"])
def test_a_query_sharing_no_word_with_any_title_or_artist_finds_nothing(classics, query):
    """Neither "three" nor "thee" is a typo of the "the" of The Beatles, and "sprite"
    is another word than "spirit", not a misspelling of it."""
    assert titles(classics, query) == []


def test_one_word_of_the_query_held_is_a_match(classics):
    assert titles(classics, "hotel on mars") == ["Hotel California"]
    # a stopword alone: the titles and artists holding it
    assert set(titles(classics, "the")) == {"Hey Jude", "Let It Be", "Blinding Lights"}


@pytest.mark.parametrize("query, first", [
    ("lonliness", "Loneliness #3 (Night Talking)"), ("blindng lights", "Blinding Lights"),
    ("bohemain rhapsody", "Bohemian Rhapsody"), ("wonderwal", "Wonderwall"),
    ("lonel", "Loneliness #3 (Night Talking)"), ("BILLIE JEAN", "Billie Jean"),
    ("michael jackson", "Billie Jean"), ("nirvana teen", "Smells Like Teen Spirit"),
    ("Rhapsódy", "Bohemian Rhapsody"), ("hoppipolla sigur ros", "Hoppípolla"),
    ("loneliness arcade fire", "Loneliness #3 (Night Talking)")])
def test_typos_partial_words_artists_and_accents_still_find_the_track(classics, query, first):
    assert titles(classics, query)[:1] == [first]


def test_words_of_the_album_find_its_tracks(classics):
    assert titles(classics, "past masters") == ["Hey Jude"]
    assert titles(classics, "original score") == ["Loneliness #3 (Night Talking)"]
    assert titles(classics, "loneliness her")[:1] == ["Loneliness #3 (Night Talking)"]


@pytest.mark.parametrize("query", ["her soundtrack", "her ost", "her score"])
def test_a_film_score_is_found_by_any_name_for_film_music(classics, query):
    """Curators ask for "the Her soundtrack"; the album says "Original Score"."""
    assert titles(classics, query) == ["Loneliness #3 (Night Talking)"]


def test_an_album_named_score_is_no_film_music():
    index = TitleIndex(["Ready or Not", "Sleepwalker"], ["Fugees", "Arcade Fire"],
                       [80.0, 40.0], ["The Score", "Her (Original Score)"])
    assert titles(index, "the score") == ["Ready or Not", "Sleepwalker"]
    assert titles(index, "her soundtrack") == ["Sleepwalker"]
    assert titles(index, "the soundtrack") == []


def test_an_album_shorter_than_the_query_is_not_what_it_names():
    """WRatio gave the album "Guy" 90 against "bad guy billie": it is in the query."""
    index = TitleIndex(["bad guy", "Teddy's Jam"], ["Billie Eilish", "Teddy Riley"],
                       [90.0, 50.0], ["When We All Fall Asleep", "Guy"])
    assert index.search("bad guy billie") == [0]
    assert index.search("guy") == [0, 1]  # a title holding it, then the album (weighs less)


def test_the_artist_alone_lists_its_tracks_only(classics):
    assert sorted(titles(classics, "beatles")) == ["Hey Jude", "Let It Be"]
    assert sorted(titles(classics, "queen")) == ["Bohemian Rhapsody", "Dancing Queen"]


def test_the_exact_title_comes_before_titles_holding_it_more_popular_or_not():
    index = TitleIndex(["Three Days", "Three", "Animal I Have Become", "Three Little Birds",
                        "Tree"],
                       ["Pearl Jam", "Future", "Three Days Grace", "Bob Marley", "Someone"],
                       [90.0, 10.0, 95.0, 99.0, 50.0])
    found = titles(index, "three")
    assert found[0] == "Three"
    assert set(found) == {"Three", "Three Days", "Animal I Have Become", "Three Little Birds",
                          "Tree"}  # "tree": one letter off "three"
    assert titles(index, "three little birds")[0] == "Three Little Birds"


@pytest.fixture()
def classics_client(store, env):
    tracks = [make_track(i, title=t, artist=a, popularity=p, album=ALBUMS.get(t, t))
              for i, (t, a, p) in enumerate(CLASSICS)]
    store.publish(build(Catalog(tracks=tracks), k=5))
    return create_app({"TESTING": True, "RESOURCES": Resources(store)}).test_client()


def test_the_api_answers_a_query_matching_nothing_with_no_results(classics_client):
    body = classics_client.get("/v1/tracks?q=three").get_json()
    assert body["results"] == [] and body["next_offset"] is None
    found = classics_client.get("/v1/tracks?q=lonliness").get_json()["results"]
    assert [r["title"] for r in found] == ["Loneliness #3 (Night Talking)"]
    found = classics_client.get("/v1/tracks?q=past masters").get_json()["results"]
    assert [r["title"] for r in found] == ["Hey Jude"]  # the album's words, as stored


def test_the_cli_says_nothing_resembles_a_query_matching_nothing(classics_client, runner):
    code, out, err = runner("tracks", "three")
    assert code == 0 and out == "" and "no track resembles 'three'" in err


def search_ids(client, query: str) -> list[str]:
    return [r["id"] for r in client.get("/v1/tracks", query_string={"q": query,
                                                                     "limit": 5}).get_json()[
        "results"]]


@pytest.mark.parametrize("query", [f"spotify:track:{spotify(4)}", f"Spotify:Track:{spotify(4)}",
                                   f"https://open.spotify.com/track/{spotify(4)}?si=x1",
                                   f"isrc:{isrc(4)}", isrc(4), isrc(4).lower(),
                                   f"{isrc(4)[:2]}-{isrc(4)[2:5]}-{isrc(4)[5:7]}-{isrc(4)[7:]}"])
def test_a_pasted_link_uri_or_isrc_finds_its_track_alone(ids_model, client, query):
    """A curator pastes what a streaming app copies: the link's words ("open", "track")
    listed other tracks, and the track it names was not among them."""
    assert search_ids(client, query) == ["id4"]


def test_a_track_id_typed_is_found_first_and_an_unknown_link_finds_nothing(ids_model, client):
    assert search_ids(client, "id4")[:1] == ["id4"]
    assert search_ids(client, "spotify:track:short")[:1] == ["spotify:track:short"]
    assert search_ids(client, f"spotify:track:{spotify(99)}") == []
    assert search_ids(client, isrc(99)) == []


def test_a_word_inside_a_title_of_a_script_without_spaces_finds_it():
    """Found by a curator: "止まらない" found nothing though "愛が止まらない ~Turn It Into
    Love~" was in the catalog: Japanese, Chinese and Thai write no spaces between words
    (and Korean writes compounds as one), so a word of the query stands inside a title's
    "word"; a Latin query still needs a word of its own."""
    rows = [("愛が止まらない ~Turn It Into Love~", "Wink"), ("夜に駆ける", "YOASOBI"),
            ("ขอใจเธอแลกเบอร์โทร", "Thai Artist"), ("강남스타일", "PSY"),
            ("Hey Jude", "The Beatles"), ("Sudden Rain", "Jude Bell")]
    index = TitleIndex([t for t, _ in rows], [a for _, a in rows], [50.0] * len(rows),
                       [t for t, _ in rows])

    def found(query: str) -> list[str]:
        return [rows[i][0] for i in index.search(query)]

    assert found("止まらない") == ["愛が止まらない ~Turn It Into Love~"]
    assert found("駆ける") == ["夜に駆ける"]
    assert found("แลกเบอร์") == ["ขอใจเธอแลกเบอร์โทร"]
    assert found("스타일") == ["강남스타일"]
    assert found("止まる") == []  # another word
    assert found("ude") == []  # not inside a Latin word
