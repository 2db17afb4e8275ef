"""Parts of a piece: "Jerusalem - Pt. 2", "Symphony (Part 1)", "Intro - Pt. II".

A title's dash or bracket tail is one of its variants' cuts ("Loneliness #3 (Night
Talking)" is also "Loneliness #3"), so "Jerusalem" is a variant of "Jerusalem - Pt. 2".
A version tail (" - Remastered 2009", " (Live)") names the same music; a part tail (a
dash or bracket opening with "Part", "Pt.", "Parts" or "Pts." and a number, in digits,
words or Roman numerals) names another piece of it; a tail listing several ("- Part I, II,
& III", "(Parts 1-3)") names each of them.  So a seed is a part's base ("Jerusalem")
only by a guess, which the caller says, with the piece's other parts to name instead;
a seed that names the part's number after a part word ("Jerusalem Pt 2", "Jerusalem
part two") names that part exactly.  Song identity (``versions.base_title``) keeps
a part ("Song (Part 1)"), also before a version tail ("X - Pt. 2 - Live" is "X - Pt. 2").
"""
from __future__ import annotations

import re
from typing import Callable, Mapping, Sequence

from .seed_readings import part_numbers, spelled_ranges
from .text import normalise
from .versions import LONGEST, sourceless_base

#: a dash or bracket tail that opens with a part word: "- Pt. 2", "(Part 1)", "[Pts. I-II]"
_PART_TAIL = re.compile(r"(?<!\s)(?:\s+[-\u2013\u2014]\s+|\s*[\(\[])\s*((?:parts?|pts?)\b.*)$",
                        re.IGNORECASE)


def _tail(title: str) -> re.Match[str] | None:
    return _PART_TAIL.search(title) if len(title) <= LONGEST else None


def parts_of(title: str) -> set[int]:
    """The part numbers ``title``'s part tail names ({2} of "Jerusalem - Pt. 2", each of
    a list: {1, 2, 3} of "Rain Again - Part I, II, & III" and of "Karn (Parts 1-3)"), or
    none for a title with no part tail (a part in the title itself, "Alone, Pt. II", is
    never cut off it, so it is left to the title's own words)."""
    tail = _tail(title)
    return part_numbers(normalise(spelled_ranges(tail.group(1)))) if tail else set()


def part_base(title: str) -> str:
    """``title`` without its part tail ("Jerusalem" of "Jerusalem - Pt. 2")."""
    tail = _tail(title)
    return title[:tail.start()] if tail and parts_of(title) else title


def drops_part(seed: str, title: str) -> bool:
    """Whether ``seed``, found as ``title`` exactly or by a version, names the piece
    ``title`` is a part of and not the part: "Jerusalem" for "Jerusalem - Pt. 2", but
    not "Jerusalem Pt. 2", "Jerusalem part two" or "Jerusalem (Live)" for "Jerusalem";
    a part the title lists is named ("X Pt 2" for "X - Part I, II, & III")."""
    parts = parts_of(title)
    return bool(parts) and not parts & part_numbers(normalise(spelled_ranges(seed)))


class SeedAlternatives:
    """What else a seed taken for a row by a guess may have meant (mixed into
    :class:`~.titles.TitleIndex`, whose variants index each part under its base)."""

    titles: Sequence[str]
    _exact: Mapping[str, Sequence[int]]
    _norm_titles: Sequence[str]
    _pop: Callable[[int], float]

    def same_titles(self, row: int, limit: int = 10) -> list[int]:
        """Other rows titled as ``row`` is (its versions, other artists'), the most
        popular first."""
        title = normalise(sourceless_base(str(self.titles[row]))) or self._norm_titles[row]
        rows = {r for r in self._exact.get(title, []) if r != row}
        return sorted(rows, key=lambda r: (-self._pop(r), r))[:limit]

    def other_parts(self, row: int, limit: int = 10) -> list[int]:
        """The rows of the other parts of the piece ``row`` is a part of (and their
        versions), the most popular first; none when ``row`` is no part."""
        base = normalise(part_base(str(self.titles[row])))
        rows = {r for r in self._exact.get(base, [])
                if r != row and parts_of(str(self.titles[r]))
                and normalise(part_base(str(self.titles[r]))) == base}
        return sorted(rows, key=lambda r: (-self._pop(r), r))[:limit]
