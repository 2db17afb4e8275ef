"""Build time and peak memory of a full model build, per stage.

    python bench/build_bench.py [--catalog FILE ...] [--repeat 3] [--plain]

Builds what the service serves by default: the learned feel model, trained once
before the timed runs (as ``feelalike demo`` does) and loaded inside each build's
timing; ``--plain`` builds without it (the hand-weighted blocks).

Runs each build in a fresh child process (so peak RSS is that build's alone) against
a private redis-server on a free port, and prints a table of medians.  Default
catalog: the TidyTuesday file in ../shared/data (32,833 rows).
"""
from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT = ROOT.parent / "shared" / "data" / "catalog" / "tidytuesday_spotify_songs.csv"


def one_build(catalogs: list[str], redis_url: str, feel: str | None) -> dict:
    import redis

    from models.build import FeelModel, build
    from models.ingest import load_catalog
    from service.store import ModelStore

    t0 = time.perf_counter()
    catalog = load_catalog(catalogs)
    t1 = time.perf_counter()
    built = build(catalog, feel_model=FeelModel.load(feel) if feel else None)
    t2 = time.perf_counter()
    store = ModelStore(redis.Redis.from_url(redis_url), prefix="bench-build", grace_seconds=60)
    store.publish(built)
    t3 = time.perf_counter()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"rows_tracks": len(catalog.tracks), "load_s": t1 - t0, "model_s": t2 - t1,
            "store_s": t3 - t2, "total_s": t3 - t0, "peak_rss_mb": peak_mb}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--catalog", action="append")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--plain", action="store_true")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--feel", help=argparse.SUPPRESS)
    args = parser.parse_args()
    catalogs = args.catalog or [str(DEFAULT)]
    if args.child:
        print(json.dumps(one_build(catalogs, args.child, args.feel)))
        return
    sys.path.insert(0, str(ROOT / "tests"))
    import tempfile

    from redis_server import RedisServer  # noqa: E402  (tests' private server helper)

    with tempfile.TemporaryDirectory() as tmp:
        feel = None
        if not args.plain:
            from models.build import train_default_model

            feel = str(Path(tmp) / "feel.npz")
            train_default_model(DEFAULT, ROOT.parent / "shared" / "data" / "moods" /
                                "deezer").save(feel)
        server = RedisServer(Path(tmp)).start()
        try:
            runs = []
            for i in range(args.repeat):
                cmd = [sys.executable, __file__, "--child", server.url]
                cmd += ["--feel", feel] if feel else []
                for c in catalogs:
                    cmd += ["--catalog", c]
                out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
                runs.append(json.loads(out.strip().splitlines()[-1]))
                print(f"run {i + 1}/{args.repeat}: {runs[-1]['total_s']:.1f}s", file=sys.stderr)
        finally:
            server.stop()
    print(f"catalog: {', '.join(catalogs)}  ({runs[0]['rows_tracks']} tracks, "
          f"{args.repeat} runs, {'plain blocks' if args.plain else 'feel model'})")
    print(f"{'stage':<14}{'median':>10}{'min':>10}{'max':>10}")
    for key in ("load_s", "model_s", "store_s", "total_s", "peak_rss_mb"):
        values = [r[key] for r in runs]
        print(f"{key:<14}{statistics.median(values):>10.2f}{min(values):>10.2f}"
              f"{max(values):>10.2f}")


if __name__ == "__main__":
    main()
