"""Serving at scale: latency, per-worker memory and cold start of the real app, on
synthetic catalogs of 100k (and 1M) tracks, for two code trees (before / after).

    python bench/serving_scale.py [--sizes 100k,1M] [--requests 60]
                                  [--trees before=/work/main,after=.] [--workers 2]

A full build of 1M tracks takes hours, so this is a serving-only benchmark: each
size publishes a synthetic model straight into a private redis-server through the
store's ordinary ``publish`` (44-dim clustered vectors, 16 mood scores, features,
tags from 12 genres, 10 tracks per artist, random neighbour lists).  Then, for each
code tree, it starts gunicorn the way the README does (``gunicorn -c
python:service.gunicorn_conf service.wsgi:app``, ``--workers`` gthread workers, real
HTTP on a free loopback port, a fresh data home) and measures:

* cold: the first POST /v1/recommendations after start (both workers at once: each
  loads the version), then the first title search;
* p50 over ``--requests`` interleaved requests: a cached GET, POST recommendations
  (two seeds, a tag excluded, a minimum year), POST playlists (20 tracks along an
  arc, a tag excluded), GET /v1/tracks?q= (title search);
* per worker, after all that: RSS and PSS (shared pages split between the processes
  mapping them; /proc/PID/smaps_rollup), the largest of the workers;
* with ``--maps``: that worker's RSS and PSS per mapped file (the version's ``.npy``
  arrays, one by one) and for its anonymous memory, largest first.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator
from urllib.parse import quote

import numpy as np
import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
from _api import wait_until_up  # noqa: E402  (bench/ is the script's own folder)
from _memory import mapped_memory, worker_memory, worker_memory_of  # noqa: E402

GENRES = ["rock", "pop", "rap", "edm", "latin", "r&b", "jazz", "folk", "metal", "soul",
          "ambient", "classical"]
PREFIX = "bench-serving"


def size(text: str) -> int:
    text = text.strip().lower()
    scale = {"k": 1_000, "m": 1_000_000}.get(text[-1:], 1)
    return int(float(text[:-1] if scale > 1 else text) * scale)


def synthetic_model(n: int, seed: int = 0):
    """A BuiltModel of ``n`` synthetic tracks (no build: vectors and lists are drawn)."""
    from models.build import BuiltModel
    from models.ingest import AUDIO_FEATURES, Track
    from models.language import MOODS, MoodProfile

    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(400, 44)).astype(np.float32)
    vectors = centres[rng.integers(0, 400, n)] + 0.4 * rng.normal(size=(n, 44)).astype(
        np.float32)
    moods = rng.uniform(0, 1, size=(n, len(MOODS))).astype(np.float32)
    va = rng.uniform(-1, 1, size=(n, 2))
    feats = rng.uniform(0, 1, size=(n, len(AUDIO_FEATURES)))
    genre = rng.integers(0, len(GENRES), size=(n, 2))
    years = rng.integers(1960, 2024, n)
    tracks, profiles = [], []
    for i in range(n):
        features = {name: float(feats[i, j]) for j, name in enumerate(AUDIO_FEATURES)}
        features.update(tempo=60 + 120 * features.get("tempo", 0.5),
                        key=float(int(12 * features.get("key", 0))),
                        mode=float(features.get("mode", 0) > 0.5))
        tracks.append(Track(id=f"syn{i:08d}", title=f"Song {i} of {GENRES[genre[i, 0]]}",
                            artist=f"Artist {i // 10}", album=f"Album {i // 12}",
                            release_date=f"{years[i]}-01-01", popularity=float(i % 100),
                            features=features, tags=[GENRES[g] for g in set(genre[i])]))
        profiles.append(MoodProfile(moods[i], float(va[i, 0]), float(va[i, 1]), 0.5, "tags",
                                    {}))
    k = 50
    neighbours = rng.integers(0, n, size=(n, k)).astype(np.int32)
    scores = np.sort(rng.uniform(0.5, 1.0, size=(n, k)).astype(np.float32), axis=1)[:, ::-1]
    meta = {"version": f"bench-{n}-{seed}", "tracks": n, "dim": 44, "k": k,
            "neighbours": {"method": "synthetic", "recall_at_10": None}}
    return BuiltModel(tracks, profiles, vectors, neighbours, np.ascontiguousarray(scores), meta)


def timed(method: str, url: str, body: dict | None = None,
          session: requests.Session | None = None) -> float:
    t0 = time.perf_counter()
    response = (session or requests).request(method, url, json=body, timeout=900)
    elapsed = (time.perf_counter() - t0) * 1000
    if response.status_code != 200:
        raise SystemExit(f"{method} {url} -> {response.status_code}: {response.text[:300]}")
    return elapsed


def rich_body(i: int, n: int) -> dict:
    return {"seeds": [f"syn{(i * 7919) % n:08d}", {"seed": f"syn{(i * 104729) % n:08d}",
                                                    "weight": 0.5}],
            "exclude_tags": ["rap"], "min_year": 1980, "limit": 10}


def playlist_body(i: int, n: int) -> dict:
    return {"seed": f"syn{(i * 15485863) % n:08d}", "length": 20,
            "arc": {"from": "lonely", "to": "hopeful"}, "exclude_tags": ["metal"]}


@contextmanager
def api_server(tree: Path, redis_url: str, home: Path, workers: int) -> Iterator[tuple[str, int]]:
    """gunicorn from ``tree`` over ``redis_url`` (README's command, ``workers`` workers,
    a free loopback port, data home ``home``), up: (its base URL, the master's pid)."""
    from redis_server import free_port

    port = free_port()
    env = {**os.environ, "FEELALIKE_REDIS_URL": redis_url, "FEELALIKE_KEY_PREFIX": PREFIX,
           "FEELALIKE_DATA_HOME": str(home), "FEELALIKE_RATE_LIMIT": "off",
           "FEELALIKE_WORKERS": str(workers), "FEELALIKE_PORT": str(port),
           "FEELALIKE_HOST": "127.0.0.1", "FEELALIKE_HEAVY_WAIT_SECONDS": "900",
           "FEELALIKE_TIMEOUT_SECONDS": "900", "PYTHONPATH": str(tree)}
    api = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c",
                            "python:service.gunicorn_conf", "service.wsgi:app"],
                           cwd=tree, env=env, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base)
        yield base, api.pid
    finally:
        api.terminate()
        api.wait()


def serve(tree: Path, redis_url: str, home: Path, workers: int, n: int, count: int) -> dict:
    with api_server(tree, redis_url, home, workers) as (base, master):
        return measure(base, master, n, count)


def measure(base: str, master: int, n: int, count: int) -> dict:
    cold: list[float] = []
    threads = [threading.Thread(target=lambda i=i: cold.append(timed(
        "POST", f"{base}/v1/recommendations", rich_body(1000 + i, n)))) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    cold_titles = timed("GET", f"{base}/v1/tracks?q=Song%2042%20of%20jazz&limit=5")
    for _ in range(4):  # warm every worker on every kind of request, two at a time
        warm = [threading.Thread(target=lambda: (
            timed("GET", f"{base}/v1/tracks?q=Song%2043&limit=5"),
            timed("POST", f"{base}/v1/playlists", playlist_body(999, n)),
            timed("GET", f"{base}/v1/recommendations?seed=syn00000042")))
            for _ in range(2)]
        for thread in warm:
            thread.start()
        for thread in warm:
            thread.join()
    session = requests.Session()
    rows: dict[str, list[float]] = {"cached GET": [], "POST recommendations": [],
                                    "POST playlists": [], "title search": []}
    for i in range(count):
        rows["cached GET"].append(timed(
            "GET", f"{base}/v1/recommendations?seed=syn00000042", session=session))
        rows["POST recommendations"].append(timed(
            "POST", f"{base}/v1/recommendations", rich_body(i, n), session))
        rows["POST playlists"].append(timed(
            "POST", f"{base}/v1/playlists", playlist_body(i, n), session))
        rows["title search"].append(timed(
            "GET", f"{base}/v1/tracks?q={quote(f'Song {i * 37 % n} of rock')}&limit=5",
            session=session))
    memory = worker_memory(master)
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    largest = max(children, key=lambda pid: worker_memory_of(int(pid)))
    maps = sorted(mapped_memory(int(largest)).items(), key=lambda kv: -kv[1][0])
    return {"maps": {k: [round(v[0], 1), round(v[1], 1)] for k, v in maps if v[0] >= 1},
            **{k: statistics.median(v) for k, v in rows.items()}, "cold": max(cold),
            "cold_titles": cold_titles, "rss": max(m[0] for m in memory),
            "pss": max(m[1] for m in memory), "anon": [round(m[2]) for m in memory],
            "workers": len(memory)}


def cell_recall(n: int, queries: int = 200) -> float:
    """recall@10 of the vector index over k-means cells against the exact scan, on the
    synthetic vectors of ``n`` tracks (two seeds, a genre excluded, as the POST)."""
    from models.ranking import (
        NUMERIC,
        Cells,
        CodedColumn,
        Query,
        RankingEngine,
        StringColumn,
        TagColumn,
        TrackTable,
        VectorIndex,
        cell_arrays,
    )

    rng = np.random.default_rng(0)
    centres = rng.normal(size=(400, 44)).astype(np.float32)
    vectors = centres[rng.integers(0, 400, n)] + 0.4 * rng.normal(size=(n, 44)).astype(
        np.float32)
    ids = StringColumn.of(f"syn{i:08d}" for i in range(n))
    table = TrackTable(ids=ids, titles=ids, artists=ids, albums=ids,
                       artist_keys=CodedColumn.of([f"a{i // 10}" for i in range(n)]),
                       song_keys=CodedColumn.of([f"s{i}" for i in range(n)]),
                       tags=TagColumn.of([(GENRES[i % 12],) for i in range(n)]),
                       numbers=np.zeros((n, len(NUMERIC)), np.float32), vectors=vectors)
    index = VectorIndex(table, cells=Cells(cell_arrays(table.unit_vectors)))
    exact, near, hits = RankingEngine(table), RankingEngine(table, [index]), 0
    for i in range(queries):
        q = Query(seeds=[(i * 7919 % n, 1.0), (i * 104729 % n, 0.5)], exclude_tags={"rap"})
        hits += len(set(near.rank(q).rows) & set(exact.rank(q).rows))
    return hits / (10 * queries)


def main() -> None:
    import redis
    from redis_server import RedisServer

    from service.store import ModelStore

    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100k")
    parser.add_argument("--requests", type=int, default=60)
    parser.add_argument("--trees", default=f"before=/work/main,after={ROOT}")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--recall", help="only: recall@10 of the cells at this size")
    parser.add_argument("--maps", action="store_true",
                        help="also print the largest worker's RSS/PSS per mapped file")
    args = parser.parse_args()
    if args.recall:
        print(f"recall@10 of the cells at {size(args.recall):,}: "
              f"{cell_recall(size(args.recall)):.3f}")
        return
    trees = dict(t.split("=", 1) for t in args.trees.split(","))
    print("| tracks | code | cached GET ms | POST rec ms | POST/GET | POST playlist ms | "
          "title search ms | cold first POST s | cold first search s | worker RSS MB | "
          "worker PSS MB |\n|---|---|---|---|---|---|---|---|---|---|---|", flush=True)
    for n in (size(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            server = RedisServer(Path(tmp)).start()
            try:
                t0 = time.perf_counter()
                store = ModelStore(redis.Redis.from_url(server.url), prefix=PREFIX)
                store.publish(synthetic_model(n), force=True)
                print(f"<!-- {n:,}: synthetic model published in "
                      f"{time.perf_counter() - t0:.0f} s -->", flush=True)
                for name, tree in trees.items():
                    r = serve(Path(tree).resolve(), server.url, Path(tmp) / f"home-{name}",
                              args.workers, n, args.requests)
                    print(f"| {n:,} | {name} | {r['cached GET']:.1f} | "
                          f"{r['POST recommendations']:.1f} | "
                          f"{r['POST recommendations'] / r['cached GET']:.1f} | "
                          f"{r['POST playlists']:.0f} | {r['title search']:.0f} | "
                          f"{r['cold'] / 1000:.1f} | {r['cold_titles'] / 1000:.2f} | "
                          f"{r['rss']:.0f} | {r['pss']:.0f} |", flush=True)
                    maps = r.pop("maps")
                    print(f"<!-- {json.dumps(r)} -->", flush=True)
                    if args.maps:
                        print(f"<!-- {name}: RSS/PSS MB per mapping: "
                              f"{json.dumps(maps)} -->", flush=True)
            finally:
                server.stop()


if __name__ == "__main__":
    main()
