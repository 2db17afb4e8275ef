"""One command, one undo: `feelalike rollback` right after a `sync` (or an `add` that
records moves) brings back the model as it was before the whole command, for the grace
period, however many versions the command published; a second rollback returns."""
from __future__ import annotations

import json
import shutil

from models.build import build
from models.ingest import Catalog
from service.store import Updater, one_command
from service.store.upkeep import OVERTAKEN_SECONDS

from .fixtures import make_track, paths_of


def listed(runner) -> list[dict]:
    code, out, err = runner("versions", "--json")
    assert code == 0, err
    return json.loads(out)["versions"]


def answers(runner, store) -> dict[str, str]:
    """Each track's path -> the recommendations it seeds (JSON as printed)."""
    found = {}
    for path in sorted(paths_of(store).values()):
        code, out, err = runner("recommend", f"path:{path}", "--json")
        assert code == 0, err
        found[path] = out
    return found


def seconds_left(store, version: str) -> int:
    return store.client.ttl(store.key_for("meta", version=version))


def synced(runner, store, music, tmp_path) -> tuple[str, str]:
    """A sync that moves a file, adds a new one and takes a deleted one out: three
    versions; returns (the version live before it, the one live after it)."""
    before = store.current_version()
    (music / "sub").mkdir()
    (music / "clip_2.wav").rename(music / "sub" / "two.wav")
    shutil.copy(tmp_path / "other" / "clip_5.wav", music / "new.wav")
    (music / "clip_1.wav").unlink()
    code, out, err = runner("sync", str(music))
    assert code == 0 and "removed 1 track(s)" in out, err
    return before, store.current_version()


def test_rollback_after_a_sync_brings_back_the_model_from_before_it(runner, store, music,
                                                                    tmp_path):
    tracks, replies = paths_of(store), answers(runner, store)
    gone = next(t for t, path in tracks.items() if path == "clip_1.wav")
    before, after = synced(runner, store, music, tmp_path)
    synced_tracks, synced_replies = paths_of(store), answers(runner, store)
    steps = listed(runner)
    assert [(v["made_by"], v["command"]["step"], v["command"]["steps"]) for v in steps[:3]] \
        == [("remove", 3, 3), ("add", 2, 3), ("relocate", 1, 3)]
    assert {v["command"]["by"] for v in steps[:3]} == {"sync"}
    assert steps[3]["version"] == before and steps[3]["command"] is None
    # the steps in between are cut to the short life of an overtaken version; the model
    # from before the sync keeps its grace period
    assert seconds_left(store, steps[2]["version"]) <= OVERTAKEN_SECONDS
    assert seconds_left(store, before) > OVERTAKEN_SECONDS
    code, out, _ = runner("versions")
    assert "relocate (sync, step 1/3)" in out and "remove (sync, step 3/3)" in out

    code, out, err = runner("rollback")
    assert code == 0 and "undid the whole sync of 3 steps" in out, err
    assert f"model {before} is live (4 tracks)" in out
    assert store.current_version() == before
    assert paths_of(store) == tracks and answers(runner, store) == replies
    assert store.removed_among([gone]) == [False]  # back in the model, not held back

    code, out, err = runner("rollback")  # undoes the rollback: the synced model again
    assert code == 0 and f"model {after} is live" in out, err
    assert "undid" not in out
    assert paths_of(store) == synced_tracks and answers(runner, store) == synced_replies
    assert store.removed_among([gone]) == [False]
    code, out, err = runner("rollback", steps[2]["version"])  # named: exactly there
    assert code == 0 and store.current_version() == steps[2]["version"], err


def test_a_sync_written_before_command_marks_rolls_back_one_step(runner, store, music,
                                                                  tmp_path):
    """Versions whose meta names no command (written by an older feelalike) go back
    one version at a time, as they always did."""
    synced(runner, store, music, tmp_path)
    steps = listed(runner)
    for info in steps[:3]:
        key = store.key_for("meta", version=info["version"])
        meta = json.loads(store.client.get(key))
        del meta["command"]
        store.client.set(key, json.dumps(meta), keepttl=True)
    assert all(v["command"] is None for v in listed(runner))
    code, out, err = runner("rollback")
    assert code == 0 and "undid" not in out, err
    assert store.current_version() == steps[1]["version"]


def test_rollback_after_an_add_that_records_moves_undoes_both(runner, store, music,
                                                               tmp_path):
    before, tracks = store.current_version(), paths_of(store)
    (music / "clip_2.wav").rename(music / "two.wav")
    shutil.copy(tmp_path / "other" / "clip_5.wav", music / "new.wav")
    code, out, err = runner("add", "--audio-dir", str(music), "--new-only")
    assert code == 0 and "recorded the new paths of 1 moved" in out, err
    assert "added 1 track(s)" in out
    code, out, err = runner("rollback")
    assert code == 0 and "undid the whole add of 2 steps" in out, err
    assert store.current_version() == before and paths_of(store) == tracks


def test_a_command_is_undone_whole_on_a_cluster_and_a_single_server(any_store):
    any_store.grace_seconds = 3600  # longer than an overtaken version's life
    first = any_store.publish(build(Catalog(tracks=[make_track(i) for i in range(40)]), k=10))
    with one_command(any_store, "sync"):
        Updater(any_store).remove(["trk2"], remember=False)
        Updater(any_store).add([make_track(50)])
        Updater(any_store).remove(["trk3"], remember=False)
    last = any_store.current_version()
    assert any_store.client.ttl(any_store.key_for("meta", version=first)) > OVERTAKEN_SECONDS
    done = any_store.roll_back()
    assert (done.version, done.previous, done.tracks) == (first, last, 40)
    assert done.undone is not None and done.undone["step"] == 3
    assert any_store.row_of(first, "trk2") is not None
    assert any_store.roll_back().version == last
    Updater(any_store).remove(["trk4"])  # made on its own: one step back
    assert any_store.roll_back().version == last

