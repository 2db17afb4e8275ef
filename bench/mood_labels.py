"""How often a track's mood labels contradict its audio, on the live model.

    python bench/mood_labels.py

Reads the published model (``feelalike demo --no-serve`` makes one under
``FEELALIKE_DATA_HOME``) and, for the rule that picks a track's labels (``top_moods``:
its top 3 moods of at least ``SHOWN_MINIMUM``, and at least ``share`` of its strongest),
prints for several shares: how many labels a track gets, and how often Spotify's own
audio features contradict one: "joyful" on a sad track (valence < 0.2), "energetic" on
a quiet one (energy < 0.25), and how often a calm track (energy < 0.2) is "peaceful".
"""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from models.language import LEADING_SHARE, MOODS, SHOWN_MINIMUM  # noqa: E402
from service.resources import Resources  # noqa: E402
from service.store import open_store  # noqa: E402


def labels(scores: np.ndarray, share: float, n: int = 3) -> np.ndarray:
    """(tracks, moods) bool: each track's labels under ``share``."""
    order = np.argsort(-scores, axis=1, kind="stable")[:, :n]
    best = scores.max(axis=1)
    shown = np.zeros_like(scores, dtype=bool)
    rows = np.arange(len(scores))
    for k in range(n):
        chosen = scores[rows, order[:, k]]
        ok = (chosen >= SHOWN_MINIMUM) & (chosen >= share * best)
        shown[rows[ok], order[ok, k]] = True
    return shown


def main() -> None:
    table = Resources(open_store()).current().table
    scores = np.nan_to_num(np.asarray(table.moods, dtype=np.float64))
    valence, energy = table.column("valence"), table.column("energy")
    sad, quiet, calm = valence < 0.2, energy < 0.25, energy < 0.2
    print(f"{len(table)} tracks; {sad.sum()} sad, {quiet.sum()} quiet, {calm.sum()} calm "
          f"(Spotify features); served share {LEADING_SHARE}")
    print(f"{'share':>6} {'labels':>7} {'sad+joyful':>11} {'quiet+energetic':>16} "
          f"{'calm+peaceful':>14}")
    for share in (0.0, 0.5, 0.6, 0.7):
        shown = labels(scores, share)
        print(f"{share:>6.1f} {shown.sum(axis=1).mean():>7.2f} "
              f"{shown[sad, MOODS.index('joyful')].mean():>11.3f} "
              f"{shown[quiet, MOODS.index('energetic')].mean():>16.3f} "
              f"{shown[calm, MOODS.index('peaceful')].mean():>14.3f}")


if __name__ == "__main__":
    main()
