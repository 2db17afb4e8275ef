"""Word forms the lexicon does not list, read through the forms it does.

A reviewer writes "melancholically", "quirkier", "moodily", "tranquility": none is a
headword, each is a regular derivation of one.  :func:`bases` undoes one common
English suffix (adverb -ly, comparative -ier/-est, noun -ness/-ity, plural -s,
adjective -y/-ic/-ful/-ous; never -less, which negates; not the verb endings -ed/-ing:
"reflected" is not "reflective"; not a bare "-er": "number" is not "numb"), with the
spelling changes it brings ("happier" -> "happy", "sadder" -> "sad", "eerily" ->
"eerie"); the lexicon looks the candidates up in order.

Word families (:func:`stem`, two suffixes deep) are wider and looser ("music" and
"musing" share one): only the offline lexicon builder (``bench/lexicon_build.py``)
uses them, and only for words whose VADER valence agrees with the family's entry.
Derivations that change the meaning ("terrific" is not "terrifying") are kept out by
the lexicon's ``not_derived`` list, which the builder fills from VADER valences.
"""
from __future__ import annotations

from functools import lru_cache

MIN_STEM = 4
SUFFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ically", ("ic", "ical")), ("ally", ("al", "")), ("ily", ("y", "ie")),
    ("ly", ("", "e", "le")), ("iness", ("y",)), ("ness", ("",)), ("ities", ("ity", "")),
    ("ity", ("", "e", "ous")), ("iest", ("y",)), ("ier", ("y",)), ("est", ("", "e")),
    ("er", ("e",)), ("ies", ("y",)), ("es", ("", "e")), ("s", ("",)),
    ("ful", ("",)), ("ous", ("", "e")), ("ic", ("y", "")),
    ("ie", ("",)), ("y", ("", "e")),
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
            if len(stem) >= MIN_STEM and stem[-1] == stem[-2] and stem[-1] not in "aeiouls":
                out.append(stem[:-1])  # "sadder" -> "sad", "bigger" -> "big"
    return out


@lru_cache(maxsize=50_000)
def bases(word: str, deep: bool = False) -> tuple[str, ...]:
    """Candidate base forms of ``word``, nearest first (not ``word`` itself): one
    suffix off, or (``deep``) up to two."""
    if len(word) < MIN_STEM + 2 or word in NOT_DERIVED or not word.isalpha():
        return ()
    first = _one_step(word)
    second = [b for f in first for b in _one_step(f)] if deep else []
    return tuple(dict.fromkeys(b for b in first + second if b != word))


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """The shortest base form of ``word``: words of one family share it
    ("melancholy", "melancholic", "melancholically" -> "melanchol")."""
    return min((word, *bases(word, deep=True)), key=len)


VOWELS = "aeiou"


def activity_forms(word: str) -> tuple[str, ...]:
    """The other forms of an activity word a request may use: the base of an "-ing"
    form ("running" -> "run", "hiking" -> "hike") or the "-ing" form of a base ("walk"
    -> "walking", "jog" -> "jogging").  Only the tag table's activity and occasion
    names are read this way (for words of reviews "-ing" changes the meaning too often:
    "moving" is not "move"); a candidate that is no word does no harm, nothing holds it."""
    if not word.isalpha() or len(word) < 3:
        return ()
    if word.endswith("ing") and len(word) >= 6:
        stem = word[:-3]
        undoubled = (stem[:-1],) if stem[-1] == stem[-2] and stem[-1] not in "ls" else ()
        return (*undoubled, stem + "e", stem)
    if word.endswith("e") and not word.endswith("ee"):
        return (word[:-1] + "ing",)
    short = len(word) <= 4 and word[-1] not in VOWELS + "wxy" and word[-2] in VOWELS \
        and word[-3] not in VOWELS
    return (word + word[-1] + "ing",) if short else (word + "ing",)
