"""A file re-tagged since it was analysed (a tagger run over the library: new titles,
cover art) is not analysed again: the analysis cache finds its sound by the digest of
its audio stream, which tags do not change."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

pytest.importorskip("librosa", reason="audio analysis needs the 'audio' extra")
mutagen = pytest.importorskip("mutagen")
pytestmark = pytest.mark.skipif(shutil.which("ffmpeg") is None,
                                reason="the stream digest needs the ffmpeg program")

from mutagen.id3 import APIC, TIT2  # noqa: E402

from models.audio import AudioCache, analyse_many, as_track, stream_digest  # noqa: E402

from .fixtures import labelled_clips, paths_of  # noqa: E402

NO_ANALYSIS = "models.audio.batch.analyse"


def _encode(source: Path, target: Path, *codec: str) -> Path:
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", str(source), *codec, str(target)],
                   check=True)
    return target


def _retag(path: Path, title: str) -> None:
    """A tagger's run: a new title, and cover art where the format keeps pictures in
    its tags."""
    audio = mutagen.File(path, easy=path.suffix != ".wav")
    if audio.tags is None:
        audio.add_tags()
    if path.suffix == ".wav":
        audio.tags.add(TIT2(encoding=3, text=[title]))
        audio.tags.add(APIC(encoding=3, mime="image/jpeg", type=3, desc="front",
                            data=b"\xff\xd8" + bytes(20000)))
    else:
        audio["title"] = title
    audio.save()


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """A WAV, a FLAC and an AAC (M4A, decoded by ffmpeg) of three different clips."""
    clips = labelled_clips(tmp_path / "clips", n=3, seconds=3.0)
    folder = tmp_path / "library"
    folder.mkdir()
    shutil.copy(clips / "clip_0.wav", folder / "one.wav")
    _encode(clips / "clip_1.wav", folder / "two.flac")
    _encode(clips / "clip_2.wav", folder / "three.m4a", "-c:a", "aac")
    return folder


def test_a_retagged_file_takes_its_earlier_analysis(library, tmp_path, monkeypatch):
    cache = AudioCache(tmp_path / "cache")
    first = analyse_many([library], cache=cache, workers=1)
    assert len(first.tracks) == 3 and first.cached == 0, first.errors
    for path in library.iterdir():
        _retag(path, f"Retagged {path.stem}")
    monkeypatch.setattr(NO_ANALYSIS, lambda *a, **k: 1 / 0)  # nothing may be analysed
    again = analyse_many([library], cache=cache, workers=1)
    assert again.cached == 3 and not again.errors
    before = {Path(t["path"]).name: t for t in first.tracks}
    for result in again.tracks:
        name = Path(result["path"]).name
        assert result["features"] == before[name]["features"]
        assert result["content_hash"] != before[name]["content_hash"]  # new bytes
        track = as_track(result, [library])
        assert track.title == f"Retagged {Path(name).stem}"  # tags read from the file now
        assert track.id != as_track(before[name], [library]).id
    monkeypatch.undo()
    third = analyse_many([library], cache=cache, workers=1)  # now by its bytes, too
    assert third.cached == 3 and not third.errors


def test_new_sound_under_old_tags_is_analysed_again(library, tmp_path, monkeypatch):
    cache = AudioCache(tmp_path / "cache")
    analyse_many([library], cache=cache, workers=1)
    other = labelled_clips(tmp_path / "other", n=5, seconds=3.0) / "clip_4.wav"
    _encode(other, library / "two.flac")  # re-encoded from another recording
    again = analyse_many([library / "two.flac"], cache=cache, workers=1)
    assert again.cached == 0 and len(again.tracks) == 1


def test_without_ffmpeg_a_retagged_file_is_analysed_as_before(library, tmp_path,
                                                              monkeypatch):
    cache = AudioCache(tmp_path / "cache")
    analyse_many([library / "one.wav"], cache=cache, workers=1)
    _retag(library / "one.wav", "Retagged")
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs"))
    assert stream_digest(library / "one.wav") is None
    again = analyse_many([library / "one.wav"], cache=cache, workers=1)
    assert again.cached == 0 and len(again.tracks) == 1 and not again.errors


def test_a_file_ffmpeg_cannot_read_has_no_stream_digest(tmp_path):
    broken = tmp_path / "broken.mp3"
    broken.write_bytes(b"ID3" + bytes(500))
    assert stream_digest(broken) is None
    assert stream_digest(tmp_path / "missing.flac") is None


def test_sync_after_a_tagger_run_analyses_nothing(runner, store, music, monkeypatch):
    """The self-hoster's case: two files re-tagged, `feelalike sync` replaces their tracks
    with what the new tags say, from the analyses kept before."""
    for name in ("clip_0.wav", "clip_1.wav"):
        _retag(music / name, f"New title of {name}")
    monkeypatch.setattr(NO_ANALYSIS, lambda *a, **k: 1 / 0)
    code, out, err = runner("sync", str(music))
    assert code == 0 and "2 changed in place" in out, err
    titles = {doc["title"] for doc in store.tracks(store.current_version(), range(4))}
    assert {"New title of clip_0.wav", "New title of clip_1.wav"} <= titles
    assert sorted(paths_of(store).values()) == [f"clip_{i}.wav" for i in range(4)]


def test_a_name_ffmpeg_could_misread_keeps_its_stream_digest(library):
    """"Act 1: Overture.flac" is no protocol, "-x.flac" no option: the digest is of the
    file, and the same for the file under its plain name."""
    plain = stream_digest(library / "two.flac")
    assert plain is not None
    for odd in ("Act 1: Overture.flac", "-x.flac", "ça va.flac"):
        shutil.copy(library / "two.flac", library / odd)
        assert stream_digest(library / odd) == plain
