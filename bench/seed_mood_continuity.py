"""How far a small mood weight beside a seed moves its list, on the live model.

    python bench/seed_mood_continuity.py [--seeds 24]

Reads the published model (``feelalike demo --no-serve`` makes one under
``FEELALIKE_DATA_HOME``). For a fixed sample of seed tracks it asks
POST /v1/recommendations (the view function itself) for the seed alone (answered from
the precomputed, hub-discounted neighbour lists) and for the seed with
``"moods": {"sad": w}`` (the exact scan), and prints per weight the mean number of the
plain top 10 the leaned top 10 keeps, the fewest, and in how many seeds' lists all ten
stay. A weight of 1e-6 should keep all ten: the list must not jump when a curator moves a
mood slider up from zero.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from service.requests import RecommendBody, parse  # noqa: E402
from service.resources import Resources  # noqa: E402
from service.store import open_store  # noqa: E402
from service.views.recommendations import rich  # noqa: E402

WEIGHTS = (1e-6, 0.01, 0.1, 0.5, 1.0)


def ask(res, seed: str, **extra) -> list[str]:
    body = parse(RecommendBody, {"seeds": [seed], "limit": 10, **extra})
    return [r["id"] for r in rich(res, body)["results"]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, default=24)
    args = parser.parse_args()
    res = Resources(open_store()).current()
    table = res.table
    rng = np.random.default_rng(1)
    placed = np.flatnonzero(table.placed)
    seeds = [table.ids[int(r)] for r in rng.choice(placed, args.seeds, replace=False)]
    plain = {seed: set(ask(res, seed)) for seed in seeds}
    print(f"model {res.version}: {len(table)} tracks, {len(seeds)} seeds, top 10 of the "
          'seed alone kept by the seed with "moods": {"sad": w}')
    print(f"{'w':>8} {'mean':>6} {'fewest':>7} {'all 10':>7}")
    for weight in WEIGHTS:
        kept = [len(plain[s] & set(ask(res, s, moods={"sad": weight}))) for s in seeds]
        print(f"{weight:>8g} {np.mean(kept):>6.2f} {min(kept):>7} "
              f"{sum(k == 10 for k in kept):>4}/{len(seeds)}")


if __name__ == "__main__":
    main()
