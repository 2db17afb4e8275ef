"""Felt emotion from analysed audio: the nine GEMS emotions, valence/arousal and the 16
moods, learned from clips with rater labels (the Emotify dev set) and saved as npz.

Inputs are the analysis's own statistics (:func:`analysis_vector`): MFCC, spectral
contrast, flatness and the other spectral statistics, key-relative chroma, tonnetz,
onset and tempo, loudness and dynamics, each number once (the 0..1 descriptors such as
``energy`` are formulas over these, so they are left out).  One ridge regression
(regularisation chosen by leave-one-out error) maps the standardised inputs to
rater fractions of the nine GEMS emotions; valence/arousal and the 16 moods follow from
those through :data:`GEMS_MOODS` (see docs/audio.md for the mapping and its reasons).
The predicted emotions, centred and scaled, are also the space in which analysed
tracks are compared: a metric on the analysis learned from what listeners felt.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, BinaryIO, Mapping, Sequence

import numpy as np

from ..errors import CatalogError
from ..npz import open_npz

GEMS: tuple[str, ...] = ("amazement", "solemnity", "tenderness", "nostalgia", "calmness",
                         "power", "joyful_activation", "tension", "sadness")
#: each GEMS emotion as a mix of our moods (GEMS-9 adjective lists, Zentner et al. 2008)
GEMS_MOODS: dict[str, dict[str, float]] = {
    "amazement": {"epic": 0.5, "curious": 0.5},  # wonder: allured, amazed, fascinated
    "solemnity": {"epic": 0.5, "dreamy": 0.25, "peaceful": 0.25},  # transcendence, awe
    "tenderness": {"tender": 0.6, "romantic": 0.4},  # affectionate, in love, softened-up
    "nostalgia": {"nostalgic": 0.6, "dreamy": 0.2, "sad": 0.2},  # sentimental, melancholic
    "calmness": {"peaceful": 0.8, "dreamy": 0.2},  # calm, relaxed, serene, meditative
    "power": {"energetic": 0.5, "epic": 0.5},  # strong, triumphant, heroic, fiery
    "joyful_activation": {"joyful": 0.5, "playful": 0.3, "energetic": 0.2},  # dancing, amused
    "tension": {"tense": 0.7, "aggressive": 0.3},  # agitated, nervous, irritated
    "sadness": {"sad": 0.8, "lonely": 0.2},  # sad, sorrowful
}
#: folders of labelled clips (the generated clips) as GEMS emotions
FOLDER_GEMS: dict[str, dict[str, float]] = {
    "calm": {"calmness": 1.0}, "energetic": {"power": 0.5, "joyful_activation": 0.5},
    "happy": {"joyful_activation": 1.0}, "nostalgic": {"nostalgia": 1.0},
    "tender": {"tenderness": 1.0},
}
#: analysis fields left out of the inputs: formulas over other fields, the absolute key,
#: the binary mode (``mode_strength`` keeps it continuous), the clip's length and its
#: speech score (absent from analyses cached before it: a column they would lack)
DERIVED = frozenset({"brightness", "energy", "acousticness", "danceability", "key", "mode",
                     "duration_ms", "chroma_mean", "chroma_std", "speech"})
ALPHAS = tuple(np.logspace(-1, 4, 16))
MIN_CLIPS = 10


def analysis_vector(features: Mapping[str, Any]) -> dict[str, float]:
    """The analysis as flat named numbers: lists become ``name_i``; chroma is rolled to
    the detected key (tonic first), so two songs in different keys compare alike."""
    out: dict[str, float] = {}
    key = int(features.get("key", 0) or 0) % 12
    for name, value in features.items():
        if name in DERIVED:
            continue
        if isinstance(value, (list, tuple)):
            out.update({f"{name}_{i}": float(v) for i, v in enumerate(value)})
        elif isinstance(value, (int, float)) and np.isfinite(value):
            out[name] = float(value)
    for name in ("chroma_mean", "chroma_std"):
        if isinstance(features.get(name), (list, tuple)) and len(features[name]) == 12:
            rolled = np.roll(np.asarray(features[name], dtype=np.float64), -key)
            out.update({f"{name}_key_{i}": float(v) for i, v in enumerate(rolled)})
    return out


def mood_matrix() -> np.ndarray:
    """(9, 16): each GEMS emotion's weight on each of our moods."""
    from ..language import MOODS

    out = np.zeros((len(GEMS), len(MOODS)))
    for i, gem in enumerate(GEMS):
        for mood, weight in GEMS_MOODS[gem].items():
            out[i, MOODS.index(mood)] = weight
    return out


def gems_va() -> np.ndarray:
    """(9, 2): each GEMS emotion's valence/arousal, the weighted prototypes of its moods."""
    from ..language import load_lexicon

    weights = mood_matrix()
    return (weights @ load_lexicon().prototypes) / weights.sum(axis=1, keepdims=True)


def label_va(fractions: np.ndarray) -> np.ndarray:
    """(n, 2) valence/arousal of rater profiles: the fraction-weighted GEMS positions."""
    fractions = np.asarray(fractions, dtype=np.float64)
    total = np.maximum(fractions.sum(axis=1, keepdims=True), 1e-9)
    return (fractions @ gems_va()) / total


def folder_fractions(folder: str) -> np.ndarray | None:
    """A rater-like profile for a clip filed under a mood folder (None: not a mood): a
    name of :data:`FOLDER_GEMS`, else the emotions of the moods the mood lexicon reads in
    the name ("sad", "chill", "Love Songs"), weighed as :data:`GEMS_MOODS` weighs them."""
    from ..language import hits_vector, tag_text

    gems = FOLDER_GEMS.get(folder.strip().lower())
    if gems is not None:
        return np.array([gems.get(g, 0.0) for g in GEMS])
    moods = np.clip(hits_vector(tag_text(folder.replace("_", " "))), 0.0, None)  # not "not sad"
    profile = mood_matrix() @ moods
    return profile / profile.sum() if profile.sum() > 1e-9 else None


def folder_names() -> list[str]:
    """The names :func:`folder_fractions` reads, past any other word of the lexicon: those
    of :data:`FOLDER_GEMS`, then the moods."""
    from ..language import MOODS

    names = [*FOLDER_GEMS, *(m for m in MOODS if folder_fractions(m) is not None)]
    return list(dict.fromkeys(names))  # "tender" is both a folder name and a mood


class AudioFeel:
    """Ridge from standardised analysis statistics to the nine GEMS fractions."""

    def __init__(self, *, alphas: Sequence[float] = ALPHAS) -> None:
        self.alphas = tuple(float(a) for a in alphas)

    def design(self, rows: Sequence[Mapping[str, float]]) -> np.ndarray:
        raw = np.array([[r.get(n, np.nan) for n in self.inputs_] for r in rows],
                       dtype=np.float64).reshape(len(rows), len(self.inputs_))
        return np.clip(np.nan_to_num((raw - self.mean_) / self.scale_, nan=0.0), -4.0, 4.0)

    def fit(self, rows: Sequence[Mapping[str, float]], fractions: np.ndarray) -> "AudioFeel":
        from sklearn.linear_model import RidgeCV

        fractions = np.asarray(fractions, dtype=np.float64)
        if len(rows) < MIN_CLIPS or fractions.shape != (len(rows), len(GEMS)):
            raise CatalogError(f"need at least {MIN_CLIPS} analysed clips with {len(GEMS)} "
                               f"emotion fractions; got {len(rows)} and {fractions.shape}")
        names = sorted(set.intersection(*(set(r) for r in rows)))
        self.inputs_ = names
        raw = np.array([[r[n] for n in names] for r in rows], dtype=np.float64)
        self.mean_ = raw.mean(axis=0)
        std = raw.std(axis=0)
        self.scale_ = np.where(std > 1e-9, std, 1.0)
        ridge = RidgeCV(alphas=self.alphas).fit(self.design(rows), fractions)
        self.coef_, self.intercept_ = ridge.coef_, ridge.intercept_
        self.alpha_ = float(ridge.alpha_)
        pred = self.design(rows) @ self.coef_.T + self.intercept_
        self.spread_ = np.where(pred.std(axis=0) > 1e-9, pred.std(axis=0), 1.0)
        self.base_ = np.clip(pred, 0.0, 1.0).mean(axis=0)
        return self

    def predict(self, rows: Sequence[Mapping[str, float]]) -> np.ndarray:
        """(n, 9) expected rater fractions of the nine GEMS emotions, clipped to 0..1."""
        if not len(rows):
            return np.zeros((0, len(GEMS)))
        return np.clip(self.design(rows) @ self.coef_.T + self.intercept_, 0.0, 1.0)

    def embed(self, rows: Sequence[Mapping[str, float]]) -> np.ndarray:
        """(n, 9) the comparison space: predictions centred on the training clips and
        scaled per emotion by their spread (each emotion counts alike)."""
        raw = self.design(rows) @ self.coef_.T
        return raw / self.spread_

    def va(self, rows: Sequence[Mapping[str, float]]) -> np.ndarray:
        return label_va(self.predict(rows) + 1e-6)

    def moods(self, rows: Sequence[Mapping[str, float]]) -> np.ndarray:
        """(n, 16) mood scores on 0..1: the moods of the emotions predicted above their
        rate among the training clips lead.  Raters tick calmness for most clips, so
        the plain fractions made nearly every file "peaceful"; what a clip makes more
        listeners feel than most clips do is what tells it apart (a model saved before
        the base rates were kept reads the plain fractions)."""
        pred = self.predict(rows)
        if self.base_ is not None:  # a clip below every base rate keeps its own fractions
            above = np.clip(pred - self.base_, 0.0, None)
            pred = np.where(above.sum(axis=1, keepdims=True) > 1e-6, above, pred)
        share = pred / np.maximum(pred.sum(axis=1, keepdims=True), 1e-9)
        return np.clip(share @ mood_matrix() * 2.0, 0.0, 1.0)

    _ARRAYS = ("mean_", "scale_", "coef_", "intercept_", "spread_")
    base_: np.ndarray | None = None  # mean predicted fractions of the training clips

    def save(self, path: str | Path | BinaryIO) -> None:
        """Written whole or not at all (a temporary file, then renamed); a file object
        (an in-memory buffer) is written as it is."""
        arrays = {"inputs": np.array(self.inputs_, dtype=str), "gems": np.array(GEMS),
                  "alpha": np.array(self.alpha_), "alphas": np.array(self.alphas),
                  **{n.rstrip("_"): getattr(self, n) for n in self._ARRAYS},
                  **({} if self.base_ is None else {"base": self.base_})}
        if not isinstance(path, (str, Path)):
            np.savez(path, **arrays)
            return
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.stem + ".part.npz")
        np.savez(tmp, **arrays)
        tmp.replace(path)

    @classmethod
    def load(cls, path: str | Path | BinaryIO) -> "AudioFeel":
        try:
            with open_npz(path) as data:
                if tuple(str(g) for g in data["gems"]) != GEMS:
                    raise CatalogError(f"{path}: trained on other emotions")
                model = cls(alphas=[float(a) for a in data["alphas"]])
                model.inputs_ = [str(n) for n in data["inputs"]]
                model.alpha_ = float(data["alpha"])
                for name in cls._ARRAYS:
                    setattr(model, name, data[name.rstrip("_")])
                model.base_ = data["base"] if "base" in data.files else None
        except (OSError, KeyError, ValueError) as exc:
            raise CatalogError(f"cannot load audio feel model {path}: {exc}") from None
        return model
