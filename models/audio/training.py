"""Training the audio -> valence/arousal model on labelled tracks (e.g. Deezer)."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..ingest import TrackMatcher, labelled_rows, load_catalog, read_va_labels
from ..language import tag_moods
from .va_model import VaModel


@dataclass
class Training:
    model: VaModel
    n_train: int
    n_validation: int
    model_r: tuple[float, float]
    baseline_r: tuple[float, float]  # Spotify valence / energy against the labels
    version: str
    n_tagged: int = 0
    mood_r: float = float("nan")  # mean r of the mood head on held-out tagged tracks

    def summary(self) -> str:
        return (f"trained on {self.n_train} tracks; validation ({self.n_validation} tracks) "
                f"r valence {self.model_r[0]:.3f} / arousal {self.model_r[1]:.3f} "
                f"(Spotify valence/energy: {self.baseline_r[0]:.3f} / "
                f"{self.baseline_r[1]:.3f}); mood head from audio on {self.n_tagged} "
                f"tracks with mood tags: mean r {self.mood_r:.3f} over the 16 moods on a "
                f"held-out fifth")


def _r(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.corrcoef(a, b)[0, 1]) if len(a) > 2 else float("nan")


def train(catalog_path: str | Path, labels_dir: str | Path) -> Training:
    catalog = load_catalog([catalog_path])
    matcher = TrackMatcher(catalog.tracks)
    rows, va = labelled_rows(matcher, read_va_labels(Path(labels_dir) / "train.csv"))
    val_rows, val_va = labelled_rows(matcher, read_va_labels(Path(labels_dir) /
                                                         "validation.csv"))
    model = VaModel().fit([catalog.tracks[r] for r in rows], va)
    tagged, moods = tag_moods(catalog.tracks)
    mood_r = float("nan")
    if len(tagged) >= 50:
        mood_r = _mood_head_r(model, [catalog.tracks[r] for r in tagged], moods)
        model.fit_moods([catalog.tracks[r] for r in tagged], moods)
    pred = model.predict([catalog.tracks[r] for r in val_rows])
    spotify = np.array([[catalog.tracks[r].features.get("valence", np.nan),
                         catalog.tracks[r].features.get("energy", np.nan)] for r in val_rows])
    version = hashlib.sha1(np.ascontiguousarray(model.coef_).tobytes()).hexdigest()[:10]
    return Training(model, len(rows), len(val_rows),
                    (_r(pred[:, 0], val_va[:, 0]), _r(pred[:, 1], val_va[:, 1])),
                    (_r(spotify[:, 0], val_va[:, 0]), _r(spotify[:, 1], val_va[:, 1])),
                    version, len(tagged), mood_r)


def _mood_head_r(model: VaModel, tracks: list, moods: np.ndarray) -> float:
    """Mean correlation over the 16 moods on every fifth tagged track, held out."""
    held = np.arange(len(tracks)) % 5 == 0
    model.fit_moods([t for t, h in zip(tracks, held) if not h], moods[~held])
    pred = model.predict_moods([t for t, h in zip(tracks, held) if h])
    rs = [_r(pred[:, m], moods[held, m]) for m in range(moods.shape[1])
          if moods[held, m].std() > 0]
    return float(np.nanmean(rs)) if rs else float("nan")
