"""`feelalike sync` after a tagger ran over the library: every file changed in place is
replaced by taking its old track out, then adding the new one, so the live model is
small meanwhile; past FEELALIKE_MAX_SHRINK the sync says so and that a build does it in
one step."""
from __future__ import annotations

import shutil

import pytest

from .fixtures import labelled_clips, paths_of

pytestmark = pytest.mark.usefixtures("store")


def test_most_files_changed_in_place_are_replaced_with_a_note(runner, store, music,
                                                              tmp_path):
    before = paths_of(store)
    for i in range(3):  # new content under three of the four names
        shutil.copy(tmp_path / "other" / f"clip_{i + 3}.wav", music / f"clip_{i}.wav")
    code, out, err = runner("sync", str(music))
    assert code == 0 and "0 new, 0 moved or renamed, 0 deleted, 3 changed in place" in out
    assert "note: 3 track(s) (files changed in place, re-tagged or re-encoded) are added " \
        "after the old ones are taken out, leaving 1 of the model's 4 tracks for a moment; " \
        "`feelalike build` replaces them in one step" in err
    assert "removed 3 track(s)" in out and "added 3 track(s)" in out, err
    after = paths_of(store)
    assert sorted(after.values()) == sorted(before.values())  # the same four names
    assert len(set(after) & set(before)) == 1  # three of them new tracks


def test_every_file_changed_in_place_is_refused_for_a_build(runner, store, music,
                                                            tmp_path):
    version = store.current_version()
    for i in range(4):
        shutil.copy(tmp_path / "other" / f"clip_{i + 2}.wav", music / f"clip_{i}.wav")
    code, out, err = runner("sync", str(music))
    assert code != 0 and "every one of the model's 4 tracks would be taken out (their " \
        "files deleted or changed in place) before the new ones are added: build a new " \
        "model" in err
    assert "Traceback" not in err and store.current_version() == version


def test_a_few_files_changed_in_place_are_replaced_without_force(runner, store, music,
                                                                 tmp_path):
    shutil.copy(tmp_path / "other" / "clip_5.wav", music / "clip_0.wav")
    code, out, err = runner("sync", str(music))
    assert code == 0 and "1 changed in place" in out and "added 1 track(s)" in out, err
    assert "for a moment" not in err
    assert len(paths_of(store)) == 4


def test_a_file_kept_by_its_musicbrainz_id_is_replaced_when_re_tagged(runner, store, tmp_path):
    """A file's id is its MusicBrainz recording when it has one, so a tagger's run keeps
    the id: sync compares the tags too (it used to keep the old title for good)."""
    from .test_audio_tags import tag

    folder = labelled_clips(tmp_path / "music", n=4)
    mbid = "b1a9c0e9-d987-4042-ae91-78d6a3267d69"
    tag(folder / "clip_0.wav", title="Old name", mbid=mbid)
    code, _, err = runner("build", "--audio-dir", str(folder))
    assert code == 0, err
    code, out, err = runner("sync", str(folder))  # the tags as built: nothing to do
    assert code == 0 and "0 changed in place" in out, err
    tag(folder / "clip_0.wav", title="New name")
    code, out, err = runner("sync", str(folder))
    assert code == 0 and "0 new, 0 moved or renamed, 0 deleted, 1 changed in place" in out
    version = store.current_version()
    titles = {d["id"]: d["title"] for d in store.tracks(version, range(4))}
    assert titles[f"mbid-{mbid}"] == "New name"
    code, out, err = runner("sync", str(folder))
    assert code == 0 and "0 changed in place" in out, err


def test_a_file_re_tagged_and_renamed_by_a_tagger_keeps_its_id(runner, store, tmp_path):
    """A tagger renames the files it tags: a file kept by its MusicBrainz id is then both
    re-tagged and moved.  `add` records where it went (it used to lose the move once
    sync came to compare tags), and `sync` replaces it, counted as moved."""
    from .test_audio_tags import tag

    folder = labelled_clips(tmp_path / "music", n=4)
    mbid = "b1a9c0e9-d987-4042-ae91-78d6a3267d69"
    tag(folder / "clip_0.wav", title="Old name", mbid=mbid)
    code, _, err = runner("build", "--audio-dir", str(folder))
    assert code == 0, err
    tag(folder / "clip_0.wav", title="New name")
    (folder / "clip_0.wav").rename(folder / "New name.wav")
    code, out, err = runner("add", "--audio-dir", str(folder), "--new-only")
    assert code == 0 and "recorded the new paths of 1 moved or renamed track(s)" in out, err
    assert paths_of(store)[f"mbid-{mbid}"] == "New name.wav"
    (folder / "New name.wav").rename(folder / "Newer name.wav")
    code, out, err = runner("sync", str(folder))
    assert code == 0 and "0 new, 1 moved or renamed, 0 deleted, 0 changed in place" in out
    docs = store.tracks(store.current_version(), range(4))
    mine = next(d for d in docs if d["id"] == f"mbid-{mbid}")
    assert (mine["title"], mine["external_ids"]["path"]) == ("New name", "Newer name.wav")


def test_an_untagged_file_renamed_is_found_by_its_new_name(runner, store, music):
    """A file without a title tag is called by its name: renamed, sync recorded its new
    path only, and search, the track and recommendations kept its old name until a
    build."""
    from .fixtures import make_app

    ids = {path: track for track, path in paths_of(store).items()}
    (music / "clip_2.wav").rename(music / "Nova - Night Drive.wav")
    code, out, err = runner("sync", str(music), "--dry-run")
    assert 'would move clip_2.wav -> Nova - Night Drive.wav (now called "Night Drive")' in out
    code, out, err = runner("sync", str(music))
    assert code == 0 and "0 new, 1 moved or renamed, 0 deleted, 0 changed in place" in out
    assert "(1 with a title from the new file name)" in out, out
    mine = ids["clip_2.wav"]
    client = make_app(store).test_client()
    found = client.get("/v1/tracks?q=night drive").get_json()["results"]
    assert [(t["id"], t["title"], t["artist"]) for t in found[:1]] == \
        [(mine, "Night Drive", "Nova")]
    assert all(t["title"] != "clip 2" for t in
               client.get("/v1/tracks?q=clip 2&limit=10").get_json()["results"])
    assert client.get(f"/v1/tracks/{mine}").get_json()["title"] == "Night Drive"
    answer = client.get("/v1/recommendations?seed=Night Drive&limit=5").get_json()
    assert answer["seed"]["id"] == mine, answer
    answer = client.get(f"/v1/recommendations?seed={ids['clip_0.wav']}&limit=5").get_json()
    assert {t["title"] for t in answer["results"] if t["id"] == mine} == {"Night Drive"}
    code, out, err = runner("sync", str(music))
    assert code == 0 and "nothing to change" in out, err


def test_a_file_moved_and_re_tagged_is_reported_as_moved(runner, store, music):
    """A file without a MusicBrainz id that a tagger both re-tagged and renamed is new
    content by a new name: sync called it one file deleted and one new.  Its sound is
    the same (the analysis its audio stream's digest found), so it is one moved and
    re-tagged file; its old track still makes way for the new one."""
    from .test_audio_tags import tag

    ids = {path: track for track, path in paths_of(store).items()}
    tag(music / "clip_2.wav", title="Night Drive")
    (music / "clip_2.wav").rename(music / "Night Drive.wav")
    code, out, err = runner("sync", str(music), "--dry-run")
    assert code == 0 and "0 new, 1 moved or renamed, 0 deleted, 0 changed in place" in out
    assert "would move clip_2.wav -> Night Drive.wav (re-tagged: replaced)" in out
    assert "would add" not in out and "would remove" not in out
    code, out, err = runner("sync", str(music))
    assert code == 0 and "0 new, 1 moved or renamed, 0 deleted, 0 changed in place" in out
    paths = paths_of(store)
    assert ids["clip_2.wav"] not in paths and "Night Drive.wav" in paths.values()
    code, out, err = runner("sync", str(music))
    assert code == 0 and "nothing to change" in out, err


def test_a_file_re_tagged_with_its_timestamp_kept_is_replaced(runner, store, tmp_path):
    """Taggers can keep a file's modification time (Picard's "preserve timestamps"), and
    a new title that fits the tag's padding keeps its size: the file's remembered hash
    was reused, so sync called the folder in step and the old title stayed for good."""
    import os

    from .test_audio_tags import tag

    folder = labelled_clips(tmp_path / "music", n=4)
    tag(folder / "clip_0.wav", title="Old name")
    code, _, err = runner("build", "--audio-dir", str(folder))
    assert code == 0, err
    before = os.stat(folder / "clip_0.wav")
    tag(folder / "clip_0.wav", title="New name")
    os.utime(folder / "clip_0.wav", ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(folder / "clip_0.wav").st_size == before.st_size
    code, out, err = runner("sync", str(folder))
    assert code == 0 and "0 new, 0 moved or renamed, 0 deleted, 1 changed in place" in out
    docs = store.tracks(store.current_version(), range(4))
    assert "New name" in {d["title"] for d in docs} and "Old name" not in \
        {d["title"] for d in docs}


def test_a_file_moved_into_an_album_folder_is_replaced_with_its_folders_names(
        runner, store, music):
    """A file without artist and album tags in an Artist/Album/ folder takes them from
    its folders: moved into one, its name changes as a re-tagged file's does, so sync
    replaces it (counted as moved) and the track has the names a build gives it."""
    ids = {path: track for track, path in paths_of(store).items()}
    (music / "Nova" / "Sunday Songs").mkdir(parents=True)
    (music / "clip_2.wav").rename(music / "Nova" / "Sunday Songs" / "02 clip 2.wav")
    code, out, err = runner("sync", str(music))
    assert code == 0 and "0 new, 1 moved or renamed, 0 deleted, 0 changed in place" in out
    docs = store.tracks(store.current_version(), range(4))
    mine = next(d for d in docs if d["id"] == ids["clip_2.wav"])
    assert (mine["title"], mine["artist"], mine["album"]) == ("clip 2", "Nova", "Sunday Songs")
    assert mine["external_ids"]["path"] == "Nova/Sunday Songs/02 clip 2.wav"
    code, out, err = runner("sync", str(music))
    assert code == 0 and "nothing to change" in out, err
