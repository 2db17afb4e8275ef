"""Mood words used as something else: the reader's own feelings ("you will love it"), a
verb with an object ("calm the mix", "torches sweep the marsh"), an idiom ("his old
haunts", "a far cry from", "the forces at play").  Split from :mod:`tagger`, which skips
the words :func:`not_a_mood` names.
"""
from __future__ import annotations

from .idioms import idiom_not_mood

PAUSES = ",;:.!?()\u2013\u2014-"
#: the writer's relief, about anything: "thank goodness", "Thankfully the remaster ..."
RELIEF_AFTER_THANK = frozenset("goodness god heavens heaven christ".split())
#: "you will love this", "I hate to say": the reader's feelings, not the music's
READER_VERBS = frozenset("love loved loves adore adored enjoy enjoyed hate hated like liked "
                         "dig".split())
READER_SUBJECTS = frozenset("i you we will would must to fans listeners should ll d "
                            "cannot not".split())
#: after "my", "our": the reviewer's household, listeners too ("my son loves it")
HOUSEHOLD = frozenset("son sons daughter daughters kid kids child children baby toddler "
                      "wife husband partner family friends".split())
#: "one wishes she had more to do": the reviewer's wish for the show, not a mood
WISHES = frozenset("wish wishes wished".split())
#: mood words that are also verbs: "calm the mix", "silence the strings", "torches sweep
#: the marsh" are actions
VERB_USES = frozenset("calm calms calmed silence silences silenced soothe soothes haunt haunts "
                      "chill chills warm warms brighten brightens darken darkens lift lifts "
                      "cheer cheers comfort comforts shatter shatters stir stirs ease eases "
                      "rise rises drive drives break breaks brightened brightening "
                      "sweep sweeps swept".split())
OBJECTS = frozenset("the a an his her its their our your this that these those".split())
#: mood words in an idiom after these words:
#: "his old haunts" (places he went)
_PLACE_WORDS = frozenset({"old", "usual", "former", "favourite", "favorite", "familiar",
                          "local", "regular"})
#: "a far cry from", "a battle cry": no tears
_CRY_IDIOMS = frozenset("far war battle rallying hue".split())
#: "builds slowly to a climax", "slowly swells": the pace of a build, not calm
_GROWTH = frozenset("build builds building built swell swells swelling swelled grow grows "
                    "growing grew rise rises rising rose climb climbs climbing climbed "
                    "mount mounts mounting ramps ramping".split())
#: "a Latin-tinged burner" is a fast tune; "on the back burner" is put aside
_BURNER_IDIOMS = frozenset({"back", "front"})
#: "a bowed saw sliding upward": a pitch that slides or bends up, not hope
_PITCH_SLIDES = frozenset("slide slides sliding slid glide glides gliding glided bend bends "
                          "bending bent glissando".split())
#: "Undertow is a good shout": a suggestion, not shouting
_SHOUT_IDIOMS = frozenset("good fair decent solid great".split())
IDIOMS_AFTER = {"shout": _SHOUT_IDIOMS, "haunt": _PLACE_WORDS,
                "haunts": _PLACE_WORDS, "cry": _CRY_IDIOMS, "cries": _CRY_IDIOMS,
                "slowly": _GROWTH, "burner": _BURNER_IDIOMS,
                "burners": _BURNER_IDIOMS, "upward": _PITCH_SLIDES,
                "upwards": _PITCH_SLIDES}
#: mood nouns that are mostly verbs: "full of play" is playful, but "they play it
#: straight", "you play for someone", "the forces at play" are not; only after these
NOUN_AFTER = {"play": frozenset("of sheer pure childlike innocent".split())}
#: what a verb of mood done to the listener acts on: "soothe your senses", "haunt the
#: mind" say what the music does to whoever hears it, not what a player does to a mix
LISTENER_PARTS = frozenset("senses sense soul souls mind minds nerves heart hearts spirit "
                           "spirits ears ear listener listeners bones spine".split())


def not_a_mood(words: list[str], i: int, length: int, first: int = 0, gap: str = "") -> bool:
    """The reader's own feelings ("you will love it"), a verb ("calm the mix") or an
    idiom ("the effects at play", "threatens to", :mod:`idioms`); ``first``: the first
    word of its clause; ``gap``: the text between the word and the next, where a pause
    makes "chills, the bad kind" a noun, not a verb with an object."""
    word = words[i]
    if word == "thankfully" or word == "thank" and words[i + 1:i + 2] and \
            words[i + 1] in RELIEF_AFTER_THANK:
        return True  # "thank goodness": relief, not the music's gratitude
    if idiom_not_mood(words, i, length, first):
        return True
    if length == 1 and word in READER_VERBS and i > 0 and words[i - 1] in READER_SUBJECTS:
        return True
    if length == 1 and word in READER_VERBS and i > 1 and words[i - 1] in HOUSEHOLD \
            and words[i - 2] in ("my", "our"):
        return True  # "my son loves pretending ...": a listener's taste, not romance
    if length == 1 and word in WISHES and i > 0 and words[i - 1] in READER_SUBJECTS | {"one"}:
        return True
    if length == 1 and i > 0 and words[i - 1] in IDIOMS_AFTER.get(word, ()):
        return True
    if length == 1 and word == "slowly" and words[i + 1:i + 2] and words[i + 1] in _GROWTH:
        return True  # "slowly builds to a climax"
    if length == 1 and word in NOUN_AFTER and (i == 0 or words[i - 1] not in NOUN_AFTER[word]):
        return True
    return length == 1 and word in VERB_USES and i + 1 < len(words) and \
        words[i + 1] in OBJECTS and not any(ch in PAUSES for ch in gap) and \
        not (i + 2 < len(words) and words[i + 2] in LISTENER_PARTS)
