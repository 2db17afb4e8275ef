"""Tracks a review likens take in part of each other's moods.

A track no passage describes on its own gets the album-level words (what a review says
of the whole album) in full, as a fallback.  Those words are no evidence of what that
track is like, and the subject has its own share of them already: a cheerful track that
"reuses the <title track> melody", the title track described nowhere on its own, takes
none of the album's mood through the likeness (it still takes the other's tags and audio).
"""
from __future__ import annotations

from typing import Iterable, Mapping, MutableMapping, Sequence

from ..language import Comparison, MoodAccumulator

COMPARISON_BLEND = 0.5  # share of a compared track's mood evidence the subject takes in

#: what the album-level passages of the reviews added to each track no passage describes
AlbumParts = MutableMapping[int, MoodAccumulator]


def numbers(acc: MoodAccumulator) -> MoodAccumulator:
    """The accumulator's sums alone (no evidence list), to take differences of."""
    return MoodAccumulator(acc.raw.copy(), acc.va_sum.copy(), acc.va_weight, acc.amount)


def _minus(acc: MoodAccumulator, part: MoodAccumulator) -> MoodAccumulator:
    return MoodAccumulator(acc.raw - part.raw, acc.va_sum - part.va_sum,
                           acc.va_weight - part.va_weight, max(0.0, acc.amount - part.amount),
                           sources=set(acc.sources))


def add_album_part(parts: AlbumParts, accs: Mapping[int, MoodAccumulator],
                   before: Mapping[int, MoodAccumulator], rows: Iterable[int]) -> None:
    """Note what ``accs`` gained since ``before`` (their :func:`numbers`) for ``rows``."""
    for row in rows:
        gained = _minus(accs[row], before[row])
        part = parts.setdefault(row, MoodAccumulator())
        part.absorb(gained, 1.0)


def blend(accs: Mapping[int, MoodAccumulator], comparisons: Sequence[Comparison],
          album_parts: Mapping[int, MoodAccumulator]) -> None:
    """A track said to be like another takes in part of the other's moods, never more
    than half as much as its own evidence (what it is said to be comes first), and
    nothing of the album-level fallback the other got (``album_parts``)."""
    before = {c.other: _minus(accs[c.other], album_parts[c.other])
              if c.other in album_parts else accs[c.other].copy() for c in comparisons}
    for c in comparisons:
        own, other = accs[c.subject].amount, before[c.other].amount
        weight = COMPARISON_BLEND if own == 0 or other == 0 else \
            COMPARISON_BLEND * min(1.0, own / other)
        accs[c.subject].absorb(before[c.other], weight)
