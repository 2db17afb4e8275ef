"""`feelalike sync` of a library that moves and changes: what it reports is what
happened to the files, and the model ends as a sync of the whole folder would leave it."""
from __future__ import annotations

import json

import pytest

from .fixtures import paths_of

pytestmark = pytest.mark.usefixtures("store")


def test_a_sub_folder_of_a_moved_music_folder_is_synced_as_moved(runner, store, music,
                                                                tmp_path):
    """`mv ~/Music /mnt/Music`, then `sync /mnt/Music/Jazz`: every file of Jazz was read
    as outside the model's (gone) music folder, so a file renamed or deleted there went
    unseen and the sync said the folder was in step."""
    (music / "Jazz").mkdir()
    for name in ("clip_2.wav", "clip_3.wav"):
        (music / name).rename(music / "Jazz" / name)
    code, out, err = runner("sync", str(music))
    assert code == 0 and "2 moved or renamed" in out, err
    ids = {path: track for track, path in paths_of(store).items()}
    moved = music.rename(tmp_path / "mnt")
    (moved / "Jazz" / "clip_2.wav").rename(moved / "Jazz" / "two.wav")
    (moved / "Jazz" / "clip_3.wav").unlink()
    code, out, err = runner("sync", str(moved / "Jazz"), "--dry-run")
    assert code == 0 and "0 new, 1 moved or renamed, 1 deleted" in out, err
    assert f"would take {moved} as the model's music folder" in out
    code, out, err = runner("sync", str(moved / "Jazz"))
    assert code == 0 and "0 new, 1 moved or renamed, 1 deleted" in out, err
    assert "not every folder is inside" not in err
    assert paths_of(store) == {ids["clip_0.wav"]: "clip_0.wav", ids["clip_1.wav"]: "clip_1.wav",
                               ids["Jazz/clip_2.wav"]: "Jazz/two.wav"}
    assert store.meta(store.current_version())["audio_root"] == str(moved)
    code, out, err = runner("recommend", f"path:{moved / 'Jazz' / 'two.wav'}", "--json")
    assert code == 0 and json.loads(out)["seed"]["id"] == ids["Jazz/clip_2.wav"], err
    code, out, err = runner("sync", str(moved / "Jazz"))
    assert code == 0 and "nothing to change" in out, err
