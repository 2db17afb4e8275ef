"""What a title only contrasted with is said to have: "with none of Empty Platform's
loneliness", "unlike Harbour's gloom", "far from Ember's menace".

After a title the sentence only compares against, its words go back to the track
before (see :func:`scope.segments`); a possessive right after the title is not such a
word, though: the noun phrase it opens is the contrasted track's own, held in the
contrast, and stays with that title up to the end of its phrase.
"""
from __future__ import annotations

import re

QUOTES = "\"'\u201d\u2019"

#: "'s loneliness", "''s slow gloom": the possessed noun phrase, up to a clause's end
POSSESSED = re.compile(r"^[\"'\u201d\u2019]*['\u2019]s\s+[^,;:.!?()\u2013\u2014]*")


def possession_end(text: str, end: int, limit: int) -> int:
    """Where the noun phrase a contrasted title at ``end`` possesses ends (``end`` when
    none follows), at most ``limit``."""
    start = end
    while start > 0 and text[start - 1] in QUOTES:
        start -= 1  # the title's end may be past its closing quote and the apostrophe
    match = POSSESSED.match(text[start:limit])
    return max(end, start + len(match.group().rstrip())) if match else end
