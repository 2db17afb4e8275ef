"""Version words in titles: "X - Radio Edit", "X (Live)", "X (feat. Y)" are all "X".

Two readings.  A catalog's own titles (:func:`base_title`, for song identity) drop any
bracket or dash tail that names a version or a guest.  A seed someone typed
(:func:`seed_base`) drops only tails made of version words alone and guests: "Touch -
Little Mix" is the song "Touch" by Little Mix; "Dancing (With Myself)" is a title, but
"Happier (with Bastille)" a guest, so a seed's "(with X)" is dropped only when the title
itself is not found and X is an artist (:func:`with_guests`).
"""
from __future__ import annotations

import re

from .text import normalise

# every pattern opens with (?<!\s): a run of spaces is tried from its start only, not
# from each of its spaces (quadratic: 20,000 spaces took seconds); and no title longer
# than this is read for versions (a catalog's field may hold megabytes: 5,000 " - a"
# took 9 s); real titles with a version tail are far shorter
LONGEST = 500
_VERSION = (r"remix|mix|edit|live|remaster(?:ed)?|version|acoustic|instrumental|radio|"
            r"extended|demo|mono|stereo|session|take|cover|rework|bootleg|vip|flip|dub|"
            r"sped up|slowed|reprise|re-?recorded|explicit|clean|unplugged|original|"
            r"en vivo|ao vivo|en directo|feat\.?|ft\.?|featuring|with")
# (not '- From "<film>"': 'Main Title (From "Star Wars")' and '(From "Superman")' by one
# composer are two pieces)
#: a bracket that names a version or a guest ("(Live)", "[feat. X]", "(with X)"); other
#: brackets are part of the title ("Don't You (Forget About Me)")
_VERSION_BRACKET = re.compile(r"(?<!\s)\s*[\(\[][^\)\]]*\b(?:" + _VERSION + r")\b[^\)\]]*[\)\]]",
                              re.IGNORECASE)
#: a dash suffix that names one ("- 2011 Remaster", "- Radio Edit"), or a bare guest
_VERSION_TAIL = re.compile(r"(?<!\s)\s+(?:[-\u2013\u2014]\s+.*\b(?:" + _VERSION + r")\b.*|"
                           r"(?:feat\.?|ft\.?|featuring)\s+.*)$", re.IGNORECASE)


_NUMBER = r"(?:\d{1,3}|[ivx]{1,5}|one|two|three|four|five|six|seven|eight|nine|ten)\b"
#: a dash tail naming a part of a piece by its numbers ("- Pt. 2", "- Part I, II, & III",
#: "- Pts. 1-2"): another piece than the whole or another part, so part of the title,
#: and a version tail may follow it ("X - Pt. 2 - Live" is "X - Pt. 2", not "X")
_PART_TAIL = re.compile(r"(?<!\s)\s+[-\u2013\u2014]\s+(?:parts?|pts?)\b\.?\s*" + _NUMBER
                        + r"(?:(?:\s*(?:,\s*(?:&|and\b)?|&|and\b)\s*|[-/+])" + _NUMBER + ")*",
                        re.IGNORECASE)


def base_title(title: str) -> str:
    """``title`` without the brackets and dash tails that name a version or a guest:
    "X - Radio Edit", "X (Live)" and "X (feat. Y)" are all "X", but "X - Pt. 2 - Live"
    is "X - Pt. 2" (the title itself when nothing is left; a title over :data:`LONGEST`
    characters as it is)."""
    if len(title) > LONGEST:
        return title
    bare = _VERSION_BRACKET.sub("", title)
    part = _PART_TAIL.search(bare)
    if part is None:
        return _unversioned(bare) or title
    head = _unversioned(bare[:part.start()])
    return head + part.group() + _unversioned(bare[part.end():]) if head else title


def _unversioned(text: str) -> str:
    """``text`` without a dash tail or bare guest that names a version or a guest."""
    return _VERSION_TAIL.sub("", text).rstrip(" -\u2013\u2014")  # "X - (Explicit)": "X -"


_WORD = (r"(?:\d{4}|remaster(?:ed)?|remix(?:ed)?|mix|edit|radio|live|version|acoustic|mono|"
         r"stereo|single|album|extended|original|demo|instrumental|explicit|clean|deluxe|"
         r"bonus|session|unplugged|mixed|re-?recorded|digital|cut)")
_SEED_TAIL = re.compile(r"(?<!\s)\s+[-\u2013\u2014]\s+(?:" + _WORD + r"[\s/]*)+$", re.IGNORECASE)
_SEED_BRACKET = re.compile(r"(?<!\s)\s*[\(\[](?:(?:" + _WORD + r"[\s/]*)+|(?:feat\.?|ft\.?|"
                           r"featuring|with)\s[^\)\]]*)[\)\]]", re.IGNORECASE)
_WITH = re.compile(r"[\(\[]with\s+([^\)\]]*)[\)\]]", re.IGNORECASE)
_NAMES = re.compile(r"\s*(?:,|&|\band\b)\s*", re.IGNORECASE)


def with_guests(seed: str) -> list[str]:
    """The names of ``seed``'s "(with X & Y)" brackets, normalised, which
    :func:`seed_base` drops: guests ("Happier (with Bastille)") or a part of the title
    ("Dancing (With Myself)"); a caller tells them apart by whether they are artists."""
    return [name for found in _WITH.finditer(seed) if len(seed) <= LONGEST
            for name in map(normalise, _NAMES.split(found.group(1))) if name]


_NOTE = re.compile(r"(?:" + _WORD + r"[\s/]*)+", re.IGNORECASE)


def is_version_note(text: str) -> bool:
    """Whether ``text`` is made of version words alone ("2009 Remaster", "Live", "Radio
    Edit"): the tail :func:`seed_base` drops."""
    return len(text) <= LONGEST and bool(_NOTE.fullmatch(text.strip()))


def seed_base(seed: str) -> str:
    """A typed seed without brackets and dash tails of version words only ("Song -
    2011 Remaster", "Song (Live) [feat. X]"); the seed itself when nothing is left."""
    if len(seed) > LONGEST:
        return seed
    return _SEED_TAIL.sub("", _SEED_BRACKET.sub("", seed)).strip() or seed


#: ' - from "13 Reasons Why"', ' - From 13 Reasons Why - Season 2 Soundtrack', ' (From
#: "Frozen")', '(from Dolittle)': where a song was heard, not a version
_SOURCE_TAIL = re.compile(r"(?<!\s)\s*(?:[-\u2013\u2014]\s+from\s.*|[\(\[]from\s[^\)\]]*"
                          r"[\)\]].*)$", re.IGNORECASE)


def sourceless_base(title: str) -> str:
    """:func:`base_title` after dropping a tail naming the film or show a song is from:
    which row a typed title means ("fuck, i'm lonely" is the original "... - from
    '13 Reasons Why'" before its remix), never song identity (two cues "Main Title
    (From 'Star Wars')" and "(From 'Superman')" by one composer stay two pieces)."""
    return base_title(_SOURCE_TAIL.sub("", title) or title)


_QUOTED_NAME = re.compile(r"[\"\u201c\u201d]([^\"\u201c\u201d]+)[\"\u201c\u201d]")
_SOURCE_WORDS = frozenset("from the original motion picture film movie soundtrack music "
                          "series show tv season".split())


def source_of(title: str) -> str:
    """The film or show a title's source tail names, in normal form ('X - From "8 Mile"
    Soundtrack' and 'X - From the film, "8 Mile"' both "8 mile"), or ""."""
    tail = _SOURCE_TAIL.search(title[:LONGEST])
    if tail is None:
        return ""
    quoted = _QUOTED_NAME.search(tail.group())
    words = normalise(quoted.group(1) if quoted else tail.group()).split()
    return " ".join(w for w in words if quoted or w not in _SOURCE_WORDS)
