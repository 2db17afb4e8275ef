"""Track titles: their variants, finding them in review text, and resolving seeds.

A title such as "Loneliness #3 (Night Talking)" is also known by shorter variants
("Loneliness #3"); "Song - 2011 Remaster" by "Song".  Variants are compared in the
normal form of :mod:`models.text`, so quotes, case, accents, punctuation and
contractions ("We Are All Leaving" / "We're All Leaving") do not matter.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Mapping, Sequence

from rapidfuzz import fuzz, process

from .text import QUOTE_CHARS, Token, fold, normalise, tokens

_BRACKETED = re.compile(r"\s*[\(\[][^\)\]]*[\)\]]")
_DASH_SUFFIX = re.compile(r"\s+[-\u2013\u2014]\s+.*$")
_FEAT = re.compile(r"\s+(?:feat\.?|ft\.?|featuring|with)\s+.*$", re.IGNORECASE)
_STOPWORDS = frozenset("a an and the of in on to is are we you i it my me at by for".split())


@lru_cache(maxsize=100_000)
def variants(title: str) -> tuple[str, ...]:
    """Normalised names a title may be referred to by, the full title first."""
    forms = [title, _BRACKETED.sub("", title), _DASH_SUFFIX.sub("", title),
             _FEAT.sub("", _DASH_SUFFIX.sub("", _BRACKETED.sub("", title)))]
    forms += [part for part in re.split(r"\s+/\s+", title) if part != title]
    out: list[str] = []
    for form in forms:
        norm = normalise(form)
        if norm and norm not in out:
            out.append(norm)
    return tuple(out)


@dataclass(frozen=True)
class Mention:
    """A place in a text that names a track."""

    track: int  # index into the candidate list given to find_mentions
    start: int
    end: int
    exact: bool  # the full title, not a shorter variant


def _closes_quote(text: str, end: int) -> bool:
    """A quote mark right after ``end`` (skipping ?!.,), and not a possessive "'s"."""
    j = end
    while j < len(text) and text[j] in "?!.,":
        j += 1
    if j >= len(text) or text[j] not in QUOTE_CHARS:
        return False
    return not (text[j + 1:j + 2] == "s" and not text[j + 2:j + 3].isalpha())


def _quoted(text: str, start: int, end: int) -> bool:
    """Is the span enclosed in quote marks ("'Is It Me?'", “On We March”)?"""
    return start > 0 and text[start - 1] in QUOTE_CHARS and _closes_quote(text, end)


#: what may stand before a title that labels its line: list numbers and bullets,
#: Markdown headings and emphasis ("1. ", "- ", "## ", "**")
_LINE_LEAD = re.compile(r"(?:^|\n)[ \t]*(?:\d{1,3}[.)][ \t]*|[-*\u2022#]+[ \t]*)?[*_]*[ \t]*$")
_LABEL_TAIL = re.compile(r"^[*_]*[ \t]*(?::|[-\u2013\u2014][ \t]|$|\n)")


def _labels_line(text: str, start: int, end: int) -> bool:
    """The title opens its line as a label or stands alone on it: "Sleepwalker: slow
    and gloomy", "1. Sleepwalker \u2013 gloomy", "## Sleepwalker", "**Sleepwalker**"."""
    if not text[start:start + 1].isupper():
        return False
    return bool(_LINE_LEAD.search(text[:start]) and _LABEL_TAIL.match(text[end:]))


def _is_marked(text: str, start: int, end: int) -> bool:
    """A single-word mention counts only when quoted, capitalised mid-sentence, or
    labelling its line."""
    if _quoted(text, start, end) or _heading(text, end) or _labels_line(text, start, end):
        return True
    if _in_quotes(text, start, end):
        return False  # '"Going Home"' names no track "Home"
    before = text[start - 1] if start > 0 else ""
    if (before and before in QUOTE_CHARS) or _closes_quote(text, end):
        return True  # one quote left out: 'Photograph\u201d is played'
    if not text[start:start + 1].isupper():
        return False
    prefix = text[:start].rstrip()
    return bool(prefix) and prefix[-1] not in ".!?\n"


def _in_quotes(text: str, start: int, end: int) -> bool:
    """Inside a longer quoted name (the title not quoted on its own): a quote opened
    before ``start`` on its line is still open, and one closes after ``end``."""
    line_start = text.rfind("\n", 0, start) + 1
    if sum(map(lambda i: _is_quote(text, i), range(line_start, start))) % 2 == 0:
        return False
    after = next((i for i in range(end, min(len(text), end + 60)) if _is_quote(text, i)
                  or text[i] == "\n"), None)
    return after is not None and text[after] != "\n"


def _is_quote(text: str, i: int) -> bool:
    """A quote mark, not an apostrophe inside a word ("band's", "don\u2019t")."""
    if text[i] not in QUOTE_CHARS:
        return False
    return not (0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum())


def _informative(words: Sequence[str]) -> bool:
    return any(w not in _STOPWORDS for w in words)


def find_mentions(text: str, titles: Sequence[str],
                  work_names: frozenset[str] = frozenset()) -> list[Mention]:
    """Mentions of any of ``titles`` in ``text``: longest match wins, no overlaps.

    A title made only of stopwords ("Is It Me?") counts only when quoted; a title that
    is also the name of the work (the album, film or game: ``work_names``, normalised)
    names the work unless it is quoted or a heading."""
    toks = tokens(text)
    words = [t.text for t in toks]
    candidates: list[tuple[int, int, int, bool]] = []  # (length, start token, track, exact)
    for track, title in enumerate(titles):
        for rank, variant in enumerate(variants(title)):
            vw = variant.split()
            plain = _informative(vw) and variant not in work_names  # no quotes needed
            for i in range(len(words) - len(vw) + 1):
                if words[i:i + len(vw)] == vw or _possessive(text, toks, words, i, vw):
                    end = _word_end(text, toks[i + len(vw) - 1])
                    if plain and _capitalised(text, toks[i:i + len(vw)], vw) or \
                            _needs_quotes_ok(text, toks[i].start, end, vw, variant,
                                             work_names):
                        candidates.append((len(vw), i, track, rank == 0))
    found = _non_overlapping(text, toks, candidates)
    return sorted([*found, *_misspelt(text, titles, found)], key=lambda m: m.start)


_POSSESSIVE = ("'s", "\u2019s")


def _possessive(text: str, toks: list[Token], words: list[str], i: int,
                vw: Sequence[str]) -> bool:
    """The title in the possessive ("Sleepwalker's strings" reads as "sleepwalkers")."""
    last = i + len(vw) - 1
    return words[i:last] == list(vw[:-1]) and words[last] == vw[-1] + "s" and \
        text[toks[last].end - 2:toks[last].end] in _POSSESSIVE


def _word_end(text: str, tok: Token) -> int:
    """Where a word ends, without a possessive "'s"."""
    return tok.end - 2 if text[tok.end - 2:tok.end] in _POSSESSIVE else tok.end


def _capitalised(text: str, toks: Sequence[Token], words: Sequence[str]) -> bool:
    """Unquoted, a title of one or two words is written as a name: its first word that
    is no stopword capitalised ("By the end of the album" does not name "The End");
    longer titles are found in any case ("some other places"), and so is every title
    in a text written all in lower case."""
    if len(words) > 2 or not any(ch.isupper() for ch in text):
        return True
    for tok, word in zip(toks, words):
        if word not in _STOPWORDS:
            first = text[tok.start:tok.start + 1]
            return first.isupper() or not first.isalpha()  # "#3", digits, other scripts
    return True


def _needs_quotes_ok(text: str, start: int, end: int, words: Sequence[str], variant: str,
                     work_names: frozenset[str]) -> bool:
    """A stopword-only title, the work's own name, or a title written in lower case
    counts when quoted (or a heading)."""
    if _quoted(text, start, end):
        return True
    return variant in work_names and _informative(words) and _heading(text, end)


def name_spans(text: str, names: Iterable[str]) -> list[tuple[int, int]]:
    """Where ``text`` says one of ``names`` (normalised): the album's or film's own name,
    which names the work and describes nothing."""
    folded = fold(text)
    names = [n for n in names if n and n.split()[0] in folded]
    if not names:
        return []
    toks = tokens(text)
    words = [t.text for t in toks]
    spans = []
    for name in names:
        nw = name.split()
        for i in range(len(words) - len(nw) + 1):
            if words[i:i + len(nw)] == nw:
                spans.append((toks[i].start, toks[i + len(nw) - 1].end))
    return spans


def _heading(text: str, end: int) -> bool:
    """The title stands alone on its line, followed by a colon ("Dirtmouth:")."""
    rest = text[end:].lstrip(" \t")
    return rest.startswith(":") and not rest[1:].split("\n", 1)[0].strip()


_QUOTED_SPAN = re.compile(r"[\"\u201c\u2018]([^\"\u201c\u201d\u2018\u2019\n]{3,60}?)"
                          r"[\"\u201d\u2019]")
FUZZY_QUOTED = 85.0


def _misspelt(text: str, titles: Sequence[str], found: Sequence[Mention]) -> list[Mention]:
    """Quoted names close to a title ("Nightfall" for "Nightcall"): reviews misspell."""
    if '"' not in text and "\u201c" not in text and "\u2018" not in text:
        return []
    out: list[Mention] = []
    for match in _QUOTED_SPAN.finditer(text):
        start, end = match.span(1)
        if any(m.start < end and start < m.end for m in found):
            continue
        norm = normalise(match.group(1))
        if len(norm) < 5:
            continue
        best = process.extractOne(norm, [v for t in titles for v in variants(t)[:1]],
                                  scorer=fuzz.ratio, score_cutoff=FUZZY_QUOTED)
        if best is not None:
            out.append(Mention(best[2], start, end, False))
    return out


def _non_overlapping(text: str, toks: list[Token],
                     candidates: list[tuple[int, int, int, bool]]) -> list[Mention]:
    taken: set[int] = set()
    found: list[Mention] = []
    # longest first; at one place, the full title before another title's shorter form
    for length, i, track, exact in sorted(candidates, key=lambda c: (-c[0], c[1], not c[3])):
        span = range(i, i + length)
        if taken.intersection(span):
            continue
        start, end = toks[i].start, _word_end(text, toks[i + length - 1])
        if length == 1 and not _is_marked(text, start, end):
            continue
        taken.update(span)
        found.append(Mention(track, start, end, exact))
    return sorted(found, key=lambda m: m.start)


@dataclass
class TitleIndex:
    """Seed resolution over (title, artist, popularity) rows.

    Order of preference: an exact title (or title variant) match, narrowed by artist
    when the query is "Title - Artist" or "Title by Artist"; then fuzzy matching.
    Ties go to the more popular track, then to the earlier row.
    """

    titles: Sequence[str]
    artists: Sequence[str]
    popularity: Sequence[float] = ()
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
                 norm_artists: Sequence[str], combined: Sequence[str]) -> "TitleIndex":
        """An index over parts computed ahead (by ``models.ranking.title_arrays``): what
        ``__post_init__`` would compute, so a new model version costs a worker no
        normalising of every title."""
        index = cls.__new__(cls)
        index.titles, index.artists, index.popularity = titles, artists, popularity
        index._exact, index._norm_titles, index._norm_artists = exact, norm_titles, norm_artists
        index._combined = combined
        return index

    def _pop(self, row: int) -> float:
        return float(self.popularity[row]) if len(self.popularity) > row else 0.0

    def _artist_matches(self, row: int, artist: str) -> bool:
        return fuzz.token_set_ratio(artist, self._norm_artists[row]) >= self.FUZZY_CUTOFF

    def _best(self, rows: Iterable[int], query: str) -> int | None:
        rows = list(rows)
        if not rows:
            return None
        return min(rows, key=lambda r: (self._norm_titles[r] != query, -self._pop(r), r))

    def _exact_rows(self, title: str, artist: str | None) -> list[int]:
        rows = self._exact.get(title, [])
        if artist is not None:
            rows = [r for r in rows if self._artist_matches(r, artist)]
        return rows

    def resolve(self, query: str) -> int | None:
        """The row a free-text seed names, or None when nothing matches well."""
        if not normalise(query):  # "?", "..." or an emoji: only the very same title
            same = [r for r, t in enumerate(self.titles) if t.strip() == query.strip()]
            return min(same, key=lambda r: (-self._pop(r), r)) if same else None
        for title, artist in _splits(query):
            row = self._best(self._exact_rows(title, artist), title)
            if row is not None:
                return row
        for title, artist in _splits(query):
            rows = [r for r, _ in self._fuzzy(title, limit=20, cutoff=self.FUZZY_CUTOFF)]
            if artist is not None:
                rows = [r for r in rows if self._artist_matches(r, artist)]
            if rows:
                return rows[0]
        return None

    def _fuzzy(self, title: str, *, limit: int, cutoff: float) -> list[tuple[int, float]]:
        hits = process.extract(title, self._norm_titles, scorer=fuzz.ratio, limit=limit,
                               score_cutoff=cutoff)
        return sorted(((row, score) for _, score, row in hits),
                      key=lambda h: (-h[1], -self._pop(h[0]), h[0]))

    def search(self, query: str, limit: int = 10) -> list[int]:
        """Rows whose title (or "title artist") resembles ``query``, best first."""
        norm = normalise(query)
        if not norm:
            return []
        exact = self._exact.get(norm, [])
        combined = self.__dict__.get("_combined") or [
            f"{t} {a}" for t, a in zip(self._norm_titles, self._norm_artists)]
        hits = process.extract(norm, combined, scorer=fuzz.WRatio, limit=limit * 3,
                               score_cutoff=60)
        ranked = sorted(hits, key=lambda h: (-h[1], -self._pop(h[2]), h[2]))
        out = list(dict.fromkeys([*sorted(exact, key=lambda r: -self._pop(r)),
                                  *(row for _, _, row in ranked)]))
        return out[:limit]


def _splits(query: str) -> list[tuple[str, str | None]]:
    """(title, artist) readings of a query: "Title - Artist", "Title by Artist", whole."""
    readings: list[tuple[str, str | None]] = []
    for sep in (r"\s+[-\u2013\u2014]\s+", r"\s+by\s+"):
        parts = re.split(sep, query, maxsplit=1, flags=re.IGNORECASE)
        if len(parts) == 2 and normalise(parts[0]) and normalise(parts[1]):
            readings.append((normalise(parts[0]), normalise(parts[1])))
    readings.append((normalise(query), None))
    return readings
