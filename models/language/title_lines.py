"""A title that labels its line: "Sleepwalker: slow and gloomy", "1. Sleepwalker \u2013
gloomy", "## Sleepwalker", "**Sleepwalker**", "\u2022 Sleepwalker \U0001F525 - gloomy", with a
running time ("Sleepwalker (4:12) -") or a track number ("Track 5: Sleepwalker") beside it.
"""
from __future__ import annotations

import re

#: a track's number before its title: "Track 5: ", "Track 05 - ", "No. 5. ", "#5 "
TRACK_NUMBER = r"(?:track|no\.?|#)[ \t]*\d{1,3}[ \t]*(?:[:.)\u2013\u2014-][ \t]*)?"
#: what may stand before a title that labels its line: list numbers and bullets,
#: Markdown headings and emphasis ("1. ", "- ", "## ", "**"), a track number
_LINE_LEAD = re.compile(r"(?:^|\n)[ \t]*(?:\d{1,3}[.)][ \t]*|(?i:" + TRACK_NUMBER +
                        r")|[-*\u2022#]+[ \t]*)?[*_]*[ \t]*$")
#: a track's running time in brackets after its title: "(4:12)", "[1:04:12]", "(4'12\")"
RUNNING_TIME = (r"(?:[(\[][ \t]*\d{1,2}(?:[:.]\d{2}){1,2}[ \t]*[)\]]"
                r"|[(\[][ \t]*\d{1,2}['\u2032][ \t]*\d{2}[\"\u2033]?[ \t]*[)\]])")
#: pictographs and symbols ("\U0001F525\U0001F525", "\u2744\ufe0f") a post may put after a title
EMOJI = r"[\u2190-\u21ff\u2300-\u27bf\u2b00-\u2bff\U0001F000-\U0001FAFF\ufe0f\u200d]"
#: after a title labelling its line: an optional duration or emoji, then a colon (not
#: "Time: 48 minutes", a running time), a dash, or the line's end
_LABEL_TAIL = re.compile(r"^[)\]]?[!?]*[*_]*[ \t]*(?:" + RUNNING_TIME + r"[ \t]*)?"
                         r"(?:" + EMOJI + r"+[ \t]*)?"
                         r"(?::(?![ \t]*\d)|[-\u2013\u2014][ \t]|$|\n)")


def labels_line(text: str, start: int, end: int, caseless: bool = False) -> bool:
    """The title opens its line as a label or stands alone on it: "Sleepwalker: slow
    and gloomy", "1. Sleepwalker \u2013 gloomy", "## Sleepwalker", "**Sleepwalker**"."""
    if not (text[start:start + 1].isupper() or caseless):
        return False  # lower case only in a review without capitals
    return bool(_LINE_LEAD.search(text[:start]) and _LABEL_TAIL.match(text[end:]))


#: before a title: a list's number or bullet ("1. ", "- ", "\u2022 ")
_LIST_LEAD = re.compile(r"(?:^|\n)[ \t]*(?:\d{1,3}[.)]|[-*\u2022])[ \t]*[*_]*[ \t]*$")


def listed(text: str, start: int, end: int) -> bool:
    """The title is an item of a list that says something of it ("\u2022 Salt Roads -
    slow and sad"): a track, even where the album has its name."""
    return bool(_LIST_LEAD.search(text[:start]) and _LABEL_TAIL.match(text[end:]))


#: a running time in brackets ending the title's line: "Meridian (3:48)"
_TIMED = re.compile(r"^[ \t]*" + RUNNING_TIME + r"[ \t]*(?:[-\u2013\u2014:][ \t]*)?(?:\n|$)")


def timed(text: str, end: int) -> bool:
    """The title ends its line with a running time ("1. Meridian (3:48)" in a
    track-by-track review): a track, even where the album has its name."""
    return bool(_TIMED.match(text[end:]))


def heading(text: str, end: int) -> bool:
    """The title stands alone on its line, followed by a colon ("Dirtmouth:")."""
    rest = text[end:].lstrip(" \t")
    return rest.startswith(":") and not rest[1:].split("\n", 1)[0].strip()


def label_names(sentence: str, starts: list[int], ends: list[int]) -> bool:
    """A "Label: Title." line whose whole value is one title ("First dance: Hold Me
    Closer Tonight.", "Last song: Till The Morning Light", an emoji or a running time
    after it: "Sample 1: 'Widow's Walk' (2:54).") names that track: it is no heading of
    facts ("Running Time: 50 min.")."""
    colon = sentence.find(":")
    if colon < 0 or len(starts) != 1 or starts[0] < colon:
        return False
    before, after = sentence[colon + 1:starts[0]], sentence[ends[0]:]
    after = re.sub(EMOJI, "", after)  # "...: Parking Lot Tears \U0001F62D"
    after = _TIME_AFTER.sub(r"\1", after)  # "Sample 1: 'Widow's Walk' (2:54)."
    after = _ONLY.sub("", after)  # "Afternoons: Brass Doors only."
    # the title's own closing bracket a mention stops short of: "Best: Prom Night (Live)."
    return not before.strip(" \t\"'\u201c\u2018") and \
        not after.strip(" \t\n.!)]\"'\u201d\u2019")


#: a running time right after a label's one title (past its closing quote)
_TIME_AFTER = re.compile(r"^([\"'\u201d\u2019]?)[ \t]*" + RUNNING_TIME)
#: after a label's one title, a word that only says how it is used ("Afternoons: Brass
#: Doors only.", "Encore: Linen again.", "Evenings: Nightcap, please.")
_ONLY = re.compile(r"^,?\s+(?:only|again|too|first|please|alone)\b", re.IGNORECASE)
