"""What a "Label: text" line says, and about what.

A review may put a label before its words: a title's ("Sleepwalker: gloomy and
slow."), the album's ("Verdict: a bleak, lonely record."), or the last track's
("Highlight: its fragile coda."). "Running time: 50 min." and "Mood: melancholy" say
nothing of their own: they stay headings.
"""
from __future__ import annotations

import re

from .mentions import Mention
from .reading import REFERRING, is_about_music
from .headings import label_end
from .text import QUOTE_CHARS

#: a label's text about the whole album ("Verdict: a bleak record overall")
ALBUM_WORDS = re.compile(r"\b(record|album|score|soundtrack|ost|lp|overall)\b", re.IGNORECASE)

#: a list's number before a labelling title: "1. Copper Bells - joyful"
LIST_NUMBER = re.compile(r"^\s*\d{1,3}[.)]")

#: what a labelled line is about
TITLE, ALBUM, LAST = "title", "album", "last"


def label_says(sentence: str, mentions: list[Mention]) -> str | None:
    """TITLE when the label is a title and the text after it says something, ALBUM when
    the text is about the album, LAST when it refers back to the last track ("Highlight:
    its coda"); None for a heading (after a dash, "Side B - it gets darker", too)."""
    after = label_end(sentence)
    if after is None:
        return None
    rest = sentence[after:]
    if mentions and mentions[0].end < after and not rest.lstrip()[:1].isdigit() and \
            not LIST_NUMBER.sub("", sentence[:mentions[0].start]).strip(
                " \t*_#-\u2022" + QUOTE_CHARS):
        return TITLE
    if ALBUM_WORDS.search(rest) and is_about_music(rest):
        return ALBUM
    if sentence[:after].rstrip().endswith(":") and bool(REFERRING.match(rest)):
        return LAST
    return None
