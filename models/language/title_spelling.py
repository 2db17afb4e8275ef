"""Titles alike in normal form but written differently ("ME" and "@ ME", "DANCE" and
"Dance?", "Dreams" and "$Dreams"): which one a seed typed exactly names.

"Typed exactly" is the same characters, case, spacing and the style of quotes aside
("It Ain’t Me" is "It Ain't Me").  An accent typed counts, one left out does not: a
seed "Señorita" names "Señorita", not "Senorita", but "Senorita" names either (people
leave out accents they cannot type, as they leave out capitals; they never add one by
chance).  A title is typed exactly also when its version tail is left out ("@ ME" for
"@ ME - Remastered").  When the seed spells none of several titles so written, the
most popular is taken, and that is a guess (``written_alike``).
"""
from __future__ import annotations

import unicodedata
from typing import Callable, Mapping, Sequence

from .seed_readings import seed_readings
from .text import fold, normalise
from .title_variants import as_written
from .versions import sourceless_base

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u00b4": "'",
                         "`": "'", "\u201c": '"', "\u201d": '"'})


def typed_form(text: str) -> str:
    """``text`` as compared for "typed exactly": case, spaces and quote styles aside."""
    return "".join(unicodedata.normalize("NFC", text).casefold().translate(_QUOTES).split())


def spells(seed: str, title: str) -> bool:
    """Whether ``seed`` is ``title`` (or its base, without a version tail) typed exactly;
    accents count only when the seed has some."""
    typed = typed_form(seed)
    forms = {typed_form(title), typed_form(sourceless_base(title))}
    if typed != fold(typed):
        return typed in forms
    return typed in {fold(f) for f in forms}


class WrittenAlike:
    """Titles a normal form does not tell apart (mixed into :class:`~.titles.TitleIndex`)."""

    titles: Sequence[str]
    _exact: Mapping[str, Sequence[int]]
    _norm_titles: Sequence[str]
    _pop: Callable[[int], float]

    def wordless(self, query: str) -> list[int]:
        """Rows titled exactly ``query`` (spaces aside) among the titles without a word
        ("+", "?", an emoji), the most popular first: no normal form tells them apart.
        The catalog is scanned for such titles once per index."""
        found = self.__dict__.get("_wordless")
        if found is None:
            found = {}
            for row, norm in enumerate(self._norm_titles):
                if not norm:
                    found.setdefault(str(self.titles[row]).strip(), []).append(row)
            self.__dict__["_wordless"] = found
        return sorted(found.get(query.strip(), []), key=lambda r: (-self._pop(r), r))

    def _as_typed(self, rows: list[int], raw: str) -> list[int]:
        """The ``rows`` whose title ``raw`` spells exactly; all of them when none is."""
        if not raw or len(rows) < 2:
            return rows
        return [r for r in rows if spells(raw, str(self.titles[r]))] or rows

    def typed_whole(self, query: str) -> bool:
        """Whether ``query`` is a title typed exactly, its dashes and "by" included ("This
        Girl - Kungs Vs. Cookin' On 3 Burners"): no "Title - Artist" to read it as."""
        norm = normalise(query)
        return any(spells(query, str(self.titles[r])) for r in self._exact.get(norm, ())
                   if self._norm_titles[r] == norm)

    def written_alike(self, query: str, row: int) -> bool:
        """Whether ``row`` was taken, by popularity, among titles alike in normal form but
        written in different ways, none of which ``query`` spells ("Me!!" among "ME" and
        "@ ME"): a guess, to warn of."""
        title, raws = str(self.titles[row]), [raw for raw, _ in seed_readings(query)]
        if any(spells(raw, title) for raw in raws):
            return False
        norm = normalise(sourceless_base(title)) or self._norm_titles[row]
        alike = {str(self.titles[r]) for r in self._exact.get(norm, [])
                 if normalise(sourceless_base(str(self.titles[r]))) == norm}
        # short forms as typed tell some apart: "St Tropez" is "St. Tropez", not "Saint-Tropez"
        typed = {normalise(raw, short_forms=False) for raw in raws}
        alike = {t for t in alike if typed & set(as_written(t))} or alike
        return len({fold(typed_form(sourceless_base(t))) for t in alike}) > 1
