"""Sentence-level mood tagging of free text with the project lexicon.

Reads one sentence at a time: finds lexicon words and phrases (longest first),
applies negation ("not hopeful", "never feels warm", "un-" prefixes), intensifiers
and hedges ("deeply", "almost", "perhaps"), and contrast ("eerie yet artistic",
"although X, Y": the clause after the contrast weighs more).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

import numpy as np

from .text import Token, tempo_words, tokens
from .vocabulary import MOODS, Entry, Lexicon, load_lexicon

#: negators that reach only the next words of their own clause, and not past "for"
#: ("rarely lets up, tense": tense; "eschews bombast for tender intimacy": tender)
WEAK_NEGATORS = frozenset("scarcely rarely seldom avoids avoid avoiding eschews eschew shuns "
                          "shun refuses refuse refusing resists resist resisted resisting"
                          .split())
NEGATORS = WEAK_NEGATORS | frozenset("not no never nothing neither nor without hardly barely "
                                     "lacks lacking lack devoid".split())
NEGATION_WINDOW = 3
#: "lacks any real sense of joy": absence reaches further than "not"
ABSENCE = frozenset("lacks lacking lack without devoid".split())
ABSENCE_WINDOW = 5
#: "without question the most haunting cue": no absence
NOT_ABSENCE = frozenset("question doubt fail exception".split())
#: two-word negators ("anything but cheerful", "far from joyful", "free of sentiment")
NEGATING_PAIRS = frozenset({("anything", "but"), ("far", "from"), ("free", "of"),
                            ("short", "of")})
INSTEAD = frozenset("for into with by".split())
#: "no less mournful", "not only sad", "nothing less than triumphant", "nothing short
#: of joyous", "barely contained joy": emphasis, no negation
NOT_NEGATED_BY = frozenset("less only just merely simply short contained concealed "
                           "suppressed veiled disguised".split())
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
#: "kind of bleak": a hedge, not the mood word "kind"
HEDGE_PAIRS = frozenset({("kind", "of"), ("sort", "of")})
INTENSIFIERS = {"very": 1.4, "deeply": 1.5, "truly": 1.3, "really": 1.3, "so": 1.2,
                "extremely": 1.6, "incredibly": 1.5, "utterly": 1.5, "profoundly": 1.5,
                "intensely": 1.5, "most": 1.3, "more": 1.2, "highly": 1.4, "quite": 1.1,
                "completely": 1.4, "totally": 1.4, "especially": 1.3,
                **{word: 1.2 for word in SURPRISE}}
HEDGES = {"almost": 0.6, "perhaps": 0.6, "maybe": 0.6, "somewhat": 0.6, "slightly": 0.5,
          "sometimes": 0.7, "bit": 0.6, "little": 0.7, "kind": 0.7, "sort": 0.7,
          "rather": 0.8, "fairly": 0.8, "seems": 0.8, "seemed": 0.8, "mildly": 0.5,
          "less": 0.5, "least": 0.3}
CONTRAST_AFTER = frozenset("but yet however though still nevertheless nonetheless".split())
CONTRAST_BEFORE = frozenset("although though while whereas despite".split())
CLAUSE_BREAK = frozenset(",;:")
COORDINATORS = frozenset({"and", "or"})
AFTER_WEIGHT, BEFORE_WEIGHT = 1.3, 0.7
#: "you will love this", "I hate to say": the reader's feelings, not the music's
READER_VERBS = frozenset("love loved loves adore adored enjoy enjoyed hate hated like liked "
                         "dig".split())
READER_SUBJECTS = frozenset("i you we will would must to fans listeners should ll d "
                            "cannot not".split())
#: mood words that are also verbs: "calm the mix", "silence the strings" are actions
VERB_USES = frozenset("calm calms calmed silence silences silenced soothe soothes haunt haunts "
                      "chill chills warm warms brighten brightens darken darkens lift lifts "
                      "cheer cheers comfort comforts shatter shatters stir stirs ease eases "
                      "rise rises drive drives break breaks".split())
OBJECTS = frozenset("the a an his her its their our your this that these those".split())
SENTENCE_OPENERS = ".!?:;\"'(\u201c\u2018\n\u2013\u2014-"

@dataclass(frozen=True)
class MoodHit:
    """One mood-bearing phrase found in a text."""

    entry: Entry
    weight: float  # signed: negative when negated
    start: int
    end: int
    phrase: str


def _clause_weights(text: str, toks: list[Token]) -> list[float]:
    """Weight of each token from contrast words: after "yet"/"but" more, before less."""
    weights = [1.0] * len(toks)
    for i, tok in enumerate(toks):
        if text[tok.start - 1:tok.start] == "-" or text[tok.end:tok.end + 1] == "-":
            continue  # "almost-but-not-quite-pretty" is one word, not a contrast
        if tok.text in CONTRAST_AFTER and i > 0 and (toks[i - 1].text, tok.text) \
                not in NEGATING_PAIRS:
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


def _modifier(words: list[str], i: int, clause: int = 0) -> float:
    """Intensifiers / hedges and negation in the few words before ``i``.

    Looking back stops at a contrast word; intensifiers and hedges also stop at
    "and"/"or" ("deeply lonely and eerie" intensifies only "lonely"); absence words
    and two-word negators reach only within the clause (``clause``: the index of its
    first word), so "Without any drums, it feels calm" is calm.
    """
    scale, sign, coordinated, instead = 1.0, 1.0, False, False
    for j in range(i - 1, max(-1, i - 1 - ABSENCE_WINDOW), -1):
        word = words[j]
        if j > clause and (words[j - 1], word) in NEGATING_PAIRS and not _emphatic(words, j):
            return -scale
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
        negates = (near and word not in ABSENCE or absent) and \
            not (word in WEAK_NEGATORS and (j < clause or instead))
        if word in NEGATORS and negates and (j + 1 >= len(words)
                                             or words[j + 1] not in NOT_NEGATED_BY):
            sign = -1.0
    return sign * scale


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


def _without_asides(text: str, toks: list[Token], words: list[str]) -> list[str]:
    """``words`` with a contrast word set off by commas blanked: in "it is not, however,
    sad" the "not" still reaches "sad"."""
    out = list(words)
    for k in range(1, len(toks) - 1):
        if words[k] in CONTRAST_AFTER and "," in text[toks[k - 1].end:toks[k].start] \
                and "," in text[toks[k].end:toks[k + 1].start]:
            out[k] = ""
    return out


def _clause_starts(text: str, toks: list[Token]) -> list[int]:
    """For each token, the index of the first token of its clause (after , ; : or a
    dash)."""
    starts, current = [], 0
    for i, tok in enumerate(toks):
        if i and any(c in ",;:\u2013\u2014" for c in text[toks[i - 1].end:tok.start]):
            current = i
        starts.append(current)
    return starts


def _prefix_negated(lexicon: Lexicon, word: str) -> Entry | None:
    for prefix in ("un", "non", "in"):
        if word.startswith(prefix) and len(word) > len(prefix) + 3:
            entry = lexicon.lookup((word[len(prefix):],))
            if entry is not None:
                return entry
    return None


def _is_name(text: str, start: int) -> bool:
    """A capitalised word mid-sentence ("the game Journey", "Dale Cooper's Dreams")."""
    if not text[start:start + 1].isupper():
        return False
    before = text[:start].rstrip()
    return bool(before) and before[-1] not in SENTENCE_OPENERS


def _surprise_at_next(lexicon: Lexicon, text: str, toks: list[Token], i: int) -> bool:
    """"surprisingly hopeful": the adverb only intensifies the mood word right after it."""
    return toks[i].text in SURPRISE and i + 1 < len(toks) and \
        not text[toks[i].end:toks[i + 1].start].strip() and \
        (lexicon.lookup((toks[i + 1].text,)) or lexicon.derive(toks[i + 1].text)) is not None


def _not_a_mood(words: list[str], i: int, length: int) -> bool:
    """The reader's own feelings ("you will love it") or a verb ("calm the mix")."""
    word = words[i]
    if length == 1 and word in READER_VERBS and i > 0 and words[i - 1] in READER_SUBJECTS:
        return True
    return length == 1 and word in VERB_USES and i + 1 < len(words) and \
        words[i + 1] in OBJECTS


#: words that report what someone else calls the music ('the press release calls it
#: "haunting"'): a quoted mood after them is theirs, not the reviewer's
REPORTED_BY = re.compile(r"\b(calls?|called|dubs?|dubbed|bills?|billed|labels?|labell?ed|"
                         r"touts?|touted|described|describes)\b(\s+(it|them|this|as))*\s*"
                         r"[\"'\u201c\u2018]$", re.IGNORECASE)


def _reported(text: str, start: int) -> bool:
    """A quoted mood word someone else used: 'calls it "haunting"', 'billed as "epic"'."""
    return bool(REPORTED_BY.search(text[max(0, start - 40):start]))


def tag_text(text: str, lexicon: Lexicon | None = None, offset: int = 0,
             skip_names: bool = False,
             outside: Callable[[int, int], bool] | None = None) -> list[MoodHit]:
    """Mood hits in ``text`` (one sentence, ideally); offsets shifted by ``offset``.
    ``skip_names``: capitalised words mid-sentence are names, not moods (for prose;
    tags and short notes keep them).  ``outside(start, end)``, when given, tells the
    words of the text from those of titles in it (offsets shifted): a title's words
    are neither moods nor modifiers ("No. 9" is tender, "Without You" is warm)."""
    lexicon = lexicon or load_lexicon()
    toks = tokens(text)
    if outside is not None:
        toks = [t if outside(t.start + offset, t.end + offset) else t._replace(text="")
                for t in toks]
    words = tempo_words([t.text for t in toks])
    looking = _without_asides(text, toks, words)
    clause = _clause_weights(text, toks)
    clause_starts = _clause_starts(text, toks)
    hits: list[MoodHit] = []
    i = 0
    while i < len(toks):
        entry, length, sign = None, 1, 1.0
        for n in range(min(lexicon.longest, len(toks) - i), 0, -1):
            entry = lexicon.lookup(tuple(words[i:i + n]))
            if entry is not None:
                length = n
                break
        if entry is None:
            entry = lexicon.derive(words[i])
        if entry is None:
            entry, sign = _prefix_negated(lexicon, words[i]), -1.0
        if entry is not None:
            start, end = toks[i].start, toks[i + length - 1].end
            if (skip_names and _is_name(text, start)) or _not_a_mood(words, i, length) \
                    or _reported(text, start) \
                    or (length == 1 and tuple(words[i:i + 2]) in HEDGE_PAIRS) \
                    or (length == 1 and _surprise_at_next(lexicon, text, toks, i)):
                i += length
                continue
            weight = sign * _modifier(looking, i, clause_starts[i]) * clause[i] * entry.weight
            hits.append(MoodHit(entry, weight, start + offset, end + offset, text[start:end]))
        i += length
    return hits


def hits_vector(hits: list[MoodHit]) -> np.ndarray:
    """Signed sum of the hits' mood weights (negated hits subtract)."""
    total = np.zeros(len(MOODS), dtype=np.float32)
    for hit in hits:
        total += hit.weight * hit.entry.moods
    return total
