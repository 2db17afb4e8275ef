"""Where a negation's reach ends in a sentence: at a new clause with its own subject and
verb ("It never gets loud, dread creeps in anyway": the dread is affirmed), but not inside
a list of moods ("not sad, gloomy or bleak": all three are denied).

English has no closed list of verbs, so a clause is told by the verbs music writing uses
most, in the present (with the plural's plain form: "strings carry it") and a few in the
past, after a word that can be their subject.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Protocol, Sequence, TypeVar

import numpy as np

#: auxiliaries and being: "No drums, tension is everything"
_AUXILIARIES = "is are was were has have had does do did will would can could may might must"
#: verbs of what music and moods do, in the plain form (each also read in "-s")
_PLAIN = ("come go build carry keep hang creep seep lurk sit run take hold make bring "
          "give fill rise grow swell loom linger hover settle spread stay remain return "
          "drive push pull grip seize arrive enter appear emerge do say feel sound seem "
          "sing play speak work break burst bloom glow shine soar drift float").split()
#: past forms: "No drums, dread crept in anyway"
_PAST = ("came went built carried kept hung crept seeped lurked sat ran took held made "
         "brought gave filled rose grew swelled loomed lingered hovered settled spread "
         "stayed remained returned drove pushed pulled gripped arrived entered appeared "
         "emerged did said felt sounded seemed sang played spoke worked broke burst "
         "bloomed glowed shone soared drifted floated").split()


def _third_person(verb: str) -> str:
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + ("es" if verb.endswith(("s", "sh", "ch", "x", "o")) else "s")


FINITE = frozenset(_AUXILIARIES.split() + _PLAIN + _PAST + [_third_person(v) for v in _PLAIN])
#: words that are no subject of the verb after them: "never swells, then soars", "not
#: loud, and builds", "no drums, just carries on" go on with the first clause's subject;
#: after a determiner or a preposition the word is a noun ("not sad, a work of art")
_NO_SUBJECT = frozenset("and or nor then just only also but yet so still even barely "
                        "hardly never not no a an the this that its his her their my your "
                        "our some any every of in with for to by".split())
#: how far into a clause its verb is looked for (a subject of a few words: "the low
#: strings carry", "a quiet dread creeps")
VERB_REACH = 5


def own_verb(words: list[str], first: int, last: int) -> bool:
    """Whether the clause starting at ``words[first]`` has a subject and a finite verb by
    ``words[last]`` (or the word after it): "tension comes from the strings", "cellos
    carry a quiet dread" (not "shimmers or soars": a verb with no subject of its own)."""
    stop = min(len(words), last + 2, first + VERB_REACH + 1)
    return any(words[v] in FINITE and words[v - 1] not in _NO_SUBJECT
               and not words[v - 1].endswith("ly") for v in range(first + 1, stop))


#: between two moods of one list: commas, "or"/"nor", and words of the list that are no
#: mood ("not loud, brash or joyful")
_LIST_GAP = re.compile(r"^(\s*,\s*[a-z][a-z-]*)*\s*(,\s*(or|nor)?|,?\s+(or|nor))\s+$"
                       r"|^\s*,\s*$")
_CLOSING = re.compile(r"\b(or|nor)\s+$")


def list_chains(text: str, spans: list[tuple[int, int]]) -> list[list[int]]:
    """Runs of mood words (``spans``: their offsets in ``text``, in order) that make one
    list: neighbours joined by commas and closed by "or"/"nor" ("sad, gloomy or bleak");
    a run joined by commas alone is no list ("not sad, hopeful")."""
    chains: list[list[int]] = []
    run = [0] if spans else []
    for k in range(1, len(spans)):
        if _LIST_GAP.match(text[spans[k - 1][1]:spans[k][0]]):
            run.append(k)
            continue
        chains.append(run)
        run = [k]
    if run:
        chains.append(run)
    return [c for c in chains if len(c) > 1 and any(
        _CLOSING.search(text[spans[a][1]:spans[b][0]]) for a, b in zip(c, c[1:]))]


class _Hit(Protocol):
    start: int
    end: int
    weight: float


H = TypeVar("H", bound=_Hit)


def denied_in_list(text: str, hits: Sequence[H], negated: set[int], offset: int) -> list[H]:
    """"not sad, gloomy or bleak", "never loud, brash or angry": a negation reaches every
    mood of the list its first denied mood opens, however long.  ``hits``: the moods of
    ``text`` in order (offsets shifted by ``offset``); ``negated``: those denied by the
    words before them."""
    spans = [(h.start - offset, h.end - offset) for h in hits]
    out = list(hits)
    for chain in list_chains(text, spans):
        first = next((k for k in chain if k in negated), None)
        for k in chain if first is not None else ():
            if k > first and out[k].weight > 0:
                out[k] = replace(out[k], weight=-out[k].weight)
    return out


class _Mooded(_Hit, Protocol):
    entry: Any


M = TypeVar("M", bound=_Mooded)
MAIN_SHARE = 0.8  # of a word's strongest mood: its main moods ("slow" is peaceful and sad)


def _main(moods: np.ndarray) -> np.ndarray:
    return moods >= MAIN_SHARE * moods.max() if moods.max() > 0 else moods > 0


def withheld(hits: Sequence[M]) -> list[M]:
    """"Not sad exactly, more wistful: ... slower ... as the lockers empty": a mood the
    sentence denies by name is no side mood of its other words (wistful, slow and empty
    lean sad), though it stays the main mood of a word that mainly says it."""
    denied = np.zeros(0, dtype=bool)
    for hit in hits:
        if hit.weight < 0:
            main = _main(hit.entry.moods)
            denied = main if not denied.size else denied | main
    if not denied.any():
        return list(hits)
    return [replace(h, entry=replace(h.entry, moods=np.where(
        denied & ~_main(h.entry.moods), 0, h.entry.moods).astype(h.entry.moods.dtype)))
        if h.weight > 0 and (denied & (h.entry.moods > 0) & ~_main(h.entry.moods)).any()
        else h for h in hits]
