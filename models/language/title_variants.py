"""The names a track title may be referred to by: "Loneliness #3 (Night Talking)" is
also "Loneliness #3", "Song - 2011 Remaster" also "Song", all in the normal form of
:mod:`.text`."""
from __future__ import annotations

import re
from functools import lru_cache

from .seed_readings import part_form, spelled_ranges
from .text import normalise
from .versions import is_version_note, sourceless_base

_BRACKETED = re.compile(r"\s*[\(\[][^\)\]]*[\)\]]")
_DASH_SUFFIX = re.compile(r"\s+[-\u2013\u2014]\s+.*$")
# a bare "with X" is no guest: "Man With The Bag" is not "Man", "Boy With Luv" not "Boy"
# (a guest is bracketed, "(with X)", or credited "feat. X")
_FEAT = re.compile(r"\s+(?:feat\.?|ft\.?|featuring)\s+.*$", re.IGNORECASE)
_NAMED = re.compile(r"[^\W\d_]\w")  # a part of "A / B" that names it: two letters or more
STOPWORDS = frozenset("a an and the of in on to is are we you i it my me at by for".split())


@lru_cache(maxsize=100_000)
def variants(title: str) -> tuple[str, ...]:
    """Normalised names a title may be referred to by, the full title first."""
    forms = [title, _BRACKETED.sub("", title), _DASH_SUFFIX.sub("", title),
             _FEAT.sub("", _DASH_SUFFIX.sub("", _BRACKETED.sub("", title)))]
    forms += _parts(title)
    out: list[str] = []
    for form in forms:
        norm = normalise(form)
        if norm and norm not in out:
            out.append(norm)
    listed = part_form(normalise(spelled_ranges(title)))  # "x pts 1 2 3", however written
    if " pts " in f" {listed} " and listed not in out:
        out.append(listed)
    return tuple(out)


def _parts(title: str) -> list[str]:
    """The parts of a title "A / B" ("A", "B"), but not "Radio Edit" of "X - Remix / Radio
    Edit", nor a part after a dash tail ("Las Vegas" of "X - Live / Las Vegas"), nor one
    in brackets ("Remastered" of "X (Re-Recorded / Remastered)"), nor "2" of "2 / 14"."""
    parts = re.split(r"\s+/\s+", title)
    out: list[str] = []
    for part in parts if len(parts) > 1 else ():
        if part.count("(") == part.count(")") and part.count("[") == part.count("]") \
                and not is_version_note(part) and _NAMED.search(normalise(part)):
            out.append(part)
        if _DASH_SUFFIX.search(part):
            break  # the rest is the tail: "Live From The Smith Center / Las Vegas"
    return out


def as_written(title: str) -> tuple[str, str]:
    """``title`` and its base (``sourceless_base``) in normal form with their short
    forms as written ("St." as "st", not "saint"): which of two titles alike in normal
    form ("St. Tropez", "Saint-Tropez") a seed spells."""
    return (normalise(title, short_forms=False),
            normalise(sourceless_base(title), short_forms=False))


#: leading words a title may be typed with or without ("Scientist", "The Four Seasons")
ARTICLES = ("the", "a", "an")


def article_forms(title: str) -> list[str]:
    """``title`` (normalised) without its leading article, or with "the" before it when
    it has none: the same words, another title (a seed that names it is a guess)."""
    first, _, rest = title.partition(" ")
    return [rest] if first in ARTICLES and rest else [f"the {title}"] if title else []
