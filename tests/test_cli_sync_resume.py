"""A sync that fails part way (Redis gone between its steps) leaves a consistent model,
says so in one line, and running it again finishes the job."""
from __future__ import annotations

import shutil

import pytest

from service.store import StoreUnavailable, Updater

from .fixtures import paths_of

pytestmark = pytest.mark.usefixtures("store")


@pytest.mark.parametrize("failing", ["remove", "add"])
def test_a_sync_cut_short_is_finished_by_running_it_again(runner, store, music, tmp_path,
                                                          monkeypatch, failing):
    ids = {path: track for track, path in paths_of(store).items()}
    (music / "clip_0.wav").rename(music / "first.wav")  # a move: the first step
    (music / "clip_1.wav").unlink()  # a deletion: the removal step
    shutil.copy(tmp_path / "other" / "clip_5.wav", music / "new.wav")  # an add
    real = getattr(Updater, failing)

    def gone(self, *args, **kwargs):
        raise StoreUnavailable("Redis is unreachable")

    monkeypatch.setattr(Updater, failing, gone)
    code, out, err = runner("sync", str(music))
    assert code != 0 and err.strip().splitlines()[-1] == "error: Redis is unreachable"
    assert "Traceback" not in err
    assert paths_of(store)[ids["clip_0.wav"]] == "first.wav"  # the steps before it held
    monkeypatch.setattr(Updater, failing, real)
    code, out, err = runner("sync", str(music))
    assert code == 0, err
    after = paths_of(store)
    assert sorted(after.values()) == ["clip_2.wav", "clip_3.wav", "first.wav", "new.wav"]
    assert after[ids["clip_0.wav"]] == "first.wav" and ids["clip_1.wav"] not in after
    code, out, err = runner("sync", str(music))
    assert code == 0 and "nothing to change" in out, err
