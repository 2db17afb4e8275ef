"""Is a word written as a track's title?  The tests for a one-word title found in a
review (see :mod:`mentions`): quoted, or with one quote of the pair left out, labelling
its line, or capitalised mid-sentence and neither part of a longer name ("music for
Glass Orchard") nor a common word describing the noun after it ("a Sunday service").
"""
from __future__ import annotations

import re

from .kinship import kin_named
from .text import QUOTE_CHARS
from .title_lines import heading, labels_line

#: a title in the possessive: "Sleepwalker's strings"
POSSESSIVE = ("'s", "\u2019s")


def _closes_quote(text: str, end: int) -> bool:
    """A quote mark right after ``end`` (skipping ?!.,), and not a possessive "'s"."""
    j = end
    while j < len(text) and text[j] in "?!.,":
        j += 1
    if j >= len(text) or text[j] not in QUOTE_CHARS:
        return False
    return not (text[j + 1:j + 2] == "s" and not text[j + 2:j + 3].isalpha())


def is_quoted(text: str, start: int, end: int) -> bool:
    """Is the span enclosed in quote marks ("'Is It Me?'", “On We March”)?"""
    return start > 0 and text[start - 1] in QUOTE_CHARS and _closes_quote(text, end)


#: a word that introduces a track's name ("the track lantern", "the closer tidewater")
_NAMED_BY = re.compile(r"\b(?:track|song|cue|piece|tune|number|opener|closer)\s+$",
                       re.IGNORECASE)
#: after such a word, an idiom, not a name ("the song time after time", "time and again")
_NOT_A_NAME = re.compile(r"\s+(?:after|and|again|to|of|in|on|at|by|for|from|with|into|over|"
                         r"under|as|than|like|the|a|an)\b", re.IGNORECASE)


def is_marked(text: str, start: int, end: int, caseless: bool = False) -> bool:
    """A single-word mention counts only when quoted, capitalised mid-sentence (or
    opening a sentence with a gloss in brackets), or labelling its line; in a review
    without capitals (``caseless``), also after "the track / song ..." unless an idiom
    follows ("the song time after time")."""
    if is_quoted(text, start, end) or heading(text, end) or \
            labels_line(text, start, end, caseless):
        return True
    if _in_quotes(text, start, end):
        return False  # '"Going Home"' names no track "Home"
    before = text[start - 1] if start > 0 else ""
    if (before and before in QUOTE_CHARS) or _closes_quote(text, end):
        return True  # one quote left out: 'Photograph\u201d is played'
    if not text[start:start + 1].isupper():  # in a review without capitals: "the track x"
        return caseless and bool(_NAMED_BY.search(text[:start])) \
            and not _NOT_A_NAME.match(text[end:])
    prefix = text[:start].rstrip()
    if not prefix or prefix[-1] in ".!?\n":  # a sentence's first word: glossed, a name
        return bool(_GLOSSED.match(text, end))
    return kin_named(text, start, end) or (  # "a Glasswing cousin", "a Lowland B-side"
        not _inside_a_name(text, start, end) and not _attributive(text, start, end))


#: "a Sunday service", "an Autumn chill": a one-word title between an indefinite
#: article and the word it describes is that common word, not the track (before a kind of
#: recording, "a Lowland outtake", "a Lowland remix", it is the track: ``kinship``)
_A_BEFORE = re.compile(r"\b[Aa]n?[ \t]+$")
_LOWER_AFTER = re.compile(r"[ \t]+[a-z]")


def _attributive(text: str, start: int, end: int) -> bool:
    """The capitalised word describes the noun after it, after "a" or "an" ("think a
    Sunday service held in a boiler room"), as no title is written."""
    return bool(_A_BEFORE.search(text, max(0, start - 4), start)) and \
        bool(_LOWER_AFTER.match(text, end))


#: a name explained in brackets right after it: "Mama (dedicated to both parents) weaves"
_GLOSSED = re.compile(r" ?\((?!\d)[^()\n]{3,80}\)")


_NEXT_WORD = re.compile(r"[ \t]+(\w[\w'\u2019-]*)")
_WORD_BEFORE = re.compile(r"(\w[\w'\u2019-]*)[ \t]+$")


def _inside_a_name(text: str, start: int, end: int) -> bool:
    """A capitalised word beside another, with only a space between them, is part of a
    longer name ("music for Glass Orchard", "Like Blade Runner"), not a one-word title.
    "I", a possessive, a hyphenated word and a sentence's capitalised first word ("Then
    Lantern drifts") are no part of one."""
    after = _NEXT_WORD.match(text, end)
    if after and after.group(1)[0].isupper() and after.group(1) != "I":
        return True
    before = _WORD_BEFORE.search(text, max(0, start - 60), start)
    word = before.group(1) if before else ""
    if not word[:1].isupper() or word == "I" or word[-2:] in POSSESSIVE or "-" in word:
        return False  # "Owen Pallett's Lantern", "the Morricone-esque Embers"
    ahead = text[:before.start(1)].rstrip()
    return bool(ahead) and ahead[-1] not in ".!?\n:;\"\u201c\u201d'\u2018\u2019(-\u2013\u2014"


def _in_quotes(text: str, start: int, end: int) -> bool:
    """Inside a longer quoted name (the title not quoted on its own): a quote opened
    before ``start`` on its line is still open, and one closes after ``end``."""
    line_start = text.rfind("\n", 0, start) + 1
    opens = [i for i in range(line_start, start) if _is_quote(text, i)]
    if len(opens) % 2 == 0:
        return False
    after = next((i for i in range(end, min(len(text), end + 60)) if _is_quote(text, i)
                  or text[i] == "\n"), None)
    return after is not None and text[after] != "\n" and \
        not _speech(text[opens[-1] + 1:start] + text[end:after])


def _speech(words: str) -> bool:
    """The rest of a quote is words said in lower case ('"sounds exactly like Overclock"'):
    a quoted remark naming the title, not a longer name holding its word."""
    found = re.findall(r"[^\W\d_]+", words)
    return len(found) >= 3 and all(w[0].islower() for w in found)


_SINGLE = "'\u2018\u2019"


def _is_quote(text: str, i: int) -> bool:
    """A quote mark: a double one, or a single one that opens (after a space, before a
    letter) or closes (after a letter or punctuation, before a space or punctuation,
    and no possessive "Reyes' voice"); apostrophes ("band's", "'90s") are none."""
    ch = text[i]
    if ch not in QUOTE_CHARS:
        return False
    if ch not in _SINGLE:
        return True
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace() or before in "([\u2014":
        return after.isalpha()
    return not after.isalnum() and before != "s"
