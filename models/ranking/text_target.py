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
    #: mood words the text only negates ("not happy"): what it does not want says too
    #: little of what it wants (and negation's reach is often misread: "never been this
    #: happy"), so they ask for nothing, and the caller can say so
    negated: list[str] = field(default_factory=list)

    @property
    def found(self) -> bool:
        return bool(self.moods)


def read_text_target(text: str) -> TextTarget:
    """Moods (strongest = 1) and valence/arousal the words of ``text`` ask for; an empty
    target when no mood word is recognised."""
    every = tag_text(text, load_lexicon())
    hits = [h for h in every if h.weight > 0]
    vec = np.clip(hits_vector(hits), 0.0, None)
    if not hits or vec.max() <= 0:
        return TextTarget(negated=list(dict.fromkeys(h.phrase for h in every)))
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
