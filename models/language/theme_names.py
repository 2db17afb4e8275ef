"""A theme named without its track's full title.

Reviews name the track a theme belongs to by its place on the album ("the opening
cue's melody", "the first track's motif", "the melody of the opening track", "the
closing cue's theme", "the main title's melody") or by one distinctive word of its
title ("the market theme" for "Night Market", "the Ashgrove motif" for "Ashgrove
Farewell").  The track the sentence is about then carries that theme, and is read as
compared with it.

Precision first: a place counts only as the possessor of a theme ("the opening's
tune"), never alone ("the opening bars", "its opening moments" are the track at hand);
a word counts only when it is in exactly one title other than the carrier's, is not in
the album's name, and is not a word that commonly says what a theme is about ("the love
theme", "the night theme", "the battle motif"); a sentence that denies or contrasts
anything links nothing.
"""
from __future__ import annotations

import re
from typing import Sequence

from .comparisons import DENIES, Found

Spans = Sequence[tuple[int, int, int]]  # (start, end, row) of the titles of a sentence

_NOUN = r"(theme|motif|melody|tune|leitmotif|material|idea|figure|phrase|riff|hook|chorus)"
_KIND = r"(\s+(cue|track|number|piece|movement|song))"
_EARLY = r"(opening|first|opener)"
_LATE = r"(closing|last|final)"
#: "the opening cue's (oboe) melody", "the opening's tune", "the finale's theme"
_PLACE_OWNS = re.compile(r"\bthe\s+(?P<place>" + _EARLY + _KIND + r"?|" + _LATE + _KIND +
                         r"|finale|closer|main[- ]titles?)['\u2019]s?\s+([\w-]+\s+){0,2}?" + _NOUN +
                         r"s?\b", re.IGNORECASE)
#: "the melody of the first track", "material from the opening cue"
_PLACE_OF = re.compile(_NOUN + r"s?\s+(of|from)\s+the\s+(?P<place>" + _EARLY + _KIND + r"|" +
                       _LATE + _KIND + r"|main[- ]titles?)\b", re.IGNORECASE)
#: "the market theme", "the Ashgrove motif"
_WORD_THEME = re.compile(r"\bthe\s+(?P<word>[A-Za-z][\w'-]{3,})\s+" + _NOUN + r"\b",
                         re.IGNORECASE)
#: words that say what a theme is about, or what kind it is, more often than they name
#: a track: "the love theme", "the night theme", "the main theme"
COMMON = frozenset(
    "love main title opening closing first second third final last central same recurring "
    "original new old other whole entire big little battle boss action chase villain hero "
    "heroic victory death night day morning evening family friendship romance romantic sea "
    "ocean war peace home journey adventure hope grief loss fate destiny dream memory "
    "childhood life world city town village piano string strings horn brass choral vocal "
    "guitar flute violin cello organ choir waltz march lullaby hymn fanfare credits end "
    "theme motif melody tune score film game album track song cue piece this that these "
    "those their with from".split())
_WORD = re.compile(r"[a-z0-9']+")


def _words(text: str) -> set[str]:
    return {w.strip("'").removesuffix("'s") for w in _WORD.findall(text.lower())}


def _by_place(place: str, titles: Sequence[str]) -> int | None:
    """The index among ``titles`` (album order) of the track a place names."""
    place = place.lower()
    if place.startswith("main"):
        found = [k for k, t in enumerate(titles) if re.search(r"\bmain titles?\b", t, re.I)]
        return found[0] if len(found) == 1 else None
    if place == "finale":
        found = [k for k, t in enumerate(titles) if "finale" in _words(t)]
        return found[0] if len(found) == 1 else len(titles) - 1
    if place.startswith(("opening", "first", "opener")):
        found = [k for k, t in enumerate(titles) if "opening" in _words(t)]
        return found[0] if len(found) == 1 else 0
    return len(titles) - 1


def _by_word(word: str, titles: Sequence[str], album: str, carrier: int) -> int | None:
    """The one title other than the carrier's a distinctive word is in."""
    word = word.lower().removesuffix("'s").removesuffix("\u2019s")
    if word in COMMON or word in _words(album):
        return None
    found = [k for k, t in enumerate(titles) if k != carrier and word in _words(t)]
    return found[0] if len(found) == 1 else None


def _carrier(at: int, spans: Spans, carried: tuple[int, ...]) -> int | None:
    """The track the sentence is about: the last title named before the theme, else the
    first named after it, else the one track the sentence goes on about."""
    before = [row for start, _, row in spans if start < at]
    if before:
        return before[-1]
    if spans:  # "the first track's motif returns in the finale"
        return spans[0][2]
    return carried[0] if len(carried) == 1 else None


def theme_named(sentence: str, spans: Spans, carried: tuple[int, ...], rows: Sequence[int],
                titles: Sequence[str], album: str) -> list[Found]:
    """The sentence's track carries the theme of the track a place or a word names.

    ``rows`` are the album's rows in album order and ``titles`` their titles; ``carried``
    the track(s) the sentence goes on about when it names none."""
    if not rows or DENIES.search(sentence):
        return []
    found: list[Found] = []
    for match in (m for pattern in (_PLACE_OWNS, _PLACE_OF) for m in pattern.finditer(sentence)):
        index = _by_place(match.group("place"), titles)
        # "the first track" may itself be read as a mention of the track it places
        others = [s for s in spans if not match.start() <= s[0] < match.end()]
        carrier = _carrier(match.start(), others, carried)
        if carrier is not None and index is not None and rows[index] != carrier:
            found.append(Found(carrier, rows[index]))
    for match in _WORD_THEME.finditer(sentence):
        carrier = _carrier(match.start(), spans, carried)
        if carrier is None or any(a <= match.start("word") < b for a, b, _ in spans):
            continue
        index = _by_word(match.group("word"), titles, album, list(rows).index(carrier)
                         if carrier in rows else -1)
        if index is not None and all(row != rows[index] for _, _, row in spans):
            found.append(Found(carrier, rows[index]))
    return list(dict.fromkeys(found))
