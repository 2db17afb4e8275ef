"""Incremental updates against a full build: adding (and removing) 100 tracks.

    python bench/incremental_bench.py [--catalog FILE] [--repeat 3] [--add 100] [--plain]

Holds ``--add`` tracks (a fixed random sample) out of the catalog, then times:

- a full build of the whole catalog and its publish (load, build with the learned feel
  model as ``feelalike demo`` serves, store), ``--repeat`` times;
- ``Updater.add`` of the held-out tracks onto the published model of the rest (the
  base is made current again between runs), and ``Updater.remove`` of as many tracks.

Prints medians, the ratio to the full build, where an add spends its time, and how
closely the added tracks' neighbour lists match the full build's (mean overlap of the
top-K sets, and how often the nearest neighbour is the same).  Runs against a private
redis-server on a free port.  Default catalog: the TidyTuesday file in ../shared/data.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT = ROOT.parent / "shared" / "data" / "catalog" / "tidytuesday_spotify_songs.csv"
LABELS = ROOT.parent / "shared" / "data" / "moods" / "deezer"


def timed_full_build(catalog_path: str, store, feel) -> tuple[float, object]:
    from models.build import build
    from models.ingest import load_catalog

    started = time.perf_counter()
    built = build(load_catalog([catalog_path]), feel_model=feel)
    store.publish(built, force=True)
    return time.perf_counter() - started, built


def timed_add(store, base: str, tracks: list) -> tuple[float, dict[str, float], object]:
    from service.store import Updater

    store.activate(base)
    marks = [("start", time.perf_counter())]
    result = Updater(store, on_step=lambda s: marks.append((s, time.perf_counter()))).add(tracks)
    marks.append(("activated", time.perf_counter()))
    stages = {name: t - marks[i][1] for i, (name, t) in enumerate(marks[1:])}
    return marks[-1][1] - marks[0][1], stages, result


def overlap(store, version: str, built, ids: list[str]) -> tuple[float, float]:
    """Mean share of each added track's list that the full build's list also has, and
    the share of added tracks whose nearest neighbour is the same."""
    row_of_full = {t.id: i for i, t in enumerate(built.tracks)}
    table = store.table(version)
    shares, firsts = [], 0
    for track_id in ids:
        mine = [table.ids[r] for r in store.neighbours(version, store.row_of(version, track_id))[0]]
        theirs = [built.tracks[r].id for r in built.neighbours[row_of_full[track_id]]]
        shares.append(len(set(mine) & set(theirs)) / len(theirs))
        firsts += mine[0] == theirs[0]
    return statistics.mean(shares), firsts / len(ids)


def line(name: str, values: list[float], full: float | None = None) -> str:
    med = statistics.median(values)
    ratio = f"{med / full:>9.1%}" if full else f"{'':>9}"
    return f"{name:<34}{med:>9.2f}{min(values):>9.2f}{max(values):>9.2f}{ratio}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--catalog", default=str(DEFAULT))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--add", type=int, default=100)
    parser.add_argument("--plain", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "tests"))
    import redis
    from redis_server import RedisServer  # noqa: E402  (tests' private server helper)

    from models.build import build, train_default_model
    from models.ingest import Catalog, load_catalog
    from service.store import ModelStore, Updater

    feel = None if args.plain else train_default_model(args.catalog, LABELS)
    everything = load_catalog([args.catalog]).tracks
    held = set(random.Random(0).sample(range(len(everything)), args.add))
    added = [t for i, t in enumerate(everything) if i in held]
    rest = [t for i, t in enumerate(everything) if i not in held]
    with tempfile.TemporaryDirectory() as tmp:
        server = RedisServer(Path(tmp)).start()
        try:
            store = ModelStore(redis.Redis.from_url(server.url), prefix="bench-incremental",
                               grace_seconds=3600)
            full, built = [], None
            for i in range(args.repeat):
                seconds, built = timed_full_build(args.catalog, store, feel)
                full.append(seconds)
                print(f"full build {i + 1}/{args.repeat}: {seconds:.1f}s", file=sys.stderr)
            base = store.publish(build(Catalog(tracks=rest), feel_model=feel), force=True)
            adds, stages, result = [], [], None
            for _ in range(args.repeat):
                seconds, parts, result = timed_add(store, base, added)
                adds.append(seconds)
                stages.append(parts)
            shares, same_first = overlap(store, result.version, built, [t.id for t in added])
            removes = []
            for _ in range(args.repeat):
                store.activate(result.version)
                started = time.perf_counter()
                Updater(store).remove([t.id for t in added])
                removes.append(time.perf_counter() - started)
        finally:
            server.stop()
    full_median = statistics.median(full)
    print(f"catalog: {args.catalog}  ({len(everything)} tracks; {args.add} held out and "
          f"added; {args.repeat} runs; {'plain blocks' if args.plain else 'feel model'})")
    print(f"{'':<34}{'median':>9}{'min':>9}{'max':>9}{'/ full':>9}")
    print(line("full build + publish (s)", full))
    print(line(f"add {args.add} tracks (s)", adds, full_median))
    for name in stages[0]:
        print(line(f"  {name}", [s[name] for s in stages], full_median))
    print(line(f"remove {args.add} tracks (s)", removes, full_median))
    print(f"lists rewritten by an add: {result.lists_rewritten}")
    print(f"added tracks' top-{built.meta['k']} vs the full build's: mean overlap "
          f"{shares:.1%}, same nearest neighbour {same_first:.1%}")


if __name__ == "__main__":
    main()
