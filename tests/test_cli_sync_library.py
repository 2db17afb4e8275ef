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


def reviewed_library(runner, tmp_path):
    """Six clips, three of them on the album "Score" (two called by their file names,
    one by its title tag and MusicBrainz id), built with a review saying two of them are
    like "Night Swim"; returns (folder, the review links served per track title)."""
    from .fixtures import labelled_clips
    from .test_audio_tags import tag

    folder = labelled_clips(tmp_path / "music", n=6)
    (folder / "clip_1.wav").rename(folder / "Night Swim.wav")
    (folder / "clip_4.wav").rename(folder / "Morning Light.wav")
    for name in ("Night Swim.wav", "Morning Light.wav"):
        tag(folder / name, album="Score")
    tag(folder / "clip_2.wav", album="Score", title="Old", mbid=MBID)
    reviews = tmp_path / "reviews.jsonl"
    reviews.write_text(json.dumps({"album": "Score", "text": (
        "\u201cNight Swim\u201d shares the same mood with \u201cMorning Light.\u201d "
        "\u201cOld\u201d is like \u201cNight Swim\u201d.")}) + "\n", encoding="utf-8")
    code, _, err = runner("build", "--audio-dir", str(folder), "--reviews", str(reviews))
    assert code == 0, err
    return folder


MBID = "b1a9c0e9-d987-4042-ae91-78d6a3267d69"


def served_links(store) -> dict[str, list[tuple[str, str]]]:
    """Track title -> (id, title) of each track its served review links name."""
    from .fixtures import make_app

    client = make_app(store).test_client()
    out = {}
    for track_id in paths_of(store):
        doc = client.get(f"/v1/tracks/{track_id}").get_json()
        if doc["related"]:
            out[doc["title"]] = [(link["id"], link["title"]) for link in doc["related"]]
    return out


def test_a_renamed_track_is_named_anew_in_the_review_links_to_it(runner, store, tmp_path):
    """A file called by its name, renamed: the track a review calls like it kept
    linking to it by its old title ("Night Swim" is like "Morning Light", a title no
    track has any more) until a build."""
    folder = reviewed_library(runner, tmp_path)
    ids = {path: track for track, path in paths_of(store).items()}
    light = ids["Morning Light.wav"]
    assert (light, "Morning Light") in served_links(store)["Night Swim"]
    (folder / "Morning Light.wav").rename(folder / "Morning Glow.wav")
    code, out, err = runner("sync", str(folder))
    assert code == 0 and "0 new, 1 moved or renamed, 0 deleted" in out, err
    links = served_links(store)
    assert (light, "Morning Glow") in links["Night Swim"]
    assert links["Morning Glow"] == [(ids["Night Swim.wav"], "Night Swim")]
    assert all(title != "Morning Light" for named in links.values() for _, title in named)


def test_a_track_taken_out_leaves_no_review_link_to_it(runner, store, tmp_path):
    """A track removed (its file re-tagged under a new title and replaced, or deleted):
    the track a review called like it kept a link to a track the model no longer
    holds, under its old title; a build of the tracks left has no such link."""
    from .test_audio_tags import tag

    folder = reviewed_library(runner, tmp_path)
    ids = {path: track for track, path in paths_of(store).items()}
    assert (f"mbid-{MBID}", "Old") in served_links(store)["Night Swim"]
    tag(folder / "clip_2.wav", title="New")
    code, out, err = runner("sync", str(folder))
    assert code == 0 and "1 changed in place" in out, err
    assert served_links(store)["Night Swim"] == [(ids["Morning Light.wav"], "Morning Light")]
    code, out, err = runner("remove", "path:Morning Light.wav")
    assert code == 0, err
    assert served_links(store) == {}


def test_a_file_that_cannot_be_read_is_kept_and_not_called_in_step(runner, store, music,
                                                                   tmp_path):
    """A file of the model overwritten by one that cannot be read (a copy under way, a
    damaged disk): its track stays (taking it out would lose it for a passing fault),
    but sync said the folder was in step, with nothing to change."""
    before = paths_of(store)
    saved = (music / "clip_1.wav").read_bytes()
    (music / "clip_1.wav").write_bytes(b"RIFF\x00\x00\x00\x00WAVEjunk" * 8)
    code, out, err = runner("sync", str(music))
    assert code == 0 and "0 deleted, 0 changed in place, 1 unreadable (kept)" in out, err
    assert "nothing to change" not in out
    assert "1 of the model's files could not be read (e.g. clip_1.wav)" in out
    assert paths_of(store) == before
    (music / "clip_1.wav").write_bytes(saved)
    code, out, err = runner("sync", str(music))
    assert code == 0 and "nothing to change" in out and "unreadable" not in out, err


def test_files_moved_into_the_synced_folder_from_elsewhere_are_moved(runner, store, music):
    """`mv Jazz "Jazz (old)"`, or a file moved from the top into a sub-folder, then a
    sync of the folder they are in now: their tracks were stored outside it, so the
    sync found nothing new, called the folder in step, and kept paths that no longer
    play. A copy (the old file still there) stays where it was."""
    (music / "Jazz").mkdir()
    for name in ("clip_2.wav", "clip_3.wav"):
        (music / name).rename(music / "Jazz" / name)
    code, out, err = runner("sync", str(music))
    assert code == 0, err
    ids = {path: track for track, path in paths_of(store).items()}
    (music / "Jazz").rename(music / "Jazz (old)")
    (music / "clip_0.wav").rename(music / "Jazz (old)" / "zero.wav")
    (music / "Jazz (old)" / "one.wav").write_bytes((music / "clip_1.wav").read_bytes())
    code, out, err = runner("sync", str(music / "Jazz (old)"))
    assert code == 0 and "0 new, 3 moved or renamed, 0 deleted" in out, err
    assert paths_of(store) == {ids["clip_0.wav"]: "Jazz (old)/zero.wav",
                               ids["clip_1.wav"]: "clip_1.wav",
                               ids["Jazz/clip_2.wav"]: "Jazz (old)/clip_2.wav",
                               ids["Jazz/clip_3.wav"]: "Jazz (old)/clip_3.wav"}
    code, out, err = runner("sync", str(music))
    assert code == 0 and "nothing to change" in out, err


def test_a_link_looping_back_and_a_copy_are_no_change(runner, store, music):
    """A link to the folder inside it (a loop) and a copy of a file add nothing; once
    the original is deleted the copy is where its track now is."""
    ids = {path: track for track, path in paths_of(store).items()}
    (music / "loop").symlink_to(music, target_is_directory=True)
    (music / "backup").mkdir()
    (music / "backup" / "zero.wav").write_bytes((music / "clip_0.wav").read_bytes())
    code, out, err = runner("sync", str(music))
    assert code == 0 and "nothing to change" in out and "0 new" in out, err
    (music / "clip_0.wav").unlink()
    code, out, err = runner("sync", str(music))
    assert code == 0 and "0 new, 1 moved or renamed, 0 deleted" in out, err
    assert paths_of(store)[ids["clip_0.wav"]] == "backup/zero.wav"


def test_unusable_files_are_warned_of_once_then_counted(runner, store, music):
    """A cron job mails what sync writes to stderr: two broken files in the folder
    mailed "skipped 2 unusable audio files" every run.  Warned of once, unchanged since,
    they are counted in the summary line; --verbose lists them again; a file changed
    since is warned of again, in English ("1 unusable audio file")."""
    from .test_audio_edges import tone

    (music / "broken.mp3").write_bytes(b"\x00not audio" * 500)
    (music / "other.flac").write_bytes(b"fLaC" + b"\x01" * 300)
    whole = tone(music.parent / "whole.flac", seconds=300)
    (music / "cut.flac").write_bytes(whole.read_bytes()[: whole.stat().st_size // 4])
    code, out, err = runner("sync", str(music))
    assert code == 0 and "skipped 2 unusable audio files:" in err, err
    assert "warning: 1 audio file(s) end before their header says" in err
    for _ in range(2):  # a second and a third run: nothing new to say
        code, out, err = runner("sync", str(music))
        assert code == 0 and "unusable" not in err and "broken.mp3" not in err, err
        assert "cut.flac" not in err and "0 new, 0 moved or renamed, 0 deleted, 0 changed " \
            "in place, 2 unusable audio files and 1 cut off (reported before)" in out
        assert "nothing to change" in out
    code, out, err = runner("sync", str(music), "--verbose")
    assert code == 0 and "skipped 2 unusable audio files:" in err and "cut.flac" in err
    (music / "broken.mp3").write_bytes(b"\x00still not audio" * 600)
    code, out, err = runner("sync", str(music))
    assert code == 0 and "skipped 1 unusable audio file:" in err and "broken.mp3" in err
    assert "other.flac" not in err
    assert ", 1 unusable audio file and 1 cut off (reported before)" in out
