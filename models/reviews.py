"""Reviews: loading them, and deciding which track each sentence is about.

Two inputs: JSON Lines of ``{"text", "track"?, "album"?, "artist"?, "source"?}`` and a
plain-text review of a whole album (``--review FILE.txt --about-album TITLE``).  In an
album review, sentences naming a track are about that track; a following sentence
that opens with "it", "the track", "this piece" ... stays with it; other sentences about
the music are album-level and reach every track of the album at a lower weight;
sentences about the film, plot or actors rather than the music colour nothing.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from .catalog import Catalog, RowProblem
from .errors import CatalogError
from .tagger import sentences
from .text import normalise
from .titles import TitleIndex, find_mentions

ALBUM_WEIGHT = 0.35
CARRY_WEIGHT = 0.8
REFERRING = re.compile(r"\b(it|its|it's|it\u2019s|(the|this) (track|piece|song|cue|tune|"
                       r"composition|number|music))\b", re.IGNORECASE)
PLURAL_SUBJECT = re.compile(r"\b(these|those|all the|both) (tracks|pieces|songs|cues)\b|"
                            r"\bthey\b", re.IGNORECASE)
MUSIC_WORDS = frozenset("music musical soundtrack score track tracks song songs chord chords "
                        "notes note melody melodies composition record album sound sounds "
                        "piano strings synth arpeggiated tempo rhythm harmony piece pieces "
                        "tune tunes listen listening ears cue cues beat beats".split())
FILM_WORDS = frozenset("film movie films movies actor actors actress character characters plot "
                       "narrative scene scenes director cast voice-acting acting screenplay "
                       "story".split())


@dataclass(frozen=True)
class Review:
    text: str
    track: str | None = None
    album: str | None = None
    artist: str | None = None
    source: str = "review"


@dataclass(frozen=True)
class Passage:
    """A sentence of a review and the track rows it is about, with its weight."""

    review: Review
    start: int
    end: int
    rows: tuple[int, ...]
    weight: float

    @property
    def text(self) -> str:
        return self.review.text[self.start:self.end]


def load_review_jsonl(path: str | Path) -> tuple[list[Review], list[RowProblem]]:
    path = Path(path)
    if not path.is_file():
        raise CatalogError(f"{path}: no such review file")
    reviews, problems = [], []
    with path.open(encoding="utf-8", errors="replace") as handle:
        for line_no, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except ValueError:
                obj = None
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) \
                    or not obj["text"].strip():
                problems.append(RowProblem(str(path), line_no, "not a JSON object with "
                                                               "a non-empty \"text\""))
                continue
            reviews.append(Review(text=obj["text"], track=_opt(obj, "track"),
                                  album=_opt(obj, "album"), artist=_opt(obj, "artist"),
                                  source=_opt(obj, "source") or f"{path.name}:{line_no}"))
    return reviews, problems


def _opt(obj: dict, key: str) -> str | None:
    value = obj.get(key)
    return str(value).strip() or None if value is not None else None


def load_album_review(path: str | Path, album: str) -> Review:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise CatalogError(f"{path}: cannot read review ({exc.strerror})") from None
    if not text.strip():
        raise CatalogError(f"{path}: the review is empty")
    return Review(text=text, album=album, source=path.name)


def _continues(sentence: str, new_paragraph: bool) -> bool:
    """Does a sentence without a title go on about the last named track?

    Within a paragraph, yes unless it turns to several tracks ("these tracks", "they");
    across a paragraph break only when it refers back ("it", "the track", "the music").
    """
    if PLURAL_SUBJECT.search(sentence):
        return False
    return not new_paragraph or bool(REFERRING.match(sentence.lstrip("\"'\u201c ")))


def is_about_music(sentence: str) -> bool:
    """False for sentences about the film, plot or actors and not the music."""
    words = set(normalise(sentence).split())
    return not (words & FILM_WORDS) or bool(words & MUSIC_WORDS)


class ReviewLinker:
    """Finds which catalog rows each review sentence is about."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._index: TitleIndex | None = None
        self.albums: dict[str, list[int]] = {}
        for row, track in enumerate(catalog.tracks):
            if track.album:
                self.albums.setdefault(normalise(track.album), []).append(row)

    @property
    def index(self) -> TitleIndex:
        """Title index of the whole catalog, built only if a review names a track."""
        if self._index is None:
            tracks = self.catalog.tracks
            self._index = TitleIndex([t.title for t in tracks], [t.artist for t in tracks],
                                     [t.popularity or 0.0 for t in tracks])
        return self._index

    def album_rows(self, album: str, artist: str | None = None) -> list[int]:
        rows = self.albums.get(normalise(album), [])
        if artist:
            rows = [r for r in rows if normalise(artist) in normalise(self.catalog.tracks[r].artist)]
        return rows

    def passages(self, review: Review) -> list[Passage]:
        if review.track:
            query = f"{review.track} - {review.artist}" if review.artist else review.track
            row = self.index.resolve(query)
            rows = (row,) if row is not None else ()
            return [Passage(review, s, e, rows, 1.0) for s, e in sentences(review.text)] \
                if rows else []
        if review.album:
            return self._album_passages(review, self.album_rows(review.album, review.artist))
        return []

    def _album_passages(self, review: Review, album: Sequence[int]) -> list[Passage]:
        titles = [self.catalog.tracks[r].title for r in album]
        out: list[Passage] = []
        subject: tuple[int, ...] = ()
        paragraph = 0
        for start, end in sentences(review.text):
            sentence = review.text[start:end]
            mentioned = tuple(dict.fromkeys(album[m.track]
                                            for m in find_mentions(sentence, titles)))
            new_paragraph = review.text.count("\n\n", 0, start) != paragraph
            paragraph = review.text.count("\n\n", 0, start)
            if mentioned:
                subject = mentioned
                out.append(Passage(review, start, end, mentioned, 1.0))
            elif subject and _continues(sentence, new_paragraph):
                out.append(Passage(review, start, end, subject, CARRY_WEIGHT))
            else:
                subject = ()
                if album and is_about_music(sentence):
                    out.append(Passage(review, start, end, tuple(album), ALBUM_WEIGHT))
        return out
