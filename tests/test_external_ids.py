"""External ids: read from catalog columns (normalised; a malformed one reported and
its row kept), indexed in Redis at publish, and accepted as seeds everywhere."""
from __future__ import annotations

import json

import pytest

from models.build import build
from models.ingest import load_catalog, parse_reference
from service.store import IdClash, Updater

from .fixtures import ID_CATALOG_ROWS as ROWS
from .fixtures import (TIDY, error_of, isrc, make_track, mbid, music_file, needs_shared, spotify,
                       write_rows)

# -- ingest ---------------------------------------------------------------------------------

def test_catalog_columns_become_normalised_external_ids(ids_catalog):
    catalog = load_catalog([ids_catalog])
    by_id = {t.id: t for t in catalog.tracks}
    assert by_id["id0"].external_ids == {
        "isrc": isrc(0), "mbid": mbid(0), "spotify": spotify(0), "deezer": "1000",
        "path": music_file(0), "ext:discogs": "500"}
    assert by_id["id5"].external_ids == {"isrc": isrc(5), "mbid": mbid(5),
                                         "ext:discogs": "505"}


def test_a_malformed_isrc_is_reported_and_its_row_kept_without_it(ids_catalog):
    catalog = load_catalog([ids_catalog])
    kept = {t.id: t for t in catalog.tracks}["id-bad-isrc"]
    assert "isrc" not in kept.external_ids and kept.title == "Bad ISRC"
    problem, = [p for p in catalog.problems if "XX12" in p.reason]
    assert problem.line == ROWS + 2 and problem.kept and "isrc" in problem.reason
    assert catalog.skipped == 0  # no row was skipped


def test_an_external_id_with_invisible_or_control_characters_is_dropped(tmp_path):
    """Found by a review: an ext: value took a direction override or a terminal
    escape, echoed back in answers and exports.  A path is a real file's name, which
    may hold a right-to-left mark, but no control character."""
    path = tmp_path / "c.jsonl"
    rows = [{"id": "a", "title": "A", "ext:discogs": "12\u202e34", "path": "\u200fa.flac"},
            {"id": "b", "title": "B", "ext:discogs": "12\u001b[31m34", "isrc": "GBUM71900187"},
            {"id": "c", "title": "C", "ext:discogs": "567", "path": "c\u0007.flac"}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    catalog = load_catalog([path])
    assert [t.external_ids for t in catalog.tracks] == [
        {"path": "\u200fa.flac"}, {"isrc": "GBUM71900187"}, {"ext:discogs": "567"}]
    assert catalog.skipped == 0 and [p.kept for p in catalog.problems] == [True] * 3
    assert all("control characters" in p.reason for p in catalog.problems)
    assert parse_reference("path:\u200fa.flac") == ("path", "\u200fa.flac")


def test_a_mapping_names_an_id_column_and_odd_values_are_reported(tmp_path):
    rows = [{"sid": "1", "t": "A", "Code": "GB-UM7-19-00187", "deezer": "12a",
             "mbid": "nope", "spotify": "https://open.spotify.com/intl-de/track/"
                                        "4uLU6hMCjMI75M1A2tKUQC?si=x"}]
    path = write_rows(tmp_path / "odd.csv", rows, list(rows[0]))
    catalog = load_catalog([path], {"id": "sid", "title": "t", "isrc": "Code"})
    assert catalog.tracks[0].external_ids == {"isrc": "GBUM71900187",
                                              "spotify": "4uLU6hMCjMI75M1A2tKUQC"}
    reasons = " ".join(p.reason for p in catalog.problems)
    assert "Deezer" in reasons and "MusicBrainz" in reasons and catalog.skipped == 0


def test_a_spotify_style_own_id_is_also_the_spotify_id(tmp_path):
    rows = [{"track_id": "4uLU6hMCjMI75M1A2tKUQC", "track_name": "A"},
            {"track_id": "not-spotify-shaped", "track_name": "B"}]
    tracks = load_catalog([write_rows(tmp_path / "s.csv", rows, list(rows[0]))]).tracks
    assert tracks[0].external_ids == {"spotify": "4uLU6hMCjMI75M1A2tKUQC"}
    assert tracks[1].external_ids == {}


@needs_shared
def test_the_tidytuesday_catalog_ids_are_spotify_ids(tmp_path):
    head = "".join(TIDY.open(encoding="utf-8").readlines()[:30])
    sample = tmp_path / "tidy_head.csv"
    sample.write_text(head, encoding="utf-8")
    tracks = load_catalog([sample]).tracks
    assert tracks and all(t.external_ids.get("spotify") == t.id for t in tracks)


@pytest.mark.parametrize("text, expected", [
    ("isrc:us-rc1-76-07839", ("isrc", "USRC17607839")),
    ("ISRC:USRC17607839", ("isrc", "USRC17607839")),
    ("mbid:B1A9C0E9-D987-4042-AE91-78D6A3267D69",
     ("mbid", "b1a9c0e9-d987-4042-ae91-78d6a3267d69")),
    ("https://musicbrainz.org/recording/b1a9c0e9-d987-4042-ae91-78d6a3267d69",
     ("mbid", "b1a9c0e9-d987-4042-ae91-78d6a3267d69")),
    ("spotify:track:4uLU6hMCjMI75M1A2tKUQC", ("spotify", "4uLU6hMCjMI75M1A2tKUQC")),
    ("https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC?si=abc",
     ("spotify", "4uLU6hMCjMI75M1A2tKUQC")),
    ("deezer:3135556", ("deezer", "3135556")),
    ("https://www.deezer.com/fr/track/3135556", ("deezer", "3135556")),
    ("path:/music/a b.flac", ("path", "/music/a b.flac")),
    ("ext:Discogs:12:3", ("ext:discogs", "12:3")),
    ("Loneliness #3", None), ("Path: The Journey", None), ("foo:bar", None),
])
def test_references_are_read_and_normalised(text, expected):
    assert parse_reference(text) == expected


# -- seeds ----------------------------------------------------------------------------------

def seed_forms(i: int) -> list[str]:
    return [f"isrc:{isrc(i)}", f"ISRC:{isrc(i)[:2]}-{isrc(i)[2:]}", f"mbid:{mbid(i).upper()}",
            f"spotify:track:{spotify(i)}", f"https://open.spotify.com/track/{spotify(i)}?si=1",
            f"deezer:{1000 + i}", f"path:{music_file(i)}", f"ext:discogs:{500 + i}"]


def test_every_kind_of_id_seeds_like_the_track_id(store, ids_model, client):
    expected = client.get("/v1/recommendations?seed=id0&limit=5").get_json()
    assert expected["seed"]["id"] == "id0" and expected["results"]
    for seed in seed_forms(0):
        answer = client.get("/v1/recommendations", query_string={"seed": seed, "limit": 5})
        assert answer.status_code == 200, seed
        assert answer.get_json()["results"] == expected["results"], seed
        posted = client.post("/v1/recommendations", json={"seeds": [{"seed": seed}],
                                                          "limit": 5}).get_json()
        assert posted["seeds"][0]["id"] == "id0", seed
    doc = client.get(f"/v1/tracks/isrc:{isrc(3)}").get_json()
    assert doc["id"] == "id3" and doc["external_ids"]["isrc"] == isrc(3)


def test_playlists_and_paths_take_external_ids(ids_model, client):
    by_id = client.post("/v1/playlists", json={"seed": "id3", "length": 5}).get_json()
    by_isrc = client.post("/v1/playlists", json={"seed": f"isrc:{isrc(3)}",
                                                 "length": 5}).get_json()
    assert by_isrc["tracks"] == by_id["tracks"]
    assert by_isrc["tracks"][0]["external_ids"].keys() >= {"isrc", "mbid"}
    path = client.get("/v1/path", query_string={"from": f"deezer:{1000}",
                                                "to": f"mbid:{mbid(7)}", "steps": 3})
    assert [t["id"] for t in path.get_json()["tracks"]][::len(path.get_json()["tracks"]) - 1] \
        == ["id0", "id7"]


@pytest.mark.parametrize("method, path, body, field", [
    ("get", "/v1/recommendations?seed=isrc:XX12", None, "seed"),
    ("get", "/v1/recommendations?seed=mbid:not-a-uuid", None, "seed"),
    ("get", "/v1/recommendations?seed=spotify:track:4uLU6hMCjMI75M1A2tKUQ", None, "seed"),
    ("get", "/v1/recommendations?seed=spotify:album:4uLU6hMCjMI75M1A2tKUQC", None, "seed"),
    ("get", "/v1/recommendations?seed=deezer:12a", None, "seed"),
    ("get", "/v1/recommendations?seed=ext:discogs", None, "seed"),
    ("get", "/v1/tracks/isrc:XX12", None, "id"),
    ("get", "/v1/path?from=id1&to=isrc:XX12", None, "to"),
    ("get", "/v1/path?from=mbid:x&to=id1", None, "from"),
    ("post", "/v1/recommendations", {"seeds": ["id1", "isrc:XX12"]}, "seeds[1]"),
    ("post", "/v1/recommendations", {"seeds": ["id1", {"seed": "isrc:XX12"}]},
     "seeds[1].seed"),
    ("post", "/v1/recommendations", {"seeds": [{"id": "deezer:x", "weight": 2}]},
     "seeds[0].id"),
    ("post", "/v1/recommendations", {"seeds": ["id1"], "negative_seeds": ["mbid:1"]},
     "negative_seeds[0]"),
    ("post", "/v1/recommendations", {"seeds": ["id1"], "exclude_ids": ["id2", "isrc:1"]},
     "exclude_ids[1]"),
    ("post", "/v1/recommendations", {"seeds": ["id1"],
                                     "include_ids": ["id2", "nope", "spotify:track:x"]},
     "include_ids[2]"),
    ("post", "/v1/playlists", {"seed": "isrc:XX12"}, "seed"),
    ("post", "/v1/playlists", {"seed": "id1", "seeds": [{"seed": "isrc:XX12"}]},
     "seeds[0].seed"),
    ("post", "/v1/playlists", {"seed": "id1", "include_ids": ["path:"]}, "include_ids[0]"),
])
def test_a_malformed_external_id_is_a_400_at_its_field(ids_model, client, method, path,
                                                       body, field):
    response = client.post(path, json=body) if method == "post" else client.get(path)
    error = error_of(response, 400, "bad_request")
    assert error["field"] == field and error["message"].startswith(f"{field}: ")


def test_well_formed_but_unknown_ids_are_404s_without_guesses(ids_model, client):
    for seed in (f"isrc:{isrc(99)}", "spotify:track:" + "Z" * 22, "path:/nowhere.flac"):
        error = error_of(client.get("/v1/recommendations", query_string={"seed": seed}),
                         404, "seed_not_found")
        assert error["suggestions"] == []
    error_of(client.get(f"/v1/tracks/isrc:{isrc(99)}"), 404, "track_not_found")


def test_exact_track_ids_win_and_unknown_kinds_are_titles_or_a_400(ids_model, client):
    colon = client.get("/v1/recommendations?seed=spotify:track:short").get_json()
    assert colon["seed"]["id"] == "spotify:track:short"
    # "Song: 3" (a colon and a space) is a title; "Song:3" reads as an id of kind "Song"
    # but matches a title first; "foo:bar" is neither: a 400 naming the kinds we know
    assert client.get("/v1/recommendations?seed=Song: 3").get_json()["seed"]["title"] == "Song 3"
    assert client.get("/v1/recommendations?seed=Song:3").status_code == 200
    error = error_of(client.get("/v1/recommendations?seed=foo:bar"), 400, "bad_request")
    assert error["field"] == "seed" and "isrc:" in error["message"]
    assert error_of(client.get("/v1/tracks/foo:bar"), 400)["field"] == "id"
    assert error_of(client.get("/v1/recommendations?seed=Nothing like it"), 404,
                    "seed_not_found")["suggestions"] is not None


def test_an_unknown_kind_in_an_id_list_is_a_400_at_its_index(ids_model, client):
    for field in ("include_ids", "exclude_ids"):
        answer = client.post("/v1/recommendations", json={
            "seeds": ["id3"], field: ["id4", f"isrc:{isrc(5)}", "upc:0123456789"]})
        assert error_of(answer, 400)["field"] == f"{field}[2]"
    ok = client.post("/v1/recommendations", json={"seeds": ["id3"],
                                                  "include_ids": ["spotify:track:short"]})
    assert ok.status_code == 200  # a track id with a colon is an id, whatever its prefix


# -- the Redis index ------------------------------------------------------------------------

def test_the_ids_hash_is_a_version_key(store, ids_model, ids_catalog, redis_client):
    key = store.key_for("ids", version=ids_model)
    assert redis_client.ttl(key) == -1  # activated: permanent while current
    assert store.rows_of(ids_model, [], [f"isrc:{isrc(5)}", f"spotify:{spotify(7)}"])[1] == [5, 7]
    newer = build(load_catalog([ids_catalog]), k=10)
    newer.meta["version"] = ids_model + "-next"
    store.publish(newer)
    assert 0 < redis_client.ttl(key) <= store.grace_seconds


def test_the_cli_reports_dropped_ids_and_takes_external_seeds(runner, ids_catalog,
                                                               monkeypatch):
    code, _, err = runner("build", "--catalog", str(ids_catalog))
    assert code == 0, err
    assert "external ids (their rows are kept)" in err and "XX12" in err
    assert "malformed catalog rows" not in err
    code, out, err = runner("recommend", f"isrc:{isrc(3)}", "--limit", "3")
    assert code == 0 and "Song 3 by Band 3" in out
    code, _, err = runner("recommend", "isrc:XX12")
    assert code != 0 and "SEED: 'XX12' is not an ISRC" in err
    monkeypatch.setenv("FEELALIKE_MUSIC_ROOT", "/music")
    code, out, _ = runner("playlist", f"path:{music_file(0)}", "--length", "20",
                          "--format", "m3u8")
    assert code == 0 and "#PLAYLIST:Feels like Song 0" in out
    locations = [line for line in out.splitlines() if line and not line.startswith("#")]
    files = [x for x in locations if x.endswith(".flac")]
    assert files and all(x.startswith("Band ") for x in files)  # relative to the root


def test_results_and_search_hits_carry_external_ids(ids_model, client):
    """Found by a tester: only playlist entries and track documents gave a track's ids in
    other systems, so an app playing a recommendation needed one more call per result."""
    entry = client.post("/v1/playlists", json={"seed": "id3", "length": 3}).get_json()
    ids = {t["id"]: t["external_ids"] for t in entry["tracks"]}
    answers = [client.get("/v1/recommendations?seed=id3&limit=5").get_json()["results"],
               client.post("/v1/recommendations", json={"seeds": ["id3"], "limit": 5})
               .get_json()["results"],
               client.get("/v1/tracks?q=Band&limit=5").get_json()["results"]]
    for results in answers:
        assert results and any(r["external_ids"] for r in results)
        for result in results:
            document = client.get(f"/v1/tracks/{result['id']}").get_json()
            assert result["external_ids"] == document["external_ids"]
            assert ids.get(result["id"], result["external_ids"]) == result["external_ids"]


def test_an_update_refuses_ids_that_would_take_over_another_track_s_lookups(
        store, ids_model, ids_catalog, client):
    """Found by a self-hoster: a track added with the id "isrc:..." of a track in the
    model answered that ISRC's lookups from then on (exact ids are looked up first)."""
    holder = client.get(f"/v1/recommendations?seed=isrc:{isrc(3)}").get_json()["seed"]["id"]
    taken = make_track(900, id=f"isrc:{isrc(3)}")
    with pytest.raises(IdClash, match="reads as an external id another track holds"):
        Updater(store).add([taken])
    first = Updater(store).add([make_track(902, id=f"isrc:{isrc(7)}0")])  # malformed: free
    assert first.added == [f"isrc:{isrc(7)}0"]
    with pytest.raises(IdClash):
        Updater(store).add([make_track(903, id="own-1", external_ids={"isrc": isrc(50)}),
                            make_track(904, id=f"isrc:{isrc(50)}")])  # within one update
    assert store.current_version() == first.version
    # an id that is no URL a parser reads is the track's own too (it was a 500)
    assert Updater(store).add([make_track(907, id="http://[::1")]).added == ["http://[::1"]
    after = client.get(f"/v1/recommendations?seed=isrc:{isrc(3)}").get_json()["seed"]["id"]
    assert after == holder
    # an id written as an external id nobody holds is the track's own, and a track
    # holding that external id later would never be found by it
    free = Updater(store).add([make_track(905, id=f"isrc:{isrc(99)}")])
    assert free.added == [f"isrc:{isrc(99)}"]
    with pytest.raises(IdClash, match="the id of a track already in the model"):
        Updater(store).add([make_track(906, id="own-2", external_ids={"isrc": isrc(99)})])
