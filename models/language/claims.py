"""A likeness someone else claims: "The authors claim that 'B' quotes the ferryman motif".

A comparison is asserted only in the review's own voice.  Inside a claim the review
reports from someone else ("the authors claim that", "Dana insists that", "according
to the sleeve notes") a likeness is theirs, and reviewers report a claim most often to
dispute it ("It does not bring back the motif at all"), so such a sentence links no
tracks.  The reviewer's own "I'd argue that" or "we maintain that" still does.
"""
from __future__ import annotations

import re

from .reported import hearsay

_ACCORDING = re.compile(r"\baccording to\b", re.IGNORECASE)


def claimed_by_others(sentence: str) -> bool:
    """``sentence`` reports what someone other than the reviewer claims ("The authors
    claim that ...", "according to the press notes"), not "I'd argue that ..."
    (:func:`~.reported.hearsay` over the whole sentence)."""
    return bool(_ACCORDING.search(sentence)) or hearsay(sentence)


#: a statement put to the reader to judge, as a quiz or worksheet does: "True or false:
#: Kenji thinks 'Midnight Bus' is a sad song.", "Agree or disagree - the finale is too
#: loud"; the prompt is kept, the statement after it up to its sentence's end is not said
_PUT_TO_THE_READER = re.compile(
    r"^[ \t]*(?:\d{1,3}[.)][ \t]*)?(?:true[ \t]+or[ \t]+false|agree[ \t]+or[ \t]+disagree|"
    r"right[ \t]+or[ \t]+wrong|fact[ \t]+or[ \t]+fiction)[ \t]*[:?\u2013\u2014-][ \t]*"
    r"(?P<statement>[^\n]*?)(?=[.?!][\"'\u201d\u2019]?(?:\s|$)|\n|$)",
    re.IGNORECASE | re.MULTILINE)


def without_statements_to_judge(text: str) -> str:
    """``text`` with each statement a quiz puts to the reader ("True or false: 'A' is a
    sad song.") blanked by spaces (offsets stay): it is the question, not the review's
    view."""
    return _PUT_TO_THE_READER.sub(
        lambda m: m.group()[:m.start("statement") - m.start()] + " " * len(m["statement"]),
        text)
