"""Recommendation quality against honest baselines (see docs/quality.md).

    python bench/evaluate.py [--seed 0] [--png docs/quality_va.png]
    (the same table as: feelalike evaluate --png docs/quality_va.png)

Also draws docs/feel_map.png (the catalog in the served feel space, by strongest mood)
and docs/quality_evidence.png (validation agreement by kind of evidence).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from models.evaluation import format_report, run  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"


def draw(report, path: str) -> None:
    """Validation tracks in true valence/arousal, one seed and its recommendations."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    from models.evaluation import cosine_rankings

    va, vectors = report.plot["va"], report.plot["vectors"]
    ranked = cosine_rankings(vectors, 10)
    seed = int(np.argmax(report.rows[-1].per_seed * (np.abs(va).sum(axis=1) > 1.0)))
    fig, ax = plt.subplots(figsize=(7, 6))
    ax.scatter(va[:, 0], va[:, 1], s=10, c="#cccccc", label="validation tracks")
    ax.scatter(va[ranked[seed], 0], va[ranked[seed], 1], s=40, c="#1f77b4",
               label="its top 10 (served default)")
    ax.scatter(*va[seed], s=160, c="#d62728", marker="*", label="seed: "
               + report.plot["titles"][seed][:40])
    ax.set_xlabel("valence (Deezer label)")
    ax.set_ylabel("arousal (Deezer label)")
    ax.set_title("Recommendations in true valence/arousal space")
    ax.legend(loc="lower right", fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def draw_map(report, path: str) -> None:
    """The catalog sample in the feel space: its first two principal axes, coloured by
    each track's strongest mood; and learned valence/arousal beside it."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    x = np.asarray(report.plot["map_vectors"], dtype=np.float64)[:, :-1]
    x = x - x.mean(axis=0)
    _, _, vt = np.linalg.svd(x, full_matrices=False)
    xy = x @ vt[:2].T
    moods = [m[0] if m else "none" for m in report.plot["map_moods"]]
    names = sorted(set(moods), key=moods.count, reverse=True)[:10]
    cmap = plt.get_cmap("tab10")
    fig, axes = plt.subplots(1, 2, figsize=(13, 6))
    va = report.plot["map_va"]
    for i, name in enumerate(names):
        sel = np.array([m == name for m in moods])
        axes[0].scatter(xy[sel, 0], xy[sel, 1], s=4, color=cmap(i), label=name)
        axes[1].scatter(va[sel, 0], va[sel, 1], s=4, color=cmap(i), label=name)
    axes[0].set_title("Feel space (first two principal axes), 4,000 catalog tracks")
    axes[1].set_title("Learned valence / arousal of the same tracks")
    axes[1].set_xlabel("valence")
    axes[1].set_ylabel("arousal")
    axes[0].legend(markerscale=4, fontsize=8, title="strongest mood")
    fig.tight_layout()
    fig.savefig(path, dpi=100)


def draw_evidence(report, path: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    kinds = list(report.evidence)
    est = [report.evidence[k] for k in kinds]
    fig, ax = plt.subplots(figsize=(7, 4))
    ax.bar(kinds, [e.mean for e in est], color="#1f77b4",
           yerr=[[e.mean - e.low for e in est], [e.high - e.mean for e in est]], capsize=4)
    base = next(r for r in report.rows if r.name.startswith("Spotify"))
    ax.axhline(base.agreement.mean, color="#d62728", ls="--",
               label="Spotify features (cosine), full evidence")
    ax.set_ylabel("validation mood agreement @10")
    ax.set_title("Served feel model by kind of evidence (95% bootstrap)")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=100)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--png", default=str(ROOT / "docs" / "quality_va.png"))
    parser.add_argument("--catalog", default=str(SHARED / "catalog" /
                                                 "tidytuesday_spotify_songs.csv"))
    parser.add_argument("--labels", default=str(SHARED / "moods" / "deezer"))
    args = parser.parse_args()
    result = run(args.catalog, args.labels, seed=args.seed)
    print(format_report(result))
    if args.png:
        draw(result, args.png)
        folder = Path(args.png).parent
        draw_map(result, str(folder / "feel_map.png"))
        draw_evidence(result, str(folder / "quality_evidence.png"))
        print(f"\nwrote {args.png}, feel_map.png and quality_evidence.png")
