"""Splitting review text into sentences: abbreviations ("Mr. Jonze", "No. 9") and
quoted titles survive, and a text written mostly in lower case (more sentences start in
lower case than twice those in capitals, or no word has a capital initial) ends its
sentences before lower-case words too, as does a list of three or more lines none of
which ends a sentence with a full stop ("when ur crying in the car: Parking Lot Tears").
A line opening with a bullet ("- ", "* ", "• ") opens a sentence, whatever ends the line
before ("... until the kraken is dead.\n- Drowned Library no longer plays ..."), and so
does a line opening with a list's number, which ends none ("Side A\n1. Luci sul Porto
(2:41) - lush strings"), and a line opening with a bracketed time ("\n[02:05] MAYA:
Static is the chase", a transcript's); nor does a movement's Roman number opening a
quote or its line ('How does "II. The Nursery" contrast', "\nIV. Finale"; "World War
II." still ends one)."""
from __future__ import annotations

import re

from .text import without_capitals

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])"
                           r"|\n\s*\n|\n(?=[A-Z\"\u201c])|\n(?=[ \t]*[-*\u2022][ \t]+\S)"
                           r"|\n(?=[ \t]*\d{1,3}[.)][ \t]+\S)"
                           r"|\n(?=[ \t]*\[\d{1,2}:\d{2}(?::\d{2})?\])")
#: a list's number opening its line ("\n1. Luci sul Porto (2:41) - lush"): no sentence's end
_LIST_NUMBER = re.compile(r"\n[ \t]*\d{1,3}[.)]$")
#: a movement's number: "II.", "iv." (quoted, '"II. The Nursery"', or opening its line)
_ROMAN = re.compile(r"(?i:[ivx]{1,4})\.")
_OPENING_QUOTES = "\"'\u201c\u2018("
_CAPITAL_START = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+[\"'\u201c\u2018(]?[A-Z]")
_LOWER_START = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+[\"'\u201c\u2018(]?[a-z]")
_LOWER_CASE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)]*\s+(?=\S)|\n\s*\n|\n(?=\S)")
#: "A.M.", "U.S.", "J.S.": capitals each followed by a full stop (a name or a title's;
#: "3 a.m." may end a sentence)
_INITIALS = re.compile(r"(?:[A-Z]\.){2,}")
_ABBREVIATIONS = ("mr.", "mrs.", "ms.", "dr.", "st.", "jr.", "sr.", "vs.", "vol.", "no.",
                  "pt.", "mvt.", "feat.", "ft.", "op.", "e.g.", "i.e.", "etc.")


def sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences of ``text``; abbreviations and quoted titles survive. A
    text written mostly in lower case ends its sentences before lower-case words too."""
    spans: list[tuple[int, int]] = []
    start = 0
    capital, lower = len(_CAPITAL_START.findall(text)), len(_LOWER_START.findall(text))
    lower_case = without_capitals(text) or lower > 2 * capital or \
        not capital + lower and text.strip().count("\n") >= 2  # lines with no full stop
    for match in (_LOWER_CASE_END if lower_case else _SENTENCE_END).finditer(text):
        candidate = text[start:match.start()].rstrip()
        words = candidate.rsplit(None, 1)
        last = words[-1].lstrip("(\"'\u201c\u2018") if words else ""
        if last.lower() in _ABBREVIATIONS and not _answers_no(words, text[match.end():]) \
                or _INITIALS.fullmatch(last) or \
                _LIST_NUMBER.search(("\n" if opens_line(text, start) else " ") + candidate) \
                or _ROMAN.fullmatch(last) and \
                _numbers_a_title(text, start + len(candidate) - len(words[-1]), words[-1],
                                 words[0] if len(words) > 1 else "", match.group()):
            continue  # "Mr. Jonze", "The 3 A.M. Call", "\n1. Luci", but "piano." ends one
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _answers_no(words: list[str], after: str) -> bool:
    """Is the last word a bare "No." answering a question, before a capitalised word ("Is
    it sad? No. It is calm.", "Sad, No. Calm." once the question's "?" is a comma)?  It
    opens its sentence or follows a question's "?", its comma or a colon ("Answer: no.
    They're"); "No. 9", "No. #5" and a quoted '"No. Nine"' stay abbreviations."""
    if words[-1].lower() != "no." or not after[:1].isupper():
        return False
    return len(words) == 1 or words[0].rstrip()[-1:] in "?,:"


def _numbers_a_title(text: str, at: int, word: str, before: str, gap: str) -> bool:
    """``word`` (at ``at``), a Roman numeral, opens a quote or its line: a movement's
    number ('How does "II. The Nursery" contrast'), no sentence's end. So does a capital
    numeral within a line that opens its sentence ("II. Pressure follows"), follows a
    comma or colon ("The first, I. Slack Water, is still") or, unless it is "I", a word
    in lower case or the sentence's one word before it ("describe IV. Drowned Bells as",
    "In III. What the Gulls Said"); "World War II. It" still ends one."""
    if word[:1] in _OPENING_QUOTES or opens_line(text, at):
        return True
    if not word.isupper() or "\n" in gap:
        return False
    previous = before.split()
    if not previous:
        return True
    if previous[-1][-1:] in ",:":
        return True
    return word != "I." and (previous[-1][:1].islower() or len(previous) == 1)


def opens_line(text: str, start: int) -> bool:
    """Only spaces or tabs stand between ``start`` and the line's beginning."""
    j = start - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return j < 0 or text[j] == "\n"


#: a deposition's or an interview's turn labels, "Q." and "A." opening lines
_TURN_LABEL = re.compile(r"^([ \t]*[QA])\.(?=[ \t]+\S)", re.MULTILINE)


def with_turn_labels(text: str) -> str:
    """``text`` with a transcript's "Q." and "A." line labels written "Q:" and "A:"
    (offsets stay), as other transcripts write them: a label, not a sentence of its own,
    so "A. Meltwater closes the film." opens with the track it answers about. Only where
    both labels open lines: "A. Side one" in a list is left alone."""
    labels = {m.group(1).strip() for m in _TURN_LABEL.finditer(text)}
    return _TURN_LABEL.sub(r"\1:", text) if labels == {"Q", "A"} else text
