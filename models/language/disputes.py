"""A likeness the review states only to dispute it.

"I don't agree that 'A' sounds like 'B'", "I don't think 'A' resembles 'B'": the
reviewer's own disagreement comes before the likeness.  "Mia says 'A' sounds like 'B'
but she's wrong", "... like 'B'; they're not alike at all", "..., I can't hear it":
someone else's likeness, answered in the same sentence.  Neither links the tracks
(precision first: a false link is worse than a missed one).
"""
from __future__ import annotations

import re

#: before a likeness: the reviewer's disagreement ("I don't agree that", "I disagree that",
#: "we don't think", "I'd never say")
DISAGREES = re.compile(
    r"\b(i|we)\s+((really|honestly|just)\s+)?(don['\u2019]t|do not|can['\u2019]t|cannot|"
    r"never|wouldn['\u2019]t|would never|won['\u2019]t)\s+(agree|think|believe|buy|accept|"
    r"say|claim|see why)\b|\b(i|we)\s+disagree\b|\bit['\u2019]s wrong to say\b",
    re.IGNORECASE)
#: after a likeness, in its sentence: the answer that it is wrong ("but she's wrong",
#: "I don't hear it", "they're not alike at all", "nothing alike",
#: "the two have nothing in common")
REJECTED = re.compile(
    r"\b(she|he|they|you|that|this)\s*(['\u2019]s|['\u2019]re|is|are|was|were)\s+"
    r"((just|simply|plain|dead)\s+)?(wrong|mistaken)\b|"
    r"\b(i|we)\s+(really\s+)?(don['\u2019]t|do not|can['\u2019]t|cannot|couldn['\u2019]t)\s+"
    r"hear\s+(it|that|this|the likeness|the resemblance)\b|"
    r"\b(not|nothing)\s+(at\s+all\s+)?alike\b|"
    r"\b(have|has|share|shares)\s+nothing\s+in\s+common\b",
    re.IGNORECASE)


def disputed(sentence: str, marker: int, end: int) -> bool:
    """Is the likeness whose marker starts at ``marker`` and whose second title ends at
    ``end`` one the review disputes: disagreed with before the marker, or answered as
    wrong after the title?"""
    return bool(DISAGREES.search(sentence, 0, marker) or REJECTED.search(sentence, end))
