"""Sentences whose subject is the album as a whole ("Overall, ...", "The score never
lets up", "Verdict: a bleak record"): they are about no one track."""
from __future__ import annotations

import re

ALBUM_SUBJECT = re.compile(r"^\W*((by the end|over the course|for (most|much)|"
                           r"in the (rest|remainder)) of (the|this) (album|record|score|"
                           r"soundtrack)\b|(across|throughout) (the|this) (album|record|"
                           r"score|soundtrack)\b|"
                           r"overall|all in all|in short|as a whole|"
                           r"(the|this|his|her|their) (whole |entire )?(album|record|score|"
                           r"soundtrack|ost|lp|collection)\b(?! opens| closes| begins| ends)|"
                           r"(a|an) ([\w'-]+,? ){1,3}(album|record|score|soundtrack)\b"
                           r"(?! (opens|closes|begins|ends|track|cue|piece|highlight|closer|"
                           r"opener|standout|moment|of)\b))",
                           re.IGNORECASE)
#: "Verdict: ", "In sum - ": a label before a sentence about the album
VERDICT_LABEL = re.compile(r"^\W*[A-Z][\w ]{0,20}(:|\s[-\u2013\u2014])\s+")


def about_album(sentence: str) -> bool:
    """A sentence whose subject is the album as a whole ("The score never lets up")."""
    label = VERDICT_LABEL.match(sentence)
    return bool(ALBUM_SUBJECT.match(sentence) or
                label and ALBUM_SUBJECT.match(sentence[label.end():]))
