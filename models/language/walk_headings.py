"""Headings, field lines and quoted lines: the lines that put what follows under a track.

A title alone on its line heads a section about its track; any other heading ends the
section; a list of title lines is a track list, no section.  A field line ("Palate:
tense") under a track says something of it, and so does a "Label: text" line (see
:mod:`labels`).  :class:`walk.Walk` holds the state these read.
"""
from __future__ import annotations

from typing import Sequence

from .headings import is_field, is_heading, is_title_line, label_end
from .labels import ALBUM, label_says
from .mentions import Mention
from .sentences import opens_line
from .title_lines import label_names
from .walk_layout import Layout, Sentence


class SectionHeadings:
    """Whether a sentence is a heading, and the section and subject a heading leaves."""

    album: Sequence[int]
    layout: Layout
    default: tuple[int, ...]
    subject: tuple[int, ...]
    section: tuple[int, ...]
    listing: bool

    def _is_heading(self, at: Sentence) -> bool:
        """The sentence is laid out as a heading, not a field line about the track."""
        # a title is a heading alone on its line, and so is a "Label: text" line but
        # right after a title on its line: "Tue 4 Nov. The Lamp Room. Dreamt ..." and
        # "Rx 5: Insomnia. Caution: may cause restlessness." go on about the track
        sentence, mentions, k, layout = at.text, at.mentions, at.k, self.layout
        alone = opens_line(layout.text, at.start + at.lead) or k in layout.stamped
        heading = not at.turn and (is_heading(sentence) and not label_names(
            sentence, [m.start for m in mentions], [m.end for m in mentions])
            and (alone or label_end(sentence) is None or not layout.found[k - 1])
            or is_title_line(sentence, mentions) and alone)
        return heading and not (self._field(sentence, mentions, at.new_paragraph)) \
            or k + 1 in layout.stamped  # a stamp opens a new entry, under no track yet

    def _heads_section(self, at: Sentence) -> bool:
        """A heading that says nothing itself sets the section for the lines under it."""
        # the last line heads nothing: a review's closing words without a full stop
        # ("It is sad and lonely") are a sentence
        spans = self.layout.spans
        if at.k + 1 >= len(spans) or self._labelled(at.text, at.mentions):
            return False
        nxt_line = self.layout.text[slice(*spans[at.k + 1])]
        listed = self.listing or is_heading(nxt_line) and not is_field(nxt_line)
        self.listing = bool(at.mentions)  # a title line: the next one may continue a list
        self._heading(at.text, [] if listed else at.mentions)
        return True

    def _field(self, sentence: str, mentions: list[Mention], new_paragraph: bool) -> bool:
        """A field line ("Palate: tense, then lonely.") right under the track being
        described (its heading, or a bullet naming it) says something of that track."""
        return not (mentions or new_paragraph or self.default) and \
            bool(self.section or len(self.subject) == 1) and is_field(sentence)

    def _labelled(self, sentence: str, mentions: list[Mention]) -> bool:
        """A "Label: text" line that says something (see :mod:`labels`); the album's
        line also ends the section and subject."""
        says = label_says(sentence, mentions)
        if says == ALBUM:
            self.subject, self.section = (), ()
        return says is not None

    def _heading(self, sentence: str, mentions: list[Mention]) -> None:
        """A heading that is a title puts the section under it; any other heading ends it,
        and so does a title in a list of headings (a track list is not a section)."""
        if is_title_line(sentence, mentions):
            self.section = self.subject = (self.album[mentions[0].track],)
        else:
            self.section, self.subject = (), self.default

    def _quoted(self, mentions: list[Mention]) -> None:
        """A quoted line of an email ("> 3M4 'Walking Home': Tilly and her nan") that
        names one track puts the reply under it in that track's section; one that names
        none or several ends the section."""
        rows = tuple(dict.fromkeys(self.album[m.track] for m in mentions))
        self.section = rows if len(rows) == 1 else ()
        self.subject = self.section or self.default
