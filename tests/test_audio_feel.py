"""The audio feel model: analysed files -> felt emotions, moods and valence/arousal."""
from __future__ import annotations

import json

import numpy as np
import pytest

pytest.importorskip("librosa", reason="audio analysis needs the 'audio' extra")

from models.audio import (  # noqa: E402
    GEMS,
    GEMS_MOODS,
    AudioCache,
    AudioFeel,
    analysis_vector,
    audio_feel_path,
    emotion_set,
    gems_va,
    label_va,
    train_audio_feel,
)
from models.build import BlockWeights, FeelModel, FeelWeights, build  # noqa: E402
from models.errors import CatalogError  # noqa: E402
from models.ingest import Catalog  # noqa: E402
from models.language import MOODS  # noqa: E402

from .fixtures import labelled_clips, make_track, write  # noqa: E402


def test_analysis_vector_is_flat_key_relative_and_leaves_formulas_out():
    chroma = [0.0] * 12
    chroma[7] = 1.0  # all energy on G
    row = analysis_vector({"key": 7.0, "mode": 1.0, "energy": 0.9, "brightness": 0.2,
                           "duration_ms": 60000.0, "tempo": 120.0, "loudness": -9.0,
                           "mfcc_mean": [1.0, 2.0], "chroma_mean": chroma,
                           "onset_rate": float("nan")})
    assert row["tempo"] == 120.0 and row["mfcc_mean_1"] == 2.0
    assert row["chroma_mean_key_0"] == 1.0 and row["chroma_mean_key_5"] == 0.0  # tonic first
    for name in ("key", "mode", "energy", "brightness", "duration_ms", "onset_rate",
                 "chroma_mean_7"):
        assert name not in row, name


def test_each_emotion_maps_to_our_moods_and_a_plausible_place():
    assert all(m in MOODS for gems in GEMS_MOODS.values() for m in gems)
    assert all(abs(sum(w.values()) - 1.0) < 1e-9 for w in GEMS_MOODS.values())
    va = dict(zip(GEMS, gems_va()))
    assert va["tenderness"][0] > 0 > va["tenderness"][1]
    assert va["tension"][0] < 0 < va["tension"][1]
    assert va["sadness"][0] < 0 and va["sadness"][1] < 0
    assert va["joyful_activation"][0] > 0 and va["joyful_activation"][1] > 0
    calm_crowd = np.zeros((1, len(GEMS)))
    calm_crowd[0, GEMS.index("calmness")] = 0.8
    assert label_va(calm_crowd)[0, 1] < -0.5


def synthetic_rows(n: int = 60) -> tuple[list[dict[str, float]], np.ndarray]:
    rng = np.random.default_rng(1)
    loud = rng.uniform(0, 1, n)
    rows = [{"loudness": -30 + 25 * x, "noise": float(rng.normal()), "tempo": 70 + 80 * x}
            for x in loud]
    fractions = np.full((n, len(GEMS)), 0.2)
    fractions[:, GEMS.index("power")] = loud
    fractions[:, GEMS.index("calmness")] = 1 - loud
    return rows, fractions


def test_audio_feel_learns_and_round_trips_through_npz(tmp_path):
    rows, fractions = synthetic_rows()
    model = AudioFeel().fit(rows, fractions)
    quiet, loud = model.predict([{"loudness": -28.0, "tempo": 75.0},
                                 {"loudness": -6.0, "tempo": 145.0}])
    power, calm = GEMS.index("power"), GEMS.index("calmness")
    assert loud[power] > quiet[power] and quiet[calm] > loud[calm]
    moods = dict(zip(MOODS, model.moods([{"loudness": -28.0, "tempo": 75.0}])[0]))
    assert moods["peaceful"] == max(moods.values())
    assert model.va([{"loudness": -6.0, "tempo": 145.0}])[0, 1] > 0.3  # loud: aroused
    model.save(tmp_path / "m.npz")
    again = AudioFeel.load(tmp_path / "m.npz")
    probe = rows[:5] + [{}]  # a row without any known input sits at the training mean
    assert np.allclose(again.embed(probe), model.embed(probe))
    assert np.allclose(again.embed([{}]), 0.0)


def test_a_clip_shows_what_it_makes_listeners_feel_more_than_most_clips(tmp_path):
    """Raters tick calmness for most clips: read plainly, every file showed "peaceful".
    A loud clip moves more listeners to power than most clips do: that shows first."""
    rows, fractions = synthetic_rows()
    loud = (np.array([r["loudness"] for r in rows]) + 30) / 25
    fractions[:, GEMS.index("calmness")] = 0.55 + 0.1 * loud  # the most ticked, always
    fractions[:, GEMS.index("power")] = 0.4 * loud
    model = AudioFeel().fit(rows, fractions)
    clip = [{"loudness": -6.0, "tempo": 145.0}]
    assert model.predict(clip)[0].argmax() == GEMS.index("calmness")
    top = MOODS[int(model.moods(clip)[0].argmax())]
    assert top in GEMS_MOODS["power"], top
    model.save(tmp_path / "m.npz")
    assert np.allclose(AudioFeel.load(tmp_path / "m.npz").moods(clip), model.moods(clip))
    with np.load(tmp_path / "m.npz") as data:  # a file from before base rates were kept
        np.savez(tmp_path / "old.npz", **{k: data[k] for k in data.files if k != "base"})
    old = AudioFeel.load(tmp_path / "old.npz")
    assert old.base_ is None and MOODS[int(old.moods(clip)[0].argmax())] == "peaceful"


def analysed(files: list[tuple[float, float]]) -> list:
    """Tracks as analysed files: (loudness share, a sound the labels say nothing of)."""
    out = []
    for i, (x, noise) in enumerate(files):
        track = make_track(500 + i, tags=[])
        track.analysis = {"loudness": -30 + 25 * x, "tempo": 70 + 80 * x, "noise": noise}
        out.append(track)
    return out


@pytest.mark.parametrize("feel", [False, True], ids=["plain", "feel"])
def test_files_that_feel_alike_but_sound_apart_are_told_apart(feel):
    """The emotion block cannot tell file 0 from file 2 (the labels do not depend on
    'noise'); the timbre block can, so the file that also sounds like it comes first."""
    rows, fractions = synthetic_rows()
    hears = AudioFeel().fit(rows, fractions)
    files = analysed([(0.5, 2.5), (0.6, 2.5), (0.5, -2.5)]
                     + [(x, 0.0) for x in np.linspace(0, 1, 12)])
    model = None
    if feel:
        known = [make_track(i) for i in range(60)]
        rows = np.arange(0, 60, 2)
        model = FeelModel().fit(known, rows, np.column_stack([rows % 10, rows % 7]) / 10)
    emotions = hears.embed([t.analysis for t in files])
    assert np.allclose(emotions[0], emotions[2], atol=1e-3)
    built = build(Catalog(tracks=files), k=3, audio_feel=hears, feel_model=model)
    assert built.neighbours[0][0] == 1
    without = build(Catalog(tracks=analysed([(0.5, 2.5), (0.6, 2.5), (0.5, -2.5)]
                                            + [(x, 0.0) for x in np.linspace(0, 1, 12)])),
                    k=3, audio_feel=hears, feel_model=model,
                    weights=BlockWeights(timbre=0.0), feel_weights=FeelWeights(timbre=0.0))
    assert without.neighbours[0][0] == 2
    width = len(GEMS) + len(hears.inputs_)
    assert built.vectors.shape[1] == without.vectors.shape[1] + len(hears.inputs_)
    plain = build(Catalog(tracks=[make_track(i) for i in range(15)]), k=3, audio_feel=hears,
                  feel_model=model)
    assert np.allclose(plain.vectors[:, -width:], 0.0)  # nothing heard: the centre


def test_audio_feel_refuses_bad_input(tmp_path):
    rows, fractions = synthetic_rows()
    with pytest.raises(CatalogError, match="at least 10"):
        AudioFeel().fit(rows[:9], fractions[:9])
    with pytest.raises(CatalogError, match="emotion fractions"):
        AudioFeel().fit(rows, fractions[:, :3])
    write(tmp_path, "bad.npz", "not a model")
    with pytest.raises(CatalogError, match="cannot load audio feel model"):
        AudioFeel.load(tmp_path / "bad.npz")
    with pytest.raises(CatalogError, match="no labels.csv"):
        train_audio_feel(tmp_path)
    write(tmp_path, "labels.csv", "file,joy\nx.wav,1\n")
    with pytest.raises(CatalogError, match="not an emotion label file"):
        train_audio_feel(tmp_path)


def test_labelled_and_filed_clips_are_analysed_once(tmp_path):
    clips = labelled_clips(tmp_path / "clips", n=22, seconds=3.5)
    (tmp_path / "filed" / "calm").mkdir(parents=True)
    (tmp_path / "filed" / "not-a-mood").mkdir()
    (clips / "clip_0.wav").rename(tmp_path / "filed" / "calm" / "soft.wav")
    cache = AudioCache(tmp_path / "cache")
    data = emotion_set(clips, [tmp_path / "filed"], cache=cache, workers=1)
    assert data.labelled == 21 and len(data.rows) == 22  # clip_0 moved to calm/
    assert data.fractions[-1, GEMS.index("calmness")] > data.fractions[-1, 0]
    again = emotion_set(clips, [tmp_path / "filed"], cache=cache, workers=1)
    assert np.allclose(again.fractions, data.fractions) and again.rows == data.rows


@pytest.mark.slow
def test_train_audio_then_build_hears_the_files(runner, tmp_path):
    clips = labelled_clips(tmp_path / "clips")
    code, _, err = runner("train-audio", "--clips", str(clips))
    assert code == 0, err
    assert "out-of-fold r" in err and "saved the audio feel model" in err
    code, _, err = runner("build", "--audio-dir", str(clips), "--k", "5")
    assert code == 0, err
    assert "training the audio feel model" not in err  # the saved one is used
    code, out, err = runner("recommend", "clip 0", "--json")
    assert code == 0, err
    body = json.loads(out)
    near = [int(r["title"].split()[-1]) for r in body["results"]]
    assert np.mean(near) < 8  # the calm end of the 24 clips
    seed = body["seed"] if "seed" in body else body["seeds"][0]
    assert seed.get("mood_source", "audio") == "audio"


@pytest.mark.slow
def test_build_trains_the_audio_feel_model_on_first_use(runner, tmp_path, monkeypatch):
    clips = labelled_clips(tmp_path / "clips", n=22, seconds=3.5)
    monkeypatch.setenv("FEELALIKE_EMOTION_CLIPS", str(clips))
    monkeypatch.setenv("FEELALIKE_EMOTION_FOLDERS", str(tmp_path / "none"))
    code, _, err = runner("build", "--audio-dir", str(clips), "--k", "3")
    assert code == 0, err
    assert "training the audio feel model" in err and "saved the audio feel model" in err
    code, _, err = runner("build", "--audio-dir", str(clips), "--k", "3")
    assert code == 0 and "training the audio feel model" not in err
    kept = audio_feel_path()
    with np.load(kept) as data:  # one saved before base rates were kept: trained again
        np.savez(kept, **{k: data[k] for k in data.files if k != "base"})
    code, _, err = runner("build", "--audio-dir", str(clips), "--k", "3")
    assert code == 0 and "retraining the audio feel model" in err, err
    assert AudioFeel.load(kept).base_ is not None
    code, out, err = runner("moods", "--audio-dir", str(clips), "--json")
    assert code == 0, err
    heard = {t["title"]: t for t in json.loads(out)["tracks"]}
    soft, loud = heard["clip 0"], heard["clip 21"]  # named after their files
    assert soft["source"] == loud["source"] == "audio"
    assert soft["moods"][0]["mood"] == "peaceful"
    assert loud["moods"][0]["mood"] in GEMS_MOODS["power"], loud["moods"]


def test_moods_needs_a_catalog_or_an_audio_folder(runner):
    code, _, err = runner("moods")
    assert code == 2 and err.count("\n") == 1 and "--audio-dir" in err


def test_train_audio_and_build_say_what_is_missing(runner, tmp_path):
    code, _, err = runner("train-audio", "--clips", str(tmp_path))
    assert code != 0 and "no labels.csv" in err and "Traceback" not in err
    code, _, err = runner("train-audio")  # FEELALIKE_EMOTION_CLIPS is "off" in tests
    assert code != 0 and "no labels.csv" in err
    write(tmp_path, "labels.csv", "file,joy\nx.wav,1\n")
    code, _, err = runner("train-audio", "--clips", str(tmp_path))
    assert code != 0 and "not an emotion label file" in err and "Traceback" not in err
