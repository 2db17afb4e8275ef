"""Where a likeness's sentence turns to the subject alone: "'A' is much like 'B' but
darker", "'A' brings the 'B' melody back, this time on warm strings, hopeful", "'A'
reprises 'B', now slow and tired".

Up to these words the sentence says what both tracks share; from them on, what the
subject does differently ("this time", "now" after a comma: what is new in it).
"""
from __future__ import annotations

import re

SUBJECT_ONLY = re.compile(r"\b(but|only|yet|though|this time)\b|,\s*now\b", re.IGNORECASE)


def subject_only(after: str) -> int | None:
    """Where, in ``after`` (the words after a likeness's marker), the subject's own
    clause starts; None when none does."""
    match = SUBJECT_ONLY.search(after)
    return match.start() if match else None
