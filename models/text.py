"""Text normalisation shared by title matching, seed resolution and mood tagging.

Titles and reviews are compared in one normal form: accents stripped, case folded,
curly quotes straightened, common English contractions expanded ("we're" -> "we are"),
"&" read as "and", and every other punctuation mark dropped.  Tokens keep the
character offsets of the original text so evidence can point back into it.
"""
from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

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
_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*|&", re.UNICODE)
QUOTE_CHARS = "\"'\u2018\u2019\u201c\u201d\u00ab\u00bb"


class Token(NamedTuple):
    text: str   # normalised form
    start: int  # offset of the original word in the source text
    end: int


def fold(text: str) -> str:
    """Strip accents, straighten quotes and case-fold, keeping punctuation."""
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.casefold()


def _expand(word: str) -> list[str]:
    if word in _WHOLE_WORD_CONTRACTIONS:
        return _WHOLE_WORD_CONTRACTIONS[word]
    for suffix, expansion in _CONTRACTIONS.items():
        if word.endswith(suffix) and len(word) > len(suffix):
            return [word[: -len(suffix)], *expansion]
    if word == "&":
        return ["and"]
    return [word.replace("'", "")]


def tokens(text: str) -> list[Token]:
    """Normalised word tokens of ``text`` with offsets into the original string.

    Folding never changes the length of an accented Latin letter by more than its
    combining marks, so offsets are computed on the original text token by token.
    """
    out: list[Token] = []
    straight = text.translate(_QUOTES)
    for match in _TOKEN.finditer(straight):
        for piece in _expand(fold(match.group())):
            if piece:
                out.append(Token(piece, match.start(), match.end()))
    return out


def normalise(text: str) -> str:
    """The comparison form of a title or query: folded words joined by single spaces."""
    return " ".join(t.text for t in tokens(text))
