"""FEELALIKE_AUDIO_EMBEDDING: analysed files carry the pretrained embedding, cached apart,
and the audio feel model is trained on it, kept apart from the one without."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("librosa", reason="audio analysis needs the 'audio' extra")

from models import settings
from models.audio import (
    AudioCache,
    analyse_many,
    analysis_vector,
    audio_feel_path,
    embedding_network,
    train_audio_feel,
)
from models.errors import CatalogError, ConfigError

from .fixtures import labelled_clips
from .test_audio_embedding import random_weights


@pytest.fixture()
def home(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("FEELALIKE_DATA_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("FEELALIKE_MUSICNN_DIR", str(tmp_path / "no-weights"))
    embedding_network.cache_clear()
    yield tmp_path / "home"
    embedding_network.cache_clear()


def with_weights(home: Path) -> None:
    """Weights as the first use caches them in the data home (random: the wiring is
    under test here, the network's numbers in test_audio_embedding)."""
    (home / "models").mkdir(parents=True, exist_ok=True)
    np.savez(home / "models" / "musicnn-MTT_musicnn.npz", **random_weights())


@pytest.mark.parametrize(("raw", "value"), [("", ""), ("off", ""), ("MTT_musicnn", "MTT_musicnn"),
                                            ("MSD_musicnn", "MSD_musicnn")])
def test_the_setting_names_an_embedding_or_none(raw, value):
    assert settings.get("AUDIO_EMBEDDING", {"FEELALIKE_AUDIO_EMBEDDING": raw}) == value


def test_an_unknown_embedding_is_refused_naming_the_variable():
    with pytest.raises(ConfigError, match="FEELALIKE_AUDIO_EMBEDDING"):
        settings.get("AUDIO_EMBEDDING", {"FEELALIKE_AUDIO_EMBEDDING": "vggish"})


def test_missing_weights_stop_the_batch_once_before_any_analysis(home, tmp_path):
    clips = labelled_clips(tmp_path / "clips", n=3, seconds=3.5)
    cache = AudioCache(tmp_path / "cache")
    with pytest.raises(CatalogError, match="no MTT_musicnn checkpoint found"):
        analyse_many([clips], cache=cache, workers=1, embedding="MTT_musicnn")
    assert not (tmp_path / "cache").exists()


def test_analysed_files_carry_the_embedding_cached_apart(home, tmp_path):
    with_weights(home)
    clips = labelled_clips(tmp_path / "clips", n=3, seconds=3.5)
    cache = AudioCache(tmp_path / "cache")
    plain = analyse_many([clips], cache=cache, workers=1, embedding="")
    heard = analyse_many([clips], cache=cache, workers=1, embedding="MTT_musicnn")
    assert heard.cached == 0  # the plain analysis is not reused without its embedding
    assert "embedding" not in plain.tracks[0]["features"]
    embedding = heard.tracks[0]["features"]["embedding"]
    assert len(embedding) == 200 and np.isfinite(embedding).all()
    row = analysis_vector(heard.tracks[0]["features"])
    assert row["embedding_199"] == embedding[199] and "tempo" in row
    again = analyse_many([clips], cache=cache, workers=1, embedding="MTT_musicnn")
    assert again.cached == 3 and again.tracks[0]["features"]["embedding"] == embedding


@pytest.mark.slow
def test_the_feel_model_learns_from_the_embedding_and_is_kept_apart(home, tmp_path,
                                                                   monkeypatch):
    plain_path = audio_feel_path()
    monkeypatch.setenv("FEELALIKE_AUDIO_EMBEDDING", "MTT_musicnn")
    with_weights(home)
    assert audio_feel_path() != plain_path and "MTT_musicnn" in audio_feel_path().name
    clips = labelled_clips(tmp_path / "clips", n=20, seconds=3.5)
    trained = train_audio_feel(clips, cache=AudioCache(tmp_path / "cache"))
    inputs = trained.model.inputs_
    assert sum(n.startswith("embedding_") for n in inputs) == 200 and "tempo" in inputs
