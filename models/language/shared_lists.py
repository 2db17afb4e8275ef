"""Tracks listed together as sharing one piece of material: "'A' and 'B' share the waltz
rhythm, as does 'C'", "'A', 'B' and 'C' all share the same whistled tune", "'A' and 'B'
are basically the same song".

The titles must stand as one list ("A, B and C", "A and B") right before the likeness,
whose verb comes next ("share", "all share", "are the same song"); every two of them are
alike, and so is each title added by ", as does 'C'" / ", as do 'C' and 'D'".  What they
share must be music (a rhythm, a tune, a riff), not a key or a tempo, and a negated or
hedged verb ("don't share", "only share") links nothing: the verb has to follow the list.
"""
from __future__ import annotations

import re
from itertools import combinations
from typing import Sequence

from .reuses import MATERIAL_WORDS

Spans = Sequence[tuple[int, int, int]]  # (start, end, row) of the titles of a sentence

#: between two listed titles: a comma, "and", ", and", "&"
JOINER = re.compile(r"^[\"'\u201d\u2019]*\s*(,\s*(and\s+)?|\s*and\s+|\s*&\s+)[\"'\u201c\u2018]*$",
                    re.IGNORECASE)
_MUSIC = r"(rhythm|" + MATERIAL_WORDS[1:]
#: right after the list: the likeness ("all share the same whistled tune", "are basically
#: the same song")
SHARE = re.compile(r"[\"'\u201d\u2019]*\s+(all\s+|both\s+|also\s+)?(share|have)\s+(the\s+same|"
                   r"the|one|a|a\s+common|that)\s+([\w-]+\s+){0,2}?" + _MUSIC + r"\b|"
                   r"[\"'\u201d\u2019]*\s+are\s+(all\s+|both\s+)?(basically\s+|essentially\s+|"
                   r"really\s+)?(the\s+same|one\s+and\s+the\s+same)\s+(song|tune|piece|track|"
                   r"cue|melody|theme)\b", re.IGNORECASE)
#: after the likeness, in its clause: another title that shares it (", as does 'C'")
AS_DOES = re.compile(r",\s*as\s+(does|do)\s+[\"'\u201c\u2018]*$", re.IGNORECASE)


def _lists(sentence: str, spans: Spans) -> list[list[tuple[int, int, int]]]:
    """Runs of titles joined only by commas and "and"."""
    runs: list[list[tuple[int, int, int]]] = []
    for span in spans:
        if runs and JOINER.match(sentence[runs[-1][-1][1]:span[0]]):
            runs[-1].append(span)
        else:
            runs.append([span])
    return runs


def shared_pairs(sentence: str, spans: Spans) -> list[tuple[int, int]]:
    """Every two tracks the sentence lists as sharing a piece of music."""
    for run in _lists(sentence, spans):
        if len(run) < 2 or not (said := SHARE.match(sentence, run[-1][1])):
            continue
        rows = [row for _, _, row in run]
        after = [span for span in spans if span[0] >= said.end()]
        if after and AS_DOES.search(sentence[said.end():after[0][0]]):
            rows += [row for _, _, row in next(r for r in _lists(sentence, after))]
        rows = list(dict.fromkeys(rows))
        return list(combinations(rows, 2))
    return []
