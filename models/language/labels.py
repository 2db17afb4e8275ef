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


#: the colon (or dash) right after a title that labels its line
AFTER_TITLE = re.compile(r"^[\"'\u201d\u2019*_]*\s*(?::|\s[-\u2013\u2014])\s+(?=\S)")


def _past_title(sentence: str, mentions: list[Mention], after: int | None) -> int | None:
    """Where a label's text starts when the first title has a colon of its own
    ("CLOSING TIME: 11 PM: decaf."): after the colon that follows the whole title."""
    if after is None or not mentions or not mentions[0].start < after <= mentions[0].end:
        return after
    match = AFTER_TITLE.match(sentence[mentions[0].end:])
    return mentions[0].end + match.end() if match else after


def label_says(sentence: str, mentions: list[Mention]) -> str | None:
    """TITLE when the label is a title and the text after it says something, ALBUM when
    the text is about the album, LAST when it refers back to the last track ("Highlight:
    its coda"); None for a heading (after a dash, "Side B - it gets darker", too)."""
    after = _past_title(sentence, mentions, label_end(sentence))
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
