"""Finding track titles in review text: where a sentence names which track.

A title counts where it is written as one: quoted (or with one quote of the pair left
out, as real reviews do), capitalised mid-sentence (a one-word title not beside
another capitalised word: "Glass Orchard" is another name), labelling its line ("Sleepwalker:
...", "1. Sleepwalker \u2013 ..."), in the possessive, or, for titles of three words or
more, in any case.  Longest match wins, no overlaps; near-misses of a title count too
(``misspellings``); whether a one-word title is written as one is judged in
``title_marks``.  In a review written without capitals, titles
of one or two words count in any case where longer ones do, and one-word titles where
they label their line or follow "the track / song ..." ("the track lantern is calm").
"""
from __future__ import annotations

import re
from typing import Iterable, Sequence

from .misspellings import (Mention, informative, informative_form, misspelt_names,
                           misspelt_quoted)
from .part_mentions import part_mentions
from .text import Token, tokens, without_capitals, word_places
from .title_forms import (
    names_the_work,
    named_as,
    without_article,
    written_as_a_name,
)
from .title_lines import heading, listed, timed
from .title_marks import POSSESSIVE, is_marked, is_quoted
from .title_spans import name_spans, title_words
from .titles import STOPWORDS as _STOPWORDS

#: the names other modules import from here
__all__ = ["Mention", "find_mentions", "name_spans", "title_words"]


def find_mentions(text: str, titles: Sequence[str],
                  work_names: frozenset[str] = frozenset(), *,
                  caseless: bool | None = None) -> list[Mention]:
    """Mentions of any of ``titles`` in ``text``: longest match wins, no overlaps.

    A title made only of stopwords ("Is It Me?") counts only when quoted; a title that
    is also the name of the work (the album, film or game: ``work_names``, normalised)
    names the work unless it is quoted or a heading.  ``caseless``: the review has no
    capitals at all (None: judge by ``text`` alone)."""
    if caseless is None:  # the whole review's case, when the caller knows it
        caseless = without_capitals(text)
    toks = tokens(text)
    words = [t.text for t in toks]
    at = word_places(words)  # a title is looked for only where its first word stands
    candidates: list[tuple[int, int, int, bool]] = []  # (length, start token, track, exact)
    for track, title in enumerate(titles):
        bare = without_article(title)
        for rank, variant in enumerate(named_as(title)):
            vw = variant.split()
            plain = informative_form(variant) and variant not in work_names  # no quotes needed
            for i in _starts(at, vw, len(words)):
                if words[i:i + len(vw)] == vw or _possessive(text, toks, words, i, vw):
                    end = _word_end(text, toks[i + len(vw) - 1])
                    span = toks[i:i + len(vw)]
                    if plain and _capitalised(text, span, vw, caseless) and (
                            variant != bare or written_as_a_name(text, span, vw)) or \
                            _needs_quotes_ok(text, toks[i].start, end, vw, variant,
                                             work_names):
                        candidates.append((len(vw), i, track, rank == 0))
    found = _non_overlapping(text, toks, candidates, caseless)
    quoted = misspelt_quoted(text, titles, found, work_names)
    named = misspelt_names(text, titles, [*found, *quoted], work_names)
    numbered = part_mentions(text, titles, [*found, *quoted, *named])
    return sorted([*found, *quoted, *named, *numbered], key=lambda m: m.start)


def _starts(at: dict[str, list[int]], vw: Sequence[str], count: int) -> Iterable[int]:
    """The places, in order, where title words ``vw`` could start: at their first word, or
    for one word also at its possessive ("sleepwalkers"); every place for no words."""
    if not vw:
        return range(count + 1)
    places = [i for i in at.get(vw[0], ()) if i + len(vw) <= count]
    if len(vw) == 1:
        places = sorted(places + at.get(vw[0] + "s", []))
    return places


def _possessive(text: str, toks: list[Token], words: list[str], i: int,
                vw: Sequence[str]) -> bool:
    """The title in the possessive ("Sleepwalker's strings" reads as "sleepwalkers")."""
    last = i + len(vw) - 1
    word = words[last]
    return len(word) == len(vw[-1]) + 1 and word[-1] == "s" and word.startswith(vw[-1]) \
        and text[toks[last].end - 2:toks[last].end] in POSSESSIVE \
        and words[i:last] == list(vw[:-1])


def _word_end(text: str, tok: Token) -> int:
    """Where a word ends, without a possessive "'s"."""
    return tok.end - 2 if text[tok.end - 2:tok.end] in POSSESSIVE else tok.end


def _capitalised(text: str, toks: Sequence[Token], words: Sequence[str],
                 caseless: bool = False) -> bool:
    """Unquoted, a title of one or two words is written as a name: its first word that
    is no stopword capitalised ("By the end of the album" does not name "The End");
    longer titles are found in any case ("some other places"), and so is every title
    in a text written all in lower case."""
    if len(words) > 2 or caseless:
        return True
    for tok, word in zip(toks, words):
        if word not in _STOPWORDS:
            first = text[tok.start:tok.start + 1]
            return first.isupper() or not first.isalpha()  # "#3", digits, other scripts
    return True


def _needs_quotes_ok(text: str, start: int, end: int, words: Sequence[str], variant: str,
                     work_names: frozenset[str]) -> bool:
    """A stopword-only title, the work's own name, or a title written in lower case
    counts when quoted (or a heading; the work's name also as an item of a list, before
    its running time, after "the title track" or before the words for a tune)."""
    if is_quoted(text, start, end):
        return variant not in work_names or not names_the_work(text, end)
    return variant in work_names and informative(words) and (
        heading(text, end) or listed(text, start, end) or timed(text, end)
        or _TRACK_BEFORE.search(text[max(0, start - 50):start]) is not None
        or _names_a_tune(text, start, end))


#: the work's own name in apposition to a track: "the last track, lanterns on the river,",
#: "the title track Salt Roads" name the title track, not the album
_TRACK_BEFORE = re.compile(r"\b(the|its|their|this) ([\w-]+ ){0,2}(track|song|cut|number|piece|"
                           r"tune|cue|closer|opener|finale)\s*[,:(\u2013\u2014-]?\s*$",
                           re.IGNORECASE)


#: the words for a track's tune after the work's name: "the Moth Lantern melody" is the
#: title track's melody (the album has none of its own; "the Moth Lantern soundtrack" or
#: "album" is the work, and "themes", plural, may be the whole work's)
_TUNE_AFTER = re.compile(r"[ \t]+(?:melody|theme|motif|leitmotif|riff|tune|chorus)\b(?!-)")


def _names_a_tune(text: str, start: int, end: int) -> bool:
    """The work's name, capitalised as a name, right before a word for a tune."""
    return text[start:start + 1].isupper() and bool(_TUNE_AFTER.match(text, end))


def _non_overlapping(text: str, toks: list[Token], candidates: list[tuple[int, int, int, bool]],
                     caseless: bool = False) -> list[Mention]:
    taken: set[int] = set()
    found: list[Mention] = []
    # longest first; at one place, the full title before another title's shorter form
    for length, i, track, exact in sorted(candidates, key=lambda c: (-c[0], c[1], not c[3])):
        span = range(i, i + length)
        if taken.intersection(span):
            continue
        start, end = toks[i].start, _word_end(text, toks[i + length - 1])
        if length == 1 and not is_marked(text, start, end, caseless):
            continue
        taken.update(span)
        found.append(Mention(track, start, end, exact))
    return sorted(found, key=lambda m: m.start)
