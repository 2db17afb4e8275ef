"""The feelalike command line: builds, recommendations and one-line errors."""
from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from data import DEMO_ALBUM, DEMO_CATALOG

from .fixtures import CATALOG_HEADER as HEADER
from .fixtures import HER_REVIEW, SHARED, TIDY, needs_shared, write, write_catalog


@pytest.fixture()
def catalog_file(tmp_path):
    return write_catalog(tmp_path)


def test_build_then_recommend_json_equals_api_body(runner, client, catalog_file):
    code, out, err = runner("build", "--catalog", str(catalog_file))
    assert code == 0, err
    assert "built model" in out and "skipped 1 malformed catalog row:" in err
    assert f"{catalog_file}:32" in err
    code, out, err = runner("recommend", "Song 4", "--limit", "5", "--json")
    assert code == 0, err
    body = json.loads(out)
    assert body == client.get("/v1/recommendations?seed=Song 4&limit=5").get_json()
    assert len(body["results"]) == 5
    code, out, _ = runner("recommend", "Song 4")
    assert code == 0 and out.count("\n") == 11
    # the next page, as the API gives it, numbered on from the first
    code, out, err = runner("recommend", "Song 4", "--limit", "5", "--offset", "5", "--json")
    assert code == 0, err
    assert json.loads(out) == client.get(
        "/v1/recommendations?seed=Song 4&limit=5&offset=5").get_json()
    assert runner("recommend", "Song 4", "--limit", "5", "--offset", "5")[1].splitlines()[
        1].startswith("  6. ")
    code, _, err = runner("recommend", "Song 4", "--offset", "500")
    assert code == 2 and err == "error: --offset: must be at most 499, got 500\n"


def test_bad_builds_fail_in_one_line_and_keep_the_live_model(runner, catalog_file, tmp_path):
    assert runner("build", "--catalog", str(catalog_file))[0] == 0
    before = runner("recommend", "Song 4", "--json")[1]
    bad = write(tmp_path, "bad.csv", HEADER + "x,,,,\n")
    for args in (["build", "--catalog", str(bad)],
                 ["build", "--catalog", str(tmp_path / "missing.csv")],
                 ["build", "--catalog", str(write(tmp_path, "a.xls", "x"))],
                 ["build", "--catalog", str(catalog_file), "--map", "title"],
                 ["build", "--catalog", str(catalog_file), "--review", "x.txt"],
                 ["recommend", "no such song at all zz"],
                 ["recommend", "Song 4", "--limit", "0"],
                 ["datasets", "fetch", "nope"]):
        code, out, err = runner(*args)
        assert code != 0, args
        lines = [line for line in err.splitlines() if line.startswith("error:")]
        assert len(lines) == 1, (args, err)
        assert "Traceback" not in err
    assert runner("recommend", "Song 4", "--json")[1] == before


def test_an_unmatched_seed_names_the_nearest_titles_on_its_one_line(runner, catalog_file,
                                                                     client):
    """The API's 404 lists suggestions; the CLI printed only "no track matches"."""
    assert runner("build", "--catalog", str(catalog_file))[0] == 0
    code, out, err = runner("recommend", "Ssong 44")
    assert code == 2 and out == "" and err.count("\n") == 1
    near = client.get("/v1/recommendations?seed=Ssong 44").get_json()["error"]
    first = near["suggestions"][0]
    assert "did you mean: " in err and f"{first['title']} by {first['artist']}" in err


@pytest.mark.parametrize("command", ["serve", "demo"])
def test_a_taken_port_is_one_line_before_any_work(runner, env, command):
    """Werkzeug printed two lines of its own and exited; the demo found out only after
    its minute-long build."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        code, out, err = runner(command, "--host", "127.0.0.1", "--port", port)
    assert code == 1 and out == ""
    assert err == f"error: cannot listen on 127.0.0.1:{port}: address already in use " \
                  "(choose another with --port or FEELALIKE_PORT)\n"
    home = Path(env["FEELALIKE_DATA_HOME"])
    assert not home.exists() or not any(home.rglob("*.csv"))  # the demo fetched nothing


def test_a_port_held_for_a_demo_that_is_still_building_is_taken(runner):
    """Bound without listening, the demo's port could be bound again by a `serve` (both
    set SO_REUSEADDR); the demo then failed after its build."""
    from service.server import reserve

    held = reserve("127.0.0.1", 0)
    with held:
        port = str(held.getsockname()[1])
        code, _, err = runner("serve", "--host", "127.0.0.1", "--port", port)
    assert code == 1 and "address already in use" in err


def test_recommend_without_a_model(runner):
    code, _, err = runner("recommend", "anything")
    assert code == 1 and err.startswith("error: no model has been built yet")


def test_usage_errors_are_click_messages(runner):
    code, _, err = runner("build")
    assert code == 2 and "--catalog" in err


@pytest.mark.parametrize("model, args, code", [
    (True, ["recommend", "no such song at all zz"], 2),   # 404 in the API: the user's to fix
    (True, ["playlist", "Song 4", "--arc", "lonely"], 2),  # 400
    (False, ["build", "--catalog", "missing.csv"], 2),     # 400
    (False, ["recommend", "Song 4"], 1),                   # no model yet: 503 in the API
])
def test_exit_codes_follow_the_services_status_table(runner, catalog_file, model, args, code):
    if model:
        assert runner("build", "--catalog", str(catalog_file))[0] == 0
    got, out, err = runner(*args)
    assert got == code, err
    assert err.count("error:") == 1 and "Traceback" not in err


@pytest.mark.parametrize("variable, args, valid", [
    ("FEELALIKE_NEIGHBOURS", ["build", "--catalog", "CATALOG"], "whole number >= 1"),
    ("FEELALIKE_GRACE_SECONDS", ["recommend", "Song 4"], "whole number from 1 to 31536000"),
    ("FEELALIKE_PORT", ["serve"], "whole number from 1 to 65535"),
])
def test_a_bad_environment_value_is_one_line(runner, monkeypatch, catalog_file, variable, args,
                                            valid):
    monkeypatch.setenv(variable, "lots")
    code, out, err = runner(*[str(catalog_file) if a == "CATALOG" else a for a in args])
    assert code == 1 and out == "" and err.count("error:") == 1
    assert err.endswith(f"error: setting {variable}='lots' is not a valid {valid}\n")


@needs_shared
def test_datasets_add_checks_the_sha256(runner, tmp_path):
    wrong = write(tmp_path, "copy.csv", "not the dataset\n")
    code, _, err = runner("datasets", "add", "tidytuesday-spotify", "--from", str(wrong))
    assert code == 2 and "does not match" in err
    code, out, err = runner("datasets", "add", "tidytuesday-spotify", "--from", str(TIDY))
    assert code == 0, err
    code, out, _ = runner("datasets", "list")
    assert "tidytuesday-spotify\tpresent" in out


@needs_shared
def test_plain_demo_trains_the_feel_model_and_groups_the_her_score(runner, monkeypatch, env):
    monkeypatch.setenv("FEELALIKE_DATASET_MIRRORS",
                       f"{TIDY.parent}:{SHARED / 'moods' / 'deezer'}")
    code, out, err = runner("demo", "--no-serve")
    assert code == 0, err
    assert "saved the feel model" in err and "serve it with `feelalike serve`" in err
    assert "curl" not in out  # nothing listens: --no-serve
    code, out, err = runner("recommend", "Loneliness #3", "--json")
    assert code == 0, err
    body = json.loads(out)
    assert body["seed"]["title"] == "Loneliness #3 (Night Talking)"
    assert len(body["results"]) == 10
    her = [r["title"] for r in body["results"] if r["album"] == DEMO_ALBUM]
    assert len(her) >= 3 and "We're All Leaving" in her
    # a later build uses the kept model without being told, and says nothing about it
    code, _, err = runner("build", "--catalog", str(DEMO_CATALOG), "--force")
    assert code == 0 and "feel model" not in err


def test_build_without_a_trained_feel_model_says_how_to_get_one(runner, tmp_path):
    code, _, err = runner("build", "--catalog", str(write_catalog(tmp_path)))
    assert code == 0, err
    assert "no trained feel model" in err and "feelalike train-feel" in err


@needs_shared
def test_train_feel_trains_without_touching_the_live_model(runner, monkeypatch, env, store,
                                                           tmp_path):
    """The advice used to be `feelalike demo`, which publishes the demo catalog over
    the user's own library."""
    monkeypatch.setenv("FEELALIKE_DATASET_MIRRORS",
                       f"{TIDY.parent}:{SHARED / 'moods' / 'deezer'}")
    catalog = str(write_catalog(tmp_path))
    assert runner("build", "--catalog", catalog)[0] == 0
    live = store.current_version()
    assert live is not None
    code, out, err = runner("train-feel")
    assert code == 0, err
    assert "saved the feel model" in out and store.current_version() == live
    code, _, err = runner("build", "--catalog", catalog, "--force")
    assert code == 0 and "feel model" not in err


def test_moods_command_prints_moods_with_evidence(runner, tmp_path):
    catalog = write(tmp_path, "album.csv", "id,title,artist,album\nn1,Night Swim,A,Score\n"
                                           "m1,Morning Light,A,Score\n")
    review = write(tmp_path, "review.txt", "\u201cNight Swim\u201d is deeply lonely. "
                                           "Morning Light feels hopeful, not sad.")
    code, out, err = runner("moods", "--catalog", str(catalog), "--review", str(review),
                            "--about-album", "Score", "--json")
    assert code == 0, err
    tracks = {t["title"]: t for t in json.loads(out)["tracks"]}
    swim, light = tracks["Night Swim"], tracks["Morning Light"]
    assert set(swim) >= {"id", "title", "moods", "valence", "arousal"}
    assert swim["moods"][0]["mood"] == "lonely"
    evidence = swim["moods"][0]["evidence"][0]
    assert evidence["phrase"] == "lonely" and evidence["source"] == "review.txt"
    assert review.read_text(encoding="utf-8")[evidence["start"]:evidence["end"]] == "lonely"
    assert light["moods"][0]["mood"] == "hopeful"
    assert "sad" not in [m["mood"] for m in light["moods"][:2]]
    scores = [m["score"] for m in swim["moods"]]
    assert scores == sorted(scores, reverse=True)
    code, _, err = runner("moods", "--catalog", str(catalog), "--review", str(review))
    assert code == 2 and "--about-album" in err


def test_moods_json_shows_which_text_went_to_which_track(runner, tmp_path):
    catalog = write(tmp_path, "album.csv", "id,title,artist,album\nn1,Night Swim,A,Score\n"
                                           "m1,Morning Light,A,Score\n")
    text = ("\u201cNight Swim\u201d is deeply lonely. \u201cMorning Light\u201d shares the "
            "same mood as \u201cNight Swim\u201d.")
    review = write(tmp_path, "review.txt", text)
    code, out, err = runner("moods", "--catalog", str(catalog), "--review", str(review),
                            "--about-album", "Score", "--json")
    assert code == 0, err
    body = json.loads(out)
    swim = [p for p in body["passages"] if p["tracks"] == ["n1"]]
    assert swim and "lonely" in text[swim[0]["start"]:swim[0]["end"]]
    assert all(set(p) >= {"start", "end", "tracks", "weight"} for p in body["passages"])
    assert [(c["track"], c["other"]) for c in body["comparisons"]] == [("m1", "n1")]
    assert "same mood" in body["comparisons"][0]["sentence"]


@needs_shared
def test_moods_command_on_the_real_review(runner):
    code, out, err = runner("moods", "--catalog", str(DEMO_CATALOG), "--review",
                            str(HER_REVIEW), "--about-album", "Her (Original Score)", "--json")
    assert code == 0, err
    tracks = {t["title"]: t for t in json.loads(out)["tracks"]}
    leaving = [m["mood"] for m in tracks["We're All Leaving"]["moods"][:3]]
    assert "lonely" in leaving
    sources = {e["source"] for m in tracks["We're All Leaving"]["moods"] for e in m["evidence"]}
    assert "her_soundtrack_review.txt" in sources


def test_recommend_keeps_to_the_ids_of_a_file(runner, published, tmp_path):
    """A self-hoster's library is a list of ids: the CLI had no way to keep to it."""
    mine = tmp_path / "mine.txt"
    mine.write_text("# my library\ntrk1\ntrk2\n\ntrk3\ntrk5\n", encoding="utf-8")
    code, out, err = runner("recommend", "trk0", "--include-ids", str(mine), "--json")
    assert code == 0, err
    assert {r["id"] for r in json.loads(out)["results"]} <= {"trk1", "trk2", "trk3", "trk5"}
    assert json.loads(out)["results"]
    (tmp_path / "none.txt").write_text("# nothing\n", encoding="utf-8")
    for path, message in ((tmp_path / "none.txt", "lists no ids"),
                          (tmp_path / "gone.txt", "cannot read")):
        code, _, err = runner("recommend", "trk0", "--include-ids", str(path))
        assert code == 2 and message in err and err.count("\n") == 1


def test_recommend_says_how_many_of_a_files_ids_name_no_track(runner, published, tmp_path):
    """Found by a docs walkthrough: the table said nothing of ids the model lacks (the
    --json body has include_ids_unknown), so a typo in a library list went unseen."""
    mine = tmp_path / "mine.txt"
    mine.write_text("trk1\ntrk2\nisrc:USXXX0000001\nno-such-track\n", encoding="utf-8")
    code, out, err = runner("recommend", "trk0", "--include-ids", str(mine))
    assert code == 0 and "2 of the --include-ids ids name no track" in err
    code, out, err = runner("recommend", "trk0", "--include-ids", str(mine), "--limit", "1")
    assert code == 0 and out.count("\n") == 2  # the heading and one track on stdout


def test_control_characters_in_a_catalog_never_reach_the_terminal(runner, tmp_path):
    """Found by a tester: a title's escape sequences recoloured the terminal and set its
    title, a carriage return overwrote the line, a line break split a result in two."""
    evil = "Evil \x1b[31mRED\x1b[0m \x1b]0;pwned\x07 title"
    rows = [{"id": f"c{i}", "title": evil if i == 0 else f"Calm {i}", "artist": "Bad\rArtist",
             "energy": i / 12, "valence": 0.5, "tempo": 90 + i} for i in range(12)]
    catalog = write(tmp_path, "c.jsonl", "\n".join(json.dumps(r) for r in rows) + "\n")
    assert runner("build", "--catalog", str(catalog))[0] == 0
    for args in (("tracks", "Evil"), ("recommend", "c0"), ("recommend", "c1"),
                 ("recommend", "Evil REDx title")):
        code, out, err = runner(*args)
        for stream in (out, err):
            assert not set(stream) & {"\x1b", "\x07", "\r"}, args
        assert "\\x1b[31mRED" in out + err, args


def test_a_query_command_starts_without_the_offline_stack():
    """Every command used to import scikit-learn and the audio analysis at start (about
    2 s); a command's module is now imported when it runs, so a query loads neither."""
    probe = ("import sys; from service.cli import main; main(['recommend', '--help']); "
             "print(sorted(m for m in ('sklearn', 'librosa', 'models.build', "
             "'models.audio') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert "--limit" in done.stdout and done.stdout.strip().endswith("[]")
