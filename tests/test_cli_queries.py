"""`feelalike recommend` and `playlist` take the API's query fields as options.

Each run goes through the real CLI entry point against a real Redis and a small built
model; `--json` must print exactly what the API answers for the same request.
"""
from __future__ import annotations

import json

import pytest

from models.build import build
from models.ingest import Catalog

from .fixtures import make_track


@pytest.fixture()
def rainy(store, small_catalog):
    """The small model with a song titled as a mood reads ("Rainy Day")."""
    tracks = [*small_catalog.tracks, make_track(41, title="Rainy Day", artist="Drizzle")]
    return store.publish(build(Catalog(tracks=tracks), k=20))


def _api(client, route: str, body: dict) -> dict:
    response = client.post(route, json=body)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


@pytest.mark.parametrize("args, body", [
    (["--text", "rainy day"], {"text": "rainy day"}),
    (["--mood", "sad=0.8", "--mood", "peaceful=0.5"],
     {"moods": {"sad": 0.8, "peaceful": 0.5}}),
    (["trk3", "trk10", "--weight", "2", "--not", "trk5"],
     {"seeds": [{"seed": "trk3", "weight": 2}, "trk10"], "negative_seeds": ["trk5"]}),
    (["trk3", "--min", "energy=0.3", "--max", "tempo=110", "--exclude-artist", "Artist 2",
      "--tag", "sad songs", "--max-per-artist", "1"],
     {"seeds": ["trk3"], "min_energy": 0.3, "max_tempo": 110,
      "exclude_artists": ["Artist 2"], "include_tags": ["sad songs"], "max_per_artist": 1}),
    (["--valence", "-0.5", "--arousal", "0.2", "--target", "danceability=0.7",
      "--diversity", "0.3"],
     {"target_valence": -0.5, "target_arousal": 0.2, "target_danceability": 0.7,
      "diversity": 0.3}),
    (["--text", "music for studying", "--temperature", "1", "--random-seed", "7",
      "--exclude-id", "trk1", "--all-versions"],
     {"text": "music for studying", "temperature": 1, "random_seed": 7,
      "exclude_ids": ["trk1"], "dedupe": False}),
])
def test_recommend_json_is_the_apis_body_for_the_same_request(runner, client, published,
                                                              args, body):
    code, out, err = runner("recommend", *args, "--limit", "6", "--json")
    assert code == 0, err
    expected = _api(client, "/v1/recommendations", {**body, "limit": 6})
    assert json.loads(out) == expected
    assert expected["results"]


def test_recommend_options_shape_the_list(runner, published):
    """What each filter promises, in the printed list."""
    code, out, _ = runner("recommend", "trk3", "--exclude-artist", "Artist 2", "--limit",
                          "20", "--json")
    assert code == 0 and all(r["artist"] != "Artist 2" for r in json.loads(out)["results"])
    code, out, _ = runner("recommend", "trk3", "--max-per-artist", "1", "--limit", "7",
                          "--json")
    artists = [r["artist"] for r in json.loads(out)["results"]]
    assert code == 0 and len(artists) == len(set(artists)) == 7
    code, out, err = runner("recommend", "--text", "rainy day", "--limit", "3")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("Tracks for 'rainy day' (model ") and len(lines) == 4
    assert lines[1].startswith("  1. ")


@pytest.mark.parametrize("args, message", [
    ([], "give SEED, --text, --mood, --valence, --arousal or --target ATTR=VALUE"),
    (["--mood", "sad=2"], "moods.sad: must be at most 1, got 2"),
    (["--mood", "calm"], "moods.calm: unknown mood; known: joyful"),
    (["--mood", "sad=lots"], "moods.sad"),
    (["trk3", "--weight", "0"], "seeds[0].weight"),
    (["trk3", "--weight", "1", "--weight", "2"], "--weight: 2 weights for 1 SEEDs"),
    (["--text", ""], "text"),
    (["trk3", "--min", "energy"], "--min takes ATTR=VALUE"),
    (["trk3", "--min", "loudnes=3"], "--min: no attribute 'loudnes'; one of"),
    (["trk3", "--target", "year=1990"], "--target: no attribute 'year'"),
    (["trk3", "--min", "energy=0.8", "--max", "energy=0.2"],
     "min_energy: must not be greater than max_energy (0.8 > 0.2)"),
    (["trk3", "--min", "energy=0.1", "--min", "energy=0.2"], "--min: energy is given twice"),
    (["trk3", "--valence", "2"], "target_valence: must be at most 1, got 2"),
    (["trk3", "--diversity", "much"], "diversity"),
    (["trk3", "--max-per-artist", "0"], "max_per_artist"),
    (["trk3", "--temperature", "1", "--offset", "10"], "random_seed"),
    (["trk3", "--not", "no such song at all zz"], "no track matches"),
    (["trk3", "--not", "a", "--not", "b", "--not", "c", "--not", "d", "--not", "e",
      "--not", "f"], "negative_seeds"),
])
def test_each_bad_option_is_one_line_and_a_non_zero_exit(runner, published, args, message):
    code, out, err = runner("recommend", *args)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("error: ") and message in err, err
    assert "Traceback" not in err


def test_a_bad_option_says_what_the_api_says(runner, client, published):
    """The same typed request: the CLI's line is the API's message."""
    code, _, err = runner("recommend", "trk3", "--max", "tempo=400")
    api = client.post("/v1/recommendations", json={"seeds": ["trk3"], "max_tempo": 400})
    assert code == 2 and err == f"error: {api.get_json()['error']['message']}\n"


def test_a_seed_that_reads_as_a_mood_is_advised_the_cli_way(runner, client, rainy):
    """The hint told a CLI user to "ask for it as text in a POST body"."""
    code, out, err = runner("recommend", "music for studying")
    assert code == 2 and "reads as a mood or an activity" in err
    assert "--text" in err and "POST" not in err and "body" not in err
    api = client.get("/v1/recommendations?seed=music for studying").get_json()["error"]
    assert "ask for it as \"text\" in a POST body" in api["message"]
    # a title that is a mood too: warned, with the CLI's way, and cached apart from
    # the API's answer (the CLI asked first)
    code, out, err = runner("recommend", "Rainy Day", "--limit", "3")
    assert code == 0 and "took 'Rainy Day' as the title" in err and "--text" in err
    assert "POST" not in err
    warnings = client.get("/v1/recommendations?seed=Rainy Day&limit=3").get_json()["warnings"]
    assert any("POST body" in w for w in warnings)
    assert not any("--text" in w for w in warnings)
    code, _, err = runner("playlist", "music for studying", "--length", "3")
    assert code == 2 and "--text" in err and "POST" not in err


def test_playlist_takes_the_query_options(runner, client, published):
    code, out, err = runner("playlist", "--mood", "sad=0.9", "--exclude-artist", "Artist 1",
                            "--length", "6", "--title", "Grey", "--min-artist-gap", "1")
    assert code == 0, err
    expected = _api(client, "/v1/playlists", {"moods": {"sad": 0.9}, "length": 6,
                                              "exclude_artists": ["Artist 1"],
                                              "title": "Grey", "min_artist_gap": 1})
    assert json.loads(out) == expected and len(expected["tracks"]) == 6
    assert all(t["artist"] != "Artist 1" for t in expected["tracks"])
    code, out, err = runner("playlist", "--arc", "sad:joyful", "--length", "4")
    assert code == 0 and len(json.loads(out)["tracks"]) == 4, err
    for args, message in ((["--length", "4"], "--target ATTR=VALUE or --arc\n"),
                          (["trk3", "--tempo-tolerance", "0.9"], "tempo_tolerance"),
                          (["trk3", "--min-artist-gap", "x"], "min_artist_gap")):
        code, out, err = runner("playlist", *args)
        assert code == 2 and out == "" and err.count("\n") == 1 and message in err, err
