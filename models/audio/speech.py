"""Is a file mostly speech (an audiobook chapter, a podcast episode) rather than music?

Five speech/music cues, each read from the analysis's one spectrogram
(:class:`~.spectrum.Spectrum`) and mapped to 0 (music-like) .. 1 (speech-like) between
a typical music and a typical speech value; the score is their geometric mean, so a
music clip must look like speech on every cue at once (an electronic track with long
gaps still has its beat; an unbeaten classical piece still has its held notes):

- pauses: the share of frames below half the RMS of the second around them (the gaps
  between words and phrases; Scheirer & Slaney's "low-energy frames"), per mel-band group
  and the median taken, so a music bed under a voice, which fills the gaps in some bands
  (its bass, its strings) but not in all, does not hide them;
- phrase pauses: the share of those frames in gaps of 0.2 s or more, per band group (the
  median), the breaks between phrases and sentences: dense delivery over a beat (rap, a
  chant) fills a beat with words and barely breaks, a reading or a talk does;
- syllables: the share of the band-energy modulation at 2.5-6 Hz, the syllable rate,
  in 0.5-16 Hz (Houtgast & Steeneken's 4 Hz modulation);
- no held notes: how little the log-mel spectrum 100 ms later resembles the current one
  (phonemes change; notes and chords are held);
- no beat: the lack of a periodic onset envelope at any beat period of 0.25-1.5 s.

Measured on 233 music clips (max 0.44) and real and synthetic speech (min 0.88), on
speech over music beds (``bench/speech_beds.py``) and on proxies of rap over beats
(``bench/speech_vocal_music.py``); see docs/audio.md ("Speech") and
``bench/speech_files.py``.
"""
from __future__ import annotations

import numpy as np

from ..ingest import SPEECH_TAG
from .spectrum import HOP, Spectrum

#: a file at or above this score sounds like speech
SPEECH_THRESHOLD = 0.7
#: (music-like value, speech-like value) of each cue
PAUSES = (0.20, 0.45)
PHRASE_PAUSES = (0.05, 0.15)
PHRASE_SECONDS = 0.2  # the shortest break between phrases
SYLLABLES = (0.30, 0.42)
HELD = (0.90, 0.55)
BEAT = (0.45, 0.15)
_SEGMENT = 256  # frames per modulation spectrum (about 3 s at hop 256)


def _towards(value: float, music: float, speech: float) -> float:
    """0 at ``music``, 1 at ``speech``, linear between and clipped."""
    return float(min(1.0, max(0.0, (value - music) / (speech - music))))


def _bands(s: Spectrum) -> np.ndarray:
    """(12, frames) power of the 12 lowest of 16 mel-band groups (up to about 5 kHz,
    where speech has its energy)."""
    power = np.exp(s.log_mel * (np.log(10.0) / 10.0))
    return power.reshape(16, power.shape[0] // 16, -1).sum(axis=1)[:12]


def _low_frames(s: Spectrum) -> np.ndarray:
    """(12, frames): whether a frame's RMS in each of the :func:`_bands` is below half
    the mean RMS of the second around it in that band."""
    rms = np.sqrt(_bands(s))
    width = max(1, min(rms.shape[1], int(s.sr / HOP)))  # a clip under a second: all of it
    kernel = np.ones(width) / width
    return np.array([band < 0.5 * np.convolve(band, kernel, mode="same") for band in rms])


def pause_share(s: Spectrum) -> float:
    """Median over the :func:`_bands` of the share of :func:`_low_frames`.  Measured on
    the whole spectrum, a bed 6 dB under a voice filled its pauses (the share fell from
    0.32 to 0.13, music's median 0.04); per band it falls from 0.49 to 0.40 (music:
    median 0.15, at most 0.53)."""
    return _pause_share(_low_frames(s))


def _pause_share(low: np.ndarray) -> float:
    return float(np.median(low.mean(axis=1)))


def phrase_pause_share(s: Spectrum, seconds: float = PHRASE_SECONDS) -> float:
    """Median over the :func:`_bands` of the share of frames in runs of
    :func:`_low_frames` at least ``seconds`` long: the breaks between phrases and
    sentences.  Short gaps between words are also found in dense delivery over a beat
    (rap, a chant), which barely breaks; a reading or a talk does, so a voice over a
    music bed is speech only with these (readings under a bed 6 dB down: median 0.12-0.15;
    fast rhymed lines without breaks over beats: at most 0.11; music: median 0.04)."""
    return _phrase_pause_share(_low_frames(s), max(1, int(round(seconds * s.sr / HOP))))


def _phrase_pause_share(low_frames: np.ndarray, shortest: int) -> float:
    shares = []
    for low in low_frames:
        edges = np.diff(np.concatenate([[0], low.astype(np.int8), [0]]))
        runs = np.flatnonzero(edges == -1) - np.flatnonzero(edges == 1)
        shares.append(runs[runs >= shortest].sum() / max(1, low.size))
    return float(np.median(shares))


def syllable_modulation(s: Spectrum) -> float:
    """Median share of 2.5-6 Hz in the 0.5-16 Hz modulation of the envelopes of the
    :func:`_bands`."""
    bands = _bands(s)
    envelopes = bands / (bands.mean(axis=1, keepdims=True) + 1e-12)
    segments = envelopes.shape[1] // _SEGMENT
    if segments == 0:
        return 0.0
    cut = envelopes[:, :segments * _SEGMENT].reshape(len(bands), segments, _SEGMENT)
    cut = (cut - cut.mean(axis=2, keepdims=True)) * np.hanning(_SEGMENT)
    spectrum = np.abs(np.fft.rfft(cut, axis=2)) ** 2
    freq = np.fft.rfftfreq(_SEGMENT, HOP / s.sr)
    syllables = spectrum[:, :, (freq >= 2.5) & (freq <= 6.0)].sum(axis=(0, 2))
    total = spectrum[:, :, (freq >= 0.5) & (freq <= 16.0)].sum(axis=(0, 2))
    return float(np.median(syllables / (total + 1e-12)))


def held_sound(s: Spectrum, lag_seconds: float = 0.1) -> float:
    """Median cosine similarity of each centred log-mel frame with the one ``lag`` on."""
    lag = max(1, int(round(lag_seconds * s.sr / HOP)))
    if s.log_mel.shape[1] <= lag:
        return 1.0
    a, b = s.log_mel[:, :-lag], s.log_mel[:, lag:]
    a, b = a - a.mean(axis=0), b - b.mean(axis=0)
    norms = np.linalg.norm(a, axis=0) * np.linalg.norm(b, axis=0)
    return float(np.median((a * b).sum(axis=0) / (norms + 1e-9)))


def beat_strength(s: Spectrum) -> float:
    """Highest normalised autocorrelation of the onset envelope at lags of 0.25-1.5 s."""
    centred = s.onset_envelope - s.onset_envelope.mean()
    low, high = int(0.25 * s.sr / HOP), int(1.5 * s.sr / HOP)
    if len(centred) <= high:
        return 0.0
    import librosa

    ac = librosa.autocorrelate(centred)
    if ac[0] <= 0:
        return 0.0
    return float((ac[low:high] / ac[0]).max())


def speech_cues(s: Spectrum) -> dict[str, float]:
    """Each cue's 0..1 speech-likeness."""
    low = _low_frames(s)  # read by both pause cues
    phrase = max(1, int(round(PHRASE_SECONDS * s.sr / HOP)))
    return {"pauses": _towards(_pause_share(low), *PAUSES),
            "phrase_pauses": _towards(_phrase_pause_share(low, phrase), *PHRASE_PAUSES),
            "syllables": _towards(syllable_modulation(s), *SYLLABLES),
            "no_held_notes": _towards(held_sound(s), *HELD),
            "no_beat": _towards(beat_strength(s), *BEAT)}


def speech_score(s: Spectrum) -> float:
    """0 (music) .. 1 (speech): the geometric mean of the cues (each +0.05, so one cue
    at 0 pulls the score down without zeroing it)."""
    cues = np.array(list(speech_cues(s).values()))
    return float(np.exp(np.mean(np.log(cues + 0.05))) - 0.05)


def sounds_like_speech(features: dict, threshold: float = SPEECH_THRESHOLD) -> bool:
    """Whether analysed ``features`` say speech (False for analyses made before the score
    existed: they carry none)."""
    score = features.get("speech")
    return isinstance(score, (int, float)) and score >= threshold


def with_speech_tag(genres: list[str], features: dict) -> list[str]:
    """A file's genre tags, plus ``SPEECH_TAG`` ("speech") when it sounds like speech (once)."""
    if not sounds_like_speech(features) or SPEECH_TAG in (g.casefold() for g in genres):
        return list(genres)
    return [*genres, SPEECH_TAG]
