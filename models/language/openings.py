"""A one-word title opening a sentence: "Embers closes the score ...".

Every sentence capitalises its first word, so a one-word title there ("Time", "Home")
is written just like the common word.  It is read as the title only when what follows
makes it the subject doing something, and not the first half of a noun phrase ("Time
signatures shift ...", "Home recordings sound ...") or the topic of a definition
("Time is what the film is about").
"""
from __future__ import annotations

import re
from typing import Mapping, Sequence

from .mentions import Mention
from .opening_evidence import (describes_a_mood, joined_to_a_title, possessive_of_a_track,
                               possessive_stem)
from .reading import MUSIC_WORDS, is_about_music
from .text import normalise
from .title_forms import named_as, names_the_work
from .titles import STOPWORDS, variants
from .track_roles import holds_a_role

#: after "<title> is": a noun phrase or a question, not a description of the track
NOT_DESCRIBED = frozenset("a an the one another also what where how why when who that this "
                          "there".split())
#: after "<title> is": a definition, never the track described
DEFINED = frozenset("what where how why when who there".split())
#: words after a sentence's first word that make it a phrase, not a title doing something
FUNCTION_WORDS = frozenset("and or but in on of to at by for from with into after before "
                           "again over under as than like".split())
#: after "<title>," the words that open an aside about it ("Embers, the last cue, ...",
#: "Embers, however, is ...")
APPOSITION = frozenset("the a an its which whose however though meanwhile too then also "
                       "instead by in on".split())
#: a verb after a one-word title: the sentence is about the track
DESCRIBING = re.compile(r"^(is|was|feels|felt|sounds|sounded|opens|closes|begins|ends|"
                        r"starts|builds|brings|offers|follows|continues|remains|turns|"
                        r"drifts|moves|gives|keeps|sets|takes)$")
#: after "<title> is", words that make an ordinary sentence ("Death is everywhere")
NOT_AFTER_A_TRACK = NOT_DESCRIBED | frozenset("everywhere here nowhere not never always all "
                                              "no".split())
#: the verbs that, right after a sentence naming a track, make the next one about a
#: track too ("Try Smugglers. Home is perfect for ..."): being and seeming only
SAYS_WHAT_IT_IS = frozenset("is was feels felt sounds sounded".split())
#: verbs in the plain form: after "<title> <word in -s>" they make that word a plural
#: noun, the subject of the verb ("Time signatures shift", "Home recordings sound")
PLURAL_VERBS = frozenset(
    "are were have sound feel keep build open close begin end start bring offer follow "
    "continue remain turn drift move give take seem make create add play fill come go "
    "rise fall grow loom hum pulse swell fade echo return carry lend provide dominate "
    "punctuate rumble shift change appear emerge recur stay become flow run drive clash "
    "collide swirl float crash ring sing whisper linger mark define evoke suggest drone "
    "hover surround underpin underscore accompany enter join".split())
#: after a one-word title, a noun phrase that is a track: "Sidewinder is the wild one,",
#: "Embers is the standout track", "Crevasse is the scherzo", "Homecoming is the one that
#: gets me" (not "Time is the one thing", "Home is the key")
A_KIND_OF_TRACK = re.compile(
    r"^\S+\s+(is|was)\s+(the|a|an)\s+([\w'-]+\s+){0,2}?(one(?=\s*[,.;:!\u2013\u2014-])|"
    r"one(?=\s+(that|which)\s+(really\s+)?(gets|got|breaks|broke|kills|killed|wrecks|wrecked|"
    r"floors|floored|undoes|undid|guts|gutted|destroys|destroyed)\s+(me|us|you)\b)|"
    r"(track|song|cue|piece|tune|number|cut|highlight|standout|closer|opener|ballad|"
    r"banger|centrepiece|centerpiece|showstopper|movement|scherzo|finale|overture|prelude|"
    r"interlude|duet|aria|waltz|anthem|lullaby)\b)", re.IGNORECASE)
#: after a one-word title, "is the opposite" sets the track against another: "Bloom is
#: the opposite: hopeful" (at a line's start or in a run of track talk), "Dawn is the
#: opposite of Eclipse: warm" (with "of", only in track talk: not "Time is the opposite
#: of what you'd expect" opening a review)
OPPOSITE = re.compile(r"^\S+\s+(is|was)\s+the\s+(exact\s+|complete\s+|very\s+)?opposite"
                      r"(?P<of>\s+of\b)?(?(of)|\s*[:;,.!\u2013\u2014-])", re.IGNORECASE)
#: verbs in "-s" that take a plain verb after them ("Time helps build ...")
CAUSATIVE = frozenset("helps lets makes".split())
#: what music does, in the present: in a run of track talk these make a one-word title
#: the track ("Ember now loops the riff"), with no guard on the words after them
MUSIC_ACTIONS = frozenset(
    "loops repeats fades swells soars pulses hums throbs rumbles explodes erupts kicks "
    "climbs rises settles simmers shimmers glides floats crashes sways bounces grooves "
    "marches stomps sparkles pounds races rushes lingers stutters returns slows states "
    "restates".split())
#: "plays" makes the track playing before a time, place or manner ("Homeport plays when
#: you dock"), not before an object ("Time plays tricks", "Home plays host to")
PLAYS_WHEN = frozenset("when whenever while as over under during in at after before like "
                       "on behind through until".split())
#: an adverb between a one-word title and its verb: "Ember now loops ..."
#: a list number and one word, all of a sentence: "8. Millrace." heads a ranked list
_NUMBERED = re.compile(r"^\s*\d{1,3}[.)]\s+([A-Z][\w'-]*)[.:]?\s*$")
#: the same word alone after a line's stamp: "Move 22. Zugzwang. Every move ..."
_STAMPED = re.compile(r"^\s*([A-Z][\w'-]*)[.:!]?\s*$")
ADVERBS = frozenset("now then also still finally just only soon even again".split())


def one_word_names(titles: Sequence[str]) -> dict[str, int]:
    """The one-word names a sentence may open with (normal form -> track): a movement's
    name ("Crevasse"), a title of one word, and a one-word title without its bracket
    ("Ashfall, an acoustic outro, is ..." for "Ashfall (Instrumental)") where no other
    title has that name."""
    names = {v: k for k, t in enumerate(titles)
             for v in named_as(t)[len(variants(t)):] if len(v.split()) == 1}
    names.update({v[0]: k for k, t in enumerate(titles)
                  if (v := variants(t)) and len(v[0].split()) == 1})
    bare: dict[str, set[int]] = {}
    for k, t in enumerate(titles):
        for v in variants(t)[1:]:
            if len(v.split()) == 1:
                bare.setdefault(v, set()).add(k)
    names.update({v: ks.pop() for v, ks in bare.items() if len(ks) == 1 and v not in names})
    return names


def _looks_like_a_noun_phrase(words: list[str]) -> bool:
    """"signatures shift", "recordings constantly sound": a plural noun, the subject of
    the verb after it, not a verb in "-s" with its object or adverb ("swells beneath",
    "layers tense strings", "grows tense")."""
    second = words[1]
    if DESCRIBING.match(second) or second in CAUSATIVE or not second.endswith("s") \
            or second.endswith("ss"):
        return False
    rest = words[2:4]
    if rest and rest[0].endswith("ly"):
        rest = rest[1:]  # "signatures constantly shift"
    return bool(rest) and rest[0] in PLURAL_VERBS


def _verb(plain: list[str]) -> tuple[str, str]:
    """The word after a sentence's first word, past one adverb ("Ember now loops"), and
    the word after that."""
    rest = plain[1:] + ["", ""]
    if rest[0] in ADVERBS or rest[0].endswith("ly") and len(rest[0]) > 3:
        rest = rest[1:]
    return rest[0], rest[1]


def _acts(plain: list[str]) -> bool:
    """The first word does what music does: a verb of the music's motion, "plays" before
    a when or where, or a verb that describes ("builds", "takes") not before a noun
    phrase's article ("Time takes the ...") nor another verb ("Time keeps slipping
    away"). Being and seeming are judged apart."""
    verb, after = _verb(plain)
    if verb in ("does", "does not"):
        return _denies_an_action(plain)
    if verb == "plays":
        return after in PLAYS_WHEN or not after
    if verb in SAYS_WHAT_IT_IS:
        return False
    return verb in MUSIC_ACTIONS or bool(DESCRIBING.match(verb)) and \
        after not in NOT_DESCRIBED and not after.endswith("ing")  # "Time keeps slipping"


def _denies_an_action(plain: list[str]) -> bool:
    """"Homeward does not bring back the theme", "Ember doesn't build": what the music
    does, denied (the plain verb after "does not"), not "Time does not heal"."""
    verb = next(w for w in plain[1:] if w.startswith("does"))
    rest = plain[plain.index(verb) + 1:]
    if verb == "does":  # normal form writes "doesn't" as one "does not"
        rest = rest[1:] if rest[:1] == ["not"] else []
    return bool(rest) and any(DESCRIBING.match(v) or v in MUSIC_ACTIONS
                              for v in (rest[0] + "s", rest[0] + "es"))


def _told_in_the_past(plain: list[str]) -> bool:
    """"Ember glowed in the grate as the record played": a verb in "-ed" that is none of
    the music's (opened, faded), a story told around the music, not the track."""
    verb, _ = _verb(plain)
    if not verb.endswith("ed") or len(verb) < 5:
        return False
    present = (verb[:-2] + "s", verb[:-1] + "s", verb[:-3] + "ies")
    return not any(DESCRIBING.match(v) or v in MUSIC_ACTIONS for v in present)


def _opposite(sentence: str, line_start: bool, after_track: bool) -> bool:
    """"Bloom is the opposite: hopeful", "Dawn is the opposite of Eclipse": the track set
    against another (see ``OPPOSITE``)."""
    match = OPPOSITE.match(sentence)
    return bool(match) and (after_track or line_start and not match["of"])


def _set_in_capitals(word: str) -> bool:
    """"HARBOUR bursts with joy": a word in capitals before words in lower case is set
    apart as a name, as quotes would set it (a capitalised first word is not)."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)  # not "OK", "TV"


def opening_title(sentence: str, one_word: Mapping[str, int], *, line_start: bool = False,
                  after_track: bool = False, repeated: bool = False, joined: bool = False,
                  work_names: frozenset[str] = frozenset()) -> list[Mention]:
    """The one-word title (``one_word``: normalised title -> track) opening ``sentence``
    (not the work's own name, ``work_names``, said to be a kind of work).

    Capitalised like any first word, it needs the next word in lower case and either a
    sentence about the music, or a verb that describes it ("Sleepwalker is gloomy and
    slow.") when it opens its line or paragraph or follows a sentence that named a
    track (a run of track talk: "Try Smugglers. Home is perfect for ..."), unless it is
    written in capitals ("HARBOUR bursts with joy.") or ``repeated`` (see
    :func:`repeated_openings`), or ``joined`` to a title after it, or given a mood or
    in the possessive (see :mod:`.opening_evidence`)."""
    words = sentence.split(None, 2)
    if len(words) < 3 or not words[1][:1].islower() or not one_word \
            or normalise(words[1]) in FUNCTION_WORDS and not (repeated or joined):
        return []  # "Time and again ...", "Lost in its haze, ...": no title
    stem = possessive_stem(words[0])
    if stem is not None and normalise(words[0]) not in one_word:
        return _possessive_title(sentence, stem, one_word)
    k = one_word.get(normalise(words[0]))
    if k is None or normalise(words[0]) in STOPWORDS:
        return []  # "It", "The": a title of a stopword counts only quoted
    if words[0][-1:] == "," and normalise(words[1]) not in APPOSITION:
        return []  # "Run, don't walk, ...", "Still, ...": no name before an aside
    offset = sentence.index(words[0])
    if normalise(words[0]) in work_names and names_the_work(sentence, offset + len(words[0])):
        return []  # '"Souvenirs" is a collection of ...': the album, not its title track
    plain = [normalise(w) for w in sentence.split(None, 5)[:5]]
    second, third = plain[1], plain[2]
    if second in ("is", "was") and third in DEFINED:
        return []  # "Time is what the film is about"
    described = _set_in_capitals(words[0]) or repeated \
        or line_start and DESCRIBING.match(second) and third not in NOT_DESCRIBED \
        or (line_start or after_track) and A_KIND_OF_TRACK.match(sentence) is not None \
        or (line_start or after_track) and holds_a_role(sentence) \
        or _opposite(sentence, line_start, after_track) \
        or after_track and second in SAYS_WHAT_IT_IS and third not in NOT_AFTER_A_TRACK \
        and not third.endswith("ing") \
        or (line_start or after_track) and _acts(plain) \
        or joined or describes_a_mood(sentence, after_track)  # "Lowland is sad"
    if not described:
        if _told_in_the_past(plain):
            return []
        if words[1][-1:].isalpha() and _looks_like_a_noun_phrase(plain):
            return []
        if not (is_about_music(sentence) and set(normalise(sentence).split()) & MUSIC_WORDS):
            return []  # ("Lost is a word that keeps coming up": a noun follows)
    return [Mention(k, offset, offset + len(words[0].rstrip(",;:")), True)]


def _possessive_title(sentence: str, stem: str, one_word: Mapping[str, int]) -> list[Mention]:
    """"Lowland's strings are mournful": the possessive of a one-word title, with music
    or a mood right after it."""
    k = one_word.get(normalise(stem))
    if k is None or normalise(stem) in STOPWORDS or \
            not possessive_of_a_track(sentence, MUSIC_WORDS):
        return []
    offset = sentence.index(stem)
    return [Mention(k, offset, offset + len(stem), True)]


def with_opening_title(sentence: str, mentions: list[Mention], one_word: Mapping[str, int],
                       *, line_start: bool = False, after_track: bool = False,
                       repeated: bool = False, stamped: bool = False,
                       work_names: frozenset[str] = frozenset()) -> list[Mention]:
    """``mentions`` with the one-word title opening ``sentence`` (see
    :func:`opening_title`); a title named later in the sentence makes it track talk
    ("Ember is every bit as fast as Lantern"). A title alone after a number ("8.
    Millrace.") or, when ``stamped``, after its line's stamp ("Move 22. Zugzwang.") is
    an entry's name."""
    numbered = _NUMBERED.match(sentence) or stamped and _STAMPED.match(sentence)
    if not mentions and numbered and \
            (k := one_word.get(normalise(numbered.group(1)))) is not None:
        return [Mention(k, numbered.start(1), numbered.end(1), True)]  # "8. Millrace."
    opening = opening_title(sentence, one_word, line_start=line_start,
                            after_track=after_track or bool(mentions), repeated=repeated,
                            joined=joined_to_a_title(sentence, mentions),
                            work_names=work_names)
    opening = [o for o in opening if all(m.start >= o.end or m.end <= o.start
                                         for m in mentions)]
    return sorted([*opening, *mentions], key=lambda m: m.start) if opening else mentions


def repeated_openings(text: str, spans: Sequence[tuple[int, int]],
                      one_word: Mapping[str, int]) -> set[int]:
    """The sentences (indexes into ``spans``) that open with the same capitalised one-word
    title as the sentence next to them: "Velvet with a Pinot Noir, obviously. Velvet
    pours out slow ...". A common noun bare at the head of two sentences running is a
    name said twice, as a list of pairings or a track-by-track text repeats it."""
    firsts = [text[a:b].split(None, 1)[:1] for a, b in spans]
    heads = [w[0].rstrip(",;:") if w and w[0][:1].isupper() else "" for w in firsts]
    found: set[int] = set()
    for k in range(len(heads) - 1):
        if heads[k] and heads[k] == heads[k + 1] and normalise(heads[k]) in one_word:
            found.update((k, k + 1))
    return found
