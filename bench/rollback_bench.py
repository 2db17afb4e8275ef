"""How long `feelalike versions` and `feelalike rollback` take, and what a kept version
costs in Redis memory.

    python bench/rollback_bench.py [--tracks 20000] [--repeat 5]

Publishes a build of ``--tracks`` synthetic tracks (the tests' ``make_track``) and one
add onto it, then times ``ModelStore.versions`` and ``ModelStore.roll_back`` back and
forth ``--repeat`` times (medians), and prints the Redis memory one more version took
(``used_memory`` before and after an add).  Runs against a private redis-server on a
free port, started from the tests' helper.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def timed(call) -> tuple[float, object]:
    started = time.perf_counter()
    result = call()
    return time.perf_counter() - started, result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tracks", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "tests"))
    import redis
    from redis_server import RedisServer  # noqa: E402  (tests' private server helper)

    from models.build import build
    from models.ingest import Catalog
    from service.store import ModelStore, Updater
    from tests.fixtures import make_track

    with tempfile.TemporaryDirectory() as tmp:
        server = RedisServer(Path(tmp)).start()
        try:
            client = redis.Redis.from_url(server.url)
            store = ModelStore(client, prefix="bench-rollback", grace_seconds=3600)
            store.publish(build(Catalog(tracks=[make_track(i) for i in range(args.tracks)]),
                               k=20))
            before = client.info("memory")["used_memory"]
            Updater(store).add([make_track(args.tracks)])
            grown = client.info("memory")["used_memory"] - before
            listing, rollbacks = [], []
            for _ in range(args.repeat):
                listing.append(timed(store.versions)[0])
                seconds, done = timed(store.roll_back)
                rollbacks.append(seconds)
            print(f"{args.tracks:,} tracks: versions {statistics.median(listing) * 1000:.1f} ms, "
                  f"rollback {statistics.median(rollbacks) * 1000:.1f} ms (medians of "
                  f"{args.repeat}); one more version: {grown / 2 ** 20:.1f} MiB of Redis "
                  f"memory; live now {done.version} ({done.tracks:,} tracks)")
        finally:
            server.stop()


if __name__ == "__main__":
    main()
