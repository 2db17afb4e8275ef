"""Build time, peak memory and neighbour recall on large synthetic catalogs.

    python bench/scale.py [--sizes 100k,300k] [--exact-max 300k] [--repeat 1] [--plain]

Each catalog resamples the rows of the TidyTuesday catalog (../shared/data): the
real audio-feature distributions, genres and subgenres, with small noise on every
feature and a fresh id and title per row.  Each size is built in a fresh child
process (so peak RSS is that build's alone) with the approximate neighbour search
(FEELALIKE_ANN_THRESHOLD below the size) and, where the size is at most
``--exact-max``, with the exact search too.  Prints a table of medians: the
neighbour step, the whole build (load + model), peak RSS and recall@10 (the build's
own measurement on 1,000 rows against exact).  Builds the feel model the service
serves (trained once first, as ``feelalike demo`` does); ``--plain`` skips it.
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data"
SOURCE = DATA / "catalog" / "tidytuesday_spotify_songs.csv"
NOISE = {"danceability": 0.02, "energy": 0.02, "speechiness": 0.01, "acousticness": 0.02,
         "instrumentalness": 0.01, "liveness": 0.02, "valence": 0.02, "loudness": 0.5,
         "tempo": 2.0, "duration_ms": 5000.0}
UNIT = {"danceability", "energy", "speechiness", "acousticness", "instrumentalness",
        "liveness", "valence"}


def size(text: str) -> int:
    """100k, 1M or 250000 -> tracks."""
    text = text.strip().lower()
    scale = {"k": 1_000, "m": 1_000_000}.get(text[-1:], 1)
    return int(float(text[:-1] if scale > 1 else text) * scale)


def synthetic_catalog(n: int, path: Path, seed: int = 0) -> None:
    """Write ``n`` rows resampled from the real catalog, jittered, with unique ids."""
    rng = random.Random(seed)
    with open(SOURCE, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        for i in range(n):
            row = dict(rng.choice(rows))
            row["track_id"], row["track_name"] = f"syn{i:08d}", f"{row['track_name']} #{i}"
            for name, sd in NOISE.items():
                value = float(row[name]) + rng.gauss(0.0, sd)
                value = min(max(value, 0.0), 1.0) if name in UNIT else value
                row[name] = f"{max(value, 1000.0):.0f}" if name == "duration_ms" \
                    else f"{value:.4f}"
            writer.writerow(row)


class _Timer:
    """A progress factory that times the build's neighbour step."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def __call__(self, desc: str, total: int) -> "_Timer._Bar":
        return self._Bar(self, desc)

    class _Bar:
        def __init__(self, timer: "_Timer", desc: str) -> None:
            self.timer, self.desc, self.start = timer, desc, time.perf_counter()

        def update(self, n: int = 1) -> None:
            pass

        def close(self) -> None:
            self.timer.seconds[self.desc] = time.perf_counter() - self.start


def one_build(catalog: str, threshold: int, feel: str | None) -> dict:
    from models.build import FeelModel, build
    from models.ingest import load_catalog

    timer = _Timer()
    t0 = time.perf_counter()
    loaded = load_catalog([catalog])
    model = FeelModel.load(feel) if feel else None
    built = build(loaded, feel_model=model, progress=timer, ann_threshold=threshold)
    total = time.perf_counter() - t0
    found = built.meta["neighbours"]
    return {"tracks": len(built.tracks), "method": found["method"],
            "recall": found["recall_at_10"], "neighbour_s": timer.seconds["neighbours"],
            "build_s": total, "peak_rss_mb": resource.getrusage(
                resource.RUSAGE_SELF).ru_maxrss / 1024}


def child(catalog: Path, threshold: int, feel: str | None) -> dict:
    cmd = [sys.executable, __file__, "--child", str(catalog), "--threshold", str(threshold)]
    cmd += ["--feel", feel] if feel else []
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def median_row(runs: list[dict]) -> dict:
    row = dict(runs[0])
    for key in ("neighbour_s", "build_s", "peak_rss_mb"):
        row[key] = statistics.median(r[key] for r in runs)
    return row


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100k,300k")
    parser.add_argument("--exact-max", default="300k")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--plain", action="store_true")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--threshold", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--feel", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(one_build(args.child, args.threshold, args.feel)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        feel = None
        if not args.plain:
            from models.build import train_default_model

            feel = str(Path(tmp) / "feel.npz")
            train_default_model(SOURCE, DATA / "moods" / "deezer").save(feel)
        print("| tracks | method | neighbours s | build s | peak RSS MB | recall@10 |\n"
              "|---|---|---|---|---|---|", flush=True)
        for n in (size(s) for s in args.sizes.split(",")):
            path = Path(tmp) / f"synthetic-{n}.csv"
            synthetic_catalog(n, path)
            report_size(path, n, size(args.exact_max), args.repeat, feel)
            path.unlink()


def report_size(path: Path, n: int, exact_max: int, repeat: int, feel: str | None) -> None:
    """Approximate build(s) of one catalog, then exact ones when affordable."""
    approx = median_row([child(path, 0, feel) for _ in range(repeat)])
    print(line(approx), flush=True)
    if n <= exact_max:
        exact = median_row([child(path, n + 1, feel) for _ in range(repeat)])
        print(line(exact), flush=True)
        print(f"| {exact['tracks']:,} | ratio ivf/exact | "
              f"{approx['neighbour_s'] / exact['neighbour_s']:.2f} | "
              f"{approx['build_s'] / exact['build_s']:.2f} | "
              f"{approx['peak_rss_mb'] / exact['peak_rss_mb']:.2f} | |", flush=True)


def line(row: dict) -> str:
    return (f"| {row['tracks']:,} | {row['method']} | {row['neighbour_s']:.1f} | "
            f"{row['build_s']:.1f} | {row['peak_rss_mb']:.0f} | {row['recall']:.3f} |")


if __name__ == "__main__":
    main()
