"""A track named as kin of another: "a Glasswing cousin", "a Gravel Road B-side", "a
Lowland outtake", "an Ashgrove sequel", "a Lowland remix".

Written before the noun without quotes, a title is easily a common word describing it
("a Sunday service"); before one of these nouns it is the track, and the track the
sentence is about is likened to it.  A sentence that denies anything ("we play it like
a Gravel Road B-side and it isn't one") links nothing, and its kin title takes none of
the sentence's words: the track it is about keeps them.
"""
from __future__ import annotations

import re
from typing import Sequence

#: the nouns that make the title before them another track's kin
KIN = re.compile(r"[\"'\u201d\u2019]*[ \t]+(outtakes?|b-sides?|cousins?|siblings?|sisters?|"
                 r"brothers?|twins?|sequels?|offshoots?|rewrites?|retreads?|clones?|"
                 r"knock-?offs?|leftovers?|companions?|descendants?|relatives?|variants?|"
                 r"reprises?|remix(?:es)?|demos?|reworks?|offcuts?|alternate takes?|"
                 r"rough mix(?:es)?)\b", re.IGNORECASE)
#: the article before the title: "a", "an", "another", "no" ("no Lowland outtake")
_ARTICLE = re.compile(r"\b(a|an|another|no)[ \t]+[\"'\u201c\u2018]?$", re.IGNORECASE)
#: a denial anywhere in the sentence: "and it isn't one", "not a Lowland outtake"
DENIED = re.compile(r"n['\u2019]t\b|\b(not|no|never|hardly|barely|nothing|nowhere|far from)\b",
                    re.IGNORECASE)

Spans = Sequence[tuple[int, int, int]]  # (start, end, row) of the titles of a sentence


def kin_named(text: str, start: int, end: int) -> bool:
    """Is the title at ``start:end`` named as a track's kin: "a Glasswing cousin"?"""
    return bool(_ARTICLE.search(text, max(0, start - 12), start)) and \
        bool(KIN.match(text, end))


def kin_likeness(sentence: str, spans: Spans, carried: tuple[int, ...]
                 ) -> tuple[int, int] | None:
    """(subject, kin) for "It's really a Glasswing cousin" (the subject the title before
    in the sentence, else the one track carried): the subject is likened to the kin."""
    if DENIED.search(sentence):
        return None
    previous: int | None = None
    for start, end, row in spans:
        subject = previous if previous is not None else (
            carried[0] if len(carried) == 1 else None)
        if subject is not None and subject != row and kin_named(sentence, start, end):
            return subject, row
        previous = row
    return None


def denied_kin(sentence: str, spans: Spans) -> set[int]:
    """The rows named as kin in a sentence that denies anything: "like a Gravel Road
    B-side and it isn't one"; those titles take none of its words."""
    if not DENIED.search(sentence):
        return set()
    return {row for start, end, row in spans if kin_named(sentence, start, end)}
