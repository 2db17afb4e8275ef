"""More evidence that a one-word title opening a sentence names the track, where the
sentence is neither at its line's start nor after one that named a track.

A capitalised first word may be the common word ("Rain is falling outside"), so
:mod:`.openings` wants the sentence to go on as one about a track.  Three ways of
going on do so wherever the sentence stands:

* joined to another title: "Lowland and Copper Sky are both sad" (a common word is
  not listed with a track's name);
* a verb of description with a mood as what it says: "Lowland is sad", "Lowland feels
  lonely", "Lowland brings a tender warmth" (the word's own sentences, "Rain is
  falling", "Time is short", "Home is where ...", describe no mood);
* the possessive of the title with music or a mood after it: "Lowland's strings are
  mournful" ("Time's up", "Rain's coming" have neither).
"""
from __future__ import annotations

from typing import Sequence

import re

from .idioms import SOLOISTS
from .mentions import Mention
from .reuses import MATERIAL_WORDS
from .text import normalise
from .vocabulary import load_lexicon

#: words that join two names in a list: "Lowland and Copper Sky"
JOINING = frozenset("and or & nor".split())
#: being and seeming: what follows says what the subject is like ("is sad")
BEING = frozenset("is was feels felt sounds sounded seems seemed".split())
#: verbs that give the subject a quality ("brings a tender warmth", "has a mournful
#: cello"): the mood must come within the few words after
GIVING = frozenset("has had opens opened builds built brings brought shares shared "
                   "carries carried offers offered".split())
#: verbs of likeness: with another title in the sentence, the subject is a track too
#: ("Lowland shares its pulse with Copper Sky")
LIKENING = frozenset("shares shared resembles resembled echoes echoed mirrors mirrored "
                     "recalls recalled has had".split())
#: degree words before the mood: "is so sad", "feels deeply lonely"
DEGREE = frozenset("so very quite too rather more less most least really truly just "
                   "pretty fairly somewhat all".split())
#: what after the verb makes the sentence a definition or the word's own sentence
NOT_A_QUALITY = frozenset("a an the one another also what where how why when who that "
                          "this there everywhere here nowhere not never always no".split())
#: the words after a verb of giving that a mood may be among
GIVING_REACH = 4
#: a word for a piece's material: "theme", "riff", "waltz"
MATERIAL = re.compile(MATERIAL_WORDS)
#: the ends of a clause: a mood past one belongs to another subject
CLAUSE_ENDS = (",", ";", ":", ".", "!", "?", "\u2013", "\u2014")


def is_mood_word(word: str) -> bool:
    """A word the mood lexicon lists (or a regular form of one): "sad", "gloom"."""
    lexicon = load_lexicon()
    return lexicon.lookup((word,)) is not None or lexicon.derive(word) is not None


def joined_to_a_title(sentence: str, mentions: Sequence[Mention]) -> bool:
    """"Lowland and Copper Sky ...": the sentence's second word joins its first to a
    title found right after it."""
    words = sentence.split(None, 2)
    if len(words) < 3 or normalise(words[1]) not in JOINING:
        return False
    third = sentence.index(words[2], sentence.index(words[1]) + len(words[1]))
    return any(m.start == third for m in mentions)


def _clause(sentence: str) -> list[str]:
    """The normalised words of the sentence's first clause after its first word."""
    words: list[str] = []
    for raw in sentence.split()[1:]:
        words += normalise(raw).split()
        if raw.endswith(CLAUSE_ENDS):
            break
    return words


def describes_a_mood(sentence: str, likened: bool = False) -> bool:
    """The sentence's first word is given a mood by a verb of description: "Lowland is
    (so) sad", "Lowland brings a tender warmth"; or, when ``likened`` (another title is
    named in the sentence), set beside it ("Lowland shares its pulse with Copper Sky")."""
    words = _clause(sentence)
    if words[:1] and (words[0].endswith("ly") and len(words[0]) > 3):
        words = words[1:]  # "Lowland slowly builds ..."
    if not words:
        return False
    verb, rest = words[0], words[1:]
    if likened and verb in LIKENING:
        return True
    if not rest or rest[0].endswith("ing"):
        return False  # "Rain is falling outside", "Time keeps slipping"
    if verb in BEING and rest[0] not in NOT_A_QUALITY:  # not "Home is where ..."
        while len(rest) > 1 and (rest[0] in DEGREE or rest[0].endswith("ly")
                                 and not is_mood_word(rest[0])):
            rest = rest[1:]  # "is so sad", "feels achingly lonely" (not "lonely")
        return is_mood_word(rest[0])
    return verb in GIVING and any(is_mood_word(w) for w in rest[:GIVING_REACH])


def possessive_stem(word: str) -> str | None:
    """"Lowland's" -> "Lowland": the name before a possessive (or "is") ending."""
    for ending in ("'s", "\u2019s"):
        if word.endswith(ending) and len(word) > len(ending) + 1:
            return word[:-len(ending)]
    return None


def possessive_of_a_track(sentence: str, music_words: frozenset[str]) -> bool:
    """"Lowland's strings are mournful", "Lowland's mournful cello", "Lowland's sad":
    after the possessive (or "is"), the music or a mood, in its first two words ("Time's
    up", "Rain's coming", "Home's where ..." have neither)."""
    words = _clause(sentence)[:2]
    if not words or words[0] in NOT_A_QUALITY or words[0].endswith("ing"):
        return False
    heard = music_words | SOLOISTS
    return is_mood_word(words[0]) or any(w in heard or MATERIAL.fullmatch(w) for w in words)
