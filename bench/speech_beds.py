"""Speech over a music bed (a podcast with music under the voice, a radio show): the
speech score of readings mixed with music clips at a few bed levels.

    python bench/speech_beds.py [--beds N] [--levels -20,-12,-6,0]

Readings: four synthesised by espeak-ng (en, en-us, de, fr; about 30-40 s) and the
LibriSpeech reading of the shared data. Beds: every (200 / N)th Emotify clip (all four
genres), cut to the reading's length. A bed at -12 dB has an RMS 12 dB under the
reading's (both over their whole length, pauses included). Prints per level: mixes,
share flagged, min / median / max score, and the same per genre of the bed.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models.audio import (SAMPLE_RATE, SPEECH_THRESHOLD, Spectrum, decode,  # noqa: E402
                          speech_score)

AUDIO = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "audio"
READINGS = {
    "en": "It was a bright cold day in April, and the clocks were striking thirteen. Winston "
          "Smith, his chin nuzzled into his breast in an effort to escape the vile wind, "
          "slipped quickly through the glass doors of Victory Mansions, though not quickly "
          "enough to prevent a swirl of gritty dust from entering along with him. The hallway "
          "smelt of boiled cabbage and old rag mats.",
    "en-us": "Welcome back to the show. This week we talk about gardens in small cities, "
             "about the people who grow tomatoes on their balconies, and about why the "
             "bees keep coming back to the same window boxes every single spring. Our first "
             "guest has been doing this for twenty years, so let us start with her story.",
    "de": "Es war einmal ein kleines Mädchen, das wohnte mit seiner Mutter am Rande eines "
          "großen Waldes, und jeden Morgen ging es hinaus, um Holz zu sammeln. Eines Tages "
          "begegnete es einem alten Mann, der am Wegrand saß und sehr müde aussah.",
    "fr": "Il était une fois, dans un pays lointain, un roi qui avait trois filles, et la "
          "plus jeune était si belle que le soleil lui-même s'étonnait chaque fois qu'il "
          "éclairait son visage. Près du château se trouvait une grande forêt sombre.",
}


def readings(folder: Path) -> dict[str, np.ndarray]:
    """The espeak-ng readings and the LibriSpeech one, decoded at SAMPLE_RATE."""
    found = {}
    for voice, text in READINGS.items():
        out = folder / f"{voice}.wav"
        subprocess.run(["espeak-ng", "-v", voice, "-w", str(out), text], check=True)
        found[f"espeak {voice}"] = decode(out, 120.0)[0]
    libri = AUDIO / "librosa" / "198-209-0000.ogg"
    if libri.is_file():
        found["librispeech"] = decode(libri, 120.0)[0]
    return found


def mixed(voice: np.ndarray, bed: np.ndarray, level_db: float) -> np.ndarray:
    """``voice`` over ``bed`` (repeated or cut to its length) ``level_db`` under it."""
    bed = np.resize(bed, voice.shape)
    rms = lambda y: float(np.sqrt(np.mean(y.astype(np.float64) ** 2)))  # noqa: E731
    gain = rms(voice) / max(rms(bed), 1e-9) * 10 ** (level_db / 20)
    y = voice + gain * bed
    return (y / max(1.0, float(np.abs(y).max()))).astype(np.float32)


def score(y: np.ndarray) -> float:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return speech_score(Spectrum.of(y, SAMPLE_RATE, chroma=False))


def row(name: str, scores: list[float]) -> str:
    s = np.array(scores)
    return (f"{name:22s} {len(s):5d} {np.mean(s >= SPEECH_THRESHOLD):8.0%} {s.min():6.3f} "
            f"{np.median(s):6.3f} {s.max():6.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--beds", type=int, default=8, help="Emotify clips (default 8)")
    parser.add_argument("--levels", default="-20,-12,-6,0", help="bed levels in dB")
    args = parser.parse_args()
    clips = sorted((AUDIO / "emotify_dev").glob("*.ogg"))
    beds = {c.stem: decode(c, 120.0)[0] for c in clips[::max(1, len(clips) // args.beds)]}
    with tempfile.TemporaryDirectory() as tmp:
        voices = readings(Path(tmp))
    print(f"threshold {SPEECH_THRESHOLD}; {len(voices)} readings x {len(beds)} beds")
    print(f"{'bed level / group':22s} {'mixes':>5s} {'flagged':>8s} {'min':>6s} "
          f"{'median':>6s} {'max':>6s}")
    print(row("no bed", [score(v) for v in voices.values()]))
    for level in (float(x) for x in args.levels.split(",")):
        scores: dict[str, list[float]] = {}
        for bed_name, bed in beds.items():
            for voice_name, voice in voices.items():
                value = score(mixed(voice, bed, level))
                scores.setdefault(bed_name.split("_")[0], []).append(value)
                scores.setdefault(voice_name, []).append(value)
        every = [v for k, v in scores.items() if k in voices for v in v]
        print(row(f"{level:g} dB: all", every))
        for group, values in scores.items():
            print(row(f"  {group}", values))


if __name__ == "__main__":
    main()
