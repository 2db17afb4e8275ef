"""Audio analysis: features and derived descriptors from audio files (librosa).

Decoding goes through soundfile (wav, flac, ogg, opus, mp3, aiff) and, for AAC/ALAC
(m4a, mp4, aac) and WMA, the ffmpeg program.  Long files are analysed on a centred
window.  Every problem a file can have (missing, empty,
undecodable, silent, too short, unsupported) is an :class:`AudioError` with one line
saying which.

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

import math
import os
import shutil
import subprocess
import warnings
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import AudioError
from .spectrum import HOP, Spectrum, cens, spectral, timbre_and_harmony

ANALYSIS_VERSION = 2  # 2: one shared spectrogram; timbre/harmony/rhythm statistics
SAMPLE_RATE = 22050
MIN_SECONDS = 3.0
SILENCE_RMS = 1e-4
#: formats soundfile decodes itself, and those (AAC/ALAC in MP4, WMA) decoded by ffmpeg
NATIVE_SUFFIXES = frozenset({".wav", ".flac", ".ogg", ".oga", ".opus", ".mp3", ".aiff", ".aif"})
FFMPEG_SUFFIXES = frozenset({".m4a", ".mp4", ".aac", ".wma"})
SUFFIXES = NATIVE_SUFFIXES | FFMPEG_SUFFIXES
PITCH_CLASSES = ("C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B")
MAJOR = np.array([6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88])
MINOR = np.array([6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17])
TEMPO_RANGE = (40.0, 220.0)


def _clip(x: float) -> float:
    return float(min(1.0, max(0.0, x)))


def require() -> None:
    """Fail with an install hint when the optional audio libraries are missing."""
    try:
        import librosa  # noqa: F401
        import pyloudnorm  # noqa: F401
        import soundfile  # noqa: F401
    except ImportError as exc:
        raise AudioError(f"audio analysis needs the audio extra ({exc.name} is missing): "
                         "pip install 'feelalike[audio]'") from None


def decode(path: str | Path, window: float) -> tuple[np.ndarray, float]:
    """Mono samples at SAMPLE_RATE (the centred ``window`` seconds) and full duration."""
    require()
    path = Path(path)
    name = printable_path(path)
    if not path.is_file():
        raise AudioError(f"{name}: no such file")
    if path.suffix.lower() not in SUFFIXES:
        raise AudioError(f"{name}: unsupported format {path.suffix or '(none)'}")
    if path.stat().st_size == 0:
        raise AudioError(f"{name}: empty file")
    # ffmpeg reads AAC and WMA, and a name that is no UTF-8 (it takes bytes; libsndfile
    # does not)
    ffmpeg = path.suffix.lower() in FFMPEG_SUFFIXES or name != str(path)
    length, samples = (_ffmpeg_duration, _ffmpeg_samples) if ffmpeg else \
        (_soundfile_duration, _soundfile_samples)
    with warnings.catch_warnings():  # decoders' notes are not the user's business
        warnings.simplefilter("ignore")
        try:
            duration = length(path)
            offset = max(0.0, (duration - window) / 2)
            y = samples(path, offset, window)
            if len(y) < MIN_SECONDS * SAMPLE_RATE and offset > 0:  # cut off: what is there
                y = samples(path, 0.0, window)
        except AudioError:
            raise
        except Exception as exc:  # the decoders raise many types for a bad file
            # the decoders quote the whole path, which would crowd out their reason
            reason = str(exc).replace(str(path), Path(path).name)
            raise AudioError(f"{name}: cannot decode ({type(exc).__name__}: "
                             f"{reason[:80]})", lasting=True) from None
    if len(y) < MIN_SECONDS * SAMPLE_RATE:
        raise AudioError(f"{name}: too short ({len(y) / SAMPLE_RATE:.1f}s of audio; at "
                         f"least {MIN_SECONDS:g}s)", lasting=True)
    if not np.isfinite(y).all() or float(np.sqrt(np.mean(y ** 2))) < SILENCE_RMS:
        raise AudioError(f"{name}: silent", lasting=True)
    return y, duration


def decoders() -> str:
    """The decoders this machine has: a failure to decode is only as lasting as they
    (installing ffmpeg or a newer libsndfile may read a file that failed)."""
    import soundfile

    return (f"libsndfile {getattr(soundfile, '__libsndfile_version__', '?')}, "
            f"ffmpeg {shutil.which('ffmpeg') or 'none'}")


def printable_path(path: Path) -> str:
    """The path as text that can be printed (bytes of a name that is no UTF-8 become
    U+FFFD)."""
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _soundfile_duration(path: Path) -> float:
    import soundfile

    info = soundfile.info(str(path))
    return float(info.frames) / float(info.samplerate) if info.samplerate else 0.0


def _soundfile_samples(path: Path, offset: float, window: float) -> np.ndarray:
    import librosa

    return librosa.load(str(path), sr=SAMPLE_RATE, mono=True, offset=offset,
                        duration=window)[0]


def _ffmpeg_duration(path: Path) -> float:
    """From the tags' stream information (mutagen)."""
    import mutagen

    return float(mutagen.File(os.fsencode(path)).info.length)


def _ffmpeg_samples(path: Path, offset: float, window: float) -> np.ndarray:
    """Mono float32 samples at SAMPLE_RATE decoded by the ``ffmpeg`` program."""
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        raise AudioError(f"{printable_path(path)}: decoding {path.suffix} needs the ffmpeg "
                         "program (apt-get install ffmpeg)")
    # "file:" and an absolute path: a colon in the name is no protocol ("Act 1: x.m4a")
    source = b"file:" + os.fsencode(path.absolute())
    run = subprocess.run([ffmpeg, "-v", "error", "-nostdin", "-ss", f"{offset:.3f}", "-t",
                          f"{window:.3f}", "-i", source, "-ac", "1", "-ar",
                          str(SAMPLE_RATE), "-f", "f32le", "-"], capture_output=True,
                         check=False)
    if run.returncode != 0:
        reason = run.stderr.decode(errors="replace").strip().splitlines()[-1:] or ["?"]
        raise AudioError(f"{printable_path(path)}: cannot decode (ffmpeg: {reason[0][:80]})",
                         lasting=True)
    return np.frombuffer(run.stdout, dtype="<f4").astype(np.float32)


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
    y, duration = decode(path, window)
    described = describe(y, duration)
    if embedding:
        from .embedding import embed_samples

        described["features"]["embedding"] = embed_samples(y, SAMPLE_RATE, embedding)
    return {"path": str(path), **described}


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
                     **timbre_and_harmony(s)})
    return {"duration": round(duration, 3), "tempo": round(bpm, 2),
            "tempo_confidence": round(confidence, 3), "key": PITCH_CLASSES[pc],
            "mode": "major" if mode == 1 else "minor", "features": features}


def warm_up() -> None:
    """Run the analysis once on a few seconds of synthetic sound.

    librosa compiles its numba functions on first use and caches the machine code
    beside its own sources.  Worker processes that compile them at the same time can
    leave a cache that crashes every later analysis (seen with numba 0.68: a
    segmentation fault in ``piptrack``); compiled here first, the cache is written
    once and the workers, forked after, start with the functions compiled.
    """
    seconds = 4.0
    t = np.arange(int(SAMPLE_RATE * seconds)) / SAMPLE_RATE
    pulse = (np.sin(2 * np.pi * 2.0 * t) > 0.9).astype(np.float64)
    noise = np.random.default_rng(0).standard_normal(t.size)
    y = 0.3 * np.sin(2 * np.pi * 220.0 * t) + 0.05 * noise + 0.2 * pulse
    describe(y.astype(np.float32), seconds)
