"""Title variants that begin with a seed's words: what names one title by its first
words ("Vibe" for "Vibe Ace") and what a search lists as titles the query opens."""
from __future__ import annotations

from bisect import bisect_left
from typing import Any, Mapping

#: titles a seed's first words may open and still be looked at (more: ambiguous)
PREFIX_KEYS = 50
#: shortest seed that may name a title by its first words
PREFIX_MIN_CHARS = 4


def variants_starting(exact: Mapping[str, Any], words: str, cache: dict[str, Any]) -> list[str]:
    """The keys of ``exact`` (title variants) that begin with the whole words ``words``
    (at most ``PREFIX_KEYS`` + 1 of them), in sorted order. ``cache``: where a plain
    dict's keys are kept sorted, once per index (stored variants come sorted)."""
    keys = getattr(exact, "sorted_keys", None)
    if keys is None:
        if "_sorted_keys" not in cache:
            cache["_sorted_keys"] = sorted(exact)
        keys = cache["_sorted_keys"]
    start = words + " "
    found = []
    for at in range(bisect_left(keys, start), len(keys)):
        key = keys[at]
        if not key.startswith(start) or len(found) > PREFIX_KEYS:
            break
        found.append(key)
    return found
