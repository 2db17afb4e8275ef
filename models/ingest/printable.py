"""Which characters an identifier (a track id, an external id's value) may not hold."""
from __future__ import annotations

import re
import unicodedata

#: control characters and line breaks (they would break export files and URL paths),
#: what XML 1.0 forbids, and invisible characters that are not format characters
#: (the combining grapheme joiner, the Hangul fillers)
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
_FORBIDDEN = re.compile(_CONTROLS.pattern[:-1] + r"\u034f\u115f\u1160\u3164\uffa0]")
#: format characters an id may hold: the zero-width joiner and non-joiner spell words
#: in Persian and Indic scripts, and emoji
_JOINERS = frozenset("\u200c\u200d")
#: why such an id is refused, for a catalog row and a request alike
UNPRINTABLE_REASON = "control characters, line breaks or invisible characters"


def has_controls(text: str) -> bool:
    """Whether ``text`` holds a control character, a line break or what XML 1.0
    forbids: what no file path written into a playlist may hold either."""
    return bool(_CONTROLS.search(text))


def blank(text: str) -> bool:
    """Whether ``text`` holds nothing to see: only white space, format characters (zero
    widths, joiners, direction marks) and the invisible fillers."""
    return all(c.isspace() or unicodedata.category(c) == "Cf" or _FORBIDDEN.match(c)
               or c == "\u2800" for c in text)


def unprintable(text: str) -> bool:
    """Whether ``text`` holds a character an identifier may not: a control character
    or line break, or an invisible one (a format character such as a zero width, a
    soft hyphen, a text-direction mark, override or isolate, a tag character), with
    which two ids that look the same differ, or one shows reversed ("abc" + U+202E +
    "fed"); or nothing but such characters and joiners."""
    if _FORBIDDEN.search(text) or (text and blank(text)):
        return True
    return not text.isascii() and any(
        unicodedata.category(c) == "Cf" and c not in _JOINERS for c in text)
