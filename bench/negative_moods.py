"""Negative seeds beside moods alone: do the results leave the negative seed's sound?

    feelalike demo                      # in another terminal (or any built data home)
    python bench/negative_moods.py [--base http://127.0.0.1:8000]   # pip install '.[bench]'

For six seeds, each as the negative seed of four seeded-random moods alone: the top 10
with the seed only excluded (what such a request got before negative seeds counted
without seeds) and with it as a negative seed. Printed: the share of the results among
the negative seed's own 100 nearest, and the share labelled with the mood asked for.
"""
from __future__ import annotations

import argparse
import random

import numpy as np
import requests
from _api import recommend

from models.language import MOODS

SEEDS = ("Loneliness #3", "Dance Monkey", "Someone You Loved", "Bad Guy",
         "Smells Like Teen Spirit", "Señorita")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    base = parser.parse_args().base.rstrip("/")
    rng = random.Random(0)
    near_share, labelled = {"excluded": [], "negative": []}, {"excluded": [], "negative": []}
    for seed in SEEDS:
        seed_id = requests.get(f"{base}/v1/recommendations", params={"seed": seed, "limit": 1},
                               timeout=60).json()["seed"]["id"]
        near = {r["id"] for r in recommend(base, {"seeds": [seed_id]}, 100)}
        for mood in rng.sample(MOODS, 4):
            for kind, extra in (("excluded", {"exclude_ids": [seed_id]}),
                                ("negative", {"negative_seeds": [seed_id]})):
                results = recommend(base, {"moods": {mood: 1}, **extra}, 10)
                near_share[kind].append(np.mean([r["id"] in near for r in results]))
                labelled[kind].append(np.mean([mood in r["moods"] for r in results]))
    print(f"{'negative seed':14s} {'near it':>8s} {'labelled':>9s}   ({len(SEEDS) * 4} requests)")
    for kind in ("excluded", "negative"):
        print(f"{kind:14s} {np.mean(near_share[kind]):8.3f} {np.mean(labelled[kind]):9.3f}")


if __name__ == "__main__":
    main()
