"""How much a typed search resembles a catalog's "title artist" strings.

``WRatio`` scores many strings holding one word of the query alike ("loneliness night
talking" gives 85.5 to "Let's Fall in Love for the Night" and to "Loneliness #3 (Night
Talking)"), and ties fell to popularity, so a track of one's own library (no
popularity) sank below fifty strangers. Ties of WRatio (to the whole point) are now
broken by ``token_set_ratio``, 100 for a string that holds *all* the query's words (46
for the first), then by popularity. WRatio stays the measure, so short queries and
typos ("lonely", "blindng lights") match as before; token_set alone would put a short
title whose words are all in a long query first ("22 Taylor Swift" for "love story
taylor swift live").

WRatio also scores a query against any stretch of a long string, across word
boundaries: "gymnopedie" gave 63 to "bitch lasagna pewdiepie". A loose match must
therefore hold one word of the query as a word of its own (spelt closely, typed in
part, or written as one with the next word).

"Spelt closely" is a typo's worth of edits for the word's length (none for three
letters, one up to seven, two beyond), transpositions counting one: a ratio of 75 let
"three" hold "the" (three of its letters) and listed "Hey Jude" by The Beatles. And a
query with a word that is no stopword must hold such a word, as a word that is no
stopword either: "the end" is not any title with "the" in it, nor "thee" one.
"""
from __future__ import annotations

import math
import os
import re
from typing import Sequence

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from .text import normalise
from .title_variants import STOPWORDS


def album_strings(norm_titles: Sequence[str], albums: Sequence[str]) -> list[str]:
    """Each track's album in normal form, or "" where it is the title (as a single's is)
    or unknown: what a search also compares the query with."""
    out = [normalise(album) if album else "" for album in albums]
    return [a if a != t else "" for a, t in zip(out, norm_titles)]


def film_music_forms(query: str) -> list[str]:
    """``query`` (normalised) and, when it names a film's music, the same with each
    other name for it: a score is sold as "Original Score", "Original Motion Picture
    Soundtrack" or "OST", and asked for by any of them ("her soundtrack" for "Her
    (Original Score)"). A bare "score" is not one ("The Score" is an album of songs)."""
    words = query.split()
    at = [i for i, w in enumerate(words) if w in FILM_MUSIC]
    if not at:
        return [query]
    return [query] + [" ".join(other if i in at else w for i, w in enumerate(words))
                      for other in FILM_MUSIC if other not in (words[i] for i in at)]


#: the names of a film's, series' or game's music, each compared in place of another
FILM_MUSIC = ("soundtrack", "original score", "ost")


def resembling(query: str, choices: Sequence[str], *, limit: int, cutoff: float,
               popularity: Sequence[float] = (), albums: Sequence[str] = ()) -> list[int]:
    """Indices of up to ``limit`` ``choices`` whose WRatio against ``query`` (both
    normalised), or their album's (``album_strings``), is at least ``cutoff`` (0-100),
    best first: WRatio to the whole point, then the share of the query's words held
    (token_set_ratio, with or without the album's words), then popularity. The album is scored
    apart: WRatio scores a short query lower against a long "title artist album" than
    against "title artist"."""
    if not choices:
        return []
    whole = process.cdist([query], choices, scorer=fuzz.WRatio, dtype=np.float32,
                          workers=1)[0]
    forms = film_music_forms(query) if len(albums) else [query]
    if len(albums):
        whole = np.maximum(whole, _album_scores(query, forms, albums, whole, cutoff))
    keep = np.flatnonzero(whole >= cutoff)
    words = _held(query, [choices[i] for i in keep])
    if len(albums):  # the album's words may hold more of the query's, never fewer
        choices = _WithAlbums(choices, albums)
        words = np.max([words, *(_held(form, [choices[i] for i in keep])
                                 for form in forms)], axis=0)
    pop = np.asarray(popularity, dtype=np.float64)[keep] if len(popularity) else \
        np.zeros(len(keep))
    order = np.lexsort((keep, -pop, -words, -np.round(whole[keep])))
    asked = _query_words(query)
    inside = [w for w in asked if len(w) >= 2 and _UNSPACED.search(w)]  # once a query
    found: list[int] = []
    for i in keep[order]:
        if _holds_a_word(asked, choices[i].split(), inside):
            found.append(int(i))
            if len(found) == limit:
                break
    return found


def _held(query: str, choices: list[str]) -> np.ndarray:
    """token_set_ratio of ``query`` against each of ``choices``."""
    return process.cdist([query], choices, scorer=fuzz.token_set_ratio, dtype=np.float32,
                         workers=1)[0] if choices else np.zeros(0)


def _album_scores(query: str, forms: list[str], albums: Sequence[str], whole: np.ndarray,
                  cutoff: float) -> np.ndarray:
    """The best WRatio of ``query``'s ``forms`` (``film_music_forms``) against each album,
    where the album could hold all of it (WRatio scores a string inside a longer one
    highly either way, and the album "Guy" is not what "bad guy billie" names), weighed
    down by ``ALBUM_WEIGHT``."""
    scores = process.cdist(forms, albums, scorer=fuzz.WRatio,
                           dtype=np.float32, workers=1).max(axis=0) * ALBUM_WEIGHT
    for i in np.flatnonzero((scores >= cutoff) & (scores > whole)):
        if len(albums[i]) < len(query):
            scores[i] = 0.0
    return scores


class _WithAlbums:
    """``choices[i]`` followed by its album's words, read only for the rows kept."""

    def __init__(self, choices: Sequence[str], albums: Sequence[str]) -> None:
        self.choices, self.albums = choices, albums

    def __getitem__(self, row: int) -> str:
        album = self.albums[row]
        return f"{self.choices[row]} {album}" if album else self.choices[row]


#: what an album's resemblance counts for against a title's or an artist's: as much
#: alike, the track titled or by the words typed comes first ("three": "Three Days
#: Grace" before the album "Three Cheers for Sweet Revenge")
ALBUM_WEIGHT = 0.9
#: words that only say a guest follows ("feat" or "with" for "ft"): no word of a title
GUEST_WORDS = frozenset({"feat", "ft", "featuring", "with"})
#: (shortest word length, edits allowed from it on) for a near spelling of a word: a
#: typo in "lonliness" or "blindng", not "the" for "three" nor "spray" for "sprawl"
WORD_TYPOS = ((8, 2), (4, 1), (0, 0))
#: letters of scripts written without spaces between words (Chinese, Japanese kana,
#: Thai, Lao, Khmer) and Korean, which writes compounds as one word ("강남스타일"; its
#: syllables are compared as their letters, jamo): in them a word of the query may stand
#: anywhere inside a title's "word"
#: a run of digits: a near spelling must hold the numbers of the title it spells
NUMBER = re.compile(r"\d+")
_UNSPACED = re.compile("[\u0e00-\u0eff\u1100-\u11ff\u1780-\u17ff\u3040-\u30ff"
                       "\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
#: above this many title variants a misspelt seed is checked against full titles only
SHORT_FORMS_MAX = 300_000
#: shortest seed whose near spelling of a title's short form counts as that title
SHORT_FORM_TYPO = 6
#: near spellings a title search lists before tracks that merely resemble the query
SPELT_SUGGESTIONS = 3
#: near spellings looked at for those, whatever the number of results asked for
SPELLING_POOL = 10
#: shortest typed start of a word that counts as that word ("lonel" for "loneliness")
WORD_START = 3
#: share of an asked word a title's word must open with to count as it ("lonely" for
#: "loneliness", "dreaming" for "dreams")
WORD_STEM = 0.6


def spelt_alike(typed: str, title: str) -> bool:
    """Whether ``title`` could be ``typed`` with typos (both normalised): one edit
    anywhere (a space moved too: "lifei s good"), else every word of either that is no
    stopword is spelt like a word of the other (a typo's worth of edits for its length,
    one in a word of three letters), like two of its adjacent words written together,
    or holds it ("star" in "blackstar"). A whole word replaced or added is another
    title: "everything now" is not "everything ok", nor "blinding light years"
    "blinding lights", however alike the letters of the whole."""
    if OSA.distance(typed.replace(" ", ""), title.replace(" ", ""), score_cutoff=1) <= 1:
        return True
    mine, theirs = typed.split(), title.split()
    return _spelt_in(mine, theirs) and _spelt_in(theirs, mine)


def _spelt_in(words: list[str], other: list[str]) -> bool:
    """Whether each of ``words`` that is no stopword has a near spelling in ``other``."""
    near = other + [a + b for a, b in zip(other, other[1:])]
    for word in words:
        if word in STOPWORDS or word in GUEST_WORDS or word in near:
            continue
        if process.extractOne(word, near, scorer=OSA.distance,
                              score_cutoff=len(word) // 2) is None \
                and not any(word in w for w in other):
            return False
    return True


def _query_words(query: str) -> list[str]:
    """The query's words worth aligning: those of three letters or more that are no
    stopword, else those of three letters or more, else all of them."""
    words = query.split()
    long = [w for w in words if len(w) >= WORD_START]
    return [w for w in long if w not in STOPWORDS] or long or words


def _typos(word: str) -> int:
    """Edits a near spelling of ``word`` may be off by."""
    return next(edits for length, edits in WORD_TYPOS if len(word) >= length)


def _holds_a_word(asked: list[str], words: list[str], inside: Sequence[str] = ()) -> bool:
    """Whether one asked word is spelt like one of ``words``, shares its stem, or is two
    adjacent ones written together ("hotlinebling"). A word that is no stopword is
    never taken for a stopword of the title ("them" or "thee" for "the"). An asked word
    of a script written without spaces (``inside``) may stand inside one of ``words``
    ("止まらない" in "愛が止まらない")."""
    if any(word in w for word in inside for w in words):
        return True
    pairs = [a + b for a, b in zip(words, words[1:])]
    content = [w for w in words if w not in STOPWORDS]
    for word in asked:
        near = words if word in STOPWORDS else content
        stem = max(WORD_START, math.ceil(WORD_STEM * len(word)))
        if any(len(os.path.commonprefix([word, w])) >= min(stem, len(word)) for w in near):
            return True
        if process.extractOne(word, near + pairs, scorer=OSA.distance,
                              score_cutoff=_typos(word)) is not None:
            return True
    return False
