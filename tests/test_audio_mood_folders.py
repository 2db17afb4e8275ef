"""The audio feel model trained on a self-hoster's own clips filed in folders named by mood
(FEELALIKE_EMOTION_FOLDERS), with no labels.csv set of rated clips."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("librosa", reason="audio analysis needs the 'audio' extra")

from models.audio import (  # noqa: E402
    GEMS,
    GEMS_MOODS,
    AudioFeel,
    audio_feel_path,
    mood_folders,
)

from .fixtures import labelled_clips  # noqa: E402


def filed_clips(folder: Path, moods: dict[str, range], n: int = 24) -> Path:
    """The synthetic clips (soft and slow to loud and fast) filed by ``moods``: folder
    name -> the clip numbers it holds."""
    clips = labelled_clips(folder / "made", n=n, seconds=3.5)
    for mood, numbers in moods.items():
        (folder / mood).mkdir(parents=True)
        for i in numbers:
            (clips / f"clip_{i}.wav").rename(folder / mood / f"clip_{i}.wav")
    (folder / "calm" / "cover.jpg").write_bytes(b"not audio")  # not a clip: not counted
    for file in clips.iterdir():
        file.unlink()
    clips.rmdir()
    return folder


@pytest.mark.slow
def test_mood_folders_alone_train_the_audio_feel_model(runner, tmp_path, monkeypatch):
    """A self-hoster with only their own mood folders was told "no labels.csv"."""
    folders = filed_clips(tmp_path / "moods", {"calm": range(12), "energetic": range(12, 24)})
    monkeypatch.setenv("FEELALIKE_EMOTION_FOLDERS", str(folders))  # no labelled clips
    code, out, err = runner("moods", "--audio-dir", str(folders), "--json")
    assert code == 0, err
    assert "training the audio feel model on the clips in mood folders" in err
    assert "0 labelled clips and 24 filed clips" in err and "saved the audio feel" in err
    heard = {t["title"]: t for t in json.loads(out)["tracks"]}
    assert heard["clip 0"]["moods"][0]["mood"] == "peaceful"
    loud = GEMS_MOODS["power"] | GEMS_MOODS["joyful_activation"]
    assert heard["clip 23"]["moods"][0]["mood"] in loud, heard["clip 23"]["moods"]
    assert AudioFeel.load(audio_feel_path()).base_ is not None
    code, _, err = runner("train-audio")  # on demand too (the analyses are cached)
    assert code == 0, err
    assert "0 labelled clips and 24 filed clips" in err
    assert "out-of-fold r against the mood folders' profiles" in err


def test_too_few_clips_in_mood_folders_are_refused_saying_what_was_found(runner, tmp_path,
                                                                         monkeypatch):
    folders = tmp_path / "moods"
    for mood, count in (("calm", 3), ("happy", 2)):
        (folders / mood).mkdir(parents=True)
        for i in range(count):
            (folders / mood / f"{i}.wav").write_bytes(b"")
    monkeypatch.setenv("FEELALIKE_EMOTION_FOLDERS", str(folders))
    code, _, err = runner("train-audio")
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err, err
    assert "no labels.csv set of clips (FEELALIKE_EMOTION_CLIPS=off)" in err
    assert "found 3 in calm/, 2 in happy/" in err
    assert "at least 20 clips in at least 2 mood folders are needed" in err
    for i in range(3, 25):  # enough clips, all of one mood: nothing to tell apart
        (folders / "calm" / f"{i}.wav").write_bytes(b"")
    (folders / "happy" / "0.wav").unlink()
    (folders / "happy" / "1.wav").unlink()
    code, _, err = runner("train-audio")
    assert code == 2 and "found 25 in calm/, 0 in happy/" in err, err


def test_mood_folders_named_by_other_mood_words_are_read_through_the_lexicon(tmp_path):
    """sad/ and chill/ were dropped without a word: only five names were read."""
    for name in ("sad", "Chill Out", "love_songs", "not sad", "misc"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "a.ogg").write_bytes(b"")
    filed = mood_folders([tmp_path, tmp_path / "nowhere"])
    profiles = {f.parent.name: profile for f, profile in filed.files}
    assert set(profiles) == {"sad", "Chill Out", "love_songs"}
    top = {name: GEMS[int(p.argmax())] for name, p in profiles.items()}
    assert top == {"sad": "sadness", "Chill Out": "calmness", "love_songs": "tenderness"}
    assert filed.unread == [tmp_path / "misc", tmp_path / "not sad"]
    assert filed.missing == [tmp_path / "nowhere"]


def test_training_names_the_folders_it_cannot_read_as_a_mood(runner, tmp_path, monkeypatch):
    moods = tmp_path / "moods"
    for name, count in (("sad", 3), ("misc", 2)):
        (moods / name).mkdir(parents=True)
        for i in range(count):
            (moods / name / f"{i}.wav").write_bytes(b"")
    monkeypatch.setenv("FEELALIKE_EMOTION_FOLDERS", f"{moods}:{tmp_path / 'nowhere'}")
    code, _, err = runner("train-audio")
    assert code == 2 and "Traceback" not in err, err
    note, error = err.splitlines()
    assert note.startswith(f"note: not read as mood folders: {moods / 'misc'}/, "
                           f"{tmp_path / 'nowhere'} (no such folder); a mood folder is named "
                           "calm, energetic, happy, nostalgic, tender, joyful, playful")
    names = note.split("is named ")[1].split(" or by another")[0].split(", ")
    assert len(names) == len(set(names)), names  # each name once
    assert "found 3 in sad/" in error
    monkeypatch.setenv("FEELALIKE_EMOTION_FOLDERS", str(tmp_path / "nowhere"))
    music = labelled_clips(tmp_path / "music", n=2, seconds=3.5)
    code, _, err = runner("moods", "--audio-dir", str(music))  # first use: no model
    assert code == 0, err
    assert f"no clips in mood folders (FEELALIKE_EMOTION_FOLDERS (not read as mood folders: " \
        f"{tmp_path / 'nowhere'} (no such folder)" in err


def test_a_kept_model_is_not_replaced_by_one_of_mood_folders_alone(runner, tmp_path,
                                                                   monkeypatch):
    """A model from an older feelalike (no base rates) is trained again on labelled
    clips; mood folders alone, fewer and one mood per clip, do not replace it."""
    rng = np.random.default_rng(0)
    rows = [{"loudness": float(x), "tempo": float(y)} for x, y in rng.normal(size=(12, 2))]
    kept = AudioFeel().fit(rows, rng.uniform(size=(12, len(GEMS))))
    kept.base_ = None  # as saved before the base rates were kept
    kept.save(audio_feel_path())
    folders = filed_clips(tmp_path / "moods", {"calm": range(2), "happy": range(2, 4)}, n=4)
    monkeypatch.setenv("FEELALIKE_EMOTION_FOLDERS", str(folders))
    code, _, err = runner("moods", "--audio-dir", str(folders))
    assert code == 0, err
    assert "training" not in err and "cannot train" not in err, err
    assert AudioFeel.load(audio_feel_path()).base_ is None  # the kept one, as it was
