"""Musical material a later track brings back: "'Opening Night' ... that waltz is so
giddy" and, paragraphs later, "'Curtain Call' brings the waltz back, slower": Curtain
Call is read as compared with Opening Night.

Precision first, since a comparison blends moods: the later sentence names one track
and says it brings back, reprises or returns to "the / that <material>" (a waltz, a
melody, a riff, a loop ...; "the melody of 'A'" is an explicit comparison, read
elsewhere); exactly one other track must have been named alone in a sentence that
mentions that material, and a sentence that brings material back introduces none.
A sentence that denies bringing it back ("'Low Tide' does not bring back the grief
motif") or asks ("Does 'B' bring the waltz back?") compares nothing.
"""
from __future__ import annotations

import re
from typing import Sequence

from .comparisons import NEGATED, Found
from .denials import asked

_NOUNS = (r"(?P<noun>waltz|march|lullaby|melody|theme|motif|riff|loop|hook|tune|chorale|"
          r"fanfare|refrain|ostinato|arpeggio|bassline|groove)")
#: "brings the waltz back", "brings back that melody", "reprises the march", "the riff
#: returns" (not "the melody of 'A'", read as an explicit comparison)
BACK = re.compile(r"\b(?:brings?|brought|bringing)\s+(?:the|that|this)\s+(?:[\w'-]+\s+){0,2}?"
                  + _NOUNS + r"\s+back\b|\b(?:brings? back|brought back|reprises|revisits|"
                  r"returns to)\s+(?:the|that|this)\s+(?:[\w'-]+\s+){0,2}?" + _NOUNS.replace(
                      "noun", "noun2") + r"\b(?!\s+(?:of|from)\b)", re.IGNORECASE)
_MENTIONED = re.compile(r"\b" + _NOUNS + r"s?\b", re.IGNORECASE)


class Material:
    """The material each track was described with, sentence by sentence."""

    def __init__(self) -> None:
        self.heard: dict[str, set[int]] = {}

    def reprised(self, sentence: str, rows: Sequence[int]) -> Found | None:
        """The comparison a sentence naming one track makes by bringing material back;
        the material a sentence naming one track mentions is remembered."""
        back = BACK.search(sentence) if len(rows) == 1 else None
        if back is None:
            for noun in _MENTIONED.finditer(sentence) if len(rows) == 1 else ():
                self.heard.setdefault(noun.group("noun").lower(), set()).add(rows[0])
            return None
        if NEGATED.search(sentence[:back.start()]) or asked(sentence):
            return None  # "'B' does not bring back the grief motif", "Does 'B' ...?"
        owners = self.heard.get((back.group("noun") or back.group("noun2")).lower(), set())
        others = owners - {rows[0]}
        return Found(rows[0], next(iter(others))) if len(others) == 1 else None
