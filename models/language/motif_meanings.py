"""A motif named by what it stands for: "the grief motif", "the villain's leitmotif".

A review may name a theme by its meaning where it first meets it ("Listen for the
falling figure on the cello; Solberg calls it the grief motif", or "Marco writes about
the villain's leitmotif. He points out that it is introduced in 'The Drowned Man'") and
later say a track brings it back ("'Tidewater' brings back the grief motif").  That
track then carries the theme of the track it was first met with, and is read as
compared with it.

Precision first: the theme's home is the track the sentence that first names it is
about (a title before the name, else the track the sentence goes on about, else the one
track the very next sentence says it is heard in, "It is first heard in 'A'", when the
sentence names none); a sentence that first names it while bringing it
back ("'B' brings back the storm motif") gives it no home; a later sentence links only
with a verb of return ("brings back", "returns", "again"); a name that is a word of a
title, a place ("the opening motif") or a kind ("the piano theme") is left to
:mod:`theme_names`; a sentence that denies or contrasts anything links nothing.
"""
from __future__ import annotations

import re
from typing import Sequence

from .comparisons import DENIES, Found

Spans = Sequence[tuple[int, int, int]]  # (start, end, row) of the titles of a sentence

MEANING = re.compile(r"\bthe\s+(?P<name>[a-z]+(?:['\u2019]s)?)\s+(?:leit)?(?:motif|theme)s?\b",
                     re.IGNORECASE)
RETURN = re.compile(r"\b(brings?|brought|bringing)\s+back\b|\b(returns?|returned|returning|"
                    r"comes?\s+back|came\s+back|reprises?|reprised|again|recurs?|reappears?|"
                    r"revisits?|resurfaces?)\b", re.IGNORECASE)
#: names of a place, a kind or a part, not of what a theme stands for
#: the very next sentence says where the theme is heard: "It is first heard in 'A'"
HEARD_IN = re.compile(r"\b(it|this|that)\b[^.;!?]{0,40}?\b(introduced|heard|appears|enters|"
                      r"stated|belongs|comes from|starts)\b", re.IGNORECASE)
NOT_MEANINGS = frozenset(
    "main title opening closing first second third final last same recurring central "
    "original new old other whole entire big little this that these those their its his "
    "her our your my next previous earlier later piano string strings horn brass choral "
    "vocal guitar flute violin cello organ choir credits end score film game album track "
    "song cue piece show series movie".split())
_WORD = re.compile(r"[a-z0-9']+")


class MotifMeanings:
    """The themes a review named by meaning, each with the track it was first met with."""

    def __init__(self, titles: Sequence[str]) -> None:
        self.homes: dict[str, int | None] = {}
        self.pending: list[str] = []  # named with no track: the next sentence may give one
        self.title_words = {w for t in titles for w in _WORD.findall(t.lower())}

    def links(self, sentence: str, spans: Spans, carried: tuple[int, ...]) -> list[Found]:
        """Note the themes ``sentence`` names; its track carries those it brings back."""
        pending, self.pending = self.pending, []
        if spans and len({row for _, _, row in spans}) == 1 and HEARD_IN.search(sentence) \
                and not RETURN.search(sentence):
            for name in pending:
                self.homes[name] = spans[0][2]
        found: list[Found] = []
        returning = bool(RETURN.search(sentence)) and not DENIES.search(sentence)
        for match in MEANING.finditer(sentence):
            name = self._name(match.group("name"))
            if name is None:
                continue
            carrier = _carrier(match.start(), spans, carried)
            if name not in self.homes:
                self.homes[name] = None if returning else carrier
                if carrier is None and not returning:
                    self.pending.append(name)
            elif returning and carrier is not None and self.homes[name] is not None \
                    and self.homes[name] != carrier:
                found.append(Found(carrier, self.homes[name]))
        return found

    def _name(self, word: str) -> str | None:
        name = word.lower().replace("\u2019", "'").removesuffix("'s")
        if name in NOT_MEANINGS or name in self.title_words or len(name) < 3:
            return None
        return name


def _carrier(at: int, spans: Spans, carried: tuple[int, ...]) -> int | None:
    """The track a sentence is about: the last title before ``at``, else the first
    after it ("the grief motif returns in 'B'"), else the one track it goes on about."""
    before = [row for start, _, row in spans if start < at]
    if before:
        return before[-1]
    if spans:
        return spans[0][2]
    return carried[0] if len(carried) == 1 else None
