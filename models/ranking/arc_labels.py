"""An arc's end mood as a label: a playlist asked to wind down to "peaceful" should end
on a track labelled peaceful (its listed moods), not only on one whose valence/arousal
lies near peaceful's (measured: bench/arc_ends.py, 0.10 of energetic -> peaceful
playlists of the demo did).

The last ``ENDING`` positions cost ``LABEL_WEIGHT`` more for a candidate without the
label: among the tracks near the arc's end and near the seed, a labelled one wins; one
far from either still does not (the label is weighed against the arc and the
relevance, not put before them)."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..language import labelled
from .table import TrackTable

#: extra cost of an unlabelled track at the arc's last positions (bench/arc_ends.py)
LABEL_WEIGHT = 0.8
ENDING = 1  # how many of the last positions weigh the label
NEAR_SHARE = 0.15


@dataclass
class EndLabels:
    """Per candidate: whether it is labelled the end ``mood``, and whether it is also
    among the ``NEAR_SHARE`` most relevant (the label's preference is kept to those)."""

    mood: str
    carries: np.ndarray
    preferred: np.ndarray


def end_labels(table: TrackTable, rows: np.ndarray, mood: str | None,
               relevance: np.ndarray) -> EndLabels | None:
    """The candidate ``rows``' labels for an arc ending at ``mood`` (None without one);
    ``relevance`` per candidate, in the same order."""
    if mood is None:
        return None
    carries = _labelled(table, mood)[rows]
    if not len(rows):
        return EndLabels(mood, carries, carries)
    relevance = np.asarray(relevance, dtype=np.float64)
    near = relevance >= np.nanquantile(relevance, 1.0 - NEAR_SHARE)
    return EndLabels(mood, carries, carries & near)


def _labelled(table: TrackTable, mood: str) -> np.ndarray:
    """Every row's "labelled ``mood``", cached per table: an arc's pool is the whole
    catalog, and labelling it again for every playlist cost 15 ms at 28k tracks."""
    cache = table.__dict__.setdefault("_mood_labels", {})
    if mood not in cache:
        cache[mood] = labelled(table.moods, mood)
    return cache[mood]


def label_cost(labels: EndLabels | None, position: int, length: int) -> np.ndarray | float:
    """What lacking the end label costs at ``position`` of ``length``."""
    if labels is None or position < length - ENDING:
        return 0.0
    return LABEL_WEIGHT * ~labels.preferred


def unlabelled_end(labels: EndLabels | None, placed: list[int]) -> list[str]:
    """A warning when the playlist's last track (``placed``: candidate indexes) is not
    labelled the end mood: none of the candidates is, or those that are lie too far
    from the arc's end or the seeds (or were kept out by the artist gap)."""
    if labels is None or not placed or labels.carries[placed[-1]]:
        return []
    mood = labels.mood
    if not labels.carries.any():
        return [f"no track that passes the filters is labelled {mood}, so the playlist "
                f"ends on one that only lies near {mood}'s valence/arousal"]
    return [f"the playlist's last track is not labelled {mood}: the tracks that are lie "
            "far from the arc's end or the seeds, or are kept out by the artist gap"]
