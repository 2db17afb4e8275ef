"""include_ids (a listener's library as an allowlist, ids of any kind) and playable
playlist exports (files under the music root, streaming links, external identifiers)."""
from __future__ import annotations

import json
import os
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from service import create_app
from service.locations import Places, link_templates
from service.resources import Resources
from service.store import ModelStore

from .fixtures import ID_CATALOG_ROWS as ROWS
from .fixtures import commands_sent, error_of, isrc, mbid, music_file, spotify


def app_with(store: ModelStore, **config):
    return create_app({"TESTING": True, "RESOURCES": Resources(store), **config}).test_client()


# -- include_ids ----------------------------------------------------------------------------

LIBRARY = [f"isrc:{isrc(4)}", f"spotify:track:{spotify(7)}", f"deezer:{1000 + 9}",
           f"path:{music_file(12)}", f"ext:discogs:{500 + 13}", f"mbid:{mbid(16)}", "id20",
           "id2", f"isrc:{isrc(99)}", "nobody", "spotify:track:" + "Q" * 22]
LIBRARY_ROWS = {"id4", "id7", "id9", "id12", "id13", "id16", "id20", "id2"}


@pytest.mark.parametrize("path, body", [
    ("/v1/recommendations", {"seeds": ["id1"], "limit": 50}),
    ("/v1/recommendations", {"moods": {"joyful": 1.0}, "limit": 50, "diversity": 0.3}),
    ("/v1/playlists", {"seed": "id1", "length": 20}),
])
def test_include_ids_restricts_results_to_the_library(ids_model, client, path, body):
    answer = client.post(path, json={**body, "include_ids": LIBRARY}).get_json()
    found = {t["id"] for t in answer.get("results", answer.get("tracks"))}
    assert found and found <= LIBRARY_ROWS
    assert answer["include_ids_unknown"] == 3
    unrestricted = client.post(path, json=body).get_json()
    assert "include_ids_unknown" not in unrestricted
    assert {t["id"] for t in unrestricted.get("results", unrestricted.get("tracks"))} \
        - LIBRARY_ROWS


def test_include_ids_is_applied_with_the_other_exclusions(ids_model, client):
    answer = client.post("/v1/recommendations", json={
        "seeds": ["id4"], "include_ids": LIBRARY, "exclude_ids": [f"deezer:{1009}"],
        "limit": 50}).get_json()
    assert {t["id"] for t in answer["results"]} == LIBRARY_ROWS - {"id4", "id9"}


def test_a_library_of_unknown_ids_gives_an_empty_answer(ids_model, client):
    body = {"seeds": ["id1"], "include_ids": ["nobody", f"isrc:{isrc(99)}"]}
    answer = client.post("/v1/recommendations", json=body)
    assert answer.status_code == 200
    data = answer.get_json()
    assert data["results"] == [] and data["include_ids_unknown"] == 2
    assert any("include_ids" in w for w in data["warnings"])
    playlist = client.post("/v1/playlists", json={"seed": "id1", **body}).get_json()
    assert playlist["tracks"] == [] and playlist["include_ids_unknown"] == 2


def test_ten_thousand_ids_are_accepted_and_one_more_is_a_400(ids_model, client):
    many = [f"isrc:{isrc(i)}" for i in range(10_000)]
    answer = client.post("/v1/recommendations", json={"seeds": ["id1"], "include_ids": many,
                                                      "limit": 50}).get_json()
    assert answer["include_ids_unknown"] == 10_000 - ROWS
    assert {t["id"] for t in answer["results"]} <= {f"id{i}" for i in range(ROWS)}
    error = error_of(client.post("/v1/recommendations", json={
        "seeds": ["id1"], "include_ids": many + ["id2"]}), 400, "bad_request")
    assert error["field"] == "include_ids" and "10000" in error["message"]


def test_include_ids_resolve_in_one_redis_round_trip(store, ids_model):
    res = Resources(store).current()
    res.lookup(["id1"], ["seed"])  # the first call also loads the script into Redis
    with commands_sent(store.client) as calls:
        rows = res.lookup([f"isrc:{isrc(i)}" for i in range(500)] + ["id3"],
                          ["include_ids"] * 501)
    assert calls == ["EVALSHA"]
    assert rows[:ROWS] == list(range(ROWS)) and rows[-1] == 3
    assert rows[ROWS:500] == [None] * (500 - ROWS)


def test_a_title_seed_reads_no_document_unless_it_warns(store, published):
    """A seed taken as a title read its track's document for a warning it seldom gives
    (a title that reads as a mood, "sad"): a Redis round trip for every title seed."""
    res = Resources(store).current()
    res.resolve("Song 3", warnings=[])  # the first call also opens the title index
    warnings: list[str] = []
    with commands_sent(store.client) as calls:
        row = res.resolve("Song 3", warnings=warnings)
    assert calls == ["EVALSHA"] and warnings == [] and row == 3


# -- exports --------------------------------------------------------------------------------

def export_of(store, fmt: str, **config) -> str:
    client = app_with(store, **config)
    response = client.post(f"/v1/playlists?format={fmt}",
                           json={"seed": "id1", "length": 30, "min_artist_gap": 0})
    assert response.status_code == 200
    return response.data.decode()


def test_m3u8_plays_files_under_the_music_root_then_links_then_the_api(store, ids_model):
    lines = [line for line in export_of(store, "m3u8", MUSIC_ROOT="/music").splitlines()
             if not line.startswith("#")]
    assert "Band 0/Song #0.flac" in lines  # relative to the root
    assert f"https://open.spotify.com/track/{spotify(4)}" in lines
    assert "https://www.deezer.com/track/1002" in lines
    assert "/v1/tracks/id5" in lines
    plain = export_of(store, "m3u8")
    assert "/music/Band 0/Song #0.flac" in plain.splitlines()  # no root: as written


def test_xspf_and_jspf_give_file_uris_and_external_identifiers(store, ids_model):
    ns = {"x": "http://xspf.org/ns/0/"}
    root = ET.fromstring(export_of(store, "xspf", MUSIC_ROOT="/music"))
    tracks = {t.find("x:title", ns).text: t for t in root.iter("{http://xspf.org/ns/0/}track")}
    song0 = tracks["Song 0"]
    assert song0.find("x:location", ns).text == "file:///music/Band%200/Song%20%230.flac"
    identifiers = [e.text for e in song0.findall("x:identifier", ns)]
    assert identifiers[0] == "feelalike:track:id0"
    assert {f"isrc:{isrc(0)}", f"https://musicbrainz.org/recording/{mbid(0)}",
            f"spotify:track:{spotify(0)}", "https://www.deezer.com/track/1000",
            "ext:discogs:500"} <= set(identifiers)
    jspf = json.loads(export_of(store, "jspf"))["playlist"]["track"]
    by_title = {t["title"]: t for t in jspf}
    assert by_title["Song 0"]["location"] == ["file:///music/Band%200/Song%20%230.flac"]
    assert by_title["Song 5"]["location"] == ["/v1/tracks/id5"]


def test_link_templates_are_configurable(store, ids_model):
    text = export_of(store, "m3u8", LINK_TEMPLATES="deezer=https://dz.example/t/{deezer}")
    assert "https://dz.example/t/1002" in text and "open.spotify.com" not in text
    off = export_of(store, "m3u8", LINK_TEMPLATES="off")
    assert "/v1/tracks/id4" in off.splitlines()


@pytest.mark.parametrize("raw", ["spotify", "spotify=https://x/{deezer}", "=https://x/{}",
                                 "spotify=javascript:alert({spotify})",
                                 "spotify= JavaScript:alert({spotify})",
                                 "deezer=data:text/html,<script>{deezer}</script>",
                                 "spotify=/relative/{spotify}",
                                 "spotfy=https://x/{spotfy}", "ext:=https://x/{ext:}",
                                 "ext:Bandcamp=https://b.example/{ext:Bandcamp}",
                                 "ext:a b=https://b.example/{ext:a b}"])
def test_a_bad_link_template_stops_the_app(monkeypatch, raw):
    from models.errors import ConfigError

    monkeypatch.setenv("FEELALIKE_LINK_TEMPLATES", raw)
    with pytest.raises(ConfigError, match="FEELALIKE_LINK_TEMPLATES"):
        create_app()


@pytest.mark.parametrize("raw", ["javascript:alert(1)//", "music.example/fa",
                                 "https://music.example/fa?x=1", "https://u:p@music.example",
                                 "https://music.example/fa#top", "ftp://music.example",
                                 "https://music example/"])
def test_a_public_url_links_cannot_be_built_on_stops_the_app(monkeypatch, raw):
    """Exports append /v1/tracks/ID to it: a javascript: URL would reach a player."""
    from models.errors import ConfigError

    monkeypatch.setenv("FEELALIKE_PUBLIC_URL", raw)
    with pytest.raises(ConfigError, match="FEELALIKE_PUBLIC_URL"):
        create_app()


@pytest.mark.parametrize("raw, link", [
    ("https://music.example/fa/", "https://music.example/fa/v1/tracks/id4"),
    (" http://[::1]:8000 ", "http://[::1]:8000/v1/tracks/id4"),
    ("", "/v1/tracks/id4")])
def test_a_public_url_prefixes_export_links(store, ids_model, monkeypatch, raw, link):
    monkeypatch.setenv("FEELALIKE_PUBLIC_URL", raw)
    assert link in export_of(store, "m3u8", LINK_TEMPLATES="off").splitlines()


@pytest.mark.parametrize("root, path, uri, expected", [
    ("/music", "/music/a b/ç#1.flac", False, "a b/ç#1.flac"),
    ("/music", "/music/a b/ç#1.flac", True, "file:///music/a%20b/%C3%A7%231.flac"),
    ("/music", "/elsewhere/x.mp3", False, "/elsewhere/x.mp3"),
    ("/music", "jazz/take five.flac", True, "file:///music/jazz/take%20five.flac"),
    ("", "jazz/take five.flac", True, "jazz/take%20five.flac"),
    ("", "jazz/take five.flac", False, "jazz/take five.flac"),
    ("C:\\Music", "C:\\Music\\a b.flac", True, "file:///C:/Music/a%20b.flac"),
    ("C:\\Music", "C:\\Music\\a b.flac", False, "a b.flac"),
    # a catalog's path that is a URL plays from there (found: "https:/cdn..." in M3U8)
    ("/music", "https://cdn.example/a%20b.mp3", False, "https://cdn.example/a%20b.mp3"),
    ("", "https://cdn.example/a%20b.mp3", True, "https://cdn.example/a%20b.mp3"),
    ("", "https://cdn.example/a b.mp3?x=1", True, "https://cdn.example/a%20b.mp3?x=1"),
    ("", "https://cdn.example/a b.mp3", False, "https://cdn.example/a b.mp3"),
    ("", "smb://nas/music/a.flac", False, "smb://nas/music/a.flac"),
    # but one a page would run is a file name, never a link
    ("", "javascript:alert(1)", False, "./javascript:alert(1)"),
    ("", "javascript://%0aalert(1)", False, "./javascript://%0aalert(1)"),
    ("", "javascript:alert(1)", True, "javascript%3Aalert%281%29"),
    ("/music", "data:text/html,x", False, "./data:text/html,x"),
])
def test_file_locations(root, path, uri, expected):
    assert Places(root, ()).file(path, uri=uri) == expected


def test_the_default_link_templates():
    assert link_templates("spotify=https://open.spotify.com/track/{spotify};"
                          "deezer=https://www.deezer.com/track/{deezer}") == (
        ("spotify", "https://open.spotify.com/track/{spotify}"),
        ("deezer", "https://www.deezer.com/track/{deezer}"))
    assert link_templates("off") == ()
    assert link_templates("spotify=spotify:track:{spotify}") == (  # opens the app
        ("spotify", "spotify:track:{spotify}"),)


@pytest.fixture()
def analysed_library(store, tmp_path):
    """A live model built from an audio folder: its paths are relative to that folder."""
    from models.build import build
    from models.ingest import Catalog

    from .fixtures import make_track

    tracks = [make_track(i, external_ids={"path": f"Band {i % 3}/Song {i}.ogg"})
              for i in range(30)]
    built = build(Catalog(tracks=tracks), k=5)
    built.meta["audio_root"] = str(tmp_path / "music")
    store.publish(built)
    return tmp_path / "music"


@pytest.mark.parametrize("command", [["playlist", "trk4"], ["path", "trk4", "trk7"]])
def test_an_empty_out_is_refused_not_standard_output(runner, analysed_library, command):
    """Found by a review: --out "" (an unset variable in a script) printed the JSON."""
    code, out, err = runner(*command, "--out", "")
    assert code == 2 and out == "" and err.startswith("error: --out: give a file name")
    assert err.count("\n") == 1


def test_cli_exports_reach_analysed_files_from_where_the_playlist_is_saved(
        runner, analysed_library, tmp_path):
    """Without FEELALIKE_MUSIC_ROOT the CLI wrote the paths as stored (relative to the
    analysed folder) wherever the playlist went, and XSPF relative URIs: nothing played."""
    def files_in(out: str) -> list[str]:
        code, _, err = runner("playlist", "trk4", "--length", "5", "--format", "m3u8",
                              "--out", out)
        assert code == 0, err
        return [line for line in open(out, encoding="utf-8").read().splitlines()
                if not line.startswith("#")]

    (tmp_path / "lists").mkdir()
    elsewhere = files_in(str(tmp_path / "lists" / "mix.m3u8"))
    assert len(elsewhere) == 5 and all(line.startswith(f"{analysed_library}/Band ")
                                       for line in elsewhere)
    (analysed_library / "Band 0").mkdir(parents=True)
    inside = files_in(str(analysed_library / "Band 0" / "mix.m3u8"))
    assert [line.rpartition("/")[2] for line in inside] == \
        [line.rpartition("/")[2] for line in elsewhere]
    for line in inside:  # its own folder's files relative to it, the others absolute
        assert line.startswith("Song ") or line.startswith(f"{analysed_library}/Band ")
    assert any(line.startswith("Song ") for line in inside)
    assert files_in(str(tmp_path / "mix.m3u8"))[0].startswith("music/Band ")  # above it

    code, out, err = runner("playlist", "trk4", "--length", "5", "--format", "xspf")
    assert code == 0, err
    ns = {"x": "http://xspf.org/ns/0/"}
    locations = [e.text for e in ET.fromstring(out).iter(f"{{{ns['x']}}}location")]
    assert len(locations) == 5
    assert all(loc.startswith(f"file://{analysed_library}/Band%20") for loc in locations)


def test_an_absolute_path_seed_finds_a_file_of_the_analysed_folder(runner, analysed_library):
    """The build stores paths relative to the analysed folder; a self-hoster pastes the
    file's full path."""
    for seed in (f"path:{analysed_library}/Band 1/Song 4.ogg",
                 f"path:{analysed_library}/../music/Band 1/Song 4.ogg", "path:Band 1/Song 4.ogg"):
        code, out, err = runner("recommend", seed, "--json")
        assert code == 0, (seed, err)
        assert json.loads(out)["seed"]["id"] == "trk4"
    for seed in (f"path:{analysed_library}/Band 1/Song 5.ogg",  # another folder's name
                 f"path:{analysed_library.parent}/Band 1/Song 4.ogg",  # outside the folder
                 f"path:{analysed_library}"):
        code, out, err = runner("recommend", seed)
        assert code == 2 and err.startswith("error: no track has the id 'path:"), (seed, err)


def test_a_bare_file_path_as_a_seed_is_told_how_to_name_a_file(runner, analysed_library):
    code, out, err = runner("recommend", f"{analysed_library}/Band 1/Song 4.ogg")
    assert code == 2 and "a file is named by path:<its path>" in err
    code, out, err = runner("recommend", "Song that is not there")
    assert code == 2 and "path:" not in err


def test_an_absolute_path_id_works_wherever_an_id_is_taken(analysed_library, client):
    """api.md: an external id works in `include_ids`, `exclude_ids` and
    `GET /v1/tracks/<id>`; a file's full path is one, as it is for a seed."""
    full = f"path:{analysed_library}/Band 1/Song 4.ogg"
    assert client.get(f"/v1/tracks/{full}").get_json()["id"] == "trk4"
    seed = {"seeds": ["trk1"], "limit": 29}
    body = client.post("/v1/recommendations", json={**seed, "exclude_ids": [full]}).get_json()
    assert "trk4" not in [r["id"] for r in body["results"]]
    body = client.post("/v1/recommendations", json={**seed, "include_ids": [full]}).get_json()
    assert [r["id"] for r in body["results"]] == ["trk4"]
    outside = f"path:{analysed_library.parent}/Band 1/Song 4.ogg"
    assert client.get(f"/v1/tracks/{outside}").status_code == 404


def test_a_file_stored_by_its_full_path_inside_the_folder_is_found_by_it(store, tmp_path,
                                                                       client, runner):
    """Files added with a folder outside the music folder keep their absolute paths,
    some of them inside it: the id as stored must still find them."""
    from models.build import build
    from models.ingest import Catalog

    from .fixtures import make_track

    root = tmp_path / "music"
    tracks = [make_track(i, external_ids={"path": f"Band/Song {i}.ogg"}) for i in range(28)]
    tracks.append(make_track(28, external_ids={"path": f"{root}/New/Song 28.ogg"}))
    built = build(Catalog(tracks=tracks), k=5)
    built.meta["audio_root"] = str(root)
    store.publish(built)
    full = f"path:{root}/New/Song 28.ogg"
    assert client.get(f"/v1/tracks/{full}").get_json()["id"] == "trk28"
    code, out, err = runner("recommend", full, "--json")
    assert code == 0 and json.loads(out)["seed"]["id"] == "trk28", err
    body = client.post("/v1/recommendations", json={"seeds": ["trk1"], "include_ids": [
        full, f"path:{root}/Band/Song 4.ogg"]}).get_json()
    assert sorted(r["id"] for r in body["results"]) == ["trk28", "trk4"]


def test_remove_takes_external_ids_and_a_files_absolute_path(runner, analysed_library,
                                                             store):
    """`remove` took only internal ids, which a self-hoster never sees for a file."""
    before = store.meta(store.current_version())["tracks"]
    code, out, err = runner("remove", f"{analysed_library}/Band 1/Song 4.ogg")
    assert code == 2 and "no track with id" in err  # a bare path is no id ...
    assert "; it names a file of the model: give it as path:<file>" in err
    code, out, err = runner("remove", "Band 2/nothing.ogg")  # ... and when it names none
    assert code == 2 and "no track with id" in err and "path:" not in err
    code, out, err = runner("remove", f"path:{analysed_library}/Band 1/Song 4.ogg",
                            "path:Band 2/Song 5.ogg", "trk5", "trk6")
    assert code == 0, err
    assert "removed 3 track(s)" in out  # trk5 named twice
    version = store.current_version()
    assert store.meta(version)["tracks"] == before - 3
    assert all(store.row_of(version, t) is None for t in ("trk4", "trk5", "trk6"))
    code, out, err = runner("remove", "path:Band 0/Song 0.ogg", "path:Band 0/nothing.ogg")
    assert code == 2 and "no track with id \"path:Band 0/nothing.ogg\"" in err
    assert store.current_version() == version  # nothing removed


def test_tracks_command_shows_ids_and_files_to_seed_and_remove_by(runner, analysed_library,
                                                                 client):
    code, out, err = runner("tracks", "Song 4", "--limit", "3")
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) == 3 and lines[0] == "trk4  Song 4 by Artist 4  [path:Band 1/Song 4.ogg]"
    assert err.strip() == "more: --offset 3"
    code, out, err = runner("tracks", "Song 4", "--limit", "3", "--offset", "3")
    assert code == 0 and not set(out.splitlines()) & set(lines)
    # several words as several arguments, as the CLI's help and hints write it (found by
    # a self-hoster: "Got unexpected extra argument")
    assert runner("tracks", "Song", "4", "--limit", "3")[1] == "\n".join(lines) + "\n"
    code, out, err = runner("tracks", "Song 4", "--json")
    assert code == 0 and json.loads(out) == client.get("/v1/tracks?q=Song 4").get_json()
    code, out, err = runner("tracks", "zzzq xxv")
    assert code == 0 and out == "" and "no track resembles" in err
    for bad in (["tracks", " "], ["tracks", "Song", "--limit", "0"],
                ["tracks", "Song", "--offset", "-1"]):
        code, out, err = runner(*bad)
        assert code == 2 and err.startswith("error: ") and err.count("\n") == 1, err
    code, out, err = runner("tracks", "")  # the CLI's argument, not the API's "q"
    assert code == 2 and err.startswith("error: WORDS must not be empty"), err
    # the whole library at once (found by a self-hoster: WORDS could not be left out)
    code, out, err = runner("tracks", "--all")
    listed = out.splitlines()
    assert code == 0 and len(listed) == len(client.get("/v1/tracks?q=Song&limit=50").get_json()[
        "results"]) == len({line.split()[0] for line in listed}), err
    assert lines[0] in listed
    for bad in (["tracks", "--all", "Song"], ["tracks", "--all", "--json"]):
        code, _, err = runner(*bad)
        assert code == 2 and err.splitlines()[-1].startswith("error: --all lists every"), err


def test_cli_exports_find_analysed_files_under_a_wider_music_root(runner, analysed_library,
                                                                 tmp_path, monkeypatch):
    """With FEELALIKE_MUSIC_ROOT at ~/Music and the library built from ~/Music/Jazz, the
    stored paths were joined to ~/Music: files that do not exist."""
    monkeypatch.setenv("FEELALIKE_MUSIC_ROOT", str(tmp_path))
    code, out, err = runner("playlist", "trk4", "--length", "5", "--format", "m3u8")
    assert code == 0, err
    files = [line for line in out.splitlines() if line and not line.startswith("#")]
    assert len(files) == 5 and all(f.startswith("music/Band ") for f in files)  # save it there
    code, out, err = runner("playlist", "trk4", "--length", "5", "--format", "jspf")
    assert code == 0, err
    locations = [t["location"][0] for t in json.loads(out)["playlist"]["track"]]
    assert all(loc.startswith(f"file://{analysed_library}/Band%20") for loc in locations)


def test_remove_by_a_path_as_stored_or_a_shared_id_says_which_track_went(runner, store,
                                                                         tmp_path):
    from models.build import build
    from models.ingest import Catalog

    from .fixtures import make_track

    root = tmp_path / "music"
    tracks = [make_track(i, external_ids={"path": f"Band/Song {i}.ogg"}) for i in range(28)]
    tracks.append(make_track(28, external_ids={"path": f"{root}/abs/Song 28.ogg"}))
    tracks.append(make_track(29, external_ids={"path": "...And Justice/01 Blackened.ogg",
                                               "isrc": "USAB11111111"}))
    tracks.append(make_track(30, external_ids={"isrc": "USAB11111111"}))
    built = build(Catalog(tracks=tracks), k=5)
    built.meta["audio_root"] = str(root)
    store.publish(built)
    seed = f"path:{root}/...And Justice/01 Blackened.ogg"  # a folder named "..."
    code, out, err = runner("recommend", seed, "--json")
    assert code == 0 and json.loads(out)["seed"]["id"] == "trk29", err
    code, out, err = runner("remove", f"path:{root}/abs/Song 28.ogg", "isrc:USAB11111111")
    assert code == 0, err
    assert out.rstrip().endswith("; removed trk28, trk29")  # the id names its first track
    code, out, err = runner("remove", seed)
    assert code == 2 and "no track with id" in err


def test_api_exports_find_analysed_files_under_a_wider_music_root(store, analysed_library,
                                                                 tmp_path):
    """The API joined the stored paths to FEELALIKE_MUSIC_ROOT (~/Music) when the library
    was built from a folder inside it (~/Music/Jazz)."""
    client = app_with(store, MUSIC_ROOT=str(tmp_path))
    response = client.post("/v1/playlists?format=jspf", json={"seed": "trk4", "length": 5})
    assert response.status_code == 200
    locations = [t["location"][0] for t in json.loads(response.data)["playlist"]["track"]]
    assert all(loc.startswith(f"file://{analysed_library}/Band%20") for loc in locations)
    m3u8 = client.post("/v1/playlists?format=m3u8", json={"seed": "trk4", "length": 5})
    files = [line for line in m3u8.data.decode().splitlines() if line and line[0] != "#"]
    assert all(f.startswith("music/Band ") for f in files)  # relative to the music root


def test_exports_find_files_under_a_music_root_mounted_elsewhere(store, analysed_library,
                                                                 runner, monkeypatch):
    """Built where the library was /tmp/.../music, served where it is mounted at
    /srv/music: the exports named the build machine's folder, against the music root."""
    client = app_with(store, MUSIC_ROOT="/srv/music")
    response = client.post("/v1/playlists?format=xspf", json={"seed": "trk4", "length": 5})
    ns = {"x": "http://xspf.org/ns/0/"}
    locations = [e.text for e in ET.fromstring(response.data).iter(f"{{{ns['x']}}}location")]
    assert len(locations) == 5 and all(loc.startswith("file:///srv/music/Band%20")
                                       for loc in locations)
    m3u8 = client.post("/v1/playlists?format=m3u8", json={"seed": "trk4", "length": 5})
    files = [line for line in m3u8.data.decode().splitlines() if line and line[0] != "#"]
    assert len(files) == 5 and all(f.startswith("Band ") for f in files)  # from the root
    monkeypatch.setenv("FEELALIKE_MUSIC_ROOT", "/srv/music")
    code, out, err = runner("playlist", "trk4", "--length", "5", "--format", "jspf")
    assert code == 0, err
    locations = [t["location"][0] for t in json.loads(out)["playlist"]["track"]]
    assert all(loc.startswith("file:///srv/music/Band%20") for loc in locations)


def test_a_track_without_an_artist_is_by_unknown_in_every_listing(runner, store):
    """`recommend` printed "Song 4 by  " where `tracks` printed "by unknown"."""
    from models.build import build
    from models.ingest import Catalog

    from .fixtures import make_track

    store.publish(build(Catalog(tracks=[make_track(i, artist="") for i in range(30)]), k=5))
    code, out, err = runner("recommend", "trk4", "--limit", "3")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("Tracks that feel like Song 4 by unknown (model ")
    assert all(" by unknown  score " in line for line in lines[1:4])


def test_a_music_root_inside_the_analysed_folder_is_no_other_mount():
    """Built from ~/Music and ~/Downloads (paths stored under ~), served with the music
    root at ~/Music: the files were looked for in ~/Music/Music/..."""
    from service.locations import stored_folder

    assert stored_folder("/home/u", "/home/u/Music") == "/home/u"
    assert stored_folder("/home/u/Music/Jazz", "/home/u/Music") == "/home/u/Music/Jazz"
    assert stored_folder("/tmp/build/library", "/srv/music") == "/srv/music"
    assert stored_folder("", "/srv/music") == "" and stored_folder("/a", "") == "/a"
    places = Places(music_root="/home/u/Music", stored_under=stored_folder("/home/u",
                                                                           "/home/u/Music"))
    assert places.file("Music/Artist/a.mp3", uri=True) == "file:///home/u/Music/Artist/a.mp3"


def test_cli_exports_say_which_files_are_gone(runner, analysed_library, tmp_path):
    """Files deleted since the build stayed in the model and in every exported playlist,
    where a player skipped them without a word."""
    out = str(tmp_path / "mix.m3u8")
    code, _, err = runner("playlist", "trk4", "--length", "5", "--out", out)
    assert code == 0 and f"the music folder {analysed_library} is not on this machine" in err
    listed = [tmp_path / line for line in open(out, encoding="utf-8").read().splitlines()
              if not line.startswith("#")]  # relative to the playlist's folder
    for line in listed[1:]:  # every file but the first is there
        Path(line).parent.mkdir(parents=True, exist_ok=True)
        Path(line).write_bytes(b"")
    code, _, err = runner("playlist", "trk4", "--length", "5", "--out", out)
    gone = os.path.relpath(listed[0], analysed_library)
    assert code == 0 and f"1 of the files listed are gone from {analysed_library}" in err
    assert gone in err and "feelalike remove path:" in err
    Path(listed[0]).write_bytes(b"")
    code, _, err = runner("playlist", "trk4", "--length", "5", "--out", out)
    assert code == 0 and "gone" not in err and "warning" not in err
