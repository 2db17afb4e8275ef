"""A time-stamped log: field notes, a diary, a live thread ("07:15 Nothing for half an
hour. Spoonbill is the album's oddball ...").

Each line opens with the time of its entry and goes on in short notes, each a fresh
start as a new line would be: a one-word title opening the second note ("Tern plays in
my left ear") is read as it would be at the head of its line.  A text is a log when at
least ``LOG_LINES`` of its lines open with a time; a lone "10:30 ..." line is not.
"""
from __future__ import annotations

import re
from typing import Sequence

from .sentences import opens_line

#: a time opening a line: "07:15", "7:15am", "[06:10]", "21:04:33 -"
TIMED_LINE = re.compile(r"^[ \t]*\[?\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?\]?(?=[\s,:-])",
                        re.MULTILINE | re.IGNORECASE)
LOG_LINES = 2
#: a line's stamp, a sentence of its own before the entry: "DAY 1, 14:00.", "Move 22.",
#: "Tue 4 Nov.", "12 Aug." (a number, with at most two short words)
STAMP = re.compile(r"^\s*(?:[A-Za-z]{1,9}\.?,?\s+){0,2}\d[\d:,.]*"
                   r"(?:,?\s+[\d:]+)?(?:\s+[A-Za-z]{1,9})?\s*[.:]?\s*$")


def timed_lines(text: str) -> frozenset[int]:
    """Where the lines of a log begin (offsets), when ``text`` is one; else none."""
    starts = frozenset(m.start() for m in TIMED_LINE.finditer(text))
    return starts if len(starts) >= LOG_LINES else frozenset()


def opens_a_note(text: str, start: int, timed: frozenset[int]) -> bool:
    """The sentence at ``start`` is a note of a log's entry (``timed``: see
    :func:`timed_lines`): its line opens with a time."""
    return bool(timed) and text.rfind("\n", 0, start) + 1 in timed


def after_stamps(text: str, spans: Sequence[tuple[int, int]],
                 named: Sequence[Sequence[object]]) -> frozenset[int]:
    """The sentences (indexes into ``spans``) that follow a stamp opening their line, so
    open the entry as a new line would: "DAY 1, 14:00. The Long Platform. Waiting ...",
    "Move 22. Zugzwang. Every move ...".  A stamp names no track (``named``: each
    sentence's mentions), so "Row 12. Count." keeps its title."""
    return frozenset(k + 1 for k, (start, end) in enumerate(spans[:-1])
                     if not named[k] and STAMP.match(text[start:end])
                     and opens_line(text, start + len(text[start:end]) -
                                    len(text[start:end].lstrip())))
