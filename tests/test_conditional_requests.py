"""Conditional GETs as an app developer's HTTP cache uses them: every successful read
carries a strong ETag, If-None-Match with it is a 304 without a body until the answer
changes (a new model version), keyed answers stay private, and a 304 costs what the 200
would.  Over the test client and the tests' private Redis."""
from __future__ import annotations

import pytest

from models.build import build
from models.ingest import Catalog

from .fixtures import error_of, make_app, make_track

READS = ["/v1/recommendations?seed=trk3&limit=5", "/v1/tracks?q=Song", "/v1/tracks/trk3",
         "/v1/path?from=trk3&to=trk30&steps=3", "/v1/path?from=trk3&to=trk30&format=m3u8",
         "/openapi.json", "/docs", "/", "/embed?seed=trk3"]


@pytest.mark.parametrize("path", READS)
def test_a_read_is_not_sent_again_while_it_is_unchanged(store, published, env, path):
    client = make_app(store, RATE_LIMIT="off").test_client()
    first = client.get(path)
    assert first.status_code == 200
    tag = first.headers["ETag"]
    assert tag.startswith('"') and tag.endswith('"')  # strong: byte for byte the same
    assert first.headers["Cache-Control"] == "no-cache"  # kept, but asked about each time
    again = client.get(path, headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.data == b""
    assert again.headers["ETag"] == tag and "Content-Type" not in again.headers
    for matching in (f"W/{tag}", f'"other", {tag}', "*"):  # weak comparison, lists, any
        assert client.get(path, headers={"If-None-Match": matching}).status_code == 304
    assert client.head(path, headers={"If-None-Match": tag}).status_code == 304
    other = client.get(path, headers={"If-None-Match": '"not-this-one"'})
    assert other.status_code == 200 and other.data == first.data
    assert other.headers["ETag"] == tag


def test_a_new_model_version_is_sent_in_full(store, published, env, small_catalog):
    client = make_app(store, RATE_LIMIT="off").test_client()
    old = client.get(READS[0])
    store.publish(build(Catalog(tracks=[*small_catalog.tracks, make_track(99)]), k=20))
    new = client.get(READS[0], headers={"If-None-Match": old.headers["ETag"]})
    assert new.status_code == 200 and new.headers["ETag"] != old.headers["ETag"]
    assert new.get_json()["model_version"] != old.get_json()["model_version"]


def test_the_answer_cache_and_the_etag_agree(store, published, env):
    """The second request is answered from the response cache in Redis: it hashes as
    the answer it was made from, so it is a 304."""
    client = make_app(store, RATE_LIMIT="off").test_client()
    first = client.get(READS[0])
    assert list(store.client.scan_iter(store.key_for("cache", "*", version=published)))
    assert client.get(READS[0], headers={"If-None-Match": first.headers["ETag"]}) \
        .status_code == 304


def test_errors_and_probes_carry_no_etag(store, published, env):
    client = make_app(store, RATE_LIMIT="off").test_client()
    for path in ("/v1/tracks/no-such-track", "/v1/recommendations?seed=trk3&limit=0",
                 "/healthz", "/readyz"):
        response = client.get(path, headers={"If-None-Match": "*"})
        assert response.status_code != 304 and "ETag" not in response.headers


@pytest.mark.parametrize("path", ["/v1/tracks/no-such-track", "/v1/no-such-route",
                                  "/v1/recommendations?seed=trk3&limit=0"])
def test_an_error_is_kept_by_no_cache(store, published, env, path):
    """HTTP lets a cache keep a 404 without being told to: a track missing now may be
    added by the next update, and a client would go on seeing it missing."""
    response = make_app(store, RATE_LIMIT="off").test_client().get(path)
    assert response.status_code >= 400 and response.headers["Cache-Control"] == "no-store"


def test_keyed_answers_are_revalidated_privately(store, published, env):
    client = make_app(store, RATE_LIMIT="off", API_KEYS=("reader",),
                      REQUIRE_KEYS_FOR_READS=True).test_client()
    key = {"X-API-Key": "reader"}
    first = client.get(READS[1], headers=key)
    assert first.headers["Cache-Control"] == "private, no-cache"  # no shared cache keeps it
    again = client.get(READS[1], headers={**key, "If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.headers["Cache-Control"] == "private, no-cache"
    # the ETag opens nothing: without the key it is still a 401
    error_of(client.get(READS[1], headers={"If-None-Match": first.headers["ETag"]}), 401)


def test_a_304_costs_what_the_200_would(store, published, env):
    client = make_app(store, RATE_LIMIT="3/minute").test_client()
    first = client.get(READS[1])
    assert first.headers["X-RateLimit-Remaining"] == "2"
    tag = {"If-None-Match": first.headers["ETag"]}
    assert [(r.status_code, r.headers["X-RateLimit-Remaining"])
            for r in (client.get(READS[1], headers=tag) for _ in range(2))] == \
        [(304, "1"), (304, "0")]
    error_of(client.get(READS[1], headers=tag), 429)


def test_a_page_of_another_origin_can_revalidate_an_answer(store, published, env):
    """A script reads a cross-origin header only when it is exposed, and sends
    If-None-Match only when the preflight allows it."""
    client = make_app(store, RATE_LIMIT="off").test_client()
    origin = {"Origin": "https://ui.example"}
    first = client.get(READS[1], headers=origin)
    assert "ETag" in first.headers["Access-Control-Expose-Headers"]
    preflight = client.options(READS[1], headers={
        **origin, "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "If-None-Match"})
    assert "if-none-match" in preflight.headers["Access-Control-Allow-Headers"].lower()
    again = client.get(READS[1], headers={**origin, "If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.headers["Access-Control-Allow-Origin"] == "*"
