"""Audio analysis on synthesised, real and broken files."""
from __future__ import annotations

import json

import numpy as np
import pytest

pytest.importorskip("librosa", reason="audio analysis needs the 'audio' extra")
sf = pytest.importorskip("soundfile")

from models.audio import (  # noqa: E402
    PITCH_CLASSES,
    AudioCache,
    AudioError,
    analyse,
    analyse_many,
    as_track,
    frequency_moments,
)

from .fixtures import SHARED, needs_shared  # noqa: E402

SR = 22050


def click_track(path, bpm: float, seconds: float = 20.0):
    """A kick on every beat and a softer hi-hat on the eighth notes between."""
    y = np.zeros(int(seconds * SR))
    n = int(0.03 * SR)
    t = np.arange(n) / SR
    kick = np.sin(2 * np.pi * 60 * t) * np.exp(-t * 40)
    hat = np.random.default_rng(0).normal(0, 0.25, n) * np.exp(-t * 120)
    for i, beat in enumerate(np.arange(0, seconds, 30.0 / bpm)):
        start = int(beat * SR)
        sound = kick if i % 2 == 0 else hat
        y[start:start + n] += sound[: len(y) - start]
    sf.write(path, 0.8 * y / np.abs(y).max(), SR)
    return path


def chords(path, roots_hz, seconds_each: float = 2.5, minor: bool = False):
    t = np.arange(int(seconds_each * SR)) / SR
    third = 6 / 5 if minor else 5 / 4
    parts = []
    for root in roots_hz:
        tone = sum(np.sin(2 * np.pi * root * r * h * t) / h
                   for r in (1, third, 3 / 2) for h in (1, 2, 3))
        parts.append(tone * np.hanning(len(t)) ** 0.2)
    y = np.concatenate(parts)
    sf.write(path, 0.2 * y / np.abs(y).max(), SR)
    return path


def test_frequency_moments_are_librosas_centroid_bandwidth_and_rolloff():
    """Computed together for speed, they must stay the values librosa gives (cached
    analyses and trained models depend on them), silent frames included."""
    import librosa

    t = np.arange(3 * SR) / SR
    noise = np.random.default_rng(2).normal(0, 0.05, len(t))
    y = (np.sin(2 * np.pi * 440 * t) * np.linspace(0, 1, len(t)) + noise).astype(np.float32)
    magnitude = np.abs(librosa.stft(y, n_fft=2048, hop_length=256))
    magnitude[:, :4] = 0.0
    centroid, bandwidth, rolloff = frequency_moments(magnitude, SR)
    expected = (librosa.feature.spectral_centroid(S=magnitude, sr=SR)[0],
                librosa.feature.spectral_bandwidth(S=magnitude, sr=SR)[0],
                librosa.feature.spectral_rolloff(S=magnitude, sr=SR)[0])
    for ours, theirs in zip((centroid, bandwidth, rolloff), expected):
        assert np.allclose(ours, theirs, rtol=1e-5, atol=1e-2)
    assert centroid[0] == bandwidth[0] == 0.0 and centroid[-1] > 300.0


@pytest.mark.parametrize("bpm", [90, 120, 140])
def test_tempo_of_a_click_track(tmp_path, bpm):
    result = analyse(click_track(tmp_path / f"c{bpm}.wav", bpm))
    assert abs(result["tempo"] - bpm) / bpm <= 0.05
    assert 0 < result["tempo_confidence"] <= 1
    assert result["duration"] == pytest.approx(20.0, abs=0.1)


def test_key_of_a_major_progression(tmp_path):
    a, d, e = 220.0, 293.66, 329.63  # I - IV - V - I in A major
    result = analyse(chords(tmp_path / "a.wav", [a, d, e, a, a, d, e, a]))
    assert (result["key"], result["mode"]) == ("A", "major")


def test_key_of_a_minor_progression(tmp_path):
    d, g, a = 146.83, 196.0, 220.0  # i - iv - v - i in D minor
    result = analyse(chords(tmp_path / "dm.wav", [d, g, a, d, d, g, a, d], minor=True))
    assert (result["key"], result["mode"]) == ("D", "minor")


def test_result_shape_and_descriptors(tmp_path):
    result = analyse(click_track(tmp_path / "c.wav", 120))
    assert set(result) == {"path", "duration", "tempo", "tempo_confidence", "key", "mode",
                           "features"}
    f = result["features"]
    assert result["key"] in PITCH_CLASSES and result["mode"] in ("major", "minor")
    for name in ("energy", "acousticness", "danceability", "brightness"):
        assert 0 <= f[name] <= 1, name
    assert f["loudness"] < 0 and len(f["mfcc_mean"]) == 13 and len(f["chroma_mean"]) == 12
    for name in ("spectral_centroid_mean", "spectral_rolloff_mean", "spectral_flatness_mean",
                 "zero_crossing_rate", "onset_rate", "dynamic_range_db"):
        assert np.isfinite(f[name]), name


def broken_files(tmp_path):
    (tmp_path / "empty.wav").write_bytes(b"")
    (tmp_path / "garbage.wav").write_bytes(np.random.default_rng(1).bytes(5000))
    (tmp_path / "text.mp3").write_text("not audio at all", encoding="utf-8")
    (tmp_path / "notes.xyz").write_text("x", encoding="utf-8")
    sf.write(tmp_path / "silent.wav", np.zeros(5 * SR), SR)
    sf.write(tmp_path / "short.wav", 0.3 * np.sin(np.arange(SR) / 10), SR)
    return {"empty.wav": "empty", "garbage.wav": "cannot decode", "text.mp3": "cannot decode",
            "notes.xyz": "unsupported", "silent.wav": "silent", "short.wav": "too short"}


def test_broken_files_say_what_is_wrong(tmp_path):
    for name, reason in broken_files(tmp_path).items():
        with pytest.raises(AudioError, match=reason):
            analyse(tmp_path / name)
    with pytest.raises(AudioError, match="no such file"):
        analyse(tmp_path / "missing.wav")
    deep = tmp_path / ("a long folder name of a music library " * 3).strip()
    deep.mkdir()
    (deep / "text.mp3").write_text("not audio at all", encoding="utf-8")
    with pytest.raises(AudioError) as caught:  # the decoder's reason, not its path again
        analyse(deep / "text.mp3")
    reason = str(caught.value).split("cannot decode", 1)[1]
    assert str(tmp_path) not in reason and "text.mp3" in reason


def test_batch_goes_on_past_errors_and_caches_by_content(tmp_path, monkeypatch):
    folder = tmp_path / "music"
    folder.mkdir()
    click_track(folder / "one.wav", 100)
    chords(folder / "two.flac", [220.0, 293.66])
    broken_files(folder)
    cache = AudioCache(tmp_path / "cache")
    batch = analyse_many([folder, folder / "notes.xyz"], cache=cache, workers=2)
    assert sorted(t["path"].rsplit("/", 1)[1] for t in batch.tracks) == ["one.wav", "two.flac"]
    assert len(batch.errors) == 6 and batch.cached == 0  # .xyz only when named directly
    (folder / "one.wav").rename(folder / "renamed.wav")
    # a cached file must not be analysed again
    monkeypatch.setattr("models.audio.batch.analyse", lambda *a, **k: 1 / 0)
    again = analyse_many([folder / "renamed.wav", folder / "two.flac"], cache=cache, workers=1)
    assert again.cached == 2 and not again.errors
    assert again.tracks[0]["path"].endswith("renamed.wav")
    track = as_track(again.tracks[0])
    assert track.id.startswith("audio-") and track.title == "renamed"
    assert {"energy", "tempo", "key", "mode", "loudness"} <= set(track.features)


def test_cli_analyze_json_and_exit_codes(runner, tmp_path):
    click_track(tmp_path / "beat.wav", 120)
    broken_files(tmp_path)
    code, out, err = runner("analyze", str(tmp_path / "beat.wav"), str(tmp_path / "empty.wav"),
                            "--json", "--workers", "1")
    assert code == 0, err
    body = json.loads(out)
    assert [t["path"].rsplit("/", 1)[1] for t in body["tracks"]] == ["beat.wav"]
    assert body["errors"][0]["path"].endswith("empty.wav") and "empty" in \
        body["errors"][0]["error"]
    code, _, err = runner("analyze", str(tmp_path / "silent.wav"), "--workers", "1")
    assert code != 0 and "error: no file could be analysed" in err


def test_build_from_an_audio_folder(runner, tmp_path):
    folder = tmp_path / "calm"
    folder.mkdir()
    for bpm in (70, 90, 110, 130):
        click_track(folder / f"beat {bpm}.wav", bpm, seconds=8)
    code, out, err = runner("build", "--audio-dir", str(folder), "--k", "3")
    assert code == 0, err
    code, out, err = runner("recommend", "beat 90", "--json")
    assert code == 0, err
    assert len(json.loads(out)["results"]) == 3


@needs_shared
def test_real_recordings(tmp_path):
    clips = SHARED / "audio" / "librosa"
    trumpet = analyse(clips / "sorohanro_-_solo-trumpet-06.ogg")  # a loop in F at 90 bpm
    assert trumpet["key"] == "F"
    assert min(abs(trumpet["tempo"] * f - 90) / 90 for f in (0.5, 1, 2)) <= 0.08
    speech = analyse(clips / "198-209-0000.ogg")  # spoken word: analysed, low confidence
    assert speech["tempo_confidence"] < 0.3
    with pytest.raises(AudioError, match="too short"):
        analyse(clips / "456440__inspectorj__bird-whistling-robin-single-13.ogg")
