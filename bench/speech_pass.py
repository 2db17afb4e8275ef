"""What the speech-only pass costs per file, against a full analysis, in the same run.

    python bench/speech_pass.py [--clips N] [FILE_OR_FOLDER]...

The pass (``models.audio.speech_pass``) gives the speech score to analyses cached before
it existed.  For each file (default: every 20th Emotify clip and the LibriSpeech reading
of the shared data), times a full analysis (``analyse``) and the pass (``speech_of``),
both in this one process after a warm-up, and checks they give the same score.  Prints
one row per file and the medians.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models.audio import analyse, expand, speech_of  # noqa: E402

AUDIO = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "audio"


def timed(work, *args) -> tuple[object, float]:
    start = time.perf_counter()
    value = work(*args)
    return value, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--clips", type=int, default=10, help="Emotify clips (default 10)")
    args = parser.parse_args()
    files = [Path(p) for p in expand(args.paths)] if args.paths else (
        sorted((AUDIO / "emotify_dev").glob("*.ogg"))[::20][:args.clips]
        + sorted((AUDIO / "librosa").glob("198-209-0000*.ogg")))
    speech_of(files[0], 120.0)  # compiles librosa's code: no file's time pays for it
    print(f"{'file':44s} {'seconds':>7s} {'full ms':>8s} {'pass ms':>8s} {'share':>6s} "
          f"{'same':>5s}")
    full_ms, pass_ms = [], []
    for path in files:
        result, full = timed(analyse, path, 120.0)
        score, alone = timed(speech_of, path, 120.0)
        same = abs(result["features"]["speech"] - score) < 1e-9
        full_ms.append(1000 * full)
        pass_ms.append(1000 * alone)
        print(f"{path.name[:44]:44s} {result['duration']:7.1f} {full_ms[-1]:8.0f} "
              f"{pass_ms[-1]:8.0f} {alone / full:6.0%} {'yes' if same else 'NO':>5s}")
    print(f"{'median':44s} {'':7s} {np.median(full_ms):8.0f} {np.median(pass_ms):8.0f} "
          f"{np.median(pass_ms) / np.median(full_ms):6.0%}")


if __name__ == "__main__":
    main()
