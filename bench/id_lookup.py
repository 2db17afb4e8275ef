"""Id lookups against the size of the id-index buckets.

    python bench/id_lookup.py [--names 20000 200000] [--repeat 25]

A lookup (``ModelStore.rows_of``: GET /v1/tracks/ID, every seed and removal) reads
whole buckets of the id index in a Redis script. A build sizes the buckets for its
catalog (about 64 names each); an update used to keep that count, so a small build
grown by many additions looked ids up in buckets of thousands. For each size this
writes the index both ways into a private redis-server on a free port (one bucket, as
a one-track build grown to that size kept; and as many as a build of that size gets,
which an update now regrows to) and prints the median time of one ``rows_of`` call for
10 ids, with the ratio.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


def median_lookup(client, script, buckets: int, names: int, repeat: int) -> float:
    from service.store.codec import index_bucket

    times = []
    for k in range(repeat):
        wanted = [f"trk{(k * 7919 + j * 104729) % names}" for j in range(10)]
        args = [json.dumps([[index_bucket(n, buckets), n] for n in wanted]), "[]"]
        started = time.perf_counter()
        script(keys=["rows", "ids"], args=args)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def write_index(client, names: int, buckets: int) -> None:
    from service.store.codec import index_fields

    client.delete("rows", "ids")
    fields = [(b, json.dumps(e)) for b, e in
              index_fields(((f"trk{i}", i) for i in range(names)), buckets).items()]
    for start in range(0, len(fields), 1000):
        client.hset("rows", mapping=dict(fields[start:start + 1000]))
    client.hset("ids", "0", "{}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--names", type=int, nargs="+", default=[20_000, 200_000])
    parser.add_argument("--repeat", type=int, default=25)
    args = parser.parse_args()
    import redis
    from redis_server import RedisServer  # noqa: E402  (tests' private server helper)

    from service.store.codec import index_buckets
    from service.store.reads import ROWS_SCRIPT

    with tempfile.TemporaryDirectory() as tmp:
        server = RedisServer(Path(tmp)).start()
        try:
            client = redis.Redis.from_url(server.url)
            script = client.register_script(ROWS_SCRIPT)
            print(f"{'names':>8} {'kept: buckets':>14} {'ms':>8} {'grown: buckets':>15} "
                  f"{'ms':>6} {'ratio':>7}")
            for names in args.names:
                row = []
                for buckets in (1, index_buckets(names)):
                    write_index(client, names, buckets)
                    row.append((buckets, median_lookup(client, script, buckets, names,
                                                       args.repeat) * 1000))
                (kept, slow), (grown, fast) = row
                print(f"{names:>8} {kept:>14} {slow:>8.2f} {grown:>15} {fast:>6.2f} "
                      f"{slow / fast:>7.0f}")
        finally:
            server.stop()


if __name__ == "__main__":
    main()
