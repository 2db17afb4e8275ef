"""Titles as reviews misspell them: quoted names close to a title ("Nightfall" for
"Nightcall"), and unquoted names of two words or more written as names, starting with
the title's own first word ("Degui N'Kenena" for "Degui N'Kelena")."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from rapidfuzz import fuzz, process

from .text import normalise
from .title_forms import article_added, article_added_ok, names_the_work
from .titles import STOPWORDS, variants


@dataclass(frozen=True)
class Mention:
    """A place in a text that names a track."""

    track: int  # index into the candidate list given to find_mentions
    start: int
    end: int
    exact: bool  # the full title, not a shorter variant


_QUOTED_SPAN = re.compile(r"[\"\u201c\u2018]([^\"\u201c\u201d\u2018\u2019\n]{3,60}?)"
                          r"[\"\u201d\u2019]")
FUZZY_QUOTED = 85.0
#: capitalised words in a row, apostrophes and hyphens inside a word ("N'Kenena")
_NAME_RUN = re.compile(r"\b[A-Z][\w'\u2019-]*(?:[ \t]+[A-Z][\w'\u2019-]*)+")


def misspelt_quoted(text: str, titles: Sequence[str], found: Sequence[Mention],
                    work_names: frozenset[str]) -> list[Mention]:
    """Quoted names close to a title ("Nightfall" for "Nightcall"): reviews misspell;
    the work's own name left unfound names the work."""
    if '"' not in text and "\u201c" not in text and "\u2018" not in text:
        return []
    out: list[Mention] = []
    choices = [(variants(t) or ("",))[0] for t in titles]  # one per title, in order
    for match in _QUOTED_SPAN.finditer(text):
        start, end = match.span(1)
        if _overlaps(found, start, end):
            continue
        norm = normalise(match.group(1))
        if len(norm) < 5 or norm in work_names:
            continue
        best = process.extractOne(norm, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_QUOTED)
        bare = article_added(norm)  # "The Mandala" for "Mandala"
        if best is None and bare and bare in choices and bare not in work_names and \
                article_added_ok(text, match.start()):
            best = (bare, 100.0, choices.index(bare))
        if best is not None and not (best[0] in work_names and names_the_work(text, end)):
            out.append(Mention(best[2], start, end, False))
    return out


FUZZY_NAMED = 90.0  # unquoted: only a slip of a letter or two
_NUMERAL = re.compile(r"^(\d+|[ivxlc]+)$")


def misspelt_names(text: str, titles: Sequence[str], found: Sequence[Mention],
                   work_names: frozenset[str]) -> list[Mention]:
    """Unquoted names close to a title of two words or more: every word capitalised, as
    many words, the title's first informative word and its numbers exactly ("Paul
    Sikivie" is not "Paul Simon", "The Cure" not "The Curse", "Part III" not "Part I");
    the closest title wins; the work's own name and titles of stopwords alone, which
    need quotes, are left out."""
    longer = [(row, words) for row, title in enumerate(titles)
              for words in [((variants(title) or ("",))[0]).split()]
              if len(words) >= 2 and informative(words) and " ".join(words) not in work_names]
    out: list[Mention] = []
    for run in _NAME_RUN.finditer(text) if longer else ():
        spans = [(run.start() + m.start(), run.start() + m.end())
                 for m in re.finditer(r"\S+", run.group())]
        for k in range(len(spans)):
            best = _closest(text, spans, k, longer, work_names)
            if best is not None and not _overlaps([*found, *out], best.start, best.end):
                out.append(best)
    for row, words in longer:
        if len(words) >= LOWER_CASE_WORDS and _sentence_case(titles[row]):
            out += _as_the_title_writes(text, titles[row], row, words, [*found, *out],
                                        work_names)
    return out


def _sentence_case(title: str) -> bool:
    """Some word of the title in lower case ("Ce qu'a vu le vent d'ouest"), not "I Don't
    Know You", whose words prose writes in lower case ("I don't know you, but ...")."""
    return any(word[:1].islower() for word in title.split())


#: a title whose words are not all capitalised ("Ce qu'a vu le vent d'ouest"), misspelt
#: but begun as the title begins, is taken from this many words on
LOWER_CASE_WORDS = 4


def _as_the_title_writes(text: str, title: str, row: int, words: list[str],
                         taken: Sequence[Mention], work_names: frozenset[str],
                         ) -> list[Mention]:
    """The title misspelt ("Ce qu'a ve le vent d'ouest") where the text begins it with
    its own first word, written with the title's capitals."""
    first = title.split()[0]
    out: list[Mention] = []
    for start in re.finditer(r"(?<![\w'\u2019])" + re.escape(first) + r"(?![\w'\u2019])",
                             text):
        spans = [(m.start(), m.end()) for m in
                 re.finditer(r"\S+", text[start.start():start.start() + 40 * len(words)])]
        spans = [(a + start.start(), b + start.start()) for a, b in spans]
        best = _closest(text, spans, 0, [(row, words)], work_names)
        if best is not None and not _overlaps([*taken, *out], best.start, best.end):
            out.append(best)
    return out


def _closest(text: str, spans: list[tuple[int, int]], k: int,
             longer: list[tuple[int, list[str]]], work_names: frozenset[str],
             ) -> Mention | None:
    """The title closest to the name starting at word ``k`` (None: none is close)."""
    best: tuple[float, Mention] | None = None
    for row, words in longer:
        if k + len(words) > len(spans):
            continue
        start, end = spans[k][0], spans[k + len(words) - 1][1]
        seen = normalise(text[start:end]).split()
        name = " ".join(seen)
        if len(seen) != len(words) or name in work_names or not _anchored(seen, words):
            continue
        score = fuzz.ratio(name, " ".join(words))
        if score >= FUZZY_NAMED and (best is None or score > best[0]):
            best = (score, Mention(row, start, end, False))
    return None if best is None else best[1]


def _anchored(seen: list[str], words: list[str]) -> bool:
    """The title's first informative word and its numbers are written as they are."""
    first = next(i for i, w in enumerate(words) if w not in STOPWORDS)
    return seen[first] == words[first] and all(
        a == b for a, b in zip(seen, words) if _NUMERAL.match(a) or _NUMERAL.match(b))


def informative(words: Sequence[str]) -> bool:
    """Not stopwords alone ("Is It Me?" names a track only when quoted)."""
    return any(w not in STOPWORDS for w in words)


@lru_cache(maxsize=100_000)
def informative_form(form: str) -> bool:
    """:func:`informative` of a title form's words (memoised: asked in every sentence)."""
    return informative(form.split())


def _overlaps(mentions: Sequence[Mention], start: int, end: int) -> bool:
    return any(m.start < end and start < m.end for m in mentions)
