"""Who a track credits: its artist, and the guests its title or artist field names
("Mad World (Feat. Michael Andrews)" by Gary Jules credits Michael Andrews too)."""
from __future__ import annotations

import re
from functools import lru_cache

from ..language import normalise

#: a name in normal form, remembered: names recur over a catalog's credits
name_form = lru_cache(maxsize=50_000)(normalise)

_GUESTS = re.compile(r"[\(\[]\s*(?:feat\b\.?|ft\b\.?|featuring|with)\s+([^\)\]]+)[\)\]]"
                     r"|\s(?:feat\b\.?|ft\b\.?|featuring)\s+(.+)$", re.IGNORECASE)
#: an artist field's own guest marker: "Cypress Hill featuring Tego Calderon"
_ARTIST_GUESTS = re.compile(r"\s+(?:feat\b\.?|ft\b\.?|featuring)\s+", re.IGNORECASE)
#: between guests ("feat. A, B & C"); a band's own name is never split on these
BETWEEN = re.compile(r"\s*(?:,|&|\+|;|\band\b)\s*", re.IGNORECASE)


def credited(title: str, artist: str) -> frozenset[str]:
    """The normalised names ``artist`` and the guests of ``title`` credit: the whole
    artist field ("Earth, Wind & Fire" is one name, never "earth" and "fire"), the
    artist before a "featuring" in it, and each guest named after one."""
    main, *guests = _ARTIST_GUESTS.split(artist, maxsplit=1)
    guests += [m.group(1) or m.group(2) for m in _GUESTS.finditer(title)]
    out = {name_form(artist), name_form(main)}
    for names in guests:
        out.update(name_form(name.strip()) for name in BETWEEN.split(names))
    return frozenset(n for n in out if n)
