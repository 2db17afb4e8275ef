"""Median latency of GET /v1/recommendations over real HTTP, against baselines.

    python bench/latency_bench.py [--requests 300] [--catalog FILE ...]

Builds a model into a private redis-server, starts `feelalike serve` on a free
loopback port, and times, in one interleaved run: /healthz (the HTTP floor),
/v1/recommendations with distinct seeds (cache misses) and with a repeated seed
(cache hits) and with a ``spotify:track:`` seed (an external id, cache misses), POST
/v1/recommendations with two seeds and mood targets, and with a 10,000-id
``include_ids`` library (every id external, a third unknown), and POST /v1/playlists
for 20 tracks along a mood arc with filters.  Prints medians, p95 and the ratio to the
/healthz floor.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
from _api import wait_until_up  # noqa: E402  (bench/ is the script's own folder)
DEFAULT = ROOT.parent / "shared" / "data" / "catalog" / "tidytuesday_spotify_songs.csv"


def timed(session: requests.Session, url: str, body: dict | None = None) -> float:
    t0 = time.perf_counter()
    response = session.post(url, json=body, timeout=10) if body is not None \
        else session.get(url, timeout=10)
    elapsed = time.perf_counter() - t0
    if response.status_code != 200:
        raise SystemExit(f"{url} -> {response.status_code}: {response.text[:200]}")
    return elapsed * 1000


def main() -> None:
    import redis
    from redis_server import RedisServer, free_port

    from models.build import build
    from models.ingest import load_catalog
    from service.store import ModelStore

    parser = argparse.ArgumentParser()
    parser.add_argument("--catalog", action="append")
    parser.add_argument("--requests", type=int, default=300)
    args = parser.parse_args()
    catalog = load_catalog(args.catalog or [str(DEFAULT)])
    with tempfile.TemporaryDirectory() as tmp:
        server = RedisServer(Path(tmp)).start()
        store = ModelStore(redis.Redis.from_url(server.url), prefix="bench-latency")
        store.publish(build(catalog))
        port = free_port()
        env = {**os.environ, "FEELALIKE_REDIS_URL": server.url,
               "FEELALIKE_KEY_PREFIX": "bench-latency",
               "FEELALIKE_RATE_LIMIT": "off"}  # one client, thousands of requests
        api = subprocess.Popen([sys.executable, "-m", "service.cli", "serve", "--port",
                                str(port)], env=env, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            wait_until_up(base, attempts=100, timeout=1.0)
            rows = _measure(base, catalog, args.requests)
        finally:
            api.terminate()
            api.wait()
            server.stop()
    floor = statistics.median(rows["GET /healthz (floor)"])
    print(f"{len(catalog.tracks)} tracks, {args.requests} requests per row, sequential")
    print(f"{'request':<38}{'median ms':>10}{'p95 ms':>10}{'x floor':>9}")
    for name, values in rows.items():
        values = sorted(values)
        p95 = values[int(0.95 * (len(values) - 1))]
        med = statistics.median(values)
        print(f"{name:<38}{med:>10.2f}{p95:>10.2f}{med / floor:>9.1f}")


def _measure(base: str, catalog, n: int) -> dict[str, list[float]]:
    rng = random.Random(0)
    session = requests.Session()
    by_id = [t.id for t in rng.sample(catalog.tracks, n)]
    titled = [t for t in catalog.tracks if any(c.isalnum() for c in t.title)]  # "?" is no seed
    by_title = [t.title for t in rng.sample(titled, n)]
    rows: dict[str, list[float]] = {"GET /healthz (floor)": [],
                                    "recommendations, seed=id (miss)": [],
                                    "recommendations, seed=title (miss)": [],
                                    "recommendations, repeated (hit)": [],
                                    "recommendations, seed=spotify:track:": [],
                                    "POST recommendations (2 seeds+moods)": [],
                                    "POST recommendations, 10,000 include_ids": [],
                                    "POST playlists (20, arc, filters)": []}
    library = [f"spotify:track:{t.id}" for t in rng.sample(catalog.tracks, 6_667)] \
        + [f"isrc:ZZ0{j:09d}" for j in range(3_333)]  # well-formed, in no catalog
    timed(session, f"{base}/v1/recommendations?seed={quote(by_title[0])}")  # warm title index
    timed(session, f"{base}/v1/playlists", {"seed": by_id[0], "length": 5})  # warm the table
    for i in range(n):  # interleaved so machine noise hits every row alike
        rows["GET /healthz (floor)"].append(timed(session, f"{base}/healthz"))
        rows["recommendations, seed=id (miss)"].append(
            timed(session, f"{base}/v1/recommendations?seed={quote(by_id[i])}"))
        rows["recommendations, seed=title (miss)"].append(
            timed(session, f"{base}/v1/recommendations?seed={quote(by_title[i])}&limit=20"))
        rows["recommendations, repeated (hit)"].append(
            timed(session, f"{base}/v1/recommendations?seed={quote(by_id[0])}"))
        rows["recommendations, seed=spotify:track:"].append(timed(
            session, f"{base}/v1/recommendations?seed=spotify:track:{quote(by_id[-1 - i])}"))
        rows["POST recommendations, 10,000 include_ids"].append(timed(
            session, f"{base}/v1/recommendations",
            {"seeds": [by_id[i]], "include_ids": library, "limit": 20}))
        rows["POST recommendations (2 seeds+moods)"].append(timed(
            session, f"{base}/v1/recommendations",
            {"seeds": [by_id[i], {"seed": by_id[-1 - i], "weight": 0.5}],
             "moods": {"lonely": 0.8, "hopeful": 0.3}, "max_per_artist": 1, "limit": 20}))
        rows["POST playlists (20, arc, filters)"].append(timed(
            session, f"{base}/v1/playlists",
            {"seed": by_id[i], "length": 20, "arc": {"from": "lonely", "to": "hopeful"},
             "exclude_tags": ["rap"], "min_year": 2000, "min_artist_gap": 3}))
    return rows


if __name__ == "__main__":
    main()
