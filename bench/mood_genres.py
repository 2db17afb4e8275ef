"""Mood-only requests: do their lists span the catalog's genres, and keep the mood?

    feelalike demo                      # in another terminal (or any built data home)
    python bench/mood_genres.py [--base http://127.0.0.1:8000] [--diversity 0 0.3]

For each of the 16 moods, ``POST /v1/recommendations`` with ``{"moods": {mood: 1}}``
and limit 10 (no seed, no filter), and for each ``diversity`` given (none: the
request leaves it out, the served default), per mood and on average: **genre**, the
share of the top 10 in its most common genre (the TidyTuesday catalog's
``playlist_genre``; 1/6 when the six are even, 1.0 when one genre holds the list);
**genres**, how many genres the list spans; **mood**, the share of the top 10 whose
listed moods hold the asked one; **score**, the results' mean score.
"""
from __future__ import annotations

import argparse
import csv
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
import requests

ROOT = Path(__file__).resolve().parents[1]
CATALOG = ROOT.parent / "shared" / "data" / "catalog" / "tidytuesday_spotify_songs.csv"
MOODS = ["joyful", "playful", "energetic", "epic", "aggressive", "tense", "eerie", "sad",
         "lonely", "nostalgic", "tender", "romantic", "peaceful", "dreamy", "hopeful",
         "curious"]


def genres_by_id() -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    with CATALOG.open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            out[row["track_id"]].add(row["playlist_genre"])
    return out


def one(base: str, mood: str, diversity: float | None,
        genres: dict[str, set[str]]) -> tuple[float, int, float, float]:
    body: dict = {"moods": {mood: 1}, "limit": 10}
    if diversity is not None:
        body["diversity"] = diversity
    results = requests.post(f"{base}/v1/recommendations", json=body, timeout=60).json()
    results = results["results"]
    counts = Counter(g for r in results for g in genres.get(r["id"], ()))
    top = counts.most_common(1)[0][1] / len(results) if counts else float("nan")
    labelled = float(np.mean([mood in r["moods"] for r in results]))
    return top, len(counts), labelled, float(np.mean([r["score"] for r in results]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--diversity", type=float, nargs="*", default=[])
    args = parser.parse_args()
    genres = genres_by_id()
    settings = [None, *args.diversity]
    rows = {d: [one(args.base, m, d, genres) for m in MOODS] for d in settings}
    head = "".join(f"  {'default' if d is None else f'div {d:g}':>24}" for d in settings)
    print(f"{'mood':<10}{head}")
    print(f"{'':<10}" + "  genre genres  mood score" * len(settings))
    for i, mood in enumerate(MOODS):
        print(f"{mood:<10}" + "".join(_cells(rows[d][i]) for d in settings))
    means = {d: tuple(np.nanmean([r[k] for r in rows[d]]) for k in range(4)) for d in settings}
    print(f"{'mean':<10}" + "".join(_cells(means[d]) for d in settings))


def _cells(row: tuple) -> str:
    top, spans, labelled, score = row
    return f"  {top:5.2f} {spans:6.1f} {labelled:5.2f} {score:5.3f}"


if __name__ == "__main__":
    main()
