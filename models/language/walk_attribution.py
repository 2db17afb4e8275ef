"""Which rows the words of a sentence go to, once the walk knows the titles it names.

A sentence naming tracks is read in :mod:`named_sentences`; one that names none leads
in to the next title, refers back ("the former ..."), goes on about the subject, or is
about the album.  :class:`walk.Walk` holds the state these read.
"""
from __future__ import annotations

import re

from .album_subject import about_album
from .examples import announces_examples, leads_in
from .material import Material
from .motif_meanings import MotifMeanings
from .named_sentences import NamedSentences
from .reading import (ALBUM_WEIGHT, CARRY_WEIGHT, continues_subject, is_about_music,
                      is_about_the_film, names_another_work)
from .referents import referents
from .walk_layout import Layout, Sentence

#: "Same dreamy haze", "The same bare guitar": what a likeness just asserted shares
SAME = re.compile(r"^\W*(the )?same\b(?!\s+(goes|holds|is true)\b)", re.IGNORECASE)
OWN_CLAUSE = re.compile(r";|,\s*(with|but|only|though|if|and more|while)\b", re.IGNORECASE)


class Attribution(NamedSentences):
    """The passages (and the comparisons they imply) of a sentence that is no heading."""

    layout: Layout
    names: frozenset[str]
    section: tuple[int, ...]
    named: tuple[int, ...]
    material: Material
    motifs: MotifMeanings
    after_music: bool

    def _attribute(self, at: Sentence) -> None:
        """The passages of the sentence, by the first of these that holds: it leads in to
        the next title, names tracks, refers back to them, names a work the catalog
        lacks, is about the film, goes on about the subject, or is about the album."""
        self._bring_back(at)
        start, end, sentence, mentions = at.start, at.end, at.text, at.mentions
        if ahead := self._ahead(at):
            self._add(start, end, ahead, CARRY_WEIGHT)
        elif mentions and self.default and not set(at.rows) <= set(self.default):
            self._about_default(start, end, sentence, mentions)
        elif mentions:
            self._named(start, end, sentence, mentions, at.rows, at.carried)
        elif not self.default and (parts := referents(sentence, self.named)):
            self._referred(start, end, parts)
        elif not (self.default or self.section) and \
                names_another_work(sentence, self.names):
            self.subject = ()  # about a track the catalog lacks: it colours nothing
        elif at.carried and is_about_the_film(sentence):
            pass  # the film itself, between sentences about the track
        elif at.carried:
            self._carry(at)
        else:
            self._about_album(at)

    def _bring_back(self, at: Sentence) -> None:
        """The rows the sentence names and the subject it carries on; the motifs and the
        material it brings back from other tracks."""
        sentence, album = at.text, self.album
        at.rows = rows = tuple(dict.fromkeys(album[m.track] for m in at.mentions))
        if at.new_paragraph and rows and at.mentions[0].start <= at.lead \
                and rows[:1] != self.section:  # (whatever other titles it names after)
            self.section = ()  # a paragraph opening on another title leaves the heading's
        at.carried = carried = self._carried(sentence, at.new_paragraph, bool(at.mentions))
        spans = [(m.start, m.end, album[m.track]) for m in at.mentions]
        for link in self.motifs.links(sentence, spans, carried):
            self._compare(at.start, at.end, link)  # "'B' brings back the grief motif"
        reprise = self.material.reprised(sentence, rows)
        if reprise is not None and not self._theme_named(  # "the market theme" is
                sentence, spans, carried):  # Night Market's, whatever was called a theme before
            self._compare(at.start, at.end, reprise)  # "'B' brings the waltz back"

    def _ahead(self, at: Sentence) -> tuple[int, ...]:
        """The track the next sentence names, when this one names none and leads in to it
        ("Listen to this:") or announces examples; else none."""
        found, k = self.layout.found, at.k
        nxt = found[k + 1] if k + 1 < len(found) else []
        if at.mentions or not nxt or self.default:
            return ()
        if leads_in(at.text) or announces_examples(
                at.text, self.layout.text[slice(*self.layout.spans[k + 1])], nxt):
            return (self.album[nxt[0].track],)
        return ()

    def _carry(self, at: Sentence) -> None:
        """A sentence going on about the subject: its words are the subject's."""
        start, end, sentence, carried = at.start, at.end, at.text, at.carried
        weight = 1.0 if self.default or self.section else CARRY_WEIGHT
        split = start + self._shared(sentence, carried)
        self._add(start, split, self.likened[1:] if split > start else carried, weight)
        if split < end:
            self._add(split, end, carried, weight)
        self._anaphoric(start, end, sentence, [(0, len(sentence), carried)])
        for link in self._theme_named(sentence, [], carried):
            self._compare(start, end, link)  # "the opening's tune comes back"

    def _about_album(self, at: Sentence) -> None:
        """A sentence about no track ends the subject; about the music, it is the album's."""
        self.subject = ()
        if self.album and is_about_music(at.text, self.after_music):
            self._add(at.start, at.end, tuple(self.album), ALBUM_WEIGHT)
            self.described = (at.start, at.end)

    def _shared(self, sentence: str, carried: tuple[int, ...]) -> int:
        """"If you liked 'A', try 'B'. Same dreamy haze, with a warmer vocal.": a sentence
        opening on "Same" right after a likeness says what both tracks have, up to a
        clause of the subject's own; the length of that shared part (0 when none)."""
        if self.likened is None or self.likened[0] != self.index - 1 or \
                carried != self.likened[1:2] or not SAME.match(sentence):
            return 0
        own = OWN_CLAUSE.search(sentence)
        return own.start() if own else len(sentence)

    def _referred(self, start: int, end: int,
                  parts: list[tuple[int, int, tuple[int, ...]]]) -> None:
        """"The former ..., the latter ...": each part to its track(s); they become the
        subject ("Both end calmly" goes on about both)."""
        weight = 1.0 if self.section else CARRY_WEIGHT
        for a, b, rows in parts:
            self._add(start + a, start + b, rows, weight, (start, end) if len(parts) > 1
                      else None)
        self.subject = tuple(dict.fromkeys(row for _, _, rows in parts for row in rows))

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
