"""The (title, artist) readings of a typed seed: "Title - Artist", "Title by Artist",
or the whole of it.

Each reading costs a pass over the catalog's titles when it has to be spell-checked, so
a seed holding many separators ("ab - ab - ab ...", a thousand characters of them)
is read at its last few separators only: a title holds one or two ("Closer - T-Mass
Remix - The Chainsmokers"), an artist rarely any.
"""
from __future__ import annotations

import re

from .text import normalise

#: separators of each kind a seed is cut at, the last ones first
MAX_CUTS = 3
SEPARATORS = (r"\s+[-\u2013\u2014]\s+", r"\s+by\s+")


def seed_readings(query: str) -> list[tuple[str, str | None]]:
    """(title, artist) readings of a query as written: "Title - Artist", "Title by
    Artist", "Artist - Title" (as files and videos are named), whole.  The last
    separator first: titles hold separators ("Closer - T-Mass Remix - The Chainsmokers",
    "Stand by Me by Oasis") more often than artists do; an artist before a title is
    read at the first dash only."""
    readings: list[tuple[str, str | None]] = []
    cuts = [cut for sep in SEPARATORS  # the last of either kind first: "Song - Remix by X"
            for cut in list(re.finditer(sep, query, flags=re.IGNORECASE))[-MAX_CUTS:]]
    for cut in sorted(cuts, key=lambda c: -c.start()):
        title, artist = query[:cut.start()], query[cut.end():]
        if normalise(title) and normalise(artist):
            readings.append((title, artist))
    first = re.search(SEPARATORS[0], query)
    if first and normalise(query[:first.start()]) and normalise(query[first.end():]):
        readings.append((query[first.end():], query[:first.start()]))
    readings.append((query, None))
    return readings


def normal_readings(query: str) -> list[tuple[str, str | None]]:
    """The readings of :func:`seed_readings` in normal form (a range of parts spelt out:
    "Parts 1-3" is "parts 1 2 3", not "parts 1 3")."""
    return [(normalise(spelled_ranges(title)), normalise(artist) if artist is not None
             else None) for title, artist in seed_readings(query)]


def numbering_forms(title: str) -> list[str]:
    """``title`` (normalised) and the same with its numbers written the other ways a
    catalog writes them: digits, words or Roman numerals ("sprawl 2", "sprawl two",
    "sprawl ii"), and "part" as "pt", back or left out ("alone part 2" is "Alone, Pt.
    II", "sprawl part 2" "Sprawl II").
    A lone "i", "v" or "x" is a numeral only after "part", "pt", "vol" or "no"."""
    words = title.split()
    numbers = _numbers(words)
    starts = {start for start, _, _ in numbers}
    parts = [i for i, w in enumerate(words) if w in _PART and i + 1 in starts]
    if not numbers:
        return [title]
    forms = [title]
    for style in (str, _in_words, _roman):
        for part in ("pt", "part", ""):  # or none: "sprawl part ii" is "sprawl ii"
            out = list(words)
            for i in parts:  # "part 2" alone is no title "2"
                out[i] = part or ("" if i else words[i])
            for start, end, value in reversed(numbers):
                written = style(value)  # a lone "i" only where a numeral is expected
                if len(written) == 1 and style is _roman \
                        and not (start and words[start - 1] in _NUMBERED):
                    written = ""
                out[start:end] = [written or " ".join(words[start:end])]
            form = " ".join(w for w in out if w)
            if form not in forms:
                forms.append(form)
    listed = part_form(title)  # several parts, named as a title's variant names them
    if " pts " in f" {listed} " and listed not in forms:
        forms.append(listed)
    return forms


def numbered(readings: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    """Each (title, artist) reading followed by its title's ``numbering_forms``."""
    return [(form, artist) for title, artist in readings for form in numbering_forms(title)]


_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
         "fourteen fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_ROMAN = ("", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii",
          "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx")
_PART = frozenset({"part", "pt"})
_NUMBERED = frozenset({"part", "pt", "parts", "pts", "vol", "no"})  # "i", "v", "x" count


def _numbers(words: list[str]) -> list[tuple[int, int, int]]:
    """(start, end, value) of each number in ``words``, 0-99: "2", "two", "twenty two",
    "ii" (and "i", "v", "x" after ``_NUMBERED`` words)."""
    found, i = [], 0
    while i < len(words):
        word, end, value = words[i], i + 1, None
        if word.isdigit() and len(word) <= 2 and not (word[0] == "0" and len(word) > 1):
            value = int(word)
        elif word in _ONES:
            value = _ONES.index(word)
        elif word in _TENS:
            value = 20 + 10 * _TENS.index(word)
            if end < len(words) and words[end] in _ONES[1:10]:
                value, end = value + _ONES.index(words[end]), end + 1
        elif word in _ROMAN[1:] and (len(word) > 1 or (i and words[i - 1] in _NUMBERED)):
            value = _ROMAN.index(word)
        if value is not None:
            found.append((i, end, value))
        i = end
    return found


#: the words a part's number follows in normal form ("Pt. 2", "Part Two", "Pts. 1-3")
PART_WORDS = frozenset({"part", "pt", "parts", "pts"})
#: a range of parts as written, before normal form drops its dash: "Parts 1-3", "Pts. I-III"
#: (no spaces about the dash: "Part 1 - 10 Years Later" is part 1 and a subtitle)
_PART_RANGE = re.compile(r"\b((?:parts?|pts?)\.?\s*)(\d{1,2}|[ivx]{1,5})[-\u2013]"
                         r"(\d{1,2}|[ivx]{1,5})\b", re.IGNORECASE)


def spelled_ranges(title: str) -> str:
    """``title`` (as written) with each range of parts spelt out: "Karn (Parts 1-3)" is
    "Karn (Parts 1, 2, 3)" and "X - Pts. I-III" "X - Pts. 1, 2, 3"; a range that does
    not rise ("Pts. 3-1"), or spans more than 20 parts, is left as written."""
    def spelt(found: re.Match[str]) -> str:
        low, high = (_value(found.group(i).lower()) for i in (2, 3))
        if low is None or high is None or not 0 < low < high <= low + 20:
            return found.group()
        return found.group(1) + ", ".join(str(n) for n in range(low, high + 1))
    return _PART_RANGE.sub(spelt, title) if "-" in title or "\u2013" in title else title


def _value(numeral: str) -> int | None:
    return int(numeral) if numeral.isdigit() else \
        _ROMAN.index(numeral) if numeral in _ROMAN[1:] else None


def _part_lists(words: list[str]) -> list[tuple[int, int, list[int]]]:
    """(index of the part word, end, the numbers) of each part word in ``words`` (normal
    form) followed by numbers: one ("pt 2", "part two") or a list ("part i ii and iii",
    "pts 1 and 2", "parts 1 2 3" of "Parts 1-3" spelt out by :func:`spelled_ranges`)."""
    at = {start: (end, value) for start, end, value in _numbers(words)}
    found, i = [], 0
    while i < len(words):
        if words[i] not in PART_WORDS or i + 1 not in at:
            i += 1
            continue
        values, end = [], i + 1
        while end in at:
            end, value = at[end]
            values.append(value)
            if end + 1 in at and words[end] == "and":  # "part 1 and 2"
                end += 1
        found.append((i, end, values))
        i = end
    return found


def part_numbers(text: str) -> set[int]:
    """The numbers that follow a part word in the normalised ``text``: {2} of "jerusalem
    pt 2", "jerusalem part two" and "intro pt ii", {1, 2, 3} of "rain again part i ii
    and iii" (a list names each part); none of "symphony no 1"."""
    return {value for _, _, values in _part_lists(text.split()) for value in values}


def _in_words(value: int) -> str:
    if value < 20:
        return _ONES[value]
    tens, ones = divmod(value, 10)
    return _TENS[tens - 2] + (f" {_ONES[ones]}" if ones else "")


def _roman(value: int) -> str:
    return _ROMAN[value] if 0 < value < len(_ROMAN) else ""


def part_form(text: str) -> str:
    """The normalised ``text`` with each part named one way: "pt" and the number in
    digits for one part ("x part ii", "x part two" and "x pt 2" are all "x pt 2"), "pts"
    and the numbers in order for several ("x part i ii and iii", "x pts 1 2 and 3" and
    "x parts 3 2 1" are all "x pts 1 2 3"; "parts 1-3" once :func:`spelled_ranges` has
    spelt it out).  Other numbers are left as written ("take five" is no "take 5")."""
    words = text.split()
    out, i = [], 0
    for start, end, values in _part_lists(words):
        parts = sorted(set(values))
        out += words[i:start] + ["pt" if len(parts) == 1 else "pts", *map(str, parts)]
        i = end
    return " ".join(out + words[i:])
