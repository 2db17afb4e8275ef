"""Comparisons between tracks that a review asserts, precision first.

The kinds read:

* explicit: a marker ("similar to", "sounds like", "reminiscent of", "the same motif
  as", "echoes" ...) followed in the same clause by a title of the album.  A marker
  whose object is not a title of the album ("sounds like a Nine Inch Nails album")
  compares with something outside the catalog and links nothing; "like" after a
  plural noun ("tracks like 'A' and 'B'") means *such as* and is not a marker at all.
  "As dreamy as 'A'" (also after "just", "almost", "every bit") compares; "twice as
  fast as", "nowhere near as", "starts as quietly as" (a part), "as soon as" and "as calm
  as 'A' is wild" do not.
  "Brings back" and "carries back" the melody of 'A' (or "carries the 'A' chorale back")
  compare the track that does it with A.
* anaphoric: "continues in a similar vein", "same goes for", "is equally ...",
  "likewise": the track(s) of the sentence are like the track discussed just before.
  References to "the main theme" link to the album's main theme (named as such
  earlier in the review, or the title track).
* pairs: exactly two titles sharing a description with "both" or given as the two
  examples of one ("pieces such as 'A' and 'B'"; not "tracks like 'A' and 'B'").
* reprises and borrowings: "'A' is reprised at the start of 'B'", "'B' contains
  elements of 'A'"; and a theme followed through the score (:mod:`themes`).
* reuses of material ("the same chorus as 'A'", "a take on 'A'", "the 'A' drone again"):
  :mod:`reuses`; a likeness the review disputes links nothing (:mod:`disputes`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from .own_clauses import subject_only
from .comparison_markers import (
    ANAPHORIC, DENIES, ELEMENTS_OF, EXAMPLES, MAIN_THEME, MEASURED_AGAINST, NEGATED,
    PAIRED, PASSIVE, TURN)
from .denials import answered_no, asked
from .disputes import disputed
from .kinship import kin_likeness
from .reported import hearsay
from .reuses import borrowed, markers, remade_at_speed
from .scope import BOUNDARY, remade, title_end
from .text import QUOTE_CHARS

OBJECT_REACH = 40  # characters between a marker and the title it compares with


@dataclass(frozen=True)
class Found:
    """A comparison found in one sentence; ``explicit`` when both titles are in it."""

    subject: int
    other: int
    explicit: bool = False
    offset: int | None = None  # start of a "but darker" clause about the subject only


def _object(sentence: str, end: int, spans: Sequence[tuple[int, int, int]]) -> int | None:
    """The row of the title right after a marker, in the same clause."""
    for start, stop, row in spans:
        if start >= end:
            gap = sentence[end:start]
            if len(gap) <= OBJECT_REACH and not BOUNDARY.search(gap):
                return row
            return None
    return None


#: after "as calm as 'B'", a verb: two degrees set side by side ("as calm as 'B' is wild")
PARALLEL = re.compile(r"^[\"'\u201d\u2019]*\s+(is|was|are|were|gets|got|sounds|feels|seems)\b",
                      re.IGNORECASE)


def _parallel(sentence: str, match: re.Match, spans: Sequence[tuple[int, int, int]]) -> bool:
    """"'A' is as calm as 'B' is wild": a degree matched, not a likeness."""
    if not match.group().lower().endswith(" as"):
        return False
    stop = next((stop for start, stop, _ in spans if start >= match.end()), None)
    return stop is not None and bool(PARALLEL.match(sentence[stop:]))


def _in_a_title(at: int, spans: Sequence[tuple[int, int, int]]) -> bool:
    """A marker word that is part of a title ("Lantern (Reprise)") marks nothing."""
    return any(start <= at < stop for start, stop, _ in spans)


def _not_a_likeness(sentence: str, at: int) -> bool:
    """Is the "like" at ``at`` a *such as* after a plural noun ("tracks like 'A'"), or
    the verb after a person or an auxiliary ("I like 'A' more, but ...")?"""
    before = re.findall(r"[A-Za-z']+", sentence[max(0, at - 30):at])
    return bool(before) and (before[-1].lower() in PLURALS or before[-1].lower() in LIKERS)


#: before "like" the verb: "I like", "you'll like", "fans who like", "don't like"
LIKERS = frozenset("i you we they who people fans listeners really also would will do does "
                   "did don't doesn't didn't i'd you'd we'd i'll you'll we'll".split())
PLURALS = frozenset("tracks songs pieces cues compositions numbers moments ones things works "
                    "scores albums records bands artists composers films movies games themes "
                    "sounds instruments touches elements passages".split())


def explicit(sentence: str, spans: Sequence[tuple[int, int, int]],
             carried: tuple[int, ...]) -> Found | None:
    """"'A' is much like 'B' but darker": (subject A, other B, offset of the clause).
    ``spans``: (start, end, row) of the titles in the sentence, in order."""
    if asked(sentence):
        return None  # "Does 'A' sound like 'B'?": the answer follows
    recommended = _recommended(sentence, spans)
    if recommended is not None:
        return recommended
    reprised = _passive(sentence, spans, carried) or _elements(sentence, spans, carried) or \
        _remade(sentence, spans, carried)
    if reprised is not None:
        return reprised
    if (taken := borrowed(sentence, spans, carried)) is not None:
        return Found(taken[0], taken[1], True, taken[2])  # "it takes the 'B' melody"
    for match in markers(sentence):
        if NEGATED.search(lead := sentence[:match.start()]) or hearsay(lead) or \
                _in_a_title(match.start(), spans) or (match.group().lower() == "like" and
                                                      _not_a_likeness(sentence, match.start())):
            continue
        other = _object(sentence, match.end(), spans)
        stop = next((stop for start, stop, _ in spans if start >= match.end()), len(sentence))
        if other is None or _parallel(sentence, match, spans) or \
                _not_named_next(sentence, match, spans) or answered_no(sentence, stop) or \
                disputed(sentence, match.start(), stop):
            continue  # "... sounds like 'B': it really doesn't"
        before = [row for start, _, row in spans if start < match.start()]
        subject = before[-1] if before else _identified(sentence, match.start(), spans) or (
            carried[0] if len(carried) == 1 else None)
        if subject is None or subject == other:
            continue
        offset = subject_only(sentence[match.end():])
        return Found(subject, other, True, None if offset is None else match.end() + offset)
    kin = kin_likeness(sentence, spans, carried)
    return None if kin is None else Found(*kin, True)  # "It's really a Glasswing cousin"


#: "Fans of 'A'", "If you liked 'A'", "listeners who loved 'A'": A recommended from
RECOMMENDED_FROM = re.compile(r"(\b(fans|lovers) of|\bif you (liked?|loved?|enjoyed|dig|dug)|"
                              r"\b\w+ who (liked?|loved?|enjoyed|dig|dug))$", re.IGNORECASE)
#: "..., try 'B'", "will want 'B'", "you'll also love 'B'", "should check out 'B'"
RECOMMENDS = re.compile(r"^\W*(then\s+)?((you['\u2019]ll|you will|you should|you might|you may|"
                        r"will|should|might|may)\s+)?(also\s+|definitely\s+|probably\s+)?"
                        r"(want|love|like|enjoy|dig|try|check out|go for|appreciate|need)"
                        r"(\s+to\s+(hear|try))?\W*$", re.IGNORECASE)
#: "the one that actually sounds like 'A'", "the track which most recalls 'A'"
THE_ONE = re.compile(r"\b(one|track|song|cue|piece|tune) (here |on (it|this|the \w+) )?"
                     r"(that|which)( \w+){0,2}\s*$", re.IGNORECASE)
#: after "... sounds like 'A'": ", it's 'B'", "is 'B'", "has to be 'B'"
IS_NAMED = re.compile(r"^[\"'\u201d\u2019]*\s*,?\s*(it['\u2019]s|that['\u2019]s|is|would be|"
                      r"has to be|must be)\s*$", re.IGNORECASE)


def _recommended(sentence: str, spans: Sequence[tuple[int, int, int]]) -> Found | None:
    """"If you liked 'A', try 'B'", "Fans of 'A' will want 'B'": B (the subject) is
    recommended for its likeness to A; a denied recommendation links nothing."""
    if DENIES.search(sentence):
        return None  # "Not for you if you liked 'A': 'B'"
    for (begin, end, row), (start, _, other) in zip(spans, spans[1:]):
        lead = sentence[:begin]
        if row != other and RECOMMENDED_FROM.search(lead.rstrip(QUOTE_CHARS + " ")) and \
                RECOMMENDS.match(sentence[end:start].strip(QUOTE_CHARS + " ")):
            return Found(other, row, True)
    return None


def _identified(sentence: str, at: int, spans: Sequence[tuple[int, int, int]]) -> int | None:
    """"The one that actually sounds like 'A', it's 'B'": B, the track named after the
    likeness it is picked out by (the marker at ``at``, A the first title after it)."""
    if not THE_ONE.search(sentence[:at]):
        return None
    after = [(start, stop, row) for start, stop, row in spans if start >= at]
    if len(after) < 2:
        return None
    (_, stop, _), (start, _, row) = after[0], after[1]
    return row if IS_NAMED.match(sentence[stop:start].rstrip(QUOTE_CHARS + " ")) else None


def _not_named_next(sentence: str, match: re.Match, spans: Sequence[tuple[int, int, int]],
                    ) -> bool:
    """"'A' is basically 'B' with drums" likens A to B; "is basically over before 'B'"
    does not: after "basically", "essentially" the title must come next."""
    if not match.group().lower().endswith(("basically", "essentially")):
        return False
    rest = sentence[match.end():]
    at = match.end() + len(rest) - len(rest.lstrip(" \t\"'\u201c\u2018*_"))
    return all(start != at for start, _, _ in spans)


def _passive(sentence: str, spans: Sequence[tuple[int, int, int]],
             carried: tuple[int, ...]) -> Found | None:
    """"'A' is reprised at the start of 'B'": B (the subject, which takes A's moods)."""
    for match in PASSIVE.finditer(sentence):
        if NEGATED.search(sentence[:match.start()]) or _in_a_title(match.start(), spans):
            continue
        carrier = _object(sentence, match.end(), spans)
        before = [row for start, _, row in spans if start < match.start()]
        original = before[-1] if before else (carried[0] if len(carried) == 1 else None)
        if carrier is not None and original is not None and carrier != original:
            return Found(carrier, original, True)
    return None


def _elements(sentence: str, spans: Sequence[tuple[int, int, int]],
              carried: tuple[int, ...]) -> Found | None:
    """"'A' contains elements of 'B'" (or "Contains elements of 'B'" about the track
    the sentence goes on about): B right after the words, in one clause with A."""
    previous: tuple[int, int] | None = None  # (end, row) of the title before
    for start, end, row in spans:
        lead = sentence[previous[0] if previous else 0:start].rstrip(QUOTE_CHARS + " ")
        subject = previous[1] if previous else (carried[0] if len(carried) == 1 else None)
        if subject is not None and subject != row and ELEMENTS_OF.search(lead + " ") and \
                not BOUNDARY.search(lead) and not DENIES.search(sentence[:start]):
            return Found(subject, row, True)
        previous = (end, row)
    return None


def _remade(sentence: str, spans: Sequence[tuple[int, int, int]],
            carried: tuple[int, ...]) -> Found | None:
    """"'A' - it's 'B' taken apart in the echo chamber, loose and spacey": A likened to
    B, and the words after B are A's alone."""
    previous: tuple[int, int] | None = None  # (end, row) of the title before
    for start, end, row in spans:
        subject = previous[1] if previous else (carried[0] if len(carried) == 1 else None)
        if subject is not None and subject != row and \
                _remade_lead(sentence[previous[0] if previous else 0:start], sentence[end:]) and \
                not NEGATED.search(sentence[:start]):
            return Found(subject, row, True, title_end(sentence, end))
        previous = (end, row)
    return None


def _remade_lead(lead: str, after: str) -> bool:
    return remade(lead, after) or remade_at_speed(lead, after)


def names_others(joined: Sequence[set[int]], found: Found) -> bool:
    """Does a sentence (its title groups' rows) name tracks outside the compared pair's
    own groups ("'A' is reprised in 'B', before 'C' ends things gently"), whose words
    are then their own?"""
    return any(not rows & {found.subject, found.other} for rows in joined)


def states_main_theme(sentence: str, spans: Sequence[tuple[int, int, int]]) -> int | None:
    """The one track a sentence about the main theme names ("The main theme is hard to
    miss: it rings out from the first cue, 'A'"), where it is stated."""
    theme = MAIN_THEME.search(sentence)
    rows = {row for _, _, row in spans}
    if theme is None or len(rows) != 1 or NEGATED.search(sentence[:theme.start()]) or \
            _in_a_title(theme.start(), spans) or DENIES.search(sentence) or \
            MEASURED_AGAINST.search(sentence[:theme.start()]):
        return None
    return rows.pop()


def anaphoric(sentence: str, parts: Sequence[tuple[int, int, tuple[int, ...]]],
              previous: tuple[int, ...], main_theme: int | None,
              first_title: int | None = None) -> list[Found]:
    """Tracks said to be like the one just discussed or like the main theme.  ``parts``:
    (start, end, rows) of the sentence's segments; a marker speaks for its own segment,
    or for every title when it comes before the first ("Same goes for 'A' and 'B'")."""
    def rows_at(at: int) -> tuple[int, ...]:
        if first_title is not None and at < first_title:  # up to a turn: "..., before 'C'"
            turn = TURN.search(sentence, first_title)
            stop = turn.start() if turn else len(sentence)
            return tuple(dict.fromkeys(r for a, _, rows in parts if a < stop for r in rows))
        return next((rows for a, b, rows in parts if a <= at < b), ())

    out: list[Found] = []
    marker = ANAPHORIC.search(sentence)
    if marker and NEGATED.search(sentence[:marker.start()]):  # "does not continue the mood"
        marker = None
    if marker and len(previous) == 1:
        out += [Found(s, previous[0]) for s in rows_at(marker.start()) if s != previous[0]]
    theme = MAIN_THEME.search(sentence)
    if theme and main_theme is not None and not NEGATED.search(sentence[:theme.start()]):
        out += [Found(s, main_theme) for s in rows_at(theme.start()) if s != main_theme]
    return out


def pairs(sentence: str, group: Sequence[tuple[int, int, int]], lead: str) -> Found | None:
    """Two titles sharing one description: "'A' and 'B' both ...", "... such as 'A' and 'B'"."""
    if len(group) != 2 or group[0][2] == group[1][2]:
        return None
    after = sentence[group[-1][1]:].lstrip("\"'\u201d\u2019 ,")
    if PAIRED.match(after) or EXAMPLES.search(lead.rstrip("\"'\u201c\u2018 ")):
        return Found(group[0][2], group[1][2])
    return None
