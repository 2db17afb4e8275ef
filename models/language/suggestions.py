"""A track suggested in answer to a question asking for one like another.

"My kids love Tumbleweed. Is there anything else like it? Try Pocket Change",
"Anything similar to Lowland? You'll want Copper Sky": the question asks for a likeness
to the track under discussion, and the answer right after it that opens by suggesting
a title names a track like it.  Only the very next sentence answers, and only when it
opens with the suggestion ("Try", "Check out", "I'd recommend"); a question that asks
for nothing alike ("Is there a vinyl?") links nothing.
"""
from __future__ import annotations

import re
from typing import Sequence

#: "Is there anything else like it?", "Anything similar to 'A'?", "Any more along
#: these lines?", "What else sounds like it?"
ASKS_FOR_LIKE = re.compile(
    r"\b(anything|something|any\s+(more|others?|other\s+\w+)|what\s+else|which\s+(other\s+)?"
    r"(track|song|cue|piece)s?|another\s+(one|track|song|cue|piece))\b[^?.!]{0,40}?\b(like|"
    r"similar|alike|along\s+(the\s+same|these|those)\s+lines|in\s+the\s+same\s+vein)\b"
    r"[^?.!]{0,40}\?[\W]*$", re.IGNORECASE)
#: the answer's opening: a speaker's label, then the suggestion, then the title
SUGGESTS = re.compile(
    r"^\W*([A-Z][\w.'\u2019-]*(\s[A-Z][\w.'\u2019-]*){0,2}:\s*)?(((you(['\u2019]ll|\s+will|"
    r"\s+could|\s+should|\s+might))\s+)?(try|want|love|like|enjoy)|check\s+out|go\s+for|"
    r"(i|we)(['\u2019]d|\s+would)?\s+(suggest|recommend))\s*[\"'\u201c\u2018]?$",
    re.IGNORECASE)


def asks_for_like(sentence: str) -> bool:
    """Does the sentence ask for a track like the one under discussion?"""
    return bool(ASKS_FOR_LIKE.search(sentence))


def suggested(sentence: str, spans: Sequence[tuple[int, int, int]]) -> int | None:
    """The row of the title an answer opens by suggesting ("Try Pocket Change, which
    ..."), if it does."""
    if spans and SUGGESTS.match(sentence[:spans[0][0]]):
        return spans[0][2]
    return None
