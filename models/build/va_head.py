"""One valence/arousal head of the feel model: a ridge regression, optionally averaged
with boosted trees.

From audio alone, with a few hundred labelled songs, neither learner wins alone: on
the Deezer train split (652 songs, 5-fold CV) ridge reaches r 0.380 / 0.428 (valence
/ arousal), depth-2 boosting 0.403 / 0.451 and their mean 0.408 / 0.455; validation
agreement of tracks with Spotify features only goes 0.112 -> 0.156.  Beside tags (the
full head) the mean lifts CV r too (0.456 / 0.486 -> 0.485 / 0.504) but not the served
agreement, and it scatters the tracks of one playlist, so that head stays linear
(docs/quality.md).  The trees are kept as arrays (``TreeEnsemble``), so the model file
stays pickle-free; a file saved before the trees came loads as ridge alone.  Tracks
missing an audio input are predicted by the ridge alone (``FeelModel.predict_va``).
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from .trees import TreeEnsemble

BLEND = 0.5  # weight of the trees in the mean
FOLDS = 5


@dataclass(frozen=True)
class VaHead:
    coef: np.ndarray  # (2, inputs)
    intercept: np.ndarray  # (2,)
    trees: TreeEnsemble | None = None

    @classmethod
    def fit(cls, x: np.ndarray, y: np.ndarray, *, alpha: float, trees: int,
            random_state: int = 0) -> "VaHead":
        """Ridge with strength ``alpha``, plus ``trees`` boosted trees per output when
        ``trees`` > 0."""
        from sklearn.linear_model import Ridge  # here: commands start without it

        ridge = Ridge(alpha=alpha).fit(x, y)
        boosted = TreeEnsemble.fit(x, y, trees=trees, random_state=random_state) \
            if trees > 0 else None
        return cls(np.asarray(ridge.coef_), np.asarray(ridge.intercept_), boosted)

    @classmethod
    def fit_scored(cls, x: np.ndarray, y: np.ndarray, *, alpha: float, trees: int,
                   random_state: int = 0) -> tuple["VaHead", np.ndarray]:
        """The head fitted on all rows, and its cross-validated R^2 per output."""
        from sklearn.model_selection import KFold

        held_out = np.zeros_like(y)
        for fit_rows, held in KFold(FOLDS, shuffle=True, random_state=random_state).split(x):
            head = cls.fit(x[fit_rows], y[fit_rows], alpha=alpha, trees=trees,
                           random_state=random_state)
            held_out[held] = head.predict(x[held])
        return cls.fit(x, y, alpha=alpha, trees=trees, random_state=random_state), \
            r2_by_column(y, held_out)

    def predict(self, x: np.ndarray, *, trees: bool = True) -> np.ndarray:
        """Predictions for the rows of ``x``; ``trees=False``: the ridge alone."""
        linear = x @ self.coef.T + self.intercept
        if self.trees is None or not trees or not len(x):
            return linear
        return (1.0 - BLEND) * linear + BLEND * self.trees.predict(x)

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        out = {f"{prefix}_coef": self.coef, f"{prefix}_intercept": self.intercept}
        if self.trees is not None:
            out.update(self.trees.arrays(f"{prefix}_trees"))
        return out

    @classmethod
    def from_arrays(cls, data: Mapping[str, np.ndarray], prefix: str) -> "VaHead":
        coef = np.asarray(data[f"{prefix}_coef"])
        intercept = np.asarray(data[f"{prefix}_intercept"])
        trees = TreeEnsemble.from_arrays(data, f"{prefix}_trees")
        if coef.ndim != 2 or intercept.shape != (len(coef),) or (
                trees is not None and (len(trees.base) != len(coef)
                                       or trees.inputs > coef.shape[1])):
            raise ValueError(f"{prefix}: head arrays do not fit together")
        return cls(coef, intercept, trees)


def r2_by_column(y: np.ndarray, pred: np.ndarray) -> np.ndarray:
    """Per-column coefficient of determination."""
    ss = ((y - y.mean(axis=0)) ** 2).sum(axis=0)
    r2 = 1.0 - ((y - pred) ** 2).sum(axis=0) / np.where(ss > 1e-12, ss, 1.0)
    return np.where(ss > 1e-12, r2, 0.0)  # a constant target: nothing learned
