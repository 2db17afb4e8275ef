"""Where a sentence's words only name: the titles it mentions (with a translation or
subtitle in brackets after them) and the work's own name, words that describe no mood.
"""
from __future__ import annotations

import re
from typing import Iterable, Sequence

from .misspellings import Mention
from .text import fold, tokens
from .title_forms import true_to_its_title


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
