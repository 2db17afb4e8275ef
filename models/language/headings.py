"""Headings: a line that names something instead of saying something ("## Sleepwalker",
"1. **Storm Front** (4:12)", "Running Time: 50 min."), and where the text of a "Label:
text" line starts."""
from __future__ import annotations

import re

from .mentions import Mention
from .title_lines import RUNNING_TIME, TRACK_NUMBER

TERMINAL = ".!?\"'\u201d\u2019"
METADATA = re.compile(r"^[A-Z][\w ]{0,24}:\s+\S.{0,60}$")  # "Running Time: 50 min."


def is_heading(sentence: str) -> bool:
    """A line that names something instead of saying something: short, alone on its
    line, without a sentence's closing punctuation (or ending in a colon)."""
    line = sentence.strip()
    if not line or "\n" in line or len(line.split()) > 10:
        return False
    if METADATA.match(line) and len(line.split()) <= 8 and not _prose_value(line):
        return not _TRACK_LABEL.match(line)
    return line.endswith(":") or line[-1] not in TERMINAL + ",;"


#: a card's field under a title: a one-word label and a value that is no number
#: ("Nose: high violins, glassy.", "- Result: playful, joyful"; not "Time: 4:12")
FIELD = re.compile(r"^\s*(?:[-*\u2022]\s*)?[A-Z][a-z]+:[ \t]+[^\W\d]")


def is_field(sentence: str) -> bool:
    """A "Label: value" line of a tasting sheet, slide or card: what it says belongs
    to the title above it, and it does not make that title an item of a track list."""
    line = sentence.strip()
    return "\n" not in line and bool(FIELD.match(line))


#: a label that is a track described ("The eerie cue: glass harmonica and nothing
#: else."): a sentence about the track under discussion, not a heading of facts
_TRACK_LABEL = re.compile(r"^(?:the|this|that|a|an) (?:[a-z-]+ ){0,3}"
                          r"(?:cue|track|piece|song|tune|number|one):", re.IGNORECASE)


def _prose_value(line: str) -> bool:
    """A label's value that is a clause list ending in a full stop ("Original: detuned
    pads, properly unsettling."), not a fact ("Running Time: 50 min.", "Lantern: 48
    minutes of bleak, wintry ambience.") nor a short list ("Genre: ambient, drone.",
    "Key tracks: Lanterns, Harbour Lights.")."""
    value = line.partition(":")[2].strip()
    words = value.split()
    lower = sum(w[:1].islower() for w in words)
    return line.endswith(".") and "," in value and not value[:1].isdigit() and \
        len(words) >= 4 and 2 * lower >= len(words)


#: what may stand before a heading's title: a list number or bullet, Markdown marks
#: a letter, a digit or a stop: a line with none beside its one title is that title
_WORD = re.compile(r"[^\W_]|[.!?,;]")
_LIST_MARK = re.compile(r"^\s*(?:\d{1,3}[.)]\s*|(?i:" + TRACK_NUMBER +
                        r")|[-*\u2022#]+\s*)?[*_]*\s*")


#: a guest credit after a heading's title: "(feat. X)", "(ft/ X)", "[with X]"
_CREDIT = re.compile(r"\s*[(\[](?:feat\.?|ft\.?|ft/|featuring|with|w/)\s*[^)\]\n]*[)\]]\s*$",
                     re.IGNORECASE)
#: a running time after a heading's title: "(4:12)", "[4'12\"]", "- 4:12"
_DURATION = re.compile(r"\s*(?:" + RUNNING_TIME +
                       r"|\s[-\u2013\u2014]\s*\d{1,2}(?::\d{2}){1,2})\s*$")


def is_title_line(sentence: str, mentions: list[Mention]) -> bool:
    """A line that is one title and nothing else: "## Sleepwalker", "1. **Storm
    Front**", "Run!" (a title that ends in "!" is no exclamation), "Storm Front (4:12)",
    '2) "Storm Front" (ft/ Someone):', '"Starlit Caravan ~Ending~"' (the title read
    without its marks)."""
    line = _LIST_MARK.sub("", sentence.strip()).rstrip(":").rstrip("*_ \t")
    line = _CREDIT.sub("", _DURATION.sub("", line)).rstrip(":").rstrip("*_ \t")
    if len(mentions) != 1 or "\n" in line:
        return False
    start, end = mentions[0].start, mentions[0].end
    return end - start >= len(line) - 2 or not _WORD.search(sentence[:start] + sentence[end:])


LABEL = re.compile(r"^\s*[^:\n]{1,60}?(?::|\s[-\u2013\u2014])\s+(?=\S)")


def label_end(sentence: str) -> int | None:
    """Where the text after a "Label: text" (or "Label - text") line's colon or dash
    starts ("Sleepwalker: gloomy and slow.", "Verdict: a bleak record.", "Sleepwalker
    - gloomy and slow" in a list without full stops), or None."""
    match = LABEL.match(sentence)
    return match.end() if match else None
