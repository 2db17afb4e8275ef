"""What a reading of a review is: passages (text spans and the track rows they are
about), comparisons, and the sentence-level judgements the reading uses (does a
sentence go on about the last track, is it about the music at all)."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from itertools import accumulate

from .text import normalise

ALBUM_WEIGHT = 0.35
CARRY_WEIGHT = 0.8
REFERRING = re.compile(r"\b(it|its|it's|it\u2019s|the latter|(the|this) (track|piece|song|cue|"
                       r"tune|composition|number|music))\b", re.IGNORECASE)
#: a sentence opening on the track that came before: "After 'A' it's a relief" is about
#: the track it refers back to, not A; "After that he played 'A' and it was fun" tells
#: when someone played A, and is about A
AFTER_TRACK = re.compile(r"^\W*((coming|right|just|straight) )?(after|following)\b"
                         r"(?![^,;:]*\b(he|she|they|we|i|you)\b)[^,;:]*$", re.IGNORECASE)
#: a sentence opening on a contrast with a title: "Unlike 'A', there's no release here"
#: goes on about the track before, though nothing in it refers back
OPENS_CONTRAST = re.compile(r"^\W*(unlike|in contrast to|as opposed to|compared (to|with))\b"
                            r"[^,;:]*$", re.IGNORECASE)
PLURAL_SUBJECT = re.compile(r"\b(these|those|all the|both) (tracks|pieces|songs|cues)\b|"
                            r"\bthey\b|^\W*(the rest|the remainder|everything else|the "
                            r"other (tracks|pieces|songs|cues))\b", re.IGNORECASE)
#: people a "they" after them refers to ("Players told us ..., and they were right: the
#: track is ..."), or the story whose people they are ("the one moment in the film where
#: you believe they'll make it"): not several tracks
PEOPLE = re.compile(r"\b(players|fans|listeners|people|critics|kids|children|friends|parents|"
                    r"audiences?|viewers|readers|gamers|users|folks|musicians|singers|"
                    r"film|movie|story|characters|heroes|crew|couple|lovers|residents|"
                    r"patients|participants|students|pupils|guests|dancers|clients|visitors|"
                    r"neighbou?rs|colleagues|members|patrons|customers|buyers|shoppers|"
                    r"passengers|tenants|teachers|reviewers|commenters)\b",
                    re.IGNORECASE)
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
    #: titles whose words the text says describe their track ("lives up to its name")
    described_titles: list[tuple[int, int]] = field(default_factory=list)

    def describes(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` lies in a title whose words describe its track."""
        return any(a <= start and end <= b for a, b in self.described_titles)

    def outside_titles(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps no title span (a bisection: a long review
        asks once per mood word)."""
        starts, reach = self._span_index()
        before = bisect_left(starts, end)  # the spans that start before ``end``
        return before == 0 or reach[before - 1] <= start

    def _span_index(self) -> tuple[list[int], list[int]]:
        """The title spans' starts, sorted, and the furthest end among each prefix."""
        cached = self.__dict__.get("_spans")
        if cached is None or cached[0] != len(self.title_spans):
            spans = sorted(self.title_spans)
            reach = list(accumulate((e for _, e in spans), max))
            cached = self.__dict__["_spans"] = (len(self.title_spans),
                                                [s for s, _ in spans], reach)
        return cached[1], cached[2]

    def add_comparison(self, review: Review, start: int, end: int, subject: int, other: int,
                       offset: int | None, passages: bool = True) -> None:
        """Shared wording goes to both tracks; a "but darker" clause to the subject only
        (``passages=False``: the sentence's passages are made elsewhere)."""
        self.comparisons.append(Comparison(subject, other, review, start, end))
        if not passages:
            return
        split = start + offset if offset is not None else end
        self.passages.append(Passage(review, start, split, (subject, other), 1.0,
                                     context=(start, end)))
        if offset is not None:
            self.passages.append(Passage(review, split, end, (subject,), 1.0,
                                         context=(start, end)))


#: "HOST: ...", "Priya: ...", "Q: ...": a speaker's turn in a transcript; in a chat log
#: after the time, a handle in any case ("[21:03] maya: ...", "21:03 <jules> ...")
SPEAKER = re.compile(r"^[ \t]*(?:([A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,2}):"
                     r"|[\[(]?\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*[AaPp][Mm])?[\])]?[ \t]+"
                     r"<?([\w.'\u2019-]+)(?:>|:))[ \t]+(?=\S)", re.MULTILINE)


#: a chat's message header on its own line: "grub - Today at 8:02 PM", "maya —
#: 11/29/2026 9:14 PM"; the lines under it are the message
CHAT_HEADER = re.compile(r"^[ \t]*[\w.'\u2019-]{2,32}[ \t]+[-\u2013\u2014][ \t]+"
                         r"(?:(?i:today|yesterday)|\d{1,2}/\d{1,2}/\d{2,4})(?:[ \t]+at)?[ \t]+"
                         r"\d{1,2}:\d{2}(?:[ \t]*[AaPp][Mm])?[ \t]*$", re.MULTILINE)


def chat_headers(text: str) -> list[tuple[int, int]]:
    """Spans of a chat log's message headers, when two or more open lines: no heading
    of a section and no sentence, so the conversation goes on about its track."""
    spans = [m.span() for m in CHAT_HEADER.finditer(text)]
    return spans if len(spans) >= 2 else []


#: a subtitle file's cue time: "00:04:41,000 --> 00:04:47,500"
SUBTITLE_TIME = re.compile(r"^[ \t]*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}[ \t]*-->[ \t]*"
                           r"\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}[^\n]*\n", re.MULTILINE)
#: a subtitle line that describes a sound, not a line spoken: "[♪ tense strings ♪]"
SOUND_CUE = ("[", "(", "\u266a", "\u266b", "#")


def subtitle_dialogue(text: str) -> list[tuple[int, int]]:
    """Spans of the spoken lines of a subtitle file (two or more cue times): the film's
    dialogue ("MARA: Stay for the summer."), which says nothing of the music, unlike its
    bracketed sound cues ('[♪ "Home?" plays: a lonely piano ♪]')."""
    times = list(SUBTITLE_TIME.finditer(text))
    if len(times) < 2:
        return []
    spans = []
    for match in times:
        end = text.find("\n\n", match.end())
        pos = match.end()
        for line in text[pos:len(text) if end < 0 else end].split("\n"):
            said = line.strip()
            if said and not said.startswith(SOUND_CUE) and "\u266a" not in said:
                spans.append((pos, pos + len(line)))
            pos += len(line) + 1
    return spans


def speakers(text: str) -> frozenset[str]:
    """The names that open two lines or more as "NAME: ...": the speakers of an
    interview or podcast transcript (a track-by-track "Title: ..." line opens one)."""
    counts = Counter(m.group(1) or m.group(2) for m in SPEAKER.finditer(text))
    return frozenset(name for name, count in counts.items() if count >= 2)


def opens_a_turn(sentence: str, names: frozenset[str]) -> bool:
    """A sentence opening a speaker's turn: it answers or asks about the track the
    conversation is on, as a sentence within a paragraph does."""
    match = SPEAKER.match(sentence)
    return bool(match and (match.group(1) or match.group(2)) in names)


def continues_subject(sentence: str, new_paragraph: bool) -> bool:
    """Does a sentence without a title go on about the last named track?

    Within a paragraph, yes unless it turns to several tracks ("these tracks", "they");
    across a paragraph break only when it refers back ("it", "the track", "the music").
    """
    plural = PLURAL_SUBJECT.search(sentence)
    if plural and not (plural.group().lower() == "they" and
                       PEOPLE.search(sentence, 0, plural.start())):
        return False
    return not new_paragraph or bool(REFERRING.match(sentence.lstrip("\"'\u201c ")))


#: a sentence whose subject is a track the catalog does not know: a quoted name of two
#: words or more in title case, alone or after "the bonus cut,", "the closer," ...
#: ('"Midnight Swim", the bonus cut, is ...', 'The closer, "Rain on the Window", is'),
#: or a track by number ("Track 5 is ...").  Quoted speech ('called it "Relentless"')
#: and people's names are no such subject.
OTHER_SUBJECT = re.compile(
    r"^\W*(?:(?i:then|next|meanwhile|later|elsewhere|finally|by contrast|in contrast)\W+)*"
    r"(?:(?i:the (?:\w+ ){0,2}(?:track|cut|cue|piece|song|closer|opener|finale|number)),?\s*)?"
    r"(?:[\"\u201c\u2018]([A-Z0-9][\w'\u2019]*(?:[ ,]+(?:[a-z]{1,4}|[A-Z0-9][\w'\u2019]*)){1,6})"
    r"[\"\u201d\u2019]|(?i:track|cue|song)\s+(?i:no\.?\s*)?\d+\b)")
#: a sentence about the film, show or game itself ("The film itself is a comedy")
FILM_SUBJECT = re.compile(r"^\W*(?:the|this|its) (?:\w+ )?(?:film|movie|show|series|game|"
                          r"plot|story|director|cast|screenplay)\b"
                          r"(?!(?:['\u2019]s)? (?:score|soundtrack|music|theme)\b)",
                          re.IGNORECASE)


def names_another_work(sentence: str, work_names: frozenset[str] = frozenset()) -> bool:
    """A sentence without a known title whose subject is some other named track: what
    it says belongs to neither the last track nor the album (the album's or film's own
    name, ``work_names``, normalised, is not another work)."""
    match = OTHER_SUBJECT.match(sentence)
    return bool(match) and not (match.group(1) and normalise(match.group(1)) in work_names)


def is_about_the_film(sentence: str) -> bool:
    """A sentence whose subject is the film, show or game, not its music."""
    return bool(FILM_SUBJECT.match(sentence))


def is_about_music(sentence: str, after_music: bool = False) -> bool:
    """False for sentences about the film, plot or actors and not the music.

    "they"/"them" count as the music when the sentence before was about the music
    ("... these tracks ... . The feelings they invoke suit the film").
    """
    words = set(normalise(sentence).split())
    if after_music and words & PRONOUNS:
        return True
    return not (words & FILM_WORDS) or bool(words & MUSIC_WORDS)
