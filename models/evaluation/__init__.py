"""Measuring quality: metrics with bootstrap intervals and the evaluation harness."""
from .feel_checks import HeldOut, evidence_agreement, playlist_held_out, tune_feel_weights
from .harness import format_report, run
from .metrics import (
    bootstrap,
    cosine_rankings,
    coverage,
    mood_agreement,
    paired_difference,
    popularity_lift,
    shared_share,
)

__all__ = [
    "HeldOut",
    "evidence_agreement",
    "playlist_held_out",
    "tune_feel_weights",
    "bootstrap",
    "cosine_rankings",
    "coverage",
    "format_report",
    "mood_agreement",
    "paired_difference",
    "popularity_lift",
    "run",
    "shared_share",
]
