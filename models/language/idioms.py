"""Mood words used as verbs or in idioms, where they say nothing of the music's mood.

* "threatens to tip into melodrama", "threatened to boil over": what is threatened
  has not happened, and the music is not menacing ("a threatening drone" is).
* "promises a love duet", "a soundtrack that promises a lot": a verb with an object,
  not hope ("promises of a better tomorrow", "a promising debut" keep theirs).
* "everyone will fall in love with this record", "the one you'll fall in love with":
  the listener taking to the music, not romance ("a song about falling in love", "she
  fell in love with him" keep it).

In a review's prose only (a request such as "looking for a sad song" or "songs for
driving home" keeps its words):

* "weirdly sad for a dance track", "loud for a ballad": the kind of music a track is
  measured against, not its mood.
* "the orchestra is at its finest", "the heart of the symphony": who plays, or the
  work, not its mood ("orchestral", "symphonic" keep theirs).
* "way too depressing for a wedding", "too loud for a lullaby": the occasion a track
  does not suit, not its mood ("perfect for a wedding" keeps it).
* "do not use it for tense scenes", "I would never play this for a party": the use a
  track is denied, not its mood.
* "wants to be an anthem and is merely loud", "tries for menace", "pretending to be
  scared": what a track (or someone) aims or plays at, at most partly what it is
  (weighed ``AIM_WEIGHT``: "wants to be romantic but ends up a bit saccharine" may
  still be a little romantic); what someone wants more of, "the director wants it
  scarier", it is not yet.
"""
from __future__ import annotations

from typing import Sequence

from .praise import praise_not_mood
from .reactions import back_to_the_music, kind_of_thing

THREATEN = frozenset("threaten threatens threatened threatening".split())
PROMISE = frozenset("promise promises promised".split())
#: what a promise as a verb is followed by: its object
PROMISED = frozenset("a an the this that his her its their more much little nothing "
                     "everything something plenty lots to".split())
FALL = frozenset("fall falls fell falling fallen".split())
#: who takes to the music: the listener, not a character
LISTENERS = frozenset("everyone everybody anyone anybody you i we people listeners fans "
                      "will instantly immediately quickly easily soon".split())
#: after "in love with": the music ("it", "this record"), or nothing (the one you will
#: fall in love with)
MUSIC_OBJECTS = frozenset("it this that these those them the its".split())


def _falls_for_the_music(words: Sequence[str], i: int, length: int) -> bool:
    """``words[i:i + length]`` is "(fell) in love" after a listener, about the music."""
    phrase = list(words[i:i + length])
    if "love" not in phrase or "in" not in phrase:
        return False
    verb = i + phrase.index("in") - 1
    if verb < 0 or words[verb] not in FALL:
        return False
    after = list(words[i + length:i + length + 2])
    if after[:1] == ["with"] and after[1:] and after[1] not in MUSIC_OBJECTS:
        return False  # "fell in love with him", "with each other"
    return any(w in LISTENERS for w in words[max(0, verb - 3):verb])


def idiom_not_mood(words: Sequence[str], i: int, length: int, first: int = 0) -> bool:
    """The mood word at ``words[i]`` (``length`` words) is a verb or part of an idiom
    that says nothing about the music's mood (``first``: the first word of its clause)."""
    word, after = words[i], words[i + length:i + length + 1]
    if length == 1 and word in THREATEN and after == ["to"]:
        return True
    if length == 1 and word in PROMISE and after and after[0] in PROMISED:
        return True
    return _falls_for_the_music(words, i, length) or _waved_away(words, i, length) or \
        _disowned(words, i + length) or _scene_scored(words, i, first) or \
        _solo(words, i, length) or praise_not_mood(words, i, length) or \
        back_to_the_music(words, i, length) or kind_of_thing(words, i, length)


#: instruments that play "alone" in a solo ("tenor alone for a full minute", "the piano
#: alone carries the coda"): the word says who plays, not that anyone is lonely (a voice
#: or a singer alone may well be lonely, so they are not here)
SOLOISTS = frozenset(
    "piano pianos guitar guitars cello cellos violin violins viola violas bass tenor alto "
    "soprano baritone sax saxophone trumpet horn horns flute clarinet oboe harp organ "
    "strings drums synth synths accordion harmonica banjo mandolin bassoon trombone tuba "
    "percussion celesta harpsichord".split())


def _solo(words: Sequence[str], i: int, length: int) -> bool:
    """``words[i]`` is "alone" right after an instrument: a solo."""
    return length == 1 and words[i] == "alone" and i > 0 and words[i - 1] in SOLOISTS


#: verbs of scoring a scene: "Mencken scores the fight with a lilting waltz" ("the
#: score: a slow melody" is a noun)
SCORING = frozenset("scores scored scoring".split())
#: what opens the scene after the verb: "scores the fight", "scored her death"
SCENE_OPENERS = frozenset("the a an his her their its this that".split())
#: words that end the scene and begin how the music does it: "scores the reunion with
#: aching tenderness", "scores the fight by turning playful"
SCENE_ENDS = frozenset("with by using through via in as like and but while to into "
                       "is was".split())
SCENE_WORDS = 8  # "scores the montage of last year's semi-final heartbreak"


def _scene_scored(words: Sequence[str], i: int, first: int = 0) -> bool:
    """The word names the scene the music is written for, not the music's mood: "scores
    the fight with a lilting waltz", "scored the whole final battle", "scores the
    montage of last year's heartbreak", in the clause (from ``first``) of the verb ("a
    fight scene", "the score is tense", "scores the reunion with aching tenderness",
    "scores the chase, tense" keep theirs)."""
    if words[i].endswith("ly"):
        return False  # "scores the film tenderly": how, not what
    for j in range(i - 1, max(first, i - SCENE_WORDS) - 1, -1):
        if words[j] in SCORING:
            return j + 1 < i and words[j + 1] in SCENE_OPENERS
        if words[j] in SCENE_ENDS:
            return False
    return False


#: verbs of what a thing waved away says: "whatever the minor key tells them"
WAVED_AWAY = frozenset("says say tells tell suggests suggest implies imply claims".split())


def _waved_away(words: Sequence[str], i: int, length: int) -> bool:
    """"It is not sad, whatever the minor key tells them", "whatever the sad lyrics say":
    the word is in a "whatever ... says" clause, what the reviewer sets aside."""
    return "whatever" in words[max(0, i - 4):i] and \
        not WAVED_AWAY.isdisjoint(words[i + length:i + length + 3])


#: after "for a <word>": the kind of music the word names
KINDS = frozenset("track tracks song songs tune tunes number cut record album tape ep lp "
                  "band artist single".split())


#: nouns for who plays or for the work
PLAYERS = frozenset("orchestra orchestras symphony symphonies".split())


#: how much of a mood word a track only aims at counts ("wants to be an anthem")
AIM_WEIGHT = 0.4
#: verbs of aiming: "wants to be", "tries for", "tries to sound"
AIMING = frozenset("want wants wanted try tries tried trying aim aims aimed aiming strain "
                   "strains strained straining reach reaches reached reaching strive "
                   "strives striving".split())
#: verbs of playing at: what follows is not so ("pretending to be scared")
PRETENDING = frozenset("pretend pretends pretended pretending".split())
#: words between the aim and the mood word: "wants to be an anthem", "a little bit"
AIM_FILLERS = frozenset("a an the some kind sort of little bit real proper big".split())
#: what a track ends up as instead, after its aim: "... and is merely loud"
MERELY = frozenset("merely".split())


#: someone wanting a track more of a mood: "the director wants it scarier", "wanted it
#: to be a bit sadder", "wants it more menacing": what it is not yet (a maker's "I wanted
#: it to be bleak" says what it is)
WANTING = frozenset("want wants wanted wanting".split())
WANTED = frozenset("it them this that".split())
WANT_FILLERS = AIM_FILLERS | frozenset("to be sound even more much lot far still".split())
#: words ending in -er that are no comparatives
NOT_COMPARATIVE = frozenset("tender somber sombre bitter eager clever sober super".split())


def _comparative(word: str, before: Sequence[str]) -> bool:
    """``word`` after ``before`` is a comparative: "scarier", "sadder", "more menacing"."""
    return "more" in before or word.endswith("er") and word not in NOT_COMPARATIVE


def _wanted_otherwise(words: Sequence[str], i: int) -> bool:
    """``words[i]`` is more than someone wants a track to be: "wants it scarier"."""
    j = i - 1
    while j >= 0 and i - j <= 5 and words[j] in WANT_FILLERS:
        j -= 1
    return j >= 1 and words[j] in WANTED and words[j - 1] in WANTING and \
        _comparative(words[i], words[j + 1:i])


#: a want denied: "I didn't want 'Strike!' to be angry", "never wanted it to sound sad"
UNWANTING = frozenset("not never".split())


def _unwanted(words: Sequence[str], j: int) -> bool:
    """``words[j]`` ends what someone did not want a track to be or sound (its title's
    words are blank, or "it", "this"): "I didn't want 'Strike!' to be angry" says the
    maker kept it from being so, though "I wanted it to be bleak" says what it is."""
    k = j
    while k >= 0 and j - k < 4 and (words[k] == "" or words[k] in WANTED):
        k -= 1
    return k >= 1 and words[k] in WANTING and bool(UNWANTING & set(words[max(0, k - 2):k]))


#: verbs of expecting: what someone expected a track to be it need not be ("you'd
#: expect it to be terrifying", "I expected something furious"); the review says after
#: what it is
EXPECTING = frozenset("expect expects expected expecting anticipate anticipated".split())
#: what is expected of a track: "something furious", "anything exciting"
EXPECTED = frozenset("something anything".split())


def _expected(words: Sequence[str], j: int) -> bool:
    """``words[j]`` ends what someone expected of a track (its title's words are blank,
    or "it", "this"): "you'd expect it to be terrifying", "expected 'Strike!' to be"."""
    k = j
    while k >= 0 and j - k < 4 and (words[k] == "" or words[k] in WANTED):
        k -= 1
    return k >= 0 and words[k] in EXPECTING


def aimed_at(words: Sequence[str], i: int) -> float:
    """How much of the mood word at ``words[i]`` a review says: 1, or ``AIM_WEIGHT`` for
    what a track aims at ("wants to be an anthem", "tries for menace", "tries to sound
    menacing"), none for what it plays at ("pretending to be scared") or aims at and
    misses ("wants to be an anthem and is merely loud") or what someone expected of it
    ("you'd expect it to be terrifying"), and -1, a denial, for what its maker did not
    want it to be ("I didn't want 'Strike!' to be angry")."""
    if _wanted_otherwise(words, i):
        return 0.0
    j = i - 1
    while j >= 0 and i - j <= 4 and words[j] in AIM_FILLERS:
        j -= 1
    if j >= 1 and words[j] in EXPECTED and words[j - 1] in EXPECTING:
        return 0.0  # "I expected something furious"
    if j >= 1 and words[j] == "for" and not words[j - 1].startswith("want"):
        verb = words[j - 1]
    elif j >= 2 and words[j] in ("be", "sound") and words[j - 1] == "to":
        if _unwanted(words, j - 2):
            return -1.0
        if _expected(words, j - 2):
            return 0.0
        verb = words[j - 2]
    else:
        return 1.0
    if verb in PRETENDING or verb in AIMING and MERELY & set(words[i + 1:i + 12]):
        return 0.0
    return AIM_WEIGHT if verb in AIMING else 1.0


#: before the occasion a track is too much for: "too sad for a party"
OCCASION_LEAD = frozenset("a an the your my our any".split())


def _unsuited(words: Sequence[str], i: int) -> bool:
    """``words[i]`` is what a track is too much for: "too depressing for a wedding"."""
    return i >= 4 and words[i - 1] in OCCASION_LEAD and words[i - 2] == "for" and \
        "too" in words[max(0, i - 5):i - 3]


#: a use denied before "for <mood>": "do not use it for", "never play this for"
USE_VERBS = frozenset("use play pick choose put recommend".split())
USE_NEGATORS = frozenset("not never dont don't wouldn't won't".split())


def _use_denied(words: Sequence[str], i: int) -> bool:
    """``words[i]`` is what a track is not to be used for: "Do NOT use Morning Mist for
    tense scenes" (the negation is too far back for the mood word itself)."""
    j = i - 1 if i and words[i - 1] in OCCASION_LEAD else i
    if j < 2 or words[j - 1] != "for":
        return False
    before = words[max(0, j - 9):j - 1]
    return any(w in USE_NEGATORS and any(v in USE_VERBS for v in before[k + 1:k + 3])
               for k, w in enumerate(before))


def prose_idiom(words: Sequence[str], i: int, length: int) -> bool:
    """In a review, the mood word at ``words[i]`` names the kind of music a track is
    measured against ("sad for a dance track"), the players or the work."""
    if length == 1 and words[i] in PLAYERS or _unsuited(words, i) or _use_denied(words, i):
        return True
    return i >= 2 and words[i - 2] == "for" and words[i - 1] in ("a", "an") and \
        bool(words[i + length:i + length + 1]) and words[i + length] in KINDS


#: "that's me, not the track": the feeling before it is the listener's own
_MINE = (("that", "is", "me", "not"), ("that", "is", "just", "me", "not"))


def _disowned(words: Sequence[str], end: int) -> bool:
    """"I always feel a little sad when it ends, but that's me, not the track": what
    comes before "that's (just) me, not ..." in its sentence is the listener's."""
    rest = tuple(words[end:])
    if "me" not in rest:  # in every form of _MINE
        return False
    return any(rest[k:k + len(m)] == m for m in _MINE for k in range(len(rest)))
