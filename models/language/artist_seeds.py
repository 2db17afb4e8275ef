"""Seeds typed as an artist and one of their titles with no separator between them
("Beatles Yesterday", "Dua Lipa Levitating", "Levitating Dua Lipa"), as people type
into a search box.

Taken only when the seed's words are exactly an artist of the catalog (but for a
leading "the") followed by a title of that artist, or the reverse, and only after the
seed as typed named no title (:class:`~.titles.TitleIndex` tries it after exact
titles): the split is a guess, said by the caller like a near spelling.
"""
from __future__ import annotations

from typing import Callable, Sequence

from .text import normalise
from .title_variants import ARTICLES

#: the most words of a seed read as an artist and a title
MAX_WORDS = 40


def artist_forms(artist: str) -> list[str]:
    """The normalised ``artist`` and, when it opens with an article, without it
    ("the beatles", "beatles")."""
    first, _, rest = artist.partition(" ")
    return [artist, rest] if first in ARTICLES and rest else [artist] if artist else []


def splits(query: str) -> list[tuple[str, str]]:
    """(artist, title) readings of a normalised ``query`` at each space: the artist's
    words first ("dua lipa" + "levitating"), then the title's ("levitating" + "dua
    lipa"); none for a seed longer than any artist and title (each reading is a lookup)."""
    words = query.split()
    cuts = range(1, len(words) if len(words) <= MAX_WORDS else 1)
    return [(" ".join(words[:i]), " ".join(words[i:])) for i in cuts] + \
        [(" ".join(words[i:]), " ".join(words[:i])) for i in cuts]


def artist_title(query: str, norm_artists: Sequence[str],
                 titled: Callable[[str], Sequence[int]]) -> tuple[list[int], str]:
    """The rows titled as one reading of ``query`` (normalised) by the artist it names,
    and that title; ([], "") when no reading names an artist and one of their titles.
    ``titled``: the rows that carry a title variant (a handful: no artist is indexed)."""
    for artist, title in splits(query):
        rows = [r for r in titled(title) if artist in artist_forms(norm_artists[r])]
        if rows:
            return rows, title
    return [], ""


class ArtistSeeds:
    """:class:`~.titles.TitleIndex`'s stage for such seeds (it has ``_exact``,
    ``_norm_artists`` and ``_best``)."""

    def _artist_match(self, query: str) -> int | None:
        """The title of the artist the seed also names ("Beatles Yesterday")."""
        rows, title = artist_title(normalise(query), self._norm_artists,  # type: ignore
                                   lambda t: self._exact.get(t, []))  # type: ignore
        return self._best(rows, title) if rows else None  # type: ignore

    def artist_rows(self, query: str) -> list[int]:
        """The rows by the artist ``query`` names whole (but for a leading "the"), the
        most popular first; [] when it names no artist of the catalog.  Read only for a
        seed that named no title: "Nova" asks for Nova's tracks, not for one of them."""
        norm = normalise(query)
        if not norm:
            return []
        rows = [r for r, artist in enumerate(self._norm_artists)  # type: ignore
                if norm in artist_forms(artist)]
        return sorted(rows, key=lambda r: (-self._pop(r), r))  # type: ignore
