"""Whether a playlist along a mood arc ends on a track that carries the arc's end mood,
and what that costs in nearness to the seed.

    python bench/arc_ends.py [--seeds 40] [--length 12] [--base URL]

Reads the published model (``REDIS_URL`` or the embedded Redis under
``FEELALIKE_DATA_HOME``; ``feelalike demo --no-serve`` makes one) and asks POST
/v1/playlists (the view function itself, or the API at ``--base`` when given: it must
serve the same model, whose vectors are read here) for a fixed sample of seed tracks
(seeded random) along each of a few arcs, and prints per arc's end mood the mean over
seeds and arcs of:

* ``labelled``: share of the playlists whose last track lists the end mood among its
  ``moods`` (the track's labels, ``top_moods`` of its document);
* ``last cos``: cosine of the last track's vector to the seed's (the full vectors);
* ``world cos``: the same over the columns that do not carry mood (how it sounds and
  where it belongs: what an arc keeps of its seed);
* ``last va``: distance in valence/arousal from the last track to the arc's last point;
* ``mood err``: mean distance in valence/arousal from each track to its arc point;
* ``warned``: share of the playlists whose warnings say the end mood is not carried.
"""
from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from service.requests import PlaylistBody, parse  # noqa: E402
from service.resources import Resources  # noqa: E402
from service.store import open_store  # noqa: E402
from service.views.playlists import playlist  # noqa: E402

ARCS = (("energetic", "peaceful"), ("joyful", "sad"), ("sad", "energetic"),
        ("lonely", "joyful"), ("energetic", "tender"), ("aggressive", "peaceful"),
        ("peaceful", "joyful"), ("tense", "dreamy"))
COLUMNS = ("labelled", "last cos", "world cos", "last va", "mood err", "warned")


def asker(res, base: str | None):
    """A function from a request body to the answer's JSON: in process, or over HTTP."""
    if base is None:
        return lambda body: playlist(res, parse(PlaylistBody, body))
    import requests

    session = requests.Session()

    def ask(body: dict) -> dict:
        answer = session.post(base.rstrip("/") + "/v1/playlists", json=body, timeout=60)
        answer.raise_for_status()
        return answer.json()
    return ask


def measure(res, ask, seed: str, arc: tuple[str, str], length: int) -> dict[str, float]:
    answer = ask({"seed": seed, "length": length, "arc": {"from": arc[0], "to": arc[1]}})
    tracks, points = answer["tracks"], answer["arc"]
    if not tracks:
        return {}
    table = res.table
    last, first = res.resolve(tracks[-1]["id"]), res.resolve(seed)
    world = table.world_unit if table.world_unit is not None else table.unit_vectors
    va = np.array([[t["valence"], t["arousal"]] for t in tracks], dtype=float)
    aim = np.array([[p["valence"], p["arousal"]] for p in points], dtype=float)
    off = np.linalg.norm(np.nan_to_num(va) - aim[:len(va)], axis=1)
    warned = any(f"labelled {arc[1]}" in w for w in answer.get("warnings", []))
    return {"labelled": float(arc[1] in tracks[-1]["moods"]),
            "last cos": float(table.unit_vectors[last] @ table.unit_vectors[first]),
            "world cos": float(world[last] @ world[first]),
            "last va": float(off[-1]), "mood err": float(off.mean()), "warned": float(warned)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, default=40)
    parser.add_argument("--length", type=int, default=12)
    parser.add_argument("--base", default=None, help="ask the API at this URL instead")
    args = parser.parse_args()
    res = Resources(open_store()).current()
    rng = np.random.default_rng(7)
    seeds = [res.table.ids[int(r)] for r in rng.choice(len(res.table), args.seeds,
                                                         replace=False)]
    ask, by_end = asker(res, args.base), defaultdict(list)
    for arc in ARCS:
        for seed in seeds:
            row = measure(res, ask, seed, arc, args.length)
            if row:
                by_end[f"{arc[0]} -> {arc[1]}"].append(row)
    print(f"model {res.version}: {len(res.table)} tracks, {len(seeds)} seeds, "
          f"length {args.length}")
    print(f"{'arc':24}" + "".join(f"{c:>10}" for c in COLUMNS))
    every = [row for rows in by_end.values() for row in rows]
    for name, rows in [*by_end.items(), ("all", every)]:
        print(f"{name:24}" + "".join(f"{np.mean([r[c] for r in rows]):>10.3f}"
                                     for c in COLUMNS))


if __name__ == "__main__":
    main()
