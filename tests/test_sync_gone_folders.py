"""A music folder that is gone for good (a USB drive unplugged and its mount point
removed, a folder deleted or renamed): ``sync --force FOLDER`` takes its tracks out,
as it does for a folder emptied on purpose; without ``--force`` its tracks are kept as
a share not mounted's are, and a path the model knows nothing about (a typing slip) is
refused, ``--force`` or not."""
from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("librosa", reason="audio analysis needs the 'audio' extra")
pytest.importorskip("mutagen")

from .fixtures import paths_of, write_catalog  # noqa: E402
from .test_library_folders import SAME, clip  # noqa: E402

pytestmark = pytest.mark.usefixtures("store")


@pytest.fixture()
def library(tmp_path: Path) -> tuple[Path, Path]:
    """~/Music with one track, the NAS with two (one at the same path as ~/Music's)."""
    home, nas = tmp_path / "home" / "Music", tmp_path / "nas" / "music"
    clip(home / SAME, 220)
    clip(nas / SAME, 340)
    clip(nas / "Kite" / "Paper Skies" / "01 Glass.flac", 410)
    return home, nas


@pytest.fixture()
def built(runner, store, library) -> tuple[Path, Path]:
    """A model of ~/Music and the NAS, the NAS then gone for good."""
    home, nas = library
    code, _, err = runner("build", "--audio-dir", str(home), "--audio-dir", str(nas))
    assert code == 0, err
    nas.rename(nas.parent / "away")
    return home, nas


def test_force_takes_out_the_tracks_of_a_folder_that_is_gone(runner, store, built):
    """Before: `sync --force ~/Music /media/usb/Music` stopped with "no such folder"
    once the drive's mount point was removed: its tracks could not be taken out."""
    home, nas = built
    before = paths_of(store)
    code, out, err = runner("sync", str(home), str(nas), "--force", "--dry-run")
    assert code == 0, err
    assert f"note: {nas} is not there: with --force its 2 track(s) count as deleted " \
           "files" in err
    assert "0 new, 0 moved or renamed, 2 deleted" in out
    assert f"would remove nas/music/{SAME}" in out and paths_of(store) == before
    code, out, err = runner("sync", str(home), str(nas), "--force")
    assert code == 0 and "0 new, 0 moved or renamed, 2 deleted" in out, err
    assert "removed 2 track(s)" in out and "Traceback" not in err
    assert set(paths_of(store).values()) == {f"home/Music/{SAME}"}
    code, out, err = runner("sync", str(home), str(nas), "--force")  # again: nothing left
    assert code != 0 and err.strip().splitlines() == [f"error: {nas}: no such folder"], err


@pytest.mark.parametrize("gone", [True, False], ids=["gone", "emptied"])
def test_force_alone_takes_out_the_tracks_of_a_folder_gone_or_emptied(runner, store, built,
                                                                      gone):
    """Before: refused with or without --force ("sync it beside another music folder
    with --force"), so a drive given up could not be synced out on its own."""
    _, nas = built
    if not gone:
        nas.mkdir()
    code, out, err = runner("sync", str(nas))  # not mounted, maybe: nothing changed
    assert code != 0 and "(not mounted?): nothing changed" in err
    assert "sync it once it is there, or with --force if its music is gone for good" in err
    assert len(err.strip().splitlines()) == 1 and len(paths_of(store)) == 3
    code, out, err = runner("sync", str(nas), "--force")
    assert code == 0 and "0 new, 0 moved or renamed, 2 deleted" in out, err
    assert "removed 2 track(s)" in out
    assert set(paths_of(store).values()) == {f"home/Music/{SAME}"}


def test_a_missing_folder_beside_a_present_one_is_kept_without_force(runner, store, built):
    home, nas = built
    clip(home / "Nova" / "Sunday Songs" / "02 Late.flac", 510)
    before = set(paths_of(store).values())
    code, out, err = runner("sync", str(home), str(nas))
    assert code == 0 and "1 new, 0 moved or renamed, 0 deleted" in out, err
    assert f"note: {nas} is not there, but 2 of the model's tracks are in it (not " \
           "mounted?): they are kept; sync it once it is there, or with --force if its " \
           "music is gone for good" in err
    assert set(paths_of(store).values()) == \
        before | {"home/Music/Nova/Sunday Songs/02 Late.flac"}


def test_a_typing_slip_or_a_file_never_takes_tracks_out(runner, store, built, tmp_path):
    """A folder the model has no track in, missing, is a typing slip: refused with
    --force too, nothing changed; so is a file named instead of a folder."""
    home, nas = built
    version = store.current_version()
    slip = tmp_path / "nas" / "msuic"
    notes = tmp_path / "notes.txt"
    notes.write_text("not music")
    for args in (["sync", str(slip), "--force"], ["sync", str(home), str(slip), "--force"],
                 ["sync", str(home), str(nas), str(slip)],
                 ["add", "--new-only", "--audio-dir", str(slip)]):
        code, out, err = runner(*args)
        assert code != 0 and err.strip().splitlines() == [f"error: {slip}: no such folder"], \
            (args, err)
    for args in (["sync", str(notes), "--force"], ["sync", str(notes)],
                 ["add", "--new-only", "--audio-dir", str(notes)]):
        code, out, err = runner(*args)
        assert code != 0 and err.strip().splitlines() == [
            f"error: no audio file could be analysed: {notes}: unsupported format .txt"], err
    code, out, err = runner("sync", str(home), str(notes), "--force")  # skipped, said
    assert code == 0 and "0 new, 0 moved or renamed, 0 deleted" in out, err
    assert f"{notes}: unsupported format .txt" in err
    assert store.current_version() == version and len(paths_of(store)) == 3


def test_force_never_takes_out_every_track(runner, store, library):
    """A model built from the gone folder alone: --force is refused, not an empty model."""
    _, nas = library
    code, _, err = runner("build", "--audio-dir", str(nas))
    assert code == 0, err
    version = store.current_version()
    nas.rename(nas.parent / "away")
    code, out, err = runner("sync", str(nas), "--force")
    assert code != 0 and "every one of the model's 2 tracks would be taken out" in err, err
    assert err.strip().splitlines()[-1].startswith("error: every one of") and \
        store.current_version() == version


def test_an_add_of_a_catalog_beside_a_gone_folder_keeps_its_tracks(runner, store, built,
                                                                    tmp_path):
    """Before: `add --catalog new.csv --audio-dir /media/usb/Music` with the drive's
    mount point gone refused the whole add ("no such folder")."""
    _, nas = built
    catalog = write_catalog(tmp_path, rows=2)
    code, out, err = runner("add", "--catalog", str(catalog), "--audio-dir",
                            str(tmp_path / "nas" / "msuic"))  # a slip: nothing added
    assert code != 0 and err.strip().splitlines()[-1] == \
        f"error: {tmp_path / 'nas' / 'msuic'}: no such folder", err
    assert len(paths_of(store)) == 3
    code, out, err = runner("add", "--catalog", str(catalog), "--audio-dir", str(nas))
    assert code == 0 and "added 2 track(s)" in out, err
    assert f"note: {nas} is not there, but 2 of the model's tracks are in it (not " \
           "mounted?): they are kept" in err
    assert "no file" not in err and int(store.meta(store.current_version())["tracks"]) == 5
