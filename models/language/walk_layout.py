"""What the walk knows of a review before it reads a sentence, and of the sentence at hand.

:func:`layout_of` reads the whole text once: its sentences and the titles each names,
and the shape of the text (a transcript's turns, a chat's headers, a subtitle file's
dialogue, a log's timed lines, paragraph breaks ...) that decides how its sentences
join up.  :class:`Sentence` is what the steps of :class:`walk.Walk` learn of one
sentence and pass on to the next step.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Mapping, Sequence

from .log_lines import after_stamps, opens_a_note, timed_lines
from .mentions import Mention, find_mentions
from .openings import repeated_openings
from .reading import chat_headers, speakers, subtitle_dialogue
from .sentences import opens_line, sentences
from .text import without_capitals

#: a line quoted in an email reply ("> 3M1 'The Orchard Gate': I went for ..."); the
#: reply goes on under it, when a text quotes at least QUOTED_LINES lines
QUOTED_LINE = re.compile(r"^[ \t]*>", re.MULTILINE)
QUOTED_LINES = 2

Span = tuple[int, int]


@dataclass(frozen=True)
class Layout:
    """The sentences of one review, the titles each names, and the shape of the text."""

    text: str
    #: the sentences, as offsets into ``text``
    spans: tuple[Span, ...]
    #: the titles each sentence names, as found before the walk refines them
    found: tuple[list[Mention], ...]
    #: a review written without capitals: titles are found in any case
    caseless: bool
    #: a transcript's speakers: a new turn goes on about the track
    turns: frozenset[str]
    #: "grub - Today at 8:02 PM": the lines under a chat's header are a turn
    chat: tuple[Span, ...]
    #: a subtitle file's dialogue, not its sound cues
    spoken: tuple[Span, ...]
    #: "Velvet ... Velvet ...": sentences opening on the one-word title next to them
    repeated: frozenset[int]
    #: ends of the paragraph breaks, so counting those before a sentence is a bisection
    breaks: tuple[int, ...]
    #: replies under quoted lines ("> 3M1 ...")
    replying: bool
    #: a log's lines: "07:15 Nothing yet. Tern plays ..."
    timed: frozenset[int]
    #: "Move 22. Zugzwang. Every move ...": sentences after a stamp opening their line
    stamped: frozenset[int]

    def paragraph(self, start: int) -> int:
        """The paragraph the sentence at ``start`` is in (as text.count("\\n\\n", 0, start))."""
        return bisect_right(self.breaks, start)

    def opens_line(self, k: int, start: int) -> bool:
        """Sentence ``k`` opens its line, a log's note or an entry after a stamp."""
        return opens_line(self.text, start) or opens_a_note(self.text, start, self.timed) \
            or k in self.stamped

    def is_chat_header(self, start: int, end: int) -> bool:
        return any(a <= start and end <= b for a, b in self.chat)

    def is_dialogue(self, start: int, end: int) -> bool:
        return bool(self.spoken) and _within(self.spoken, start, end)


@dataclass
class Sentence:
    """One sentence as the walk's steps read it; they fill in what comes after ``lead``."""

    k: int
    start: int
    end: int
    text: str
    #: the subject before this sentence (what "it" in it may stand for)
    entering: tuple[int, ...]
    #: the spaces and line breaks before its first word
    lead: int
    #: it opens its line, a log's note or an entry after a stamp
    line_start: bool
    mentions: list[Mention] = field(default_factory=list)
    new_paragraph: bool = False
    #: it opens a speaker's turn ("GUEST: Oh, it's thrilling.") or a chat's message
    turn: bool = False
    rows: tuple[int, ...] = ()
    #: the subject the sentence goes on about when it names none
    carried: tuple[int, ...] = ()

    @property
    def trimmed_end(self) -> int:
        """Where the sentence ends, less trailing spaces."""
        return self.start + len(self.text.rstrip())


def layout_of(text: str, titles: Sequence[str], names: frozenset[str],
              one_word: Mapping[str, int]) -> Layout:
    """The layout of a review against its album's ``titles`` (``names``: the work's)."""
    spans = sentences(text)
    caseless = without_capitals(text)
    found = [find_mentions(text[s:e], titles, names, caseless=caseless) for s, e in spans]
    return Layout(
        text=text, spans=tuple(spans), found=tuple(found), caseless=caseless,
        turns=speakers(text), chat=tuple(chat_headers(text)),
        spoken=tuple(subtitle_dialogue(text)),
        repeated=frozenset(repeated_openings(text, spans, one_word)),
        breaks=tuple(m.end() for m in re.finditer("\n\n", text)),
        replying=len(QUOTED_LINE.findall(text)) >= QUOTED_LINES,
        timed=timed_lines(text), stamped=after_stamps(text, spans, found))


def _within(spans: Sequence[Span], start: int, end: int) -> bool:
    """``start`` and ``end`` each fall in one of ``spans`` (a sentence over two lines)."""
    return any(a <= start <= b for a, b in spans) and any(a <= end <= b for a, b in spans)
