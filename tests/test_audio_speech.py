"""Files that sound like speech (an audiobook chapter, a podcast episode in the music
folder): scored by the analysis, tagged "speech", named by build, add and sync, and kept
out of the recommendations for a music seed (docs/audio.md, "Speech")."""
from __future__ import annotations

import json
import shutil
import subprocess
import warnings
from pathlib import Path

import numpy as np
import pytest

from .fixtures import SHARED, labelled_clips, needs_shared

pytest.importorskip("librosa", reason="audio analysis needs the 'audio' extra")

LIBROSA = SHARED / "audio" / "librosa"
READING = LIBROSA / "198-209-0000.ogg"  # LibriSpeech: a real audiobook reading
MUSIC = ("Kevin_MacLeod_-_Vibe_Ace.ogg",
         "Kevin_MacLeod_-_P_I_Tchaikovsky_Dance_of_the_Sugar_Plum_Fairy.ogg",
         "Karissa_Hobbs_-_Lets_Go_Fishin.ogg", "sorohanro_-_solo-trumpet-06.ogg",
         "Hungarian_Dance_number_5_-_Allegro_in_F_sharp_minor_(string_orchestra).ogg")
needs_espeak = pytest.mark.skipif(
    shutil.which("espeak-ng") is None,
    reason="needs Debian's espeak-ng to synthesise speech (apt-get install espeak-ng)")


def score_of(y: np.ndarray) -> float:
    from models.audio import SAMPLE_RATE, Spectrum, speech_score

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return speech_score(Spectrum.of(np.asarray(y, dtype=np.float32), SAMPLE_RATE))


def file_score(path: Path) -> float:
    from models.audio import decode

    return score_of(decode(path, 120.0)[0])


@needs_shared
def test_a_real_audiobook_reading_is_speech_and_real_music_is_not_by_a_margin():
    from models.audio import SPEECH_THRESHOLD

    assert file_score(READING) >= SPEECH_THRESHOLD + 0.1
    for name in MUSIC:
        assert file_score(LIBROSA / name) <= SPEECH_THRESHOLD - 0.2, name


@needs_shared
def test_no_music_clip_of_any_genre_is_taken_for_speech():
    from models.audio import SPEECH_THRESHOLD

    clips = sorted((SHARED / "audio" / "emotify_dev").glob("*.ogg"))[::10]  # all 4 genres
    assert {c.name.split("_")[0] for c in clips} == {"classical", "electronic", "pop", "rock"}
    for clip in clips:
        assert file_score(clip) <= SPEECH_THRESHOLD - 0.15, clip.name


@needs_espeak
@pytest.mark.parametrize("voice, text", [
    ("en", "It was a bright cold day in April, and the clocks were striking thirteen. "
           "He slipped quickly through the glass doors, though not quickly enough."),
    ("de", "Es war einmal ein kleines Mädchen, das wohnte mit seiner Mutter am Rande "
           "eines großen Waldes, und jeden Morgen ging es hinaus."),
    ("fr", "Il était une fois, dans un pays lointain, un roi qui avait trois filles, et "
           "la plus jeune était si belle que le soleil s'étonnait.")])
def test_synthesised_readings_sound_like_speech(tmp_path, voice, text):
    from models.audio import SPEECH_THRESHOLD

    out = tmp_path / f"{voice}.wav"
    subprocess.run(["espeak-ng", "-v", voice, "-w", str(out), text], check=True)
    assert file_score(out) >= SPEECH_THRESHOLD + 0.1


def test_silence_noise_and_tones_are_no_speech_and_score_within_0_to_1():
    from models.audio import SPEECH_THRESHOLD

    sr, t = 22050, np.arange(3 * 22050) / 22050
    sounds = {"silence": np.zeros_like(t), "noise": np.random.default_rng(0).normal(size=t.size),
              "tone": np.sin(2 * np.pi * 440 * t), "half a second": np.sin(t[: sr // 2])}
    for name, y in sounds.items():
        score = score_of(y)
        assert 0.0 <= score < SPEECH_THRESHOLD, name


def test_only_a_scored_file_is_tagged_and_the_tag_comes_once():
    from models.audio import sounds_like_speech, with_speech_tag

    assert not sounds_like_speech({})  # analysed (and cached) before the score existed
    assert not sounds_like_speech({"speech": float("nan")})
    assert with_speech_tag(["Rock"], {}) == ["Rock"]
    assert with_speech_tag(["Rock"], {"speech": 0.2}) == ["Rock"]
    assert with_speech_tag(["Audiobook"], {"speech": 0.9}) == ["Audiobook", "speech"]
    assert with_speech_tag(["Speech"], {"speech": 0.9}) == ["Speech"]


def recommended(runner, path: str) -> list[str]:
    code, out, err = runner("recommend", f"path:{path}", "--json", "--limit", "20")
    assert code == 0, err
    return [r["id"] for r in json.loads(out)["results"]]


@needs_shared
def test_a_chapter_in_the_music_folder_is_named_tagged_and_not_recommended_for_music(
        runner, store, tmp_path, monkeypatch):
    folder = labelled_clips(tmp_path / "music", n=6)
    shutil.copy(READING, folder / "chapter-01.ogg")
    code, out, err = runner("build", "--audio-dir", str(folder))
    assert code == 0, err
    assert "1 audio file(s) sound like speech" in err and "chapter-01.ogg" in err
    version = store.current_version()
    docs = store.tracks(version, range(int(store.meta(version)["tracks"])))
    speech = [d["id"] for d in docs if "speech" in d["tags"]]
    assert [d["external_ids"]["path"] for d in docs if d["id"] in speech] == ["chapter-01.ogg"]

    music = recommended(runner, "clip_0.wav")
    assert len(music) == 5 and speech[0] not in music  # every other music file, no chapter
    assert len(recommended(runner, "chapter-01.ogg")) == 6  # a seed itself: all the rest
    code, out, err = runner("recommend", "path:clip_1.wav", "--tag", "speech", "--json")
    assert code == 0 and [r["id"] for r in json.loads(out)["results"]] == speech  # asked for
    monkeypatch.setenv("FEELALIKE_SPEECH_IN_RECOMMENDATIONS", "on")
    assert speech[0] in recommended(runner, "clip_0.wav")  # not the answer cached before
    monkeypatch.setenv("FEELALIKE_SPEECH_IN_RECOMMENDATIONS", "maybe")
    code, out, err = runner("recommend", "path:clip_3.wav")
    assert code != 0 and "FEELALIKE_SPEECH_IN_RECOMMENDATIONS" in err
    assert "Traceback" not in err


@needs_shared
def test_sync_names_a_speech_file_once_until_it_changes(runner, store, tmp_path):
    folder = labelled_clips(tmp_path / "music", n=4)
    assert runner("build", "--audio-dir", str(folder))[0] == 0
    shutil.copy(READING, folder / "episode.ogg")
    code, out, err = runner("sync", str(folder))
    assert code == 0 and "1 audio file(s) sound like speech" in err and "episode.ogg" in err
    code, out, err = runner("sync", str(folder))
    assert code == 0 and "sound like speech" not in err
    assert "1 sounding like speech (reported before)" in out + err


@needs_shared
@needs_espeak
def test_a_reading_over_a_music_bed_is_speech_and_the_beds_alone_are_not(tmp_path):
    """A podcast with music under the voice: the bed fills the pauses between words in
    some bands, not in all (docs/audio.md, "Speech"; bench/speech_beds.py).  20 beds of
    all four genres; 12 dB under the voice every mix is speech, 6 dB under it (a loud
    bed) most are (before the pauses were read per band: 8 of 20; 14 since the breaks
    between phrases count too, which keep rap over a beat from being taken for speech)."""
    from models.audio import SPEECH_THRESHOLD, decode

    out = tmp_path / "episode.wav"
    subprocess.run(["espeak-ng", "-v", "en", "-w", str(out),
                    "Welcome back to the show. This week we talk about gardens in small "
                    "cities, about the people who grow tomatoes on their balconies, and "
                    "about why the bees keep coming back to the same window boxes."],
                   check=True)
    voice = decode(out, 120.0)[0].astype(np.float64)
    flagged = {-12: 0, -6: 0}
    beds = sorted((SHARED / "audio" / "emotify_dev").glob("*.ogg"))[5::10]
    for clip in beds:
        bed = np.resize(decode(clip, 120.0)[0].astype(np.float64), voice.shape)
        assert score_of(bed) < SPEECH_THRESHOLD, clip.name
        for level in flagged:
            mix = voice + bed * np.sqrt(np.mean(voice ** 2) / np.mean(bed ** 2)) \
                * 10 ** (level / 20)
            flagged[level] += score_of(mix / np.abs(mix).max()) >= SPEECH_THRESHOLD
    assert len(beds) == 20 and flagged[-12] == 20 and flagged[-6] >= 14


RHYMES = ("I keep it moving when the city gets cold got a story in my pocket that was "
          "never sold every corner got a rhythm and a name to hold every window got a "
          "picture in a frame of gold we were running on the rooftops when the summer came "
          "now the radio is playing and it sounds the same pen to paper in the kitchen at "
          "the break of day all the neighbours in the hallway got a lot to say")


def drum_loop(bpm: float, n: int, sr: int = 22050) -> np.ndarray:
    """A steady boom-bap loop: kick on 1, the "and" of 2 and 3, snare on 2 and 4, hi-hat
    on every eighth."""
    rng = np.random.default_rng(0)
    t = np.arange(int(0.4 * sr)) / sr
    kick = np.sin(2 * np.pi * (50 * t + 2 * (1 - np.exp(-t * 30)))) * np.exp(-t * 12)
    snare = (0.6 * rng.normal(size=t.size) + np.sin(2 * np.pi * 190 * t)) * np.exp(-t * 20)
    hat = 0.25 * np.diff(rng.normal(size=t.size + 1)) * np.exp(-t * 80)
    y, eighth = np.zeros(n + t.size), 30.0 / bpm
    for i in range(int(n / sr / eighth) + 1):
        at = int(i * eighth * sr)
        y[at:at + t.size] += hat + (kick if i % 8 in (0, 3, 4) else 0) \
            + (snare if i % 8 in (2, 6) else 0)
    return y[:n]


@needs_shared
@needs_espeak
def test_dense_rhymed_lines_over_a_loud_beat_are_music_not_speech(tmp_path):
    """Rap in a user's library must not be hidden as speech: fast rhymed lines without
    sentence breaks, the voice 3 dB over a steady drum loop or over electronic tracks, are
    not tagged (docs/audio.md, "Speech"; bench/speech_vocal_music.py).  Before the phrase
    pauses counted, 4 of these 10 Emotify beds made it speech."""
    from models.audio import SPEECH_THRESHOLD

    out = tmp_path / "verse.wav"
    subprocess.run(["espeak-ng", "-v", "en-us", "-s", "240", "-w", str(out), RHYMES],
                   check=True)
    import librosa

    voice = librosa.load(out, sr=22050)[0].astype(np.float64)
    beds = [drum_loop(bpm, voice.size) for bpm in (85, 95)]
    clips = sorted((SHARED / "audio" / "emotify_dev").glob("electronic_*.ogg"))[::5]
    beds += [np.resize(librosa.load(c, sr=22050)[0], voice.shape) for c in clips]
    assert len(beds) == 12
    for bed in beds:
        mix = voice + bed * np.sqrt(np.mean(voice ** 2) / np.mean(bed ** 2)) / 10 ** (3 / 20)
        assert score_of(mix / np.abs(mix).max()) < SPEECH_THRESHOLD
