""""The former" and "the latter": which of the tracks just named a sentence is about.

"'Lantern' and 'Tidewater' close the record. The former is tender, the latter tense."
Each reference takes the words from it to the next one (the first also takes what
comes before it) to the first or the last of the tracks the sentence before named, in
the order it named them.  As an adjective ("the latter half of the album", "the
former Beatle") the word refers to no track.
"""
from __future__ import annotations

import re

REFERENCE = re.compile(r"\bthe (former|latter)\b(?:['\u2019]s)?", re.IGNORECASE)
#: after "the former/latter", a noun that makes it an adjective, not a track
NOT_A_TRACK = frozenset("half halves part parts portion section sections stage stages end "
                        "years days era period glory self member members moments minutes "
                        "seconds".split())


def _refers(sentence: str, end: int) -> bool:
    """A track, not "the latter half" or "the former Beatle"."""
    following = sentence[end:].split(None, 1)
    if not following:
        return True
    word = following[0].strip(",;:.!?")
    return not (word[:1].isupper() and word.isalpha()) and word.lower() not in NOT_A_TRACK


def referents(sentence: str, named: tuple[int, ...]) -> list[tuple[int, int, tuple[int, ...]]]:
    """(start, end, (row,)) for each part of ``sentence`` that says "the former" or "the
    latter" of ``named`` (rows in the order the sentence before named them; two or
    more); [] when it says neither."""
    if len(named) < 2:
        return []
    found = [m for m in REFERENCE.finditer(sentence) if _refers(sentence, m.end())]
    parts = []
    for i, match in enumerate(found):
        start = match.start() if i else 0
        end = found[i + 1].start() if i + 1 < len(found) else len(sentence)
        row = named[0] if match.group(1).lower() == "former" else named[-1]
        parts.append((start, end, (row,)))
    return parts
