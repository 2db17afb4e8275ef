"""The walk through one review's sentences that decides what each part is about.

State carried from sentence to sentence: the current subject (the track(s) last
named or referred to), the track a heading put the following section under, the
paragraph, and whether the last sentence was about the music.  Each sentence then
becomes passages (see :mod:`reading`) and, where it says so, comparisons (see
:mod:`comparisons`); what a sentence naming tracks says of each is read in
:mod:`named_sentences`.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import Sequence

from .album_subject import about_album
from .examples import announces_examples, leads_in
from .headings import is_field, is_heading, is_title_line, label_end
from .labels import ALBUM, label_says
from .log_lines import after_stamps, opens_a_note, timed_lines
from .material import Material
from .motif_meanings import MotifMeanings
from .motif_turns import turned_motif_names
from .mentions import Mention, find_mentions, title_words
from .openings import one_word_names, repeated_openings, with_opening_title
from .named_sentences import NamedSentences
from .other_names import earlier_versions, other_names
from .comparisons import Found
from .plural_likeness import likened_pair
from .places import by_kind, by_neighbour, by_place, by_title_track, kinds_of
from .referents import referents
from .reading import (ALBUM_WEIGHT, CARRY_WEIGHT, Reading, Review, continues_subject,
                      chat_headers, is_about_music, is_about_the_film, names_another_work,
                      opens_a_turn, speakers, subtitle_dialogue)
from .sentences import opens_line, sentences
from .shared_lists import shared_pairs
from .suggestions import asks_for_like
from .themes import Themes
from .title_lines import label_names
from .work_as_track import likened_title_track, title_track_index
from .text import without_capitals


#: a line quoted in an email reply ("> 3M1 'The Orchard Gate': I went for ..."); the
#: reply goes on under it, when a text quotes at least QUOTED_LINES lines
QUOTED_LINE = re.compile(r"^[ \t]*>", re.MULTILINE)
QUOTED_LINES = 2
#: "Same dreamy haze", "The same bare guitar": what a likeness just asserted shares
SAME = re.compile(r"^\W*(the )?same\b(?!\s+(goes|holds|is true)\b)", re.IGNORECASE)
OWN_CLAUSE = re.compile(r";|,\s*(with|but|only|though|if|and more|while)\b", re.IGNORECASE)


class Walk(NamedSentences):
    """One reading of one review against the rows of its album."""

    def __init__(self, review: Review, album: Sequence[int], titles: Sequence[str],
                 names: frozenset[str], default: tuple[int, ...] = (),
                 main_theme: int | None = None) -> None:
        self.review, self.album, self.titles, self.names = review, album, titles, names
        self.default, self.main_theme = default, main_theme
        self.reading = Reading([], [])
        self.subject: tuple[int, ...] = default
        self.section: tuple[int, ...] = ()  # the track a heading put this section under
        self.described: tuple[int, int] | None = None  # the last album-level sentence
        self.named: tuple[int, ...] = ()  # the rows the last sentence naming tracks named
        self.named_at = -1  # the index of that sentence
        self.named_it: tuple[int, ...] = ()  # the subject its "it" stood for
        self.themes, self.index = Themes(), 0  # the theme last introduced; the sentence
        self.cuts: list[tuple[int, int]] = []  # spans of this sentence about other works
        self.material = Material()  # the waltz, riff ... each track was described with
        self.motifs = MotifMeanings(titles)  # "the grief motif": where it was first met
        self.one_word = one_word_names(titles)  # "Crevasse", "Ashfall (Instrumental)"
        self.kinds = kinds_of(titles)  # "that outro": "Amen Corner (Outro)"
        self.likened: tuple[int, int, int] | None = None  # (sentence, subject, other)
        self.asked: tuple[int, int] | None = None  # (sentence, track) "anything like it?"
        self.title_track = title_track_index(titles, names)  # named like the work
        self.title_track_named = False  # the review has called it a track

    def run(self) -> Reading:
        text = self.review.text
        spans = sentences(text)
        caseless = without_capitals(text)  # a review written without capitals
        found = [find_mentions(text[s:e], self.titles, self.names, caseless=caseless)
                 for s, e in spans]
        paragraph, after_music, listing, named_before = 0, False, False, False
        turns = speakers(text)  # a transcript's speakers: a new turn goes on about the track
        chat = chat_headers(text)  # "grub - Today at 8:02 PM": the lines under it are a turn
        spoken = subtitle_dialogue(text)  # a subtitle file's dialogue, not its sound cues
        repeated = repeated_openings(text, spans, self.one_word)  # "Velvet ... Velvet ..."
        # ends of the paragraph breaks, so counting those before a sentence is a bisection
        breaks = [m.end() for m in re.finditer("\n\n", text)]
        replying = len(QUOTED_LINE.findall(text)) >= QUOTED_LINES  # replies under quotes
        timed = timed_lines(text)  # a log's lines: "07:15 Nothing yet. Tern plays ..."
        stamped = after_stamps(text, spans, found)  # "Move 22. Zugzwang. Every move ..."
        for k, ((start, end), mentions) in enumerate(zip(spans, found)):
            sentence, entering = text[start:end], self.subject
            lead = len(sentence) - len(sentence.lstrip())
            if any(a <= start + lead and start + len(sentence.rstrip()) <= b for a, b in chat):
                continue  # a chat's header says nothing and ends no subject
            if spoken and _within(spoken, start + lead, start + len(sentence.rstrip())):
                continue  # a line of the film's dialogue: nothing of the music
            line_start = opens_line(text, start) or opens_a_note(text, start, timed) \
                or k in stamped
            mentions = by_kind(sentence, by_place(sentence, with_opening_title(
                sentence, by_title_track(sentence, mentions, self.album, self.main_theme),
                self.one_word, line_start=line_start, after_track=named_before,
                repeated=k in repeated, stamped=k in stamped, work_names=self.names),
                len(self.album)), self.kinds)
            mentions = by_neighbour(sentence, mentions, self._place(), self.titles)
            mentions = likened_title_track(sentence, mentions, self.title_track,
                                           self.title_track_named, self.names,
                                           self._carrying_another())
            self.title_track_named = self.title_track_named or \
                any(m.track == self.title_track for m in mentions)
            if replying and line_start and sentence.lstrip().startswith(">"):
                self._quoted(mentions)
            named_before = bool(mentions)
            self.cuts = [(start + a, start + b) for a, b in  # another work's words
                         other_names(sentence, mentions, self.names)
                         + earlier_versions(sentence)]
            naming, describing = title_words(sentence, mentions, self.names)
            self.reading.title_spans += [(start + a, start + b) for a, b in naming]
            self.reading.described_titles += [(start + a, start + b) for a, b in describing]
            self.reading.title_spans += [(start + a, start + b)  # "the grief motif, now warm"
                                         for a, b in turned_motif_names(sentence)]
            before = bisect_right(breaks, start)  # as text.count("\n\n", 0, start)
            new_paragraph, paragraph = before != paragraph, before
            turn = opens_a_turn(sentence, turns) or bool(chat)  # "GUEST: Oh, it's thrilling."
            new_paragraph = new_paragraph and not turn
            self.themes = Themes() if new_paragraph else self.themes.seen(sentence, named_before)
            self.index = k
            # the last line heads nothing: a review's closing words without a full stop
            # ("It is sad and lonely") are a sentence
            # a title is a heading alone on its line, and so is a "Label: text" line but
            # right after a title on its line: "Tue 4 Nov. The Lamp Room. Dreamt ..." and
            # "Rx 5: Insomnia. Caution: may cause restlessness." go on about the track
            alone = opens_line(text, start + lead) or k in stamped
            heading = not turn and (is_heading(sentence) and not label_names(
                sentence, [m.start for m in mentions], [m.end for m in mentions])
                and (alone or label_end(sentence) is None or not found[k - 1])
                or is_title_line(sentence, mentions) and alone)
            heading = heading and not (self._field(sentence, mentions, new_paragraph)) \
                or k + 1 in stamped  # a stamp opens a new entry, under no track yet
            if k + 1 < len(spans) and heading and not self._labelled(sentence, mentions):
                nxt_line = text[slice(*spans[k + 1])]
                listed = listing or is_heading(nxt_line) and not is_field(nxt_line)
                listing = bool(mentions)  # a title line: the next one may continue a list
                self._heading(sentence, [] if listed else mentions)
                continue
            listing = False
            rows = tuple(dict.fromkeys(self.album[m.track] for m in mentions))
            if new_paragraph and len(rows) == 1 and mentions[0].start <= lead \
                    and rows != self.section:
                self.section = ()  # a paragraph opening on another title leaves the heading's
            carried = self._carried(sentence, new_paragraph, bool(mentions))
            for link in self.motifs.links(sentence, [(m.start, m.end, self.album[m.track])
                                                     for m in mentions], carried):
                self._compare(start, end, link)  # "'B' brings back the grief motif"
            reprise = self.material.reprised(sentence, rows)
            if reprise is not None and not self._theme_named(  # "the market theme" is
                    sentence, [(m.start, m.end, self.album[m.track]) for m in mentions],
                    carried):  # Night Market's, whatever was called a theme before
                self._compare(start, end, reprise)  # "'B' brings the waltz back"
            nxt = found[k + 1] if k + 1 < len(found) else []
            if not mentions and nxt and not self.default and (leads_in(sentence) or
                    announces_examples(sentence, text[slice(*spans[k + 1])], nxt)):
                ahead = (self.album[nxt[0].track],)
                self._add(start, end, ahead, CARRY_WEIGHT)
            elif mentions and self.default and not set(rows) <= set(self.default):
                self._about_default(start, end, sentence, mentions)
            elif mentions:
                self._named(start, end, sentence, mentions, rows, carried)
            elif not self.default and (parts := referents(sentence, self.named)):
                self._referred(start, end, parts)
            elif not (self.default or self.section) and \
                    names_another_work(sentence, self.names):
                self.subject = ()  # about a track the catalog lacks: it colours nothing
            elif carried and is_about_the_film(sentence):
                pass  # the film itself, between sentences about the track
            elif carried:
                weight = 1.0 if self.default or self.section else CARRY_WEIGHT
                split = start + self._shared(sentence, carried)
                self._add(start, split, self.likened[1:] if split > start else carried, weight)
                if split < end:
                    self._add(split, end, carried, weight)
                self._anaphoric(start, end, sentence, [(0, len(sentence), carried)])
                for link in self._theme_named(sentence, [], carried):
                    self._compare(start, end, link)  # "the opening's tune comes back"
            else:
                self.subject = ()
                if self.album and is_about_music(sentence, after_music):
                    self._add(start, end, tuple(self.album), ALBUM_WEIGHT)
                    self.described = (start, end)
            if mentions or carried:
                self.described = None
            if len(self.subject) == 1 and asks_for_like(sentence):
                self.asked = (k, self.subject[0])  # "Is there anything else like it?"
            self._plural_likeness(start, end, sentence, rows, k)
            for pair in shared_pairs(sentence, [(m.start, m.end, self.album[m.track])
                                                for m in mentions]):
                self._compare(start, end, Found(*pair, explicit=True))  # "A and B share"
            if rows:  # and the track "it" in that sentence was about
                self.named, self.named_at, self.named_it = rows, k, entering if re.search(
                    r"\bit\b", sentence, re.IGNORECASE) else ()
            after_music = bool(rows or carried) or is_about_music(sentence, after_music)
        return self.reading

    def _plural_likeness(self, start: int, end: int, sentence: str, rows: tuple[int, ...],
                         k: int) -> None:
        """"They sound alike" of the two tracks this sentence or the one before named."""
        before = self.named if self.named_at == k - 1 else ()
        pair = likened_pair(sentence, rows, before, self.named_it if before else ())
        if pair is not None:
            self._compare(start, end, Found(*pair, explicit=bool(rows)))

    def _carrying_another(self) -> bool:
        """One track is under discussion, and it is not the title track."""
        return len(self.subject) == 1 and self.title_track is not None and \
            self.subject[0] != self.album[self.title_track]

    def _shared(self, sentence: str, carried: tuple[int, ...]) -> int:
        """"If you liked 'A', try 'B'. Same dreamy haze, with a warmer vocal.": a sentence
        opening on "Same" right after a likeness says what both tracks have, up to a
        clause of the subject's own; the length of that shared part (0 when none)."""
        if self.likened is None or self.likened[0] != self.index - 1 or \
                carried != self.likened[1:2] or not SAME.match(sentence):
            return 0
        own = OWN_CLAUSE.search(sentence)
        return own.start() if own else len(sentence)

    def _place(self) -> int | None:
        """The place among the titles of the one track under discussion, if one is."""
        one = self.subject[0] if len(self.subject) == 1 else None
        return list(self.album).index(one) if one in self.album else None

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

    def _referred(self, start: int, end: int,
                  parts: list[tuple[int, int, tuple[int, ...]]]) -> None:
        """"The former ..., the latter ...": each part to its track(s); they become the
        subject ("Both end calmly" goes on about both)."""
        weight = 1.0 if self.section else CARRY_WEIGHT
        for a, b, rows in parts:
            self._add(start + a, start + b, rows, weight, (start, end) if len(parts) > 1
                      else None)
        self.subject = tuple(dict.fromkeys(row for _, _, rows in parts for row in rows))

    def _quoted(self, mentions: list[Mention]) -> None:
        """A quoted line of an email ("> 3M4 'Walking Home': Tilly and her nan") that
        names one track puts the reply under it in that track's section; one that names
        none or several ends the section."""
        rows = tuple(dict.fromkeys(self.album[m.track] for m in mentions))
        self.section = rows if len(rows) == 1 else ()
        self.subject = self.section or self.default

    def _heading(self, sentence: str, mentions: list[Mention]) -> None:
        """A heading that is a title puts the section under it; any other heading ends it,
        and so does a title in a list of headings (a track list is not a section)."""
        if is_title_line(sentence, mentions):
            self.section = self.subject = (self.album[mentions[0].track],)
        else:
            self.section, self.subject = (), self.default

    def _carried(self, sentence: str, new_paragraph: bool, named: bool) -> tuple[int, ...]:
        if self.default:
            return self.subject
        if self.section:
            return self.section if named or not about_album(sentence) else ()
        if about_album(sentence):
            return ()
        if self.subject and continues_subject(sentence, new_paragraph):
            return self.subject
        return ()


def _within(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """``start`` and ``end`` each fall in one of ``spans`` (a sentence over two lines)."""
    return any(a <= start <= b for a, b in spans) and any(a <= end <= b for a, b in spans)
