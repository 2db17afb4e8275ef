"""Does a pretrained audio embedding (musicnn) find clips that feel alike better than our
analysis?  Same dev set, folds, seeds and scoring as bench/audio_eval.py, on embeddings
extracted once and saved as npz (docs/audio.md, "A pretrained embedding: musicnn").

    python bench/embedding_eval.py --embeddings musicnn_embeddings.npz [--cache DIR]
        [--no-served]
    python bench/embedding_eval.py --speed 4     # analysis with and without the embedding

The npz holds ``files`` (each clip's path) and, per model (``MSD_musicnn``,
``MTT_musicnn``), ``<model>_pen_mean`` (the 200-d penultimate layer averaged over the
clip's 3 s patches) and ``<model>_tags_mean`` (the 50 tag probabilities averaged); how
it was made is in docs/audio.md (TensorFlow, outside the project).  No TensorFlow here.

Rows: an input set ranked by cosine of its standardised values ("cosine"), or fed to
the audio feel model's ridge (``AudioFeel``, fitted on the other folds plus the
generated clips) whose emotion space is ranked by cosine ("ridge"); "1-D" ranks by
that ridge's predicted valence alone (a diagnostic).  Every figure is cross-validated;
"within fold" ranks only the seed's own fold (every candidate unseen).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import audio_eval as E

from models import settings
from models.audio import AudioCache, AudioFeel, emotion_set, label_va
from models.build import BuildOptions
from models.evaluation import bootstrap, paired_difference

MODELS = ("MSD_musicnn", "MTT_musicnn")


def named(prefix: str, x: np.ndarray) -> list[dict[str, float]]:
    return [{f"{prefix}_{j}": float(v) for j, v in enumerate(row)} for row in x]


def joined(*parts: list[dict[str, float]]) -> list[dict[str, float]]:
    return [{k: v for part in row for k, v in part.items()} for row in zip(*parts)]


def inputs(npz: dict[str, np.ndarray], files: list[Path],
           analysis: list[dict[str, float]]) -> dict[str, list[dict[str, float]]]:
    """Each input set as rows (one per clip, in ``files`` order) of named numbers."""
    at = {Path(str(p)).resolve(): i for i, p in enumerate(npz["files"])}
    order = [at[f.resolve()] for f in files]
    pen = {m: named(m + "_pen", npz[m + "_pen_mean"][order]) for m in MODELS}
    tags = {m: named(m + "_tag", npz[m + "_tags_mean"][order]) for m in MODELS}
    return {"analysis": analysis,
            **{f"{m} penultimate": pen[m] for m in MODELS},
            **{f"{m} tags": tags[m] for m in MODELS},
            "MSD+MTT penultimate": joined(*pen.values()),
            "MSD+MTT tags": joined(*tags.values()),
            "analysis + MTT penultimate": joined(analysis, pen["MTT_musicnn"]),
            "analysis + MSD+MTT penultimate": joined(analysis, *pen.values()),
            "analysis + MSD+MTT tags": joined(analysis, *tags.values())}


def fitted(rows: list[dict[str, float]], fractions: np.ndarray, labelled: int,
           train: np.ndarray) -> AudioFeel:
    """The served ridge on ``rows``: the clips ``train`` plus every filed clip."""
    use = np.concatenate([train, np.arange(labelled, len(rows))])
    return AudioFeel().fit([rows[r] for r in use], fractions[use])


def methods(sets: dict[str, list[dict[str, float]]], fractions: np.ndarray, n: int):
    out = {}
    for name, rows in sets.items():
        x = E.matrix(rows[:n])
        out[f"{name}, cosine"] = lambda tr, x=x: E.by_cosine(E.standardise(x))
        out[f"{name}, ridge"] = lambda tr, rows=rows: E.by_cosine(
            fitted(rows, fractions, n, tr).embed(rows[:n]))
        out[f"{name}, ridge valence 1-D"] = lambda tr, rows=rows: E.by_distance(
            fitted(rows, fractions, n, tr).va(rows[:n])[:, 0])
    return out


def valence_r(rows: list[dict[str, float]], fractions: np.ndarray, n: int,
              folds: np.ndarray) -> float:
    pred = np.zeros(n)
    for f in np.unique(folds):
        test = np.flatnonzero(folds == f)
        model = fitted(rows, fractions, n, np.flatnonzero(folds != f))
        pred[test] = model.va([rows[r] for r in test])[:, 0]
    return float(np.corrcoef(pred, label_va(fractions[:n])[:, 0])[0, 1])


def speed(clips: int, model: str = "MTT_musicnn") -> None:
    """Seconds per file of the analysis alone and with the embedding (numpy forward pass,
    weights from FEELALIKE_MUSICNN_DIR), one process, alternating file by file."""
    import time

    from models.audio import analyse, embedding_network

    embedding_network(model)  # weights read (and cached) before timing
    files = sorted(E.CLIPS.glob("*.ogg"))[::50][:clips]
    plain, heard = [], []
    for path in files:
        for out, embedding in ((plain, ""), (heard, model)):
            started = time.perf_counter()
            analyse(path, 120.0, embedding)
            out.append(time.perf_counter() - started)
    print(f"{len(files)} clips, one process: analysis median {np.median(plain):.2f} s/file, "
          f"with {model} {np.median(heard):.2f} s/file, ratio "
          f"{np.median(heard) / np.median(plain):.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--embeddings", help="npz of saved embeddings (see above)")
    parser.add_argument("--speed", type=int, default=0, help="time N clips instead")
    parser.add_argument("--cache", default=None, help="audio cache (default: the data home's)")
    parser.add_argument("--no-served", action="store_true", help="skip the served-path rows")
    args = parser.parse_args()
    if args.speed:
        speed(args.speed)
        return
    if not args.embeddings:
        parser.error("--embeddings is required (or --speed N)")
    cache = AudioCache(args.cache or settings.audio_cache_dir())
    data = emotion_set(E.CLIPS, [E.EXTRA], cache=cache, workers=2)
    n = data.labelled
    with np.load(args.embeddings, allow_pickle=False) as loaded:
        npz = {k: loaded[k] for k in loaded.files}
    sets = inputs(npz, data.files, data.rows)
    genres = np.array([f.name.split("_")[0] for f in data.files[:n]])
    judge, folds = E.Judge(data.fractions[:n], genres), E.fold_of(genres, 5)
    ranks = methods(sets, data.fractions, n)
    if not args.no_served:
        ranks["served: build --audio-dir (plain blocks)"] = lambda tr: E.served(
            data, tr, BuildOptions(audio_cache=cache.folder))
    print(f"{n} clips, 5 folds; out-of-fold valence r of each ridge (same folds):")
    for name, rows in sets.items():
        print(f"  {name:<40}{valence_r(rows, data.fractions, n, folds):.3f}")
    results = {name: E.cross_validated(judge, folds, rank) for name, rank in ranks.items()}
    E.table(results)
    within = {f"{name}, within fold": E.cross_validated(judge, folds, rank, True)
              for name, rank in ranks.items()}
    E.table(within)
    ref = "analysis, ridge"
    for label, res, suffix in (("all", results, ""), ("within fold", within, ", within fold")):
        for name in res:
            if name != ref + suffix and not name.endswith("1-D" + suffix):
                e = paired_difference(res[name]["emotion"], res[ref + suffix]["emotion"])
                v = paired_difference(res[name]["valence"], res[ref + suffix]["valence"])
                print(f"{label}: {name} - {ref}: emotion {e}, valence side {v}")
    print("bootstrap check:", bootstrap(within[ref + ", within fold"]["valence"]))


if __name__ == "__main__":
    main()
