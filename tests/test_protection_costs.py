"""What a request costs against the rate limit: a title looked up by resembling every
title costs more the longer it is (a tester kept /healthz waiting 4.5 s with 21 long
title searches in 15 s, within the limit)."""
from __future__ import annotations

from .fixtures import error_of, make_app

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
