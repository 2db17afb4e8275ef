"""Quick experiments on the feel space's similarity (docs/quality.md, "What helped").

    python bench/feel_experiments.py [--seed 0] [--folds 5] [--validation]

For every candidate similarity, mood agreement @10 (see models/evaluation/metrics.py)
by K-fold cross-validation on the Deezer *train* songs: the feel model is fitted on the
other folds, the held fold's songs are placed in the feel space and ranked among
themselves.  With ``--validation`` the candidates are also scored once on the
validation songs (model fitted on all train songs; plain cosine among the validation
songs, no hub reduction: the "mixed" figure of bench/evaluate.py).  Choose on the CV
column; the served figure comes from ``python bench/evaluate.py --seed 0``.
"""
from __future__ import annotations

import argparse
import copy
import sys
from pathlib import Path

import numpy as np
from scipy.optimize import nnls

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from models.build import (
    FeelCoordinates,
    FeelModel,
    FeelWeights,
    analyse_moods,
    feel_coordinates,
    feel_vectors,
)
from models.evaluation import bootstrap, cosine_rankings, mood_agreement
from models.ingest import TrackMatcher, labelled_rows, load_catalog, read_va_labels
from models.language import load_lexicon

SHARED = ROOT.parent / "shared" / "data"
K = 10


def _data():
    path = SHARED / "catalog" / "tidytuesday_spotify_songs.csv"
    catalog = load_catalog([path])
    matcher = TrackMatcher(catalog.tracks)
    labels = SHARED / "moods" / "deezer"
    tr, tr_va = labelled_rows(matcher, read_va_labels(labels / "train.csv"))
    va, va_va = labelled_rows(matcher, read_va_labels(labels / "validation.csv"))
    keep = ~np.isin(va, tr)
    return catalog, tr, tr_va, va[keep], va_va[keep]


class _OutOfFold(FeelModel):
    """A fitted model that places its own training songs by out-of-fold predictions
    (so a metric learned on them sees honest valence/arousal errors)."""

    def predict_va(self, tracks):
        va, conf = super().predict_va(tracks)
        rows, oof = self.override_
        if len(va) > rows.max():
            va[rows] = oof
        return va, conf


def _oof_va(model: FeelModel, tracks, rows, labels, folds: int = 5) -> np.ndarray:
    out = np.zeros((len(rows), 2))
    z, has_audio = model._audio(tracks)
    for held in np.array_split(np.random.default_rng(1).permutation(len(rows)), folds):
        inner = copy.copy(model)
        fit = np.setdiff1d(np.arange(len(rows)), held)
        inner._fit_va(tracks, z, has_audio, rows[fit], labels[fit])
        out[held] = inner.predict_va([tracks[r] for r in rows[held]])[0]
    return out


def _coords(catalog, profiles, rows, labels, place, params: dict,
            ) -> tuple[FeelCoordinates, FeelCoordinates]:
    """Coordinates of ``place`` and (out-of-fold) of the training ``rows``."""
    model = FeelModel(**params).fit(catalog.tracks, rows, labels)
    c = feel_coordinates(model, catalog.tracks, profiles)
    oof = copy.copy(model)
    oof.__class__ = _OutOfFold
    oof.override_ = (rows, _oof_va(model, catalog.tracks, rows, labels))
    o = feel_coordinates(oof, catalog.tracks, profiles)
    return (FeelCoordinates(c.values[place], c.confidence[place], c.va[place]),
            FeelCoordinates(o.values[rows], o.confidence[rows], o.va[rows]))


def _score(vectors: np.ndarray, va: np.ndarray) -> np.ndarray:
    return mood_agreement(cosine_rankings(vectors, K), va, range(len(va)))


def _pairs(n: int) -> tuple[np.ndarray, np.ndarray]:
    return np.triu_indices(n, 1)


def learned_weights(fit: FeelCoordinates, labels: np.ndarray, form: str) -> np.ndarray:
    """Per-coordinate weights (>= 0) so that similarity tracks true valence/arousal
    distance over pairs of training songs: ``dot`` regresses -distance on the
    coordinate products, ``euclid`` distance on the squared coordinate differences."""
    x = fit.values * fit.confidence
    i, j = _pairs(len(x))
    dist = np.linalg.norm(labels[i] - labels[j], axis=1)
    design = x[i] * x[j] if form == "dot" else (x[i] - x[j]) ** 2
    target = -dist if form == "dot" else dist
    design = np.hstack([design, np.ones((len(i), 1)), -np.ones((len(i), 1))])
    coef, _ = nnls(design, target, maxiter=2000)
    return coef[:-2]


def metric_vectors(c: FeelCoordinates, fit: FeelCoordinates, w: np.ndarray,
                   anchor: float) -> np.ndarray:
    """Coordinates scaled by sqrt(weight), sized like the served vectors (so the anchor
    means the same), plus the anchor column."""
    scale = np.sqrt(w)
    served = feel_vectors(fit)[:, :-1]
    ref = (fit.values * fit.confidence * scale)
    size = np.sqrt((served ** 2).sum(axis=1).mean() / max((ref ** 2).sum(axis=1).mean(), 1e-12))
    x = c.values * c.confidence * scale * size
    return np.hstack([x, np.full((len(x), 1), anchor)])


def _metric(form: str, anchor: float):
    def make(c, fit, labels):
        return metric_vectors(c, fit, learned_weights(fit, labels, form), anchor)
    return make


CANDIDATES = {
    "served weights (2, 1, 1, 0.25)": lambda c, f, y: feel_vectors(c),
    "valence/arousal only": lambda c, f, y: feel_vectors(c, FeelWeights(va=1, mood=0,
                                                                         latent=0, sound=0)),
    "va 3": lambda c, f, y: feel_vectors(c, FeelWeights(va=3.0)),
    "no anchor": lambda c, f, y: feel_vectors(c, anchor=0.0),
    # the best of 324 weightings (va, mood, latent, sound, anchor) by this train CV
    "CV grid best (1.5, 1.5, 0.5, 0.5)": lambda c, f, y: feel_vectors(
        c, FeelWeights(va=1.5, mood=1.5, latent=0.5, sound=0.5)),
    "learned dot, anchor 1": _metric("dot", 1.0),
    "learned euclid, anchor 1": _metric("euclid", 1.0),
}


def _heads() -> dict:
    from sklearn.compose import ColumnTransformer
    from sklearn.ensemble import HistGradientBoostingRegressor
    from sklearn.kernel_ridge import KernelRidge
    from sklearn.linear_model import Ridge
    from sklearn.multioutput import MultiOutputRegressor
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import SplineTransformer, StandardScaler
    from sklearn.svm import SVR

    splines = ColumnTransformer([("audio", SplineTransformer(n_knots=4), list(range(10)))],
                                remainder="passthrough")
    return {
        **{f"ridge alpha {a} (served: 10)": Ridge(alpha=a) for a in (3, 10, 30, 100)},
        "splines on audio + ridge 10": make_pipeline(splines, Ridge(alpha=10)),
        "RBF kernel ridge": make_pipeline(StandardScaler(), KernelRidge(alpha=3, kernel="rbf",
                                                                        gamma=0.01)),
        "RBF SVR (C 0.3)": MultiOutputRegressor(make_pipeline(StandardScaler(), SVR(C=0.3))),
        "gradient boosting (depth 2)": MultiOutputRegressor(HistGradientBoostingRegressor(
            max_depth=2, learning_rate=0.03, max_iter=200, min_samples_leaf=30)),
    }


def head_table(catalog, rows: np.ndarray, labels: np.ndarray) -> None:
    """5-fold CV R^2 and r of regressors on the served full head's design (audio, tag
    context, co-membership, frequent tags) for the train songs."""
    from sklearn.model_selection import KFold, cross_val_predict

    design = FeelModel().fit(catalog.tracks, rows, labels).prepare(
        [catalog.tracks[r] for r in rows]).full
    y = labels / 2.0
    cv = KFold(5, shuffle=True, random_state=0)
    print(f"valence/arousal heads, 5-fold CV on {len(rows)} train songs "
          f"(design width {design.shape[1]})")
    print(f"{'regressor':<36}{'R^2 valence':>12}{'R^2 arousal':>12}{'r valence':>11}"
          f"{'r arousal':>11}")
    for name, est in _heads().items():
        pred = cross_val_predict(est, design, y, cv=cv)
        r2 = 1 - ((y - pred) ** 2).sum(0) / ((y - y.mean(0)) ** 2).sum(0)
        r = [np.corrcoef(pred[:, k], y[:, k])[0, 1] for k in (0, 1)]
        print(f"{name:<36}{r2[0]:>12.3f}{r2[1]:>12.3f}{r[0]:>11.3f}{r[1]:>11.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--validation", action="store_true")
    parser.add_argument("--alpha", type=float, default=10.0,
                        help="ridge strength of the feel model (served: 10)")
    parser.add_argument("--heads", action="store_true",
                        help="only the valence/arousal heads' cross-validated R^2")
    args = parser.parse_args()
    catalog, tr, tr_va, val, val_va = _data()
    if args.heads:
        head_table(catalog, tr, tr_va)
        return
    profiles = analyse_moods(catalog, [], load_lexicon()).profiles
    order = np.random.default_rng(args.seed).permutation(len(tr))
    folds = np.array_split(order, args.folds)
    cv = {name: [] for name in CANDIDATES}
    for held in folds:
        fit = np.setdiff1d(order, held)
        coords, fitted = _coords(catalog, profiles, tr[fit], tr_va[fit], tr[held],
                                 {"alpha": args.alpha})
        for name, make in CANDIDATES.items():
            cv[name].append(_score(make(coords, fitted, tr_va[fit]), tr_va[held]))
    valid = {}
    if args.validation:
        coords, fitted = _coords(catalog, profiles, tr, tr_va, val,
                                 {"alpha": args.alpha})
        valid = {name: _score(make(coords, fitted, tr_va), val_va)
                 for name, make in CANDIDATES.items()}
    print(f"feel model alpha {args.alpha}; mood agreement @{K}: train CV ({args.folds} "
          f"folds of {len(tr)} songs, ranked within the fold); validation: {len(val)} songs")
    print(f"{'candidate':<36}{'train CV':>24}{'validation':>24}")
    for name in CANDIDATES:
        est = bootstrap(np.concatenate(cv[name]), seed=args.seed)
        v = str(bootstrap(valid[name], seed=args.seed)) if name in valid else "-"
        print(f"{name:<36}{est!s:>24}{v:>24}")


if __name__ == "__main__":
    main()
