"""`feelalike sync` against a rebuild: keeping a changed music folder's model in step.

    python bench/sync_bench.py [--clips DIR] [--new DIR] [--repeat 3] [--moves 20]
                               [--deletes 5]

Copies the clips (default: the 200 Emotify clips in ../shared/data) into a private
folder and builds a model from it with the real command line (a private data home and
its embedded Redis), then, ``--repeat`` times and timed by the wall clock:

- ``build`` again (the analyses cached: what a self-hoster would run without sync);
- ``sync`` of the folder unchanged;
- ``sync`` after ``--moves`` files moved into a subfolder, ``--deletes`` deleted and the
  files of ``--new`` added (default: the five generated "calm" clips; analysed in the
  first round, cached after, as a rebuild's are);
- ``sync`` after the folder is put back as it was.

Prints the median of each with its ratio to the rebuild, and the track count after each
sync beside what a fresh build of the folder holds.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CLIPS = ROOT.parent / "shared" / "data" / "audio" / "emotify_dev"
NEW = ROOT.parent / "shared" / "data" / "audio" / "generated_moods" / "calm"
AUDIO = (".ogg", ".opus", ".mp3", ".flac", ".wav", ".m4a")


def feelalike(home: Path, *args: str) -> tuple[float, str]:
    """Seconds the command took, and its standard output; exits on a failure."""
    env = {**os.environ, "FEELALIKE_DATA_HOME": str(home)}
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "service.cli", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"feelalike {' '.join(args)} failed: {done.stderr.strip()[-400:]}")
    return time.perf_counter() - started, done.stdout


def tracks(home: Path) -> int:
    """How many tracks the live model has (one line each from ``tracks --all``)."""
    return len(feelalike(home, "tracks", "--all")[1].splitlines())


def change(library: Path, aside: Path, new: Path, moves: int, deletes: int) -> None:
    """Move ``moves`` files into a subfolder, delete ``deletes`` (kept aside) and add
    the audio files of ``new``."""
    files = sorted(p for p in library.iterdir() if p.suffix in AUDIO)
    (library / "moved").mkdir(exist_ok=True)
    for path in files[:moves]:
        path.rename(library / "moved" / path.name)
    aside.mkdir(exist_ok=True)
    for path in files[moves:moves + deletes]:
        path.rename(aside / path.name)
    for path in new.iterdir():
        if path.suffix in AUDIO:
            shutil.copy(path, library / f"new {path.name}")


def restore(library: Path, aside: Path) -> None:
    """The folder as it was before :func:`change`."""
    for path in (library / "moved").iterdir():
        path.rename(library / path.name)
    for path in aside.iterdir():
        path.rename(library / path.name)
    for path in library.glob("new *"):
        path.unlink()


STEPS = (("rebuild (analyses cached)", None), ("sync, folder unchanged", None),
         ("sync, moved/deleted/new", change), ("sync, put back", restore))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clips", default=str(CLIPS))
    parser.add_argument("--new", default=str(NEW))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--moves", type=int, default=20)
    parser.add_argument("--deletes", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        home, library, aside = (Path(scratch, name) for name in ("home", "lib", "aside"))
        library.mkdir()
        for path in Path(args.clips).iterdir():
            if path.suffix in AUDIO:
                shutil.copy(path, library / path.name)
        cold, _ = feelalike(home, "build", "--audio-dir", str(library))
        print(f"cold build of {len(list(library.iterdir()))} files: {cold:.1f} s", flush=True)
        times: dict[str, list[float]] = {}
        counts: dict[str, int] = {}
        for _ in range(args.repeat):
            for name, before in STEPS:
                if before is change:
                    change(library, aside, Path(args.new), args.moves, args.deletes)
                elif before is restore:
                    restore(library, aside)
                command = ["build", "--audio-dir"] if name.startswith("rebuild") else ["sync"]
                times.setdefault(name, []).append(feelalike(home, *command, str(library))[0])
                counts[name] = tracks(home)
        base = statistics.median(times["rebuild (analyses cached)"])
        print(f"\n{'step':28} {'median s':>9} {'x rebuild':>10} {'tracks':>7}")
        for name, values in times.items():
            median = statistics.median(values)
            print(f"{name:28} {median:9.2f} {median / base:10.2f} {counts[name]:7d}")


if __name__ == "__main__":
    main()
