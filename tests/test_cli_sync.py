"""`feelalike sync`: a music folder's additions, deletions, moves and in-place changes
reach the live model; what it refuses leaves the model as it was."""
from __future__ import annotations

import json
import shutil

import pytest

from .fixtures import labelled_clips, paths_of

pytestmark = pytest.mark.usefixtures("store")


def test_sync_takes_in_every_kind_of_change_and_then_has_none(runner, store, music,
                                                             tmp_path):
    before = paths_of(store)
    ids = {path: track for track, path in before.items()}
    shutil.copy(tmp_path / "other" / "clip_5.wav", music / "new.wav")
    (music / "clip_1.wav").unlink()
    (music / "sub").mkdir()
    (music / "clip_2.wav").rename(music / "sub" / "two.wav")
    shutil.copy(tmp_path / "other" / "clip_4.wav", music / "clip_3.wav")  # re-encoded
    version = store.current_version()
    code, out, err = runner("sync", str(music), "--dry-run")
    assert code == 0, err
    assert "1 new, 1 moved or renamed, 1 deleted, 1 changed in place" in out
    for line in ("would add new.wav", "would move clip_2.wav -> sub/two.wav",
                 "would remove clip_1.wav", "would replace clip_3.wav"):
        assert line in out
    assert store.current_version() == version  # a dry run changes nothing

    code, out, err = runner("sync", str(music))
    assert code == 0, err
    assert "recorded the new paths of 1 moved" in out
    assert "removed 2 track(s)" in out and out.count("added 1 track(s)") == 2
    after = paths_of(store)
    assert sorted(after.values()) == ["clip_0.wav", "clip_3.wav", "new.wav", "sub/two.wav"]
    assert after[ids["clip_0.wav"]] == "clip_0.wav"
    assert after[ids["clip_2.wav"]] == "sub/two.wav"  # the same track, moved
    assert ids["clip_1.wav"] not in after and ids["clip_3.wav"] not in after
    for track, path in after.items():  # each file's path now seeds its own track
        code, out, err = runner("recommend", f"path:{path}", "--json")
        assert code == 0 and json.loads(out)["seed"]["id"] == track, err

    version = store.current_version()
    code, out, err = runner("sync", str(music))
    assert code == 0 and "0 new, 0 moved or renamed, 0 deleted, 0 changed in place" in out
    assert "nothing to change" in out and store.current_version() == version


def test_sync_leaves_tracks_outside_its_folder_and_removed_ones_alone(runner, store, music,
                                                                    tmp_path):
    """A sync of one folder must not take out another folder's tracks, and must not
    bring back a track the user removed."""
    (music / "jazz").mkdir()
    shutil.copy(tmp_path / "other" / "clip_5.wav", music / "jazz" / "late.wav")
    code, out, err = runner("sync", str(music / "jazz"))
    assert code == 0 and "1 new, 0 moved or renamed, 0 deleted" in out, err
    assert len(paths_of(store)) == 5
    code, out, err = runner("remove", "path:jazz/late.wav")
    assert code == 0, err
    code, out, err = runner("sync", str(music))
    assert code == 0 and "0 new" in out, err
    assert "1 track(s) removed since the last build: skipped" in err
    code, out, err = runner("sync", str(music), "--include-removed")
    assert code == 0 and "added 1 track(s)" in out, err


def test_sync_of_an_empty_or_missing_folder_changes_nothing(runner, store, music,
                                                            tmp_path):
    """An unmounted drive looks like an empty folder: it must not take out the tracks
    of every file that was there."""
    version = store.current_version()
    empty = tmp_path / "mount"
    empty.mkdir()
    code, out, err = runner("sync", str(empty))
    assert code != 0 and f"no audio files in {empty}" in err
    assert "Traceback" not in err and store.current_version() == version
    code, out, err = runner("sync", str(tmp_path / "nowhere"))
    assert code != 0 and "no such folder" in err and store.current_version() == version
    for path in music.glob("*.wav"):
        path.unlink()
    shutil.copy(tmp_path / "other" / "clip_5.wav", music / "only.wav")
    code, out, err = runner("sync", str(music))
    assert code != 0 and "FEELALIKE_MAX_SHRINK" in err and "--force" in err, err
    assert store.current_version() == version
    code, out, err = runner("sync", str(music), "--force")
    assert code == 0 and "removed 4 track(s)" in out, err
    assert list(paths_of(store).values()) == ["only.wav"]


def test_a_file_moved_over_another_is_found_at_its_new_path(runner, store, music):
    """`mv clip_2.wav clip_1.wav`: clip_1's track goes, clip_2's is now at clip_1.wav,
    and path:clip_1.wav must seed it (the name is the moved file's, not the deleted
    one's, whose removal must not take the name along)."""
    ids = {path: track for track, path in paths_of(store).items()}
    (music / "clip_2.wav").rename(music / "clip_1.wav")
    code, out, err = runner("sync", str(music))
    assert code == 0 and "1 moved or renamed, 1 deleted" in out, err
    assert paths_of(store) == {ids["clip_0.wav"]: "clip_0.wav",
                               ids["clip_2.wav"]: "clip_1.wav", ids["clip_3.wav"]: "clip_3.wav"}
    code, out, err = runner("recommend", "path:clip_1.wav", "--json")
    assert code == 0 and json.loads(out)["seed"]["id"] == ids["clip_2.wav"], err
    code, out, err = runner("sync", str(music))
    assert code == 0 and "nothing to change" in out, err
    assert "removed since the last build" not in err  # clip_1's track is in the model


def test_a_deleted_file_that_comes_back_is_added_again(runner, store, music, tmp_path):
    """A file taken out of the folder for a while (restored from a backup, a folder
    moved away and back) was skipped for good as "removed since the last build": sync
    took its track out because the file was gone, not because the user removed it."""
    ids = {path: track for track, path in paths_of(store).items()}
    (music / "clip_1.wav").rename(tmp_path / "away.wav")
    code, out, err = runner("sync", str(music))
    assert code == 0 and "removed 1 track(s)" in out, err
    (tmp_path / "away.wav").rename(music / "clip_1.wav")
    code, out, err = runner("sync", str(music))
    assert code == 0 and "1 new" in out and "added 1 track(s)" in out, err
    assert "removed since the last build" not in err
    assert paths_of(store)[ids["clip_1.wav"]] == "clip_1.wav"


def test_a_folder_synced_with_one_outside_it_keeps_its_paths(runner, store, music,
                                                             tmp_path):
    """Synced together with a folder outside the model's music folder, every file was
    read by its absolute path: a file changed in place was taken for a new track (the
    old one stayed, by a path that now plays other content) and a move recorded an
    absolute path no longer matching the build's."""
    ids = {path: track for track, path in paths_of(store).items()}
    (music / "clip_0.wav").rename(music / "zero.wav")
    shutil.copy(tmp_path / "other" / "clip_5.wav", music / "clip_1.wav")
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.copy(tmp_path / "other" / "clip_4.wav", outside / "far.wav")
    code, out, err = runner("sync", str(music), str(outside))
    assert code == 0 and "1 new, 1 moved or renamed, 0 deleted, 1 changed in place" in out, err
    paths = paths_of(store)
    assert sorted(paths.values()) == sorted(["zero.wav", "clip_1.wav", "clip_2.wav",
                                             "clip_3.wav", str(outside / "far.wav")])
    assert paths[ids["clip_0.wav"]] == "zero.wav" and ids["clip_1.wav"] not in paths
    code, out, err = runner("sync", str(music), str(outside))
    assert code == 0 and "nothing to change" in out, err


def test_a_file_overwritten_by_a_copy_of_another_is_taken_out(runner, store, music,
                                                              tmp_path):
    """A file overwritten by a copy of another file is merged into that file's track
    when read (one track per recording): its own track was left in the model, the
    folder called in step, and path: of the file seeded audio that is no longer there."""
    ids = {path: track for track, path in paths_of(store).items()}
    shutil.copy(music / "clip_0.wav", music / "clip_1.wav")
    code, out, err = runner("sync", str(music))
    assert code == 0 and "0 new, 0 moved or renamed, 1 deleted, 0 changed in place" in out, err
    assert ids["clip_1.wav"] not in paths_of(store)
    for name in ("clip_2.wav", "clip_3.wav"):  # one new recording over both files
        shutil.copy(tmp_path / "other" / "clip_5.wav", music / name)
    code, out, err = runner("sync", str(music))
    assert code == 0 and "0 new, 0 moved or renamed, 0 deleted, 2 changed in place" in out, err
    assert "removed 2 track(s)" in out and "added 1 track(s)" in out
    assert len(paths_of(store)) == 2
    code, out, err = runner("sync", str(music))
    assert code == 0 and "nothing to change" in out, err


def test_the_music_folder_synced_through_a_link_to_it(runner, store, music, tmp_path):
    """~/Music a link to the drive the model was built from: its files were read by
    absolute paths the model does not know, so a moved or deleted file went unseen
    and the folder was called in step."""
    ids = {path: track for track, path in paths_of(store).items()}
    link = tmp_path / "link"
    link.symlink_to(music, target_is_directory=True)
    (music / "clip_0.wav").rename(music / "zero.wav")
    (music / "clip_1.wav").unlink()
    code, out, err = runner("sync", str(link))
    assert code == 0 and "0 new, 1 moved or renamed, 1 deleted" in out, err
    assert "not every folder is inside" not in err
    assert paths_of(store) == {ids["clip_0.wav"]: "zero.wav", ids["clip_2.wav"]: "clip_2.wav",
                               ids["clip_3.wav"]: "clip_3.wav"}


def test_files_merged_into_catalog_rows_are_not_replaced(runner, store, tmp_path):
    """A build from a catalog whose rows name the folder's files gives each file its
    row's id: the first sync of the unchanged folder called every such file changed in
    place and replaced the rows' tracks (their ids, titles and links) by bare files."""
    pytest.importorskip("librosa", reason="audio analysis needs the 'audio' extra")
    folder = labelled_clips(tmp_path / "music", n=4)
    rows = tmp_path / "catalog.csv"
    rows.write_text("id,title,artist,path,energy,valence,tempo\n"
                    + "".join(f"row-{i},Song {i},Me,clip_{i}.wav,0.5,0.5,100\n"
                              for i in range(3))
                    + "".join(f"c-{i},Other {i},You,,0.5,0.5,100\n" for i in range(20)),
                    encoding="utf-8")
    code, _, err = runner("build", "--catalog", str(rows), "--audio-dir", str(folder))
    assert code == 0, err
    before = paths_of_all(store)
    code, out, err = runner("sync", str(folder))
    assert code == 0 and "0 new, 0 moved or renamed, 0 deleted, 0 changed in place" in out
    assert "nothing to change" in out and paths_of_all(store) == before, err
    code, out, err = runner("add", "--audio-dir", str(folder), "--new-only")
    assert code == 0 and "changed since the build" not in err, err  # it cannot tell


def paths_of_all(store) -> dict[str, str]:
    version = store.current_version()
    docs = store.tracks(version, range(int(store.meta(version)["tracks"])))
    return {doc["id"]: (doc.get("external_ids") or {}).get("path", "") for doc in docs}


def test_a_file_re_encoded_under_a_new_name_is_added_in_the_same_sync(runner, store,
                                                                      tmp_path):
    """A library converted to another format: each new file carries its old file's
    ISRC, and the old file is deleted. The new file was not new while the old track
    held the ISRC, so the sync took the song out and added nothing: the song was
    missing until a second sync."""
    mutagen = pytest.importorskip("mutagen")
    from mutagen.id3 import TSRC
    folder = labelled_clips(tmp_path / "music", n=4)
    audio = mutagen.File(folder / "clip_1.wav")
    audio.add_tags()
    audio.tags.add(TSRC(encoding=3, text=["USSM15900433"]))
    audio.save()
    code, _, err = runner("build", "--audio-dir", str(folder))
    assert code == 0, err
    shutil.copy(folder / "clip_1.wav", folder / "clip_1b.wav")
    audio = mutagen.File(folder / "clip_1b.wav")  # new bytes, the same recording's ISRC
    audio.tags.add(TSRC(encoding=3, text=["USSM15900433"]))
    audio.tags["TIT2"] = mutagen.id3.TIT2(encoding=3, text=["Converted"])
    audio.save()
    (folder / "clip_1.wav").unlink()
    code, out, err = runner("sync", str(folder))
    # the same audio stream under new tags and a new name: reported as moved and re-tagged
    assert code == 0 and "0 new, 1 moved or renamed, 0 deleted" in out, err
    assert "added 1 track(s)" in out and "removed 1 track(s)" in out
    assert sorted(paths_of(store).values()) == ["clip_0.wav", "clip_1b.wav", "clip_2.wav",
                                                "clip_3.wav"]
    code, out, err = runner("recommend", "isrc:USSM15900433", "--json")
    assert code == 0, err
    code, out, err = runner("sync", str(folder))
    assert code == 0 and "nothing to change" in out, err


def test_a_folder_that_cannot_be_entered_is_left_alone(runner, store, music, monkeypatch):
    """A subfolder the user may not enter (a NAS share's permissions changed): checking
    whether its files were still there failed with a PermissionError, and the whole
    sync with it; its tracks are neither gone nor changed, so they stay."""
    import pathlib

    (music / "locked").mkdir()
    (music / "clip_3.wav").rename(music / "locked" / "clip_3.wav")
    code, out, err = runner("sync", str(music))
    assert code == 0 and "1 moved or renamed" in out, err
    (music / "clip_0.wav").unlink()
    stat = pathlib.Path.stat

    def denied(path, *args, **kwargs):
        if "locked" in path.parts:
            raise PermissionError(13, "Permission denied", str(path))
        return stat(path, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "stat", denied)
    code, out, err = runner("sync", str(music))
    assert code == 0 and "0 new, 0 moved or renamed, 1 deleted" in out, err
    assert sorted(paths_of(store).values()) == ["clip_1.wav", "clip_2.wav",
                                                "locked/clip_3.wav"]


def test_a_music_folder_moved_whole_is_followed(runner, store, music, tmp_path):
    """`mv ~/Music /mnt/big/Music`, then a sync of the new folder: every file was outside
    the model's (gone) music folder, so a file deleted or renamed there was never seen
    and the sync called the folder in step."""
    ids = {path: track for track, path in paths_of(store).items()}
    moved = music.rename(tmp_path / "Musik")
    (moved / "clip_1.wav").unlink()
    (moved / "clip_2.wav").rename(moved / "two.wav")
    code, out, err = runner("sync", str(moved), "--dry-run")
    assert code == 0 and f"would take {moved} as the model's music folder" in out, out
    code, out, err = runner("sync", str(moved))
    assert code == 0 and "0 new, 1 moved or renamed, 1 deleted" in out, err
    assert paths_of(store) == {ids["clip_0.wav"]: "clip_0.wav", ids["clip_2.wav"]: "two.wav",
                               ids["clip_3.wav"]: "clip_3.wav"}
    code, out, err = runner("recommend", f"path:{moved / 'two.wav'}", "--json")
    assert code == 0 and json.loads(out)["seed"]["id"] == ids["clip_2.wav"], err
    code, out, err = runner("sync", str(moved))
    assert code == 0 and "nothing to change" in out, err
