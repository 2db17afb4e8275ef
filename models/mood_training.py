"""Training the audio -> valence/arousal model on labelled tracks (e.g. Deezer)."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .catalog import load_catalog
from .matching import TrackMatcher
from .quality import labelled_rows, read_va_labels
from .va_model import VaModel


@dataclass
class Training:
    model: VaModel
    n_train: int
    n_validation: int
    model_r: tuple[float, float]
    baseline_r: tuple[float, float]  # Spotify valence / energy against the labels
    version: str

    def summary(self) -> str:
        return (f"trained on {self.n_train} tracks; validation ({self.n_validation} tracks) "
                f"r valence {self.model_r[0]:.3f} / arousal {self.model_r[1]:.3f} "
                f"(Spotify valence/energy: {self.baseline_r[0]:.3f} / "
                f"{self.baseline_r[1]:.3f})")


def _r(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.corrcoef(a, b)[0, 1]) if len(a) > 2 else float("nan")


def train(catalog_path: str | Path, labels_dir: str | Path) -> Training:
    catalog = load_catalog([catalog_path])
    matcher = TrackMatcher(catalog.tracks)
    rows, va = labelled_rows(matcher, read_va_labels(Path(labels_dir) / "train.csv"))
    val_rows, val_va = labelled_rows(matcher, read_va_labels(Path(labels_dir) /
                                                         "validation.csv"))
    model = VaModel().fit([catalog.tracks[r] for r in rows], va)
    pred = model.predict([catalog.tracks[r] for r in val_rows])
    spotify = np.array([[catalog.tracks[r].features.get("valence", np.nan),
                         catalog.tracks[r].features.get("energy", np.nan)] for r in val_rows])
    version = hashlib.sha1(np.ascontiguousarray(model.coef_).tobytes()).hexdigest()[:10]
    return Training(model, len(rows), len(val_rows),
                    (_r(pred[:, 0], val_va[:, 0]), _r(pred[:, 1], val_va[:, 1])),
                    (_r(spotify[:, 0], val_va[:, 0]), _r(spotify[:, 1], val_va[:, 1])),
                    version)
