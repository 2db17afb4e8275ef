""""The former" and "the latter": which of the tracks just named a sentence is about.

"'Lantern' and 'Tidewater' close the record. The former is tender, the latter tense."
A reference that opens its clause is the clause's subject: it takes the words from it
to the next such reference (the first also takes what comes before it) to the first or
the last of the tracks the last sentence naming tracks named, in its order ("the
latter two": the last two).  A reference after "as" or "like" shares its clause ("the
former is as tender as the latter"); after any other word ("leans toward the latter")
it is an object and says nothing of its own.  As an adjective ("the latter half of the
album", "the former Beatle", "the former guitarist") it refers to no track.

"The first is quiet ...; the second grows into ...": ordinals ("the first", "the
second", "the third", "the last") refer in the same way, to the tracks in the order
named, but only in parallel: two or more of them, each opening its clause and followed
by a verb, so "the first time", "the second half" and "the first notes" name no track.
"""
from __future__ import annotations

import re
from typing import Sequence

REFERENCE = re.compile(r"\bthe (former|latter)\b", re.IGNORECASE)
COUNTS = {"two": 2, "three": 3, "both": 2}
#: what may follow the pronoun (a verb, an adverb, punctuation, "'s", a count, a
#: fronted subject: "The latter I find menacing"); any other word makes it an adjective
FOLLOWERS = frozenset("is was are were has have had does did do can could will would may "
                      "might must should shall feels felt sounds sounded seems seemed "
                      "remains stays gets becomes became also still even though however "
                      "then instead meanwhile one ones i we you".split()) | set(COUNTS)
#: plural nouns that make "the latter tracks" an adjective, though they end in -s
PLURAL_NOUNS = frozenset("tracks songs pieces cues stages parts halves thirds sections years "
                         "days members moments minutes seconds albums records works "
                         "movements passages scenes episodes".split())
#: words that may stand before a reference opening its clause
CLAUSE_OPENERS = frozenset("and but while whereas where though although yet so whilst "
                           "meanwhile then".split())
LIKENESS = frozenset(("as", "like"))
ORDINAL = re.compile(r"\bthe (first|second|third|fourth|last)\b", re.IGNORECASE)
PLACES = {"first": 0, "second": 1, "third": 2, "fourth": 3, "last": -1}
#: what may follow an ordinal that stands for a track: a verb or an adverb
ORDINAL_FOLLOWERS = FOLLOWERS - set(COUNTS) - frozenset("one ones i we you".split())
#: plural nouns an ordinal is often an adjective of ("the first notes", "the last bars")
ORDINAL_NOUNS = PLURAL_NOUNS | frozenset("notes bars chords beats lines words sounds strains "
                                         "measures steps times verses things".split())

Part = tuple[int, int, tuple[int, ...]]


def _refers(sentence: str, end: int) -> bool:
    """A track, not "the latter half" or "the former Beatle"."""
    rest = sentence[end:]
    if rest[:2] in ("'s", "\u2019s"):
        return True
    words = rest.split(None, 1)
    if not words or not words[0][:1].isalpha():
        return True  # punctuation or the sentence's end
    word = re.sub(r"[^\w'\u2019-]+$", "", words[0]).lower()
    if word in FOLLOWERS:
        return True  # "the latter is", "the latter two"
    if word.endswith(("'s", "\u2019s")):
        return False  # "the former frontman's vocal"
    if word.endswith("s") and word not in PLURAL_NOUNS and not word.endswith("ss"):
        return True  # "the latter builds ..."
    return word.endswith(("ed", "ly"))


def _word_before(sentence: str, start: int) -> str:
    """The word right before ``start`` in its clause ("" at the clause's start)."""
    before = sentence[:start].rstrip()
    if not before or before[-1] in ",;:(\u2013\u2014-":
        return ""
    found = re.search(r"([\w'\u2019]+)$", before)
    return found.group(1).lower() if found else ""


def _rows(sentence: str, match: re.Match, named: tuple[int, ...]) -> tuple[int, ...]:
    """The referent(s): the first or last of ``named`` ("the latter two": two)."""
    count = sentence[match.end():].split(None, 1)
    n = COUNTS.get(count[0].lower().strip(",.;:"), 1) if count else 1
    n = min(n, len(named))
    return tuple(named[:n]) if match.group(1).lower() == "former" else tuple(named[-n:])


def referents(sentence: str, named: tuple[int, ...]) -> list[Part]:
    """(start, end, rows) for each part of ``sentence`` whose subject is "the former" or
    "the latter" of ``named`` (the rows the last sentence naming tracks named, in order;
    two or more); [] when it has no such subject."""
    if len(named) < 2:
        return []
    if not REFERENCE.search(sentence):
        return _ordinals(sentence, named)
    parts: list[Part] = []
    for match in REFERENCE.finditer(sentence):
        before = _word_before(sentence, match.start())
        opens = before == "" or before in CLAUSE_OPENERS
        if not (_refers(sentence, match.end()) or parts and opens):
            continue  # an adjective, unless parallel to one before ("..., the latter tense")
        rows = _rows(sentence, match, named)
        if before in LIKENESS and parts:  # "as tender as the latter": the clause's too
            start, end, mine = parts[-1]
            parts[-1] = (start, end, tuple(dict.fromkeys(mine + rows)))
        elif opens:
            if parts:
                parts[-1] = (parts[-1][0], match.start(), parts[-1][2])
            parts.append((match.start() if parts else 0, len(sentence), rows))
    return parts


def referring_spans(sentence: str, spans: Sequence[tuple[int, int, int]]
                    ) -> list[tuple[int, int, int]]:
    """``spans`` (start, end, row) of a sentence's titles with "the former" and "the
    latter" among them, each standing for the first or last of the two or more tracks
    named before it in the sentence: "'A' and 'B' are a pair: the latter takes the
    former's cello line" likens B to A as "'B' takes 'A''s cello line" would."""
    found = list(spans)
    for match in REFERENCE.finditer(sentence):
        named = tuple(dict.fromkeys(row for start, _, row in spans if start < match.start()))
        if len(named) < 2 or not _refers(sentence, match.end()):
            continue
        row = named[0] if match.group(1).lower() == "former" else named[-1]
        found.append((match.start(), match.end(), row))
    return sorted(found)


def _ordinals(sentence: str, named: tuple[int, ...]) -> list[Part]:
    """"The first is quiet ...; the second grows ...": each ordinal opening its clause,
    a verb after it, takes the words up to the next (the first also those before it);
    [] unless two or more different ones do."""
    found: list[tuple[int, int]] = []
    for match in ORDINAL.finditer(sentence):
        place = PLACES[match.group(1).lower()]
        before = _word_before(sentence, match.start())
        following = sentence[match.end():].split(None, 1)
        word = following[0].lower().strip(",.;:") if following else ""
        verb = word in ORDINAL_FOLLOWERS or word.endswith("s") and len(word) > 3 and \
            word not in ORDINAL_NOUNS and not word.endswith("ss")
        if (before == "" or before in CLAUSE_OPENERS) and verb and place < len(named):
            found.append((match.start(), named[place]))
    if len({row for _, row in found}) < 2:
        return []
    ends = [start for start, _ in found[1:]] + [len(sentence)]
    return [(0 if k == 0 else start, end, (row,))
            for k, ((start, row), end) in enumerate(zip(found, ends))]
