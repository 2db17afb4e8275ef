"""Finding track titles in review text: where a sentence names which track.

A title counts where it is written as one: quoted (or with one quote of the pair left
out, as real reviews do), capitalised mid-sentence (a one-word title not beside
another capitalised word: "Glass Orchard" is another name), labelling its line ("Sleepwalker:
...", "1. Sleepwalker \u2013 ..."), in the possessive, or, for titles of three words or
more, in any case.  Longest match wins, no overlaps; near-misses of a title count too
(``misspellings``).  In a review written without capitals, titles
of one or two words count in any case where longer ones do, and one-word titles where
they label their line or follow "the track / song ..." ("the track lantern is calm").
"""
from __future__ import annotations

import re
from typing import Iterable, Sequence

from .kinship import kin_named
from .misspellings import (Mention, informative, informative_form, misspelt_names,
                           misspelt_quoted)
from .text import QUOTE_CHARS, Token, fold, tokens, without_capitals, word_places
from .title_forms import (
    names_the_work,
    named_as,
    true_to_its_title,
    without_article,
    written_as_a_name,
)
from .title_lines import heading, labels_line, listed, timed
from .titles import STOPWORDS as _STOPWORDS


def _closes_quote(text: str, end: int) -> bool:
    """A quote mark right after ``end`` (skipping ?!.,), and not a possessive "'s"."""
    j = end
    while j < len(text) and text[j] in "?!.,":
        j += 1
    if j >= len(text) or text[j] not in QUOTE_CHARS:
        return False
    return not (text[j + 1:j + 2] == "s" and not text[j + 2:j + 3].isalpha())


def _quoted(text: str, start: int, end: int) -> bool:
    """Is the span enclosed in quote marks ("'Is It Me?'", “On We March”)?"""
    return start > 0 and text[start - 1] in QUOTE_CHARS and _closes_quote(text, end)


#: a word that introduces a track's name ("the track lantern", "the closer tidewater")
_NAMED_BY = re.compile(r"\b(?:track|song|cue|piece|tune|number|opener|closer)\s+$",
                       re.IGNORECASE)
#: after such a word, an idiom, not a name ("the song time after time", "time and again")
_NOT_A_NAME = re.compile(r"\s+(?:after|and|again|to|of|in|on|at|by|for|from|with|into|over|"
                         r"under|as|than|like|the|a|an)\b", re.IGNORECASE)


def _is_marked(text: str, start: int, end: int, caseless: bool = False) -> bool:
    """A single-word mention counts only when quoted, capitalised mid-sentence (or
    opening a sentence with a gloss in brackets), or labelling its line; in a review
    without capitals (``caseless``), also after "the track / song ..." unless an idiom
    follows ("the song time after time")."""
    if _quoted(text, start, end) or heading(text, end) or \
            labels_line(text, start, end, caseless):
        return True
    if _in_quotes(text, start, end):
        return False  # '"Going Home"' names no track "Home"
    before = text[start - 1] if start > 0 else ""
    if (before and before in QUOTE_CHARS) or _closes_quote(text, end):
        return True  # one quote left out: 'Photograph\u201d is played'
    if not text[start:start + 1].isupper():  # in a review without capitals: "the track x"
        return caseless and bool(_NAMED_BY.search(text[:start])) \
            and not _NOT_A_NAME.match(text[end:])
    prefix = text[:start].rstrip()
    if not prefix or prefix[-1] in ".!?\n":  # a sentence's first word: glossed, a name
        return bool(_GLOSSED.match(text, end))
    return kin_named(text, start, end) or (  # "a Glasswing cousin", "a Lowland B-side"
        not _inside_a_name(text, start, end) and not _attributive(text, start, end))


#: "a Sunday service", "an Autumn chill": a one-word title between an indefinite
#: article and the word it describes is that common word, not the track (before a kind of
#: recording, "a Lowland outtake", "a Lowland remix", it is the track: ``kinship``)
_A_BEFORE = re.compile(r"\b[Aa]n?[ \t]+$")
_LOWER_AFTER = re.compile(r"[ \t]+[a-z]")


def _attributive(text: str, start: int, end: int) -> bool:
    """The capitalised word describes the noun after it, after "a" or "an" ("think a
    Sunday service held in a boiler room"), as no title is written."""
    return bool(_A_BEFORE.search(text, max(0, start - 4), start)) and \
        bool(_LOWER_AFTER.match(text, end))


#: a name explained in brackets right after it: "Mama (dedicated to both parents) weaves"
_GLOSSED = re.compile(r" ?\((?!\d)[^()\n]{3,80}\)")


_NEXT_WORD = re.compile(r"[ \t]+(\w[\w'\u2019-]*)")
_WORD_BEFORE = re.compile(r"(\w[\w'\u2019-]*)[ \t]+$")


def _inside_a_name(text: str, start: int, end: int) -> bool:
    """A capitalised word beside another, with only a space between them, is part of a
    longer name ("music for Glass Orchard", "Like Blade Runner"), not a one-word title.
    "I", a possessive, a hyphenated word and a sentence's capitalised first word ("Then
    Lantern drifts") are no part of one."""
    after = _NEXT_WORD.match(text, end)
    if after and after.group(1)[0].isupper() and after.group(1) != "I":
        return True
    before = _WORD_BEFORE.search(text, max(0, start - 60), start)
    word = before.group(1) if before else ""
    if not word[:1].isupper() or word == "I" or word[-2:] in _POSSESSIVE or "-" in word:
        return False  # "Owen Pallett's Lantern", "the Morricone-esque Embers"
    ahead = text[:before.start(1)].rstrip()
    return bool(ahead) and ahead[-1] not in ".!?\n:;\"\u201c\u201d'\u2018\u2019(-\u2013\u2014"


def _in_quotes(text: str, start: int, end: int) -> bool:
    """Inside a longer quoted name (the title not quoted on its own): a quote opened
    before ``start`` on its line is still open, and one closes after ``end``."""
    line_start = text.rfind("\n", 0, start) + 1
    if sum(map(lambda i: _is_quote(text, i), range(line_start, start))) % 2 == 0:
        return False
    after = next((i for i in range(end, min(len(text), end + 60)) if _is_quote(text, i)
                  or text[i] == "\n"), None)
    return after is not None and text[after] != "\n"


_SINGLE = "'\u2018\u2019"


def _is_quote(text: str, i: int) -> bool:
    """A quote mark: a double one, or a single one that opens (after a space, before a
    letter) or closes (after a letter or punctuation, before a space or punctuation,
    and no possessive "Reyes' voice"); apostrophes ("band's", "'90s") are none."""
    ch = text[i]
    if ch not in QUOTE_CHARS:
        return False
    if ch not in _SINGLE:
        return True
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace() or before in "([\u2014":
        return after.isalpha()
    return not after.isalnum() and before != "s"


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
    return sorted([*found, *quoted, *named], key=lambda m: m.start)


def _starts(at: dict[str, list[int]], vw: Sequence[str], count: int) -> Iterable[int]:
    """The places, in order, where title words ``vw`` could start: at their first word, or
    for one word also at its possessive ("sleepwalkers"); every place for no words."""
    if not vw:
        return range(count + 1)
    places = [i for i in at.get(vw[0], ()) if i + len(vw) <= count]
    if len(vw) == 1:
        places = sorted(places + at.get(vw[0] + "s", []))
    return places


_POSSESSIVE = ("'s", "\u2019s")


def _possessive(text: str, toks: list[Token], words: list[str], i: int,
                vw: Sequence[str]) -> bool:
    """The title in the possessive ("Sleepwalker's strings" reads as "sleepwalkers")."""
    last = i + len(vw) - 1
    word = words[last]
    return len(word) == len(vw[-1]) + 1 and word[-1] == "s" and word.startswith(vw[-1]) \
        and text[toks[last].end - 2:toks[last].end] in _POSSESSIVE \
        and words[i:last] == list(vw[:-1])


def _word_end(text: str, tok: Token) -> int:
    """Where a word ends, without a possessive "'s"."""
    return tok.end - 2 if text[tok.end - 2:tok.end] in _POSSESSIVE else tok.end


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
    counts when quoted (or a heading; the work's name also as an item of a list or
    before its running time)."""
    if _quoted(text, start, end):
        return variant not in work_names or not names_the_work(text, end)
    return variant in work_names and informative(words) and (
        heading(text, end) or listed(text, start, end) or timed(text, end)
        or _TRACK_BEFORE.search(text[max(0, start - 50):start]) is not None)


#: the work's own name in apposition to a track: "the last track, lanterns on the river,",
#: "the title track Salt Roads" name the title track, not the album
_TRACK_BEFORE = re.compile(r"\b(the|its|their|this) ([\w-]+ ){0,2}(track|song|cut|number|piece|"
                           r"tune|cue|closer|opener|finale)\s*[,:(\u2013\u2014-]?\s*$",
                           re.IGNORECASE)


def name_spans(text: str, names: Iterable[str]) -> list[tuple[int, int]]:
    """Where ``text`` says one of ``names`` (normalised): the album's or film's own name,
    which names the work and describes nothing."""
    folded = fold(text)
    names = [n for n in names if n and n.split()[0] in folded]
    if not names:
        return []
    toks = tokens(text)
    words = [t.text for t in toks]
    spans = []
    for name in names:
        nw = name.split()
        for i in range(len(words) - len(nw) + 1):
            if words[i:i + len(nw)] == nw:
                spans.append((toks[i].start, toks[i + len(nw) - 1].end))
    return spans


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
        if length == 1 and not _is_marked(text, start, end, caseless):
            continue
        taken.update(span)
        found.append(Mention(track, start, end, exact))
    return sorted(found, key=lambda m: m.start)


Spans = list[tuple[int, int]]


#: a name in brackets after a title, its translation or subtitle: "Nebel (Fog)", "Beijo
#: Roubado (Stolen Kiss)" name the track as its title does (not "(a tender lullaby)")
_GLOSS = re.compile(r"[\"'\u201d\u2019]?\s*\([A-Z][\w'\u2019-]*(\s+([A-Z][\w'\u2019-]*|a|an|"
                    r"the|of|in|on|to|for|and|at|by|from|with))*\)")


def title_words(sentence: str, mentions: Sequence[Mention],
                names: Iterable[str]) -> tuple[Spans, Spans]:
    """The spans in ``sentence`` of words that only name (the titles named, the work's
    own ``names``), and of titles whose words describe their track too (see
    :func:`true_to_its_title`)."""
    spans = [(m.start, m.end) for m in mentions]
    spans += [(m.end, m.end + g.end()) for m in mentions
              if (g := _GLOSS.match(sentence[m.end:]))]
    described = true_to_its_title(sentence, mentions)
    return ([] if described else spans) + name_spans(sentence, names), \
        (spans if described else [])
