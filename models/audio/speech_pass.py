"""The speech score for analyses cached before it existed.

A file analysed (and cached) before the analysis scored speech carries no ``speech``
feature, so an audiobook chapter or a podcast episode analysed then would never be
tagged ``speech`` and would go on being recommended as music.  Such a cached result
gets its score from a pass that decodes the same centred window and computes only what
the score reads (the spectrogram, its mel bands and onsets: no chroma, loudness,
timbre statistics or embedding), about a quarter of a full analysis
(``bench/speech_pass.py``); the score is the one a full analysis gives, and it is
written back into the cache, so the pass runs once per file.  A result that has the
score is left as it is.
"""
from __future__ import annotations

import logging
import warnings
from pathlib import Path
from typing import Any, Callable, Sequence

from ..errors import AudioError
from .analysis import warm_up
from .cache import AudioCache
from .decoding import SAMPLE_RATE, cache_digest, decode
from .spectrum import Spectrum
from .speech import speech_score
from .workers import run_jobs

log = logging.getLogger(__name__)


def unscored(result: dict[str, Any]) -> bool:
    """Whether an analysis result lacks the speech score (made before it existed)."""
    return "speech" not in result.get("features", {})


def speech_of(path: str | Path, window: float) -> float:
    """The speech score of a file's centred ``window`` seconds, as :func:`~.analysis.
    analyse` computes it, without the rest of the analysis; raises AudioError."""
    warm_up()
    y = decode(path, window)[0]
    with warnings.catch_warnings():  # librosa's notes, as in the full analysis
        warnings.simplefilter("ignore")
        return speech_score(Spectrum.of(y, SAMPLE_RATE, chroma=False))


def with_score(result: dict[str, Any], score: float) -> dict[str, Any]:
    """``result`` with ``score`` among its features (a copy)."""
    return {**result, "features": {**result["features"], "speech": score}}


def _score_job(job: tuple[str, float]) -> tuple[str, float | None, str | None]:
    path, window = job
    try:
        return path, speech_of(path, window), None
    except AudioError as exc:
        return path, None, exc.message
    except Exception as exc:  # a decoder crash must not end the batch
        return path, None, f"{type(exc).__name__}: {exc}"


def score_cached(tracks: list[dict[str, Any]], cache: AudioCache | None,
                 key: tuple[float, str], workers: int,
                 progress: Callable[[int], Any] | None = None) -> int:
    """Give each of ``tracks`` (a batch's results, each with ``path`` and
    ``content_hash``) that lacks the speech score its score, in place, and write it
    back into ``cache`` under the key (window, embedding) it was found by; returns how
    many were scored.  A file that cannot be scored keeps its result unscored (not
    tagged; tried again next time), and the reason is logged."""
    todo = [t for t in tracks if unscored(t)]
    scored = 0
    by_path = {t["path"]: t for t in todo}
    jobs: Sequence[tuple[str, float]] = [(t["path"], key[0]) for t in todo]
    for path, score, error in run_jobs(_score_job, jobs, max(1, min(workers, len(jobs)))):
        if score is None:
            log.warning("no speech score for %s: %s", path, error)
        else:
            track = by_path[path]
            track["features"] = {**track["features"], "speech": score}
            if cache:
                kept = {k: v for k, v in track.items() if k != "content_hash"}
                cache.put(cache_digest(Path(path), track["content_hash"]), key[0], kept,
                          key[1])
            scored += 1
        if progress:
            progress(1)
    return scored
