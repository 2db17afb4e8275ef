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
        return bool(self.moods) or self.valence is not None


#: a negated word ("not happy") points away from its valence/arousal, less far than
#: its opposite would (not happy is not yet miserable); it names no mood to match
NEGATED_SHARE = 0.5


def read_text_target(text: str) -> TextTarget:
    """Moods (strongest = 1) and valence/arousal the words of ``text`` ask for; an empty
    target when no mood word is recognised."""
    hits = tag_text(text, load_lexicon())
    if not hits:
        return TextTarget()
    asked = [h for h in hits if h.weight > 0]
    vec = np.clip(hits_vector(asked), 0.0, None)
    moods = {MOODS[i]: round(float(vec[i] / vec.max()), 3) for i in np.flatnonzero(vec)} \
        if asked and vec.max() > 0 else {}
    sign = [1.0 if h.weight > 0 else -NEGATED_SHARE for h in hits]
    weight = sum(abs(h.weight) for h in hits)
    valence = sum(s * abs(h.weight) * h.entry.valence for s, h in zip(sign, hits)) / weight
    arousal = sum(s * abs(h.weight) * h.entry.arousal for s, h in zip(sign, hits)) / weight
    return TextTarget(moods, float(np.clip(valence, -1, 1)), float(np.clip(arousal, -1, 1)))


def apply_text_target(query: Query, target: TextTarget) -> None:
    """Fill what the request did not state explicitly from the text's target."""
    query.moods = {**target.moods, **query.moods}
    if query.target_valence is None:
        query.target_valence = target.valence
    if query.target_arousal is None:
        query.target_arousal = target.arousal
