"""A seed beside moods, text or targets, on the live model.

    python bench/seed_blend.py [--seeds 40]

Reads the published model (``feelalike demo --no-serve`` makes one under
``FEELALIKE_DATA_HOME``). For a fixed sample of seed tracks (plus two "Her" cues) it
asks POST /v1/recommendations (the view function itself) for the seed alone and with
each of a few extras, and prints per extra: ``distinct`` tracks over all top 10s and
``repeats``, the most seeds' lists one track is in (the same few tracks for every seed
is a hub); ``in top100``, how many of the 10 are in the seed's own top 100; the median
``energy`` shift and the asked mood's mean score ``gain`` against the seed's own top
10 (the lean); ``shared``, the share in a Spotify playlist with the seed (the judge the
model does not own; seeds from the TidyTuesday catalog); ``labelled``, the share of the
10 with the asked mood among their three strongest scores (a result lists only moods at
least 0.6 as strong as its top one, so slightly fewer: 0.486 where this reads 0.514).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from playlist_quality import DEFAULT, spotify_playlists  # noqa: E402
from models.language import MOODS  # noqa: E402
from service.requests import RecommendBody, parse  # noqa: E402
from service.resources import Resources  # noqa: E402
from service.store import open_store  # noqa: E402
from service.views.recommendations import rich  # noqa: E402

EXTRAS = ({"moods": {"peaceful": 0.5}}, {"moods": {"sad": 1.0}},
          {"moods": {"energetic": 0.3}}, {"text": "rainy sunday"}, {"target_energy": 0.2})


def ask(res, seed: str, limit: int, **extra) -> list[int]:
    body = parse(RecommendBody, {"seeds": [seed], "limit": limit, **extra})
    return [res.resolve(r["id"]) for r in rich(res, body)["results"]]


def measure(res, seeds: list[str], groups: dict, extra: dict) -> dict[str, float]:
    table = res.table
    energy, counts, rows_of = table.column("energy"), Counter(), {}
    overlap, shift, gain, shared, labelled = [], [], [], [], []
    for seed in seeds:
        plain, leaned = ask(res, seed, 100), ask(res, seed, 10, **extra)
        counts.update(leaned)
        overlap.append(len(set(plain) & set(leaned)))
        shift.append(np.nanmedian(energy[leaned]) - np.nanmedian(energy[plain[:10]]))
        if "moods" in extra:
            mood = MOODS.index(next(iter(extra["moods"])))
            gain.append(table.moods[leaned, mood].mean() - table.moods[plain[:10], mood].mean())
            top3 = np.argsort(-np.nan_to_num(table.moods[leaned]), axis=1)[:, :3]
            labelled.append(float(np.mean(np.any(top3 == mood, axis=1))))
        if groups.get(seed):
            shared.append(np.mean([bool(groups[seed] & groups.get(table.ids[r], frozenset()))
                                   for r in leaned]))
        rows_of[seed] = leaned
    return {"distinct": len(counts), "repeats": counts.most_common(1)[0][1],
            "in top100": float(np.mean(overlap)), "energy": float(np.nanmedian(shift)),
            "gain": float(np.mean(gain)) if gain else float("nan"),
            "labelled": float(np.mean(labelled)) if labelled else float("nan"),
            "shared": float(np.mean(shared)) if shared else float("nan")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, default=40)
    parser.add_argument("--catalog", type=Path, default=DEFAULT)
    args = parser.parse_args()
    res = Resources(open_store()).current()
    table = res.table
    rng = np.random.default_rng(1)
    seeds = [table.ids[int(r)] for r in rng.choice(len(table), args.seeds, replace=False)]
    seeds += [i for i in ("her-loneliness-3", "her-sleepwalker") if i in set(table.ids)]
    groups = spotify_playlists(args.catalog)
    print(f"model {res.version}: {len(table)} tracks, {len(seeds)} seeds, top 10")
    print(f"{'extra':34} {'distinct':>9} {'repeats':>8} {'in top100':>10} {'energy':>7} "
          f"{'gain':>6} {'shared':>7} {'labelled':>8}")
    for extra in EXTRAS:
        m = measure(res, seeds, groups, extra)
        print(f"{json.dumps(extra):34} {m['distinct']:>5}/{10 * len(seeds):<3} "
              f"{m['repeats']:>5}/{len(seeds):<2} {m['in top100']:>10.1f} {m['energy']:>+7.3f} "
              f"{m['gain']:>+6.3f} {m['shared']:>7.3f} {m['labelled']:>8.2f}")


if __name__ == "__main__":
    main()
