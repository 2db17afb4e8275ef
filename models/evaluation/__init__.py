"""Measuring quality: metrics with bootstrap intervals and the evaluation harness."""
from .harness import format_report, run
from .metrics import bootstrap, cosine_rankings, coverage, mood_agreement, popularity_lift, shared_share

__all__ = [
    "bootstrap",
    "cosine_rankings",
    "coverage",
    "format_report",
    "mood_agreement",
    "popularity_lift",
    "run",
    "shared_share",
]
