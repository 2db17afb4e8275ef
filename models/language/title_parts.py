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
A seed naming one part that no track is on its own ("Rain Again Pt 2") takes, by a
guess the caller says, a track listing that part with others ("Rain Again - Part I, II,
& III"); a part no track holds ("Rain Again Pt 4") names none, and the caller says
which parts there are (:meth:`SeedAlternatives.parts_there`).
"""
from __future__ import annotations

import re
from itertools import takewhile
from typing import Callable, Mapping, Sequence

from .seed_readings import normal_readings, part_form, part_numbers, spelled_ranges
from .text import normalise
from .title_prefixes import variants_starting
from .versions import LONGEST, seed_base, sourceless_base

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


def named_part(title: str) -> tuple[str, int] | None:
    """(the piece, the part) a normalised seed title ending in one part names: ("rain
    again", 2) of "rain again pt 2", "rain again part two" and "rain again pt ii"; None
    for a seed naming no part, several ("x pts 1 2") or a part only ("part 2")."""
    words = part_form(title).split()
    if len(words) < 3 or words[-2] != "pt" or not words[-1].isdigit():
        return None
    return " ".join(words[:-2]), int(words[-1])


class SeedAlternatives:
    """What else a seed taken for a row by a guess may have meant (mixed into
    :class:`~.titles.TitleIndex`, whose variants index each part under its base)."""

    titles: Sequence[str]
    _exact: Mapping[str, Sequence[int]]
    _norm_titles: Sequence[str]
    _pop: Callable[[int], float]
    _exact_rows: Callable[[str, str | None], list[int]]
    _best: Callable[..., int | None]

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

    def _listing(self, piece: str, artist: str | None
                 ) -> dict[int, tuple[tuple[str, ...], set[int]]]:
        """Each row whose title lists several parts of ``piece`` (normalised): the words
        after the parts (a version tail: ("live",)) and the parts.  Found by the listed
        variant ("rain again pts 1 2 3", however the title writes them) and, for title
        arrays stored before there was one, by a part tail's base ("rain again")."""
        rows = {row for key in variants_starting(self._exact, f"{piece} pts", self.__dict__)
                for row in self._exact_rows(key, artist)}
        rows.update(r for r in self._exact_rows(piece, artist)
                    if len(parts_of(str(self.titles[r]))) > 1)
        found: dict[int, tuple[int, set[int]]] = {}
        for row in rows:
            words = part_form(normalise(spelled_ranges(str(self.titles[row])))).split()
            if words[:len(piece.split()) + 1] == [*piece.split(), "pts"]:
                after = words[len(piece.split()) + 1:]
                numbers = list(takewhile(str.isdigit, after))
                found[row] = (tuple(after[len(numbers):]), {int(n) for n in numbers})
        return found

    def _listed_part_match(self, query: str) -> int | None:
        """The track listing the one part ``query`` names with others, when no track is
        that part ("Rain Again - Part I, II, & III" for "Rain Again Pt 2"): the title
        with the seed's version words ("(Live)" for "Rain Again Pt 2 (Live)"), else the
        one without a version tail, listing the fewest parts, the most popular."""
        for title, artist, version in _part_readings(query):
            if (named := named_part(title)) is None:
                continue
            held = {row: (set(tail) != version, len(tail), len(parts)) for row, (tail, parts)
                    in self._listing(named[0], artist).items() if named[1] in parts}
            if held:
                fewest = min(held.values())
                return self._best([r for r, rank in held.items() if rank == fewest], "")
        return None

    def parts_there(self, query: str) -> tuple[list[int], list[int]]:
        """For a seed naming one part of a piece that no track holds ("Rain Again Pt 4"
        against "Rain Again - Part I, II, & III" and "Rain Again - Pt. 5"), the parts the
        catalog has of it ([1, 2, 3, 5]) and the rows holding them, the most popular
        first; ([], []) for a seed naming no part or a piece without parts here."""
        for title, artist, _ in _part_readings(query):
            if (named := named_part(title)) is None:
                continue
            piece, found = named[0], {}
            for row, (_, parts) in self._listing(piece, artist).items():
                found[row] = parts
            for row in self._exact_rows(piece, artist):
                title_of = str(self.titles[row])
                if parts_of(title_of) and normalise(part_base(title_of)) == piece:
                    found.setdefault(row, parts_of(title_of))
            if found:
                rows = sorted(found, key=lambda r: (-self._pop(r), r))
                return sorted(set().union(*found.values())), rows
        return [], []


def _part_readings(query: str) -> list[tuple[str, str | None, set[str]]]:
    """:func:`normal_readings` of ``query``, then of it without its version words, each
    with the version words dropped: "Rain Again Pt 2 (Live)" is read as "rain again pt 2
    live" and as "rain again pt 2", version {"live"}."""
    base = seed_base(query)
    version = set(normalise(query).split()) - set(normalise(base).split())
    readings = [(title, artist, set()) for title, artist in normal_readings(query)]
    if base != query:
        readings += [(title, artist, version) for title, artist in normal_readings(base)]
    return readings
