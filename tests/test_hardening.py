"""Findings of the network-readiness audit, each pinned by a test: no secrets or hosts
in errors, no 500s from odd input, no nonsense matches, no injection into exports."""
from __future__ import annotations

import io

import pytest

from service.exports import export
from service.store import StoreUnavailable, connect

from .fixtures import error_of
from .redis_server import free_port


def test_an_unreachable_redis_url_never_shows_its_password():
    url = f"redis://user:S3CRET@127.0.0.1:{free_port()}/0"
    with pytest.raises(StoreUnavailable) as caught:
        connect(url)
    assert "S3CRET" not in caught.value.message and "user" not in caught.value.message


def test_redis_failures_do_not_show_hosts_or_ports():
    import redis

    from service import create_app
    from service.resources import Resources
    from service.store import ModelStore

    gone = ModelStore(redis.Redis(host="127.0.0.1", port=free_port(), socket_timeout=1))
    response = create_app({"RESOURCES": Resources(gone)}).test_client() \
        .get("/v1/recommendations?seed=trk1")
    error = error_of(response, 503, "store_unavailable")
    assert "127.0.0.1" not in error["message"] and ":" not in error["message"]


@pytest.mark.parametrize("seed", ["!!!", "...", "-", "\U0001F3B5", "++"])
def test_seeds_without_letters_or_digits_match_only_that_very_title(client, store, seed):
    """No near spelling of a title without words: "+" names the track titled "+", and
    nothing else (Aitana's "+" could not be reached by its title before)."""
    from models.build import build
    from models.ingest import Catalog

    from .fixtures import make_track

    store.publish(build(Catalog([make_track(i) for i in range(6)]
                                + [make_track(9, title="+")]), k=4))
    error = error_of(client.get("/v1/recommendations", query_string={"seed": seed}), 404,
                     "seed_not_found")
    assert error["suggestions"] == []
    found = client.get("/v1/recommendations", query_string={"seed": " + "}).get_json()
    assert found["seed"]["id"] == "trk9"


@pytest.mark.parametrize("seed", ["\u200b", "\u200b \ufeff", "\u00ad"])
def test_a_seed_of_invisible_characters_is_blank_not_unknown(client, published, seed):
    error = error_of(client.get("/v1/recommendations", query_string={"seed": seed}), 400,
                     "bad_request")
    assert error["field"] == "seed"


@pytest.mark.parametrize("seed", ["a" * 1000, "path:/" + "p" * 900], ids=["title", "path"])
def test_an_unknown_long_seed_is_quoted_short(client, published, seed):
    """The message quoted 60 characters where every other one quotes at most 40."""
    error = error_of(client.get("/v1/recommendations", query_string={"seed": seed}), 404,
                     "seed_not_found")
    assert repr(seed[:40]) + "..." in error["message"]
    assert seed[:41] not in error["message"]


@pytest.mark.parametrize("body, field", [
    ('{"seeds": ["\\ud800"]}', "seeds[0]"),
    ('{"seeds": [{"seed": "a\\udc00b"}]}', "seeds[0].seed"),
    ('{"seeds": ["trk1"], "exclude_tags": ["\\ud83d"]}', "exclude_tags[0]"),
])
def test_half_a_surrogate_pair_is_a_400_on_its_field(client, published, body, field):
    """JSON may escape half a UTF-16 pair; the answer named "seeds[0].seed" for a bare
    seed and quoted pydantic's own words."""
    error = error_of(client.post("/v1/recommendations", data=body,
                                 content_type="application/json"), 400, "bad_request")
    assert error["field"] == field
    assert error["message"] == f"{field}: must be valid text (it holds half of a UTF-16 " \
        "surrogate pair)"


@pytest.mark.parametrize("body, field", [
    ({"seeds": "abc"}, "seeds"),
    ({"seed": "trk1", "seeds": None, "length": 3}, "seeds"),
    ({"seeds": ["trk1"], "limit": 10 ** 400}, "limit"),
    ({"seeds": ["trk1"], "diversity": 10 ** 400}, "diversity"),
])
def test_odd_bodies_are_400s_not_500s(client, published, body, field):
    path = "/v1/playlists" if "seed" in body else "/v1/recommendations"
    response = client.post(path, json=body)
    if field is None:
        assert response.status_code == 200
    else:
        assert error_of(response, 400, "bad_request")["field"] == field


def test_deeply_nested_json_is_a_400(client, published):
    body = "[" * 5000 + "]" * 5000
    response = client.post("/v1/recommendations", data=body,
                           content_type="application/json")
    assert error_of(response, 400, "bad_request")["field"] == "body"


def test_error_messages_quote_only_a_short_excerpt_of_the_input(client, published):
    huge = "x" * 250
    error = error_of(client.get("/v1/recommendations", query_string={"seed": huge}), 404)
    assert len(error["message"]) < 120


@pytest.mark.parametrize("fmt", ["m3u8", "xspf", "jspf", "csv"])
def test_titles_cannot_inject_lines_into_exports(fmt):
    tracks = [{"id": "a", "title": "Song\n#EXTINF:0,evil\nhttp://evil", "artist": "A\r\nB",
               "album": "", "duration_ms": 1000}]
    text = export(fmt, "Mix\n#EXTM3U\nhttp://evil.example/x.mp3", tracks, lambda t: "t/a")
    if fmt == "m3u8":
        lines = text.splitlines()
        assert len(lines) == 4 and lines[0] == "#EXTM3U"
        assert [line for line in lines if not line.startswith("#")] == ["t/a"]
    else:
        assert "\n#EXTM3U" not in text and "Song\n" not in text


def test_bodies_and_urls_over_the_limits_get_json_413_and_414(store, published):
    from service import create_app
    from service.resources import Resources

    client = create_app({"RESOURCES": Resources(store), "MAX_BODY_BYTES": 10_000,
                         "MAX_URL_CHARS": 500}).test_client()
    huge = '{"seeds": ["trk1"], "' + "k" * 20_000 + '": 1}'
    error = error_of(client.post("/v1/recommendations", data=huge,
                                 content_type="application/json"), 413)
    assert len(error["message"]) < 300
    # it names the limit, as the 414 does (Werkzeug's "The data value transmitted
    # exceeds the capacity limit." named neither the limit nor the setting)
    assert error["message"] == ("the body is larger than 10000 bytes (the server's "
                                "FEELALIKE_MAX_BODY_BYTES)")
    error_of(client.get("/v1/recommendations?seed=" + "x" * 600), 414)
    assert client.get("/v1/recommendations?seed=trk1").status_code == 200


@pytest.mark.parametrize("size, status", [(999, 404), (1000, 404), (1001, 413),
                                          (50_000, 413)])
def test_a_chunked_body_over_the_limit_is_a_413_not_invalid_json(store, published, size,
                                                                   status):
    """A chunked body has no Content-Length; Werkzeug stopped reading it at the limit
    and the truncated JSON was answered 400 "must be valid JSON"."""
    from service import create_app
    from service.resources import Resources

    client = create_app({"RESOURCES": Resources(store), "MAX_BODY_BYTES": 1000}).test_client()
    body = b'{"seeds": ["no such track"]}'
    for path in ("/v1/recommendations", "/v1/playlists"):
        response = client.post(path, input_stream=io.BytesIO(body.ljust(size)),
                               headers={"Content-Type": "application/json",
                                        "Transfer-Encoding": "chunked"},
                               environ_overrides={"wsgi.input_terminated": True})
        error_of(response, status)


def test_an_unknown_key_of_any_size_is_named_briefly(client, published):
    response = client.post("/v1/recommendations", json={"seeds": ["trk1"], "k" * 5000: 1})
    error = error_of(response, 400, "bad_request")
    assert len(response.data) < 1000 and len(error["field"]) <= 60


def test_export_links_never_come_from_the_host_header(store, published):
    from service import create_app
    from service.resources import Resources

    body = {"seed": "trk1", "length": 3}
    plain = create_app({"RESOURCES": Resources(store)}).test_client()
    text = plain.post("/v1/playlists?format=m3u8", json=body,
                      headers={"Host": "evil.example"}).data.decode()
    links = [line for line in text.splitlines() if not line.startswith("#")]
    assert links and all(link.startswith("/v1/tracks/") for link in links)
    public = create_app({"RESOURCES": Resources(store),
                         "PUBLIC_URL": "https://music.example/fa/"}).test_client()
    text = public.post("/v1/playlists?format=m3u8", json=body,
                       headers={"Host": "evil.example"}).data.decode()
    assert "evil.example" not in text and "https://music.example/fa/v1/tracks/" in text


@pytest.mark.parametrize("path", ["/v1/recommendations", "/v1/playlists"])
@pytest.mark.parametrize("content_type", [
    "text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x", "application/xml"])
def test_a_body_sent_as_another_media_type_is_a_415(client, published, path, content_type):
    """Found by a tester: any Content-Type was read as JSON, so a page in another site
    could make its visitors' browsers send heavy requests (text/plain, form and multipart
    bodies need no CORS preflight)."""
    response = client.post(path, data='{"seeds": ["trk1"], "seed": "trk1"}',
                           content_type=content_type)
    error = error_of(response, 415, "unsupported_media_type")
    assert "application/json" in error["message"]


@pytest.mark.parametrize("content_type", [
    "application/json", "application/json; charset=utf-8", "application/vnd.feelalike+json",
    None])
def test_a_json_body_is_read_with_a_json_media_type_or_none(client, published, content_type):
    response = client.post("/v1/recommendations", data='{"seeds": ["trk1"], "limit": 2}',
                           content_type=content_type)
    assert response.status_code == 200 and len(response.get_json()["results"]) == 2


def test_a_track_id_whose_escapes_are_not_utf8_is_a_400(client, published):
    """Found by a tester: /v1/tracks/Se%F1orita looked for "Se\ufffdorita" (a 404),
    where ?seed=Se%F1orita is the 400 docs/api.md describes."""
    error = error_of(client.get("/v1/tracks/Se%F1orita"), 400, "bad_request")
    assert error["field"] == "id" and "UTF-8" in error["message"]
    assert client.get("/v1/tracks/trk1").status_code == 200


def test_a_number_past_the_digit_limit_is_named_as_such(client, published):
    """Found by a tester: a 4,301-digit whole number is valid JSON, and was answered
    "the request body must be valid JSON"."""
    body = '{"seeds": ["trk1"], "limit": ' + "9" * 5000 + "}"
    error = error_of(client.post("/v1/recommendations", data=body,
                                 content_type="application/json"), 400, "bad_request")
    assert error["field"] == "body" and "digits" in error["message"]
    assert "9999" not in error["message"]


@pytest.mark.parametrize("url, field", [
    ("/v1/tracks?q=a&lim-it=5", "lim-it"),
    ("/v1/tracks?q=a&limit%00=5", "limit\\x00"),
    ("/v1/recommendations?seed=trk1&Limit=5", "Limit"),
])
def test_an_unknown_parameter_is_named_as_it_was_sent(client, published, url, field):
    """Found by a tester: ``lim-it`` came back as ``["lim-it"]`` (JSON-path escaping,
    which is for body fields, not query parameters)."""
    error = error_of(client.get(url), 400, "bad_request")
    assert error["field"] == field and error["message"].startswith(f"{field}: ")


def test_a_track_id_sent_as_raw_utf8_is_read(client, published):
    """Raw (unescaped) UTF-8 in the path is UTF-8: not refused as Latin-1."""
    assert error_of(client.get("/v1/tracks/Se\u00f1orita"), 404, "track_not_found")
    assert error_of(client.get("/v1/tracks/Se%C3%B1orita"), 404, "track_not_found")


@pytest.mark.parametrize("method, path", [("GET", "/v1//tracks?q=Song"),
                                          ("POST", "/v1//recommendations"),
                                          ("POST", "/v1/admin//tracks")])
def test_a_doubled_slash_is_a_json_404_never_a_redirect_built_from_the_host(
        client, published, method, path):
    """Found by a tester: /v1//tracks answered werkzeug's 308 with an HTML body and a
    Location built from the Host header (behind a proxy: the upstream's internal
    address, without the proxy's path prefix), which a client following it resent its
    X-API-Key and body to.  A URL that names no route is the API's JSON 404."""
    response = client.open(path, method=method, json={"seeds": ["trk1"]},
                           headers={"Host": "evil.example", "X-API-Key": "k"})
    error_of(response, 404, "not_found")
    assert "Location" not in response.headers


def test_a_server_side_error_names_no_server_path_to_the_client(store, published, env,
                                                                   caplog):
    """Found by a tester: version files of another format (left by an upgrade) answered
    every client 500 store_corrupt with the server's data-home path in the message, and
    nothing in the log.  A 500's details go to the log, with the request id."""
    from pathlib import Path

    from service import create_app
    from service.resources import Resources
    from service.version_files import FORMAT

    home = Path(env["FEELALIKE_DATA_HOME"])
    assert create_app({"TESTING": True, "RESOURCES": Resources(store)}).test_client() \
        .get("/readyz").status_code == 200  # writes the version's files
    (manifest,) = home.glob(f"versions/*/{published}.f{FORMAT}/manifest.json")
    manifest.write_text(manifest.read_text().replace('"format": ', '"format": 9'))
    client = create_app({"TESTING": True, "RESOURCES": Resources(store)}).test_client()
    response = client.get("/v1/tracks?q=Song")
    error = error_of(response, 500, "store_corrupt")
    assert str(home) not in error["message"] and "versions" not in error["message"]
    logged = [r.getMessage() for r in caplog.records if str(home) in r.getMessage()]
    assert logged and response.headers["X-Request-ID"] in logged[0]
