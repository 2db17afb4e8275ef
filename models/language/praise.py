"""Praise, which is no mood: "Love it.", "Love love love.", "a track I'll love forever".

Loving a piece of music says the listener likes it, not that it is romantic; the words
that say so are love as a verb whose object is the music ("love it", "loved this one",
"would have loved it", "loves everything") and love repeated as a cheer ("love, love,
love").  Love as a noun keeps its mood: "a love theme", "the love scene", "a love that
never ends", "it sounds like falling in love" ("I love", "you'll love" are the reader's
own, in ``tagger``).
"""
from __future__ import annotations

import re
from typing import Sequence

LOVE = frozenset("love loved loves loving adore adored adores".split())
#: what is loved when the music is: "love it", "loved this (one)", "loves everything",
#: "love how it builds", "love when the drums come in"
PRAISED = frozenset("it this these those them everything every all how when".split())
#: before love as a noun: "a love that never ends", "their love", "first love"
NOUN_LEADS = frozenset("a an the their his her my our your its first true lost young "
                       "of".split())


def praise_not_mood(words: Sequence[str], i: int, length: int) -> bool:
    """``words[i]`` is love as praise of the music: "Love it", "love love love"."""
    if length != 1 or words[i] not in LOVE:
        return False
    if i > 0 and words[i - 1] in NOUN_LEADS:
        return False  # "a love that never ends"
    after = words[i + 1:i + 2]
    repeated = i > 0 and words[i - 1] in LOVE or bool(after) and after[0] in LOVE
    return repeated or bool(after) and after[0] in PRAISED


#: a word of praise on its own, opening a sentence: "Beautiful.", "Gorgeous.", "Lovely,
#: but a bit of a downer", "Stunning, actually.": the reviewer's verdict on the music,
#: not its mood ("a gorgeous, aching melody", "it is lovely and warm" keep theirs)
_VERDICT = re.compile(r"(?:^|(?<=[.!?])[\"\u201d')]?\s+)(?P<word>(?:gorgeous|beautiful|lovely|"
                      r"stunning|wonderful|exquisite|sublime|magnificent))(?=\s*[,.!?;])",
                      re.IGNORECASE | re.MULTILINE)


def without_verdicts(text: str) -> str:
    """``text`` with a one-word verdict of praise blanked by spaces (offsets stay)."""
    return _VERDICT.sub(lambda m: m.group().replace(m.group("word"), " " * len(m.group("word"))),
                        text)
