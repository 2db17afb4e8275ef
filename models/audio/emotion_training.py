"""Training the audio feel model on labelled clips (analysed once, cached by content).

The labelled clips are a folder with ``labels.csv`` (Emotify style: a ``file`` column
and one ``<emotion>_frac`` column per GEMS emotion, the share of raters who felt it)
and, optionally, folders of clips filed under a mood (``calm/``, ``tender/`` ...; see
``FOLDER_GEMS``), whose folder becomes a rater-like profile.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

import numpy as np

from ..errors import CatalogError
from .batch import AudioCache, analyse_paths
from .emotion import GEMS, AudioFeel, analysis_vector, folder_fractions

FOLDER_BASE = 0.1  # a filed clip's profile: this much of every emotion ...
FOLDER_PEAK = 0.5  # ... plus this much of the folder's own (a typical clear rater profile)


@dataclass
class EmotionSet:
    """Analysed labelled clips: flat analysis rows and GEMS fractions, row by row."""

    files: list[Path] = field(default_factory=list)
    rows: list[dict[str, float]] = field(default_factory=list)
    fractions: np.ndarray = field(default_factory=lambda: np.zeros((0, len(GEMS))))
    labelled: int = 0  # the first ``labelled`` rows come from labels.csv, the rest from folders
    errors: list[str] = field(default_factory=list)


def read_fractions(labels_csv: Path) -> dict[str, np.ndarray]:
    """File name -> the nine rater fractions."""
    try:
        with open(labels_csv, encoding="utf-8") as fh:
            return {r["file"]: np.array([float(r[f"{g}_frac"]) for g in GEMS])
                    for r in csv.DictReader(fh)}
    except (OSError, KeyError, ValueError) as exc:
        raise CatalogError(f"{labels_csv}: not an emotion label file ({exc})") from None


def _folder_files(folders: Sequence[str | Path]) -> list[tuple[Path, np.ndarray]]:
    out = []
    for folder in map(Path, folders):
        for sub in sorted(p for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []:
            profile = folder_fractions(sub.name)
            if profile is not None:
                out += [(f, FOLDER_BASE + FOLDER_PEAK * profile) for f in sorted(sub.iterdir())
                        if f.is_file()]
    return out


def emotion_set(clips: str | Path, folders: Sequence[str | Path] = (), *,
                cache: AudioCache | None = None, workers: int | None = None,
                progress: Callable[[str, int], Any] | None = None) -> EmotionSet:
    """Analyse the labelled clips (labels.csv order by file name) and the filed ones."""
    clips = Path(clips)
    labels = read_fractions(clips / "labels.csv")
    named = [(clips / name, labels[name]) for name in sorted(labels)
             if (clips / name).is_file()]
    filed = _folder_files(folders)
    batch = analyse_paths([f for f, _ in named + filed], cache=cache, workers=workers,
                          progress=progress)
    results = {Path(t["path"]): t for t in batch.tracks}
    out = EmotionSet(errors=[e["error"] for e in batch.errors])
    fractions = []
    for i, (path, profile) in enumerate(named + filed):
        if path in results:
            out.files.append(path)
            out.rows.append(analysis_vector(results[path]["features"]))
            fractions.append(profile)
            out.labelled += i < len(named)
    out.fractions = np.array(fractions).reshape(-1, len(GEMS))
    return out


def fit_audio_feel(data: EmotionSet) -> AudioFeel:
    return AudioFeel().fit(data.rows, data.fractions)
