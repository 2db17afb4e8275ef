"""Regressions found while documenting and fuzzing the API (schemathesis and by hand),
each with the request that showed it."""
from __future__ import annotations

import json
from xml.etree import ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.build import build
from models.ingest import Catalog
from service import create_app
from service.exports import export
from service.resources import Resources
from service.views.playlists import ARC_IGNORES

from .fixtures import error_of, make_track

ODD = "Mix \ufffe\uffff\ud800 <&> end"


@pytest.mark.parametrize("fmt", ["m3u8", "xspf", "jspf"])
def test_exports_drop_characters_xml_forbids(fmt):
    tracks = [{"id": "a", "title": "Song \uffff", "artist": "A\ufffe\x850", "album": "B\ud800",
               "duration_ms": 1000}]
    text = export(fmt, ODD, tracks, lambda t: "t/a")
    assert not any(ch in text for ch in "\ufffe\uffff\ud800\x85")
    if fmt == "m3u8":  # NEL (U+0085) is a line break to many readers, Python's too
        assert len(text.splitlines()) == 4
    text.encode("utf-8")  # no lone surrogate left to fail the response
    if fmt == "xspf":
        root = ET.fromstring(text.encode("utf-8"))
        assert root.find("{http://xspf.org/ns/0/}title").text == "Mix   <&> end"
    if fmt == "jspf":
        assert json.loads(text)["playlist"]["track"][0]["title"] == "Song"


@pytest.mark.parametrize("fmt", ["m3u8", "xspf", "jspf", "csv"])
def test_exports_drop_direction_overrides_that_disguise_a_name(fmt):
    tracks = [{"id": "a", "title": "evil\u202egnp.exe", "artist": "A\u2067B\u2069",
               "album": "C", "duration_ms": 1000}]
    text = export(fmt, "Mix", tracks, lambda t: "t/a")
    assert not any(ch in text for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    assert "evil gnp.exe" in text


def test_an_xspf_playlist_with_an_odd_title_is_well_formed_xml(client, published):
    response = client.post("/v1/playlists?format=xspf",
                           json={"seed": "trk3", "length": 2, "title": "a\uffffb"})
    assert response.status_code == 200
    root = ET.fromstring(response.get_data())
    assert root.find("{http://xspf.org/ns/0/}title").text == "a b"


@settings(max_examples=150, deadline=None)
@given(title=st.text(max_size=40), artist=st.text(max_size=20), album=st.text(max_size=20))
def test_exports_are_well_formed_whatever_the_text(title, artist, album):
    """Any title, artist or album (as a catalog or a request may hold them): XSPF parses,
    JSPF parses, M3U8 keeps one directive line and one link per track."""
    tracks = [{"id": "a", "title": title, "artist": artist, "album": album,
               "duration_ms": 1000}, {"id": "b", "title": "x", "artist": "y", "album": ""}]
    ET.fromstring(export("xspf", title, tracks, lambda t: f"t/{t['id']}").encode("utf-8"))
    json.loads(export("jspf", title, tracks, lambda t: f"t/{t['id']}"))
    lines = export("m3u8", title, tracks, lambda t: f"t/{t['id']}").splitlines()
    assert len(lines) == 6 and lines[0] == "#EXTM3U" and lines[1].startswith("#PLAYLIST:")
    assert [line for line in lines[2:] if not line.startswith("#EXTINF:")] == ["t/a", "t/b"]


def _admin_client(store):
    app = create_app({"TESTING": True, "RESOURCES": Resources(store), "ADMIN_KEYS": ("adm",)})
    return app.test_client(), {"X-API-Key": "adm"}


@pytest.mark.parametrize("odd", ["a\x01b", "line\nbreak", "c\uffffd", "tab\tid"])
def test_a_track_id_with_control_characters_is_refused(store, env, published, odd):
    """Such an id broke XSPF exports and could not be named in a URL path again."""
    client, key = _admin_client(store)
    row = {"id": odd, "title": "Quokka Zephyr", "features": {"energy": 0.5}}
    error = error_of(client.post("/v1/admin/tracks", json={"tracks": [row]}, headers=key), 400)
    assert error["field"] == "tracks[0].id"
    found = client.get("/v1/tracks?q=Quokka Zephyr").get_json()["results"]
    assert odd not in [r["id"] for r in found]


def test_m3u8_entries_that_start_with_a_hash_or_a_space_still_name_their_files():
    """"#1 Crush.ogg" was a comment line to players, and " Intro.ogg" lost its space."""
    tracks = [{"id": str(i), "title": "t", "artist": "a"} for i in range(3)]
    files = {"0": "#1 Crush.ogg", "1": " Intro.ogg", "2": "/music/#2.ogg"}
    lines = export("m3u8", "x", tracks, lambda t: files[t["id"]]).splitlines()
    assert lines[3::2] == ["./#1 Crush.ogg", "./ Intro.ogg", "/music/#2.ogg"]


def test_an_m3u8_entry_without_an_artist_is_its_title():
    """A self-hoster's untagged file was listed as " - rock 1"."""
    tracks = [{"id": "0", "title": "rock 1", "artist": ""},
              {"id": "1", "title": "Song", "artist": "Band", "duration_ms": 61_400}]
    lines = export("m3u8", "x", tracks, lambda t: "f.ogg").splitlines()
    assert lines[2::2] == ["#EXTINF:-1,rock 1", "#EXTINF:61,Band - Song"]


def test_m3u8_names_a_file_with_a_line_break_as_a_uri():
    """"Jazz/new<LF>line.opus" was written "Jazz/new line.opus": a file that does not
    exist (found by a review of a self-hoster's library)."""
    tracks = [{"id": str(i), "title": "t", "artist": "a"} for i in range(2)]
    files = {"0": "Jazz/new\nline.opus", "1": "/music/tab\there.opus"}
    lines = export("m3u8", "x", tracks, lambda t: files[t["id"]]).splitlines()
    assert lines[3::2] == ["Jazz/new%0Aline.opus", "file:///music/tab%09here.opus"]
    link = export("m3u8", "x", tracks[:1], lambda t: "smb://nas/a\n#EXTINF:1,x\nevil.mp3")
    assert link.splitlines()[3:] == ["smb://nas/a%0A#EXTINF:1,x%0Aevil.mp3"]


def test_xspf_identifiers_and_locations_are_cleaned():
    """Ids from a catalog file are not checked like the API's: the export cleans them."""
    tracks = [{"id": "a\x01b\uffff", "title": "t", "artist": "a", "album": ""}]
    root = ET.fromstring(export("xspf", "x", tracks, lambda t: "t/\x02").encode("utf-8"))
    ns = "{http://xspf.org/ns/0/}"
    assert root.find(f"{ns}trackList/{ns}track/{ns}identifier").text == "feelalike:track:a b"
    assert root.find(f"{ns}trackList/{ns}track/{ns}location").text == "t/"


def test_errors_never_echo_a_huge_input(store, env, published):
    client, key = _admin_client(store)
    long_ids = client.post("/v1/admin/removals", json={"ids": ["x" * 900_000]}, headers=key)
    assert error_of(long_ids, 400)["field"] == "ids[0]" and len(long_ids.data) < 2_000
    many = client.post("/v1/admin/removals", json={"ids": [f"{i:0>900}" for i in range(10)]},
                       headers=key)
    error = error_of(many, 404, "track_not_found")
    assert len(error["message"]) <= 403 and len(error["ids"]) == 10
    row = {"id": "n1", "title": "One", "tags": ["t" * 100_000]}
    refused = client.post("/v1/admin/tracks", json={"tracks": [row]}, headers=key)
    assert error_of(refused, 400)["field"] == "tracks[0].tags[0]" and len(refused.data) < 2_000


def test_a_sampled_playlist_tells_its_random_seed(client, published):
    body = {"seed": "trk3", "length": 8, "temperature": 3}
    first = client.post("/v1/playlists", json=body).get_json()
    again = client.post("/v1/playlists", json={**body, "random_seed": first["random_seed"]})
    assert [t["id"] for t in again.get_json()["tracks"]] == [t["id"] for t in first["tracks"]]
    assert "random_seed" not in client.post("/v1/playlists", json={"seed": "trk3"}).get_json()


def test_a_random_seed_without_a_temperature_is_said_to_be_ignored(client, published):
    """Found by an app developer: it was silently ignored, as if it reproduced a draw."""
    for route, body in (("/v1/recommendations", {"seeds": ["trk3"]}),
                        ("/v1/playlists", {"seed": "trk3", "length": 5})):
        plain = client.post(route, json=body).get_json()
        seeded = client.post(route, json={**body, "random_seed": 7}).get_json()
        assert not any("random_seed" in w for w in plain.get("warnings", []))
        assert "random_seed: ignored without a temperature" in seeded["warnings"][0]
        drawn = client.post(route, json={**body, "random_seed": 7, "temperature": 1})
        assert not any("random_seed" in w for w in drawn.get_json().get("warnings", []))


def test_an_arc_says_it_ignores_diversity_and_temperature(client, published):
    arc = {"arc": {"from": "lonely", "to": "joyful"}, "length": 6}
    assert ARC_IGNORES not in client.post("/v1/playlists", json=arc).get_json().get(
        "warnings", [])
    for extra in ({"diversity": 0.5}, {"temperature": 1, "random_seed": 3}):
        answer = client.post("/v1/playlists", json={**arc, **extra}).get_json()
        assert ARC_IGNORES in answer["warnings"] and "random_seed" not in answer


def test_a_tiny_mood_weight_still_ranks_by_that_mood(client, published):
    """1e-320 is above 0, so it is asked for; summed in float32 it was 0 and every
    score became 0, in catalog order."""
    tiny = client.post("/v1/recommendations", json={"moods": {"sad": 1e-320}, "limit": 5})
    plain = client.post("/v1/recommendations", json={"moods": {"sad": 1}, "limit": 5})
    assert tiny.get_json()["results"] == plain.get_json()["results"]
    assert all(r["score"] > 0 for r in tiny.get_json()["results"])


@pytest.mark.parametrize("target", [{"target_arousal": 0.5}, {"target_valence": 0.5},
                                    {"target_energy": 0.5}])
def test_playlists_take_every_target_recommendations_take(client, published, target):
    for path, size in (("/v1/playlists", "length"), ("/v1/recommendations", "limit")):
        answer = client.post(path, json={**target, size: 3})
        assert answer.status_code == 200, answer.get_json()


@pytest.mark.parametrize("path", ["/v1/recommendations", "/v1/playlists"])
def test_text_that_names_no_mood_is_named_as_the_problem(client, published, path):
    error = error_of(client.post(path, json={"text": "the table and the chair"}), 400,
                     "bad_request")
    assert error["field"] == "text" and "no mood words" in error["message"]
    nothing = error_of(client.post(path, json={"limit" if "rec" in path else "length": 3}),
                       400, "bad_request")
    assert nothing["field"] == "seeds" and "target_arousal" in nothing["message"]


@pytest.mark.parametrize("weights", [(1e-50, 1e-50), (1e-300, 2e-300)])
def test_tiny_seed_weights_rank_like_their_ratio(client, published, weights):
    """1e-50 passes validation (> 0); the weighted mean divided by its sum, which
    underflowed to 0, and every score became 0 in catalog order."""
    def ranked(a: float, b: float) -> list:
        body = {"seeds": [{"seed": "trk1", "weight": a}, {"seed": "trk3", "weight": b}],
                "limit": 5}
        return client.post("/v1/recommendations", json=body).get_json()["results"]

    tiny = ranked(*weights)
    assert [r["id"] for r in tiny] == [r["id"] for r in ranked(1.0, weights[1] / weights[0])]
    assert all(r["score"] > 0 for r in tiny)
    negative = client.post("/v1/recommendations", json={
        "seeds": ["trk1"], "negative_seeds": [{"seed": "trk3", "weight": 1e-50}]}).get_json()
    assert all(r["score"] > 0 for r in negative["results"])


def test_an_unknown_track_id_is_quoted_short(client, published):
    error = error_of(client.get("/v1/tracks/" + "Z" * 600), 404)
    assert len(error["message"]) <= 100 and "Z" * 50 not in error["message"]


@pytest.mark.parametrize("path", ["/v1/recommendations", "/v1/playlists"])
def test_text_with_only_negated_moods_says_so(client, published, path):
    """"not happy" says what is not wanted, too little to rank by (and negation's reach
    is often misread: "never been this happy"): a 400 that says the words were negated."""
    error = error_of(client.post(path, json={"text": "not happy"}), 400, "bad_request")
    assert error["field"] == "text" and "only negated mood words (happy)" in error["message"]
    warned = client.post(path, json={"text": "not happy", "seeds": ["trk1"]}).get_json()
    assert any("only negated" in w for w in warned["warnings"])


def test_a_track_both_seed_and_negative_seed_is_refused(client, published):
    """Found by a review: it answered 200 with ordinary results and no word of it."""
    body = {"seeds": ["trk1", "trk2"], "negative_seeds": ["trk4", {"seed": "trk2"}]}
    error = error_of(client.post("/v1/recommendations", json=body), 400, "bad_request")
    assert error["field"] == "negative_seeds[1].seed"
    assert "also one of the seeds" in error["message"]
    fine = client.post("/v1/recommendations", json={**body, "negative_seeds": ["trk4"]})
    assert fine.status_code == 200


def test_a_path_between_two_versions_of_one_song_is_refused(client, store):
    """Found by a review: two ids of "Poker Face" made a 200 path from a song to itself
    (the same id was already a 400)."""
    tracks = [make_track(i) for i in range(12)]
    tracks += [make_track(100 + i, id=f"v{i}", title="Quay Lights" + tail, artist="Ilse")
               for i, tail in enumerate(["", " - Re-Recorded"])]
    store.publish(build(Catalog(tracks), k=8))
    error = error_of(client.get("/v1/path?from=v0&to=v1"), 400, "bad_request")
    assert error["field"] == "to" and "same song" in error["message"]
    assert client.get("/v1/path?from=v0&to=trk3").status_code == 200


def test_an_artist_typed_before_or_after_a_title_unseparated_names_their_track(client, store):
    """Found by a tester: "Beatles Hey Jude" (as typed into a search box) was a 404, the
    track only among the suggestions. An artist's words and their title, either way
    round, now take the track with a warning; a title of no such artist is still a 404,
    and a title typed as it is is taken as typed."""
    tracks = [make_track(i) for i in range(12)]
    tracks += [make_track(100, id="jude", title="Hey Jude - Remastered 2009",
                          artist="The Beatles", popularity=80.0),
               make_track(101, id="cover", title="Hey Jude", artist="Someone", popularity=3.0),
               make_track(102, id="odd", title="Beatles Hey Jude", artist="Tribute")]
    store.publish(build(Catalog(tracks), k=8))
    for seed in ("Beatles Hey Jude", "hey jude the beatles", "The Beatles Hey Jude"):
        answer = client.get(f"/v1/recommendations?seed={seed}&limit=3").get_json()
        assert answer["seed"]["id"] == ("odd" if seed == "Beatles Hey Jude" else "jude"), seed
        if seed != "Beatles Hey Jude":
            assert "took the title of the artist it also names, 'Hey Jude - Remastered " \
                "2009' by 'The Beatles'" in answer["warnings"][0], seed
    assert "warnings" not in client.get("/v1/recommendations?seed=Beatles%20Hey%20Jude"
                                        ).get_json()
    error_of(client.get("/v1/recommendations?seed=Beatles%20Yellow%20Submarine"), 404,
             "seed_not_found")
    error_of(client.get("/v1/recommendations?seed=Someone%20Song%203"), 404, "seed_not_found")


def test_a_title_without_a_word_is_found_by_that_very_title(client, store):
    """Found by a tester: Aitana's "+" and MF DOOM's "?" could be reached only by id;
    search listed nothing and a seed of the title was a 404."""
    tracks = [make_track(i) for i in range(12)]
    tracks += [make_track(100, id="plus", title="+", artist="Aitana", popularity=81.0),
               make_track(101, id="plus2", title="+ ", artist="Other", popularity=3.0),
               make_track(102, id="what", title="?", artist="MF DOOM")]
    store.publish(build(Catalog(tracks), k=8))
    assert [r["id"] for r in client.get("/v1/tracks?q=%2B").get_json()["results"]] == [
        "plus", "plus2"]
    for seed, expected in (("%2B", "plus"), ("%3F", "what"), ("%20%3F%20", "what")):
        answer = client.get(f"/v1/recommendations?seed={seed}&limit=3").get_json()
        assert answer["seed"]["id"] == expected, seed
    assert client.get("/v1/path?from=%2B&to=%3F&steps=2").status_code == 200
    error_of(client.get("/v1/recommendations?seed=%21%21%21"), 404, "seed_not_found")


@pytest.mark.parametrize("path, field", [("/v1/recommendations?seed=Se%F1orita", "seed"),
                                         ("/v1/tracks?q=%FFlove", "q"),
                                         ("/v1/path?from=trk3&to=%E9t%E9", "to")])
def test_text_escaped_in_another_encoding_than_utf8_is_refused(client, published, path, field):
    """'Se%F1orita' (Latin-1) was read as the literal text 'Se%F1orita': a 404 whose
    suggestions had nothing to do with it."""
    body = error_of(client.get(path), 400, "bad_request")
    assert body["field"] == field and "UTF-8" in body["message"]


def test_odd_escapes_in_parameters_nobody_reads_are_ignored(client, published):
    assert client.get("/v1/recommendations?seed=trk3&utm=%F1").status_code == 200
    assert client.get("/v1/recommendations?seed=Se%C3%B1orita%2525").status_code == 404
    page = client.get("/embed?seed=Se%F1orita")
    assert page.status_code == 400 and page.content_type.startswith("text/html")


@pytest.mark.parametrize("param", ["include_ids=trk1", "exclude_artists=Artist%201",
                                   "max_energy=0.5"])
def test_a_body_field_on_the_get_route_is_refused_not_ignored(client, published, param):
    """`GET /v1/recommendations?...&include_ids=` answered an unrestricted list."""
    error = error_of(client.get(f"/v1/recommendations?seed=trk3&{param}"), 400,
                     "bad_request")
    assert error["field"] == param.split("=")[0]
    assert "POST /v1/recommendations" in error["message"]
    assert client.get("/v1/recommendations?seed=trk3&_=12345").status_code == 200  # buster
    assert client.get("/embed?seed=trk3&include_ids=trk1").status_code == 200  # a page


@pytest.mark.parametrize("route, param", [("/v1/playlists", "length=5"),
                                          ("/v1/playlists", "seed=trk4"),
                                          ("/v1/recommendations", "limit=3"),
                                          ("/v1/recommendations", "seeds=trk4"),
                                          ("/v1/recommendations", "Limit=3"),
                                          ("/v1/recommendations", "seed=trk4")])
def test_a_body_field_in_a_post_s_query_string_is_refused_not_ignored(client, published,
                                                                       route, param):
    """Found by a review: POST /v1/playlists?length=5 answered 20 tracks."""
    body = {"seeds": ["trk3"]}
    error = error_of(client.post(f"{route}?{param}", json=body), 400, "bad_request")
    assert error["field"] == param.split("=")[0] and "JSON body" in error["message"]
    assert client.post(f"{route}?_=12345", json=body).status_code == 200
    assert client.post("/v1/playlists?format=m3u8", json={"seed": "trk3"}).status_code == 200


def test_an_answer_cached_in_an_older_shape_is_not_served(client, store, published):
    """Found by a review: results gained external_ids, and an answer cached before the
    upgrade (same model version, key of seed and limit) was served without them."""
    import hashlib
    import json

    old_key = hashlib.sha1(json.dumps(["rec", "trk3", 4]).encode()).hexdigest()
    stale = {"seed": {"id": "trk3"}, "model_version": published, "results": []}
    store.cache(published, old_key, json.dumps(stale).encode())
    answer = client.get("/v1/recommendations?seed=trk3&limit=4").get_json()
    assert len(answer["results"]) == 4 and all("external_ids" in r for r in answer["results"])


def test_an_answer_cached_before_seeds_were_resolved_anew_is_not_served(client, store,
                                                                      published):
    """A server upgraded under a live model answered "Sprawl" from its cache: the track
    taken for the seed's first words, without the warning the new code gives."""
    import hashlib
    import json

    old_key = hashlib.sha1(json.dumps(["rec", 3, "Loneliness", 4, 0]).encode()).hexdigest()
    stale = {"seed": {"id": "trk40"}, "model_version": published, "results": []}
    store.cache(published, old_key, json.dumps(stale).encode())
    answer = client.get("/v1/recommendations?seed=Loneliness&limit=4").get_json()
    assert answer["warnings"][0].startswith("seed: no title 'Loneliness'; took the only")


def test_an_empty_format_is_json_on_json_only_routes_too(client, published):
    """Found by a review: ``format=`` meant json on the export routes and was a 400
    ("this route answers JSON only") on the others."""
    assert client.get("/v1/tracks?q=Song&format=").status_code == 200
    assert client.get("/v1/recommendations?seed=trk3&format=").status_code == 200
    error_of(client.get("/v1/tracks?q=Song&format=csv"), 400, "bad_request")


def test_a_trailing_slash_names_no_route_on_a_track_as_on_every_route(client, published):
    """Found by an app developer: /v1/tracks/trk3/ answered 404 'no track with id
    "trk3/"', as if the track did not exist, where every other route says a trailing
    slash names no route.  It now says so, and which path was meant (never a redirect)."""
    for path, meant in (("/v1/tracks/trk3/", "/v1/tracks/trk3"),
                        ("/v1/tracks/trk3//", "/v1/tracks/trk3"),
                        ("/v1/recommendations/?seed=trk3", "/v1/recommendations"),
                        ("/v1/tracks/?q=Song", "/v1/tracks")):
        response = client.get(path)
        error = error_of(response, 404, "not_found")
        assert error["message"].endswith(f"(without the trailing slash: {meant})"), path
        assert "Location" not in response.headers
        assert client.get(meant + path.partition("?")[1] + path.partition("?")[2]) \
            .status_code == 200
    error = error_of(client.get("/v1/nothing-here/"), 404, "not_found")
    assert "trailing slash" not in error["message"]  # no route without it either
    error_of(client.get("/v1/tracks/no-such-track"), 404, "track_not_found")


def test_a_track_id_that_ends_in_a_slash_is_still_found(store, env):
    store.publish(build(Catalog(tracks=[make_track(i) for i in range(20)]
                                + [make_track(20, id="https://label.example/t/7/")]), k=5))
    client = create_app({"TESTING": True, "RESOURCES": Resources(store)}).test_client()
    response = client.get("/v1/tracks/https://label.example/t/7/")
    assert response.status_code == 200
    assert response.get_json()["id"] == "https://label.example/t/7/"
