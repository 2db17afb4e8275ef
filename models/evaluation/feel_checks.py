"""Checks of the served feel model beyond validation mood agreement.

- ``evidence_agreement``: validation mood agreement when every labelled track has only
  one kind of evidence (Spotify features only, analysed-audio features only, tag words
  only: the text-only case the labels allow) against all of it (mixed).
- ``playlist_held_out``: 20% of the catalog's playlists are hidden from training
  (their names removed from every track's tags before the feel model is fitted and the
  catalog built); for seeds in a hidden playlist, the share of the served top 10 in
  that playlist, against the Spotify-features baseline.
- ``tune_feel_weights``: block weights chosen on the train split only.
"""
from __future__ import annotations

import csv
import dataclasses
import itertools
from pathlib import Path

import numpy as np

from ..build import FeelModel, FeelWeights, analyse_moods, build, feel_coordinates, feel_vectors
from ..ingest import Catalog, Track
from ..language import load_lexicon
from .metrics import Estimate, bootstrap, cosine_rankings, mood_agreement

K = 10
ANALYSED = ("energy", "danceability", "acousticness", "tempo", "mode", "loudness")
WEIGHT_GRID = {"va": (1.0, 2.0, 3.0), "mood": (0.5, 1.0), "latent": (0.5, 1.0),
               "sound": (0.25, 0.5, 1.0)}
HELD_OUT_SHARE = 0.2
HELD_OUT_SEEDS = 1000


def _strip(track: Track, kind: str) -> Track:
    if kind == "features only":
        return dataclasses.replace(track, tags=[], album="")
    if kind == "analysed audio only":
        return dataclasses.replace(track, tags=[], album="", release_date="", features={
            k: v for k, v in track.features.items() if k in ANALYSED})
    if kind == "tag words only":
        return dataclasses.replace(track, features={})
    return track


def evidence_agreement(catalog: Catalog, model: FeelModel, rows: np.ndarray, va: np.ndarray,
                       weights: FeelWeights = FeelWeights(), seed: int = 0,
                       ) -> dict[str, tuple[Estimate, np.ndarray]]:
    """Agreement per evidence kind; the labelled rows are stripped, the rest untouched."""
    out = {}
    for kind in ("features only", "analysed audio only", "tag words only", "mixed"):
        tracks = list(catalog.tracks)
        for r in rows:
            tracks[r] = _strip(tracks[r], kind)
        stripped = Catalog(tracks)
        profiles = analyse_moods(stripped, [], load_lexicon()).profiles
        vectors = feel_vectors(feel_coordinates(model, tracks, profiles), weights)
        per_seed = mood_agreement(cosine_rankings(vectors[rows], K), va, range(len(rows)))
        out[kind] = (bootstrap(per_seed, seed=seed), per_seed)
    return out


def tune_feel_weights(catalog: Catalog, rows: np.ndarray, va: np.ndarray, seed: int = 0,
                      splits: int = 3) -> FeelWeights:
    """Over random halvings of the train rows: fit on one half, score every weighting on
    the other (ranked among themselves); the best mean wins."""
    combos = [FeelWeights(va=a, mood=b, latent=c, sound=d)
              for a, b, c, d in itertools.product(*WEIGHT_GRID.values())]
    totals = np.zeros(len(combos))
    profiles = analyse_moods(catalog, [], load_lexicon()).profiles
    rng = np.random.default_rng(seed)
    for _ in range(splits):
        order = rng.permutation(len(rows))
        fit, score = order[: len(rows) // 2], order[len(rows) // 2:]
        model = FeelModel().fit(catalog.tracks, rows[fit], va[fit])
        coords = feel_coordinates(model, catalog.tracks, profiles)
        for i, weights in enumerate(combos):
            vectors = feel_vectors(coords, weights)[rows[score]]
            totals[i] += mood_agreement(cosine_rankings(vectors, K), va[score],
                                        range(len(score))).mean()
    return combos[int(np.argmax(totals))]


def playlist_names(path: str | Path, catalog: Catalog) -> list[frozenset[str]]:
    names: dict[str, set[str]] = {}
    with open(path, newline="", encoding="utf-8") as handle:
        for r in csv.DictReader(handle):
            names.setdefault(r["track_id"], set()).add(r["playlist_name"])
    return [frozenset(names.get(t.id, ())) for t in catalog.tracks]


@dataclasses.dataclass
class HeldOut:
    feel: Estimate
    baseline: Estimate
    margin: Estimate
    playlists: int
    seeds: int


def playlist_held_out(catalog_path: str | Path, catalog: Catalog, rows: np.ndarray,
                      va: np.ndarray, baseline_lists: np.ndarray, seed: int = 0) -> HeldOut:
    """Hide 20% of playlists from training; score seeds in them."""
    groups = playlist_names(catalog_path, catalog)
    names = sorted({p for g in groups for p in g})
    rng = np.random.default_rng(seed)
    hidden = set(rng.choice(names, int(round(HELD_OUT_SHARE * len(names))), replace=False))
    tracks = [dataclasses.replace(t, tags=[x for x in t.tags if x not in hidden])
              for t in catalog.tracks]
    blind = Catalog(tracks)
    model = FeelModel().fit(tracks, rows, va)
    built = build(blind, feel_model=model)
    candidates = [i for i, g in enumerate(groups) if g & hidden]
    seeds = rng.choice(candidates, min(HELD_OUT_SEEDS, len(candidates)), replace=False)

    def share(lists: np.ndarray) -> np.ndarray:
        return np.array([np.mean([bool(groups[s] & groups[j] & hidden) for j in lists[s][:K]])
                         for s in seeds])

    ours, base = share(built.neighbours), share(baseline_lists)
    return HeldOut(bootstrap(ours, seed=seed), bootstrap(base, seed=seed),
                   bootstrap(ours - base, seed=seed), len(hidden), len(seeds))


__all__ = ["HeldOut", "evidence_agreement", "playlist_held_out",
           "tune_feel_weights"]
