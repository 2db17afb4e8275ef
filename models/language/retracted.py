"""The reviewer's own earlier word, taken back: "Last week I forecast this one as sad. I
got it wrong. It is really more wistful", "I called it tense in my first notes; really
it's peaceful", "Last term I marked this down as sad. Having listened again, it is lonely
rather than sad".  What the reviewer once called the track is no longer what it is, when
the words after it correct it (in the rest of the sentence or the next two); "I called it
tense, and it is" or a first impression left standing still counts.  What other people
call a track is in :mod:`reported`.
"""
from __future__ import annotations

import re

#: the reviewer's earlier word for the track: "I called it", "I forecast this one as", "I
#: marked this down as", "I first described it as"
_ONCE_CALLED = re.compile(
    r"\b(?:I|we)\s+(?:first\s+|originally\s+|once\s+|initially\s+)?(?:called|forecast|"
    r"marked|described|labell?ed|filed|announced|wrote\s+(?:it|this)\s+up\s+as)\s+"
    r"(?:it|this(?:\s+one)?|that(?:\s+one)?)\s+(?:down\s+)?(?:as\s+)?"
    r"(?P<words>(?:(?!\b(?:but|though|although|yet|whereas|which|while|and)\b)"
    r"[^.;:!?,\u2014\u2013()\"\u201c\u201d]){1,40})", re.IGNORECASE)
#: the correction: "I got it wrong", "really it's", "it's actually", "rather than", "more X"
_CORRECTION = re.compile(
    r"\b(?:(?:I|we)\s+(?:got\s+it|was|were)\s+wrong|wrong(?:ly)?|"
    r"(?:really|actually)(?!\s+(?:is|was|does|did)\b)|in\s+fact|"
    r"rather\s+than|more\s+\w+\s+than|it\s+isn['\u2019]t|it\s+is\s+not|not\s+any\s+more|"
    r"no\s+longer)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?]+[\"\u201d']?\s+")
_REACH = 2  # the sentences after the one naming the word that may correct it


def _corrected(text: str, end: int) -> bool:
    """The words after ``end`` correct it: in the rest of its sentence or the next two."""
    stop = end
    for _ in range(_REACH + 1):
        found = _SENTENCE_END.search(text, stop)
        stop = found.end() if found else len(text)
    return bool(_CORRECTION.search(text, end, stop))


def without_retracted(text: str) -> str:
    """``text`` with the words the reviewer takes back blanked by spaces (offsets stay)."""
    for match in _ONCE_CALLED.finditer(text):
        if _corrected(text, match.end()):
            start, end = match.span("words")
            text = text[:start] + " " * (end - start) + text[end:]
    return text
