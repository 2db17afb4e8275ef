"""Track vectors: the standardised audio block and the mood block, weighted.

Three blocks: standardised audio features, the 16 mood scores, and valence/arousal.
Each is standardised per column and divided by the square root of its width, so a
block's weight, not its number of columns, sets its share of a distance.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from ..audio import GEMS, AudioFeel
from ..ingest import Track
from ..language import MOODS, MoodProfile
from .features import AudioScaler
from .moments import Moments

MOOD_COLUMNS: tuple[str, ...] = (*MOODS, "valence", "arousal")


@dataclass(frozen=True)
class BlockWeights:
    """Defaults chosen on the Deezer train split only (bench/evaluate.py, seed 0)."""

    audio: float = 0.5
    mood: float = 1.5  # the 16 mood scores
    va: float = 2.0  # valence and arousal
    emotion: float = 2.0  # analysed files: the audio feel model's emotion space
    timbre: float = 2.0  # analysed files: the analysis itself, standardised


def mood_matrix(profiles: Sequence[MoodProfile]) -> np.ndarray:
    """(n, 18): the 16 mood scores, then valence and arousal."""
    out = np.zeros((len(profiles), len(MOOD_COLUMNS)), dtype=np.float64)
    for row, profile in enumerate(profiles):
        out[row, :len(MOODS)] = profile.scores
        out[row, len(MOODS):] = (profile.valence, profile.arousal)
    return out


def block_stats(block: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each column's mean and standard deviation (1 for a constant column)."""
    moments = Moments.of(block)
    return moments.mean, moments.spread()


@dataclass
class Blocks:
    """Standardised blocks of every track, before weighting."""

    audio: np.ndarray  # (n, 10)
    mood: np.ndarray  # (n, 16)
    va: np.ndarray  # (n, 2)
    scaler: AudioScaler
    #: centre and spread of the 16 mood and 2 valence/arousal columns (fitted state)
    stats: tuple[np.ndarray, np.ndarray] | None = None

    def combine(self, weights: BlockWeights) -> np.ndarray:
        """Float32 vectors: each block scaled by its weight over sqrt(its width)."""
        parts = [(weights.audio, self.audio), (weights.mood, self.mood), (weights.va, self.va)]
        return np.nan_to_num(np.hstack([w * b / np.sqrt(b.shape[1]) for w, b in parts]),
                             ).astype(np.float32)


def vector_blocks(tracks: Sequence[Track], profiles: Sequence[MoodProfile],
                  fitted: tuple[AudioScaler, tuple[np.ndarray, np.ndarray]] | None = None,
                  ) -> Blocks:
    """The standardised blocks; ``fitted`` (a catalog's scaler and :attr:`Blocks.stats`)
    puts ``tracks`` on that catalog's scale instead of fitting one on them."""
    moods = mood_matrix(profiles)
    if fitted is None:
        scaler = AudioScaler()
        raw = scaler.raw_matrix(tracks)
        scaler.fit(raw)
        stats = block_stats(moods)
    else:
        scaler, stats = fitted
        raw = scaler.raw_matrix(tracks)
    audio = scaler.transform(raw, mood_va=moods[:, len(MOODS):])
    z = (moods - stats[0]) / stats[1]
    return Blocks(audio=audio, mood=z[:, :len(MOODS)], va=z[:, len(MOODS):], scaler=scaler,
                  stats=stats)


def build_vectors(tracks: Sequence[Track], profiles: Sequence[MoodProfile],
                  weights: BlockWeights = BlockWeights()) -> tuple[np.ndarray, AudioScaler]:
    """Float32 track vectors (n, d) with no NaN, and the fitted audio scaler."""
    blocks = vector_blocks(tracks, profiles)
    return blocks.combine(weights), blocks.scaler


def emotion_block(tracks: Sequence[Track], audio_feel: "AudioFeel") -> np.ndarray:
    """(n, 9) analysed files in the audio feel model's emotion space, over the square
    root of its width (0 for tracks without an analysis: the centre, no direction)."""
    return _heard_block(tracks, len(GEMS), audio_feel.embed)


def timbre_block(tracks: Sequence[Track], audio_feel: "AudioFeel") -> np.ndarray:
    """(n, d) analysed files' analysis statistics, standardised on the audio feel
    model's training clips, over the square root of their number (0 for tracks
    without an analysis).  The emotion block keeps only what the raters' labels can
    teach; this keeps what the analysis hears besides (timbre, harmony, rhythm)."""
    return _heard_block(tracks, len(audio_feel.inputs_), audio_feel.design)


def _heard_block(tracks: Sequence[Track], width: int, place) -> np.ndarray:
    """``place`` applied to the analyses of analysed files, 0 elsewhere, over the
    square root of the block's width."""
    out = np.zeros((len(tracks), width))
    heard = [i for i, t in enumerate(tracks) if t.analysis]
    if heard:
        out[heard] = place([tracks[i].analysis for i in heard])
    return out / np.sqrt(max(width, 1))


def heard_rows(tracks: Sequence[Track], audio_feel: "AudioFeel | None") -> np.ndarray | None:
    """Rows of analysed files, when an audio feel model hears them (else None)."""
    return None if audio_feel is None else np.array([bool(t.analysis) for t in tracks])
