"""`feelalike versions` and `feelalike rollback`: an operator sees the model versions the
store holds and goes back to an earlier one after a bad build, add, remove or sync;
every refusal is one line, exit 2, and leaves the live model as it was."""
from __future__ import annotations

import json
import shutil

import pytest

from models.build import build
from models.ingest import Catalog
from service.store import ModelStore, Updater
from service.store.errors import UpdateConflict

from .fixtures import make_track, paths_of, write_catalog


@pytest.fixture()
def live(store) -> str:
    return store.publish(build(Catalog(tracks=[make_track(i) for i in range(60)]), k=10))


def answers(runner, seed: str = "trk3") -> str:
    code, out, err = runner("recommend", seed, "--json")
    assert code == 0, err
    return out


def listed(runner) -> dict:
    code, out, err = runner("versions", "--json")
    assert code == 0, err
    return json.loads(out)


def added(runner, tmp_path, rows: int = 5, *flags: str) -> tuple[int, str, str]:
    return runner("add", "--catalog", str(write_catalog(tmp_path, rows=rows)), *flags)


def test_versions_lists_a_build_and_an_add_newest_first(runner, store, live, tmp_path):
    assert added(runner, tmp_path)[0] == 0
    shown = listed(runner)
    newest, older = shown["versions"]
    assert shown["live"] == newest["version"] == store.current_version()
    assert (newest["state"], newest["made_by"], newest["tracks"], newest["base"]) == \
        ("live", "add", 65, live)
    assert (older["version"], older["state"], older["made_by"], older["tracks"]) == \
        (live, "previous", "build", 60)
    assert 0 < older["seconds_left"] <= 3600 and newest["seconds_left"] is None
    code, out, _ = runner("versions")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 2
    assert lines[0].startswith(newest["version"]) and lines[0].endswith("live")
    assert "previous (readable for" in lines[1] and "build" in lines[1]


def test_an_empty_store_lists_nothing_and_has_nothing_to_roll_back(runner):
    code, out, err = runner("versions")
    assert code == 0 and "no model versions in the store yet" in out and not err
    assert listed(runner) == {"live": None, "versions": []}
    code, out, err = runner("rollback")
    assert code == 2 and "nothing to roll back" in err and len(err.splitlines()) == 1


def test_rollback_serves_the_old_version_and_a_second_one_returns(runner, store, live,
                                                                  tmp_path):
    before = answers(runner)
    assert added(runner, tmp_path)[0] == 0
    grown = store.current_version()
    code, out, err = runner("rollback")
    assert code == 0, err
    assert f"model {live} is live (60 tracks)" in out and grown in out
    assert store.current_version() == live and answers(runner) == before
    code, _, err = runner("recommend", "id3")
    assert code == 2 and "no track matches" in err
    assert {v["version"]: v["state"] for v in listed(runner)["versions"]} == \
        {live: "live", grown: "previous"}
    code, out, err = runner("rollback")
    assert code == 0 and f"model {grown} is live (65 tracks)" in out, err
    assert json.loads(answers(runner, "id3"))["results"]


def test_a_remove_after_a_rollback_is_undone_back_to_its_own_base(runner, store, live):
    """Found adding the HTTP rollback: the newest previous version was the remove that
    the first rollback undid, so the second rollback brought that one back instead."""
    assert runner("remove", "trk1")[0] == 0 and runner("rollback")[0] == 0
    assert runner("remove", "trk2")[0] == 0
    code, out, err = runner("rollback")
    assert code == 0 and f"model {live} is live (60 tracks)" in out, err
    assert store.row_of(live, "trk1") is not None and store.current_version() == live


def test_rollback_to_a_named_version_skips_the_ones_between(runner, store, live, tmp_path):
    assert added(runner, tmp_path)[0] == 0
    assert runner("remove", "id1")[0] == 0
    code, out, err = runner("rollback", live)
    assert code == 0 and store.current_version() == live, err
    assert "(60 tracks)" in out


@pytest.mark.parametrize("name, message", [
    ("nope", "no model version nope is held"),
    ("", "version: must not be blank"),
], ids=["unknown id", "blank id"])
def test_a_bad_version_name_is_refused(runner, store, live, tmp_path, name, message):
    assert added(runner, tmp_path)[0] == 0
    now = store.current_version()
    code, _, err = runner("rollback", name)
    assert code == 2 and message in err and len(err.splitlines()) == 1
    assert "Traceback" not in err and store.current_version() == now


def test_a_fresh_build_has_nothing_to_roll_back_to(runner, store, live):
    code, _, err = runner("rollback")
    assert code == 2 and "nothing to roll back to" in err and live in err
    code, _, err = runner("rollback", live)
    assert code == 2 and "already live" in err
    assert store.current_version() == live


def test_an_expired_version_is_refused(runner, store, live, tmp_path):
    assert added(runner, tmp_path)[0] == 0
    now = store.current_version()
    store.client.delete(store.key_for("meta", version=live))  # its grace period ended
    assert [v["version"] for v in listed(runner)["versions"]] == [now]
    code, _, err = runner("rollback", live)
    assert code == 2 and f"no model version {live} is held" in err and "expired" in err
    code, _, err = runner("rollback")
    assert code == 2 and "nothing to roll back to" in err
    assert store.current_version() == now


def test_pending_and_incomplete_versions_are_refused(runner, store, live, tmp_path):
    assert added(runner, tmp_path)[0] == 0
    now = store.current_version()
    pending = store.register("20990101T000000Z-unfinished")  # a build writing its keys
    store.client.delete(store.key_for("neighbours", version=live))  # evicted
    states = {v["version"]: v["state"] for v in listed(runner)["versions"]}
    assert states == {now: "live", pending: "pending", live: "incomplete"}
    for name, message in ((pending, "still being written"), (live, "lost some of its keys")):
        code, _, err = runner("rollback", name)
        assert code == 2 and message in err and len(err.splitlines()) == 1
    code, _, err = runner("rollback")
    assert code == 2 and "nothing to roll back to" in err
    assert store.current_version() == now


def test_a_publish_during_the_rollback_wins_and_the_old_version_keeps_expiring(
        redis_client, prefix, live):
    class Racing(ModelStore):
        def versions(self):  # another update goes live while the rollback looks
            held = super().versions()
            Updater(ModelStore(self.client, prefix=self.prefix)).add([make_track(90)])
            return held

    store = Racing(redis_client, prefix=prefix, grace_seconds=60)
    Updater(store).add([make_track(80)])
    winner_base = store.current_version()
    with pytest.raises(UpdateConflict):
        store.roll_back()
    assert store.current_version() not in (live, winner_base)
    assert 0 < store.client.ttl(store.key_for("meta", version=live)) <= 60


def test_a_removed_track_comes_back_and_add_new_only_follows_the_rollback(
        runner, store, live, tmp_path):
    assert added(runner, tmp_path)[0] == 0
    assert runner("remove", "id3")[0] == 0
    code, out, err = added(runner, tmp_path, 5, "--new-only")
    assert "1 track(s) removed since the last build: skipped" in err
    assert runner("rollback")[0] == 0  # the remove was a mistake
    assert json.loads(answers(runner, "id3"))["results"]
    code, out, err = added(runner, tmp_path, 6, "--new-only")  # id5 is new
    assert code == 0 and "added 1 track(s)" in out and "removed since" not in err
    assert runner("remove", "id5")[0] == 0
    assert runner("rollback")[0] == 0 and runner("rollback")[0] == 0  # and back again
    assert store.row_of(store.current_version(), "id5") is None
    code, out, err = added(runner, tmp_path, 6, "--new-only")
    assert "1 track(s) removed since the last build: skipped" in err and "added" not in out


def test_rolling_back_a_build_keeps_what_was_removed_before_it(runner, store, live, tmp_path):
    assert added(runner, tmp_path)[0] == 0
    assert runner("remove", "id3")[0] == 0
    store.publish(build(Catalog(tracks=[make_track(i) for i in range(50)]), k=10))
    assert runner("rollback")[0] == 0
    code, out, err = added(runner, tmp_path, 5, "--new-only")
    assert "1 track(s) removed since the last build: skipped" in err


def test_versions_and_rollback_on_a_cluster_and_a_single_server(any_store):
    first = any_store.publish(build(Catalog(tracks=[make_track(i) for i in range(40)]), k=10))
    Updater(any_store).remove(["trk2"])
    second = any_store.current_version()
    assert [v.state for v in any_store.versions()] == ["live", "previous"]
    done = any_store.roll_back()
    assert (done.version, done.previous, done.tracks) == (first, second, 40)
    assert any_store.removed_among(["trk2"]) == [False]  # it is back
    assert any_store.roll_back().version == second
    assert any_store.removed_among(["trk2"]) == [True]
    assert any_store.row_of(second, "trk2") is None


def test_after_a_rolled_back_remove_sync_treats_the_track_as_never_removed(
        runner, store, music, tmp_path):
    """The track a rolled-back `remove` took out is in the model again, so it is no
    longer held back: its file deleted, synced, then put back, a sync adds it."""
    shutil.copy(music / "clip_1.wav", tmp_path / "kept.wav")
    assert runner("remove", "path:clip_1.wav")[0] == 0
    assert runner("rollback")[0] == 0
    assert "clip_1.wav" in paths_of(store).values()
    (music / "clip_1.wav").unlink()
    code, out, err = runner("sync", str(music))
    assert code == 0 and "removed 1 track(s)" in out, err
    shutil.copy(tmp_path / "kept.wav", music / "clip_1.wav")
    code, out, err = runner("sync", str(music))
    assert code == 0 and "added 1 track(s)" in out and "removed since" not in err, err
    assert "clip_1.wav" in paths_of(store).values()


def test_by_default_only_the_last_replaced_version_keeps_the_grace_period(runner, store,
                                                                         live, tmp_path):
    for rows in (5, 6):
        assert added(runner, tmp_path, rows, "--new-only")[0] == 0
    left = {v["version"]: v["seconds_left"] for v in listed(runner)["versions"]}
    assert left[live] <= 120  # overtaken twice: kept for requests in flight only


def test_keep_versions_keeps_more_to_roll_back_to(runner, store, live, tmp_path,
                                                  monkeypatch):
    monkeypatch.setenv("FEELALIKE_KEEP_VERSIONS", "3")
    for rows in (5, 6, 7):
        assert added(runner, tmp_path, rows, "--new-only")[0] == 0
    held = listed(runner)["versions"]
    assert [v["state"] for v in held] == ["live", "previous", "previous", "previous"]
    assert all(v["seconds_left"] > 120 for v in held[1:])
    assert held[-1]["version"] == live
    code, out, err = runner("rollback", live)
    assert code == 0 and "(60 tracks)" in out, err


@pytest.mark.parametrize("value", ["0", "many", "51"])
def test_a_bad_keep_versions_is_one_line(runner, monkeypatch, value):
    monkeypatch.setenv("FEELALIKE_KEEP_VERSIONS", value)
    code, _, err = runner("versions")
    assert code != 0 and "FEELALIKE_KEEP_VERSIONS" in err and len(err.splitlines()) == 1
