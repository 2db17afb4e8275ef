"""The first title search a worker answers after a build and after an incremental add.

    python bench/update_first_request.py [--sizes 30k,100k] [--repeat 3] [--add 5]
                                         [--port PORT]

Each size builds the synthetic catalog of ``bench/scale.py`` (TidyTuesday rows resampled
with noise, a fresh id and title each; ../shared/data), publishes it to a private
redis-server (``--port``, default a free one) and then, ``--repeat`` times, opens a
fresh "worker" (the app over the Flask test client with a fresh data home, so the
version's local files are written as on a machine that has not served it yet) and
times its first ``GET /v1/tracks?q=`` and the median of 20 later ones (other titles).
Then ``Updater.add`` adds ``--add`` copies of catalog rows under new ids and titles
and the same is timed on the version it publishes (the first search asks for an added
title, which must be found).  Prints a table of medians and the ratio of the first
request after the add to the first after the build, and the add's own seconds.
"""
from __future__ import annotations

import argparse
import dataclasses
import logging
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))
from redis_server import RedisServer  # noqa: E402
from scale import SOURCE, size, synthetic_catalog  # noqa: E402

PREFIX = "bench-update-first"
LATER = 20


def worker_times(store, url: str, home: Path, first_query: str,
                 later: list[str]) -> tuple[float, float, list[str]]:
    """A fresh worker's first search (s), the median of its later ones (s), and the
    titles the first one found."""
    from service import create_app
    from service.resources import Resources
    from service.version_files import VersionFiles

    resources = Resources(store, VersionFiles(home / "versions", store.prefix, redis_url=url))
    client = create_app({"TESTING": True, "RESOURCES": resources}).test_client()
    started = time.perf_counter()
    answer = client.get(f"/v1/tracks?q={quote(first_query)}&limit=5")
    first = time.perf_counter() - started
    if answer.status_code != 200:
        raise SystemExit(f"search -> {answer.status_code}: {answer.get_data(True)[:300]}")
    found = [r["title"] for r in answer.get_json()["results"]]
    spent = []
    for query in later:
        started = time.perf_counter()
        client.get(f"/v1/tracks?q={quote(query)}&limit=5")
        spent.append(time.perf_counter() - started)
    return first, statistics.median(spent), found


def measure(store, url: str, work: Path, label: str, first_query: str, later: list[str],
            repeat: int) -> dict:
    firsts, laters = [], []
    for r in range(repeat):
        first, median, found = worker_times(store, url, work / f"{label}-{r}", first_query,
                                            later)
        if first_query not in found:
            raise SystemExit(f"{label}: {first_query!r} not found (got {found})")
        firsts.append(first)
        laters.append(median)
    return {"first": statistics.median(firsts), "later": statistics.median(laters)}


def one_size(n: int, server: RedisServer, work: Path, repeat: int, add: int) -> list[str]:
    import redis

    from models.build import build
    from models.ingest import load_catalog
    from service.store import ModelStore, Updater

    catalog = work / f"catalog-{n}.csv"
    synthetic_catalog(n, catalog)
    loaded = load_catalog([str(catalog)])
    started = time.perf_counter()
    built = build(loaded)
    store = ModelStore(redis.Redis(port=server.port), prefix=f"{PREFIX}-{n}")
    store.publish(built, force=True)
    build_s = time.perf_counter() - started
    tracks = built.tracks
    later = [tracks[(i * 7919) % len(tracks)].title for i in range(LATER)]
    after_build = measure(store, server.url, work, f"build-{n}", tracks[n // 2].title,
                          later, repeat)
    fresh = [dataclasses.replace(tracks[(i * 104729) % n], id=f"fresh{i:04d}",
                                 title=f"Freshly Added Tune {i}", external_ids={})
             for i in range(add)]
    started = time.perf_counter()
    Updater(store).add(fresh)
    add_s = time.perf_counter() - started
    after_add = measure(store, server.url, work, f"add-{n}", fresh[0].title, later, repeat)
    ratio = after_add["first"] / after_build["first"]
    return [f"| {n:,} | after build ({build_s:.0f} s) | {after_build['first']:.2f} | "
            f"{1000 * after_build['later']:.1f} | 1.00 |",
            f"| {n:,} | after add of {add} ({add_s:.2f} s) | {after_add['first']:.2f} | "
            f"{1000 * after_add['later']:.1f} | {ratio:.2f} |"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="30k,100k")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--add", type=int, default=5)
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    if not SOURCE.exists():
        sys.exit(f"needs {SOURCE} (../shared/data)")
    os.environ["FEELALIKE_RATE_LIMIT"] = "off"
    logging.disable(logging.INFO)  # no request log lines between the tables
    print("| tracks | version served | first search s | later search ms (median) "
          "| first vs after build |\n|---|---|---|---|---|", flush=True)
    with tempfile.TemporaryDirectory(dir=os.environ.get("FEELALIKE_DATA_HOME")) \
            as tmp:
        server = RedisServer(Path(tmp))
        if args.port:
            server.port = args.port
        server.start()
        try:
            for n in (size(s) for s in args.sizes.split(",")):
                print("\n".join(one_size(n, server, Path(tmp), args.repeat, args.add)),
                      flush=True)
        finally:
            server.stop()


if __name__ == "__main__":
    main()
