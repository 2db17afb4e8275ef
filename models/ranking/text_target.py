"""Reading what a free-text request asks for ("something wistful for a rainy night"):
target moods and a valence/arousal point, read by the review tagger."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..language import MOODS, hits_vector, load_lexicon, tag_text
from .query import Query


@dataclass
class TextTarget:
    moods: dict[str, float] = field(default_factory=dict)
    valence: float | None = None
    arousal: float | None = None

    @property
    def found(self) -> bool:
        return bool(self.moods)


def read_text_target(text: str) -> TextTarget:
    """Moods (strongest = 1) and valence/arousal the words of ``text`` ask for; an empty
    target when no mood word is recognised."""
    hits = [h for h in tag_text(text, load_lexicon()) if h.weight > 0]
    vec = np.clip(hits_vector(hits), 0.0, None)
    if not hits or vec.max() <= 0:
        return TextTarget()
    moods = {MOODS[i]: round(float(vec[i] / vec.max()), 3) for i in np.flatnonzero(vec)}
    weight = sum(h.weight for h in hits)
    valence = sum(h.weight * h.entry.valence for h in hits) / weight
    arousal = sum(h.weight * h.entry.arousal for h in hits) / weight
    return TextTarget(moods, float(np.clip(valence, -1, 1)), float(np.clip(arousal, -1, 1)))


def apply_text_target(query: Query, target: TextTarget) -> None:
    """Fill what the request did not state explicitly from the text's target."""
    query.moods = {**target.moods, **query.moods}
    if query.target_valence is None:
        query.target_valence = target.valence
    if query.target_arousal is None:
        query.target_arousal = target.arousal
