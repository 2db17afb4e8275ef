"""How much mood agreement @10 a valence/arousal estimate of a given accuracy can buy.

    python bench/agreement_ceiling.py [--draws 20] [--seed 0] [--learning-curve]

Mood agreement @10 (models/evaluation/metrics.py) is scored on the Deezer validation
songs joined to the TidyTuesday catalog.  This script asks what an estimate that
correlates with the true valence/arousal at r would score if the service ranked by it
alone: for each r, ``r * z + sqrt(1 - r^2) * noise`` per axis (z: the standardised true
labels), neighbours by Euclidean distance, median over ``--draws`` noise draws.  The
last rows put the served feel model's own valence/arousal heads (fitted on the train
split, as ``feelalike demo`` does) beside the simulation at their measured r, and
the served ranking by its own valence/arousal alone.  The last row is a warning, not a
target: one list of the songs whose *true* valence/arousal is most central, the same
for every seed, scores well above zero, because the centre is near everyone.  A term
that favours some candidates for every seed (a confidence or uncertainty bonus, say)
can climb this metric by building hubs; read agreement beside coverage.

``--learning-curve`` adds the served heads' validation r when fitted on 50% and 75%
of the train songs (mean of three random subsets): would more labels of this kind help?

It answers "which r does the 0.25 goal need" (docs/quality.md) without touching the
served model: the figures are a ceiling argument, not a model.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from models.build import FeelModel  # noqa: E402
from models.evaluation import mood_agreement  # noqa: E402
from models.ingest import TrackMatcher, labelled_rows, load_catalog, read_va_labels  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
K = 10
LEVELS = (0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8, 0.9)


def nearest(points: np.ndarray, k: int = K) -> np.ndarray:
    """Top-k other rows per row by Euclidean distance."""
    d = np.linalg.norm(points[:, None, :] - points[None, :, :], axis=2)
    np.fill_diagonal(d, np.inf)
    return np.argsort(d, axis=1, kind="stable")[:, :k]


def central_list(true_va: np.ndarray, k: int = K) -> np.ndarray:
    """The same top-k for every seed: the songs truly nearest the centre (an oracle)."""
    order = np.argsort(np.linalg.norm(true_va - true_va.mean(0), axis=1), kind="stable")
    return np.array([order[order != seed][:k] for seed in range(len(true_va))])


def simulated(true_va: np.ndarray, r: tuple[float, float], draws: int,
              rng: np.random.Generator) -> float:
    """Median agreement of estimates correlating at ``r`` (per axis) with the truth."""
    z = (true_va - true_va.mean(0)) / true_va.std(0)
    r_ = np.asarray(r)
    seeds = range(len(true_va))
    scores = [mood_agreement(nearest(r_ * z + np.sqrt(1 - r_ ** 2) *
                                     rng.standard_normal(z.shape)), true_va, seeds).mean()
              for _ in range(draws)]
    return float(np.median(scores))


def learning_curve(catalog, train: np.ndarray, train_va: np.ndarray, val: np.ndarray,
                   val_va: np.ndarray, repeats: int = 3) -> None:
    tracks = [catalog.tracks[i] for i in val]
    for share in (0.5, 0.75, 1.0):
        size = int(share * len(train))
        rs = []
        for rep in range(repeats if share < 1 else 1):
            keep = np.random.default_rng(rep).permutation(len(train))[:size]
            predicted, _ = FeelModel().fit(catalog.tracks, train[keep],
                                           train_va[keep]).predict_va(tracks)
            rs.append([np.corrcoef(predicted[:, k], val_va[:, k])[0, 1] for k in (0, 1)])
        r = np.mean(rs, axis=0)
        print(f"{f'served heads fitted on {size} train songs':<44}{r[0]:>10.3f}{r[1]:>10.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draws", type=int, default=20)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--learning-curve", action="store_true")
    args = parser.parse_args()
    catalog = load_catalog([SHARED / "catalog" / "tidytuesday_spotify_songs.csv"])
    matcher = TrackMatcher(catalog.tracks)
    labels = SHARED / "moods" / "deezer"
    train, train_va = labelled_rows(matcher, read_va_labels(labels / "train.csv"))
    val, val_va = labelled_rows(matcher, read_va_labels(labels / "validation.csv"))
    keep = ~np.isin(val, train)
    val, val_va = val[keep], val_va[keep]
    rng = np.random.default_rng(args.seed)
    print(f"{len(val)} validation songs, top {K}, median of {args.draws} noise draws")
    print(f"{'estimate of valence/arousal':<44}{'r valence':>10}{'r arousal':>10}"
          f"{'agreement':>11}")
    for r in LEVELS:
        score = simulated(val_va, (r, r), args.draws, rng)
        print(f"{'simulated':<44}{r:>10.2f}{r:>10.2f}{score:>11.3f}")
    model = FeelModel().fit(catalog.tracks, train, train_va)
    predicted, _ = model.predict_va([catalog.tracks[i] for i in val])
    r = tuple(float(np.corrcoef(predicted[:, k], val_va[:, k])[0, 1]) for k in (0, 1))
    served = mood_agreement(nearest(predicted), val_va, range(len(val))).mean()
    print(f"{'simulated at the served heads r':<44}{r[0]:>10.3f}{r[1]:>10.3f}"
          f"{simulated(val_va, r, args.draws, rng):>11.3f}")
    print(f"{'served heads (ranked by their estimate)':<44}{r[0]:>10.3f}{r[1]:>10.3f}"
          f"{served:>11.3f}")
    hubs = central_list(val_va)
    hub = mood_agreement(hubs, val_va, range(len(val))).mean()
    print(f"{'one list of the truly central songs (oracle)':<44}{'-':>10}{'-':>10}"
          f"{hub:>11.3f}   coverage {len(np.unique(hubs)) / len(val):.3f}")
    if args.learning_curve:
        learning_curve(catalog, train, train_va, val, val_va)


if __name__ == "__main__":
    main()
