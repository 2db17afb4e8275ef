"""How the words around a mood word change it: negation, hedges, intensifiers and
contrast ("not hopeful", "almost serene", "eerie yet artistic": the clause after the
contrast weighs more).  Used by the tagger on one sentence's words; a mood denied by
the words after it is in :mod:`denials`, asides a negation reaches past in :mod:`asides`."""
from __future__ import annotations

import re

from .clauses import own_verb
from .denials import not_that, unwanted
from .denied_returns import denies_a_return
from .text import Token

#: negators that reach only the next words of their own clause, and not past "for"
#: ("rarely lets up, tense": tense; "eschews bombast for tender intimacy": tender)
WEAK_NEGATORS = frozenset("scarcely rarely seldom avoids avoid avoiding eschews eschew shuns "
                          "shun refuses refuse refusing resists resist resisted resisting"
                          .split())
NEGATORS = WEAK_NEGATORS | frozenset("not no never nothing nobody nobodys neither nor without "
                                     "hardly "
                                     "barely lacks lacking lack devoid none".split())
NEGATION_WINDOW = 3
#: "not in a big, triumphant way": the negation reaches every adjective of the phrase
WAY_NOUNS = frozenset("way sense manner fashion".split())
#: "lacks any real sense of joy", "none of the original's menace": absence reaches
#: further than "not"
ABSENCE = frozenset("lacks lacking lack without devoid none".split())
ABSENCE_WINDOW = 5
#: "without question the most haunting cue": no absence
NOT_ABSENCE = frozenset("question doubt fail exception other".split())  # "none other than"
#: two-word negators ("anything but cheerful", "far from joyful", "free of sentiment",
#: "nowhere near as crushing", "not in a big, triumphant way", "with little of the
#: tension it needs", "has little warmth"; not "a little sad")
NEGATING_PAIRS = frozenset({("anything", "but"), ("far", "from"), ("free", "of"),
                            ("short", "of"), ("nowhere", "near"), ("not", "in"),
                            ("with", "little"), ("has", "little"), ("have", "little")})
#: a clause opening so is a new phrase, out of a negation's reach before its comma ("a place
#: I've never been, that faded feeling"); a list goes on in reach ("not loud, brash or joyful")
FRESH_CLAUSE = frozenset("that this these those the it its which who there i you we they he "
                         "she his her their my".split())
INSTEAD = frozenset("for into with by".split())
#: "no less mournful", "not only sad", "nothing less than triumphant", "nothing short
#: of joyous", "barely contained joy", "couldn't stop smiling", "never stops being tense":
#: emphasis, no negation
NOT_NEGATED_BY = frozenset("less only just merely simply short contained concealed "
                           "suppressed veiled disguised stop stops stopped".split())
#: before "not to": an affirmation ("it's hard not to feel ecstasy", "impossible not to
#: smile")
HARD_NOT_TO = frozenset("hard impossible difficult tough".split())
BEING = frozenset("is was be been being are were".split())
#: a negation in a condition denies nothing: "if it isn't calm, it isn't working" asks
#: for calm, "unless it's not sad" is no verdict; "pleasant, if not exactly moving" denies
CONDITIONAL = frozenset("if unless".split())
#: before "short of": emphasis ("little short of euphoric")
SHORT_OF_EMPHASIS = frozenset("nothing little just not hardly".split())
#: before "more than", the words that make it emphasis ("it is more than sad", "much
#: more than sad"); after another word it compares ("desolate more than frightening")
MORE_THAN_KEEPS = frozenset("is it's its was are were be been being feels felt sounds "
                            "sounded seems much far even so something anything nothing "
                            "little bit way and or".split())
#: after "than", a compared noun phrase, not a mood set aside ("sadder than the gloomy
#: opener")
COMPARED = frozenset("the a an its his her their this that these those any".split())
#: "surprisingly hopeful", "strangely calm": surprise at the next word, not curiosity
SURPRISE = frozenset("surprisingly unexpectedly strangely oddly curiously weirdly bizarrely "
                     "startlingly".split())
#: "quietly devastating", "quietly hopeful": how the next word's mood comes across, not
#: calm (the adverb reads calm elsewhere: "the strings quietly fade", and before a word of
#: an inward mood, INWARD: "quietly wondering", "quietly tender")
UNDERSTATED = frozenset({"quietly"})
INWARD = frozenset({"peaceful", "dreamy", "curious", "tender"})
#: "aching tenderness", "achingly romantic": how strongly the next word's mood is felt,
#: not sadness ("a slow, aching waltz" keeps it)
ACHING = frozenset({"aching", "achingly"})
INTENSIFIERS = {"very": 1.4, "deeply": 1.5, "truly": 1.3, "really": 1.3, "so": 1.2,
                "extremely": 1.6, "incredibly": 1.5, "utterly": 1.5, "profoundly": 1.5,
                "intensely": 1.5, "most": 1.3, "more": 1.2, "highly": 1.4, "quite": 1.1,
                "completely": 1.4, "totally": 1.4, "especially": 1.3, "mostly": 1.3,
                "mainly": 1.3, "largely": 1.2, "predominantly": 1.3, "overwhelmingly": 1.5,
                **{word: 1.2 for word in SURPRISE}, **{word: 1.3 for word in ACHING}}
HEDGES = {"almost": 0.6, "perhaps": 0.6, "maybe": 0.6, "somewhat": 0.6, "slightly": 0.5,
          "sometimes": 0.7, "bit": 0.6, "little": 0.7, "kind": 0.7, "sort": 0.7,
          "rather": 0.8, "fairly": 0.8, "seems": 0.8, "seemed": 0.8, "mildly": 0.5,
          "less": 0.5, "least": 0.3,
          # a mood by degree: "just a hint of tension", "a trace of sadness" is a shade
          # of a track whose main mood is another ("faintly ghostly" may be its main one)
          "hint": 0.5, "trace": 0.5, "tinge": 0.5, "whiff": 0.5}
CONTRAST_AFTER = frozenset("but yet however though still nevertheless nonetheless".split())
CONTRAST_BEFORE = frozenset("although though while whereas despite".split())
CLAUSE_BREAK = frozenset(",;:")
#: a clause opening on these corrects the denial before it: "not angry, just hurt", "not
#: sad, more wistful" affirm the second mood
CORRECTION = frozenset("just only merely simply more rather instead".split())
COORDINATORS = frozenset({"and", "or"})
AFTER_WEIGHT, BEFORE_WEIGHT = 1.3, 0.7


def clause_weights(text: str, toks: list[Token]) -> list[float]:
    """Weight of each token from contrast words: after "yet"/"but" more, before less."""
    weights = [1.0] * len(toks)
    for i, tok in enumerate(toks):
        if text[tok.start - 1:tok.start] == "-" or text[tok.end:tok.end + 1] == "-":
            continue  # "almost-but-not-quite-pretty" is one word, not a contrast
        if tok.text == "though" and i > 0 and toks[i - 1].text == "even":
            _conceded(text, toks, weights, i)  # "not sad at all even though it sounds sad"
        elif tok.text in CONTRAST_AFTER and i > 0 and (toks[i - 1].text, tok.text) \
                not in NEGATING_PAIRS and not _still_going_on(text, toks, i):
            for j in range(i):
                weights[j] = min(weights[j], BEFORE_WEIGHT)
            for j in range(i + 1, len(toks)):
                weights[j] = max(weights[j], AFTER_WEIGHT)
        elif tok.text in CONTRAST_BEFORE:
            brk = next((j for j in range(i + 1, len(toks))
                        if any(c in CLAUSE_BREAK for c in text[toks[j - 1].end:toks[j].start])),
                       None)
            if brk is None:
                continue
            for j in range(i, brk):
                weights[j] = min(weights[j], BEFORE_WEIGHT)
            for j in range(brk, len(toks)):
                weights[j] = max(weights[j], AFTER_WEIGHT)
    return weights


def _still_going_on(text: str, toks: list[Token], i: int) -> bool:
    """"I still can't sing it", "it is still sad": "still" inside its clause says
    something goes on, not a contrast (", still it aches", "and still" are)."""
    return toks[i].text == "still" and toks[i - 1].text not in COORDINATORS and \
        not any(c in CLAUSE_BREAK for c in text[toks[i - 1].end:toks[i].start])


def _conceded(text: str, toks: list[Token], weights: list[float], i: int) -> None:
    """"X even though Y" ("Even though Y, X"): Y, up to its clause's end, is conceded, X
    is what is said."""
    brk = next((j for j in range(i + 1, len(toks))
                if any(c in CLAUSE_BREAK for c in text[toks[j - 1].end:toks[j].start])),
               len(toks))
    for j in range(i - 1) if i > 1 else range(brk, len(toks)):
        weights[j] = max(weights[j], AFTER_WEIGHT)
    for j in range(i + 1, brk):
        weights[j] = min(weights[j], BEFORE_WEIGHT)


def modifier(words: list[str], i: int, clause: int = 0, statement: int = 0) -> float:
    """Intensifiers / hedges and negation in the few words before ``i``.

    Looking back stops at a contrast word; intensifiers and hedges also stop at
    "and"/"or" ("deeply lonely and eerie" intensifies only "lonely"); absence words
    and two-word negators reach only within the clause (``clause``: the index of its
    first word), so "Without any drums, it feels calm" is calm.  No negation reaches
    past a colon or semicolon (``statement``: the index of the first word after the last
    one): "barely there: a calm hum" is calm.
    """
    if _nobody_feels(words, i, max(clause, statement)) or \
            _nothing_is(words, i, max(clause, statement)) or \
            denies_a_return(words, i, max(clause, statement)) or \
            unwanted(words, i, max(clause, statement)) or \
            not_that(words, i, max(clause, statement)):
        return -1.0  # "not bring back the grief motif"
    scale, sign, coordinated, instead = 1.0, 1.0, False, False
    for j in range(i - 1, max(-1, i - 1 - ABSENCE_WINDOW), -1):
        word = words[j]
        if j > 0 and (words[j - 1], word) in NEGATING_PAIRS and not _emphatic(words, j) \
                and (j > clause or words[i + 1:i + 2] and words[i + 1] in WAY_NOUNS):
            return -scale
        if j == clause > 0 and word in CORRECTION:  # its own degree, then no further
            scale *= INTENSIFIERS.get(word, 1.0) * HEDGES.get(word, 1.0)  # ("more poignant")
            break
        if word in CONTRAST_AFTER or word in CONTRAST_BEFORE:
            break
        near = j >= i - NEGATION_WINDOW
        coordinated = coordinated or word in COORDINATORS
        instead = instead or word in INSTEAD
        if near and j >= clause and not coordinated and _sets_aside(words, j, i):
            return -scale
        if near and not coordinated and not _emphatic(words, j) and \
                (word not in SURPRISE or j >= clause):
            scale *= INTENSIFIERS.get(word, 1.0) * HEDGES.get(word, 1.0)
        absent = word in ABSENCE and j >= clause and \
            (j + 1 >= len(words) or words[j + 1] not in NOT_ABSENCE)
        negates = j >= statement and (near and word not in ABSENCE or absent) and \
            not (word in WEAK_NEGATORS and (j < clause or instead)) and \
            not (j < clause and (words[clause] in FRESH_CLAUSE or own_verb(words, clause, i)))
        if word in NEGATORS and j + 1 < i and words[j + 1] in ABSENCE and sign < 0:
            sign = 1.0  # "not without hope", "no lack of drama": the absence denied
        elif word in NEGATORS and negates and (j + 1 >= len(words)
                                               or words[j + 1] not in NOT_NEGATED_BY) \
                and not _hard_not_to(words, j) and not _never_more(words, j, i) \
                and not CONDITIONAL.intersection(words[max(clause, j - 4):j - 1]):
            sign = -1.0
    return sign * scale


#: no one as a clause's subject: "nobody's going to feel their pulse go up"
_NO_ONE = frozenset("nobody nobodys noone".split())
_FEEL = frozenset("feel feels felt".split())
FEELING_REACH = 4  # words from "feel" to the mood word, and from no one to "feel"


def _nobody_feels(words: list[str], i: int, first: int) -> bool:
    """"Nobody's going to feel their pulse go up", "no one will feel scared": what no
    one feels is denied, further off than a negation reaches (from ``first`` on)."""
    for k in range(i - 1, max(first, i - 1 - FEELING_REACH) - 1, -1):
        if words[k] in _FEEL:
            subject = words[max(first, k - FEELING_REACH):k]
            return any(w in _NO_ONE or w == "one" and m and subject[m - 1] == "no"
                       for m, w in enumerate(subject))
    return False


#: a negative pronoun as a clause's subject, and the verbs that say what it is
_NOTHING = frozenset("nothing none".split())
_IS = frozenset("is was feels felt sounds sounded seems seemed".split())


def _nothing_is(words: list[str], i: int, first: int) -> bool:
    """"Nothing in it is sad", "none of it sounds happy": what a negative subject is, a
    few words after it, is denied ("nothing is sad" is a plain negation)."""
    if i < 3 or words[i - 1] not in _IS:
        return False
    return any(w in _NOTHING for w in words[max(first, i - 5):i - 2])


def _hard_not_to(words: list[str], j: int) -> bool:
    """"it's hard not to feel ecstasy": the feeling affirmed, not denied ("tries hard not
    to be sad" still denies); "nobody does heartbreak like her" is praise."""
    if words[j] in ("nobody", "nothing") and words[j + 1:j + 2] in (["does"], ["do"]):
        return True
    return words[j] == "not" and j > 1 and words[j - 1] in HARD_NOT_TO and \
        words[j - 2] in BEING and words[j + 1:j + 2] == ["to"]


#: "has never sounded eerier", "never been so sad", "never felt more alone": the most
#: it has been, affirmed (not "never gets louder", "never sounds eerie")
_NEVER_SEEMED = frozenset("sounded been felt seemed looked".split())


def _never_more(words: list[str], j: int, i: int) -> bool:
    """"never sounded eerier", "never been so sad": the mood affirmed at its height."""
    if words[j] != "never" or words[j + 1:j + 2] != [] and words[j + 1] not in _NEVER_SEEMED:
        return False
    between = words[j + 2:i]
    return between in (["more"], ["so"], ["this"]) or \
        not between and j + 2 == i and words[i].endswith("er")


def _emphatic(words: list[str], j: int) -> bool:
    """"no less", "at least", "nothing short of": emphasis where a hedge or a negation
    would be read."""
    before = words[j - 1] if j > 0 else ""
    if words[j] in ("less", "least"):
        return before in NEGATORS or before == "at"
    return (before, words[j]) == ("short", "of") and j > 1 and words[j - 2] in SHORT_OF_EMPHASIS


def _sets_aside(words: list[str], j: int, i: int) -> bool:
    """Whether ``words[j]`` ends "than" or "instead of" and so sets aside the mood word
    at ``i`` ("peaceful rather than sad", "more wistful than sad", "tender instead of
    triumphant"); not "more than sad", "nothing less than triumphant", nor a compared
    noun phrase ("sadder than the gloomy opener", but "rather than a spooky one")."""
    before = words[j - 1] if j > 0 else ""
    if (before, words[j]) in (("rather", "than"), ("instead", "of")):
        return True
    if words[j] != "than" or COMPARED.intersection(words[j + 1:i]):
        return False
    earlier = words[j - 2] if j > 1 else ""
    if before == "more":  # "desolate more than frightening" sets it aside
        return bool(earlier) and earlier not in MORE_THAN_KEEPS
    return not (before == "less" and earlier in NEGATORS)


_SPACED_HYPHEN = re.compile(r"\s-|-\s")  # not "not-so-sad"


def clause_starts(text: str, toks: list[Token], breaks: str = ",;:\u2013\u2014") -> list[int]:
    """For each token, the index of the first token of its clause (after , ; : or a
    dash, a hyphen with spaces round it too: "no drums - dread does the work";
    ``breaks``: after those only)."""
    starts, current = [], 0
    spaced = "\u2013" in breaks
    for i, tok in enumerate(toks):
        gap = text[toks[i - 1].end:tok.start] if i else ""
        if gap != " " and (any(c in breaks for c in gap)  # one space, the most, breaks none
                           or spaced and _SPACED_HYPHEN.search(gap)):
            current = i
        starts.append(current)
    return starts
