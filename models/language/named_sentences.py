"""What a sentence that names tracks says of each, and how the walk records it.

The words of a sentence go to the title groups they are about (see :mod:`scope`); a
sentence that sets its subject against a track ("Unlike 'A', it is calm") stays the
subject's; a sentence in a one-track review that names another keeps the words before
that title for the reviewed track.  :class:`walk.Walk` holds the state these read.
"""
from __future__ import annotations

import re
from typing import Sequence

from . import comparisons as cmp
from .claims import claimed_by_others
from .denials import answered_no
from .kinship import denied_kin
from .mentions import Mention
from .other_names import outside
from .referents import referring_spans
from .reading import (AFTER_TRACK, CARRY_WEIGHT, OPENS_CONTRAST, REFERRING, Passage, Reading,
                      Review)
from .scope import CONTRASTED, DESCRIBES_OBJECT, DOES_THIS, groups, segments, title_end
from .text import QUOTE_CHARS
from .theme_names import theme_named
from .reuses import from_previous
from .suggestions import suggested
from .themes import Themes, title_theme_returns

APPOSITION = re.compile(r"^[\"'\u201d\u2019]?\s*[,(\u2013\u2014-]\s*(the|its|our) "
                        r"(main|central|title) (theme|motif)\b", re.IGNORECASE)


#: after a title the sentence is only contrasted with, at most a short aside or what of
#: it is missing: "The eeriest song here, and far from 'Honey Wine', thank goodness.",
#: "There is none of 'Slow Estuary''s sadness here." are about the track before
ENDS_ON_TITLE = re.compile(r"^[\"'\u201d\u2019]*(\s*,\s*[a-z][\w' ]{0,20}|['\u2019]s\s+[a-z]+"
                           r"(\s+(here|there|now))?)?\W*$")


class NamedSentences:
    """The passages and comparisons of the sentences that name tracks."""

    review: Review
    album: Sequence[int]
    titles: Sequence[str]
    reading: Reading
    default: tuple[int, ...]
    subject: tuple[int, ...]
    main_theme: int | None
    described: tuple[int, int] | None
    themes: Themes
    index: int
    cuts: list[tuple[int, int]]
    likened: tuple[int, int, int] | None
    asked: tuple[int, int] | None

    def _add(self, start: int, end: int, rows: tuple[int, ...], weight: float,
             context: tuple[int, int] | None = None) -> None:
        """A passage, less the words about another work's quoted name."""
        for a, b in outside(self.review.text, start, end, self.cuts):
            whole = context or (None if (a, b) == (start, end) else (start, end))
            self.reading.passages.append(Passage(self.review, a, b, rows, weight, whole))

    def _compare(self, start: int, end: int, found: cmp.Found) -> None:
        pair = (found.subject, found.other)
        if claimed_by_others(self.review.text[start:end]):
            return  # "The authors claim that 'B' quotes ...": theirs, not the review's
        if found.subject != found.other and all(
                (c.subject, c.other) != pair and (c.other, c.subject) != pair
                for c in self.reading.comparisons):
            self.reading.add_comparison(self.review, start, end, *pair, None, passages=False)

    def _anaphoric(self, start: int, end: int, sentence: str,
                   parts: Sequence[tuple[int, int, tuple[int, ...]]],
                   first_title: int | None = None) -> None:
        previous = self.subject if len(self.subject) == 1 else ()
        for found in cmp.anaphoric(sentence, parts, previous, self.main_theme, first_title):
            self._compare(start, end, found)

    def _theme_named(self, sentence: str, spans: Sequence[tuple[int, int, int]],
                     carried: tuple[int, ...]) -> list[cmp.Found]:
        return theme_named(sentence, spans, carried, self.album, self.titles,
                           self.review.album or "")  # a track's review may name no album

    def _about_default(self, start: int, end: int, sentence: str,
                       mentions: list[Mention]) -> None:
        """A review of one track that names another is still about its own track: the
        words before the other title, and after it when it is only compared against
        ("Unlike 'B', this one is warm"), are the reviewed track's; what describes the
        other ("the next track, 'B', is joyful") is the other's."""
        spans = [(m.start, m.end, self.album[m.track]) for m in mentions]
        found = cmp.explicit(sentence, spans, self.default)
        if found is not None and found.subject in self.default:
            self._compare(start, end, found)
        own: list = []  # stands for the reviewed track among the title groups
        for a, b, group in segments(sentence, mentions, subject=own):
            rows = self.default if group is own else \
                tuple(dict.fromkeys(self.album[m.track] for m in group))
            self._add(start + a, start + b, rows, 1.0, (start, end))

    def _named(self, start: int, end: int, sentence: str, mentions: list[Mention],
               rows: tuple[int, ...], carried: tuple[int, ...]) -> None:
        album = self.album
        kin = denied_kin(sentence, [(m.start, m.end, album[m.track]) for m in mentions])
        # "like a Gravel Road B-side and it isn't one": the track at hand keeps the words
        if kin and (kept := [m for m in mentions if album[m.track] not in kin]):
            mentions, rows = kept, tuple(dict.fromkeys(album[m.track] for m in kept))
        for m in mentions:
            if APPOSITION.match(sentence[m.end:]):
                self.main_theme = album[m.track]
        spans = [(m.start, m.end, album[m.track]) for m in mentions]
        carrying = self.themes.links(self.index, sentence, spans)  # "this motif ... on 'B'"
        carrying += title_theme_returns(sentence, spans, self.main_theme)
        carrying += self._theme_named(sentence, spans, carried)  # "the opening's tune"
        for link in carrying:
            self._compare(start, end, link)
        found = None if carrying else cmp.explicit(sentence, referring_spans(sentence, spans),
                                                   carried)  # "the latter takes the former's"
        if found is None and not carrying and (back := from_previous(sentence, spans,
                                                                     self.subject)):
            self._compare(start, end, cmp.Found(*back))  # "The whistle tune comes back in 'B'"
        if found is None and not carrying and self.asked and self.asked[0] == self.index - 1 \
                and (answer := suggested(sentence, spans)) not in (None, self.asked[1]):
            found = cmp.Found(answer, self.asked[1], True)  # "... like it? Try Pocket Change"
        joined = [{album[m.track] for m in group} for group in groups(sentence, mentions)]
        if found is not None and cmp.names_others(joined, found):
            self._compare(start, end, found)  # more tracks: each keeps its own words
        elif found is not None and not claimed_by_others(sentence):
            self.reading.add_comparison(self.review, start, end, found.subject, found.other,
                                        found.offset)
            self.likened = (self.index, found.subject, found.other)
            self.subject = (found.subject,)
            return
        if self.described is not None and DOES_THIS.search(sentence):
            self._add(*self.described, rows, CARRY_WEIGHT)
        if self._unlike_then_carried(start, end, sentence, mentions, rows, carried):
            return
        # "It is slow and gloomy before giving way to 'B'": the words before B's own
        # are the track the sentence refers back to
        own: list = []
        refers = len(carried) == 1 and carried[0] not in rows and \
            bool(REFERRING.match(sentence.lstrip(QUOTE_CHARS + " ")))
        parts = segments(sentence, mentions, subject=own if refers else None)
        scoped = []
        for a, b, group in parts:
            if group is own:
                self._add(start + a, start + b, carried, CARRY_WEIGHT, (start, end))
                continue
            group_rows = tuple(dict.fromkeys(album[m.track] for m in group))
            scoped.append((a, b, group_rows))
            context = (start, end) if len(parts) > 1 else None
            self._add(start + a, start + b, group_rows, 1.0, context)
            pair = cmp.pairs(sentence, [(m.start, m.end, album[m.track]) for m in group],
                             sentence[a:group[0].start])
            if pair is not None:
                self._compare(start, end, pair)
        self._anaphoric(start, end, sentence, scoped, mentions[0].start)
        if self.main_theme is None:
            self.main_theme = cmp.states_main_theme(sentence, spans)
        last = parts[-1][2]
        self.subject = tuple(dict.fromkeys(album[m.track] for m in last))

    def _unlike_then_carried(self, start: int, end: int, sentence: str,
                             mentions: list[Mention], rows: tuple[int, ...],
                             carried: tuple[int, ...]) -> bool:
        """"Unlike 'A', it is calm", "it's the opposite of 'A': a lone organ", "Eerie,
        and far from 'A'.", "I expected it to sound like 'A', it doesn't": a sentence
        about the track it refers back to, A only compared against."""
        if len(carried) != 1 or carried[0] in rows or len(groups(sentence, mentions)) != 1 \
                or not (CONTRASTED.search(lead := sentence[:mentions[0].start])
                        or AFTER_TRACK.match(lead)
                        or answered_no(sentence, title_end(sentence, mentions[-1].end))) \
                or not (REFERRING.search(sentence) or OPENS_CONTRAST.match(lead)
                        or ENDS_ON_TITLE.match(sentence[mentions[-1].end:])):
            return False
        if DESCRIBES_OBJECT.match(sentence[title_end(sentence, mentions[-1].end):]):
            return False  # "nothing like 'A', which is bleak": those words are A's
        self._add(start, end, carried, CARRY_WEIGHT)
        return True
