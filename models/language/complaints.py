"""Someone else's complaint of too much: "My mother says it is too angry", "Priya says
'Fault Lines' is far too gloomy for a viewing", "passengers have written to tell us that
it is too sad for a flight".

"Too" measures the track against the complainer's taste or use, and the review passes
it on without making it its own, so the mood it names is the complainer's, not the
review's: the words "too <word>" are blanked, as an answered report is
(:mod:`reported`).  When the review agrees ("and she's right", "I agree") they count.
"""
from __future__ import annotations

import re

#: someone else saying or finding the track (or a named one) too something
_COMPLAINT = re.compile(
    r"\b(?:says|said|saying|thinks|thought|finds|found|tells?\s+(?:me|us)|told\s+(?:me|us))"
    r"\s+(?:that\s+)?(?:it|this(?:\s+one)?|that(?:\s+one)?|[A-Z\"\u201c'\u2018][^.;:!?,\n]{0,40}?)"
    r"(?:\s+(?:is|was|sounds|sounded|feels|felt)|['\u2019]s)\s+"
    r"(?P<words>(?:(?:far|much|way|a\s+bit|a\s+little|just|a\s+touch)\s+)?too\s+[a-z-]+)")
#: the reviewer, before the verb: the complaint is the review's own
_OWN = frozenset("i we i'd we'd i\u2019d we\u2019d".split())
_BETWEEN = frozenset("keep keeps kept always often still just also even".split())
#: the review taking the complaint up: "and she's right", "I agree", "fair enough", or
#: glad of it, as a maker is of the effect sought: "The staff said it was too scary, so I
#: was happy"
_AGREED = re.compile(r"\b(?:(?:she|he|they)(?:['\u2019]s|['\u2019]re|\s+is|\s+are|\s+was|"
                     r"\s+were)\s+(?:right|not wrong)|i\s+agree|we\s+agree|fair\s+enough|"
                     r"rightly|correctly|mission\s+accomplished|"
                     r"(?:i|we)\s+(?:was|were|am|are|felt|feel)\s+(?:very\s+|so\s+)?"
                     r"(?:happy|pleased|glad|delighted|proud))\b", re.IGNORECASE)
_AGREEMENT_REACH = 80


def _someone_else(text: str, start: int) -> bool:
    before = text[max(0, start - 60):start].lower().split()
    while before and before[-1] in _BETWEEN:
        before.pop()
    return bool(before) and before[-1] not in _OWN


def without_reported_complaints(text: str) -> str:
    """``text`` with each "too <word>" someone else complains of blanked by spaces
    (offsets stay), unless the review agrees in the words after it."""
    for match in list(_COMPLAINT.finditer(text)):
        if not _someone_else(text, match.start()) or \
                _AGREED.search(text, match.end(), match.end() + _AGREEMENT_REACH):
            continue
        start, end = match.span("words")
        text = text[:start] + " " * (end - start) + text[end:]
    return text
