"""Moods from catalog tags (genres, playlist names, editorial tags)."""
from __future__ import annotations

from typing import Sequence

import numpy as np

from .moods import MoodAccumulator
from .tagger import MoodHit, tag_text
from .text import normalise
from .vocabulary import Lexicon, load_lexicon


class TagReader:
    """Mood hits of a tag string, memoised (catalogs repeat a few hundred tags)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.cache: dict[str, list[MoodHit]] = {}

    def __call__(self, tag: str) -> list[MoodHit]:
        if tag not in self.cache:
            entry = self.lexicon.tags.get(normalise(tag))
            self.cache[tag] = [MoodHit(entry, 1.0, 0, len(tag), tag)] if entry \
                else tag_text(tag, self.lexicon)
        return self.cache[tag]


def tag_moods(tracks: Sequence)  -> tuple[list[int], np.ndarray]:
    """Mood labels from the tags a catalog carries: rows with mood-bearing tags and
    their tag mood vectors, scaled so each track's strongest mood is 1."""
    read = TagReader(load_lexicon())
    rows, labels = [], []
    for row, track in enumerate(tracks):
        acc = MoodAccumulator()
        for tag in track.tags:
            acc.add_hits(read(tag), weight=1.0, source="", kind="tags")
        top = acc.raw.max()
        if top > 0:
            rows.append(row)
            labels.append(np.clip(acc.raw, 0, None) / top)
    return rows, np.array(labels).reshape(len(rows), -1)
