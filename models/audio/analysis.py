"""Audio analysis: features and derived descriptors from audio files (librosa).

Decoding is :mod:`decoding`'s.  Long files are analysed on a centred window.

Tempo: autocorrelation of the onset-strength envelope, scored at each candidate
tempo T as ``AC(T) + AC(2T)/2 + AC(4T)/4`` (a true beat is reinforced by its
subdivisions, which is what settles half/double-time confusions) times librosa's
default log-normal prior (centre 120 BPM, one octave).  Confidence is the normalised
autocorrelation at the chosen beat period (0..1).
Key and mode: Krumhansl-Kessler key profiles correlated with the mean CENS chroma.

Derived descriptors are *estimates* on 0..1 (formulas in docs/audio.md):
  brightness   = clip((spectral centroid Hz - 500) / 3500)
  energy       = 0.5 * clip((LUFS + 40) / 35) + 0.25 * clip(onset rate / 8) + 0.25 * brightness
  acousticness = clip(1 - 0.6 * brightness - 0.4 * clip(flatness / 0.3))
  danceability = 0.5 * tempo confidence + 0.5 * exp(-((tempo - 120) / 40) ** 2)
"""
from __future__ import annotations

import warnings

import math
from pathlib import Path
from typing import Any

import numpy as np

from .compile_check import compile_checked
from .compile_lock import compile_once
from .decoding import SAMPLE_RATE, decode
from .speech import speech_score
from .spectrum import HOP, Spectrum, cens, spectral, timbre_and_harmony

ANALYSIS_VERSION = 2  # 2: one shared spectrogram; timbre/harmony/rhythm statistics
PITCH_CLASSES = ("C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B")
MAJOR = np.array([6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88])
MINOR = np.array([6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17])
TEMPO_RANGE = (40.0, 220.0)


def _clip(x: float) -> float:
    return float(min(1.0, max(0.0, x)))


def tempo(y: np.ndarray) -> tuple[float, float]:
    """(BPM, confidence 0..1)."""
    import librosa

    return tempo_of(librosa.onset.onset_strength(y=y, sr=SAMPLE_RATE, hop_length=HOP))


def tempo_of(oenv: np.ndarray) -> tuple[float, float]:
    """(BPM, confidence 0..1) from an onset-strength envelope at hop HOP."""
    import librosa

    centred = oenv - oenv.mean()
    ac = librosa.autocorrelate(centred)
    if ac[0] <= 0:
        return float("nan"), 0.0
    ac = ac / ac[0]
    frames_per_minute = 60.0 * SAMPLE_RATE / HOP
    bpm = np.arange(TEMPO_RANGE[0], TEMPO_RANGE[1], 0.25)
    lags = np.arange(len(ac))

    def at(b: np.ndarray) -> np.ndarray:
        return np.interp(frames_per_minute / b, lags, ac)

    prior = np.exp(-0.5 * np.log2(bpm / 120.0) ** 2)
    score = (at(bpm) + 0.5 * at(2 * bpm) + 0.25 * at(4 * bpm)) * prior
    best = float(bpm[int(np.argmax(score))])
    return best, _clip(float(at(np.array([best]))[0]))


def key_and_mode(y: np.ndarray) -> tuple[int, int, float]:
    """(pitch class 0..11, mode 1 major / 0 minor, correlation)."""
    pc, mode, r, _ = key_of(cens(y, SAMPLE_RATE))
    return pc, mode, r


def key_of(chroma: np.ndarray) -> tuple[int, int, float, float]:
    """(pitch class, mode, correlation, mode strength) from a (12, frames) chroma; mode
    strength is the best major minus the best minor correlation (-2..2)."""
    mean = chroma.mean(axis=1)
    if not np.any(mean > 0) or np.ptp(mean) == 0:
        return 0, 1, 0.0, 0.0
    best = {1: (-2.0, 0), 0: (-2.0, 0)}
    for pc in range(12):
        for mode, profile in ((1, MAJOR), (0, MINOR)):
            r = float(np.corrcoef(mean, np.roll(profile, pc))[0, 1])
            if r > best[mode][0]:
                best[mode] = (r, pc)
    mode = 1 if best[1][0] >= best[0][0] else 0
    return best[mode][1], mode, best[mode][0], best[1][0] - best[0][0]


def _loudness(y: np.ndarray) -> float:
    import pyloudnorm

    lufs = pyloudnorm.Meter(SAMPLE_RATE).integrated_loudness(y)
    return float(lufs) if math.isfinite(lufs) else -70.0


def derived(features: dict[str, float], bpm: float, confidence: float) -> dict[str, float]:
    """The 0..1 descriptors (estimates; see the module docstring)."""
    brightness = _clip((features["spectral_centroid_mean"] - 500.0) / 3500.0)
    energy = 0.5 * _clip((features["loudness"] + 40.0) / 35.0) \
        + 0.25 * _clip(features["onset_rate"] / 8.0) + 0.25 * brightness
    acoustic = _clip(1.0 - 0.6 * brightness
                     - 0.4 * _clip(features["spectral_flatness_mean"] / 0.3))
    dance = 0.5 * confidence + 0.5 * (math.exp(-((bpm - 120.0) / 40.0) ** 2)
                                      if math.isfinite(bpm) else 0.0)
    return {"brightness": brightness, "energy": _clip(energy), "acousticness": acoustic,
            "danceability": _clip(dance)}


def analyse(path: str | Path, window: float = 120.0, embedding: str = "") -> dict[str, Any]:
    """Analyse one file; raises AudioError for anything that makes it unusable.
    ``embedding`` (``MTT_musicnn``...) adds that pretrained embedding of the same
    samples as the feature ``embedding`` (a list)."""
    warm_up()
    y, duration, header = decode(path, window)
    with warnings.catch_warnings():  # librosa's notes ("empty frequency set") are ours
        warnings.simplefilter("ignore")
        described = describe(y, duration)
    if embedding:
        from .embedding import embed_samples

        described["features"]["embedding"] = embed_samples(y, SAMPLE_RATE, embedding)
    # its audio ends before its header says: analysed, and timed, by what is there
    cut = {} if header is None else {"header_duration": round(header, 3)}
    return {"path": str(path), **described, **cut}


def describe(y: np.ndarray, duration: float) -> dict[str, Any]:
    """Tempo, key and features of decoded mono samples at ``SAMPLE_RATE``."""
    s = Spectrum.of(y, SAMPLE_RATE)
    bpm, confidence = tempo_of(s.onset_envelope)
    pc, mode, key_r, mode_strength = key_of(s.chroma)
    features: dict[str, Any] = {"loudness": _loudness(y), **spectral(s)}
    features.update(derived(features, bpm, confidence))
    features.update({"tempo": bpm, "tempo_confidence": confidence, "key": float(pc),
                     "mode": float(mode), "key_confidence": key_r,
                     "mode_strength": mode_strength, "duration_ms": duration * 1000.0,
                     "speech": speech_score(s),
                     **timbre_and_harmony(s)})
    return {"duration": round(duration, 3), "tempo": round(bpm, 2),
            "tempo_confidence": round(confidence, 3), "key": PITCH_CLASSES[pc],
            "mode": "major" if mode == 1 else "minor", "features": features}


def warm_up() -> None:
    """Compile librosa's numba functions (or load them from its cache) by analysing a
    few seconds of synthetic sound, once per process and one process at a time on
    the machine (:mod:`compile_lock`): processes writing that cache together can
    leave it crashing every later analysis; a cache that crashes is cleared first
    (:mod:`compile_check`)."""
    compile_once(lambda: compile_checked(compile_functions))


def compile_functions() -> None:
    """Compile (or load) every numba function the analysis uses."""
    seconds = 4.0
    t = np.arange(int(SAMPLE_RATE * seconds)) / SAMPLE_RATE
    pulse = (np.sin(2 * np.pi * 2.0 * t) > 0.9).astype(np.float64)
    noise = np.random.default_rng(0).standard_normal(t.size)
    y = 0.3 * np.sin(2 * np.pi * 220.0 * t) + 0.05 * noise + 0.2 * pulse
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        describe(y.astype(np.float32), seconds)
