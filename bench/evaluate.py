"""Recommendation quality against honest baselines (see docs/quality.md).

    python bench/evaluate.py [--seed 0] [--png docs/quality_va.png]
    (the same as: feelalike evaluate --png docs/quality_va.png)
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
               label="its top 10 (fused + learned, tuned)")
    ax.scatter(*va[seed], s=160, c="#d62728", marker="*", label="seed: "
               + report.plot["titles"][seed][:40])
    ax.set_xlabel("valence (Deezer label)")
    ax.set_ylabel("arousal (Deezer label)")
    ax.set_title("Recommendations in true valence/arousal space")
    ax.legend(loc="lower right", fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)


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
        print(f"\nwrote {args.png}")
