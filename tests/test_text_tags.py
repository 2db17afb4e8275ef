"""Which tags of the catalog a free-text request names (``text_read.tags``): kinds of
music the user asks for, not everyday words that stand in a playlist's name."""
from __future__ import annotations

from dataclasses import replace

import numpy as np

from models.language import load_lexicon, normalise, tag_text
from models.ranking import TrackTable, read_text_target, text_tags
from models.ranking.text_target import MUSIC_KINDS

from .fixtures import hand_table


def tagged_table(*tags: str) -> TrackTable:
    """A table in which each of ``tags`` is carried by three tracks (enough to steer)."""
    rows = [frozenset({normalise(tag)}) for tag in tags for _ in range(3)]
    ids = [f"t{i}" for i in range(len(rows))]
    return replace(hand_table(ids, {}, np.eye(len(rows))), tags=rows)


def test_a_kind_of_music_that_is_a_mood_word_names_its_style_and_keeps_its_mood():
    lexicon = load_lexicon()
    both = sorted(kind for kind in MUSIC_KINDS if tag_text(kind, lexicon))
    assert {"lofi", "funk"} <= set(both)  # "lofi beats to study to", "some funk"
    for kind in both:
        table = tagged_table(f"{kind} hip hop", kind, "sad trap")
        text = f"some {kind} for cooking"
        assert text_tags(text, table) == {kind: [f"{kind} hip hop", kind]}, kind
        target = read_text_target(text, table)
        assert target.tags == {kind: [f"{kind} hip hop", kind]}, kind
        assert target.moods and target.moods == read_text_target(text).moods, kind
    # a mood word that is no kind of music is still read as a mood only
    assert text_tags("sad songs", tagged_table("sad trap", "sad")) == {}
