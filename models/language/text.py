"""Text normalisation shared by title matching, seed resolution and mood tagging.

Titles and reviews are compared in one normal form: accents stripped, case folded,
curly quotes straightened, common English contractions expanded ("we're" -> "we are"),
"&" read as "and", letters joined by full stops read as one word ("P.Y.T." as "pyt", as
it is typed), a few abbreviations written out ("Mr." as "mister", "St." as "saint"), and
every other punctuation mark dropped.  Tokens keep the
character offsets of the original text so evidence can point back into it.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple, Sequence

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
                         "\u00ab": '"', "\u00bb": '"'})
_CONTRACTIONS = {
    "n't": ["not"], "'re": ["are"], "'m": ["am"], "'ll": ["will"], "'ve": ["have"],
    "'d": ["would"],
}
_WHOLE_WORD_CONTRACTIONS = {
    "let's": ["let", "us"], "it's": ["it", "is"], "that's": ["that", "is"],
    "there's": ["there", "is"], "what's": ["what", "is"], "he's": ["he", "is"],
    "she's": ["she", "is"], "who's": ["who", "is"], "where's": ["where", "is"],
    "here's": ["here", "is"], "can't": ["can", "not"], "won't": ["will", "not"],
    "ain't": ["is", "not"],
}
#: contractions typed without the apostrophe ("it doesnt feel sad", "Dont Look Back"):
#: only those that are no other word ("its", "lets", "ill", "were", "id" are)
_BARE_CONTRACTIONS = ({
    **{f"{stem}nt": [stem, "not"] for stem in "do does did is was are were has have had "
       "could would should must need".split()},
    "dont": ["do", "not"], "cant": ["can", "not"], "wont": ["will", "not"],
    "aint": ["is", "not"], "isnt": ["is", "not"], "im": ["i", "am"], "ive": ["i", "have"],
    "youre": ["you", "are"], "theyre": ["they", "are"], "thats": ["that", "is"],
    "theres": ["there", "is"], "whats": ["what", "is"]})
#: abbreviations written out, so "Mr. Brightside" is "Mister Brightside" and "Saint
#: Tropez" "St. Tropez" (whole words only; a street's "St." reads as "saint" too, on
#: both sides of a comparison alike)
_ABBREVIATIONS = {"mr": "mister", "dr": "doctor", "st": "saint", "mt": "mount",
                  "vs": "versus"}
_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*|&", re.UNICODE)
QUOTE_CHARS = "\"'\u2018\u2019\u201c\u201d\u00ab\u00bb"


class Token(NamedTuple):
    text: str   # normalised form
    start: int  # offset of the original word in the source text
    end: int


#: accents are dropped from letters of these scripts (Latin, Greek, Cyrillic, Armenian),
#: whose readers treat them as optional; elsewhere a mark is part of the letter
_FOLDED_BELOW = 0x0590


#: Latin letters that no accent stripping reaches, as people type them without a
#: keyboard for them ("Allt vard hljott" for "Allt varð hljótt", "Borns" for "BØRNS")
_LETTERS = str.maketrans({"ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "æ": "ae", "Æ": "Ae",
                          "ø": "o", "Ø": "O", "œ": "oe", "Œ": "Oe", "ł": "l", "Ł": "L",
                          "đ": "d", "Đ": "D", "ħ": "h", "Ħ": "H", "ı": "i"})


_LETTERS_RUN = re.compile(r"[^\W\d_]{2,}")


def without_capitals(text: str) -> bool:
    """Written without capitals: no word has a capital initial, though a few words may be
    shouted in capitals ("WHY did nobody warn me about concrete angels")."""
    return not any(w[0].isupper() and w[1].islower() for w in _LETTERS_RUN.findall(text))


#: an all-capitals text: this share of its letter-words shouted, and at least this many
#: of them ("WHY did nobody warn me" is one shouted word in an ordinary sentence)
_SHOUTED_SHARE = 0.8
_SHOUTED_WORDS = 12


def in_capitals(text: str) -> bool:
    """Written all in capitals (a telegram: "ARRIVED LONDON STOP"), perhaps under a short
    introduction in ordinary case; capitals then say nothing about names or titles."""
    words = _LETTERS_RUN.findall(text)
    shouted = sum(w.isupper() for w in words)
    return shouted >= _SHOUTED_WORDS and shouted >= _SHOUTED_SHARE * len(words)


def read_case(text: str) -> str:
    """``text`` as it is read: an all-capitals text in lower case, letter for letter (a
    letter whose lower case is longer stays, so every offset still points into ``text``)."""
    if not in_capitals(text):
        return text
    return "".join(c if len(low := c.lower()) != 1 else low for c in text)


def fold(text: str) -> str:
    """Strip accents, straighten quotes and case-fold, keeping punctuation."""
    if text.isascii():  # no quote, letter or accent to change: only the case
        return text.casefold()
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES).translate(_LETTERS))
    kept: list[str] = []
    base = " "
    for ch in text:
        if unicodedata.combining(ch):
            if ord(base) < _FOLDED_BELOW:
                continue
        else:
            base = ch
        kept.append(ch)
    return "".join(kept).casefold()


def _expand(word: str, bare: bool, short: bool = True) -> list[str]:
    if short and word in _ABBREVIATIONS:
        return [_ABBREVIATIONS[word]]
    if word in _WHOLE_WORD_CONTRACTIONS:
        return _WHOLE_WORD_CONTRACTIONS[word]
    if bare and word in _BARE_CONTRACTIONS:
        return _BARE_CONTRACTIONS[word]
    for suffix, expansion in _CONTRACTIONS.items():
        if word.endswith(suffix) and len(word) > len(suffix):
            return [word[: -len(suffix)], *expansion]
    if word == "&":
        return ["and"]
    return [word.replace("'", "")]


@lru_cache(maxsize=200_000)
def _word_forms(word: str, bare: bool = True, short: bool = True) -> tuple[str, ...]:
    """The normalised token(s) one raw word stands for (memoised: words repeat a lot)."""
    return tuple(piece for piece in _expand(fold(word), bare, short) if piece)


def tokens(text: str, *, bare_contractions: bool = True,
           short_forms: bool = True) -> list[Token]:
    """Normalised word tokens of ``text`` with offsets of the original words.

    Offsets come from the match in the quote-straightened text, which has the same
    length as the original, so they index the original string.  ``bare_contractions``:
    read "dont" as "do not", as "don't" is; ``short_forms``: read "P.Y.T." as "pyt" and
    "Mr." as "mister" (see :func:`normalise`).
    """
    return list(_tokens(text, bare_contractions, short_forms))


@lru_cache(maxsize=4096)
def _tokens(text: str, bare_contractions: bool, short_forms: bool) -> tuple[Token, ...]:
    """:func:`tokens`, memoised: a sentence is tokenised by the title finder, the
    tagger and the rules between, and every title is normalised once per sentence."""
    straight = text.translate(_QUOTES)
    spans = _word_spans(straight)
    out: list[Token] = []
    for start, end, letters in _dotted(straight, spans) if short_forms else \
            ((start, end, "") for start, end in spans):
        if letters:  # "P.Y.T.": one word, spelt as its letters
            out.append(Token(fold(letters), start, end))
            continue
        out += [Token(piece, start, end)
                for piece in _word_forms(straight[start:end], bare_contractions, short_forms)]
    return tuple(out)


def word_places(words: Sequence[str]) -> dict[str, list[int]]:
    """Where each word stands in ``words``, in order (an index built once per text)."""
    places: dict[str, list[int]] = {}
    for i, word in enumerate(words):
        places.setdefault(word, []).append(i)
    return places


def _dotted(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """``spans`` with each run of two or more single letters joined by full stops
    ("P.Y.T.", "R.E.M", not "J. Cole") as one span, with its letters: (start, end,
    letters), letters "" for any other span."""
    if not any(end - start == 1 and text[end:end + 1] == "." for start, end in spans):
        return [(start, end, "") for start, end in spans]  # no one letter before a stop
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(spans):
        j = i
        while j + 1 < len(spans) and _one_letter(text, spans[j]) \
                and _one_letter(text, spans[j + 1]) and text[spans[j][1]] == "." \
                and spans[j + 1][0] == spans[j][1] + 1:
            j += 1
        letters = "".join(text[a:b] for a, b in spans[i:j + 1]) if j > i else ""
        out.append((spans[i][0], spans[j][1], letters))
        i = j + 1
    return out


def _one_letter(text: str, span: tuple[int, int]) -> bool:
    return span[1] - span[0] == 1 and text[span[0]].isalpha()


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch)[0] == "M"


def _word_spans(text: str) -> list[tuple[int, int]]:
    """Where the words are: the regex's matches, with the marks that belong to them
    (Devanagari vowel signs and viramas are no word characters to ``re``, so "दिल"
    would fall apart into "द" and "ल")."""
    if text.isascii():  # no marks to join
        return [match.span() for match in _TOKEN.finditer(text)]
    spans: list[tuple[int, int]] = []
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        if spans and spans[-1][1] == start and _is_mark(text[start - 1]):
            start = spans.pop()[0]  # the marks before this match joined the last word
        while end < len(text) and _is_mark(text[end]):
            end += 1
        spans.append((start, end))
    return spans


@lru_cache(maxsize=100_000)
def normalise(text: str, *, bare_contractions: bool = True, short_forms: bool = True) -> str:
    """The comparison form of a title or query: folded words joined by single spaces.
    ``bare_contractions=False``: "dont" stays a word of its own, as it was before such
    words were read as "do not"; ``short_forms=False``: "P.Y.T." stays "p y t" and "Mr."
    "mr", as they were before (both for what must not change: ids made from titles)."""
    return " ".join(t.text for t in tokens(text, bare_contractions=bare_contractions,
                                           short_forms=short_forms))


#: the normal form's edition: arrays of normalised titles made by another are stale
#: (2: letters joined by full stops are one word, abbreviations written out; no title
#: variant is a version note alone: "Radio Edit" of "X - Remix / Radio Edit")
NORMAL_FORM = 2


_BPM = re.compile(r"^([1-9]\d{1,2})(bpm)?$")
FAST_BPM, SLOW_BPM = 130, 80  # a stated tempo at or past these reads "fast" / "slow"
MUSIC_BPM = range(40, 251)  # outside it, a number before "bpm" is no tempo ("1,000 bpm")
NOT_A_TEMPO = frozenset({"heart", "pulse", "rate"})  # "my heart rate hit 160 bpm"


def tempo_words(words: list[str]) -> list[str]:
    """``words`` with a stated tempo ("160bpm", "70 bpm") read as "fast" or "slow"
    (a middling one as nothing), so a number says what a pace word would."""
    out = list(words)
    for i, word in enumerate(words):
        bpm = _BPM.match(word)
        if bpm is None or not (bpm.group(2) or words[i + 1:i + 2] == ["bpm"]):
            continue
        value = int(bpm.group(1))
        if value not in MUSIC_BPM or NOT_A_TEMPO & set(words[max(0, i - 4):i]):
            continue
        out[i] = "fast" if value >= FAST_BPM else "slow" if value <= SLOW_BPM else ""
    return out


#: what a draft marks deleted ("It is [deleted: angry] [inserted: restless]", "~~angry~~",
#: "<del>angry</del>"): no longer what the text says
STRUCK = re.compile(r"\[(?:deleted|removed|struck|struck out|cut)\s*:[^\]\n]*\]|"
                    r"~~[^~\n]+~~|<(del|s|strike)>[^<\n]*</\1>", re.IGNORECASE)


def without_struck(text: str) -> str:
    """``text`` with what a draft marks deleted blanked by spaces, so every offset stays."""
    return STRUCK.sub(lambda m: " " * len(m.group()), text)
