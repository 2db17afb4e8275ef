"""Does a longer list begin as the shorter one did ("load more" must not reorder)?

    feelalike demo                      # in another terminal (or any built data home)
    python bench/load_more.py [--base http://127.0.0.1:8000]   # pip install '.[bench]'

For each of the 16 moods alone (a spread list, docs/quality.md) and for the first few
demo titles as seeds, ``POST /v1/recommendations`` at limits 5, 10, 20 and 50: printed,
per kind of request, how many requests' longer lists begin with the shorter ones, and
how many of the limit-5 list are the first five at limit 20 (of 5).
"""
from __future__ import annotations

import argparse

import numpy as np
from _api import recommend

from models.language import MOODS

LIMITS = (5, 10, 20, 50)
SEEDS = ("Loneliness #3", "Dance Monkey", "Someone You Loved", "Bad Guy", "Señorita")


def lists(base: str, body: dict) -> dict[int, list[str]]:
    return {limit: [r["id"] for r in recommend(base, body, limit)] for limit in LIMITS}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    base = parser.parse_args().base.rstrip("/")
    kinds = {"one mood": [{"moods": {m: 1}} for m in MOODS],
             "one seed": [{"seeds": [s]} for s in SEEDS]}
    print(f"{'request':10s} {'n':>3s} {'prefix-stable':>14s} {'top 5 kept':>11s}")
    for kind, bodies in kinds.items():
        stable, kept = [], []
        for body in bodies:
            got = lists(base, body)
            stable.append(all(got[b][:len(got[a])] == got[a]
                              for a, b in zip(LIMITS, LIMITS[1:])))
            kept.append(len(set(got[5]) & set(got[20][:5])))
        print(f"{kind:10s} {len(bodies):3d} {sum(stable):14d} {np.mean(kept):11.2f}")


if __name__ == "__main__":
    main()
