"""Analysis speed: this analysis against a previous one, in the same run, on the same files.

    python bench/analysis_speed.py [--previous b50c96b] [--files 20]

The previous ``models/audio/analysis.py`` is read from git (default: the last commit
before one shared spectrogram, where every librosa feature computed its own STFT and
the CQT chroma ran twice) and run side by side with the current one, one file at a
time in one process, alternating, so both see the same machine load.  Prints the
median seconds per file, audio seconds per wall second, and the ratio; then the
current analysis on two workers through ``analyse_many`` (no cache).
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from models.audio import analyse, analyse_many  # noqa: E402

CLIPS = ROOT.parent / "shared" / "data" / "audio" / "emotify_dev"


def previous_analyse(rev: str):
    """``analyse`` of ``models/audio/analysis.py`` at git revision ``rev``."""
    source = subprocess.run(["git", "show", f"{rev}:models/audio/analysis.py"], cwd=ROOT,
                            check=True, capture_output=True, text=True).stdout
    module = types.ModuleType("previous_analysis")
    module.__package__ = "models.audio"  # its relative imports (..errors, .spectrum, ...)
    exec(compile(source, f"{rev}:models/audio/analysis.py", "exec"), module.__dict__)
    return module.analyse


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--previous", default="b50c96b")
    parser.add_argument("--files", type=int, default=20)
    args = parser.parse_args()
    files = sorted(CLIPS.glob("*.ogg"))[:: max(1, 200 // args.files)][: args.files]
    old = previous_analyse(args.previous)
    analyse(files[0])
    old(files[0])  # warm both (imports, numba compilation)
    times: dict[str, list[float]] = {"previous": [], "current": []}
    audio = 0.0
    for path in files:
        for name, run in (("previous", old), ("current", analyse)):
            started = time.perf_counter()
            result = run(path)
            times[name].append(time.perf_counter() - started)
        audio += result["duration"]
    per_file = audio / len(files)
    print(f"{len(files)} files, {audio:.0f} s of audio, one process")
    print(f"{'analysis':<22}{'median s/file':>14}{'audio s / s':>13}")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"{name + (' ' + args.previous if name == 'previous' else ''):<22}"
              f"{median:>14.3f}{per_file / median:>13.1f}")
    ratio = statistics.median(times['previous']) / statistics.median(times['current'])
    print(f"speed-up (median): {ratio:.2f}x")
    started = time.perf_counter()
    batch = analyse_many(files, workers=2)
    wall = time.perf_counter() - started
    print(f"current, 2 workers, no cache: {wall:.1f} s, "
          f"{sum(t['duration'] for t in batch.tracks) / wall:.1f} audio s / s")


if __name__ == "__main__":
    main()
