"""Track titles: their variants, and resolving seeds (finding them in review text is
:mod:`mentions`).

A title such as "Loneliness #3 (Night Talking)" is also known by shorter variants
("Loneliness #3"); "Song - 2011 Remaster" by "Song".  Variants are compared in the
normal form of :mod:`models.text`, so quotes, case, accents, punctuation and
contractions ("We Are All Leaving" / "We're All Leaving") do not matter.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

from rapidfuzz import fuzz, process

from .artist_seeds import ArtistSeeds
from .resemblance import (SHORT_FORM_TYPO, SHORT_FORMS_MAX, SPELLING_POOL, SPELT_SUGGESTIONS,
                          NUMBER, album_strings, resembling, spelt_alike)
from .seed_readings import seed_readings as _raw_splits
from .seed_readings import normal_readings as _splits, numbered, numbering_forms
from .text import normalise
from .title_parts import SeedAlternatives, drops_part
from .title_prefixes import PREFIX_KEYS, PREFIX_MIN_CHARS, variants_starting
from .title_spelling import WrittenAlike
from .title_variants import STOPWORDS, article_forms, as_written, variants
from .versions import seed_base, sourceless_base, with_guests

@dataclass
class TitleIndex(ArtistSeeds, SeedAlternatives, WrittenAlike):
    """Seed resolution over (title, artist, popularity) rows.

    Order of preference: an exact title (or variant), narrowed by artist for "Title -
    Artist" or "Title by Artist"; then without the query's version words and guests
    ("Song - Radio Edit" names "Song"); then a near spelling; then the first words of one
    title ("Vibe" for "Vibe Ace"). Among several matches, the most popular one's artist,
    then its exact title before its versions, the more popular track, the earlier row."""

    titles: Sequence[str]
    artists: Sequence[str]
    popularity: Sequence[float] = ()
    albums: Sequence[str] = ()  # their words count in a search, not in resolving a seed
    _exact: dict[str, list[int]] = field(init=False, repr=False)
    _norm_titles: list[str] = field(init=False, repr=False)
    _norm_artists: list[str] = field(init=False, repr=False)

    FUZZY_CUTOFF = 85.0

    def __post_init__(self) -> None:
        self._exact = {}
        self._norm_titles = [normalise(t) for t in self.titles]
        self._norm_artists = [normalise(a) for a in self.artists]
        for row, title in enumerate(self.titles):
            for variant in variants(title):
                self._exact.setdefault(variant, []).append(row)

    @classmethod
    def prebuilt(cls, titles: Sequence[str], artists: Sequence[str], popularity: Sequence[float],
                 *, exact: Mapping[str, Sequence[int]], norm_titles: Sequence[str],
                 norm_artists: Sequence[str], combined: Sequence[str],
                 albums: Sequence[str] = ()) -> "TitleIndex":
        """An index over parts computed ahead (by ``models.ranking.title_arrays``): what
        ``__post_init__`` would compute, so a new model version costs a worker no
        normalising of every title."""
        index = cls.__new__(cls)
        index.titles, index.artists, index.popularity = titles, artists, popularity
        index._exact, index._norm_titles, index._norm_artists = exact, norm_titles, norm_artists
        index._combined, index.albums, index._albums = combined, (), albums
        return index

    def _pop(self, row: int) -> float:
        return float(self.popularity[row]) if len(self.popularity) > row else 0.0

    def _artist_matches(self, row: int, artist: str) -> bool:
        return fuzz.token_set_ratio(artist, self._norm_artists[row]) >= self.FUZZY_CUTOFF

    def _best(self, rows: Iterable[int], query: str, typed: str = "",
              raw: str = "") -> int | None:
        """The artist of the most popular match (the song most people mean: "Crazy In
        Love" is Beyoncé's "Crazy In Love (feat. Jay-Z)", not a lesser-known cover of
        that exact title), then that artist's exact title before its versions; first
        the titles ``raw`` spells exactly ("@ ME", not "ME": ``title_spelling``), then
        those spelt as ``typed`` (``as_written``: "Saint Tropez", not "St. Tropez")."""
        rows = list(rows)
        if not rows:
            return None
        # only versions of the very title typed compete by popularity: "Go" is not "Go
        # With The Flow", however popular (a guest tail's variant)
        same = [r for r in rows if self._norm_titles[r] == query
                or normalise(sourceless_base(self.titles[r])) == query] or rows
        same = self._as_typed(same, raw)
        if typed and len(same) > 1:
            same = [r for r in same if typed in as_written(str(self.titles[r]))] or same
        top = min(same, key=lambda r: (-self._pop(r), self._norm_titles[r] != query, r))
        mine = [r for r in same if self._norm_artists[r] == self._norm_artists[top]]
        return min(mine, key=lambda r: (self._norm_titles[r] != query, -self._pop(r), r))

    def _exact_rows(self, title: str, artist: str | None) -> list[int]:
        rows = self._exact.get(title, [])
        return rows if artist is None else self._by_artist(rows, artist)

    def _by_artist(self, rows: Iterable[int], artist: str) -> list[int]:
        """The ``rows`` whose artist the typed ``artist`` names, keeping only the ones
        spelt most like it: "by Ñejo" also matches "Ñejo & Dalmata", and "by Artist B"
        "Artist A", but the track by "Ñejo" itself, or by "Artist B", is the one meant."""
        matching = [r for r in rows if self._artist_matches(r, artist)]
        closeness = [fuzz.ratio(artist, self._norm_artists[r]) for r in matching]
        return [r for r, c in zip(matching, closeness) if c == max(closeness)]

    def resolve(self, query: str) -> int | None:
        """The row a free-text seed names, or None when nothing matches well."""
        return self.resolve_how(query)[0]

    def resolve_how(self, query: str) -> tuple[int | None, str]:
        """:meth:`resolve`'s row and how it was found: "exact" (the title, or a version
        of it), "spelling" (a near spelling: "Fur Elise" for "For Elise" may be another
        song), "article" (but for a leading article: "Hills"), "opening" (the one title
        it begins: "Sprawl II"), "guest" (without its "(with X)", X an artist of ours),
        "artist" (an artist and their title unseparated: "Beatles Yesterday"), "part"
        (the title of a piece one part of which is taken: "Jerusalem - Pt. 2"), "listed"
        (a track holding the part named with others: "Rain Again - Part I, II, & III" for
        "Rain Again Pt 2") or "alike" (the most popular of titles written alike, none as
        typed: "Me!!" for "ME")."""
        if not normalise(query):  # "?", "..." or an emoji: only the very same title
            same = self.wordless(query)
            return (same[0] if same else None), "exact"
        for stage in (self._exact_match, self._versionless_match, self._listed_part_match,
                      self._artist_match, self._article_match, self._spelt_match,
                      self._opening_match):
            if (row := stage(query)) is not None:
                how = _HOW.get(stage.__name__, "exact")  # a dropped "(with X)" only: a guest
                how = ("guest" if with_guests(query) else "exact") if how == "guest" else how
                how = "alike" if how == "exact" and self.written_alike(query, row) else how
                return row, "part" if how == "exact" and drops_part(query, self.titles[row]) \
                    else how
        return None, "exact"

    def _exact_match(self, query: str) -> int | None:
        readings = list(zip(_raw_splits(query), _splits(query)))
        if len(readings) > 1 and self.typed_whole(query):
            readings = readings[-1:]  # the whole query, last of the readings
        for (raw, _), (title, artist) in readings:
            for form in numbering_forms(title):  # "Sprawl 2" is "Sprawl II"
                row = self._best(self._exact_rows(form, artist), form,
                                 normalise(raw, short_forms=False), raw)
                if row is not None:
                    return row
        return None

    def _versionless_match(self, query: str) -> int | None:
        """The title a seed names with version words of its own ("Song (Live)", "Song -
        2011 Remaster" for a catalog's plain "Song"), before near spellings, which would
        take "Dose of You - Radio Edit" for "Shape of You - Radio Edit"."""
        for raw, artist in _raw_splits(query):
            title = normalise(seed_base(raw))
            if title and title != normalise(raw):
                rows = self._exact_rows(title, normalise(artist) if artist else None)
                row = self._best(rows, title)
                if row is not None and self._guests_known(raw, row):
                    return row
        return None

    def _guests_known(self, seed: str, row: int) -> bool:
        """Whether ``seed`` has no "(with X)", or one X is in ``row``'s title or an artist
        of the catalog: "(With Myself)" is part of a title, not a guest to drop."""
        if (guests := with_guests(seed)) and "_artists" not in self.__dict__:
            self.__dict__["_artists"] = set(self._norm_artists)
        return not guests or any(name in self.__dict__["_artists"]
                                 or name in self._norm_titles[row] for name in guests)

    def _article_match(self, query: str) -> int | None:
        """The title typed but for a leading article ("Hills" for "The Hills")."""
        for title, artist in _splits(query):
            for form in article_forms(title):
                if (row := self._best(self._exact_rows(form, artist), form)) is not None:
                    return row
        return None

    def _spelt_match(self, query: str) -> int | None:
        short: list[str] | None = None  # read once for every reading of the query
        for title, artist in _splits(query):
            # short forms only for queries long enough that one letter off is a typo,
            # not another word ("Babe" is not "Bae - KVR Remix")
            if len(title) >= SHORT_FORM_TYPO and short is None:
                short = self._short_forms()
            rows = [r for r, _ in self._fuzzy(
                title, limit=20, cutoff=self.FUZZY_CUTOFF,
                short=short if len(title) >= SHORT_FORM_TYPO else ())]
            if artist is not None:
                rows = self._by_artist(rows, artist)
            if rows:
                return rows[0]
        return None

    def _opening_match(self, query: str) -> int | None:
        for title, artist in numbered(_splits(query)):
            row = self._opened_by(title, artist)
            if row is not None:
                return row
        return None

    def _opened_by(self, words: str, artist: str | None) -> int | None:
        """The track whose title the query's words begin, when every title they begin
        (by ``artist``, when given) is a form of one title ("loneliness 3" and
        "loneliness 3 night talking"; "sugar plum fairy" and its live version); None
        for openings that several titles share ("love": "Love Me", "Love Me Tender")
        or that are short or stopwords only."""
        if len(words) < PREFIX_MIN_CHARS or set(words.split()) <= STOPWORDS:
            return None
        found = variants_starting(self._exact, words, self.__dict__)
        if len(found) > PREFIX_KEYS:
            return None
        rows = {key: set(hits) for key in found if (hits := self._exact_rows(key, artist))}
        if not rows:
            return None
        shortest = min(rows, key=lambda key: (len(key), key))
        if not set().union(*rows.values()) <= rows[shortest]:
            return None  # a track with another title starts so too
        return self._best(rows[shortest], shortest)

    def _fuzzy(self, title: str, *, limit: int, cutoff: float,
               short: Sequence[str] = ()) -> list[tuple[int, float]]:
        """Rows whose full title or one of the ``short`` forms of it ("Loneliness #3" for
        "Loneliness #3 (Night Talking)") is spelt close to ``title``, best first."""
        # (score, 1 when the match is the row's whole title): at one score the track
        # whose title it is comes first, as in exact matching ("Something" before
        # "Something - Remastered 2009"), then the more popular
        found: dict[int, tuple[float, int]] = {}
        if len(title) > self._longest() * (200.0 / cutoff - 1.0):
            return []  # longer than any title could be and still score ``cutoff``
        numbers = NUMBER.findall(title)  # a misspelling is in letters: numbers must match
        for name, score, row in process.extract(title, self._norm_titles, scorer=fuzz.ratio,
                                                limit=limit, score_cutoff=cutoff):
            if NUMBER.findall(name) == numbers and spelt_alike(title, name):
                found[row] = (score, 1)
        for key, score, _ in process.extract(title, short, scorer=fuzz.ratio, limit=limit,
                                             score_cutoff=cutoff):
            if NUMBER.findall(key) == numbers and spelt_alike(title, key):
                for row in self._exact.get(key, []):
                    found[row] = max(found.get(row, (0.0, 0)),
                                     (score, int(self._norm_titles[row] == key)))
        ranked = sorted(found.items(), key=lambda h: (-h[1][0], -h[1][1], -self._pop(h[0]),
                                                      h[0]))
        return [(row, score) for row, (score, _) in ranked[:limit]]

    def _longest(self) -> int:
        """The length of the longest title in normal form (a title's short forms are
        shorter), worked out once."""
        if "_longest_title" not in self.__dict__:
            self.__dict__["_longest_title"] = max(map(len, self._norm_titles), default=0)
        return self.__dict__["_longest_title"]

    def _short_forms(self) -> list[str]:
        """The title variants to spell-check against, read afresh (a worker keeps no
        second copy of them); none in catalogs too large to scan them per request."""
        return list(self._exact) if len(self._exact) <= SHORT_FORMS_MAX else []

    def search(self, query: str, limit: int = 10, loose: float = 60.0) -> list[int]:
        """Rows whose title (or "title artist") resembles ``query``, best first;
        ``loose``: the least resemblance (0-100) of the loosest matches, after exact
        titles, near spellings and titles the query opens.  A longer search begins with
        a shorter one's rows (the pages of ``GET /v1/tracks`` rely on it)."""
        norm = normalise(query)
        if not norm:
            return self.wordless(query)[:limit]
        exact = [row for form in numbering_forms(norm) for row in self._exact.get(form, [])]
        base = normalise(seed_base(query))
        versionless = self._exact.get(base, []) if base != norm else []
        # a fixed pool: the first rows of any longer search are the same (search pages)
        spelt = [row for row, _ in self._fuzzy(norm, limit=SPELLING_POOL,
                                               cutoff=self.FUZZY_CUTOFF,
                                               short=self._short_forms())] \
            if len(norm) >= SHORT_FORM_TYPO else []
        combined = self.__dict__.get("_combined") or [
            f"{t} {a}" for t, a in zip(self._norm_titles, self._norm_artists)]
        if "_albums" not in self.__dict__:  # normalised once per index
            self.__dict__["_albums"] = album_strings(self._norm_titles, self.albums)
        ranked = resembling(norm[:SEARCH_CHARS], combined, limit=limit * 3, cutoff=loose,
                            popularity=self.popularity, albums=self.__dict__["_albums"])
        opening = sorted({row for key in variants_starting(self._exact, norm, self.__dict__)
                          for row in self._exact.get(key, [])},
                         key=lambda r: (-self._pop(r), r)) \
            if len(norm) >= PREFIX_MIN_CHARS else []
        # the title itself first, then a few near spellings and titles it opens, then
        # looser resemblance
        out = list(dict.fromkeys([*sorted(exact, key=lambda r: -self._pop(r)),
                                  *sorted(versionless, key=lambda r: -self._pop(r)),
                                  *spelt[:SPELT_SUGGESTIONS], *opening[:SPELT_SUGGESTIONS],
                                  *ranked]))
        return out[:limit]


#: resolve_how's stages that are no exact match ("guest": only if a "(with X)" was dropped)
_HOW = {"_spelt_match": "spelling", "_opening_match": "opening", "_versionless_match": "guest",
        "_article_match": "article", "_artist_match": "artist", "_listed_part_match": "listed"}
#: characters of a search compared loosely with each "title artist" (none runs longer)
SEARCH_CHARS = 100
