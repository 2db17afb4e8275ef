"""Words about a quoted name the catalog lacks, inside sentences about this album.

A review that sets each track beside one of an earlier album ("where 'Ironworks' was
furious, 'Quarry Lights' is celebratory", "replaces the paranoid, twitchy 'Signal Fire'
with something looser") describes the other track too: the words from a determiner
before such a name ("the paranoid, twitchy") and the clause it is the subject of
("'Ironworks' was furious", "'Northbound' itself was wistful;") are that work's, and
no track's of this album.  A name someone is quoted calling a track ('critics called it
"Relentless"') and the album's own name are no other work.
"""
from __future__ import annotations

import re
from typing import Sequence

from .misspellings import Mention
from .text import normalise

#: a quoted name in title case ("Signal Fire", "Lullaby for Nobody", "Ironworks")
_NAME = re.compile(r"(?:[\"\u201c\u2018]|(?<!\w)')([A-Z0-9][\w'\u2019&.-]*"
                   r"(?:[ ]+(?:[a-z]{1,4}|[A-Z0-9][\w'\u2019&.-]*)){0,6})"
                   r"[\"\u201d\u2019']")
#: before the name: it is what someone calls or names something, or a quotation
_CALLED = re.compile(r"\b(?:call|calls|called|calling|dubbed|dubs|named|titled|says|said|"
                     r"as|word|words|playlist|promising|claims?)"
                     r"(?:\s+(?:it|them|this|that))?\s*[,:]?\s*$", re.IGNORECASE)
#: before the name: a determiner and up to three words describing it
_DESCRIBED = re.compile(r"\b(?:the|a|an|its|their|his|her|this|that)\s+"
                        r"(?:[\w'\u2019-]+,?\s+){0,3}$", re.IGNORECASE)
#: after the name: it is the subject of a clause ("was furious", "itself was wistful")
_SUBJECT_OF = re.compile(r"^\s*(?:itself\s+|themselves\s+)?(?:was|were|had been|has been|"
                         r"sounded|felt|seemed)\b[^,;:.!?\u2013\u2014]*", re.IGNORECASE)


def other_names(sentence: str, mentions: Sequence[Mention],
                work_names: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Spans of ``sentence`` about quoted names that are no title of ``mentions`` and
    not the work's own name (``work_names``, normalised)."""
    spans = []
    for match in _NAME.finditer(sentence):
        start, end = match.span()
        if any(m.start < end and start < m.end for m in mentions) or \
                normalise(match.group(1)) in work_names or \
                _CALLED.search(sentence[:start]):
            continue
        described = _DESCRIBED.search(sentence[:start])
        subject_of = _SUBJECT_OF.match(sentence[end:])
        spans.append((described.start() if described else start,
                      end + (subject_of.end() if subject_of else 0)))
    return spans


def outside(text: str, start: int, end: int,
            cuts: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pieces of ``text[start:end]`` outside ``cuts`` that hold a word."""
    pieces = []
    for a, b in sorted(cuts):
        if a < end and start < b:
            pieces.append((start, a))
            start = max(start, b)
    pieces.append((start, end))
    return [(a, b) for a, b in pieces if any(ch.isalpha() for ch in text[a:b])]


#: a track's earlier version as the subject of a clause in the past: "The old mix was
#: harsh", "the original edit was far too gloomy", "The demo was restless"
_EARLIER = re.compile(r"\b(?:the|its|their|an?) (?:(?:old|older|original|earlier|previous|"
                      r"first|former) (?:mix|version|edit|cut|take|recording|master|loop|"
                      r"arrangement|demo)|demo|original)\s+(?:itself\s+)?(?:was|were|had been|"
                      r"sounded|felt|seemed|used to be)\b[^;:.!?\u2013\u2014]*?"
                      r"(?=[;:.!?\u2013\u2014]|,\s*(?:but|while|whereas|yet|and)\b|$)",
                      re.IGNORECASE)


def earlier_versions(sentence: str) -> list[tuple[int, int]]:
    """Spans of ``sentence`` about a track's earlier version ("The old mix was harsh and
    aggressive; the new one is relaxed"): its words describe what the track no longer
    is, so they are no track's."""
    return [match.span() for match in _EARLIER.finditer(sentence)]
