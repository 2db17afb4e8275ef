"""Reviews: deciding which track each sentence is about (loading is in ``ingest``).

A review is about one track (``track`` given) or a whole album.  In an album review,
sentences naming a track are about that track (split between the titles when they
name several, see :mod:`scope`); a following sentence that opens with "it", "the
track", "this piece" ... stays with it, and so does a section under a heading that
names the track; other sentences about the music are album-level and reach every
track of the album at a lower weight; sentences about the film, plot or actors
rather than the music colour nothing.  The walk itself is in :mod:`walk`.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Sequence

from rapidfuzz import fuzz, process

from .reading import (
    ALBUM_WEIGHT,
    CARRY_WEIGHT,
    Comparison,
    Passage,
    Reading,
    Review,
    is_about_music,
)
from .text import normalise, read_case, without_struck
from .praise import without_verdicts
from .claims import without_statements_to_judge
from .complaints import without_reported_complaints
from .reported import without_answered_reports
from .retracted import without_retracted
from .answered_likeness import without_answered
from .answered_questions import with_answered_questions
from .sentences import with_turn_labels
from .title_variants import STOPWORDS
from .titles import TitleIndex, variants
from .walk import Walk

__all__ = ["ALBUM_WEIGHT", "CARRY_WEIGHT", "Comparison", "Passage", "Reading", "Review",
           "ReviewLinker", "is_about_music", "main_theme_row", "work_names"]


NEAR_ALBUM = 90.0
#: words an album's name carries for being a soundtrack, left out to find its bare name
_SOUNDTRACK_WORDS = re.compile(
    r"\b(original|motion|picture|video|game|tv|television|series|music|from|the|"
    r"soundtrack|score|ost|songs|inspired|by|deluxe|edition|expanded|remastered)\b")


def album_keys(album: str) -> set[str]:
    """Bare names of an album: its title variants without soundtrack words."""
    keys = set()
    for variant in variants(album):
        bare = " ".join(_SOUNDTRACK_WORDS.sub(" ", variant).split())
        keys |= {variant, bare} - {""}
    return keys


class ReviewLinker:
    """Finds which catalog rows each review sentence is about."""

    def __init__(self, tracks: Sequence[Any]) -> None:
        """``tracks``: objects with ``title``, ``artist``, ``album`` and ``popularity``."""
        self.tracks = tracks
        self._index: TitleIndex | None = None
        self.albums: dict[str, list[int]] = {}
        for row, track in enumerate(tracks):
            if track.album:
                self.albums.setdefault(normalise(track.album), []).append(row)
        self._album_keys: dict[str, set[str]] | None = None

    @property
    def index(self) -> TitleIndex:
        """Title index of the whole catalog, built only if a review names a track."""
        if self._index is None:
            tracks = self.tracks
            self._index = TitleIndex([t.title for t in tracks], [t.artist for t in tracks],
                                     [t.popularity or 0.0 for t in tracks])
        return self._index

    def album_rows(self, album: str, artist: str | None = None) -> list[int]:
        """Rows of the album a review names: exactly, else by its bare name ("Drive" for
        "Drive (Original Motion Picture Soundtrack)"), else by a near spelling
        ("Glass Harbor" for "Glass Harbour"), when only one album answers."""
        name = self._album_name(album)
        rows = self.albums.get(name, []) if name else []
        if artist:
            rows = [r for r in rows if normalise(artist) in normalise(self.tracks[r].artist)]
        return rows

    def _album_name(self, album: str) -> str | None:
        exact = normalise(album)
        if exact in self.albums:
            return exact
        if self._album_keys is None:
            self._album_keys = {}
            for name in self.albums:
                for key in album_keys(name):
                    self._album_keys.setdefault(key, set()).add(name)
        named = set().union(*(self._album_keys.get(k, set()) for k in album_keys(album)))
        if len(named) == 1:
            return named.pop()
        near = process.extract(exact, list(self.albums), scorer=fuzz.ratio, limit=2,
                               score_cutoff=NEAR_ALBUM)
        return near[0][0] if len(near) == 1 else None

    def read(self, review: Review) -> Reading:
        """Which rows each sentence of ``review`` is about, and what it compares."""
        if review.track:
            query = f"{review.track} - {review.artist}" if review.artist else review.track
            row = self.index.resolve(query)
            if row is None:
                return Reading([], [], unresolved=True)
            album = self.album_rows(self.tracks[row].album) or [row]
            return self._read(review, album, default=(row,))
        rows = self.album_rows(review.album, review.artist) if review.album else []
        if rows:
            return self._read(review, rows)
        return Reading([], [], unresolved=True)  # no track, or an album the catalog lacks

    def passages(self, review: Review) -> list[Passage]:
        return self.read(review).passages

    def _read(self, review: Review, album: Sequence[int],
              default: tuple[int, ...] = ()) -> Reading:
        """Walk the sentences, keeping track of the subject; ``default`` is the subject of a
        single-track review (every sentence is about it unless it names another)."""
        titles = [self.tracks[r].title for r in album]
        names = work_names(review, [self.tracks[r] for r in album])
        text = read_case(review.text)  # "1918 IS THE SADDEST THING STOP" as "1918 is ..."
        kept = with_answered_questions(with_turn_labels(without_struck(text)))
        if kept != review.text:  # a draft's deleted words; "Q." as "Q:"; "Sad? No." as "Sad, No."
            review = replace(review, text=kept)
        kept = without_statements_to_judge(without_answered_reports(review.text))
        kept = without_retracted(kept)  # "I called it tense last week; really it's calm"
        kept = without_reported_complaints(kept)  # "my mother says it is too angry"
        if (kept := without_verdicts(kept)) != review.text:
            review = replace(review, text=kept)  # "people call it romantic. It isn't"; "Lovely."
            # "True or false: 'A' is a sad song." is put to the reader
        walk = Walk(review, album, titles, names, default, main_theme_row(album, titles, names))
        # "'A' sounds like 'B'. It doesn't.": the walk's own sentences, not split again
        return without_answered(walk.run(), review.text, walk.layout.spans)


def work_names(review: Review, tracks: Sequence[Any]) -> frozenset[str]:
    """Normalised names of the work itself: the album, also without "(Original
    Soundtrack)" or an unbracketed "Original Soundtrack", "OST" at its end ("music for
    Hoshizora Courier" names the show of "Hoshizora Courier Original Soundtrack")."""
    names = {v for t in tracks if t.album for v in variants(t.album)}
    if review.album:
        names.update(variants(review.album))
    names |= {bare for n in names if (bare := MUSIC_OF_THE_WORK.sub("", n)) != n
              and set(bare.split()) - STOPWORDS}
    return frozenset(n for n in names if n)


#: the end of an album's name that says it is a film's, show's or game's music ("Original
#: Score", "Game Soundtrack", "OST"; not a bare "Score": "The Score" is an album)
_KIND = r"((motion\s+)?picture\s+|(video\s+)?game\s+|television\s+|tv\s+|series\s+|anime\s+)?"
MUSIC_OF_THE_WORK = re.compile(r"(?<=\w)\s+(the\s+)?(original\s+" + _KIND + r"(soundtrack|score)|"
                               + _KIND + r"(soundtrack|ost))$")


def main_theme_row(album: Sequence[int], titles: Sequence[str],
                   names: frozenset[str]) -> int | None:
    """The title track (named like the work) or a track called "Main Theme"; failing
    those, a track named like the work with an addition that is no other version of it
    ("Monsoon Letters (Theme)", not "Lantern (Reprise)"); failing those, "Main Title(s)",
    the cue a film score plays over its opening credits, where it states its theme."""
    for row, title in zip(album, titles):
        full = variants(title)[:1]  # none for a title of symbols only
        if (full and full[0] in names) or "main theme" in normalise(title):
            return row
    for row, title in zip(album, titles):
        if any(v in names for v in variants(title)[1:]) and \
                not ANOTHER_VERSION.search(normalise(title)):
            return row
    for row, title in zip(album, titles):
        if re.search(r"\bmain titles?\b", normalise(title)):
            return row
    return None


#: words that make a title named like the work another version of its title track
ANOTHER_VERSION = re.compile(r"\b(reprise|remix|mix|edit|version|live|demo|instrumental|"
                             r"acoustic|remaster(ed)?|extended|radio|dub|rework|interlude|"
                             r"outro|intro|part|pt|ii|iii|2|3|reprisal|redux|alternate|take)\b")
