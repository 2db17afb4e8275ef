"""A likeness the very next sentence answers "no": "People keep telling me 'A' sounds like
'B'. It doesn't.", "'A' is sort of like 'B' but with drums" / "nah they're nothing alike".

Only a bare answer counts, a sentence that is nothing but the denial (after a speaker's
"Name:" in a chat), or whose first clause is ("It doesn't, really; it's much edgier",
"It does not; that one has no melody", "I'd disagree: ..."): "It doesn't sound sad, though" answers
something else.  The comparisons asserted in the sentence before it are dropped
(precision first).
"""
from __future__ import annotations

import re

from .reading import Reading
from .sentences import sentences

#: a chat's or a transcript's speaker before the words ("Maya: ")
_SPEAKER = r"(?:[A-Z][\w.' -]{0,30}:\s*)?"
#: the whole sentence: a denial of the likeness just stated
ANSWER = re.compile(
    r"^\W*" + _SPEAKER + r"(?:(?:nah|no|nope|well|honestly)\W+)*"
    r"(?:(?:it|that|they)\s+(?:really\s+|just\s+|simply\s+|absolutely\s+|honestly\s+)?"
    r"(?:doesn['\u2019]t|does not|isn['\u2019]t|is not|don['\u2019]t|do not|aren['\u2019]t|"
    r"are not)|"
    r"(?:i|we)(?:\s*['\u2019]d|\s+would)?\s+(?:(?:have\s+to|must)\s+)?disagree|"
    r"(?:they|the two)\s*(?:['\u2019]re|are)\s+(?:nothing|not(?:\s+at\s+all)?|not\s+even)\s+"
    r"(?:alike|similar|the\s+same)(?:\s+at\s+all)?)"
    r"(?:\s*,?\s*(?:really|at\s+all|though|honestly|to\s+(?:me|us|my\s+ears)))?"
    r"\s*(?:[.!]*\s*$|[;:\u2014\u2013])", re.IGNORECASE)


def answered(sentence: str) -> bool:
    """Is the sentence only a "no" to a likeness ("It doesn't.", "nah they're nothing
    alike")?"""
    return bool(ANSWER.match(sentence.strip()))


def without_answered(reading: Reading, text: str) -> Reading:
    """The reading less the comparisons whose sentence the next one answers "no"."""
    spans = sentences(text)
    denied = {spans[k - 1] for k in range(1, len(spans)) if answered(text[slice(*spans[k])])}
    if denied:
        reading.comparisons[:] = [c for c in reading.comparisons
                                  if not any(a <= c.start and c.end <= b for a, b in denied)]
    return reading
