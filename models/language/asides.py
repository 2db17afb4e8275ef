"""Asides set off by commas, which a negation reaches past: "it is not, however, sad",
"it is not, whatever its title suggests, a party"."""
from __future__ import annotations

from .modifiers import CONTRAST_AFTER
from .text import Token

#: the words a negation must follow to reach past an aside: "it is not, whatever its
#: title suggests, a party" (not "believe it or not, ...", "if not, at times, ...")
ASIDE_VERBS = frozenset("is was are were be been being does did do feels felt sounds "
                        "sounded seems seemed".split())
#: the longest aside a negation reaches past ("not, whatever its title suggests, a party")
ASIDE_WORDS = 6


def without_asides(text: str, toks: list[Token], words: list[str]) -> list[str]:
    """``words`` with a contrast word set off by commas blanked: in "it is not, however,
    sad" the "not" still reaches "sad"; a negation right before an aside moves past it
    ("is not, whatever its title suggests, a party")."""
    out = list(words)
    for k in range(1, len(toks) - 1):
        if words[k] in CONTRAST_AFTER and "," in text[toks[k - 1].end:toks[k].start] \
                and "," in text[toks[k].end:toks[k + 1].start]:
            out[k] = ""
    for k in range(len(toks) - 1):
        end = _aside_end(text, toks, k) if words[k] in ("not", "never") and k > 0 \
            and words[k - 1] in ASIDE_VERBS else None
        if end is not None:
            out[k:end] = [""] * (end - k - 1) + [words[k]]
    return out


def _aside_end(text: str, toks: list[Token], k: int) -> int | None:
    """The index of the first token after a short aside set off by commas right after
    token ``k``, if there is one."""
    if "," not in text[toks[k].end:toks[k + 1].start]:
        return None
    for m in range(k + 2, min(len(toks), k + 2 + ASIDE_WORDS)):
        if "," in text[toks[m - 1].end:toks[m].start]:
            return m
    return None
