"""A motif named by its mood that the same sentence turns into another: "The grief
motif returns here, but in a major key, warm and hopeful", "the love theme comes back,
now cold and bitter", "the sorrow motif, transformed into something hopeful", "the
grief motif becomes consoling".

The name says what the motif meant where it was first heard; the sentence says what it
has become here.  The name then only names (its words are no evidence of the track's
mood, as a title's are none) and the new words carry the mood.  Without a turn ("The
grief motif returns here, heavier than ever", "the grief motif returns, but only
briefly") the name keeps its mood.
"""
from __future__ import annotations

import re

from .motif_meanings import MEANING, NOT_MEANINGS

#: after the motif's name, in the same sentence: words that say it is changed
TURNED = re.compile(
    r"\bin\s+(a|the)\s+major(\s+(key|mode))?\b|\bmajor[- ]key\b|"
    r"\b(transformed|transfigured|recast|reborn|reharmoni[sz]ed|inverted|becomes|became|"
    r"grows\s+into|grew\s+into)\b|"
    r"\b(turn(s|ed)?|changed|changes)\s+(into|to)\b|"
    r"\bturn(s|ed)?\s+(?!(against|on|up|down|away|out|over|back|around|off|in)\b)[a-z]+\b|"
    r"(,|\bbut|\band)\s+now\b|\bno\s+longer\b", re.IGNORECASE)


def turned_motif_names(sentence: str) -> list[tuple[int, int]]:
    """The spans of the names of motifs ``sentence`` says are changed ("the *grief*
    motif returns, but in a major key"): words that only name."""
    spans = []
    for match in MEANING.finditer(sentence):
        name = match.group("name").lower().replace("\u2019", "'").removesuffix("'s")
        if name in NOT_MEANINGS:
            continue
        if TURNED.search(sentence, match.end()):
            spans.append(match.span("name"))
    return spans
