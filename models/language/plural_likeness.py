"""Two tracks called alike by a plural pronoun: "Undertone grouped with Nothing Left. They
sound alike", "A and B: they share the same arpeggio", "it sounds like B. Checked the
scores: they do share the same ostinato".

"They" (or "both", "the two") as the subject of a likeness ("share the same ...", "sound
alike", "are similar") refers to the two tracks named in that sentence or, when it names
none, in the sentence just before (with the track that sentence was about).  Only when
those are exactly two; a negated or hedged likeness ("they don't share", "they only share
a key", "they are NOT similar") links nothing.
"""
from __future__ import annotations

import re

#: adverbs that may stand between the pronoun and the likeness without weakening it
_STRESS = r"(?:(?:do|does|really|clearly|also|even|certainly|definitely|indeed|both|" \
          r"obviously|audibly|all)\s+)?"
#: the likeness, with "they", "both", "the two" (tracks) as its subject
PLURAL_LIKENESS = re.compile(
    r"\b(?:they|both|the two(?: \w+)?)(?:['\u2019]re)?\s+" + _STRESS +
    r"(?:share\s+(?:the\s+same|one\s+and\s+the\s+same)\b|"
    r"(?:sound|feel|are|seem)\s+" + _STRESS + r"(?:alike|similar|the\s+same|identical)\b|"
    r"(?:alike|similar)\b)",
    re.IGNORECASE)
#: words before the pronoun that turn the likeness into a doubt or a question
_DOUBT = re.compile(r"(?:\b(?:if|whether|why|not|never|doubt|wrong)\b|n['\u2019]t\b)[^.;]*$",
                    re.IGNORECASE)


def plural_likeness(sentence: str) -> bool:
    """The sentence says "they" (two tracks) are alike, with no doubt before it."""
    found = PLURAL_LIKENESS.search(sentence)
    return found is not None and not _DOUBT.search(sentence[:found.start()])


def likened_pair(sentence: str, here: tuple[int, ...], before: tuple[int, ...],
                 subject: tuple[int, ...]) -> tuple[int, int] | None:
    """The two rows a plural likeness in ``sentence`` compares: those it names
    (``here``), else those the sentence before named with its subject; None unless two."""
    if not plural_likeness(sentence):
        return None
    rows = here if here else tuple(dict.fromkeys((*subject, *before)))
    return (rows[0], rows[1]) if len(rows) == 2 else None
