"""Reviews: deciding which track each sentence is about (loading is in ``ingest``).

A review is about one track (``track`` given) or a whole album.  In an
album review, sentences naming a track are about that track; a following sentence
that opens with "it", "the track", "this piece" ... stays with it; other sentences about
the music are album-level and reach every track of the album at a lower weight;
sentences about the film, plot or actors rather than the music colour nothing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Sequence

from .tagger import sentences
from .text import normalise
from .titles import Mention, TitleIndex, find_mentions

ALBUM_WEIGHT = 0.35
CARRY_WEIGHT = 0.8
REFERRING = re.compile(r"\b(it|its|it's|it\u2019s|(the|this) (track|piece|song|cue|tune|"
                       r"composition|number|music))\b", re.IGNORECASE)
COMPARISON = re.compile(
    r"\b(shares?|sharing) (the same|a similar|its|the) (\w+ )?(concept|idea|mood|feel|feeling|"
    r"theme|atmosphere|motif|melody|spirit|dna)\b|\bpicks? up where\b|\b(continues|continuing|"
    r"reprises?|reprising|echoes|echoing|mirrors|mirroring|recalls|recalling|revisits|"
    r"revisiting)\b|\bcompanion (piece|track|cue) to\b|\b(similar|close|akin|kin) to\b|"
    r"\b(sounds|feels) (a lot |much |very )?like\b|\b(much|just|very much) like\b|"
    r"\blike\b.{0,60}\b(but|only|yet)\b", re.IGNORECASE)
OFFSET_CLAUSE = re.compile(r"\b(but|only|yet|though)\b", re.IGNORECASE)
PLURAL_SUBJECT = re.compile(r"\b(these|those|all the|both) (tracks|pieces|songs|cues)\b|"
                            r"\bthey\b", re.IGNORECASE)
MUSIC_WORDS = frozenset("music musical soundtrack score track tracks song songs chord chords "
                        "notes note melody melodies composition record album sound sounds "
                        "piano strings synth arpeggiated tempo rhythm harmony piece pieces "
                        "tune tunes listen listening ears cue cues beat beats".split())
PRONOUNS = frozenset({"they", "them", "their"})
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
    """A sentence (or part of one) of a review, the track rows it is about, its weight."""

    review: Review
    start: int
    end: int
    rows: tuple[int, ...]
    weight: float
    context: tuple[int, int] | None = None  # the whole sentence, when this is a part

    @property
    def text(self) -> str:
        return self.review.text[self.start:self.end]

    @property
    def sentence(self) -> str:
        start, end = self.context or (self.start, self.end)
        return self.review.text[start:end].strip()


@dataclass(frozen=True)
class Comparison:
    """A review's statement that one track is like another ("X shares the same concept
    with Y", "picks up where X left off", "like X but darker")."""

    subject: int
    other: int
    review: Review
    start: int
    end: int

    @property
    def sentence(self) -> str:
        return self.review.text[self.start:self.end].strip()


@dataclass
class Reading:
    passages: list[Passage]
    comparisons: list[Comparison]
    unresolved: bool = False
    #: where track titles stand in the text: their words name a track, they do not
    #: describe one ("Loneliness #3" is not evidence of loneliness)
    title_spans: list[tuple[int, int]] = field(default_factory=list)

    def outside_titles(self, start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in self.title_spans)

    def add_comparison(self, review: Review, start: int, end: int, sentence: str,
                       subject: int, other: int, offset: int | None) -> None:
        """Shared wording goes to both tracks; a "but darker" clause to the subject only."""
        self.comparisons.append(Comparison(subject, other, review, start, end))
        split = start + offset if offset is not None else end
        self.passages.append(Passage(review, start, split, (subject, other), 1.0,
                                     context=(start, end)))
        if offset is not None:
            self.passages.append(Passage(review, split, end, (subject,), 1.0,
                                         context=(start, end)))


def _continues(sentence: str, new_paragraph: bool) -> bool:
    """Does a sentence without a title go on about the last named track?

    Within a paragraph, yes unless it turns to several tracks ("these tracks", "they");
    across a paragraph break only when it refers back ("it", "the track", "the music").
    """
    if PLURAL_SUBJECT.search(sentence):
        return False
    return not new_paragraph or bool(REFERRING.match(sentence.lstrip("\"'\u201c ")))


def is_about_music(sentence: str, after_music: bool = False) -> bool:
    """False for sentences about the film, plot or actors and not the music.

    "they"/"them" count as the music when the sentence before was about the music
    ("... these tracks ... . The feelings they invoke suit the film").
    """
    words = set(normalise(sentence).split())
    if after_music and words & PRONOUNS:
        return True
    return not (words & FILM_WORDS) or bool(words & MUSIC_WORDS)


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

    @property
    def index(self) -> TitleIndex:
        """Title index of the whole catalog, built only if a review names a track."""
        if self._index is None:
            tracks = self.tracks
            self._index = TitleIndex([t.title for t in tracks], [t.artist for t in tracks],
                                     [t.popularity or 0.0 for t in tracks])
        return self._index

    def album_rows(self, album: str, artist: str | None = None) -> list[int]:
        rows = self.albums.get(normalise(album), [])
        if artist:
            rows = [r for r in rows if normalise(artist) in normalise(self.tracks[r].artist)]
        return rows

    def read(self, review: Review) -> Reading:
        """Which rows each sentence of ``review`` is about, and what it compares."""
        if review.track:
            query = f"{review.track} - {review.artist}" if review.artist else review.track
            row = self.index.resolve(query)
            if row is None:
                return Reading([], [], unresolved=True)
            album = self.album_rows(self.tracks[row].album) or [row]
            return self._read(review, album, default=(row,))
        if review.album:
            return self._read(review, self.album_rows(review.album, review.artist))
        return Reading([], [], unresolved=True)

    def passages(self, review: Review) -> list[Passage]:
        return self.read(review).passages

    def _read(self, review: Review, album: Sequence[int],
              default: tuple[int, ...] = ()) -> Reading:
        """Walk the sentences, keeping track of the subject; ``default`` is the subject of a
        single-track review (every sentence is about it unless it names another)."""
        titles = [self.tracks[r].title for r in album]
        reading = Reading([], [])
        subject, paragraph, after_music = default, 0, False
        for start, end in sentences(review.text):
            sentence = review.text[start:end]
            mentions = find_mentions(sentence, titles)
            reading.title_spans += [(start + m.start, start + m.end) for m in mentions]
            rows = tuple(dict.fromkeys(album[m.track] for m in mentions))
            new_paragraph = review.text.count("\n\n", 0, start) != paragraph
            paragraph = review.text.count("\n\n", 0, start)
            carried = subject if (default or (subject and _continues(sentence, new_paragraph))) \
                else ()
            comparison = _comparison(sentence, rows, carried)
            if comparison:
                reading.add_comparison(review, start, end, sentence, *comparison)
                subject = (comparison[0],)
            elif len(rows) > 1:
                reading.passages += _segments(review, start, end, mentions, album)
                subject = rows
            elif rows:
                reading.passages.append(Passage(review, start, end, rows, 1.0))
                subject = rows
            elif carried:
                weight = 1.0 if default else CARRY_WEIGHT
                reading.passages.append(Passage(review, start, end, carried, weight))
            else:
                subject = ()
                if album and is_about_music(sentence, after_music):
                    reading.passages.append(Passage(review, start, end, tuple(album),
                                                    ALBUM_WEIGHT))
            after_music = bool(rows or carried) or is_about_music(sentence, after_music)
        return reading


def _segments(review: Review, start: int, end: int, mentions: Sequence[Mention],
              album: Sequence[int]) -> list[Passage]:
    """Split a sentence naming several tracks: each part goes to the title it follows."""
    cuts = [start] + [start + m.start for m in mentions[1:]] + [end]
    return [Passage(review, a, b, (album[m.track],), 1.0, context=(start, end))
            for m, a, b in zip(mentions, cuts, cuts[1:])]


def _comparison(sentence: str, rows: tuple[int, ...],
                carried: tuple[int, ...]) -> tuple[int, int, int | None] | None:
    """(subject row, compared row, offset of a "but darker" clause) when the sentence
    asserts that two tracks are alike."""
    match = COMPARISON.search(sentence)
    if not match:
        return None
    if len(rows) >= 2:
        subject, other = rows[0], rows[1]
    elif len(rows) == 1 and carried and carried[0] != rows[0]:
        subject, other = carried[0], rows[0]
    else:
        return None
    offset = OFFSET_CLAUSE.search(sentence, match.start())
    return subject, other, offset.start() if offset else None
