"""What a request costs against the rate limit: a title looked up by resembling every
title costs more the longer it is (a tester kept /healthz waiting 4.5 s with 21 long
title searches in 15 s, within the limit)."""
from __future__ import annotations

from models.build import build
from models.ingest import Catalog

from .fixtures import error_of, make_app, make_track

LONG_TITLE = "love night lonely dance heart city summer fire dream blue sky"  # 61: 3 units


def spend(client, path: str, **kwargs) -> int:
    """Requests of ``path`` answered before the 429 (at most 12)."""
    for done in range(12):
        response = client.get(path, **kwargs)
        if response.status_code == 429:
            return done
        assert response.status_code in (200, 404), response.get_json()
    return 12


def test_a_long_title_costs_more_than_a_short_one_or_an_id(store, published):
    def fresh(name: str):
        return make_app(store, RATE_LIMIT="10/minute",
                        KEY_PREFIX=f"{store.prefix}-{name}").test_client()

    assert spend(fresh("short"), "/v1/tracks", query_string={"q": "Song 1"}) == 10
    assert spend(fresh("long"), "/v1/tracks", query_string={"q": LONG_TITLE}) == 2  # 4 each
    assert spend(fresh("id"), "/v1/recommendations",
                 query_string={"seed": "trk1"}) == 10
    assert spend(fresh("path"), "/v1/path",
                 query_string={"from": LONG_TITLE, "to": "trk2"}) == 2  # 2 + 3 each
    client = fresh("post")
    body = {"seeds": [LONG_TITLE, {"id": "trk2"}]}  # 2 seeds + 3 for the title
    assert client.post("/v1/recommendations", json=body).status_code in (200, 404)
    assert client.post("/v1/recommendations", json=body).status_code in (200, 404)
    error_of(client.post("/v1/recommendations", json=body), 429)


def test_a_long_external_id_costs_as_an_id(store, published):
    client = make_app(store, RATE_LIMIT="10/minute").test_client()
    reference = "path:" + "/".join(["a long folder name"] * 5) + "/song.flac"
    assert spend(client, "/v1/recommendations", query_string={"seed": reference}) == 10


ONE_WORD = "lovenightlonelydanceheartcitysummerfiredreambluesky"  # 51: 2 units, an id's shape
LONG_ID = "sha256-" + "0123456789abcdef" * 3  # 55 characters, a stored track's id


def test_a_one_word_text_costs_as_the_title_it_is_compared_with(store, small_catalog):
    """A 64-letter word searched for, or as a seed no track has as its id, is compared with
    every title as long as any other (556 ms on 28k tracks, a track's id 6 ms); it cost
    1 unit, as an id would.  A stored track's id of that length still costs none."""
    catalog = Catalog(tracks=[*small_catalog.tracks, make_track(41, id=LONG_ID)])
    store.publish(build(catalog, k=20))

    def fresh(name: str):
        return make_app(store, RATE_LIMIT="9/minute",
                        KEY_PREFIX=f"{store.prefix}-{name}").test_client()

    assert spend(fresh("search"), "/v1/tracks", query_string={"q": ONE_WORD}) == 3  # 3 each
    assert spend(fresh("seed"), "/v1/recommendations", query_string={"seed": ONE_WORD}) == 3
    assert spend(fresh("path"), "/v1/path", query_string={"from": ONE_WORD,
                                                         "to": LONG_ID}) == 2  # 2 + 2
    client = fresh("post")
    body = {"seeds": [ONE_WORD]}  # 1 + 2 for the word
    for _ in range(3):
        assert client.post("/v1/recommendations", json=body).status_code in (200, 404)
    error_of(client.post("/v1/recommendations", json=body), 429)
    assert spend(fresh("id"), "/v1/recommendations", query_string={"seed": LONG_ID}) == 9
