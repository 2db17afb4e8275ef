"""What a tagger run over a library costs the next analysis, with the stream digest.

    python bench/retag_bench.py [--clips DIR] [--limit 60] [--repeat 3] [--workers 2]

Copies ``--limit`` clips (default: the Emotify clips in ../shared/data) into a private
folder and times ``analyse_many`` on ``--workers`` processes, ``--repeat`` times:

- cold, without a cache: every file analysed, no stream digest (what a re-tagged
  library cost before: every file new content);
- cold, with a fresh cache: every file analysed and kept by its bytes and its stream
  digest (the digest's cost on a first analysis);
- after every file is re-tagged (a new title and comment, with mutagen): found by the
  stream digest;
- again, unchanged: found by the bytes.

Prints the median of each with its ratio to the cold run without a cache.
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import mutagen

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CLIPS = ROOT.parent / "shared" / "data" / "audio" / "emotify_dev"

from models.audio import AudioCache, analyse_many  # noqa: E402

STEPS = ("cold, no cache", "cold, fresh cache", "after re-tagging", "again, unchanged")


def retag(folder: Path, round_: int) -> None:
    """A tagger's pass: every file gets a new title and comment."""
    for path in sorted(folder.iterdir()):
        audio = mutagen.File(path, easy=True)
        if audio.tags is None:
            audio.add_tags()
        audio["title"] = f"{path.stem}, retagged in round {round_}"
        audio.save()


def timed(files: list[Path], cache: AudioCache | None, workers: int) -> tuple[float, int]:
    started = time.perf_counter()
    batch = analyse_many(files, cache=cache, workers=workers)
    if batch.errors:
        sys.exit(f"analysis failed: {batch.errors[0]}")
    return time.perf_counter() - started, batch.cached


def one_round(folder: Path, cache_dir: Path, round_: int, workers: int) -> list[float]:
    files = sorted(folder.iterdir())
    shutil.rmtree(cache_dir, ignore_errors=True)
    cache = AudioCache(cache_dir)
    seconds = [timed(files, None, workers)[0]]
    for step in STEPS[1:]:
        if step == "after re-tagging":
            retag(folder, round_)
        took, cached = timed(files, cache, workers)
        seconds.append(took)
        print(f"  round {round_}: {step}: {took:.1f} s, {cached} of {len(files)} cached",
              flush=True)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clips", type=Path, default=CLIPS)
    parser.add_argument("--limit", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    clips = sorted(p for p in args.clips.glob("*.ogg"))[:args.limit]
    if not clips:
        sys.exit(f"no .ogg clips in {args.clips}")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "library"
        folder.mkdir()
        for clip in clips:
            shutil.copy(clip, folder / clip.name)
        rounds = [one_round(folder, Path(scratch) / "cache", r, args.workers)
                  for r in range(args.repeat)]
    medians = [statistics.median(r[i] for r in rounds) for i in range(len(STEPS))]
    print(f"\n{len(clips)} clips, {args.workers} workers, medians of {args.repeat}")
    print(f"{'step':<22}{'seconds':>9}{'ratio':>8}")
    for step, seconds in zip(STEPS, medians):
        print(f"{step:<22}{seconds:>9.2f}{seconds / medians[0]:>8.2f}")


if __name__ == "__main__":
    main()
