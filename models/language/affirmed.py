"""A mood a track's own words affirm outright in another sentence is not taken away by
what a denial carries beside its main mood: "you'd expect it to be terrifying. It isn't,
not once menacing. ... eerie and sad" denies menace (tense), not the eerie it affirms.
The rule within one sentence ("tender but not sentimental") is :func:`tagger.tag_text`'s;
this one spans the sentences said of one track."""
from __future__ import annotations

from dataclasses import replace
from typing import Iterable, Sequence

import numpy as np

from .tagger import MoodHit
from .vocabulary import MOODS

#: a mood is a word's main mood when it has at least this share of its strongest
MAIN_SHARE = 0.8


def affirmed_moods(hits: Iterable[MoodHit]) -> np.ndarray:
    """Per mood, the most the affirmed (positive) hits say it as their main mood."""
    affirmed = np.zeros(len(MOODS), dtype=np.float32)
    for hit in hits:
        if hit.weight > 0 and hit.entry.moods.any():
            main = hit.entry.moods >= MAIN_SHARE * hit.entry.moods.max()
            affirmed = np.maximum(affirmed, np.where(main, hit.entry.moods, 0))
    return affirmed


def spare_affirmed(hits: Sequence[MoodHit], affirmed: np.ndarray | None) -> list[MoodHit]:
    """``hits`` with each denied hit's moods less those in ``affirmed`` that are not its
    own main mood (a denied word's main mood stays denied: "not sad ... sad" is left to
    the weights)."""
    if affirmed is None or not affirmed.any():
        return list(hits)
    out = []
    for hit in hits:
        moods = hit.entry.moods
        if hit.weight < 0 and moods.any():
            side = moods < MAIN_SHARE * moods.max()
            spared = np.where(side, np.clip(moods - affirmed, 0, None), moods)
            hit = replace(hit, entry=replace(hit.entry, moods=spared.astype(moods.dtype)))
        out.append(hit)
    return out


class Affirmed:
    """What a row's own passages affirm as a word's main mood, each mood's most and
    second most, so the most of all passages but one is found without going over the
    others again (a long review says many things of one track)."""

    def __init__(self, passages: list[int], moods: list[np.ndarray]) -> None:
        stacked = np.stack(moods)
        self.passages = frozenset(passages)
        order = np.argsort(-stacked, axis=0, kind="stable")
        self.top, self.top_from = stacked.max(axis=0), np.asarray(passages)[order[0]]
        self.second = stacked[order[1], np.arange(stacked.shape[1])] if len(passages) > 1 \
            else None

    def without(self, k: int) -> np.ndarray | None:
        """Per mood, the most the row's passages other than ``k`` affirm (None: none)."""
        if k not in self.passages:
            return self.top
        if self.second is None:
            return None
        return np.where(self.top_from == k, self.second, self.top)
