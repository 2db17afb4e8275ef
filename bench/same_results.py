"""Do two code trees serve the same answers?  Publishes one synthetic model (as
``serving_scale.py`` does) into a private redis-server, starts gunicorn from each
tree over it (each with a fresh data home, so each writes its own version files) and
sends both the same requests: recommendations by id and by body (seeds, negative
seeds, moods, valence/arousal and attribute targets, tag/artist/year filters, an
artist cap, diversity, a seeded temperature), playlists along arcs, mood paths and
title searches.  Prints how many answers differ (and the first few).

    python bench/same_results.py [--size 300k] [--requests 30]
                                 [--trees before=/work/main,after=.]
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path
from urllib.parse import quote

import requests

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT.parent / "tests"))
from serving_scale import (  # noqa: E402  (bench/ is the script's own folder)
    PREFIX,
    api_server,
    playlist_body,
    rich_body,
    size,
    synthetic_model,
)


def calls(i: int, n: int) -> list[tuple[str, str, dict | None]]:
    """The requests of round ``i`` (method, path, body)."""
    seed = f"syn{(i * 7919) % n:08d}"
    other = f"syn{(i * 104729 + 1) % n:08d}"
    moods = ["sad", "joyful", "peaceful", "energetic", "lonely", "hopeful"]
    return [
        ("GET", f"/v1/recommendations?seed={seed}&limit=10", None),
        ("POST", "/v1/recommendations", rich_body(i, n)),
        ("POST", "/v1/recommendations", {
            "seeds": [seed], "negative_seeds": [other], "exclude_artists": ["Artist 3"],
            "max_per_artist": 1, "diversity": 0.3, "max_energy": 0.8, "limit": 10}),
        ("POST", "/v1/recommendations", {
            "moods": {moods[i % 6]: 1.0, moods[(i + 2) % 6]: 0.5}, "target_valence": 0.2,
            "target_tempo": 120, "include_tags": ["jazz", "soul"], "limit": 10}),
        ("POST", "/v1/recommendations", {"seeds": [seed], "temperature": 0.5,
                                         "random_seed": i, "limit": 10}),
        ("POST", "/v1/playlists", playlist_body(i, n)),
        ("POST", "/v1/playlists", {"moods": {moods[i % 6]: 1.0}, "length": 12,
                                   "min_year": 1990}),
        ("GET", f"/v1/path?from={seed}&to={other}&steps=6", None),
        ("GET", f"/v1/tracks?q={quote(f'Song {i * 37 % n} of rock')}&limit=5", None),
    ]


def answers(tree: Path, redis_url: str, home: Path, n: int, count: int) -> list[str]:
    """Every answer (status and body) of a server of ``tree`` to ``count`` rounds."""
    out = []
    with api_server(tree, redis_url, home, workers=1) as (base, _):
        for i in range(count):
            for method, path, body in calls(i, n):
                response = requests.request(method, base + path, json=body, timeout=900)
                out.append(f"{method} {path} {json.dumps(body)} -> {response.status_code} "
                           f"{response.text}")
    return out


def main() -> None:
    import redis
    from redis_server import RedisServer

    from service.store import ModelStore

    parser = argparse.ArgumentParser()
    parser.add_argument("--size", default="300k")
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--trees", default="before=/work/main,after=" + str(ROOT.parent))
    args = parser.parse_args()
    trees = dict(t.split("=", 1) for t in args.trees.split(","))
    n = size(args.size)
    with tempfile.TemporaryDirectory() as tmp:
        server = RedisServer(Path(tmp)).start()
        try:
            store = ModelStore(redis.Redis.from_url(server.url), prefix=PREFIX)
            store.publish(synthetic_model(n), force=True)
            got = {name: answers(Path(tree).resolve(), server.url, Path(tmp) / f"home-{name}",
                                 n, args.requests) for name, tree in trees.items()}
        finally:
            server.stop()
    (first, a), (second, b) = got.items()
    differ = [(x, y) for x, y in zip(a, b) if x != y]
    statuses = Counter(answer.split(" -> ", 1)[1][:3] for answer in a)
    print(f"{n:,} tracks: {len(a)} requests (HTTP status: {dict(statuses)}), "
          f"{len(differ)} answers differ ({first} vs {second})")
    for x, y in differ[:3]:
        print(f"- {first}: {x[:400]}\n  {second}: {y[:400]}")


if __name__ == "__main__":
    main()
