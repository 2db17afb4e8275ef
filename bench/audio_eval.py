"""Do analysed files find the clips that feel like them?  Emotion and genre agreement@10
on the Emotify dev set, every clip a seed, cross-validated wherever something is fitted.

    python bench/audio_eval.py [--plot docs/audio_eval.png] [--folds 5] [--repeats 1]

Rows:
- baseline: per clip mean and std of 13 MFCCs, spectral centroid, rolloff, flatness,
  zero-crossing rate and RMS, tempo and 12 chroma means (librosa defaults, computed in
  this run from the audio), standardised, cosine;
- analysis fields, cosine: every number of ``feelalike analyze`` (``analysis_vector``),
  standardised, cosine; "old 6 fields": the six the vectors used before;
- learned emotion space: ``AudioFeel`` fitted on the other folds (plus the generated
  clips), cosine of its predictions;
- served path: ``build_from_sources`` with the clips as ``--audio-dir`` and the fold's
  fitted ``AudioFeel``, plain blocks and, when a feel model is in the data home, the
  feel space; neighbours as the API serves them.

Metrics per seed (mean and bootstrap 95% interval over seeds): emotion agreement@10 (rater
fractions, 0 = random, 1 = the 10 clips with the nearest rater profile), share of the
top 10 in the seed's valence/arousal quadrant and on the seed's side of valence (labels
mapped through ``label_va``, centred on the set's median), genre agreement@10.  A clip's
fold never saw its labels.  Three protocols:

- all candidates: every other clip competes, placed by the seed's fold model (which was
  fitted on the candidates of other folds);
- within fold: only the seed's own fold competes, so every candidate is unseen and one
  model places them all, as in a user's library; with 5 folds that is 39 candidates,
  with 2 folds 99;
- out-of-fold positions: one build in which every clip is placed by the model that did
  not see it; every other clip competes, but five models place them.

``--repeats R`` repeats everything on R different random splits (seeds 0..R-1) and
averages each clip's figures over them before the intervals are taken.
"""
from __future__ import annotations

import argparse
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from _emotify import (  # noqa: E402,F401  (re-exported for the other audio benches)
    CLIPS,
    EXTRA,
    K,
    Judge,
    PlacedOutOfFold,
    by_cosine,
    by_distance,
    cross_validated,
    fitted,
    fold_of,
    matrix,
    out_of_fold_r,
    placed_out_of_fold,
    served,
    served_with,
    standardise,
)
from models import settings  # noqa: E402
from models.audio import AudioCache, analyse_many, emotion_set  # noqa: E402
from models.build import BuildOptions, load_default_model  # noqa: E402
from models.evaluation import bootstrap, paired_difference  # noqa: E402

OLD_FIELDS = ("danceability", "energy", "loudness", "acousticness", "tempo", "mode")
PROTOCOLS = ("all candidates", "within fold", "out-of-fold positions")
BASE = "baseline (librosa statistics, cosine)"
Results = dict[str, dict[str, dict[str, np.ndarray]]]  # protocol -> method -> metric -> per seed


def baseline_one(path: str) -> list[float]:
    import librosa

    y, sr = librosa.load(path, sr=22050, mono=True)
    frames = [librosa.feature.mfcc(y=y, sr=sr, n_mfcc=13),
              librosa.feature.spectral_centroid(y=y, sr=sr),
              librosa.feature.spectral_rolloff(y=y, sr=sr),
              librosa.feature.spectral_flatness(y=y), librosa.feature.zero_crossing_rate(y),
              librosa.feature.rms(y=y)]
    out = [float(v) for f in frames for v in (*f.mean(axis=1), *f.std(axis=1))]
    out.append(float(librosa.feature.tempo(y=y, sr=sr)[0]))
    out += [float(v) for v in librosa.feature.chroma_stft(y=y, sr=sr).mean(axis=1)]
    return out


def baseline(files: list[Path], workers: int) -> tuple[np.ndarray, float]:
    started = time.perf_counter()
    with ProcessPoolExecutor(workers) as pool:
        rows = list(pool.map(baseline_one, map(str, files)))
    return np.array(rows), time.perf_counter() - started


def table(results: dict[str, dict[str, np.ndarray]]) -> None:
    print(f"{'method':<56}{'emotion@10':>24}{'quadrant':>9}{'valence':>24}{'genre@10':>10}")
    for name, m in results.items():
        print(f"{name:<56}{str(bootstrap(m['emotion'])):>24}{m['quadrant'].mean():>9.3f}"
              f"{str(bootstrap(m['valence'])):>24}{m['genre'].mean():>10.3f}")


def draw(results: Results, path: str) -> None:
    """Emotion agreement@10 and valence side with their bootstrap intervals, per method
    and protocol."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = list(results["all candidates"])
    colours = ("#1f77b4", "#ff7f0e", "#2ca02c")
    fig, axes = plt.subplots(1, 2, figsize=(12, 5.5), sharey=True)
    for ax, metric, xlabel in zip(axes, ("emotion", "valence"), (
            "emotion agreement@10 (0 = random, 1 = the 10 nearest rater profiles)",
            "share of the top 10 on the seed's side of valence (chance 0.5)")):
        for offset, (protocol, colour) in enumerate(zip(PROTOCOLS, colours)):
            for name, m in results[protocol].items():
                e = bootstrap(m[metric])
                ax.barh(names.index(name) + 0.27 * offset, e.mean, 0.25, color=colour,
                        xerr=[[e.mean - e.low], [e.high - e.mean]],
                        label=protocol if name == next(iter(results[protocol])) else None)
        if metric == "valence":
            ax.axvline(0.5, color="grey", linestyle="--", linewidth=1)
            ax.set_xlim(0.4, 0.7)
        ax.set_xlabel(xlabel, fontsize=8)
    axes[0].set_yticks(np.arange(len(names)) + 0.27, names, fontsize=8)
    axes[0].invert_yaxis()
    fig.suptitle("Emotify dev set, 200 clips, every clip a seed, cross-validated")
    fig.legend(*axes[0].get_legend_handles_labels(), fontsize=8, loc="lower center", ncol=3)
    fig.tight_layout(rect=(0, 0.06, 1, 1))
    fig.savefig(path, dpi=110)


def evaluate(data, judge: Judge, folds: np.ndarray, methods: dict, placed_methods: dict,
             ) -> Results:
    """Every method under the three protocols on one split."""
    placed = PlacedOutOfFold(data, folds)
    return {
        "all candidates": {name: cross_validated(judge, folds, rank)
                           for name, rank in methods.items()},
        "within fold": {name: cross_validated(judge, folds, methods[name], True)
                        for name in placed_methods},
        "out-of-fold positions": {name: placed_out_of_fold(judge, rank(placed))
                                  for name, rank in placed_methods.items()},
    }


def mean_over(runs: list[Results]) -> Results:
    """Each clip's figures averaged over the repeated splits."""
    return {p: {name: {metric: np.mean([run[p][name][metric] for run in runs], axis=0)
                       for metric in runs[0][p][name]}
                for name in runs[0][p]} for p in runs[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=1, help="random splits to average")
    parser.add_argument("--cache", default=None, help="audio cache (default: the data home's)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--plot", default=None)
    args = parser.parse_args()
    cache = AudioCache(args.cache or settings.audio_cache_dir())
    data = emotion_set(CLIPS, [EXTRA], cache=cache, workers=args.workers)
    n = data.labelled
    files, fractions = data.files[:n], data.fractions[:n]
    genres = np.array([f.name.split("_")[0] for f in files])
    judge = Judge(fractions, genres)
    base, seconds = baseline(files, args.workers)
    old = analyse_many(files, cache=cache, workers=args.workers).tracks
    old_x = np.array([[t["features"][f] for f in OLD_FIELDS] for t in
                      sorted(old, key=lambda t: files.index(Path(t["path"])))])
    feel = load_default_model()
    plain, with_feel = (BuildOptions(audio_cache=cache.folder),
                        BuildOptions(audio_cache=cache.folder, feel_model=feel))
    methods = {
        BASE: lambda tr: by_cosine(standardise(base)),
        "old 6 vector fields, cosine": lambda tr: by_cosine(standardise(old_x)),
        "analysis fields, cosine": lambda tr: by_cosine(standardise(matrix(data.rows[:n]))),
        "learned emotion space (AudioFeel)": lambda tr: by_cosine(
            fitted(data, tr).embed(data.rows[:n])),
        "served: build --audio-dir (plain blocks)": lambda tr: served(data, tr, plain),
        "predicted valence alone (AudioFeel, 1-D)": lambda tr: by_distance(
            fitted(data, tr).va(data.rows[:n])[:, 0]),
    }
    placed_methods = {
        BASE: lambda model: by_cosine(standardise(base)),
        "learned emotion space (AudioFeel)": lambda model: by_cosine(model.embed(data.rows[:n])),
        "served: build --audio-dir (plain blocks)": lambda model: served_with(data, model, plain),
        "predicted valence alone (AudioFeel, 1-D)": lambda model: by_distance(
            model.va(data.rows[:n])[:, 0]),
    }
    if feel is not None:
        methods["served: build --audio-dir (feel model)"] = lambda tr: served(data, tr, with_feel)
        placed_methods["served: build --audio-dir (feel model)"] = (
            lambda model: served_with(data, model, with_feel))
    print(f"{n} clips, {args.folds} folds, {args.repeats} split(s); baseline features in "
          f"{seconds:.0f} s")
    splits = [fold_of(genres, args.folds, seed) for seed in range(args.repeats)]
    results = mean_over([evaluate(data, judge, folds, methods, placed_methods)
                         for folds in splits])
    for protocol in PROTOCOLS:
        print(f"\n{protocol}:")
        table(results[protocol])
    rs = np.array([out_of_fold_r(data, folds) for folds in splits]).mean(axis=0)
    print(f"\nout-of-fold r (same folds): valence {rs[0]:.3f}, arousal {rs[1]:.3f}")
    print("\nemotion agreement@10 minus the baseline's, same seeds (paired bootstrap 95%):")
    for protocol in PROTOCOLS:
        base_e = results[protocol][BASE]["emotion"]
        for name, m in results[protocol].items():
            if name != BASE and name in placed_methods:
                print(f"  {protocol:<24}{name:<46}{paired_difference(m['emotion'], base_e)}")
    if args.plot:
        draw(results, args.plot)


if __name__ == "__main__":
    main()
