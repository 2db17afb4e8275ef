"""A library in several music folders (``~/Music`` and ``/mnt/nas/music``), each laid out
``Artist/Album/NN Title.ext``: every file is named from the folders below its own music
folder, keeps a path of its own (the same ``Artist/Album/01 x.flac`` under both), and
``add``, ``sync``, ``remove`` and ``path:`` seeds find it there."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("librosa", reason="audio analysis needs the 'audio' extra")
pytest.importorskip("mutagen")

from models.audio import as_track, below_music_folder  # noqa: E402
from service.cli.folders import _in_model_form  # noqa: E402
from service.cli.moves import moved_folders  # noqa: E402

from .fixtures import make_track, paths_of  # noqa: E402
from .test_audio_tags import sound  # noqa: E402

pytestmark = pytest.mark.usefixtures("store")

SAME = "Nova/Sunday Songs/01 Night Drive.flac"  # under both music folders


def named(store) -> dict[str, tuple[str, str, str]]:
    """path -> (title, artist, album) of every track of the live model."""
    version = store.current_version()
    docs = store.tracks(version, range(int(store.meta(version)["tracks"])))
    return {d["external_ids"]["path"]: (d["title"], d["artist"], d["album"]) for d in docs}


def clip(path: Path, hz: float) -> Path:
    made = sound(path, hz, seconds=4.0)
    made.with_suffix(".src.wav").unlink(missing_ok=True)
    return made


@pytest.fixture()
def library(tmp_path: Path) -> tuple[Path, Path]:
    """~/Music with one album, the NAS with two, one at the same path as ~/Music's."""
    home, nas = tmp_path / "home" / "Music", tmp_path / "nas" / "music"
    clip(home / SAME, 220)
    clip(nas / SAME, 340)
    clip(nas / "Kite" / "Paper Skies" / "01 Glass.flac", 410)
    return home, nas


@pytest.mark.parametrize("folders, expected", [
    (["/m"], "Nova/Album/01 x.flac"),
    (["/m", "/nas"], "Nova/Album/01 x.flac"),
    (["/m/Nova", "/m"], "Nova/Album/01 x.flac"),  # a sub-folder named beside its folder
    (["/m", "/m"], "Nova/Album/01 x.flac"),       # a folder given twice
    (["/", "/m"], "Nova/Album/01 x.flac"),        # the filesystem's root is no music folder
    (["/"], ""),
    (["/elsewhere"], ""),
    (["/m/Nova/Album/01 x.flac"], ""),            # a file named directly
])
def test_a_file_is_read_below_the_outermost_music_folder_holding_it(folders, expected):
    assert below_music_folder("/m/Nova/Album/01 x.flac", folders) == expected


def test_each_file_is_named_from_its_own_music_folder(tmp_path, library):
    """Before: read below the folder holding both ("home/Music/Nova/...": four deep) or
    by its absolute path (folders with nothing in common but "/"), so no file of a
    library in two places took an artist or album from its folders."""
    home, nas = library
    for root in (tmp_path, Path("/")):
        track = as_track({"path": str(nas / SAME), "content_hash": "ab" * 32,
                          "features": {}}, [home, nas], root=root)
        assert (track.title, track.artist, track.album) == \
            ("Night Drive", "Nova", "Sunday Songs")


def test_a_library_in_two_folders_is_named_kept_apart_and_found(runner, store, library):
    home, nas = library
    code, _, err = runner("build", "--audio-dir", str(home), "--audio-dir", str(nas))
    assert code == 0, err
    assert named(store) == {
        f"home/Music/{SAME}": ("Night Drive", "Nova", "Sunday Songs"),
        f"nas/music/{SAME}": ("Night Drive", "Nova", "Sunday Songs"),
        "nas/music/Kite/Paper Skies/01 Glass.flac": ("Glass", "Kite", "Paper Skies")}
    ids = {path: track for track, path in paths_of(store).items()}
    assert len(ids) == 3
    for folder, stored in ((home, f"home/Music/{SAME}"), (nas, f"nas/music/{SAME}")):
        code, out, err = runner("recommend", f"path:{folder / SAME}", "--json")
        assert code == 0 and json.loads(out)["seed"]["id"] == ids[stored], err
    code, out, err = runner("playlist", f"path:{home / SAME}", "--format", "m3u8",
                            "--out", "-")
    assert code == 0, err
    locations = [line for line in out.splitlines() if line and not line.startswith("#")]
    assert str(nas / "Kite" / "Paper Skies" / "01 Glass.flac") in locations
    assert all(Path(line).is_file() for line in locations)
    code, out, err = runner("remove", f"path:{nas / SAME}")
    assert code == 0, err
    assert set(paths_of(store).values()) == {f"home/Music/{SAME}",
                                             "nas/music/Kite/Paper Skies/01 Glass.flac"}


def test_add_and_sync_of_one_folder_name_its_files_and_leave_the_other(runner, store,
                                                                      library):
    """Before: a file added or synced into either folder had no artist or album."""
    home, nas = library
    code, _, err = runner("build", "--audio-dir", str(home), "--audio-dir", str(nas))
    assert code == 0, err
    clip(home / "Nova" / "Sunday Songs" / "02 Late.flac", 510)
    clip(nas / "Kite" / "Paper Skies" / "02 Wire.flac", 530)
    (nas / SAME).unlink()  # deleted from the NAS: only a sync of the NAS takes it out
    code, out, err = runner("sync", str(home))
    assert code == 0 and "1 new, 0 moved or renamed, 0 deleted" in out, err
    code, out, err = runner("add", "--new-only", "--audio-dir", str(nas / "Kite"))
    assert code == 0, err
    assert named(store) == {
        f"home/Music/{SAME}": ("Night Drive", "Nova", "Sunday Songs"),
        "home/Music/Nova/Sunday Songs/02 Late.flac": ("Late", "Nova", "Sunday Songs"),
        f"nas/music/{SAME}": ("Night Drive", "Nova", "Sunday Songs"),
        "nas/music/Kite/Paper Skies/01 Glass.flac": ("Glass", "Kite", "Paper Skies"),
        "nas/music/Kite/Paper Skies/02 Wire.flac": ("Wire", "Kite", "Paper Skies")}
    code, out, err = runner("sync", str(nas))
    assert code == 0 and "0 new, 0 moved or renamed, 1 deleted" in out, err
    assert f"home/Music/{SAME}" in named(store) and f"nas/music/{SAME}" not in named(store)
    code, out, err = runner("sync", str(home), str(nas))
    assert code == 0 and "nothing to change" in out, err


def test_a_folder_given_twice_or_inside_another_is_read_once(runner, store, library):
    home, _ = library
    code, _, err = runner("build", "--audio-dir", str(home), "--audio-dir", str(home / "Nova"),
                          "--audio-dir", str(home))
    assert code == 0, err
    assert named(store) == {SAME: ("Night Drive", "Nova", "Sunday Songs")}
    assert store.meta(store.current_version())["music_folders"] == [".", "Nova"]


def test_a_missing_music_folder_is_refused(runner, store, library, tmp_path):
    home, _ = library
    code, out, err = runner("build", "--audio-dir", str(home), "--audio-dir",
                            str(tmp_path / "gone"))
    assert code != 0 and f"{tmp_path / 'gone'}: no such folder" in err
    assert len(err.strip().splitlines()) == 1


def test_a_sync_while_one_folder_is_not_mounted_keeps_its_tracks_and_says_so(
        runner, store, library, tmp_path):
    """Before: `sync ~/Music /mnt/nas/music` with the NAS's mount point left empty took
    every NAS track for a deleted file and took it out (only FEELALIKE_MAX_SHRINK
    stopped it, when they were over half of the model); the other folder is synced."""
    home, nas = library
    code, _, err = runner("build", "--audio-dir", str(home), "--audio-dir", str(nas))
    assert code == 0, err
    on_nas = {p for p in paths_of(store).values() if p.startswith("nas/")}
    nas.rename(tmp_path / "nas" / "away")
    nas.mkdir()  # the mount point, with nothing mounted on it
    clip(home / "Nova" / "Sunday Songs" / "02 Late.flac", 510)
    for dry in (["--dry-run"], []):
        code, out, err = runner("sync", str(home), str(nas), *dry)
        assert code == 0, err
        assert f"note: {nas} holds no audio file, but 2 of the model's tracks are in it " \
               "(not mounted?): they are kept" in err
        assert "1 new, 0 moved or renamed, 0 deleted" in out
    assert on_nas < set(paths_of(store).values())
    assert "home/Music/Nova/Sunday Songs/02 Late.flac" in paths_of(store).values()


def test_an_empty_or_missing_folder_alone_is_refused_and_force_empties_it(
        runner, store, library, tmp_path):
    home, nas = library
    code, _, err = runner("build", "--audio-dir", str(home), "--audio-dir", str(nas))
    assert code == 0, err
    before = paths_of(store)
    nas.rename(tmp_path / "nas" / "away")  # its mount point gone too: kept, and said
    code, out, err = runner("sync", str(home), str(nas))
    assert code == 0 and f"note: {nas} is not there, but 2 of the model's tracks" in err
    assert "nothing to change" in out
    code, _, err = runner("sync", str(home), str(tmp_path / "nas" / "msuic"))  # a slip
    assert code != 0 and f"{tmp_path / 'nas' / 'msuic'}: no such folder" in err
    for what in ("is not there", "holds no audio file"):
        for alone in (["sync", str(nas)], ["add", "--new-only", "--audio-dir", str(nas)]):
            code, _, err = runner(*alone)  # before: "no such folder", "no audio files in"
            assert code != 0 and err.strip().splitlines() == [
                f"error: {nas} {what}, but 2 of the model's tracks are in it (not "
                "mounted?): nothing changed; sync it once it is there, or with --force if "
                "its music is gone for good"], err
        nas.mkdir(exist_ok=True)
    assert paths_of(store) == before
    code, out, err = runner("sync", str(home), str(nas), "--force")  # emptied on purpose
    assert code == 0 and "0 new, 0 moved or renamed, 2 deleted" in out, err
    assert set(paths_of(store).values()) == {f"home/Music/{SAME}"}


def test_an_add_while_one_folder_is_not_mounted_keeps_its_tracks_and_says_so(
        runner, store, library, tmp_path):
    """Before: `add --audio-dir ~/Music --audio-dir /mnt/nas/music` with the NAS's mount
    point empty named its tracks as files deleted, for `remove` or `sync` to take out,
    and with the mount point gone refused the whole add ("no such folder")."""
    home, nas = library
    code, _, err = runner("build", "--audio-dir", str(home), "--audio-dir", str(nas))
    assert code == 0, err
    before = set(paths_of(store).values())
    nas.rename(tmp_path / "nas" / "away")
    nas.mkdir()  # the mount point, with nothing mounted on it
    clip(home / "Nova" / "Sunday Songs" / "02 Late.flac", 510)
    for what in ("holds no audio file", "is not there"):
        code, out, err = runner("add", "--new-only", "--audio-dir", str(home),
                                "--audio-dir", str(nas))
        assert code == 0, err
        assert f"note: {nas} {what}, but 2 of the model's tracks are in it (not mounted?): " \
               "they are kept" in err
        assert "no file" not in err and "remove" not in err
        if nas.exists():
            nas.rmdir()  # the mount point gone too
    assert set(paths_of(store).values()) == \
        before | {"home/Music/Nova/Sunday Songs/02 Late.flac"}
    code, _, err = runner("add", "--new-only", "--audio-dir", str(home),
                          "--audio-dir", str(tmp_path / "nas" / "msuic"))  # a slip
    assert code != 0 and f"{tmp_path / 'nas' / 'msuic'}: no such folder" in err


def test_a_music_folder_moved_elsewhere_is_recorded_by_the_sync_that_follows_it(
        runner, store, library, tmp_path):
    """Before: `mv /mnt/nas/music /mnt/nas2/music; sync /mnt/nas2/music` recorded the
    files' moves but kept the old place as the music folder, so a file added later from
    a sub-folder of the new place had no artist or album ("Wire", "", "")."""
    home, nas = library
    code, _, err = runner("build", "--audio-dir", str(home), "--audio-dir", str(nas))
    assert code == 0, err
    built = store.current_version()
    moved = tmp_path / "nas2" / "music"
    moved.parent.mkdir()
    nas.rename(moved)
    code, out, err = runner("sync", str(moved), "--dry-run")
    assert code == 0 and f"would take {moved} as a music folder ({nas} is gone)" in out, err
    code, out, err = runner("sync", str(moved))
    assert code == 0 and "0 new, 2 moved or renamed, 0 deleted" in out, err
    assert f"the music folder {nas} is gone and {moved} holds its files" in out
    meta = store.meta(store.current_version())
    assert meta["update"]["base"] == built  # the moves and the folder: one version
    assert meta["music_folders"] == ["home/Music", "nas2/music"]
    clip(moved / "Kite" / "Paper Skies" / "02 Wire.flac", 530)
    code, _, err = runner("add", "--new-only", "--audio-dir", str(moved / "Kite"))
    assert code == 0, err
    assert named(store)["nas2/music/Kite/Paper Skies/02 Wire.flac"] == \
        ("Wire", "Kite", "Paper Skies")


def test_only_a_music_folder_gone_whose_files_are_below_one_new_place_is_moved(tmp_path):
    root = tmp_path / "root"
    for folder in ("home/Music", "nas2/music", "nas/kept"):
        (root / folder).mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    meta = {"audio_root": str(root), "music_folders": ["home/Music", "nas/music", "nas/kept"]}
    was = {"a": "nas/music/Kite/Paper Skies/01 Glass.flac", "b": "nas/kept/Nova/A/01 x.flac"}
    assert moved_folders(meta, {"a": "nas2/music/Kite/Paper Skies/01 Glass.flac"}, was) == \
        (["home/Music", "nas2/music", "nas/kept"],
         {str(root / "nas" / "music"): str(root / "nas2" / "music")})
    assert moved_folders(meta, {"a": f"{tmp_path}/elsewhere/Kite/Paper Skies/01 Glass.flac"},
                         was)[0] == ["home/Music", str(tmp_path / "elsewhere"), "nas/kept"]
    for now in ({"b": "nas2/music/Nova/A/01 x.flac"},  # its folder still there: no move
                {"a": "nas2/music/Kite/Other/01 Glass.flac"},  # not at the same place below
                {"a": "gone/Kite/Paper Skies/01 Glass.flac"}):  # no folder there
        assert moved_folders(meta, now, was) is None
    assert moved_folders({**meta, "music_folders": None}, {"a": was["a"]}, was) is None


def test_a_file_added_to_a_library_under_the_filesystem_root_keeps_its_absolute_path():
    """Music folders with nothing in common but "/" (~/Music and /mnt/nas/music): the
    build stores absolute paths ("/mnt/nas/..."), but a file added later was stored
    relative to "/" ("mnt/usb/Music/Zed/Alb/03 x.flac"), shown so by `tracks` and the
    API's external_ids.  It keeps its absolute path too; below another root, a file is
    made relative to it as the build stores it."""
    path = "/mnt/usb/Music/Zed/Alb/03 x.flac"
    track = make_track(1, external_ids={"path": path})
    tracks, copies = _in_model_form("/", [track], {path: "trk9"})
    assert tracks[0].external_ids["path"] == path and copies == {path: "trk9"}
    tracks, copies = _in_model_form("/mnt/usb", [track], {path: "trk9"})
    assert tracks[0].external_ids["path"] == "Music/Zed/Alb/03 x.flac"
    assert copies == {"Music/Zed/Alb/03 x.flac": "trk9"}
