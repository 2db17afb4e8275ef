"""A listener's shiver, read by the words around it.

"It gave me chills", "I get goosebumps every time" say the music moved the listener, not
how: the shiver of awe at a huge, heroic climax, or of dread at a whispering, creepy cue.
The lexicon reads a shiver as awe (epic, hopeful); this module reads it as dread
("spine-chilling": eerie, tense) when the sentence says so ("not the good kind", "in the
worst way") or when the words of its sentence and of the sentences beside it in the same
paragraph say more of dread (eerie, tense) than of awe (epic, hopeful, joyful).
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Sequence

from .vocabulary import MOOD_INDEX, Lexicon

if TYPE_CHECKING:
    from .reading import Passage

SHIVER = "goose bumps"  # the lexicon's headword for chills and goosebumps
DREAD = ("spine", "chilling")  # the lexicon's phrase for a shiver of dread
DREAD_MARKS = re.compile(r"\b(not the good kind|the (bad|wrong) kind|(in )?the worst (way|sense)"
                         r"|not in a good way|in a bad way)\b", re.IGNORECASE)
AWE_MARKS = re.compile(r"\b(the good kind|(in )?the best (way|sense)|in a good way)\b",
                       re.IGNORECASE)
DREAD_MOODS = [MOOD_INDEX[m] for m in ("eerie", "tense")]
AWE_MOODS = [MOOD_INDEX[m] for m in ("epic", "hopeful", "joyful")]


def settle_shivers(tagged: Sequence[tuple[Passage, list]],
                   lexicon: Lexicon) -> list[tuple[Passage, list]]:
    """``tagged``: one review's (passage, hits) in reading order.  A shiver of dread
    takes the dread entry's moods."""
    dread = lexicon.lookup(DREAD)
    out = list(tagged)
    for k, (passage, hits) in enumerate(tagged):
        if dread is None or not any(h.entry.headword == SHIVER for h in hits):
            continue
        if not _dreadful(tagged, k):
            continue
        out[k] = (passage, [replace(h, entry=dread) if h.entry.headword == SHIVER else h
                            for h in hits])
    return out


def _dreadful(tagged: Sequence[tuple[Passage, list]], k: int) -> bool:
    """The shiver in passage ``k`` is dread: said so, or its paragraph's words lean so."""
    own = tagged[k][0].sentence
    if DREAD_MARKS.search(own):
        return True
    if AWE_MARKS.search(own):
        return False
    leaning = 0.0
    for j in _same_paragraph(tagged, k):
        for hit in tagged[j][1]:
            if hit.weight > 0 and hit.entry.headword != SHIVER:
                moods = hit.entry.moods
                leaning += hit.weight * (moods[DREAD_MOODS].sum() - moods[AWE_MOODS].sum())
    return leaning > 0


def _same_paragraph(tagged: Sequence[tuple[Passage, list]], k: int) -> list[int]:
    """``k`` and the passages right before and after it with no line break between."""
    near = [k]
    for j in (k - 1, k + 1):
        if 0 <= j < len(tagged):
            first, second = sorted((tagged[j][0], tagged[k][0]), key=lambda p: p.start)
            if "\n" not in first.review.text[first.end:second.start]:
                near.append(j)
    return near


#: what "takes us back to the ..." returns to when it is the music, not the past: "the
#: finale takes us back to the main theme" is a reprise, not nostalgia
MUSIC_PLACES = frozenset("theme themes melody motif tune opening start beginning top intro "
                         "chorus verse riff groove key opener refrain hook song track cue "
                         "piece".split())


def back_to_the_music(words: Sequence[str], i: int, length: int) -> bool:
    """``words[i:i + length]`` is "takes me back" and what it returns to is the music."""
    if length != 3 or words[i + 2] != "back":
        return False
    rest = list(words[i + length:i + length + 5])
    if rest[:1] != ["to"]:
        return False
    return any(w in MUSIC_PLACES for w in rest[1:4])


#: "the good kind", "not the bad kind": the noun "kind" after these is no kindness
KIND_AS_NOUN = frozenset("good bad wrong right best worst same other different nice usual "
                         "better worse".split())


def kind_of_thing(words: Sequence[str], i: int, length: int) -> bool:
    """``words[i]`` is "kind" as a noun ("chills, and not the good kind")."""
    return length == 1 and words[i] == "kind" and i > 0 and words[i - 1] in KIND_AS_NOUN
