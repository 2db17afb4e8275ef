"""What was tried for valence on the Emotify dev set (docs/audio.md, "Valence within one
fold"): out-of-fold valence r of several predictors, and what each does to the share of
the top 10 on the seed's side of valence when only the seed's fold is ranked (every
candidate unseen).  Same genre-stratified folds as bench/audio_eval.py; scratch
figures to choose by, not the served ones.

    python bench/valence_experiments.py [--cache DIR] [--harmony]

``--harmony`` also computes a few harmonic statistics from the audio (local major/minor
key strength over 3 s windows, major minus minor triad fit per frame, chroma entropy,
an interval dissonance proxy; about 3 minutes for the 200 clips) and adds them to the
analysis vector.
"""
from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import audio_eval as E

from models import settings
from models.audio import AudioCache, emotion_set, label_va
from models.evaluation import bootstrap

ALPHAS = tuple(np.logspace(-1, 4, 16))
_MAJ = np.array([6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88])
_MIN = np.array([6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17])


def _profiles(p: np.ndarray) -> np.ndarray:
    p = (p - p.mean()) / np.linalg.norm(p - p.mean())
    return np.array([np.roll(p, k) for k in range(12)])


def harmony(path: str) -> list[float]:
    """Local mode strength (mean, std, share major), key clarity, major-minus-minor triad
    fit (mean, share), chroma entropy, interval dissonance proxy."""
    import librosa

    y, sr = librosa.load(path, sr=11025, mono=True, duration=60)
    chroma = librosa.feature.chroma_stft(y=y, sr=sr, n_fft=4096, hop_length=1024)
    win = np.array([chroma[:, i:i + 32].mean(axis=1)
                    for i in range(0, chroma.shape[1] - 31, 16)])
    win = win - win.mean(axis=1, keepdims=True)
    win /= np.maximum(np.linalg.norm(win, axis=1, keepdims=True), 1e-9)
    major, minor = (win @ _profiles(_MAJ).T).max(axis=1), (win @ _profiles(_MIN).T).max(axis=1)
    mode = major - minor
    share = chroma / np.maximum(chroma.sum(axis=0, keepdims=True), 1e-9)
    triad = [np.array([np.roll(np.eye(12)[[0, third, 7]].sum(axis=0), k) for k in range(12)])
             for third in (4, 3)]
    fit = (triad[0] @ share).max(axis=0) - (triad[1] @ share).max(axis=0)
    rough = sum(w * (share * np.roll(share, k, axis=0)).sum(axis=0).mean()
                for k, w in zip(range(1, 7), (1.0, 0.6, 0.2, 0.1, 0.05, 0.8)))
    entropy = -(share * np.log(share + 1e-12)).sum(axis=0).mean()
    return [mode.mean(), mode.std(), (mode > 0).mean(), np.maximum(major, minor).mean(),
            fit.mean(), (fit > 0).mean(), entropy, rough]


def out_of_fold(x: np.ndarray, y: np.ndarray, folds: np.ndarray, make) -> np.ndarray:
    """Each clip predicted by a model fitted on the other folds (standardised there)."""
    out = np.zeros(len(folds))
    for f in np.unique(folds):
        train, test = folds != f, folds == f
        sd = x[train].std(axis=0)
        z = np.clip((x - x[train].mean(axis=0)) / np.where(sd > 1e-9, sd, 1.0), -4, 4)
        out[test] = np.ravel(make().fit(z[train], y[train]).predict(z[test]))
    return out


def nearest(values: np.ndarray):
    return lambda train: E.by_distance(values)


def main() -> None:
    from sklearn.ensemble import ExtraTreesRegressor
    from sklearn.linear_model import RidgeCV

    warnings.filterwarnings("ignore")
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", default=None)
    parser.add_argument("--harmony", action="store_true")
    args = parser.parse_args()
    data = emotion_set(E.CLIPS, [E.EXTRA], cache=AudioCache(args.cache or
                                                            settings.audio_cache_dir()))
    n = data.labelled
    genres = np.array([f.name.split("_")[0] for f in data.files[:n]])
    judge, folds = E.Judge(data.fractions[:n], genres), E.fold_of(genres, 5)
    valence = label_va(data.fractions[:n])[:, 0]
    x = E.matrix(data.rows[:n])

    def row(name: str, rank) -> None:
        m = E.cross_validated(judge, folds, rank, True)
        print(f"{name:<62}{bootstrap(m['valence'])!s:>26}{m['emotion'].mean():>8.3f}")

    print(f"{'within fold':<62}{'valence side':>26}{'emotion':>8}")
    row("true label valence, 1-D (the metric's ceiling)", nearest(valence))
    for w in (0.0, 1.0, 2.0, 4.0):
        def embed(train, w=w):
            model = E.fitted(data, train)
            v = model.va(data.rows[:n])[:, 0]
            z = (v - v[train].mean()) / v[train].std()
            return E.by_cosine(np.column_stack([model.embed(data.rows[:n]), w * z]))
        row(f"AudioFeel space + {w:g} x predicted valence (z)", embed)
    predictors = {
        "ridge to valence": lambda: RidgeCV(alphas=ALPHAS),
        "extra trees to valence": lambda: ExtraTreesRegressor(
            300, min_samples_leaf=5, max_features=0.3, random_state=0, n_jobs=1)}
    if args.harmony:
        with __import__("concurrent.futures").futures.ProcessPoolExecutor(2) as pool:
            extra = np.array(list(pool.map(harmony, map(str, data.files[:n]))))
        for j, name in enumerate(("local mode mean", "local mode std", "share major",
                                  "key clarity", "triad major-minor", "triad share major",
                                  "chroma entropy", "dissonance")):
            print(f"r({name}, valence) = {np.corrcoef(extra[:, j], valence)[0, 1]:+.3f}")
    for name, make in predictors.items():
        for label, inputs in (("analysis", x),) + ((("analysis + harmony",
                                                     np.hstack([x, extra])),)
                                                   if args.harmony else ()):
            pred = out_of_fold(inputs, valence, folds, make)
            r = np.corrcoef(pred, valence)[0, 1]
            row(f"{name} on {label} (r {r:.3f}), 1-D", nearest(pred))


if __name__ == "__main__":
    main()
