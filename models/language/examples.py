"""A sentence announcing a kind of track, and the track the next sentence gives as its
example: "However, there are some sadder, more poignant songs, mostly instrumental.
'Dream Traveler' is a Celtic flute melody ..." makes Dream Traveler sad and poignant.

Reviews as often go on to a counterexample, so the next sentence must open with the
title, say nothing against it in its first clause ("'Lantern' is not one of them",
"'Lantern', however, ..."), and its own strongest mood, if it has any, must be one of
the announcement's three strongest ("'Lantern', the opener, is pure joy" is no example
of "some slower, sadder songs").  A sentence announcing two kinds ("some joyful
tracks, and some sad ones") announces neither.
"""
from __future__ import annotations

import re
from typing import Sequence

import numpy as np

from .mentions import Mention
from .tagger import hits_vector, tag_text
from .text import QUOTE_CHARS

ANNOUNCES = re.compile(r"^\W*((however|but|still|yet|also),?\s+)?there (are|were) (also )?"
                       r"(some|a few|several|a couple of|a handful of|plenty of|many)\b[^.;]*"
                       r"\b(songs|tracks|pieces|cues|tunes|numbers)\b(,?\s[^,.;]{0,25})?"
                       r"[.!]?\s*$", re.IGNORECASE)
TWO_KINDS = re.compile(r"\b(and|or|but) (some|a few|others|other)\b|\bones\b", re.IGNORECASE)
AGAINST = re.compile(r"\b(not|never|no|none|however|unfortunately|nevertheless|unlike|"
                     r"compared?|comparison|contrast|different|instead|rather|except)\b|"
                     r"n['\u2019]t\b", re.IGNORECASE)
FIRST_CLAUSE = re.compile(r"[,;:\u2013\u2014]|\s(but|yet|while|whereas)\s")


def announces_examples(sentence: str, following: str, titles: Sequence[Mention]) -> bool:
    """``sentence`` announces a kind of track and ``following`` (the next sentence, with
    its ``titles``) opens with its example."""
    if not titles or not ANNOUNCES.search(sentence) or TWO_KINDS.search(sentence):
        return False
    first = titles[0]
    if following[:first.start].strip(QUOTE_CHARS + " \t\n"):
        return False  # "Then there's 'Lantern'", "After them, 'Lantern' ..."
    rest = following[first.end:].lstrip(QUOTE_CHARS + " ,")  # ", however, is ..."
    if AGAINST.search(FIRST_CLAUSE.split(rest, 1)[0]):
        return False  # "'Lantern' is not one of them"; never the title's own words
    words = hits_vector(tag_text(following, outside=lambda a, b: not any(
        m.start <= a < m.end for m in titles)))  # a title's words are no moods
    kind = hits_vector(tag_text(sentence))
    announced = {int(i) for i in np.argsort(kind)[-3:] if kind[i] > 0}
    return not (words > 0).any() or int(words.argmax()) in announced


LEAD_IN = re.compile(r"\b(next|up next|following|what follows|then comes|later on|"
                     r"after that|afterwards)\b|:\s*$", re.IGNORECASE)
#: "every song on it is a banger, but here are my faves:" speaks for the album
EVERY_TRACK = re.compile(r"\b(every|each) (single )?(song|track|cut|tune|cue)\b", re.IGNORECASE)


def leads_in(sentence: str) -> bool:
    """A sentence that introduces what comes next ("Next comes something darker.", "Here
    are my favourites:"), not one about every track."""
    return bool(LEAD_IN.search(sentence)) and not EVERY_TRACK.search(sentence)
