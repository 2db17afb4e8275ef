"""A library analysed (and cached) before the speech score existed: the next build, add or
sync scores the cached files for speech, once, without analysing them again, so a
podcast episode analysed then is tagged "speech" and kept out of music recommendations
(models/audio/speech_pass.py, docs/audio.md "Speech")."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from .fixtures import labelled_clips
from .test_audio_speech import recommended

pytest.importorskip("librosa", reason="audio analysis needs the 'audio' extra")
pytestmark = pytest.mark.skipif(
    shutil.which("espeak-ng") is None,
    reason="needs Debian's espeak-ng to synthesise speech (apt-get install espeak-ng)")
READING = ("It was a bright cold day in April, and the clocks were striking thirteen. He "
           "slipped quickly through the glass doors, though not quickly enough to keep out "
           "a swirl of gritty dust from entering along with him.")


def episode(folder: Path, name: str = "episode.wav") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["espeak-ng", "-v", "en", "-w", str(folder / name), READING], check=True)
    return folder / name


def as_before_the_score(cache: Path) -> list[Path]:
    """Every cached result in ``cache`` as a feelalike before the speech score wrote it."""
    entries = sorted(p for p in cache.glob("*-v*-w*.json") if not p.name.endswith(".failed.json"))
    for entry in entries:
        record = json.loads(entry.read_text())
        assert "speech" in record["features"]
        del record["features"]["speech"]
        entry.write_text(json.dumps(record))
    return entries


class Steps:
    """The ``bars`` of :func:`analyse_many`, noting each step opened and its total."""

    def __init__(self) -> None:
        self.opened: list[tuple[str, int]] = []

    def __call__(self, desc: str, total: int):
        self.opened.append((desc, total))
        return self

    def update(self, n: int) -> None:
        pass

    def close(self) -> None:
        pass


def test_an_old_cache_entry_gets_the_score_once_and_only_the_speech_file_is_tagged(tmp_path):
    from models.audio import AudioCache, SPEECH_THRESHOLD, analyse_many, with_speech_tag

    folder = labelled_clips(tmp_path / "music", n=3)
    speech = episode(folder)
    cache = AudioCache(tmp_path / "cache")
    fresh = {t["path"]: t["features"]["speech"] for t in
             analyse_many([folder], cache=cache, workers=1).tracks}
    entries = as_before_the_score(cache.folder)

    steps = Steps()
    batch = analyse_many([folder], cache=cache, workers=1, bars=steps)
    assert steps.opened == [("checking", 4), ("scoring speech", 4)]  # nothing analysed
    assert batch.cached == 4 and not batch.errors
    scores = {t["path"]: t["features"]["speech"] for t in batch.tracks}
    assert scores == pytest.approx(fresh)  # the score a full analysis gives
    tagged = [p for p, t in ((t["path"], t) for t in batch.tracks)
              if "speech" in with_speech_tag([], t["features"])]
    assert tagged == [str(speech)]
    assert all(s < SPEECH_THRESHOLD for p, s in scores.items() if p != str(speech))
    written = {json.loads(e.read_text())["features"].get("speech") for e in entries
               if not e.name.startswith("stream-")}  # by the file's bytes, not its sound's
    assert None not in written  # kept: the next run reads the score from the cache

    before = {e: e.stat().st_mtime_ns for e in entries}
    steps = Steps()
    again = analyse_many([folder], cache=cache, workers=1, bars=steps)
    assert steps.opened == [("checking", 4)]  # no extra work
    assert {t["path"]: t["features"]["speech"] for t in again.tracks} == scores
    assert {e: e.stat().st_mtime_ns for e in entries} == before


@pytest.mark.skipif(shutil.which("ffmpeg") is None, reason="the stream digest needs ffmpeg")
def test_a_retagged_episode_found_by_its_sound_gets_the_score_too(tmp_path):
    """A tagger run since the upgrade: the file's bytes are new, its sound's old entry
    (kept by the digest of its audio stream) has no score."""
    from mutagen.id3 import TIT2
    import mutagen

    from models.audio import AudioCache, SPEECH_THRESHOLD, analyse_many

    speech = episode(tmp_path / "library")
    cache = AudioCache(tmp_path / "cache")
    analyse_many([speech], cache=cache, workers=1)
    as_before_the_score(cache.folder)
    audio = mutagen.File(speech)
    audio.add_tags()
    audio.tags.add(TIT2(encoding=3, text=["Episode 1"]))
    audio.save()

    steps = Steps()
    batch = analyse_many([speech], cache=cache, workers=1, bars=steps)
    assert steps.opened == [("checking", 1), ("analysing", 1)]
    assert batch.cached == 1  # its sound's, not analysed again
    assert batch.tracks[0]["features"]["speech"] >= SPEECH_THRESHOLD
    kept = [json.loads(e.read_text())["features"].get("speech")
            for e in cache.folder.glob("*-v*-w*.json")]
    assert len(kept) == 3 and kept.count(None) == 1  # the old bytes' alone: gone


def test_a_result_with_the_score_is_never_scored_again(tmp_path):
    """A cached score is the cache's answer, even one this machine would not give now."""
    from models.audio import AudioCache, analyse_many

    folder = labelled_clips(tmp_path / "music", n=2)
    cache = AudioCache(tmp_path / "cache")
    analyse_many([folder], cache=cache, workers=1)
    for entry in cache.folder.glob("*-v*-w*.json"):
        record = json.loads(entry.read_text())
        record["features"]["speech"] = 0.95
        entry.write_text(json.dumps(record))
    steps = Steps()
    batch = analyse_many([folder], cache=cache, workers=1, bars=steps)
    assert steps.opened == [("checking", 2)]
    assert [t["features"]["speech"] for t in batch.tracks] == [0.95, 0.95]


def test_a_file_gone_unreadable_keeps_its_result_unscored_and_the_batch_goes_on(tmp_path):
    from models.audio import AudioCache, score_cached, sounds_like_speech

    folder = labelled_clips(tmp_path / "music", n=2)
    clips = sorted(folder.glob("*.wav"))
    result = {"path": str(tmp_path / "gone.wav"), "content_hash": "0" * 64,
              "features": {"energy": 0.5}}
    good = {"path": str(clips[0]), "content_hash": "1" * 64, "features": {"energy": 0.5}}
    cache = AudioCache(tmp_path / "cache")
    assert score_cached([result, good], cache, (120.0, ""), workers=1) == 1
    assert "speech" not in result["features"] and not sounds_like_speech(result["features"])
    assert 0.0 <= good["features"]["speech"] <= 1.0
    assert [p.name.split("-")[0] for p in cache.folder.glob("*.json")] == ["1" * 64]


def test_upgraded_library_build_names_and_tags_the_episode_and_keeps_it_from_music(
        runner, store, tmp_path, monkeypatch):
    from models import settings
    from service.cli import output

    from .test_cli_progress import Opened

    folder = labelled_clips(tmp_path / "music", n=5)
    episode(folder)
    assert runner("build", "--audio-dir", str(folder))[0] == 0
    as_before_the_score(settings.audio_cache_dir())

    opened = Opened()
    monkeypatch.setattr(output, "progress", opened)
    code, out, err = runner("build", "--audio-dir", str(folder))
    assert code == 0, err
    assert ("scoring speech in your files", 6, "files") in opened.steps
    assert not any(step[0].startswith("analysing") for step in opened.steps)
    assert "1 audio file(s) sound like speech" in err and "episode.wav" in err
    version = store.current_version()
    docs = store.tracks(version, range(int(store.meta(version)["tracks"])))
    speech = [d["id"] for d in docs if "speech" in d["tags"]]
    assert [d["external_ids"]["path"] for d in docs if d["id"] in speech] == ["episode.wav"]
    music = recommended(runner, "clip_0.wav")
    assert len(music) == 4 and speech[0] not in music

    opened.steps.clear()
    code, out, err = runner("build", "--audio-dir", str(folder))
    assert code == 0, err
    assert not any(step[0].startswith("scoring speech") for step in opened.steps)
