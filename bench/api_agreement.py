"""Validation mood agreement@10 of the served default, scored through the running API.

    feelalike demo                      # in another terminal (or any data home built so)
    python bench/api_agreement.py [--base http://127.0.0.1:8000]   # pip install '.[bench]'

Each validation song (the Deezer labels joined to the TidyTuesday catalog, one row per
song, as ``bench/evaluate.py`` joins them) is the seed of ``POST /v1/recommendations``
with the other validation songs as ``include_ids``; the top 10 are scored with
``models.evaluation.mood_agreement`` and a bootstrap interval over seeds.  What the
harness computes from vectors, this reads from the service a user runs.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from models.evaluation import bootstrap, mood_agreement  # noqa: E402
from models.ingest import TrackMatcher, labelled_rows, load_catalog, read_va_labels  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
K = 10


def validation_songs(catalog_path: Path, labels: Path) -> tuple[list[str], np.ndarray]:
    """Track ids and true (valence, arousal) of the validation songs not in train."""
    catalog = load_catalog([catalog_path])
    matcher = TrackMatcher(catalog.tracks)
    train, _ = labelled_rows(matcher, read_va_labels(labels / "train.csv"))
    rows, va = labelled_rows(matcher, read_va_labels(labels / "validation.csv"))
    keep = ~np.isin(rows, train)
    return [catalog.tracks[r].id for r in rows[keep]], va[keep]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--catalog", default=str(SHARED / "catalog" /
                                                 "tidytuesday_spotify_songs.csv"))
    parser.add_argument("--labels", default=str(SHARED / "moods" / "deezer"))
    args = parser.parse_args()
    ids, va = validation_songs(Path(args.catalog), Path(args.labels))
    at = {track: i for i, track in enumerate(ids)}
    ranked = np.zeros((len(ids), K), dtype=np.int64)
    for i, seed in enumerate(ids):
        answer = requests.post(f"{args.base}/v1/recommendations", timeout=60,
                               json={"seeds": [seed], "include_ids": ids, "limit": K})
        answer.raise_for_status()
        got = [at[r["id"]] for r in answer.json()["results"]]
        if len(got) < K:
            sys.exit(f"seed {seed}: only {len(got)} results")
        ranked[i] = got
    per_seed = mood_agreement(ranked, va, range(len(ids)))
    print(f"{len(ids)} validation seeds through {args.base}: mood agreement @{K} "
          f"{bootstrap(per_seed, seed=0)}")


if __name__ == "__main__":
    main()
