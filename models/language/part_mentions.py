"""A part named by its number alone: "Part 1 is fidgety and uneasy, Part 2 triumphant"
of an album whose parts of one piece are "Hinge (Part 1)" and "Hinge (Part 2)".

Only when the catalog splits a single piece into parts is "Part 2" that piece's part; with
two pieces in parts, or none, "Part 2" names nothing (it may be the film's second half)."""
from __future__ import annotations

import re
from typing import Sequence

from .misspellings import Mention
from .title_parts import part_base, parts_of

#: "Part 1", "Pt. 2", "Part II": capitalised, as a title is written
PART_NAME = re.compile(r"\b(?:Part|Pt\.?)\s+(\d{1,2}|I{1,3}|IV|V|VI{0,3})\b")
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8}


def single_piece_parts(titles: Sequence[str]) -> dict[int, int]:
    """{part number: track} when the titles hold parts of exactly one piece (at least two,
    each naming one part); else empty."""
    pieces: dict[str, dict[int, int]] = {}
    for track, title in enumerate(titles):
        numbers = parts_of(title)
        if len(numbers) == 1:
            pieces.setdefault(part_base(title).strip().lower(), {})[next(iter(numbers))] = track
    split = [parts for parts in pieces.values() if len(parts) > 1]
    return split[0] if len(split) == 1 else {}


def part_mentions(text: str, titles: Sequence[str], found: Sequence[Mention]) -> list[Mention]:
    """Mentions of a single piece's parts by their number alone, outside ``found``."""
    parts = single_piece_parts(titles)
    if not parts:
        return []
    out: list[Mention] = []
    for match in PART_NAME.finditer(text):
        number = match.group(1)
        track = parts.get(int(number) if number.isdigit() else ROMAN.get(number, 0))
        if track is not None and not any(m.start < match.end() and match.start() < m.end
                                         for m in found):
            out.append(Mention(track, match.start(), match.end(), False))
    return out
