"""End to end over real HTTP: `feelalike serve` on a free loopback port, real Redis."""
from __future__ import annotations

import json
import socket
import threading
import time

import pytest
import requests

from models.build import BlockWeights, build
from models.ingest import Catalog

from .fixtures import Server, make_track

URL = "/v1/recommendations?seed=trk3&limit=8"


@pytest.fixture()
def server(env):
    srv = Server(env)
    yield srv
    srv.stop()


def test_restart_serves_identical_answers_from_redis_alone(server, store, published):
    server.start()
    first = server.get(URL)
    assert first.status_code == 200 and first.headers["Content-Type"] == "application/json"
    server.stop()
    store.client.delete(*store.client.scan_iter(store.key_for("cache", "*",
                                                                version=published)))
    server.start()
    second = server.get(URL)
    assert second.json() == first.json()
    assert second.json()["model_version"] == published


def test_errors_over_http_are_json(server, published):
    server.start()
    response = server.get("/v1/recommendations?seed=trk3&limit=abc")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "bad_request"
    response = server.get("/v1/recommendations?seed=" + "y" * 1001)
    assert response.status_code == 400 and response.json()["error"]["field"] == "seed"
    response = server.get("/v1/recommendations?seed=" + "y" * 5000)  # over the URL limit
    assert response.status_code == 414
    assert response.json()["error"]["code"] == "request_uri_too_long"
    assert server.get("/missing").json()["error"]["code"] == "not_found"


def test_rebuild_under_load_loses_no_request(server, store, small_catalog, published):
    server.start()
    old_body = server.get(URL).json()
    responses: list[tuple[int, dict]] = []
    stop = threading.Event()

    def hammer() -> None:
        for _ in range(400):  # bounded: stops by itself
            if stop.is_set():
                return
            r = server.get(URL)
            responses.append((r.status_code, r.json()))

    threads = [threading.Thread(target=hammer) for _ in range(4)]
    for t in threads:
        t.start()
    time.sleep(0.3)
    changed = Catalog([*small_catalog.tracks, *(make_track(200 + i) for i in range(30))])
    new_version = store.publish(build(changed, k=20, weights=BlockWeights(audio=2.0, mood=0.5)))
    time.sleep(0.5)
    after = [server.get(URL) for _ in range(3)]
    stop.set()
    for t in threads:
        t.join()
    new_body = after[-1].json()
    assert new_body["model_version"] == new_version != published
    assert new_body["results"] != old_body["results"]
    assert responses and all(status == 200 for status, _ in responses)
    for _, body in responses:
        assert body == (old_body if body["model_version"] == published else new_body)
    assert all(r.json() == new_body for r in after)


def test_playlist_over_http(server, published):
    server.start()
    response = requests.post(server.base + "/v1/playlists?format=m3u8", timeout=10,
                             json={"seed": "trk3", "length": 5, "min_artist_gap": 1})
    assert response.status_code == 200
    lines = response.text.splitlines()
    assert lines[0] == "#EXTM3U" and sum(x.startswith("#EXTINF") for x in lines) == 5
    # relative links unless FEELALIKE_PUBLIC_URL is set (never built from the Host header)
    assert all(x.startswith("/v1/tracks/") for x in lines if not x.startswith("#"))
    bad = requests.post(server.base + "/v1/playlists", json={"seed": "trk3", "length": 0},
                        timeout=10)
    assert bad.status_code == 400 and bad.json()["error"]["field"] == "length"


def test_external_ids_over_http(server, store):
    """A library with ISRCs and files: an ISRC seeds like the track id, include_ids keeps
    to the library, a malformed id is a 400 naming its field, files play from the root."""
    tracks = [make_track(i, external_ids={"isrc": f"USRC176{i:05d}",
                                          "path": f"/music/Artist {i % 7}/Song {i}.flac"})
              for i in range(30)]
    store.publish(build(Catalog(tracks=tracks), k=10))
    server.env["FEELALIKE_MUSIC_ROOT"] = "/music"
    server.start()
    by_id = server.get("/v1/recommendations?seed=trk3&limit=5").json()
    by_isrc = server.get("/v1/recommendations?seed=isrc:usrc17600003&limit=5").json()
    assert by_isrc["results"] == by_id["results"] and by_isrc["seed"]["id"] == "trk3"
    bad = server.get("/v1/recommendations?seed=isrc:XX12")
    assert bad.status_code == 400 and bad.json()["error"]["field"] == "seed"
    library = ["isrc:USRC17600004", "trk5", "path:/music/Artist 2/Song 9.flac", "isrc:" +
               "USRC17699999"]
    answer = requests.post(server.base + "/v1/recommendations", timeout=10, json={
        "seeds": ["trk3"], "include_ids": library}).json()
    assert answer["results"] and {r["id"] for r in answer["results"]} <= {"trk4", "trk5",
                                                                          "trk9"}
    assert answer["include_ids_unknown"] == 1
    m3u8 = requests.post(server.base + "/v1/playlists?format=m3u8", timeout=10,
                         json={"seed": "trk3", "length": 3, "include_ids": library}).text
    assert [x for x in m3u8.splitlines() if not x.startswith("#")] and all(
        x.startswith("Artist ") and x.endswith(".flac")
        for x in m3u8.splitlines() if not x.startswith("#"))


@pytest.mark.parametrize("access_log", ["on", "off"])
def test_the_server_log_never_holds_query_strings(env, published, access_log):
    """What a user asks for (a seed, a title) is theirs: the access log names the path only,
    and with it off nothing per request is written (werkzeug's own line included)."""
    server = Server({**env, "FEELALIKE_ACCESS_LOG": access_log}).start()
    try:
        assert server.get("/v1/recommendations?seed=private-marker%20song").status_code == 404
        with socket.create_connection(("127.0.0.1", server.port), timeout=10) as conn:
            conn.sendall(b"GET /v1/recommendations?seed=private marker HTTP/1.1\r\n\r\n")
            assert b" 400 " in conn.recv(100)  # malformed: werkzeug logs it as an error
        log = server.stopped_log()
    finally:
        server.stop()
    assert "private-marker" not in log
    assert ("/v1/recommendations" in log) == (access_log == "on")


def raw_get(server: Server, target: bytes) -> dict:
    """GET with ``target`` sent as given: bytes a client did not percent-encode."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as conn:
        conn.sendall(b"GET " + target + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        data = b"".join(iter(lambda: conn.recv(65536), b""))
    return json.loads(data.split(b"\r\n\r\n", 1)[1])


def test_a_url_typed_with_accents_reads_as_utf8(server, published):
    """Found by a tester: curl sends "Beyoncé" in a URL as typed (UTF-8 bytes); the
    server read it as "BeyoncÃ©" and found nothing."""
    server.start()
    assert raw_get(server, "/v1/tracks?q=Beyoncé".encode())["query"] == "Beyoncé"
    assert raw_get(server, b"/v1/tracks?q=Beyonc%C3%A9")["query"] == "Beyoncé"
    error = raw_get(server, "/v1/tracks/été".encode())["error"]
    assert error["code"] == "track_not_found" and "été" in error["message"]
    error = raw_get(server, b"/v1/recommendations?seed=Beyonc\xe9")["error"]  # Latin-1
    assert error["field"] == "seed" and "not UTF-8" in error["message"]


def test_a_conditional_get_over_http_is_a_bodiless_304(server, published):
    server.start()
    first = server.get(URL)
    assert first.status_code == 200 and first.headers["Cache-Control"] == "no-cache"
    again = server.get(URL, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["ETag"] == first.headers["ETag"]
    assert server.get(URL).json() == first.json()  # the connection and cache still serve
