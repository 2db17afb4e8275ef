"""Who a track credits: its artist field split into names, and the guests its title
names ("Mad World (Feat. Michael Andrews)" credits Michael Andrews)."""
from __future__ import annotations

import re

from ..language import normalise

_GUESTS = re.compile(r"[\(\[]\s*(?:feat\.?|ft\.?|featuring|with)\s+([^\)\]]+)[\)\]]"
                     r"|\s(?:feat\.?|ft\.?|featuring)\s+(.+)$", re.IGNORECASE)
_SEPARATORS = re.compile(r"\s*(?:,|&|\+|;|\bx\b|\band\b|\bfeat\.?|\bft\.?|\bfeaturing\b"
                         r"|\bwith\b)\s*", re.IGNORECASE)


def credited(title: str, artist: str) -> frozenset[str]:
    """The normalised names ``artist`` and the guests of ``title`` credit, the whole
    artist field among them ("Simon & Garfunkel" credits "simon garfunkel", "simon"
    and "garfunkel")."""
    names = [artist]
    for match in _GUESTS.finditer(title):
        names.append(match.group(1) or match.group(2))
    out = {normalise(artist)}
    for name in names:
        out.update(normalise(part) for part in _SEPARATORS.split(name))
    return frozenset(n for n in out if n)
