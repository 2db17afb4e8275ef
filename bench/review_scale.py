"""Build time against the length of one album review (it should grow linearly).

    python bench/review_scale.py [--sizes 1000,2000,4000,8000] [--repeat 3]

A three-track album and one review made of a two-sentence unit (a title, mood words, a
comparison) repeated N times; the median of ``--repeat`` builds per size, in this
process.  Reading used to scan every title span for every mood word and count the
paragraph breaks from the top for every sentence: time grew with the square of the
length (docs/performance.md, "Long reviews").
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from models.build import build  # noqa: E402
from models.ingest import Catalog, Track  # noqa: E402
from models.language import Review  # noqa: E402

UNIT = "Song 1 is a lonely, aching, sad piece. It sounds like Song 2 but darker.\n\n"


def seconds(reps: int, repeat: int) -> float:
    tracks = [Track(id=f"t{i}", title=f"Song {i}", artist="A", album="Album") for i in range(3)]
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        build(Catalog(tracks=list(tracks)), [Review(text=UNIT * reps, album="Album")], k=2)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,2000,4000,8000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"{'review kB':>10}{'build s':>10}{'s per 100 kB':>14}")
    for reps in (int(x) for x in args.sizes.split(",")):
        kb = len(UNIT) * reps / 1000
        took = seconds(reps, args.repeat)
        print(f"{kb:>10.0f}{took:>10.2f}{took / kb * 100:>14.2f}", flush=True)


if __name__ == "__main__":
    main()
