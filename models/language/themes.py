"""A theme followed through a score.

A theme may be named by its track and heard again in another: "the 'A' theme comes back
in 'B'", "the melody from 'A' returns on 'B'".  Score reviews also say which cue
introduces a theme ("the first theme is introduced on 'A'", "'A' introduces the love
theme") and then where it is heard again ("This motif is also heard on 'B' and in a
variation on 'C'", "But it gets better treatment on 'D'"): those cues carry A's theme,
and are read as compared with A.

Precision first, since a comparison blends moods: the theme must have been introduced
in the same paragraph; "this / that / the same theme" counts only right before a verb
of hearing it again ("this motif is heard on 'B'"; not "'B' lacks this motif", "that
theme of loss", "critics who praise this melody"); "it" only in the very next sentence
and only before such a verb or "gets a fuller treatment on"; the titles must follow in
the same clause; and a sentence that denies or contrasts anything links nothing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from .comparisons import DENIES, Found

Spans = Sequence[tuple[int, int, int]]  # (start, end, row) of the titles of a sentence

_NOUN = r"(theme|motif|melody|leitmotif)"
_HEARD = (r"((is|was|are|were)\s+)?((also|again|briefly|later|then|often|soon)\s+)?(heard|"
          r"appears|returns|recurs|reappears|resurfaces|comes back|reprised|repeated|"
          r"restated|shows up|crops up|turns up|surfaces)\b")
_TREATED = (r"(receiving|receives|gets|getting|is given|given)\s+(an?\s+)?([\w'-]+\s+){0,2}?"
            r"(treatment|reprise|restatement|variation|version|outing|airing|reading)\b")
#: "the first theme is introduced on 'A'": the marker, then A
INTRODUCED = re.compile(r"\b" + _NOUN + r"\b[^.;:!?]{0,60}?\b(introduced|first (heard|"
                        r"encountered|stated|presented|appears|surfaces)|debuts)\b"
                        r"(\s+\w+){0,3}?\s+(on|in|over|with|during)\b", re.IGNORECASE)
#: "'A' introduces the love theme": A, then the marker
INTRODUCES = re.compile(r"\b(introduces|establishes|brings in|unveils|lays out|sets out)\b"
                        r"(\s+[\w']+){0,3}?\s+" + _NOUN + r"\b", re.IGNORECASE)
#: a theme other than the one met last: what "this theme" means next is unclear
ANOTHER = re.compile(r"\b(an?|another|second|third|new|different)\s+([\w']+\s+){0,2}?" + _NOUN
                     + r"\b", re.IGNORECASE)
THEME_AGAIN = re.compile(r"\b(this|that|the same)\s+([\w']+\s+){0,2}?" + _NOUN + r"\s+" + _HEARD,
                         re.IGNORECASE)
THEME_TAKEN = re.compile(r"\b(reprises|revisits|brings back|repeats|restates|reworks)\s+(this|"
                         r"that|the same)\s+([\w']+\s+){0,2}?" + _NOUN + r"\b", re.IGNORECASE)
IT_AGAIN = re.compile(r"^\W*((but|and|then|later|soon),?\s+)?it\s+(" + _HEARD + "|" + _TREATED
                      + ")", re.IGNORECASE)
#: later in the sentence that introduced the theme: "..., before receiving a fuller
#: treatment over 'End Credits'", "and returns, darker, in 'B'" (not a bare "returns":
#: "the album returns to brighter ground with 'B'" is the album's)
REPRISED = re.compile(r"\b" + _TREATED + r"|\band\s+((then|later)\s+)?(returns|comes back|"
                      r"reappears|recurs)\b[^.;:!?]{0,30}?\b(in|on|during)\b", re.IGNORECASE)
#: "Its lullaby motif ... runs through the score. It first appears in 'A'": the theme
#: the sentence before named, introduced
IT_INTRODUCED = re.compile(r"^\W*it\s+(is\s+)?(first\s+(heard|stated|presented|appears|"
                           r"surfaces)|introduced|debuts)\b(\s+\w+){0,3}?\s+(on|in|over|"
                           r"with|during)\b", re.IGNORECASE)
THEME_NOUN = re.compile(r"\b" + _NOUN + r"s?\b", re.IGNORECASE)
#: what ends the run of titles after a marker: another clause, a contrast
_CLAUSE_END = re.compile(r"[;:()\u2013\u2014]|\b(but|while|whereas|although|though|yet|"
                         r"except|which|who)\b", re.IGNORECASE)
#: a theme named by its track, then heard again: "the 'A' theme comes back in 'B'", "the
#: melody from 'A' returns on 'B'" (before A, after A)
TITLED_BEFORE = re.compile(r"\b(the|its|their|that|this)\s*[\"'\u201c\u2018]*$", re.IGNORECASE)
TITLED_AFTER = re.compile(r"^[\"'\u201d\u2019]*\s+" + _NOUN + r"\s+" + _HEARD, re.IGNORECASE)
FROM_BEFORE = re.compile(r"\b" + _NOUN + r"\s+(from|of)\s*[\"'\u201c\u2018]*$", re.IGNORECASE)
FROM_AFTER = re.compile(r"^[\"'\u201d\u2019]*,?\s+" + _HEARD, re.IGNORECASE)
#: right before the track the theme is heard in: "... in 'B'", "on 'B'"
CARRIER_LEAD = re.compile(r"\b(in|on|during|over|for|at|within|throughout|through|into)\s*"
                          r"[\"'\u201c\u2018*]*$", re.IGNORECASE)
#: "'B' (1:30) - the title theme comes back": B carries the title track's theme
TITLE_THEME_BACK = re.compile(r"\b(the|its|their) title[- ]" + _NOUN + r"\s+" + _HEARD,
                              re.IGNORECASE)
#: between B and "the title theme": its running time, a dash or a colon
_LINE_LEAD = re.compile(r"^[\"'\u201d\u2019*)\]]*\s*(\(\d{1,2}:\d{2}\))?\s*[-\u2013\u2014:]?\s*$")
FIRST_REACH = 60  # characters from a marker to the first title it is heard on
SUBJECT_REACH = 40  # characters from the title before "reprises this theme" to it


def _carriers(sentence: str, at: int, spans: Spans) -> list[int]:
    """The titles right after ``at`` in the same clause: "heard on 'B' and in a variation
    on 'C'"."""
    rows: list[int] = []
    for start, end, row in spans:
        if start < at:
            continue
        gap = sentence[at:start]
        if (not rows and len(gap) > FIRST_REACH) or _CLAUSE_END.search(gap):
            break
        rows.append(row)
        at = end
    return rows


def introduced(sentence: str, spans: Spans, it_is_one: bool = False) -> tuple[int, int] | None:
    """The track a sentence says introduces a theme, if any, and where the
    introduction ends; ``it_is_one``: "It first appears in 'A'" speaks of a theme."""
    it = [IT_INTRODUCED.match(sentence)] if it_is_one else []
    for match in [*filter(None, it), *INTRODUCED.finditer(sentence)]:
        found = _carriers(sentence, match.end(), spans)[:1]
        if found:
            return found[0], next(end for start, end, row in spans
                                  if row == found[0] and start >= match.end())
    for match in reversed(list(INTRODUCES.finditer(sentence))):  # the last one is newest
        before = [(end, row) for start, end, row in spans if end <= match.start()]
        if before and not _CLAUSE_END.search(sentence[before[-1][0]:match.start()]):
            return before[-1][1], match.end()
    return None


def _taken(sentence: str, spans: Spans) -> list[int]:
    """"'B' reprises this theme": B."""
    for match in THEME_TAKEN.finditer(sentence):
        before = [(end, row) for start, end, row in spans if end <= match.start()]
        if before and len(sentence[before[-1][0]:match.start()]) <= SUBJECT_REACH and \
                not _CLAUSE_END.search(sentence[before[-1][0]:match.start()]):
            return [before[-1][1]]
    return []


def titled_returns(sentence: str, spans: Spans) -> list[Found]:
    """"The 'A' theme comes back in 'B', warmer now", "the melody from 'A' returns on
    'B'": B carries A's theme (not "the 'A' theme returns before 'B' ends")."""
    for start, end, row in spans:
        before, after = sentence[:start], sentence[end:]
        match = TITLED_AFTER.match(after) if TITLED_BEFORE.search(before) else None
        if match is None and FROM_BEFORE.search(before):
            match = FROM_AFTER.match(after)
        if match is None:
            continue
        at = end + match.end()
        rows = _carriers(sentence, at, spans)
        lead = next((sentence[at:s] for s, _, _ in spans if s >= at), "")
        if rows and CARRIER_LEAD.search(lead):
            return [Found(carrier, row) for carrier in rows if carrier != row]
    return []


def title_theme_returns(sentence: str, spans: Spans, title_row: int | None) -> list[Found]:
    """"3. Luci (Ripresa) (1:30) - the title theme comes back, slower": B, right before,
    carries the theme of the title track (``title_row``)."""
    match = TITLE_THEME_BACK.search(sentence) if title_row is not None else None
    before = [(end, row) for _, end, row in spans if match and end <= match.start()]
    if not before or before[-1][1] == title_row or \
            not _LINE_LEAD.match(sentence[before[-1][0]:match.start()]):
        return []
    return [Found(before[-1][1], title_row)]


@dataclass
class Themes:
    """The theme a review introduced last in this paragraph, and in which sentence."""

    theme: int | None = None
    at: int = -2
    said: bool = False  # the last sentence spoke of a theme, motif or melody
    it_is_one: bool = False  # ... so this one's "It first appears in" is that theme

    def links(self, index: int, sentence: str, spans: Spans) -> list[Found]:
        """Sentence ``index``'s tracks that carry a theme; notes a new theme."""
        denied = bool(DENIES.search(sentence))
        rows = [] if denied or self.theme is None else \
            self._again(sentence, spans, fresh=index == self.at + 1)
        found = [Found(row, self.theme) for row in rows if row != self.theme]
        found += [] if denied else titled_returns(sentence, spans)
        new = introduced(sentence, spans, self.it_is_one)
        if new is not None:
            (self.theme, after), self.at = new, index
            if not denied:
                found += [Found(row, self.theme) for match in REPRISED.finditer(sentence, after)
                          for row in _carriers(sentence, match.end(), spans)
                          if row != self.theme]
        elif ANOTHER.search(sentence):
            self.theme = None
        return list(dict.fromkeys(found))

    def seen(self, sentence: str, named: bool) -> Themes:
        """Note a sentence that names no track: "A second theme, for the villain, ..."
        makes the next "this theme" unclear."""
        if not named and ANOTHER.search(sentence):
            self.theme = None
        self.it_is_one, self.said = self.said, bool(THEME_NOUN.search(sentence))
        return self

    def _again(self, sentence: str, spans: Spans, fresh: bool) -> list[int]:
        match = THEME_AGAIN.search(sentence) or (IT_AGAIN.search(sentence) if fresh else None)
        return _carriers(sentence, match.end(), spans) if match else _taken(sentence, spans)
