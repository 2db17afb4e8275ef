"""Do analysed files find the clips that feel like them?  Emotion and genre agreement@10
on the Emotify dev set, every clip a seed, cross-validated wherever something is fitted.

    python bench/audio_eval.py [--plot docs/audio_eval.png] [--folds 5]

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
fold never saw its labels; "within fold" ranks only the seed's own fold (every
candidate unseen too).
"""
from __future__ import annotations

import argparse
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from models import settings  # noqa: E402
from models.audio import (  # noqa: E402
    AudioCache,
    AudioFeel,
    EmotionSet,
    analyse_many,
    emotion_set,
    label_va,
)
from models.build import BuildOptions, Sources, build_from_sources, load_default_model  # noqa: E402
from models.evaluation import bootstrap, cosine_rankings, mood_agreement, paired_difference  # noqa: E402
from models.ingest import sha256_of  # noqa: E402

SHARED = ROOT.parent / "shared" / "data" / "audio"
CLIPS = SHARED / "emotify_dev"
EXTRA = SHARED / "generated_moods"
K = 10


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


def standardise(x: np.ndarray) -> np.ndarray:
    sd = x.std(axis=0)
    return (x - x.mean(axis=0)) / np.where(sd > 1e-9, sd, 1.0)


def fold_of(genres: np.ndarray, n_folds: int, seed: int = 0) -> np.ndarray:
    """Folds stratified by genre (each fold holds a fifth of every genre)."""
    rng = np.random.default_rng(seed)
    folds = np.zeros(len(genres), dtype=int)
    for genre in sorted(set(genres)):
        rows = np.flatnonzero(genres == genre)
        folds[rng.permutation(rows)] = np.arange(len(rows)) % n_folds
    return folds


class Judge:
    """Per-seed metrics of a ranking restricted to a pool of candidates."""

    def __init__(self, fractions: np.ndarray, genres: np.ndarray) -> None:
        self.fractions = fractions
        va = label_va(fractions)
        self.side = np.sign(va - np.median(va, axis=0))
        self.genres = genres

    def score(self, ranked: np.ndarray, seeds: np.ndarray, pool: np.ndarray,
              ) -> dict[str, np.ndarray]:
        """``ranked``: (n, >= K) every clip's candidates best first (as served, or by
        cosine); only those in ``pool`` count."""
        at = np.searchsorted(pool, seeds)
        local = np.zeros((len(pool), K), dtype=int)
        where = np.full(len(self.genres), -1)
        where[pool] = np.arange(len(pool))
        for s, i in zip(seeds, at):
            kept = [where[r] for r in ranked[s] if where[r] >= 0 and r != s]
            local[i] = kept[:K]
        top = pool[local[at]]
        same = self.side[top] == self.side[seeds][:, None, :]
        return {"emotion": mood_agreement(local, self.fractions[pool], at),
                "quadrant": same.all(axis=2).mean(axis=1),
                "valence": same[:, :, 0].mean(axis=1),
                "genre": (self.genres[top] == self.genres[seeds][:, None]).mean(axis=1)}


def cross_validated(judge: Judge, folds: np.ndarray, rank, within: bool = False,
                    ) -> dict[str, np.ndarray]:
    """Every clip a seed; ``rank(train_rows)`` ranks every clip's candidates using what
    was fitted on ``train_rows`` (the other folds) only."""
    parts: dict[str, list[np.ndarray]] = {}
    everyone = np.arange(len(folds))
    for f in np.unique(folds):
        seeds = np.flatnonzero(folds == f)
        ranked = rank(np.flatnonzero(folds != f))
        for name, values in judge.score(ranked, seeds, seeds if within else everyone).items():
            parts.setdefault(name, []).append(values)
    order = np.argsort(np.concatenate([np.flatnonzero(folds == f) for f in np.unique(folds)]))
    return {name: np.concatenate(v)[order] for name, v in parts.items()}


def by_cosine(vectors: np.ndarray) -> np.ndarray:
    return cosine_rankings(vectors, len(vectors) - 1)


def by_distance(values: np.ndarray) -> np.ndarray:
    """Every clip's others, nearest first on one number (e.g. predicted valence)."""
    gap = np.abs(values[:, None] - values[None, :])
    np.fill_diagonal(gap, np.inf)
    return np.argsort(gap, axis=1, kind="stable")[:, :-1]


def fitted(data: EmotionSet, train: np.ndarray) -> AudioFeel:
    """An audio feel model from the clips ``train`` plus every filed clip."""
    rows = np.concatenate([train, np.arange(data.labelled, len(data.rows))])
    return AudioFeel().fit([data.rows[r] for r in rows], data.fractions[rows])


def served(data: EmotionSet, train: np.ndarray, options: BuildOptions) -> np.ndarray:
    """The neighbour lists ``feelalike build --audio-dir`` serves (as clip rows), with the
    audio feel model fitted on ``train``."""
    built = build_from_sources(Sources(audio_dirs=[CLIPS]), replace(
        options, audio_feel=fitted(data, train), k=data.labelled - 1))
    row_of = {t.id: i for i, t in enumerate(built.tracks)}
    clip_of = {row_of[f"audio-{sha256_of(f)[:16]}"]: c
               for c, f in enumerate(data.files[:data.labelled])}
    return np.array([[clip_of[r] for r in built.neighbours[row_of_clip] if r in clip_of]
                     for row_of_clip in sorted(clip_of, key=clip_of.get)])


def out_of_fold_r(data: EmotionSet, folds: np.ndarray) -> tuple[float, float]:
    """r of the valence/arousal each clip's fold model predicts against its label's."""
    n, pred = data.labelled, np.zeros((data.labelled, 2))
    for f in np.unique(folds):
        rows = np.flatnonzero(folds == f)
        pred[rows] = fitted(data, np.flatnonzero(folds != f)).va([data.rows[r] for r in rows])
    true = label_va(data.fractions[:n])
    return tuple(float(np.corrcoef(pred[:, j], true[:, j])[0, 1]) for j in range(2))


OLD_FIELDS = ("danceability", "energy", "loudness", "acousticness", "tempo", "mode")


def matrix(rows: list[dict[str, float]]) -> np.ndarray:
    names = sorted(set.intersection(*(set(r) for r in rows)))
    return np.array([[r[n] for n in names] for r in rows])


def table(results: dict[str, dict[str, np.ndarray]]) -> None:
    print(f"{'method':<56}{'emotion@10':>24}{'quadrant':>9}{'valence':>24}{'genre@10':>10}")
    for name, m in results.items():
        print(f"{name:<56}{str(bootstrap(m['emotion'])):>24}{m['quadrant'].mean():>9.3f}"
              f"{str(bootstrap(m['valence'])):>24}{m['genre'].mean():>10.3f}")


def draw(results: dict[str, dict[str, np.ndarray]],
         within: dict[str, dict[str, np.ndarray]], path: str) -> None:
    """Emotion agreement@10 and valence side with their bootstrap intervals, per method."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 2, figsize=(12, 5), sharey=True)
    for ax, metric, xlabel in zip(axes, ("emotion", "valence"), (
            "emotion agreement@10 (0 = random, 1 = the 10 nearest rater profiles)",
            "share of the top 10 on the seed's side of valence (chance 0.5)")):
        for offset, (label, rows, colour) in enumerate((
                ("candidates: all other clips", results, "#1f77b4"),
                ("candidates: the seed's fold only (all unseen)", within, "#ff7f0e"))):
            for name, m in rows.items():
                i = list(results).index(name.removesuffix(", within fold"))
                e = bootstrap(m[metric])
                ax.barh(i + 0.4 * offset, e.mean, 0.38, color=colour,
                        xerr=[[e.mean - e.low], [e.high - e.mean]],
                        label=label if name == next(iter(rows)) else None)
        if metric == "valence":
            ax.axvline(0.5, color="grey", linestyle="--", linewidth=1)
            ax.set_xlim(0.4, 0.7)
        ax.set_xlabel(xlabel, fontsize=8)
    axes[0].set_yticks(np.arange(len(results)) + 0.2, list(results), fontsize=8)
    axes[0].invert_yaxis()
    fig.suptitle("Emotify dev set, 200 clips, every clip a seed, 5-fold cross-validation")
    fig.legend(*axes[0].get_legend_handles_labels(), fontsize=8, loc="lower center", ncol=2)
    fig.tight_layout(rect=(0, 0.06, 1, 1))
    fig.savefig(path, dpi=110)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--cache", default=None, help="audio cache (default: the data home's)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--plot", default=None)
    args = parser.parse_args()
    cache = AudioCache(args.cache or settings.audio_cache_dir())
    data = emotion_set(CLIPS, [EXTRA], cache=cache, workers=args.workers)
    n = data.labelled
    files, fractions = data.files[:n], data.fractions[:n]
    genres = np.array([f.name.split("_")[0] for f in files])
    judge, folds = Judge(fractions, genres), fold_of(genres, args.folds)
    base, seconds = baseline(files, args.workers)
    old = analyse_many(files, cache=cache, workers=args.workers).tracks
    old_x = np.array([[t["features"][f] for f in OLD_FIELDS] for t in
                      sorted(old, key=lambda t: files.index(Path(t["path"])))])
    feel = load_default_model()
    methods = {
        "baseline (librosa statistics, cosine)": lambda tr: by_cosine(standardise(base)),
        "old 6 vector fields, cosine": lambda tr: by_cosine(standardise(old_x)),
        "analysis fields, cosine": lambda tr: by_cosine(standardise(matrix(data.rows[:n]))),
        "learned emotion space (AudioFeel)": lambda tr: by_cosine(
            fitted(data, tr).embed(data.rows[:n])),
        "served: build --audio-dir (plain blocks)": lambda tr: served(
            data, tr, BuildOptions(audio_cache=cache.folder)),
    }
    methods["predicted valence alone (AudioFeel, 1-D)"] = lambda tr: by_distance(
        fitted(data, tr).va(data.rows[:n])[:, 0])
    if feel is not None:
        methods["served: build --audio-dir (feel model)"] = lambda tr: served(
            data, tr, BuildOptions(audio_cache=cache.folder, feel_model=feel))
    print(f"{n} clips, {args.folds} folds; baseline features in {seconds:.0f} s")
    results = {name: cross_validated(judge, folds, rank) for name, rank in methods.items()}
    table(results)
    within = {f"{name}, within fold": cross_validated(judge, folds, methods[name], True)
              for name in list(methods)[:1] + list(methods)[3:]}
    table(within)
    valence_r, arousal_r = out_of_fold_r(data, folds)
    print(f"out-of-fold r (same folds): valence {valence_r:.3f}, arousal {arousal_r:.3f}")
    if args.plot:
        draw(results, within, args.plot)
    base_e = results["baseline (librosa statistics, cosine)"]["emotion"]
    within_e = within["baseline (librosa statistics, cosine), within fold"]["emotion"]
    for name in list(methods)[3:]:
        print(f"{name} - baseline: {paired_difference(results[name]['emotion'], base_e)}; "
              f"within fold {paired_difference(within[name + ', within fold']['emotion'], within_e)}")


if __name__ == "__main__":
    main()
