"""Vocal-heavy music (rap, spoken word over a beat): how often the speech detector takes
it for speech, with the current scoring and with an earlier one.

    python bench/speech_vocal_music.py [--beds N] [--levels 6,3,0] [--before REV]...

A file tagged "speech" is kept out of music recommendations and playlists, so a hip-hop
track flagged here is a user's music hidden. There is no rap in the shared data; the
proxies are synthesised, none picked per clip:

- voices: dense rhymed lines read fast by espeak-ng (-s 200-260, no punctuation, so no
  sentence pauses), "free"; the same lines each started on a bar's downbeat of the drum
  loop ("on bars", only over that loop); and the normal readings of bench/speech_beds.py
  (a podcast over music, for comparison);
- beds: N Emotify clips per beat-driven genre (electronic, pop, rock), the librosa
  example loops with a beat (Vibe Ace, Let's Go Fishin'), and a numpy drum loop (kick,
  snare, hi-hat and a bass note on the kick) at 85, 90, 95 and 100 BPM.

Levels are the voice over the bed in dB (RMS over the whole length): rap vocals sit at
or above the beat. Prints, per material and level: mixes, share flagged, median and max
score for the current scoring and for each ``--before`` revision (default ``aaa4217^``: the
pauses read on the whole spectrum, before they were read per mel-band group), loaded with
``git show`` into a throw-away module.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import types
import warnings
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from models.audio import (SAMPLE_RATE, SPEECH_THRESHOLD, Spectrum, decode,  # noqa: E402
                          speech_score)
from speech_beds import AUDIO, READINGS, mixed  # noqa: E402

LINES = [
    "I keep it moving when the city gets cold", "got a story in my pocket that was never sold",
    "every corner got a rhythm and a name to hold", "every window got a picture in a frame of gold",
    "we were running on the rooftops when the summer came",
    "now the radio is playing and it sounds the same",
    "I remember every number on the subway train",
    "I remember every letter of my mother's name",
    "pen to paper in the kitchen at the break of day",
    "all the neighbours in the hallway got a lot to say",
    "if the money never comes then we will find a way",
    "if the rain keeps falling we will learn to play",
    "back and forth across the river on a borrowed bike",
    "we would argue about music and the things we like",
    "now I'm standing at the microphone to tell it right",
    "keep the engine running baby we could ride all night",
]
RAP_VOICES = [("en-us", 200), ("en-us+m3", 230), ("en-029", 245), ("en-gb", 260)]
DRUM_BPM = (85, 90, 95, 100)
LOOPS = ("Kevin_MacLeod_-_Vibe_Ace.ogg", "Karissa_Hobbs_-_Lets_Go_Fishin.ogg")


def before_module(rev: str) -> types.ModuleType:
    """``models/audio/speech.py`` as it was at ``rev``, as a module of models.audio (its
    relative imports resolve there)."""
    source = subprocess.run(["git", "-C", str(ROOT), "show", f"{rev}:models/audio/speech.py"],
                            check=True, capture_output=True, text=True).stdout
    module = types.ModuleType("models.audio._speech_before")
    module.__package__ = "models.audio"
    exec(compile(source, f"{rev}:models/audio/speech.py", "exec"), module.__dict__)
    return module


def espeak(folder: Path, name: str, voice: str, rate: int, text: str) -> np.ndarray:
    out = folder / f"{name}.wav"
    subprocess.run(["espeak-ng", "-v", voice, "-s", str(rate), "-w", str(out), text], check=True)
    import librosa  # not decode(): a line is shorter than the analysis's 3 s minimum

    return librosa.load(out, sr=SAMPLE_RATE)[0].astype(np.float64)


def drum_loop(bpm: float, seconds: float, sr: int = SAMPLE_RATE) -> np.ndarray:
    """A boom-bap loop: kick on 1 and the "and" of 2 and on 3, snare on 2 and 4, closed
    hi-hat on every eighth, a bass note (55 Hz) under each kick."""
    rng = np.random.default_rng(int(bpm))
    beat = 60.0 / bpm
    y = np.zeros(int(seconds * sr))

    def hit(at: float, sound: np.ndarray) -> None:
        start = int(at * sr)
        end = min(len(y), start + len(sound))
        if start < end:
            y[start:end] += sound[:end - start]

    t = np.arange(int(0.4 * sr)) / sr
    kick = np.sin(2 * np.pi * (50 * t + 60 * (1 - np.exp(-t * 30)) / 30)) * np.exp(-t * 12)
    bass = 0.5 * np.sin(2 * np.pi * 55 * t) * np.exp(-t * 4)
    snare = (rng.normal(size=t.size) * 0.6 + np.sin(2 * np.pi * 190 * t)) * np.exp(-t * 20)
    hat_noise = np.diff(rng.normal(size=int(0.05 * sr) + 1))  # a first difference: bright
    hat = 0.25 * hat_noise * np.exp(-np.arange(hat_noise.size) / sr * 80)
    for bar in range(int(seconds / (4 * beat)) + 1):
        at = bar * 4 * beat
        for b in (0.0, 1.5, 2.0):
            hit(at + b * beat, kick + bass)
        for b in (1.0, 3.0):
            hit(at + b * beat, snare)
        for eighth in range(8):
            hit(at + eighth * beat / 2, hat)
    return y


def on_bars(lines: list[np.ndarray], bpm: float) -> np.ndarray:
    """Each line started on the next free downbeat (a line longer than a bar takes two)."""
    bar = int(4 * 60.0 / bpm * SAMPLE_RATE)
    starts, at = [], 0
    for line in lines:
        starts.append(at)
        at += bar * int(np.ceil(len(line) / bar))
    y = np.zeros(at)
    for start, line in zip(starts, lines):
        y[start:start + len(line)] += line
    return y


def voices(folder: Path) -> tuple[dict[str, np.ndarray], dict[int, np.ndarray]]:
    """({name: free rap or reading}, {bpm: rap on bars at that tempo})."""
    text = " ".join(LINES)
    found = {f"rap {v} -s{r}": espeak(folder, f"rap{i}", v, r, text)
             for i, (v, r) in enumerate(RAP_VOICES)}
    for voice in ("en", "en-us"):
        found[f"reading {voice}"] = espeak(folder, f"read-{voice}", voice, 175, READINGS[voice])
    lines = [espeak(folder, f"line{i}", "en-us+m3", 230, line) for i, line in enumerate(LINES)]
    return found, {bpm: on_bars(lines, bpm) for bpm in DRUM_BPM}


def beds(per_genre: int, seconds: float) -> dict[str, list[np.ndarray]]:
    """{bed group: beds}."""
    found: dict[str, list[np.ndarray]] = {}
    for genre in ("electronic", "pop", "rock"):
        clips = sorted((AUDIO / "emotify_dev").glob(f"{genre}_*.ogg"))
        step = max(1, len(clips) // per_genre)
        found[f"emotify {genre}"] = [decode(c, 120.0)[0].astype(np.float64)
                                     for c in clips[::step][:per_genre]]
    loops = [AUDIO / "librosa" / name for name in LOOPS]
    found["librosa loops"] = [decode(p, 120.0)[0].astype(np.float64) for p in loops
                              if p.is_file()]
    found["drum loop"] = [drum_loop(bpm, seconds) for bpm in DRUM_BPM]
    return found


def scores(y: np.ndarray, modules: list) -> list[float]:
    """Each scoring's speech score of ``y`` (one spectrogram)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        spectrum = Spectrum.of(y.astype(np.float32), SAMPLE_RATE, chroma=False)
        return [m.speech_score(spectrum) for m in modules]


def cells(values: np.ndarray) -> str:
    return (f"{np.mean(values >= SPEECH_THRESHOLD):5.0%} {np.median(values):6.3f} "
            f"{values.max():6.3f}")


def row(name: str, values: list[list[float]]) -> str:
    """values: per mix, [current, *before]."""
    v = np.array(values)
    return f"{name:32s} {len(v):3d} " + " ".join(f"  {cells(col)}" for col in v.T)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--beds", type=int, default=8, help="Emotify clips per genre")
    parser.add_argument("--levels", default="6,3,0", help="voice over the bed, dB")
    parser.add_argument("--before", action="append", help="git revision to compare "
                        "(repeatable; default aaa4217^)")
    args = parser.parse_args()
    revisions = args.before or ["aaa4217^"]
    modules = [types.SimpleNamespace(speech_score=speech_score),
               *(before_module(rev) for rev in revisions)]
    with tempfile.TemporaryDirectory() as tmp:
        free, bars = voices(Path(tmp))
    longest = max(len(v) for v in [*free.values(), *bars.values()]) / SAMPLE_RATE
    groups = beds(args.beds, longest + 1)
    print(f"threshold {SPEECH_THRESHOLD}; columns: current, " + ", ".join(revisions))
    head = f"{'flag':>5s} {'median':>6s} {'max':>6s}"
    print(f"{'material / voice over bed':32s} {'n':>3s} " + f"  {head}" * len(modules))
    print(row("voices alone: rap free", [scores(v, modules) for k, v in free.items()
                                         if k.startswith("rap")]))
    print(row("voices alone: rap on bars", [scores(v, modules) for v in bars.values()]))
    print(row("voices alone: readings", [scores(v, modules) for k, v in free.items()
                                         if k.startswith("reading")]))
    for name, group in groups.items():
        print(row(f"bed alone: {name}", [scores(b, modules) for b in group]))
    for level in (float(x) for x in args.levels.split(",")):
        table: dict[str, list[list[float]]] = {}
        for name, group in groups.items():
            for bed in group:
                for voice_name, voice in free.items():
                    kind = "rap free" if voice_name.startswith("rap") else "reading"
                    table.setdefault(f"{kind}, {name}", []).append(
                        scores(mixed(voice, bed, -level), modules))
        for bpm, voice in bars.items():
            table.setdefault("rap on bars, drum loop", []).append(
                scores(mixed(voice, drum_loop(bpm, len(voice) / SAMPLE_RATE), -level), modules))
        print(f"voice {level:+g} dB over the bed")
        for name, values in table.items():
            print(row(f"  {name}", values))


if __name__ == "__main__":
    main()
