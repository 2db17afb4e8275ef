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
    (["--mood", "sad=2"], "--mood sad: must be at most 1, got 2"),
    (["--mood", "calm"], "--mood calm: unknown mood; known: joyful"),
    (["--mood", "sad=lots"], "--mood sad: must be a number"),
    (["trk3", "--weight", "0"], "--weight: must be greater than 0"),
    (["trk3", "--weight", "1", "--weight", "2"], "--weight: 2 weights for 1 SEEDs"),
    (["--text", ""], "--text: must not be empty"),
    (["trk3", "--min", "energy"], "--min takes ATTR=VALUE"),
    (["trk3", "--min", "loudnes=3"], "--min: no attribute 'loudnes'; one of"),
    (["trk3", "--target", "year=1990"], "--target: no attribute 'year'"),
    (["trk3", "--min", "energy=0.8", "--max", "energy=0.2"],
     "--min energy: must not be greater than --max energy (0.8 > 0.2)"),
    (["trk3", "--min", "energy=0.1", "--min", "energy=0.2"], "--min: energy is given twice"),
    (["trk3", "--valence", "2"], "--valence: must be at most 1, got 2"),
    (["trk3", "--diversity", "much"], "--diversity: must be a number"),
    (["trk3", "--max-per-artist", "0"], "--max-per-artist: must be at least 1"),
    (["trk3", "--temperature", "1", "--offset", "10"], "--random-seed: a page past"),
    (["trk3", "--not", "no such song at all zz"], "no track matches"),
    (["trk3", "--not", "a", "--not", "b", "--not", "c", "--not", "d", "--not", "e",
      "--not", "f"], "--not: must have at most 5 items"),
])
def test_each_bad_option_is_one_line_and_a_non_zero_exit(runner, published, args, message):
    code, out, err = runner("recommend", *args)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("error: ") and message in err, err
    assert "Traceback" not in err


def test_a_bad_option_says_what_the_api_says_of_it(runner, client, published):
    """The same typed request: the CLI's line is the API's message, the field named as
    the option typed; the API's message still names its field."""
    code, _, err = runner("recommend", "trk3", "--max", "tempo=400")
    api = client.post("/v1/recommendations", json={"seeds": ["trk3"], "max_tempo": 400})
    message = api.get_json()["error"]["message"]
    assert message == "max_tempo: must be at most 300, got 400"
    assert code == 2 and err == "error: --max tempo: must be at most 300, got 400\n"


#: (command line, the error's line): each kind of value the typed request refuses is
#: named by the option typed, not by the API field it fills (target_valence, moods.sad,
#: seeds[1].weight, min_energy, random_seed, arc.to, negative_seeds[1], include_tags[1])
REFUSED_AS_TYPED = [
    (["recommend", "trk3", "--valence", "2"], "--valence: must be at most 1, got 2"),
    (["recommend", "trk3", "--arousal", "x"], "--arousal: must be a number, got \"x\""),
    (["recommend", "trk3", "--target", "energy=-1"],
     "--target energy: must be at least 0, got -1"),
    (["recommend", "trk3", "--min", "year=x"], "--min year: must be a whole number, got \"x\""),
    (["recommend", "trk3", "--diversity", "5"], "--diversity: must be at most 1, got 5"),
    (["recommend", "trk3", "--temperature", "9"], "--temperature: must be at most 5, got 9"),
    (["recommend", "trk3", "--random-seed", "-1", "--temperature", "1"],
     "--random-seed: must be at least 0, got -1"),
    (["recommend", "--mood", "sad=0"], "--mood: at least one weight must be above 0"),
    (["recommend", "trk3", "trk4", "--weight", "1", "--weight", "20"],
     "--weight (the 2nd): must be at most 10, got 20"),
    (["recommend", "trk3", "--not", "trk4", "--not", "trk3"],
     "--not (the 2nd): this track is also one of the seeds"),
    (["recommend", "--text", "sad", "--tag", "x", "--tag", ""],
     "--tag (the 2nd): must not be empty"),
    (["recommend", "trk3", "--exclude-id", ""], "--exclude-id: must not be empty"),
    (["recommend", "trk3", "--limit", "500"], "--limit: must be at most 100, got 500"),
    (["playlist", "trk3", "--length", "0"], "--length: must be at least 1, got 0"),
    (["playlist", "--arc", "sad:nope"], "--arc to: unknown mood \"nope\""),
    (["playlist", "trk3", "--min-artist-gap", "50"],
     "--min-artist-gap: must be at most 20, got 50"),
    (["playlist", "trk3", "--target", "energy=2"], "--target energy: must be at most 1"),
    (["path", "trk3", "trk4", "--steps", "90"], "--steps: must be at most 50, got 90"),
]


@pytest.mark.parametrize("args, line", REFUSED_AS_TYPED)
def test_a_refused_value_is_named_by_the_option_typed(runner, published, args, line):
    code, out, err = runner(*args)
    assert code == 2 and out == "" and err.count("\n") == 1, err
    assert err.startswith(f"error: {line}"), err
    assert "Traceback" not in err


def test_a_warning_names_the_option_typed(runner, client, published):
    """The printed warning says --random-seed; the API's (and --json's) says the field."""
    code, out, err = runner("recommend", "trk3", "--random-seed", "7", "--limit", "2")
    assert code == 0 and "warning: --random-seed: ignored without a temperature" in err
    code, out, err = runner("recommend", "trk3", "--random-seed", "7", "--limit", "2",
                            "--json")
    assert any(w.startswith("random_seed: ") for w in json.loads(out)["warnings"])


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
                          (["trk3", "--tempo-tolerance", "0.9"], "--tempo-tolerance: "),
                          (["trk3", "--min-artist-gap", "x"], "--min-artist-gap: ")):
        code, out, err = runner("playlist", *args)
        assert code == 2 and out == "" and err.count("\n") == 1 and message in err, err


def test_an_artist_named_as_a_seed_is_told_to_name_one_of_their_tracks(runner, client,
                                                                       published):
    """`recommend "Nova"` said "no track matches 'Nova'; did you mean: ..." as for a
    typo; a seed naming an artist of the catalog (and no title) says it is one, and
    offers their tracks, in the CLI and the API's 404 alike."""
    code, out, err = runner("recommend", "Arcade Fire")
    assert code == 2 and out == ""
    assert err.startswith("error: 'Arcade Fire' is an artist, not a track: name one of their "
                          "tracks (Loneliness #3 (Night Talking))"), err
    answer = client.get("/v1/recommendations?seed=artist 3")
    error = answer.get_json()["error"]
    assert answer.status_code == 404 and error["code"] == "seed_not_found"
    assert error["message"].startswith("'artist 3' is an artist, not a track: name one of "
                                       "their tracks (Song 38, Song 31, Song 24, ...)"), error
    assert {t["artist"] for t in error["suggestions"]} == {"Artist 3"}
    code, _, err = runner("recommend", "no such song at all zz")  # not an artist: as before
    assert code == 2 and "no track matches" in err
