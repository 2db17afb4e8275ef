"""A short question the review asks and answers no: "Sad? Not quite. Nostalgic.", "Is it
romantic? No.", "Scary? Not really.".

The question names a mood only to deny it, but a sentence ends at its "?", so the mood
would be read alone as said.  The "?" becomes a comma (offsets stay), so question and
answer are one sentence, "Sad, Not quite.", where the tagger reads the answer after the
mood word as its denial (:func:`~.denials.answered_no_at_end`).  A question answered
otherwise ("Romantic, though? Only one song is") and a question in quotes (a title's
"?") are left alone.
"""
from __future__ import annotations

import re

#: a question of at most four words opening its sentence, then a "no" closing its own
_ANSWERED = re.compile(
    r"(?:^|(?<=[.!?:\n])[ \t]+|(?<=\n))(?P<question>[^\W\d][\w\u2019' -]{0,40}?)\?"
    r"(?=[ \t]+(?:no|nope|not quite|not really|not exactly|not at all|hardly|far from it)"
    r"[ \t]*(?:[.!]|$))", re.IGNORECASE | re.MULTILINE)
_MOST_WORDS = 4


def with_answered_questions(text: str) -> str:
    """``text`` with the "?" of each short question answered "no" turned into a comma."""
    def comma(match: re.Match) -> str:
        if len(match["question"].split()) > _MOST_WORDS:
            return match.group()
        return match.group()[:-1] + ","
    return _ANSWERED.sub(comma, text)
