"""A mood word named, then denied or mocked by the words after it: "relaxing is not
one of them", "cheerful it is not", "about as cheerful as a tax audit", "a love song
with no heat in it"."""
from __future__ import annotations

import re

#: after a mood word, words that deny it ("relaxing is not one of them"); at the end of
#: a sentence ("cheerful it is not")
#: (not "is not one-dimensional", "is not one of dread but of ...", "bleak isn't the word,
#: it's pitch-black": the mood is there)
DENIED_BY = tuple((verb, "not", *rest) for verb in ("is", "was")
                  for rest in (("one", "of", "them"), ("one", "of", "those"),
                               ("one", "of", "these"), ("among", "them")))
DENIED_AT_END = frozenset({("it", "is", "not"), ("it", "was", "not"), ("they", "are", "not"),
                           ("this", "is", "not"), ("it", "is", "never")})
#: what a mood named by a thing ("a love song", "a party anthem") can be said to lack,
#: its feeling: "a love song with no heat in it", "an anthem without any fire"
FEELING_NOUNS = frozenset("heat passion warmth fire spark feeling heart life energy emotion"
                          .split())
LACKING = (("with", "no"), ("without",), ("with", "little"))
BARELY_THERE = frozenset("any real much actual".split())  # "with no real heat"
#: "about as cheerful as a tax audit": understatement, the mood denied; only beside a
#: thing ("a", "an"): "about as tender as anything they've recorded", "roughly as dark
#: as the original", "about as euphoric as film music got" are sincere
IRONIC_AS = frozenset("about roughly approximately".split())
AS_A_THING = frozenset({("a",), ("an",)})  # the word after the second "as"


def denied_after(words: list[str], i: int, length: int) -> bool:
    """The mood word named, then denied or mocked: "relaxing is not one of them",
    "cheerful it is not", "about as cheerful as a tax audit", a mood named by a thing of
    several words without its feeling: "a love song with no heat in it"."""
    after = tuple(words[i + length:i + length + 5])
    if any(after[:len(p)] == p for p in DENIED_BY) or after in DENIED_AT_END:
        return True
    if length > 1 and (lack := next((p for p in LACKING if after[:len(p)] == p), None)):
        rest = after[len(lack):]
        rest = rest[1:] if rest[:1] and rest[0] in BARELY_THERE else rest
        if rest[:1] and rest[0] in FEELING_NOUNS:
            return True  # "a love song with no heat in it": the love song's feeling denied
    return i >= 2 and words[i - 1] == "as" and words[i - 2] in IRONIC_AS and \
        after[:1] == ("as",) and after[1:2] in AS_A_THING


#: right after a likeness, the writer's answer to it: "'A' sounds like 'B': it really
#: doesn't", "'A' is like 'B'? It isn't" (not "it doesn't stop there")
ANSWERED_NO = re.compile(r"[\"'\u201d\u2019]*\W{0,3}\s*(it|that|they)\s+(really\s+|just\s+|"
                         r"simply\s+|absolutely\s+|honestly\s+|certainly\s+)?"
                         r"(doesn['\u2019]t|does not|isn['\u2019]t|is not|don['\u2019]t|"
                         r"do not|aren['\u2019]t|are not)\s*([,.;:!\u2014\u2013-]|$)",
                         re.IGNORECASE)


def answered_no(sentence: str, end: int) -> bool:
    """The words after ``end`` (a likeness's second title) deny it: "saying 'A' sounds
    like 'B': it really doesn't, one is heartbreak and one is a hug"."""
    return bool(ANSWERED_NO.match(sentence, end))


#: a yes/no question asserts no likeness: "Does 'The Oxbow' sound like 'White Rapids'?"
#: (the answer, often "No.", follows); "Doesn't 'A' sound like 'B'?" is left alone
ASKED = re.compile(r"^\W*(does|do|did|is|are|was|were|can|could|would|should|has|have)\s"
                   r"[^?]*\?[\W]*$", re.IGNORECASE)


def asked(sentence: str) -> bool:
    """Is the sentence a yes/no question, which asserts nothing it names?"""
    return bool(ASKED.match(sentence))


_WANTING = (r"(want|wants|like|likes|need|needs|seek|seeks|crave|craves|expect|expects|"
            r"are after|is after)( (some|any|a|an|much|real|more))?$")
#: "not suitable for people who want excitement", "not for anyone who needs calm", "Not
#: one for the punters who want excitement": the mood after it is what the track does
#: not offer
NOT_FOR_WANTING = re.compile(
    r"\b(not|never|no good|unsuitable)( (really|exactly|quite|very))? ((suitable|recommended|"
    r"meant|made|ideal|great|good|one) )?for ((people|anyone|anybody|those|listeners|fans|"
    r"someone|you)( (who|that|if))?|((the|any|all) )?\w+ (who|that))( you)? " + _WANTING)
#: "Avoid it if you need a thrill", "skip this one if you want excitement"
AVOID_IF_WANTING = re.compile(r"\b(avoid|skip|steer clear of)\b( \S+){0,8} if you " + _WANTING)


#: a word one of the two patterns needs: most mood words have none before them, and are
#: spared joining their clause (this runs for every mood word read)
_UNWANTED_CUES = frozenset("not never no unsuitable avoid skip steer".split())


def unwanted(words: list[str], i: int, first: int) -> bool:
    """The mood word at ``i`` is what those a track is "not suitable for" want, or what
    whoever is told to avoid it wants."""
    if _UNWANTED_CUES.isdisjoint(words[first:i]):
        return False
    lead = " ".join(w for w in words[first:i] if w)  # a title's words are blank
    return bool(NOT_FOR_WANTING.search(lead) or AVOID_IF_WANTING.search(lead))


#: "Not that it's cheerful", "not that it was ever really sad": the clause "not that"
#: opens is denied, however far its mood word stands from the "not"
NOT_THAT = re.compile(r"(^| )not that (it|this|that|they|these|those|he|she|the \w+) "
                      r"(is|was|are|were|sounds|sounded|feels|felt|gets|got)"
                      r"( (ever|really|exactly|particularly|especially|very|so|too|all|that))*$")


def not_that(words: list[str], i: int, first: int) -> bool:
    """The mood word at ``i`` ends a clause opened by "not that" ("Not that it's
    cheerful, nobody would call it that")."""
    return "not" in words[first:i] and bool(NOT_THAT.search(" ".join(words[first:i])))


#: a short question of a mood answered no ("Sad? Not quite.", "Is it sad? No."): the
#: answer follows the question's "?", which :mod:`answered_questions` turns to a comma
ANSWERED_NO_AT_END = re.compile(r"^\s*[,?]\s*(no|nope|not quite|not really|not exactly|"
                                r"not at all|hardly|far from it)\s*[.!]*\s*$", re.IGNORECASE)


def answered_no_at_end(text: str, end: int) -> bool:
    """The passage ends, right after the mood word ending at ``end``, with a "no"
    answering it: "Sad, not quite." (a tag question, "sad, no?", keeps its mood)."""
    return bool(ANSWERED_NO_AT_END.match(text[end:]))
