"""A track named by its place on the album: "the opener", "the closer", "the first
movement", "the album's closing track", "the last song", "the ending track", "the
finale", "track 3", "the last two"; and "the title track", the track called like the
album.

Without a title beside it ("The opener, 'Lantern', is ..." names Lantern, and so does
"Lantern is the opener"), such a phrase names the first or the last track of the
album's rows (or the one of that number), in the catalog's order (nor when a name the
catalog lacks stands beside it: 'The closer, "Deep Harbour Blues", ...'), nor when it
says what the track under discussion is ("this is the ending track": a game's ending
need not close its album).  Not when the sentence is about another work ("the opener
of their last record"), a side or a disc ("the opener of side B"), and "its first
movement" is a movement of a track, not the album's first track.
"""
from __future__ import annotations

import re
from typing import Sequence

from .misspellings import Mention
from .title_forms import OTHER_WORK, TITLE_TRACK

_NOUNS = r"(?:track|song|number|cut|tune|cue|piece)"
PLACE = re.compile(
    r"\b(?P<det>the|its|their|(?:the )?(?:album|record|ep|lp|tape)['\u2019]s)\s+"
    r"(?:(?:album|record|ep|lp|tape)\s+)?"
    rf"(?P<name>opener|closer|finale|(?:opening|first|closing|final|last|ending) {_NOUNS}|"
    r"(?:first|last|final) movement)\b(?![-'\u2019]\w)", re.IGNORECASE)
#: after the phrase: a side's or a disc's place, or the film's, not the album's
_OF_A_PART = re.compile(r"^\s+(?:of|on|from|in)\s+(?:the\s+|this\s+)?(?:side|[ab]-side|disc|"
                        r"cd|second|other|flip|film|movie|show|series|season|game|episode|"
                        r"act)\b",
                        re.IGNORECASE)
#: between the phrase and a title after it: the title is its name ("the closer, 'X'")
_NAMED_AFTER = re.compile(r"^[\s,:(\u2013\u2014*\"'\u201c\u2018-]*(?:\d+\.\s*)?"
                          r"[\"'\u201c\u2018*]*$")
#: between a title and the phrase after it: the phrase says what the title is
_NAMED_BEFORE = re.compile(r"^[\s,\"'\u201d\u2019*)]*(?:(?:is|was)\s+(?:also\s+)?)?$",
                           re.IGNORECASE)
#: after the phrase: a name in apposition, quoted or capitalised, in the catalog or not
#: ('The closer, "Deep Harbour Blues", is ...'), not "The closer, I think, is ..."
_A_NAME_AFTER = re.compile(r"^\s*[,:(\u2013\u2014-]?\s*(?:\d+\.\s*)?(?:[\"\u201c\u2018'*]|"
                           r"(?!I\b)[A-Z0-9])")
_FIRST = ("opener", "opening", "first")
#: before the phrase: what the track under discussion is ("this is the ending track")
_SAID_OF_IT = re.compile(r"\b(?:this|it|that)\s*(?:is|['\u2019]s|was)\s+$", re.IGNORECASE)
#: "the last two", "the final three songs", "the first two tracks": several tracks by
#: their place, when a track noun, punctuation or a verb follows (not "the last two
#: albums", "the first two minutes")
FEW = re.compile(r"\b(?:the|its|their)\s+(?P<name>(?P<end>first|opening|last|final|closing)"
                 r"\s+(?P<n>two|three|four)(?:\s+(?P<noun>" + _NOUNS + r"s))?)\b"
                 r"(?=\s*[,.;:!?\u2013\u2014(-]|\s+(?:are|were|both|together|feel|felt|sound|"
                 r"sounded|drift|close|end|bring|take|go|slow|make)\b|\s*$)",
                 re.IGNORECASE)
_FEW = {"two": 2, "three": 3, "four": 4}
#: "track 3", "Track No. 5", "track #2": the album's track of that number
NUMBERED = re.compile(r"\btrack\s*(?:no\.?\s*|#\s*)?(?P<number>\d{1,2})\b", re.IGNORECASE)


def _named_beside(sentence: str, match: re.Match, mentions: Sequence[Mention]) -> bool:
    """A title right before or after the phrase: the phrase is that title's place."""
    for m in mentions:
        if m.start >= match.end() and _NAMED_AFTER.match(sentence[match.end():m.start]):
            return True
        if m.end <= match.start() and _NAMED_BEFORE.match(sentence[m.end:match.start()]):
            return True
        if m.start < match.end() and match.start() < m.end:
            return True
    return False


def by_place(sentence: str, mentions: list[Mention], count: int) -> list[Mention]:
    """``mentions`` with the tracks ``sentence`` names by their place among ``count``
    tracks (index 0 the first, ``count - 1`` the last), in the order of the text."""
    if count < 2 or OTHER_WORK.search(sentence):
        return mentions
    extra = []
    for match in sorted([*PLACE.finditer(sentence), *NUMBERED.finditer(sentence)],
                        key=lambda m: m.start()):
        number = int(match.group("number")) if match.re is NUMBERED else None
        if number is not None and not 1 <= number <= count:
            continue
        name = match.group("name" if number is None else 0).lower()
        if name.endswith("movement") and match.group("det").lower() in ("its", "their") \
                or _OF_A_PART.match(sentence[match.end():]) \
                or _A_NAME_AFTER.match(sentence[match.end():]) \
                or _SAID_OF_IT.search(sentence[:match.start()]) \
                or _named_beside(sentence, match, mentions):
            continue
        track = number - 1 if number else 0 if name.startswith(_FIRST) else count - 1
        if all(m.track != track for m in [*mentions, *extra]):
            extra.append(Mention(track, *match.span("name" if number is None else 0), False))
    extra += _by_few(sentence, mentions, count)
    return sorted([*mentions, *extra], key=lambda m: m.start) if extra else mentions


def _by_few(sentence: str, mentions: list[Mention], count: int) -> list[Mention]:
    """"The last two are the best": the last (or first) few of ``count`` tracks, when no
    title is named beside the phrase."""
    extra: list[Mention] = []
    for match in FEW.finditer(sentence):
        n = _FEW[match.group("n").lower()]
        if n >= count or _OF_A_PART.match(sentence[match.end():]) \
                or _A_NAME_AFTER.match(sentence[match.end():]) \
                or _named_beside(sentence, match, mentions):
            continue
        first = match.group("end").lower() in _FIRST
        tracks = range(n) if first else range(count - n, count)
        extra += [Mention(t, *match.span("name"), False) for t in tracks
                  if all(m.track != t for m in [*mentions, *extra])]
    return extra


#: after "the title theme": heard again ("the title theme comes back, slower")
RETURNS = re.compile(r"^\s+((is|was)\s+)?((also|again|briefly|later|then|soon)\s+)?(heard|"
                     r"returns|recurs|reappears|resurfaces|comes back|reprised|restated)\b",
                     re.IGNORECASE)


def by_title_track(sentence: str, mentions: list[Mention], album: Sequence[int],
                   main_theme: int | None) -> list[Mention]:
    """``mentions`` with "the title track", which names the track called like the album
    (row ``main_theme`` among the album's rows ``album``)."""
    match = TITLE_TRACK.search(sentence) if main_theme is not None and \
        not OTHER_WORK.search(sentence) else None
    if match is None or main_theme not in album:
        return mentions
    if any(m.start < match.end() and match.start() < m.end for m in mentions):
        return mentions
    if match.group("name").lower().endswith("theme") and RETURNS.match(sentence[match.end():]) \
            and any(m.end <= match.start() for m in mentions):
        return mentions  # "'B' - the title theme comes back": heard in B, B's words
    extra = Mention(list(album).index(main_theme),
                    *match.span("name" if match.group(4) else 0), False)
    return sorted([*mentions, extra], key=lambda m: m.start)


#: kinds of track a title may carry ("Amen Corner (Outro)", "Skit: Bus Fare")
KINDS = ("intro", "outro", "interlude", "skit", "reprise", "overture", "prelude", "epilogue",
         "prologue")
BY_KIND = re.compile(r"\b(?:the|that|this)\s+(?P<name>" + "|".join(KINDS) + r")\b"
                     r"(?![-'\u2019]\w)(?!\s+(?:of|to|in|on|from|into|for)\b)", re.IGNORECASE)


def by_kind(sentence: str, mentions: list[Mention], kinds: dict[str, int]) -> list[Mention]:
    """``mentions`` with a track named by its kind ("that outro is beautiful" for "Amen
    Corner (Outro)"), where ``kinds`` (kind -> track) has the one title of that kind
    and the sentence names no track (whose intro or outro it may be)."""
    if mentions or not kinds or OTHER_WORK.search(sentence):
        return mentions
    extra = [Mention(kinds[m.group("name").lower()], *m.span("name"), False)
             for m in BY_KIND.finditer(sentence) if m.group("name").lower() in kinds]
    return extra[:1]


def kinds_of(titles: Sequence[str]) -> dict[str, int]:
    """Kind -> track for the kinds (``KINDS``) exactly one of ``titles`` carries."""
    found: dict[str, list[int]] = {}
    for k, title in enumerate(titles):
        for word in set(re.findall(r"[a-z]+", title.lower())) & set(KINDS):
            found.setdefault(word, []).append(k)
    return {kind: ks[0] for kind, ks in found.items() if len(ks) == 1}


#: "the skit before it", "the song right after that": the track beside the one discussed
NEIGHBOUR = re.compile(r"\b(?:the|that)\s+(?P<name>(?P<kind>[a-z]+)\s+(?:right\s+|just\s+)?"
                       r"(?P<dir>before|after)\s+(?:it|that|this)(?:\s+one)?)\b",
                       re.IGNORECASE)
_NEIGHBOUR_KINDS = ("track", "song", "number", "cut", "tune", "cue", "piece", "one")


def by_neighbour(sentence: str, mentions: list[Mention], current: int | None,
                 titles: Sequence[str]) -> list[Mention]:
    """``mentions`` with "the skit before it", "the song after that": the track before
    or after ``current`` (the one track under discussion, by its place in ``titles``),
    when the sentence names none; a kind ("skit") must be the neighbour's."""
    match = NEIGHBOUR.search(sentence) if not mentions and current is not None else None
    if match is None or OTHER_WORK.search(sentence):
        return mentions
    kind = match.group("kind").lower()
    k = current + (-1 if match.group("dir").lower() == "before" else 1)
    if not 0 <= k < len(titles) or kind not in _NEIGHBOUR_KINDS and (
            kind not in KINDS or kind not in re.findall(r"[a-z]+", titles[k].lower())):
        return mentions
    return [Mention(k, *match.span("name"), False)]
