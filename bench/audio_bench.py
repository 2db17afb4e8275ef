"""Audio analysis: tempo and key accuracy on the generated clips, and speed.

    python bench/audio_bench.py

Accuracy on ../shared/data/audio/generated_moods (28 clips; intended tempo and key
in LICENSE-MUSIC.txt), side by side with librosa's default tempo estimator
(``librosa.feature.tempo``, the same as ``librosa.feature.rhythm.tempo``) on the same
decoded audio.  Speed: seconds of audio analysed per second of wall time, with one
worker and with one per core, then a re-run on the warm cache and a re-run after one
file changed.
"""
from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from models.audio import (  # noqa: E402  # noqa: E402
    PITCH_CLASSES,
    SAMPLE_RATE,
    AudioCache,
    analyse_many,
    decode,
    key_and_mode,
    tempo,
)

CLIPS = ROOT.parent / "shared" / "data" / "audio" / "generated_moods"
FLAT = {"Bb": "A#", "Db": "C#", "Eb": "D#", "Gb": "F#", "Ab": "G#"}


def truth() -> dict[str, tuple[float, str, str]]:
    text = (CLIPS / "LICENSE-MUSIC.txt").read_text(encoding="utf-8")
    return {m.group(1): (float(m.group(2)), FLAT.get(m.group(3), m.group(3)), m.group(4))
            for m in re.finditer(r"(\S+\.opus)\s+(\d+) bpm\s+(\S+) (major|minor)", text)}


def within(estimate: float, target: float, octave: bool) -> bool:
    factors = (0.5, 1.0, 2.0) if octave else (1.0,)
    return min(abs(estimate * f - target) / target for f in factors) <= 0.05


def accuracy() -> None:
    import librosa

    labels = truth()
    rows = {"ours": [0, 0], "librosa default": [0, 0]}
    keys = 0
    for path in sorted(CLIPS.glob("*/*.opus")):
        bpm, key, mode = labels[path.name]
        y = decode(path, 120.0).samples
        ours, _ = tempo(y)
        base = float(librosa.feature.tempo(y=y, sr=SAMPLE_RATE)[0])
        for name, est in (("ours", ours), ("librosa default", base)):
            rows[name][0] += within(est, bpm, False)
            rows[name][1] += within(est, bpm, True)
        pc, m, _ = key_and_mode(y)
        keys += PITCH_CLASSES[pc] == key and ("major" if m else "minor") == mode
    n = len(labels)
    print(f"{n} clips")
    print(f"{'tempo estimator':<18}{'within 5%':>11}{'+ half/double':>15}")
    for name, (strict, octave) in rows.items():
        print(f"{name:<18}{strict:>8}/{n}{octave:>12}/{n}")
    print(f"key + mode (Krumhansl-Kessler on CENS chroma): {keys}/{n}")


def speed() -> None:
    files = sorted(CLIPS.glob("*/*.opus"))
    import soundfile

    audio_seconds = sum(soundfile.info(str(f)).duration for f in files)
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "clips"
        shutil.copytree(CLIPS, work)
        print(f"\n{len(files)} files, {audio_seconds:.0f} s of audio, {cores} cores")
        print(f"{'run':<34}{'wall s':>8}{'audio s / s':>13}{'per core':>10}")
        for workers in (1, cores):
            t0 = time.perf_counter()
            analyse_many([work], cache=None, workers=workers)
            wall = time.perf_counter() - t0
            print(f"{f'cold, {workers} worker(s)':<34}{wall:>8.1f}{audio_seconds / wall:>13.1f}"
                  f"{audio_seconds / wall / workers:>10.1f}")
        cache = AudioCache(Path(tmp) / "cache")
        analyse_many([work], cache=cache, workers=cores)
        t0 = time.perf_counter()
        batch = analyse_many([work], cache=cache, workers=cores)
        print(f"{'re-run, nothing changed':<34}{time.perf_counter() - t0:>8.2f}"
              f"{'':>13}{'':>10}  ({batch.cached} from cache)")
        changed = sorted(work.glob("*/*.opus"))[0]
        changed.write_bytes(changed.read_bytes() + b"\0")  # new content, same audio
        t0 = time.perf_counter()
        batch = analyse_many([work], cache=cache, workers=cores)
        print(f"{'re-run, one file changed':<34}{time.perf_counter() - t0:>8.2f}"
              f"{'':>13}{'':>10}  ({batch.cached} from cache)")


if __name__ == "__main__":
    accuracy()
    speed()
