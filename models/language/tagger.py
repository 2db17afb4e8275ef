"""Sentence-level mood tagging of free text with the project lexicon.

Reads one sentence at a time: finds lexicon words and phrases (longest first), skips
names, the reader's own feelings and words quoted from someone else, and weighs each
hit by the words around it (``modifiers.py``: negation, "un-" prefixes, intensifiers
and hedges, contrast, understatement).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable

import numpy as np

from .asides import without_asides
from .clauses import denied_in_list, withheld
from .denials import answered_no_at_end, denied_after
from .idioms import aimed_at, prose_idiom
from .modifiers import (ACHING, INWARD, NEGATION_WINDOW, NEGATORS, SURPRISE, UNDERSTATED,
                        clause_starts, clause_weights, modifier)
from .reported import reported_label
from .text import Token, tempo_words, tokens
from .vocabulary import MOODS, Entry, Lexicon, load_lexicon
from .word_uses import OBJECTS, not_a_mood

#: "kind of bleak": a hedge, not the mood word "kind"
HEDGE_PAIRS = frozenset({("kind", "of"), ("sort", "of")})
#: "calm your tense nerves", "eases the tension": the mood the music takes away
SOOTHING = frozenset("calm calms calmed calming soothe soothes soothed soothing ease eases "
                     "eased easing settle settles settled settling relieve relieves relieved "
                     "relieving dispel dispels dispelled quell quells quelled".split())
SOOTHING_OBJECTS = OBJECTS | {"my", "any", "all"}
PAUSES = ",;:.!?()\u2013\u2014-"
LINKING = frozenset("is was are were be been being stays stay stayed remains remain keeps "
                    "feels feel seems seem sounds sound looks grows".split())
SENTENCE_OPENERS = ".!?:;\"'(\u201c\u2018\n\u2013\u2014-"

@dataclass(frozen=True)
class MoodHit:
    """One mood-bearing phrase found in a text."""

    entry: Entry
    weight: float  # signed: negative when negated
    start: int
    end: int
    phrase: str


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
    """"surprisingly hopeful", "quietly devastating", "aching tenderness": the word only
    modifies the mood word right after it."""
    if toks[i].text not in SURPRISE | UNDERSTATED | ACHING or i + 1 >= len(toks) or \
            text[toks[i].end:toks[i + 1].start].strip():
        return False
    entry = lexicon.lookup((toks[i + 1].text,)) or lexicon.derive(toks[i + 1].text)
    return entry is not None and (toks[i].text in SURPRISE | ACHING or
                                  MOODS[int(entry.moods.argmax())] not in INWARD)


def _gap(text: str, toks: list[Token], i: int) -> str:
    """The text between token ``i`` and the next: "chills, the bad kind" has a comma."""
    return text[toks[i].end:toks[i + 1].start] if i + 1 < len(toks) else ""


def _soothed(text: str, toks: list[Token], words: list[str], i: int) -> bool:
    """The word is in the object of a soothing verb: "calm your tense nerves" says the
    music takes the tension away; not across punctuation ("out of the calm, the tense
    strings", "the storm eases, the lonely piano") or in "a soothing, tense cue"."""
    for j in range(max(0, i - 3), i):
        if j and words[j - 1] in LINKING:
            continue  # "the piano stays calm this tense night": an adjective
        if words[j] in SOOTHING and (words[j + 1] in SOOTHING_OBJECTS and j + 1 < i
                                     or j + 1 == i and words[j].endswith("s")):
            after_verb, rest = text[toks[j].end:toks[j + 1].start], \
                text[toks[j + 1].start:toks[i].start]  # "soothes the nervous, restless"
            return not any(ch in PAUSES for ch in after_verb) and \
                not any(ch in PAUSES and ch != "," for ch in rest)
    return False


#: words that report what someone else calls the music ('the press release calls it
#: "haunting"'): a quoted mood after them is theirs, not the reviewer's
REPORTED_BY = re.compile(r"(?<!\bi\s)(?<!\bwe\s)(?<!['\u2019]d\s)(?<!\bi've\s)"
                         r"\b(calls?|called|dubs?|dubbed|bills?|billed|labels?|labell?ed|"
                         r"touts?|touted|described|describes|promis(?:es|ed|ing)|"
                         r"claims?|claimed|claiming|named|titled|wrote|writes|written)\b"
                         r"(\s+(it|them|this|as))*\s+"
                         r"([\"\u201c][^\"\u201d]{0,60}|['\u2018](?![\d\s]|em\b|n['\u2019])"
                         r"[^'\u2019]{0,60})$", re.IGNORECASE)
#: the quotation closes after the word, or the sentence ends ('calls it "haunting."': the
#: closing quote follows the full stop): a stray quote that never closes opens none
_CLOSES = re.compile(r"^[^\"\u201d'\u2019]{0,80}([\"\u201d'\u2019](?!\w)|[.!?]?\s*$)")


def _reported(text: str, start: int) -> bool:
    """A quoted mood word someone else used: 'calls it "haunting"', 'billed as "epic"',
    'promising "songs of light and renewal"', 'a playlist called "Sleep Sounds"'."""
    lead = text[max(0, start - 100):start]
    return (bool(REPORTED_BY.search(lead)) or reported_label(text, start)) and \
        bool(_CLOSES.match(text[start:]))


#: negators of a quality, not of a thing: "not abrasive drone" is still a drone ("no
#: sad piano", "without pounding drums" are none)
QUALITY_NEGATORS = frozenset("not never hardly barely scarcely".split())
NP_BEFORE_NEGATION = 8
PREDICATE_WORDS = frozenset("is are was were be been being sounds sound feels feel seems "
                            "seem gets get becomes become remains stays".split())


def _head_of_denied(text: str, toks: list[Token], words: list[str], previous: MoodHit | None,
                    i: int, offset: int) -> bool:
    """The word right after a denied mood word, joined by a space only: the thing the
    denial describes ("a not abrasive drone"), not denied with it."""
    if previous is None or previous.weight >= 0 or i == 0 or \
            previous.end != toks[i - 1].end + offset or \
            text[toks[i - 1].end:toks[i].start] != " ":
        return False
    back = range(i - 2, max(-1, i - 2 - NEGATION_WINDOW), -1)
    j = next((k for k in back if words[k] in NEGATORS), None)
    # "not a gentle lullaby" denies the lullaby too; "not hauntingly beautiful" both
    if j is None or words[j] not in QUALITY_NEGATORS or previous.phrase.endswith("ly") or \
            set(words[j + 1:i - 1]) & {"a", "an", "the", "any", "some"}:
        return False
    # the denial inside a noun phrase ("a menacing but not abrasive drone"), not of the
    # predicate ("it is not dreamy ambient": not ambient either)
    for word in reversed(words[max(0, j - NP_BEFORE_NEGATION):j]):
        if word in PREDICATE_WORDS:
            return False
        if word in {"a", "an", "the", "its", "their", "his", "her", "this", "that"}:
            return True
    return False


def tag_text(text: str, lexicon: Lexicon | None = None, offset: int = 0,
             skip_names: bool = False,
             outside: Callable[[int, int], bool] | None = None,
             described: Callable[[int, int], bool] | None = None) -> list[MoodHit]:
    """Mood hits in ``text`` (one sentence, ideally); offsets shifted by ``offset``.
    ``skip_names``: capitalised words mid-sentence are names, not moods (for prose;
    tags and short notes keep them).  ``outside(start, end)``, when given, tells the
    words of the text from those of titles in it (offsets shifted): a title's words
    are neither moods nor modifiers ("No. 9" is tender, "Without You" is warm);
    ``described(start, end)``: the words of a title the text says its track is true to
    ("'Haunted Caverns' lives up to its name"), read although capitalised."""
    lexicon = lexicon or load_lexicon()
    toks = tokens(text)
    if outside is not None:
        toks = [t if outside(t.start + offset, t.end + offset) else t._replace(text="")
                for t in toks]
    words = tempo_words([t.text for t in toks])
    looking = without_asides(text, toks, words)
    clause = clause_weights(text, toks)
    starts = clause_starts(text, toks)
    statements = clause_starts(text, toks, ";:")  # no negation reaches past these
    hits: list[MoodHit] = []
    named_then_denied: set[int] = set()  # "relaxing is not one of them": denied outright
    negated_before: set[int] = set()  # "not sad": denied by the words before it
    i = 0
    while i < len(toks):
        entry, length, sign = None, 1, 1.0
        for n in range(min(lexicon.longest_from(words[i]), len(toks) - i), 0, -1):
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
            titled = described is not None and described(start + offset, end + offset)
            if not titled and (skip_names and _is_name(text, start) or _reported(text, start)) \
                    or not_a_mood(words, i, length, starts[i], _gap(text, toks, i)) \
                    or (skip_names and prose_idiom(words, i, length)) \
                    or (length == 1 and tuple(words[i:i + 2]) in HEDGE_PAIRS) \
                    or (length == 1 and _surprise_at_next(lexicon, text, toks, i)):
                i += length
                continue
            denied = denied_after(words, i, length) or answered_no_at_end(text, end) or \
                _soothed(text, toks, words, i)
            sign *= -1.0 if denied else 1.0
            weight = sign * modifier(looking, i, starts[i], statements[i]) * clause[i] * \
                entry.weight * (aimed_at(words, i) if skip_names else 1.0)
            if weight < 0 < sign and _head_of_denied(text, toks, words, hits[-1] if hits else None,
                                                    i, offset):
                weight = -weight
            if denied:
                named_then_denied.add(len(hits))
            elif weight < 0 < sign:
                negated_before.add(len(hits))
            hits.append(MoodHit(entry, weight, start + offset, end + offset, text[start:end]))
        i += length
    hits = withheld(denied_in_list(text, hits, negated_before, offset))
    return _denied_beside_affirmed(hits, named_then_denied)


def _denied_beside_affirmed(hits: list[MoodHit], outright: set[int]) -> list[MoodHit]:
    """"tender but not sentimental", "mournful without being maudlin": a denied word
    takes away only what the words affirmed beside it do not mainly say (not tender's own
    tenderness, which "sentimental" shares), so the pair is not read as nothing.  A word
    denied outright (``outright``: "relaxing is not one of them") takes away in full."""
    if all(hit.weight >= 0 for hit in hits):
        return hits  # nothing denied: nothing to take away
    affirmed = np.zeros(len(MOODS), dtype=np.float32)
    for hit in hits:
        if hit.weight > 0:  # its main moods only: "more wistful than sad" still denies sad
            main = hit.entry.moods >= 0.8 * hit.entry.moods.max()
            affirmed = np.maximum(affirmed, np.where(main, hit.entry.moods, 0))
    if not affirmed.any():
        return hits
    return [replace(h, entry=replace(h.entry, moods=np.clip(h.entry.moods - affirmed, 0, None)))
            if h.weight < 0 and k not in outright else h for k, h in enumerate(hits)]


def hits_vector(hits: list[MoodHit]) -> np.ndarray:
    """Signed sum of the hits' mood weights (negated hits subtract)."""
    total = np.zeros(len(MOODS), dtype=np.float32)
    for hit in hits:
        total += hit.weight * hit.entry.moods
    return total
