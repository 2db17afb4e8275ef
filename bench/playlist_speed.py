"""What a playlist asked in minutes costs against one asked by count, on the live model.

    python bench/playlist_speed.py [--seeds 20] [--arc sad:joyful]
                                   [--sizes 20:70,100:350]

Reads the published model (``REDIS_URL`` or the embedded Redis under
``FEELALIKE_DATA_HOME``; ``feelalike build --catalog tidytuesday_spotify_songs.csv``
makes one) and, for a fixed sample of seed tracks, makes through the API's own view
function (no HTTP) playlists by count and by minutes of about the same size (each
``COUNT:MINUTES`` of ``--sizes``), without an arc (flow) and along ``--arc``: every
kind once per seed, interleaved, so that the machine's load falls on all alike.
Prints per kind the median and p90 time in ms, the mean number of tracks, and the
ratio of the minutes' median to the count's.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from service.requests import PlaylistBody, parse  # noqa: E402
from service.resources import Resources  # noqa: E402
from service.store import open_store  # noqa: E402
from service.views.playlists import playlist  # noqa: E402


def kinds(sizes: list[tuple[int, float]], arc: tuple[str, ...],
          ) -> list[tuple[str, dict, str]]:
    """(name, body without the seed, the name of the count it compares with) for every
    size, count and minutes, flow and arc; a count asked twice is timed once."""
    out: dict[str, tuple[dict, str]] = {}
    for count, minutes in sizes:
        for shape, extra in (("flow", {}), ("arc", {"arc": {"from": arc[0], "to": arc[1]}})):
            by_count = f"{shape} {count} tracks"
            out[by_count] = ({"length": count, **extra}, "")
            out[f"{shape} {minutes:g} min"] = ({"minutes": minutes, **extra}, by_count)
    return [(name, body, against) for name, (body, against) in out.items()]


def timed(res, body: dict) -> tuple[float, int]:
    """Milliseconds to make the playlist, and how many tracks it holds."""
    parsed = parse(PlaylistBody, body)
    t0 = time.perf_counter()
    made = playlist(res, parsed)
    return (time.perf_counter() - t0) * 1000, len(made["tracks"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--arc", default="sad:joyful")
    parser.add_argument("--sizes", default="20:70,100:350",
                        help="COUNT:MINUTES pairs of about the same size")
    args = parser.parse_args()
    sizes = [(int(c), float(m)) for c, m in (p.split(":") for p in args.sizes.split(","))]
    res = Resources(open_store()).current()
    table = res.table
    rng = np.random.default_rng(0)
    seeds = [table.ids[int(r)] for r in rng.choice(len(table), args.seeds, replace=False)]
    todo = kinds(sizes, tuple(args.arc.split(":")))
    timed(res, {"seed": seeds[0], **todo[0][1]})  # warm the caches once
    ms: dict[str, list[float]] = {name: [] for name, _, _ in todo}
    n: dict[str, list[int]] = {name: [] for name, _, _ in todo}
    for seed in seeds:
        for name, body, _ in todo:
            took, count = timed(res, {"seed": seed, **body})
            ms[name].append(took)
            n[name].append(count)
    print(f"model {res.version}: {len(table)} tracks, {len(seeds)} seeds, arc {args.arc}")
    print(f"{'kind':22} {'tracks':>7} {'median ms':>10} {'p90 ms':>8} {'min/count':>10}")
    for name, _, against in todo:
        median = statistics.median(ms[name])
        ratio = f"{median / statistics.median(ms[against]):.2f}" if against else ""
        print(f"{name:22} {np.mean(n[name]):7.1f} {median:10.1f} "
              f"{np.percentile(ms[name], 90):8.1f} {ratio:>10}")


if __name__ == "__main__":
    main()
