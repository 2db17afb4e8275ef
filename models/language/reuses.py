"""A track made from another's material: the words that say so beyond
:mod:`comparison_markers`.

* "the exact same chorus as 'B'", "the same march tune as 'B'", "the same piano phrase
  as 'B'": a kind of material shared, the title after "as";
* "a stripped-back take on 'B'", "a spin on 'B'", "a slowed-down 'B'": the track is a
  version of B;
* "it's just 'B' at half the speed", "the skipper says it's 'B' slowed down": B remade
  (the reporting clause is a listener's hearing passed on, as "she says it reminds her
  of 'B'" is);
* "takes the 'B' melody", "borrows the 'B' riff", "repeats the 'B' theme", "is built on
  B's bassline", "uses B's melody": B's material, named by its title;
* "It is the 'B' drone again", "It is the 'B' melody, played on the organ": B's
  material heard once more;
* "The 'B' theme returns, slower and in a major key", in the entry of another track: B's
  material heard in the track at hand, and the words after it are that track's alone;
* "the same melody 'B' opens with", "the lamp theme from 'B'", in a sentence about
  another track: B's material, named by what B does with it or where it comes from;
* "The whistle tune comes back in 'B'", "The same whistle turns up in 'B'", "'B': the
  same organ, but warmer": the material of the track just discussed, heard in B.

Precision first, since a comparison blends moods: the material must be a musical one
(a melody, a riff, a drone, an instrument ...), and a sentence that denies or contrasts
anything links nothing in the last two kinds.
"""
from __future__ import annotations

import re
from typing import Iterator, Sequence

from .comparison_markers import DENIES, EXPLICIT
from .scope import REMADE

Spans = Sequence[tuple[int, int, int]]  # (start, end, row) of the titles of a sentence

#: the kinds of musical material one track can share with another (a regex group)
MATERIAL_WORDS = (r"(melody|melodies|theme|motif|leitmotif|tune|riff|hook|chorus|refrain|"
                  r"chords|chord progression|progression|figure|phrase|line|bassline|drone|"
                  r"loop|march|waltz|groove|beat|pulse|ostinato|arpeggio|sample|pattern|"
                  r"fanfare|chorale)")
_INSTRUMENT = r"(organ|piano|guitar|synth|synths|strings|choir|harp|whistle|drum machine)"
#: "the exact same chorus as", "a stripped-back take on"
MORE = re.compile(r"\b(the )?(exact |very )?same ([\w-]+ ){0,2}?" + MATERIAL_WORDS + r" as\b|"
                  r"\b(a|an) ([\w-]+ ){0,2}?(take|spin) on\b|"
                  r"\b(a|an) (slowed|sped|speeded|stripped|pared)[- ](down|up|back)\b"
                  r"(?= [\"'\u201c\u2018]?[A-Z0-9])", re.IGNORECASE)
#: between the subject and a remade title: "it's just", "the skipper says it's"
REMADE_LEAD = re.compile(r"^\W*(([\w']+\s+){1,3}(says|said|reckons|thinks)\s+(that\s+)?)?"
                         r"((it|this|that)\s*)?(is|['\u2019]s|was)\s+(just|basically|simply|"
                         r"essentially|really|only)?\W*$", re.IGNORECASE)
#: after a remade title: its speed changed ("at half the speed", "at twice the tempo")
AT_SPEED = re.compile(r"^[\"'\u201d\u2019]*\s+at\s+(half|double|twice|quarter)[- ](the\s+)?"
                      r"(speed|tempo|pace)\b", re.IGNORECASE)
#: before a title: a verb of taking its material ("takes the 'B' melody")
TAKES = re.compile(r"\b(takes?|took|taking|lifts?|lifted|borrows?|borrowed|steals?|stole|"
                   r"samples|sampled|quotes|quoted|reuses|reused|repeats|repeated)"
                   r"\s+the\s*[\"'\u201c\u2018]*$",
                   re.IGNORECASE)
#: before a title whose material follows it: "takes 'B''s cello line", "is built on the
#: 'B' theme's bassline", "uses B's melody"
TAKES_FROM = re.compile(r"\b(takes?|took|taking|lifts?|lifted|borrows?|borrowed|steals?|stole|"
                        r"samples|sampled|quotes|quoted|reuses|reused|uses|used|using|"
                        r"(built|based|builds|founded) (up)?on)\s+(the\s+)?[\"'\u201c\u2018]*$",
                        re.IGNORECASE)
#: after a title: the possessive of its material ("'s cello line", "'s bassline")
POSSESSIVE_AFTER = re.compile(r"^[\"\u201d]?['\u2019]s\s+([\w-]+\s+)?" + MATERIAL_WORDS + r"\b",
                              re.IGNORECASE)
#: a sentence that opens by saying the track at hand is B's material: "It is the 'B'
#: melody, played on the organ", "This is just the 'B' riff"
IS_THE = re.compile(r"^\W*(it|this|that)\s*(is|['\u2019]s|was)\s+(just\s+|simply\s+|really\s+|"
                    r"basically\s+|essentially\s+)?the\s*[\"'\u201c\u2018]*$", re.IGNORECASE)
#: after a title: its material ("'s cornet line" is read as an echo elsewhere)
MATERIAL_AFTER = re.compile(r"^[\"'\u201d\u2019]*\s+([\w-]+\s+)?" + MATERIAL_WORDS + r"\b",
                            re.IGNORECASE)
#: after a title: its material heard once more ("the 'B' drone again")
AGAIN_AFTER = re.compile(r"^[\"'\u201d\u2019]*\s+([\w-]+\s+)?" + MATERIAL_WORDS +
                         r"\s+(again|once more|all over again)\b", re.IGNORECASE)
#: after a title: its material back in the track at hand ("the 'B' theme returns")
BACK_AFTER = re.compile(r"^[\"'\u201d\u2019]*\s+([\w-]+\s+)?" + MATERIAL_WORDS +
                        r"\s+(returns|comes back|reappears|resurfaces|recurs|is back)\b"
                        r"(?!\s+(later\s+)?(in|on|during)\s+the\s+(finale|closer|next|last|final|"
                        r"closing)\b)", re.IGNORECASE)
#: before a title, material named by where it comes from: "the same melody", "the lamp
#: theme from", "the horn line from the"
SAME_BEFORE = re.compile(r"\bthe\s+(exact\s+|very\s+)?same\s+([\w-]+\s+)?" + MATERIAL_WORDS +
                         r"\s*[\"'\u201c\u2018]*$", re.IGNORECASE)
FROM_BEFORE = re.compile(r"\bthe\s+([\w-]+\s+){0,2}?" + MATERIAL_WORDS +
                         r"\s+from\s+(the\s+)?[\"'\u201c\u2018]*$", re.IGNORECASE)
#: after such a title, what it does with the material: "opens with", "ends on", "uses"
DOES_WITH = re.compile(r"^[\"'\u201d\u2019]*\s+(opens|opened|starts|started|begins|began|"
                       r"ends|ended|closes|closed)\s+(with|on)\b|^[\"'\u201d\u2019]*\s+"
                       r"(uses|used|has|had|plays|played)\b", re.IGNORECASE)
#: a title that is itself material ("the title tune", "the Harrow Theme") heard once more
NAMED_MATERIAL = re.compile(MATERIAL_WORDS + r"$", re.IGNORECASE)
AGAIN = re.compile(r"^[\"'\u201d\u2019]*\s+(again|once more|all over again)\b", re.IGNORECASE)
THE_BEFORE = re.compile(r"\bthe\s*[\"'\u201c\u2018]*$", re.IGNORECASE)
#: the material of the track just discussed, heard in the next: "The whistle tune comes
#: back later in", "that riff returns on" (not "the main theme", read elsewhere)
RETURNS_IN = re.compile(r"^\W*(the|that|this|its)\s+(?!(main|central|principal|title|opening|"
                        r"closing|love|same)\b)([\w-]+\s+){0,2}?" + MATERIAL_WORDS +
                        r"\s+(comes back|returns|reappears|resurfaces|recurs|is back)\b"
                        r"([\s,]+\w+){0,2}?"
                        r"[\s,]+(in|on|during)\s*[\"'\u201c\u2018]*$", re.IGNORECASE)
#: the material or instrument of the track just discussed, named "the same", heard in
#: the next: "The same whistle turns up in", "the same riff shows up again on"
SAME_IN = re.compile(r"^\W*the\s+(exact\s+|very\s+)?same\s+([\w-]+\s+)?(" +
                     MATERIAL_WORDS[1:-1] + "|" + _INSTRUMENT[1:-1] + r")\s+(turns up|shows up|"
                     r"crops up|appears|reappears|comes back|returns|recurs|resurfaces|is heard)"
                     r"([\s,]+\w+){0,2}?[\s,]+(in|on|during)\s*[\"'\u201c\u2018]*$", re.IGNORECASE)
#: after the one title of a sentence: it takes the material of the track just discussed,
#: "'B' uses its melody at the end" ("its own melody" is B's)
TAKES_ITS = re.compile(r"^[\"'\u201d\u2019]*\s+(takes|took|borrows|borrowed|lifts|lifted|uses|"
                       r"used|reuses|reused|steals|stole|quotes|quoted|is built on|was built on)"
                       r"\s+its\s+(?!own\b)([\w-]+\s+)?" + MATERIAL_WORDS + r"\b", re.IGNORECASE)
#: "the same organ, but warmer": what a track shares with the one just discussed (not
#: "the same ... as", read as an explicit likeness)
SAME_STUFF = re.compile(r"\bthe\s+(exact\s+|very\s+)?same\s+([\w-]+\s+)?(" + MATERIAL_WORDS[1:-1] +
                        "|" + _INSTRUMENT[1:-1] + r")\b(?!\s+as\b)", re.IGNORECASE)


def markers(sentence: str) -> Iterator[re.Match]:
    """The likeness markers of a sentence, in order: :data:`EXPLICIT`'s and these."""
    found = list(EXPLICIT.finditer(sentence)) + list(MORE.finditer(sentence))
    return iter(sorted(found, key=lambda m: m.start()))


def remade_at_speed(lead: str, after: str) -> bool:
    """A title between ``lead`` and ``after`` is what the subject was made from: "it's
    just 'B' at half the speed", "the skipper says it's 'B' slowed down"."""
    return bool(REMADE_LEAD.match(lead) and (REMADE.match(after) or AT_SPEED.match(after)))


def _subject(spans: Spans, before: int, carried: tuple[int, ...]) -> int | None:
    rows = [row for start, _, row in spans if start < before]
    return rows[-1] if rows else (carried[0] if len(carried) == 1 else None)


def borrowed(sentence: str, spans: Spans, carried: tuple[int, ...]
             ) -> tuple[int, int, int | None] | None:
    """(subject, B, offset) for "it takes the 'B' melody", "It is the 'B' drone again",
    "The 'B' theme returns, slower" (not after a denial: "it never takes the 'B'
    melody"); ``offset``: where the words about the subject alone start, if any."""
    for start, end, row in spans:
        lead, after = sentence[:start], sentence[end:]
        taken = (TAKES.search(lead) or IS_THE.match(lead)) and MATERIAL_AFTER.match(after) or \
            TAKES_FROM.search(lead) and POSSESSIVE_AFTER.match(after)
        back = _back(sentence, spans, start, end)
        named = sentence[start:end]  # "the title tune" names the track with its article
        sourced = SAME_BEFORE.search(lead) and DOES_WITH.match(after) or \
            FROM_BEFORE.search(lead)  # "the same melody 'B' opens with", "the theme from 'B'"
        again = (THE_BEFORE.search(lead) or named.lower().startswith("the ")) and (
            AGAIN_AFTER.match(after) or NAMED_MATERIAL.search(named) and AGAIN.match(after))
        if not (taken or sourced or back is not None or again) or DENIES.search(lead):
            continue  # "it never takes the 'B' melody"
        subject = _subject(spans, start, carried)
        if subject is not None and subject != row:
            return subject, row, back
    return None


def _back(sentence: str, spans: Spans, start: int, end: int) -> int | None:
    """Where "the 'B' theme returns" ends, B the sentence's last title (else the track
    it comes back in is named: :func:`themes.titled_returns`)."""
    match = BACK_AFTER.match(sentence[end:]) if THE_BEFORE.search(sentence[:start]) else None
    if match is None or spans[-1][0] != start:
        return None
    return end + match.end()


def from_previous(sentence: str, spans: Spans, previous: tuple[int, ...]
                  ) -> tuple[int, int] | None:
    """(B, A) for "The whistle tune comes back later in 'B'", "'B': the same organ, but
    warmer" or "'B' uses its melody" right after a sentence about A (``previous``, the
    one track discussed), B the only track the sentence names, in a sentence that likens
    nothing explicitly ("it sounds like 'B' slowed down: the same motif" is read as that
    likeness)."""
    rows = {row for _, _, row in spans}
    if len(previous) != 1 or len(rows) != 1 or previous[0] in rows or \
            DENIES.search(sentence) or next(markers(sentence), None) is not None:
        return None
    lead = sentence[:spans[0][0]]
    if RETURNS_IN.match(lead) or SAME_IN.match(lead) or \
            SAME_STUFF.search(sentence, spans[-1][1]) or TAKES_ITS.match(sentence[spans[0][1]:]):
        return rows.pop(), previous[0]
    return None
