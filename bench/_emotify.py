"""The Emotify dev set's evaluation protocols, shared by bench/audio_eval.py,
bench/embedding_eval.py and bench/valence_experiments.py: genre-stratified folds, the
per-seed judge, cross-validated rankings (all candidates, the seed's fold only, and
every clip placed by the model that did not see it) and the served path."""
from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from models.audio import GEMS, AudioFeel, EmotionSet, label_va  # noqa: E402
from models.build import BuildOptions, Sources, build_from_sources  # noqa: E402
from models.evaluation import cosine_rankings, mood_agreement  # noqa: E402
from models.ingest import sha256_of  # noqa: E402
from models.language import MOODS  # noqa: E402

SHARED = ROOT.parent / "shared" / "data" / "audio"
CLIPS = SHARED / "emotify_dev"
EXTRA = SHARED / "generated_moods"
K = 10


def standardise(x: np.ndarray) -> np.ndarray:
    sd = x.std(axis=0)
    return (x - x.mean(axis=0)) / np.where(sd > 1e-9, sd, 1.0)


def fold_of(genres: np.ndarray, n_folds: int, seed: int = 0) -> np.ndarray:
    """Folds stratified by genre (each fold holds an equal share of every genre)."""
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
    return served_with(data, fitted(data, train), options)


def served_with(data: EmotionSet, model: "AudioFeel | PlacedOutOfFold",
                options: BuildOptions) -> np.ndarray:
    built = build_from_sources(Sources(audio_dirs=[CLIPS]), replace(
        options, audio_feel=model, k=data.labelled - 1))
    row_of = {t.id: i for i, t in enumerate(built.tracks)}
    clip_of = {row_of[f"audio-{sha256_of(f)[:16]}"]: c
               for c, f in enumerate(data.files[:data.labelled])}
    return np.array([[clip_of[r] for r in built.neighbours[row_of_clip] if r in clip_of]
                     for row_of_clip in sorted(clip_of, key=clip_of.get)])


def _key(row: dict[str, float]) -> tuple:
    return tuple(sorted((name, round(float(value), 9)) for name, value in row.items()))


class PlacedOutOfFold:
    """Evaluation only: the audio feel model's interface, but each labelled clip is
    placed by the model fitted without its own fold (``cross_val_predict`` for a whole
    build). One build then holds only unseen positions and every other clip is a
    candidate, as in a user's library; the models placing two clips differ, and the
    one placing a candidate has seen the seed's labels (a weaker leak than placing
    every candidate with the seed's model, which was fitted on them)."""

    def __init__(self, data: EmotionSet, folds: np.ndarray) -> None:
        self.models = {f: fitted(data, np.flatnonzero(folds != f)) for f in np.unique(folds)}
        self.fold_of = {_key(data.rows[i]): folds[i] for i in range(data.labelled)}
        self.inputs_ = next(iter(self.models.values())).inputs_

    def design(self, rows) -> np.ndarray:
        return self._each("design", rows, len(self.inputs_))

    def _each(self, method: str, rows, width: int) -> np.ndarray:
        folds = np.array([self.fold_of[_key(r)] for r in rows])
        out = np.zeros((len(rows), width))
        for f, model in self.models.items():
            at = np.flatnonzero(folds == f)
            if len(at):
                out[at] = getattr(model, method)([rows[i] for i in at])
        return out

    def embed(self, rows) -> np.ndarray:
        return self._each("embed", rows, len(GEMS))

    def predict(self, rows) -> np.ndarray:
        return self._each("predict", rows, len(GEMS))

    def va(self, rows) -> np.ndarray:
        return self._each("va", rows, 2)

    def moods(self, rows) -> np.ndarray:
        return self._each("moods", rows, len(MOODS))


def placed_out_of_fold(judge: Judge, ranked: np.ndarray) -> dict[str, np.ndarray]:
    everyone = np.arange(len(ranked))
    return judge.score(ranked, everyone, everyone)


def out_of_fold_r(data: EmotionSet, folds: np.ndarray) -> tuple[float, float]:
    """r of the valence/arousal each clip's fold model predicts against its label's."""
    n, pred = data.labelled, np.zeros((data.labelled, 2))
    for f in np.unique(folds):
        rows = np.flatnonzero(folds == f)
        pred[rows] = fitted(data, np.flatnonzero(folds != f)).va([data.rows[r] for r in rows])
    true = label_va(data.fractions[:n])
    return tuple(float(np.corrcoef(pred[:, j], true[:, j])[0, 1]) for j in range(2))


def matrix(rows: list[dict[str, float]]) -> np.ndarray:
    names = sorted(set.intersection(*(set(r) for r in rows)))
    return np.array([[r[n] for n in names] for r in rows])
