"""Bytes per track per model version in Redis, key by key.

    python bench/redis_bytes.py [--catalog FILE ...] [--plain] [--tracks N]

Builds what the service serves by default (the learned feel model, trained first, as
``feelalike demo`` does; ``--plain``: the hand-weighted blocks), publishes it to a
private redis-server on a free port and sums ``MEMORY USAGE key SAMPLES 0`` (the
whole value, every field) of every key of the published version, grouped by kind of
key (the version id and bucket numbers folded away).  Also prints the server's
``used_memory`` growth across the publish as a cross-check, and the median time of
the two per-request reads (10 documents; one neighbour list) over 300 random draws.
Default catalog: the TidyTuesday file in ../shared/data (28,352 tracks); ``--tracks N``
keeps the first N.
"""
from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
DATA = ROOT.parent / "shared" / "data"
DEFAULT = DATA / "catalog" / "tidytuesday_spotify_songs.csv"
PREFIX = "bench-bytes"


def kind_of(key: str, version: str) -> str:
    """A key with its version id and trailing numbers (buckets, rows) folded away."""
    name = key.replace(version, "V")
    return re.sub(r":\d+$", ":N", name)


def measure(client, version: str) -> dict[str, list[int]]:
    """Kind of key -> [keys, bytes] for every key that names ``version``."""
    sizes: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for key in client.scan_iter(match=f"*{version}*", count=1000):
        text = key.decode()
        used = client.memory_usage(key, samples=0) or 0
        entry = sizes[kind_of(text, version)]
        entry[0] += 1
        entry[1] += used
    return sizes


def read_times(store, version: str, n: int, draws: int = 300) -> dict[str, float]:
    """Median microseconds of ``tracks`` (10 random rows) and ``neighbours`` (1 row)."""
    rng = np.random.default_rng(0)
    times: dict[str, list[float]] = {"tracks(10 rows)": [], "neighbours(1 row)": []}
    for _ in range(draws):
        rows = rng.integers(0, n, 10).tolist()
        t0 = time.perf_counter()
        store.tracks(version, rows)
        t1 = time.perf_counter()
        store.neighbours(version, rows[0])
        t2 = time.perf_counter()
        times["tracks(10 rows)"].append(t1 - t0)
        times["neighbours(1 row)"].append(t2 - t1)
    return {name: statistics.median(values) * 1e6 for name, values in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--catalog", action="append")
    parser.add_argument("--plain", action="store_true")
    parser.add_argument("--tracks", type=int, default=0)
    args = parser.parse_args()

    import redis
    from redis_server import RedisServer  # tests' private server helper

    from models.build import FeelModel, build, train_default_model
    from models.ingest import Catalog, load_catalog
    from service.store import ModelStore

    catalogs = args.catalog or [str(DEFAULT)]
    catalog = load_catalog(catalogs)
    if args.tracks:
        catalog = Catalog(tracks=catalog.tracks[:args.tracks])
    with tempfile.TemporaryDirectory() as tmp:
        feel = None
        if not args.plain:
            feel = Path(tmp) / "feel.npz"
            train_default_model(DEFAULT, DATA / "moods" / "deezer").save(str(feel))
        built = build(catalog, feel_model=FeelModel.load(str(feel)) if feel else None)
        server = RedisServer(Path(tmp)).start()
        try:
            client = redis.Redis.from_url(server.url)
            before = client.info("memory")["used_memory"]
            store = ModelStore(client, prefix=PREFIX)
            version = store.publish(built)
            grown = client.info("memory")["used_memory"] - before
            sizes = measure(client, version)
            store.tracks(version, [0])  # the first read also loads what a version needs
            timed = read_times(store, version, len(built.tracks))
        finally:
            server.stop()
    n = len(built.tracks)
    print(f"catalog: {', '.join(catalogs)}  ({n} tracks, k={built.meta['k']}, "
          f"dim={built.meta['dim']}, {'plain blocks' if args.plain else 'feel model'})")
    print(f"{'key':<44}{'keys':>7}{'bytes':>13}{'bytes/track':>13}")
    for kind, (keys, used) in sorted(sizes.items(), key=lambda item: -item[1][1]):
        print(f"{kind:<44}{keys:>7}{used:>13,}{used / n:>13.1f}")
    total = sum(used for _, used in sizes.values())
    print(f"{'total (MEMORY USAGE)':<44}{sum(k for k, _ in sizes.values()):>7}"
          f"{total:>13,}{total / n:>13.1f}")
    print(f"{'used_memory growth (INFO)':<44}{'':>7}{grown:>13,}{grown / n:>13.1f}")
    for name, micros in timed.items():
        print(f"read {name:<39} median {micros:>8.0f} us")


if __name__ == "__main__":
    main()
