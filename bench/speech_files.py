"""How the speech detector scores files, by group: music (by source), speech, other.

    python bench/speech_files.py [--speech DIR]... [--music DIR]...

Groups from the shared data (../shared/data/audio): the 200 Emotify clips, the 28
generated clips and the five librosa music recordings (music), the LibriSpeech reading
(speech), the humpback whale (other; the bird call is under the 3 s minimum). Extra
folders add groups of their own (e.g. espeak-ng readings, speech over a music bed).
Prints, per group: clips, share flagged as speech, min / median / max score, and the
threshold. One process, no cache.
"""
from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models.audio import (SAMPLE_RATE, SPEECH_THRESHOLD, Spectrum, decode,  # noqa: E402
                          expand, speech_score)

AUDIO = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "audio"
NOT_MUSIC = ("198-209-0000", "humpback", "bird-whistling")


def shared_groups() -> dict[str, list[Path]]:
    """The shared clips by group (empty when the shared data is absent)."""
    librosa_clips = sorted((AUDIO / "librosa").glob("*.ogg"))
    return {
        "music: emotify": sorted((AUDIO / "emotify_dev").glob("*.ogg")),
        "music: generated": sorted(p for p in (AUDIO / "generated_moods").glob("*/*")
                                   if p.suffix in (".ogg", ".opus")),
        "music: librosa": [p for p in librosa_clips if not any(n in p.name for n in NOT_MUSIC)],
        "speech: librispeech": [p for p in librosa_clips if "198-209-0000" in p.name],
        "other: whale": [p for p in librosa_clips if "humpback" in p.name],
    }


def score(path: Path) -> tuple[float, float]:
    """(score, seconds the score itself took, after decoding and the spectrogram)."""
    y, _, _ = decode(path, 120.0)
    spectrum = Spectrum.of(y, SAMPLE_RATE)
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = speech_score(spectrum)
    return value, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--speech", action="append", default=[], help="a folder of speech")
    parser.add_argument("--music", action="append", default=[], help="a folder of music")
    parser.add_argument("--other", action="append", default=[], help="neither")
    args = parser.parse_args()
    groups = shared_groups()
    for kind in ("speech", "music", "other"):
        for folder in getattr(args, kind):
            groups[f"{kind}: {Path(folder).name}"] = [Path(p) for p in expand([folder])]
    print(f"threshold {SPEECH_THRESHOLD}")
    print(f"{'group':28s} {'clips':>5s} {'flagged':>8s} {'min':>6s} {'median':>6s} "
          f"{'max':>6s} {'ms':>5s}")
    for name, paths in groups.items():
        if not paths:
            continue
        scores, seconds = np.array([score(p) for p in paths]).T
        flagged = float(np.mean(scores >= SPEECH_THRESHOLD))
        print(f"{name:28s} {len(paths):5d} {flagged:8.0%} {scores.min():6.3f} "
              f"{np.median(scores):6.3f} {scores.max():6.3f} {1000 * np.median(seconds):5.1f}")


if __name__ == "__main__":
    main()
