"""Training the audio feel model on labelled clips (analysed once, cached by content).

The labelled clips are a folder with ``labels.csv`` (Emotify style: a ``file`` column
and one ``<emotion>_frac`` column per GEMS emotion, the share of raters who felt it)
and, optionally, folders of clips filed under a mood (``calm/``, ``tender/``, ``sad/``,
``chill/`` ...; see ``folder_fractions``), whose folder becomes a rater-like profile.
Mood folders alone train the model too, when they hold enough clips of more than one
mood (``MIN_TRAINING_CLIPS`` and ``MIN_MOODS``); their out-of-fold figures are then
against the folders' profiles.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

import numpy as np

from .. import settings
from ..errors import CatalogError
from .batch import AudioCache, analyse_paths
from .emotion import GEMS, AudioFeel, analysis_vector, folder_fractions, folder_names, label_va
from .listing import expand, shown

MODEL_FILE = Path("models") / "audio-feel.npz"

FOLDER_BASE = 0.1  # a filed clip's profile: this much of every emotion ...
FOLDER_PEAK = 0.5  # ... plus this much of the folder's own (a typical clear rater profile)
MIN_TRAINING_CLIPS = 20  # clips a model is trained on: labelled ones, else those of mood folders
MIN_MOODS = 2  # mood folders alone: clips of this many moods at least


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


@dataclass
class MoodFolders:
    """The audio files filed under mood folders, each with its folder's rater-like
    profile, and how many each mood folder name holds."""

    files: list[tuple[Path, np.ndarray]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)  # folder name -> files
    unread: list[Path] = field(default_factory=list)  # folders whose name is no mood
    missing: list[Path] = field(default_factory=list)  # folders given that are none

    def found(self) -> str:
        return ", ".join(f"{n} in {name}/" for name, n in sorted(self.counts.items())) \
            or "none"

    def note(self) -> str | None:
        """What was not read, and the names that are (None: everything was read)."""
        if not self.unread and not self.missing:
            return None
        skipped = [f"{shown(f)}/" for f in self.unread] + \
            [f"{shown(f)} (no such folder)" for f in self.missing]
        return (f"not read as mood folders: {', '.join(skipped)}; a mood folder is named "
                f"{', '.join(folder_names())} or by another word the mood lexicon reads "
                "as a mood (chill, melancholy ...)")

    def enough(self) -> bool:
        return len(self.files) >= MIN_TRAINING_CLIPS and \
            sum(n > 0 for n in self.counts.values()) >= MIN_MOODS


def mood_folders(folders: Sequence[str | Path]) -> MoodFolders:
    """The audio files (nested ones too) in the mood folders inside ``folders``."""
    out = MoodFolders()
    for folder in map(Path, folders):
        if not folder.is_dir():
            out.missing.append(folder)
        for sub in sorted(p for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []:
            profile = folder_fractions(sub.name)
            if profile is None:
                out.unread.append(sub)
                continue
            files = expand([sub])
            out.files += [(f, FOLDER_BASE + FOLDER_PEAK * profile) for f in files]
            name = sub.name.strip().lower()
            out.counts[name] = out.counts.get(name, 0) + len(files)
    return out


def emotion_set(clips: str | Path | None, folders: Sequence[str | Path] = (), *,
                cache: AudioCache | None = None, workers: int | None = None,
                progress: Callable[[str, int], Any] | None = None) -> EmotionSet:
    """Analyse the labelled clips (labels.csv order by file name; None: none) and the
    filed ones."""
    named: list[tuple[Path, np.ndarray]] = []
    if clips is not None:
        clips = Path(clips)
        labels = read_fractions(clips / "labels.csv")
        named = [(clips / name, labels[name]) for name in sorted(labels)
                 if (clips / name).is_file()]
    filed = mood_folders(folders).files
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


@dataclass
class AudioFeelTraining:
    model: AudioFeel
    clips: int  # labelled clips
    filed: int  # clips filed under mood folders
    emotion_r: np.ndarray  # (9,) out-of-fold r per GEMS emotion on the labelled clips
    va_r: np.ndarray  # (2,) out-of-fold r of valence/arousal (labels through label_va)
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        scored = np.isfinite(self.emotion_r)  # an emotion no folder names has no r
        mean = float(np.mean(self.emotion_r[scored])) if scored.any() else float("nan")
        return (f"audio feel model on {self.clips} labelled clips and {self.filed} filed "
                f"clips (ridge alpha {self.model.alpha_:g}); 5-fold out-of-fold r"
                + ("" if self.clips else " against the mood folders' profiles")
                + f": emotions mean {mean:.2f} (" + ", ".join(
                    f"{g} {r:.2f}" for g, r, s in zip(GEMS, self.emotion_r, scored) if s)
                + f"), valence {self.va_r[0]:.2f}, arousal {self.va_r[1]:.2f}"
                + (f"; {len(self.errors)} clips could not be analysed" if self.errors else ""))


def out_of_fold(data: EmotionSet, folds: int = 5, seed: int = 0) -> np.ndarray:
    """(labelled, 9) predictions of each labelled clip by a model that did not see it
    (the filed clips are in every training fold); with no labelled clips, (filed, 9)
    predictions of the filed clips."""
    rng = np.random.default_rng(seed)
    scored = data.labelled or len(data.rows)
    fold = rng.permutation(scored) % folds
    filed = np.arange(scored, len(data.rows))
    out = np.zeros((scored, len(GEMS)))
    for f in range(folds):
        train = np.concatenate([np.flatnonzero(fold != f), filed])
        model = AudioFeel().fit([data.rows[r] for r in train], data.fractions[train])
        out[fold == f] = model.predict([data.rows[r] for r in np.flatnonzero(fold == f)])
    return out


def _r(a: np.ndarray, b: np.ndarray) -> float:
    """Their correlation; nan when either is constant (an emotion no folder names)."""
    return float(np.corrcoef(a, b)[0, 1]) if min(a.std(), b.std()) > 1e-9 else float("nan")


def train_audio_feel(clips: str | Path | None, folders: Sequence[str | Path] = (), *,
                     cache: AudioCache | None = None,
                     progress: Callable[[str, int], Any] | None = None) -> AudioFeelTraining:
    """Analyse (cached) and fit on every clip, with out-of-fold figures for the report;
    ``clips`` None: on the mood folders' clips alone."""
    if clips is not None and not (Path(clips) / "labels.csv").is_file():
        raise CatalogError(f"{clips}: no labels.csv with emotion labels there")
    if clips is None and not (filed := mood_folders(folders)).enough():
        raise CatalogError(f"too few clips in mood folders to train on them alone: found "
                           f"{filed.found()}; at least {MIN_TRAINING_CLIPS} clips in at least "
                           f"{MIN_MOODS} mood folders are needed")
    data = emotion_set(clips, folders, cache=cache, progress=progress)
    scored = data.labelled if clips is not None else len(data.rows)
    if scored < MIN_TRAINING_CLIPS:
        what = f"{clips}: only {data.labelled} labelled clips" if clips is not None else \
            f"only {scored} clips of the mood folders"
        raise CatalogError(f"{what} could be analysed (at least {MIN_TRAINING_CLIPS} needed)")
    pred, true = out_of_fold(data), data.fractions[:scored]
    va_pred, va_true = label_va(pred + 1e-6), label_va(true)
    return AudioFeelTraining(
        fit_audio_feel(data), data.labelled, len(data.rows) - data.labelled,
        np.array([_r(pred[:, j], true[:, j]) for j in range(len(GEMS))]),
        np.array([_r(va_pred[:, j], va_true[:, j]) for j in range(2)]), data.errors)


def audio_feel_path(home: str | Path | None = None) -> Path:
    """The feel model's file; one trained with a pretrained embedding in its inputs
    (FEELALIKE_AUDIO_EMBEDDING) is kept apart, so the two never mix."""
    embedding = settings.get("AUDIO_EMBEDDING")
    name = MODEL_FILE.with_name(f"audio-feel-{embedding}.npz") if embedding else MODEL_FILE
    return Path(home if home is not None else settings.data_home()) / name


def save_audio_feel(model: AudioFeel, home: str | Path | None = None) -> Path:
    path = audio_feel_path(home)
    model.save(path)
    return path


def load_audio_feel(home: str | Path | None = None) -> AudioFeel | None:
    """The trained audio feel model in the data home, or None when there is none yet."""
    path = audio_feel_path(home)
    return AudioFeel.load(path) if path.is_file() else None
