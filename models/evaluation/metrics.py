"""Measuring recommendation quality: mood agreement, coherence, coverage, bias.

Mood agreement @k: for seed tracks with a measured valence/arousal (e.g. Deezer
labels), the mean valence/arousal distance between a seed and its top k among the
other labelled tracks, rescaled per seed so that a random pick scores 0 and the best
possible pick (the k nearest by true valence/arousal) scores 1.  Every figure comes
with a bootstrap 95% interval over seeds.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np


@dataclass(frozen=True)
class Estimate:
    mean: float
    low: float
    high: float
    n: int

    def __str__(self) -> str:
        return f"{self.mean:.3f} [{self.low:.3f}, {self.high:.3f}]"


def bootstrap(values: np.ndarray, *, rounds: int = 2000, seed: int = 0) -> Estimate:
    values = np.asarray(values, dtype=np.float64)
    if values.size == 0:
        return Estimate(float("nan"), float("nan"), float("nan"), 0)
    rng = np.random.default_rng(seed)
    means = values[rng.integers(0, len(values), (rounds, len(values)))].mean(axis=1)
    low, high = np.percentile(means, [2.5, 97.5])
    return Estimate(float(values.mean()), float(low), float(high), len(values))


def paired_difference(a: np.ndarray, b: np.ndarray, *, rounds: int = 2000,
                      seed: int = 0) -> Estimate:
    """Bootstrap interval of mean(a - b) over the same seeds."""
    return bootstrap(np.asarray(a) - np.asarray(b), rounds=rounds, seed=seed)


def cosine_rankings(vectors: np.ndarray, k: int,
                    penalty: np.ndarray | None = None) -> np.ndarray:
    """Top-k other rows per row by similarity (1 + cos) / 2, less a per-candidate
    ``penalty`` when given (the service's hub discount)."""
    x = np.asarray(vectors, dtype=np.float64)
    x = x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)
    sims = (1.0 + x @ x.T) / 2.0
    if penalty is not None:
        sims = sims - penalty[None, :]
    np.fill_diagonal(sims, -np.inf)
    return np.argsort(-sims, axis=1, kind="stable")[:, :k]


def mood_agreement(ranked: np.ndarray, true_va: np.ndarray, seeds: Sequence[int]) -> np.ndarray:
    """Per-seed normalised agreement of ``ranked[seed]`` (row indices) with true VA."""
    dist = np.linalg.norm(true_va[:, None, :] - true_va[None, :, :], axis=2)
    k = ranked.shape[1]
    out = []
    for seed in seeds:
        others = np.delete(dist[seed], seed)
        random_d, best_d = others.mean(), np.sort(others)[:k].mean()
        model_d = dist[seed, ranked[seed]].mean()
        span = random_d - best_d
        out.append((random_d - model_d) / span if span > 1e-12 else 0.0)
    return np.array(out)


def shared_share(neighbours: np.ndarray, groups: Sequence[frozenset], seeds: Sequence[int],
                 ) -> np.ndarray:
    """Per seed: share of its neighbours that share at least one group with it."""
    return np.array([np.mean([bool(groups[s] & groups[r]) for r in neighbours[s]])
                     for s in seeds])


def coverage(neighbours: np.ndarray, n_items: int) -> float:
    """Share of the catalog that appears in anyone's list."""
    return len(np.unique(neighbours)) / n_items


def popularity_lift(neighbours: np.ndarray, popularity: np.ndarray) -> float:
    """Mean popularity of recommended items over the catalog's mean popularity."""
    pop = np.nan_to_num(popularity, nan=0.0)
    return float(pop[neighbours].mean() / max(pop.mean(), 1e-12))
