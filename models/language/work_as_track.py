"""The work's own name standing for its title track in a likeness, once the review has
called it a track: "Put on Reedbed Hours, the title track ... Homeward Skein is
basically Reedbed Hours with a heartbeat".

Unquoted, the album's name names the album (see :mod:`mentions`).  A track likened to
it is likened to a track, though, when the text has already named the title track
(by the name in apposition, quoted, or as "the title track"): the name then stands
right after the words of a likeness ("is basically", "sounds like", "reminiscent of")
with another track named before them.  Without that earlier mention, or outside a
likeness ("Homeward Skein is the best thing on Reedbed Hours"), it is still the album.
"""
from __future__ import annotations

import re
from typing import Sequence

from .comparison_markers import EXPLICIT
from .mentions import Mention, name_spans
from .reuses import MORE
from .titles import variants

#: "Harrow Lane itself goes to ...": the name set against the track just discussed (its
#: reprise, a remix) is the piece called like the work, not the work
_ITSELF = re.compile(r"[\s\"'\u201d\u2019]*itself\b", re.IGNORECASE)

#: between a likeness's words and the name: nothing but spaces, quotes and "the"
_GAP = re.compile(r"^[\s\"'\u201c\u2018]*(the\s+)?$", re.IGNORECASE)


def title_track_index(titles: Sequence[str], names: frozenset[str]) -> int | None:
    """The one title (its index) written like the work's name, if one is."""
    found = [k for k, t in enumerate(titles) if (v := variants(t)[:1]) and v[0] in names]
    return found[0] if len(found) == 1 else None


def likened_title_track(sentence: str, mentions: list[Mention], title_track: int | None,
                        named: bool, names: frozenset[str],
                        carrying: bool = False) -> list[Mention]:
    """``mentions`` with the work's name as the title track (``title_track``, already
    ``named`` as a track by the review) where another track is likened to it: one named
    before the likeness, or (``carrying``) the one track the sentence goes on about
    ("Kind of a slowed-down Paper Lanterns"); and, set against that track, "Harrow Lane
    itself", though the review has not called it a track yet."""
    if title_track is None or any(m.track == title_track for m in mentions):
        return mentions
    if carrying and (span := _itself(sentence, names, mentions)):
        return sorted([*mentions, Mention(title_track, *span, False)], key=lambda m: m.start)
    if not named or not (mentions or carrying):
        return mentions
    for start, end in name_spans(sentence, names):
        if any(m.start < end and start < m.end for m in mentions):
            continue
        lead = sentence[:start]
        marker = [m for m in (*EXPLICIT.finditer(lead), *MORE.finditer(sentence, 0, end))
                  if m.end() <= start and _GAP.match(lead[m.end():])]
        if marker and (not mentions or any(m.end <= marker[-1].start() for m in mentions)):
            extra = Mention(title_track, start, end, False)
            return sorted([*mentions, extra], key=lambda m: m.start)
    return mentions


def _itself(sentence: str, names: frozenset[str],
            mentions: list[Mention]) -> tuple[int, int] | None:
    """The span of the work's name followed by "itself", outside ``mentions``."""
    for start, end in name_spans(sentence, names):
        if _ITSELF.match(sentence, end) and \
                not any(m.start < end and start < m.end for m in mentions):
            return start, end
    return None
