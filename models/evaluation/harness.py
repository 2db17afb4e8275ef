"""The quality harness behind ``feelalike evaluate`` and ``bench/evaluate.py``.

Seeds and candidates for mood agreement are the catalog tracks joined to the
validation labels; nothing fitted (the audio -> valence/arousal model, the block
weights) has seen them.  Weights are chosen on train only: a model fitted on one half
of the train tracks, weights scored on the other half.

The last row is what the service serves: the feel model fitted on the train labels
and the catalog built by the same ``build(...)`` the service publishes (hub reduction
and all); ``feel_checks`` adds agreement by kind of evidence and a playlist-held-out
check.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..audio import VaModel
from ..errors import CatalogError
from ..build import (
    HUB_NEIGHBOURS,
    AudioScaler,
    Blocks,
    BlockWeights,
    FeelModel,
    NeighbourModel,
    analyse_moods,
    build,
    reduce_hubs,
    vector_blocks,
)
from ..ingest import (
    AUDIO_FEATURES,
    Catalog,
    TrackMatcher,
    labelled_rows,
    load_catalog,
    read_groups,
    read_va_labels,
)
from ..language import load_lexicon, tag_moods
from .feel_checks import HeldOut, evidence_agreement, playlist_held_out
from .metrics import (
    Estimate,
    bootstrap,
    cosine_rankings,
    coverage,
    mood_agreement,
    paired_difference,
    popularity_lift,
    shared_share,
)

K = 10
GRID = {"audio": (0.0, 0.5, 1.0), "mood": (0.0, 0.5, 1.0, 1.5),
        "va": (0.5, 1.0, 2.0, 3.0, 4.0)}
COHERENCE_SEEDS = 2000
HUBNESS = 0.5  # the service's default (NeighbourModel)
UNTUNED = BlockWeights(audio=1.0, mood=1.0, va=1.0)
SPLITS = 4
MIN_TRAIN = 40  # the tuning halves each fit a feel model, which needs 20 songs
SERVED = "served default (feel space)"


@dataclass
class Row:
    name: str
    agreement: Estimate
    per_seed: np.ndarray
    playlist: Estimate | None = None
    subgenre: Estimate | None = None
    coverage: float | None = None
    popularity: float | None = None


@dataclass
class Report:
    rows: list[Row]
    weights: BlockWeights
    n_train: int
    n_validation: int
    margins: dict[str, Estimate] = field(default_factory=dict)
    plot: dict = field(default_factory=dict)
    held_out: HeldOut | None = None
    evidence: dict[str, Estimate] = field(default_factory=dict)


def _fit_va(catalog: Catalog, rows: np.ndarray, va: np.ndarray) -> VaModel:
    """The model `feelalike train-mood` trains: valence/arousal on the given labelled
    rows, the mood head on the catalog's mood tags (no valence/arousal labels there)."""
    model = VaModel().fit([catalog.tracks[r] for r in rows], va)
    tagged, moods = tag_moods(catalog.tracks)
    if len(tagged) >= 10:
        model.fit_moods([catalog.tracks[r] for r in tagged], moods)
    return model


def _blocks(catalog: Catalog, va_model: VaModel | None) -> Blocks:
    analysis = analyse_moods(catalog, [], load_lexicon(), va_model=va_model)
    return vector_blocks(catalog.tracks, analysis.profiles)


def _agreement(vectors: np.ndarray, rows: np.ndarray, va: np.ndarray,
               penalty: np.ndarray | None = None) -> np.ndarray:
    """Per-seed agreement, ranking the labelled rows among themselves."""
    ranked = cosine_rankings(vectors[rows], K, None if penalty is None else penalty[rows])
    return mood_agreement(ranked, va, range(len(rows)))


def tune(catalog: Catalog, rows: np.ndarray, va: np.ndarray, seed: int) -> BlockWeights:
    """Block weights chosen on train only: over ``SPLITS`` random halvings, a model is
    fitted on one half and every weighting scored on the other; the best mean wins."""
    combos = [BlockWeights(audio=a, mood=m, va=v)
              for a, m, v in itertools.product(GRID["audio"], GRID["mood"], GRID["va"])]
    totals = np.zeros(len(combos))
    rng = np.random.default_rng(seed)
    for _ in range(SPLITS):
        order = rng.permutation(len(rows))
        fit_half, score_half = order[: len(rows) // 2], order[len(rows) // 2:]
        blocks = _blocks(catalog, _fit_va(catalog, rows[fit_half], va[fit_half]))
        for i, weights in enumerate(combos):
            totals[i] += _agreement(blocks.combine(weights), rows[score_half],
                                    va[score_half]).mean()
    return combos[int(np.argmax(totals))]


def spotify_vectors(catalog: Catalog) -> np.ndarray:
    scaler = AudioScaler(features=AUDIO_FEATURES)
    raw = scaler.raw_matrix(catalog.tracks)
    return scaler.fit(raw).transform(raw)


def served_lists(vectors: np.ndarray, hubness: float) -> tuple[np.ndarray, np.ndarray]:
    """Top-10 lists exactly as the service builds them (``NeighbourModel``), and each
    track's hub discount (0 without hub reduction)."""
    model = NeighbourModel(k=100, hubness=0.0).fit(vectors)
    r = model.scores_[:, :HUB_NEIGHBOURS].mean(axis=1)
    rows, _ = reduce_hubs(model.neighbours_, model.scores_, hubness) if hubness > 0 \
        else (model.neighbours_, model.scores_)
    return rows[:, :K], hubness * (r - r.mean())


def run(catalog_path: str | Path, labels_dir: str | Path, *, seed: int = 0) -> Report:
    catalog = load_catalog([catalog_path])
    matcher = TrackMatcher(catalog.tracks)
    train_rows, train_va = labelled_rows(matcher, read_va_labels(Path(labels_dir) / "train.csv"))
    val_rows, val_va = labelled_rows(matcher, read_va_labels(Path(labels_dir) /
                                                         "validation.csv"))
    keep = ~np.isin(val_rows, train_rows)  # a song in both splits counts as train
    val_rows, val_va = val_rows[keep], val_va[keep]
    if len(val_rows) <= K or len(train_rows) < MIN_TRAIN:
        raise CatalogError(f"the labels match {len(train_rows)} train and {len(val_rows)} "
                           f"validation songs of the catalog; evaluating needs at least "
                           f"{MIN_TRAIN} and {K + 1}")
    weights = tune(catalog, train_rows, train_va, seed)
    plain, learned = _blocks(catalog, None), _blocks(catalog, _fit_va(catalog, train_rows,
                                                                      train_va))
    popularity = np.array([t.popularity or 0.0 for t in catalog.tracks])
    rng = np.random.default_rng(seed)
    n = len(val_rows)
    candidates = {
        "random": np.array([rng.permutation(np.delete(np.arange(n), i))[:K] for i in range(n)]),
        "popularity": _popular(popularity[val_rows]),
    }
    spaces = {
        "Spotify features (cosine)": spotify_vectors(catalog),
        "audio features only": plain.combine(BlockWeights(audio=1, mood=0, va=0)),
        "moods only": plain.combine(BlockWeights(audio=0, mood=1, va=1)),
        "fused (no learned model)": plain.combine(weights),
        "fused + learned, untuned (1,1,1)": learned.combine(UNTUNED),
        "fused + learned, tuned weights": learned.combine(weights),
    }
    rows = [Row(name, bootstrap(s := mood_agreement(ranked, val_va, range(n)), seed=seed), s)
            for name, ranked in candidates.items()]
    groups = read_groups(catalog_path, catalog)
    coherence_seeds = rng.choice(len(catalog.tracks), min(COHERENCE_SEEDS, len(catalog.tracks)),
                                 replace=False)
    for name, vectors in spaces.items():
        ours = name.startswith("fused")  # served with hub reduction; baselines plain
        hubness = HUBNESS if ours else 0.0
        if ours or name.startswith("Spotify"):
            neighbours, penalty = served_lists(vectors, hubness)
            per_seed = _agreement(vectors, val_rows, val_va, penalty)
            row = Row(name, bootstrap(per_seed, seed=seed), per_seed)
            _catalog_figures(row, neighbours, groups, coherence_seeds, popularity, seed)
        else:
            per_seed = _agreement(vectors, val_rows, val_va)
            row = Row(name, bootstrap(per_seed, seed=seed), per_seed)
        rows.append(row)
    # the served default: the same build() the service publishes, hub reduction included
    feel = FeelModel().fit(catalog.tracks, train_rows, train_va)
    built = build(catalog, [], k=100, feel_model=feel)
    _, penalty = served_lists(built.vectors, HUBNESS)
    per_seed = _agreement(built.vectors, val_rows, val_va, penalty)
    served = Row(SERVED, bootstrap(per_seed, seed=seed), per_seed)
    _catalog_figures(served, built.neighbours[:, :K], groups, coherence_seeds, popularity, seed)
    rows.append(served)
    margins = {r.name: paired_difference(served.per_seed, r.per_seed, seed=seed)
               for r in rows[:-1]}
    spotify_lists, _ = served_lists(spaces["Spotify features (cosine)"], 0.0)
    held_out = playlist_held_out(catalog_path, catalog, train_rows, train_va, spotify_lists,
                                 seed=seed)
    evidence = {kind: est for kind, (est, _) in
                evidence_agreement(catalog, feel, val_rows, val_va, seed=seed).items()}
    sample = rng.choice(len(catalog.tracks), min(4000, len(catalog.tracks)), replace=False)
    plot = {"va": val_va, "vectors": built.vectors[val_rows],
            "titles": [catalog.tracks[r].title for r in val_rows],
            "map_vectors": built.vectors[sample],
            "map_moods": [built.profiles[r].top(1) for r in sample],
            "map_va": np.array([[built.profiles[r].valence, built.profiles[r].arousal]
                                for r in sample])}
    return Report(rows, weights, len(train_rows), n, margins, plot, held_out, evidence)


def _popular(pop: np.ndarray) -> np.ndarray:
    order = np.argsort(-pop, kind="stable")
    return np.array([[j for j in order if j != i][:K] for i in range(len(pop))])


def _catalog_figures(row: Row, neighbours: np.ndarray, groups, seeds: np.ndarray,
                     popularity: np.ndarray, seed: int) -> None:
    playlists, subgenres = groups
    row.playlist = bootstrap(shared_share(neighbours, playlists, seeds), seed=seed)
    row.subgenre = bootstrap(shared_share(neighbours, subgenres, seeds), seed=seed)
    row.coverage = coverage(neighbours, len(neighbours))
    row.popularity = popularity_lift(neighbours, popularity)


def format_report(report: Report) -> str:
    lines = [f"Mood agreement @{K}: {report.n_validation} validation seeds (candidates: the "
             f"other validation tracks); model and weights fitted on {report.n_train} train "
             f"tracks. Tuned weights: audio {report.weights.audio}, moods "
             f"{report.weights.mood}, valence/arousal {report.weights.va}.",
             f"{'model':<32}{'mood agreement @10':>26}{'playlist @10':>24}"
             f"{'subgenre @10':>24}{'coverage':>10}{'pop lift':>10}"]
    for r in report.rows:
        fmt = lambda e: str(e) if e is not None else "-"
        lines.append(f"{r.name:<32}{str(r.agreement):>26}{fmt(r.playlist):>24}"
                     f"{fmt(r.subgenre):>24}"
                     f"{(f'{r.coverage:.3f}' if r.coverage is not None else '-'):>10}"
                     f"{(f'{r.popularity:.2f}' if r.popularity is not None else '-'):>10}")
    lines.append("")
    lines.append(f"margin of '{report.rows[-1].name}' over each (paired bootstrap 95%):")
    for name, est in report.margins.items():
        lines.append(f"  vs {name:<32}{str(est):>26}")
    if report.evidence:
        lines += ["", "served feel model, validation mood agreement @10 by evidence kind:"]
        lines += [f"  {kind:<30}{str(est):>26}" for kind, est in report.evidence.items()]
    if report.held_out:
        h = report.held_out
        lines += ["", f"playlist held out ({h.playlists} playlists hidden from training, "
                      f"{h.seeds} seeds in them): share of top 10 in the seed's playlist",
                  f"  {'served feel model':<30}{str(h.feel):>26}",
                  f"  {'Spotify features (cosine)':<30}{str(h.baseline):>26}",
                  f"  {'margin':<30}{str(h.margin):>26}"]
    return "\n".join(lines)
