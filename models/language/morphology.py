"""Word forms the lexicon does not list, read through the forms it does.

A reviewer writes "melancholically", "quirkier", "moodily", "tranquility": none is a
headword, each is a regular derivation of one.  :func:`bases` undoes the common
English suffixes (adverb -ly, comparative -er/-est, noun -ness/-ity, plural -s,
adjective -y/-ic; not the verb endings -ed/-ing: "reflected" is not "reflective"), one or two steps deep, with the spelling changes they bring
("happier" -> "happy", "sadder" -> "sad", "eerily" -> "eerie"); the lexicon looks
the candidates up in order.  Derivations that change the meaning ("terrific" is
not "terrifying") are kept out by the lexicon's ``not_derived`` list, which the
lexicon builder (``bench/lexicon_build.py``) fills from VADER valences.
"""
from __future__ import annotations

from functools import lru_cache

MIN_STEM = 3
SUFFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ically", ("ic", "ical")), ("ally", ("al", "")), ("ily", ("y", "ie")),
    ("ly", ("", "e", "le")), ("iness", ("y",)), ("ness", ("",)), ("ities", ("ity", "")),
    ("ity", ("", "e", "ous")), ("iest", ("y",)), ("ier", ("y",)), ("est", ("", "e")),
    ("er", ("", "e")), ("ies", ("y",)), ("es", ("", "e")), ("s", ("",)),
    ("ic", ("y", "")),
    ("y", ("", "e")),
)
#: frequent words that look derived but are not ("only", "early", "others")
NOT_DERIVED = frozenset("only early really likely lately rather family others things ones "
                        "unless less best rest latest least further either never over "
                        "series during nothing something everything always".split())


def _one_step(word: str) -> list[str]:
    out: list[str] = []
    for suffix, replacements in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            stem = word[: -len(suffix)]
            for rep in replacements:
                out.append(stem + rep)
            if len(stem) > MIN_STEM and stem[-1] == stem[-2] and stem[-1] not in "aeiouls":
                out.append(stem[:-1])  # "sadder" -> "sad", "bigger" -> "big"
    return out


@lru_cache(maxsize=50_000)
def bases(word: str) -> tuple[str, ...]:
    """Candidate base forms of ``word``, nearest first (not ``word`` itself)."""
    if len(word) < MIN_STEM + 2 or word in NOT_DERIVED or not word.isalpha():
        return ()
    first = _one_step(word)
    second = [b for f in first for b in _one_step(f)]
    return tuple(dict.fromkeys(b for b in first + second if b != word))
