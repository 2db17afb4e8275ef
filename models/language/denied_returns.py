"""A theme or feeling a track is said not to bring back: "it does not bring back the
grief motif", "never returns to the sadness of the opening", "doesn't revisit that
melancholy".

The mood word names what is absent, further from the negation than a plain "not" reaches
(:data:`modifiers.NEGATION_WINDOW`): the verb of return between them carries the denial
to its object, as "lacks" carries it to "any real sense of joy".
"""
from __future__ import annotations

NEGATED_BY = frozenset("not never no".split())
#: a verb of return and the particle that completes it ("bring back", "return to")
RETURNS = {"bring": "back", "brings": "back", "bringing": "back", "brought": "back",
           "return": "to", "returns": "to", "returning": "to", "go": "back", "goes": "back",
           "revisit": "", "revisits": "", "reprise": "", "reprises": "", "quote": "",
           "quotes": "", "recall": "", "recalls": "", "repeat": "", "repeats": ""}
#: what may stand between the verb and the mood word: an article or a possessive
DETERMINERS = frozenset("the a an any its that this their his her".split())
REACH = 2  # words of the object before the mood word: "the film's grief", "any of"


def denies_a_return(words: list[str], i: int, first: int = 0) -> bool:
    """The mood word at ``i`` is the object of a denied return ("not bring back the
    grief motif"), within its clause (from ``first``)."""
    for k in range(i - 1, max(first, i - 4 - REACH) - 1, -1):
        word = words[k]
        particle = RETURNS.get(word)
        if particle is None:
            continue
        start = k + 1 + (1 if particle and words[k + 1:k + 2] == [particle] else 0)
        if particle and start == k + 1:
            return False  # "bring the ..." without "back": no return
        if particle == "back" and words[start:start + 1] == ["to"]:
            start += 1  # "go back to the sadness"
        between = words[start:i]
        if len(between) > REACH or any(w not in DETERMINERS and not w.endswith("s")
                                       for w in between):  # "the", "the film's"
            return False
        before = words[max(first, k - 2):k]
        return any(w in NEGATED_BY for w in before)
    return False
