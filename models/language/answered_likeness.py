"""A likeness the very next sentence answers "no": "People keep telling me 'A' sounds like
'B'. It doesn't.", "'A' is sort of like 'B' but with drums" / "nah they're nothing alike".

Only a bare answer counts, a sentence that is nothing but the denial (after a speaker's
"Name:" in a chat), or whose first clause is ("It doesn't, really; it's much edgier",
"It does not; that one has no melody", "I'd disagree: ..."): "It doesn't sound sad, though" answers
something else.  The comparisons asserted in the sentence before it are dropped
(precision first).

A likeness asked as a question ("can we swap 'A' for something that sounds like 'B'?")
asserts nothing unless the next sentence answers yes ("Yes, very much.", "It does.", "They
do, in the strings"): "Answer: no. They're nothing alike." leaves it unasserted, as an
open question ("whether", "I wonder if") leaves hearsay (:func:`~.reported.hearsay`).
"""
from __future__ import annotations

import re
from typing import Sequence

from .reading import Reading

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

#: the next sentence's opening: a "yes" to the question just asked
YES = re.compile(
    r"^\W*" + _SPEAKER + r"(?:(?:yes|yeah|yep|yup|absolutely|definitely|indeed|very\s+much|"
    r"certainly|of\s+course)\b|(?:it|they|that)\s+(?:really\s+|certainly\s+|definitely\s+)?"
    r"(?:does|do)\b(?!['\u2019]?n)|(?:it|they|that)\s+(?:is|are)\s*[,.!;:])",
    re.IGNORECASE)


def answered_yes(sentence: str) -> bool:
    """Does the sentence open with a "yes" to a question ("Yes, very much.", "It does.")?"""
    return bool(YES.match(sentence.strip()))


def _asked(question: str, answer: str) -> bool:
    """A question (its sentence ends in one "?") the next sentence (``answer``, "" if none)
    does not answer yes: a likeness in it is asked, not asserted.  "??" and "?!" are
    surprise at what is said ("the exact same chorus as Rooftop??"), not a question."""
    asked = question.rstrip()
    return asked.endswith("?") and asked[-2:-1] not in "?!" and not answered_yes(answer)


def answered(sentence: str) -> bool:
    """Is the sentence only a "no" to a likeness ("It doesn't.", "nah they're nothing
    alike")?"""
    return bool(ANSWER.match(sentence.strip()))


def without_answered(reading: Reading, text: str,
                     spans: Sequence[tuple[int, int]]) -> Reading:
    """The reading less the comparisons whose sentence (of ``spans``, the sentences the
    walk read) the next one answers "no", or that only ask a question not answered yes."""
    if not reading.comparisons:
        return reading
    said = [text[slice(*span)] for span in spans] + [""]
    denied = {spans[k - 1] for k in range(1, len(spans)) if answered(said[k])}
    denied |= {spans[k] for k in range(len(spans)) if _asked(said[k], said[k + 1])}
    if denied:
        reading.comparisons[:] = [c for c in reading.comparisons
                                  if not any(a <= c.start and c.end <= b for a, b in denied)]
    return reading
