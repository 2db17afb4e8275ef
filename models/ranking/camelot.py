"""Musical keys on the Camelot wheel, for harmonically smooth playlist transitions.

Spotify-style keys are pitch classes 0..11 (C..B) with mode 1 = major, 0 = minor.
Camelot codes number the circle of fifths 1..12, "B" for major and "A" for minor;
two keys mix well when the codes are equal, differ only in letter (relative
major/minor), or are one step apart with the same letter.
"""
from __future__ import annotations

import math

import numpy as np

PITCH_CLASSES = ("C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B")


def _known(key: float | None, mode: float | None) -> bool:
    return key is not None and mode is not None and not math.isnan(key) \
        and not math.isnan(mode) and 0 <= key <= 11


def camelot(key: float | None, mode: float | None) -> str | None:
    """Camelot code such as "8B" (C major) or "8A" (A minor); None when unknown."""
    if not _known(key, mode):
        return None
    pc = int(key)
    major = int(mode) == 1
    fifths_from_c = ((pc if major else (pc + 3) % 12) * 7) % 12
    return f"{(fifths_from_c + 7) % 12 + 1}{'B' if major else 'A'}"


def key_name(key: float | None, mode: float | None) -> str | None:
    if not _known(key, mode):
        return None
    return f"{PITCH_CLASSES[int(key)]} {'major' if int(mode) == 1 else 'minor'}"


def compatible(a: str | None, b: str | None) -> bool | None:
    """Whether two Camelot codes mix well; None when either key is unknown."""
    if a is None or b is None:
        return None
    na, la, nb, lb = int(a[:-1]), a[-1], int(b[:-1]), b[-1]
    if na == nb:
        return True
    return la == lb and (na - nb) % 12 in (1, 11)


def wheel(keys: np.ndarray, modes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Vectorised Camelot codes: (number 1..12, letter 1 = B / 0 = A); 0 / -1 if unknown."""
    known = ~np.isnan(keys) & ~np.isnan(modes) & (keys >= 0) & (keys <= 11)
    pc = np.where(known, keys, 0).astype(np.int64)
    major = np.where(known, modes, 0).astype(np.int64) == 1
    fifths = (np.where(major, pc, (pc + 3) % 12) * 7) % 12
    number = np.where(known, (fifths + 7) % 12 + 1, 0)
    letter = np.where(known, major.astype(np.int64), -1)
    return number, letter


def clashes(number: int, letter: int, numbers: np.ndarray, letters: np.ndarray) -> np.ndarray:
    """1.0 where a code clashes with (number, letter); 0 where compatible or unknown."""
    if number == 0:
        return np.zeros(len(numbers))
    step = (numbers - number) % 12
    ok = (numbers == number) | ((letters == letter) & ((step == 1) | (step == 11)))
    return np.where(numbers == 0, 0.0, (~ok).astype(np.float64))
