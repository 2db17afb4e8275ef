"""Training the default feel model and keeping it in the data home.

``train_default_model(catalog_path, labels_dir)`` fits a :class:`FeelModel` on a
catalog (the TidyTuesday file) and the Deezer *train* split joined to it (the
validation split stays unseen, so the quality harness can score what is served).
It takes seconds.  ``save_default_model`` / ``load_default_model`` keep it at
``<data home>/models/feel.npz`` (npz, loaded with ``allow_pickle=False``).
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

from .. import settings
from ..errors import CatalogError
from ..ingest import Catalog, TrackMatcher, labelled_rows, load_catalog, read_va_labels
from .feel import FeelModel

MODEL_FILE = Path("models") / "feel.npz"


def labelled(catalog: Catalog, labels_csv: str | Path) -> tuple[np.ndarray, np.ndarray]:
    """Catalog rows with a (valence, arousal) label from a Deezer-style CSV."""
    return labelled_rows(TrackMatcher(catalog.tracks), read_va_labels(labels_csv))


def fit_feel_model(catalog: Catalog, labels: str | Path) -> FeelModel:
    """A feel model fitted on ``catalog`` and the Deezer train split: ``labels`` is its
    CSV file (what ``data.registry.fetch("deezer-moods-train")`` returns) or a folder
    holding ``train.csv``."""
    path = Path(labels)
    path = path / "train.csv" if path.is_dir() else path
    if not path.is_file():
        raise CatalogError(f"{path}: no such label file (the Deezer mood dataset's train "
                           f"split)")
    rows, va = labelled(catalog, path)
    return FeelModel().fit(catalog.tracks, rows, va)


def train_default_model(catalog_path: str | Path, labels: str | Path) -> FeelModel:
    """What ``feelalike demo`` trains: the catalog file plus the Deezer train labels
    (their CSV file or a folder holding ``train.csv``)."""
    return fit_feel_model(load_catalog([catalog_path]), labels)


def default_model_path(home: str | Path | None = None) -> Path:
    return Path(home if home is not None else settings.data_home()) / MODEL_FILE


def save_default_model(model: FeelModel, home: str | Path | None = None) -> Path:
    path = default_model_path(home)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.stem + ".tmp.npz")
    model.save(tmp)
    tmp.replace(path)
    return path


def is_current(model: FeelModel) -> bool:
    """Whether ``model`` was trained the way this version trains: a file saved before
    the audio-only head had boosted trees and the tags-only head came still loads and
    serves (ridge alone; tags-only tracks without learned valence/arousal), but
    ``feelalike demo`` trains a new one."""
    return model.trees == FeelModel().trees and model.va_tags_ is not None


def load_default_model(home: str | Path | None = None) -> FeelModel | None:
    """The trained default model, or None when there is none yet."""
    path = default_model_path(home)
    return FeelModel.load(path) if path.is_file() else None
