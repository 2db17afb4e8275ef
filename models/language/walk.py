"""The walk through one review's sentences that decides what each part is about.

State carried from sentence to sentence: the current subject (the track(s) last
named or referred to), the track a heading put the following section under, the
paragraph, and whether the last sentence was about the music.  Each sentence then
becomes passages (see :mod:`reading`) and, where it says so, comparisons (see
:mod:`comparisons`).  Which sentences are headings is decided in :mod:`walk_headings`,
which reading every other sentence gets in :mod:`walk_attribution`, and what one naming
tracks says of each in :mod:`named_sentences`; the layout of the whole text, read once
before the walk, is in :mod:`walk_layout`.
"""
from __future__ import annotations

import re
from typing import Sequence

from .comparisons import Found
from .material import Material
from .mentions import Mention, title_words
from .motif_meanings import MotifMeanings
from .motif_turns import turned_motif_names
from .openings import one_word_names, with_opening_title
from .other_names import earlier_versions, other_names
from .places import by_kind, by_neighbour, by_place, by_title_track, kinds_of
from .plural_likeness import likened_pair
from .reading import Reading, Review, is_about_music, opens_a_turn
from .shared_lists import shared_pairs
from .suggestions import asks_for_like
from .themes import Themes
from .walk_attribution import Attribution
from .walk_headings import SectionHeadings
from .walk_layout import Sentence, layout_of
from .work_as_track import likened_title_track, title_track_index


class Walk(SectionHeadings, Attribution):
    """One reading of one review against the rows of its album: each sentence is skipped,
    a heading, or attributed, in the steps :meth:`run` calls in turn."""

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
        self.layout = layout_of(review.text, titles, names, self.one_word)
        self.paragraph = 0  # the paragraph of the last sentence read
        self.after_music = False  # the last sentence was about the music
        self.listing = False  # the last heading was a title line: a list may go on
        self.named_before = False  # the last sentence named a track

    def run(self) -> Reading:
        """Each sentence in turn: skipped, a heading, or its words attributed to rows."""
        for k, (start, end) in enumerate(self.layout.spans):
            at = self._sentence_at(k, start, end)
            if self._skipped(at):
                continue
            at.mentions = self._mentions_at(at)
            self._note_mentions(at)
            self._record_title_spans(at)
            self._note_paragraph(at)
            if self._is_heading(at) and self._heads_section(at):
                continue
            self.listing = False
            self._attribute(at)
            self._after_sentence(at)
        return self.reading

    def _sentence_at(self, k: int, start: int, end: int) -> Sentence:
        text = self.review.text[start:end]
        return Sentence(k, start, end, text, self.subject, len(text) - len(text.lstrip()),
                        self.layout.opens_line(k, start))

    def _skipped(self, at: Sentence) -> bool:
        """Lines that are no part of the review's text: they leave all state as it is."""
        if self.layout.is_chat_header(at.start + at.lead, at.trimmed_end):
            return True  # a chat's header says nothing and ends no subject
        if self.layout.is_dialogue(at.start + at.lead, at.trimmed_end):
            return True  # a line of the film's dialogue: nothing of the music
        return False

    def _mentions_at(self, at: Sentence) -> list[Mention]:
        """The titles the sentence names, the ones found refined by where they stand."""
        sentence, k, album = at.text, at.k, self.album
        mentions = by_kind(sentence, by_place(sentence, with_opening_title(
            sentence, by_title_track(sentence, self.layout.found[k], album, self.main_theme),
            self.one_word, line_start=at.line_start, after_track=self.named_before,
            repeated=k in self.layout.repeated, stamped=k in self.layout.stamped,
            work_names=self.names), len(album)), self.kinds)
        mentions = by_neighbour(sentence, mentions, self._place(), self.titles)
        mentions = likened_title_track(sentence, mentions, self.title_track,
                                       self.title_track_named, self.names,
                                       self._carrying_another())
        self.title_track_named = self.title_track_named or \
            any(m.track == self.title_track for m in mentions)
        return mentions

    def _note_mentions(self, at: Sentence) -> None:
        """What the titles named change before the words are read: a quoted line's
        section, and the spans about another work, which no passage takes."""
        if self.layout.replying and at.line_start and at.text.lstrip().startswith(">"):
            self._quoted(at.mentions)
        self.named_before = bool(at.mentions)
        self.cuts = [(at.start + a, at.start + b) for a, b in  # another work's words
                     other_names(at.text, at.mentions, self.names)
                     + earlier_versions(at.text)]

    def _record_title_spans(self, at: Sentence) -> None:
        start, sentence = at.start, at.text
        naming, describing = title_words(sentence, at.mentions, self.names)
        self.reading.title_spans += [(start + a, start + b) for a, b in naming]
        self.reading.described_titles += [(start + a, start + b) for a, b in describing]
        self.reading.title_spans += [(start + a, start + b)  # "the grief motif, now warm"
                                     for a, b in turned_motif_names(sentence)]

    def _note_paragraph(self, at: Sentence) -> None:
        """Whether the sentence opens a paragraph (a turn of a conversation does not),
        which starts the themes afresh."""
        before = self.layout.paragraph(at.start)
        new_paragraph, self.paragraph = before != self.paragraph, before
        at.turn = opens_a_turn(at.text, self.layout.turns) \
            or bool(self.layout.chat)  # "GUEST: Oh, it's thrilling."
        at.new_paragraph = new_paragraph and not at.turn
        self.themes = Themes() if at.new_paragraph else \
            self.themes.seen(at.text, self.named_before)
        self.index = at.k

    def _after_sentence(self, at: Sentence) -> None:
        """What the next sentences read of this one: whether it described the album or
        asked for a like, the tracks it named, whether it was about the music."""
        sentence, rows = at.text, at.rows
        if at.mentions or at.carried:
            self.described = None
        if len(self.subject) == 1 and asks_for_like(sentence):
            self.asked = (at.k, self.subject[0])  # "Is there anything else like it?"
        self._likenesses(at)
        if rows:  # and the track "it" in that sentence was about
            self.named, self.named_at, self.named_it = rows, at.k, at.entering if re.search(
                r"\bit\b", sentence, re.IGNORECASE) else ()
        self.after_music = bool(rows or at.carried) or is_about_music(sentence,
                                                                       self.after_music)

    def _likenesses(self, at: Sentence) -> None:
        """"They sound alike", "A and B share ...": likenesses of the tracks named."""
        start, end, sentence = at.start, at.end, at.text
        self._plural_likeness(start, end, sentence, at.rows, at.k)
        for pair in shared_pairs(sentence, [(m.start, m.end, self.album[m.track])
                                            for m in at.mentions]):
            self._compare(start, end, Found(*pair, explicit=True))  # "A and B share"

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

    def _place(self) -> int | None:
        """The place among the titles of the one track under discussion, if one is."""
        one = self.subject[0] if len(self.subject) == 1 else None
        return list(self.album).index(one) if one in self.album else None
