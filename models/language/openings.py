"""A one-word title opening a sentence: "Embers closes the score ...".

Every sentence capitalises its first word, so a one-word title there ("Time", "Home")
is written just like the common word.  It is read as the title only when what follows
makes it the subject doing something, and not the first half of a noun phrase ("Time
signatures shift ...", "Home recordings sound ...") or the topic of a definition
("Time is what the film is about").
"""
from __future__ import annotations

import re
from typing import Mapping

from .mentions import Mention
from .reading import MUSIC_WORDS, is_about_music
from .text import normalise

#: after "<title> is": a noun phrase or a question, not a description of the track
NOT_DESCRIBED = frozenset("a an the one another also what where how why when who that this "
                          "there".split())
#: after "<title> is": a definition, never the track described
DEFINED = frozenset("what where how why when who there".split())
#: words after a sentence's first word that make it a phrase, not a title doing something
FUNCTION_WORDS = frozenset("and or but in on of to at by for from with into after before "
                           "again over under as than like".split())
#: a verb after a one-word title: the sentence is about the track
DESCRIBING = re.compile(r"^(is|was|feels|felt|sounds|sounded|opens|closes|begins|ends|"
                        r"starts|builds|brings|offers|follows|continues|remains|turns|"
                        r"drifts|moves|gives|keeps|sets|takes)$")
#: what may follow a verb in "-s" ("Embers swells into ...", "... swells, then"); after
#: any other word a plural noun is more likely ("Time signatures shift")
AFTER_A_VERB = FUNCTION_WORDS | NOT_DESCRIBED | frozenset(
    "its his her their our your my it us them him me you up out down off away back "
    "through around across along between together forward onward".split())


def _looks_like_a_noun_phrase(second: str, third: str) -> bool:
    """"signatures shift": a plural noun then another word, not a verb in "-s" then an
    object, a particle or an adverb."""
    if DESCRIBING.match(second) or not second.endswith("s") or second.endswith("ss"):
        return False
    return third not in AFTER_A_VERB and not third.endswith("ly")


def opening_title(sentence: str, one_word: Mapping[str, int], *, line_start: bool = False,
                  after_track: bool = False) -> list[Mention]:
    """The one-word title (``one_word``: normalised title -> track) opening ``sentence``.

    Capitalised like any first word, it needs the next word in lower case and either a
    sentence about the music, or a verb that describes it ("Sleepwalker is gloomy and
    slow.") when it opens its line or paragraph or follows a sentence that named a
    track (a run of track talk: "Try Smugglers. Home is perfect for ...")."""
    words = sentence.split(None, 2)
    if len(words) < 3 or not words[1][:1].islower() or not one_word \
            or normalise(words[1]) in FUNCTION_WORDS:
        return []  # "Time and again ...", "Lost in its haze, ...": no title
    k = one_word.get(normalise(words[0]))
    if k is None:
        return []
    second, third = normalise(words[1]), normalise(words[2].split(None, 1)[0])
    if second in ("is", "was") and third in DEFINED:
        return []  # "Time is what the film is about"
    described = (line_start or after_track) and DESCRIBING.match(second) \
        and third not in NOT_DESCRIBED
    if not described:
        if words[1][-1:].isalpha() and _looks_like_a_noun_phrase(second, third):
            return []
        if not (is_about_music(sentence) and set(normalise(sentence).split()) & MUSIC_WORDS):
            return []  # ("Lost is a word that keeps coming up": a noun follows)
    offset = sentence.index(words[0])
    return [Mention(k, offset, offset + len(words[0].rstrip(",;:")), True)]
