"""One spectrogram per file, shared by every feature that needs one.

The analysis used to let each librosa feature recompute its own STFT (centroid,
rolloff, flatness, RMS, onsets, MFCC) and computed the CQT chroma twice; here one
magnitude STFT (n_fft 2048, hop 256) and its mel spectrogram feed the spectral,
timbre and rhythm features, and one CENS chroma (from the audio at half the rate, where
the constant-Q transform costs half) feeds key, chroma and tonnetz.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

N_FFT = 2048
HOP = 256
N_MELS = 128
N_MFCC = 13
CHROMA_RATE = 11025  # the CQT's top octave (B7, 3.95 kHz) still fits; half the work


@dataclass
class Spectrum:
    """What one decode yields for the feature functions."""

    y: np.ndarray
    sr: int
    magnitude: np.ndarray  # (1 + N_FFT/2, frames)
    log_mel: np.ndarray  # (N_MELS, frames), dB
    onset_envelope: np.ndarray  # librosa's default onset strength, hop HOP
    chroma: np.ndarray  # (12, frames) CENS

    @classmethod
    def of(cls, y: np.ndarray, sr: int, chroma: bool = True) -> "Spectrum":
        """``chroma=False``: no chroma (an empty one), for the speech score alone, which
        needs none; the constant-Q transform is much of the spectrogram's cost."""
        import librosa

        magnitude = np.abs(librosa.stft(y, n_fft=N_FFT, hop_length=HOP))
        mel = librosa.feature.melspectrogram(S=magnitude ** 2, sr=sr, n_mels=N_MELS)
        log_mel = librosa.power_to_db(mel)
        oenv = librosa.onset.onset_strength(S=log_mel, sr=sr, hop_length=HOP)
        return cls(y, sr, magnitude, log_mel, oenv,
                   cens(y, sr) if chroma else np.zeros((12, 0), dtype=np.float32))


def cens(y: np.ndarray, sr: int) -> np.ndarray:
    """(12, frames) CENS chroma, from the audio at CHROMA_RATE."""
    import librosa

    low = librosa.resample(y, orig_sr=sr, target_sr=CHROMA_RATE)
    return librosa.feature.chroma_cens(y=low, sr=CHROMA_RATE)


def _stats(name: str, rows: np.ndarray) -> dict[str, list[float]]:
    return {f"{name}_mean": [float(x) for x in rows.mean(axis=1)],
            f"{name}_std": [float(x) for x in rows.std(axis=1)]}


def frequency_moments(magnitude: np.ndarray, sr: int,
                      roll_percent: float = 0.85) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per frame: spectral centroid, bandwidth (p = 2) and rolloff in Hz, as librosa's
    ``spectral_centroid``, ``spectral_bandwidth`` and ``spectral_rolloff`` compute them
    (a silent frame has centroid and bandwidth 0), from one normalisation of the
    magnitude instead of three (about a third of their time)."""
    freq = np.linspace(0.0, sr / 2.0, magnitude.shape[0])[:, None]
    total = magnitude.sum(axis=0)
    share = magnitude / np.where(total < np.finfo(magnitude.dtype).tiny, 1.0, total)
    centroid = (freq * share).sum(axis=0)
    bandwidth = np.sqrt((share * (freq - centroid) ** 2).sum(axis=0))
    cumulative = np.cumsum(magnitude, axis=0)
    rolloff = freq[np.argmax(cumulative >= roll_percent * cumulative[-1], axis=0), 0]
    return centroid, bandwidth, rolloff


def spectral(s: Spectrum) -> dict[str, float]:
    """Centroid, rolloff, flatness, bandwidth (mean, std), zero-crossing rate, dynamic
    range, RMS level and its low-energy share, onset rate and onset strength."""
    import librosa

    centroid, bandwidth, rolloff = frequency_moments(s.magnitude, s.sr)
    flatness = librosa.feature.spectral_flatness(S=s.magnitude)[0]
    zcr = librosa.feature.zero_crossing_rate(s.y, hop_length=HOP * 2)[0]
    rms = librosa.feature.rms(S=s.magnitude, frame_length=N_FFT)[0]
    rms_db = librosa.amplitude_to_db(rms + 1e-10)
    onsets = librosa.onset.onset_detect(onset_envelope=s.onset_envelope, sr=s.sr,
                                        hop_length=HOP)
    out: dict[str, float] = {}
    for name, v in (("spectral_centroid", centroid), ("spectral_rolloff", rolloff),
                    ("spectral_flatness", flatness), ("spectral_bandwidth", bandwidth),
                    ("rms_db", rms_db), ("onset_strength", s.onset_envelope)):
        out[f"{name}_mean"], out[f"{name}_std"] = float(v.mean()), float(v.std())
    out.update({"zero_crossing_rate": float(zcr.mean()),
                "dynamic_range_db": float(np.percentile(rms_db, 95) - np.percentile(rms_db, 10)),
                "low_energy_ratio": float(np.mean(rms < rms.mean())),
                "onset_rate": float(len(onsets) / (len(s.y) / s.sr))})
    return out


def timbre_and_harmony(s: Spectrum) -> dict[str, list[float]]:
    """MFCC (mean, std, std of the frame-to-frame change), spectral contrast (mean,
    std), CENS chroma (mean, std) and tonnetz (mean, std)."""
    import librosa

    mfcc = librosa.feature.mfcc(S=s.log_mel, n_mfcc=N_MFCC)
    contrast = librosa.feature.spectral_contrast(S=s.magnitude, sr=s.sr)
    tonnetz = librosa.feature.tonnetz(chroma=s.chroma, sr=s.sr)
    return {**_stats("mfcc", mfcc),
            "mfcc_delta_std": [float(x) for x in np.diff(mfcc, axis=1).std(axis=1)],
            **_stats("spectral_contrast", contrast), **_stats("chroma", s.chroma),
            **_stats("tonnetz", tonnetz)}
