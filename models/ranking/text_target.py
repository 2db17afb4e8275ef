"""Reading what a free-text request asks for ("something wistful for a rainy night"):
target moods and a valence/arousal point, read by the review tagger, and the tags of
the catalog it names ("angry metal", "a calm jazz piano evening"), which it prefers."""
from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from ..language import (
    MOODS,
    Entry,
    Lexicon,
    MoodHit,
    activity_forms,
    hits_vector,
    load_lexicon,
    normalise,
    tag_text,
    tokens,
)
from .query import Query
from .table import TrackTable
from .tag_words import MAX_TAG_WORDS, PLAIN_WORDS, text_tags

#: most words (plain ones aside) of a seed that may be a call for moods ("rainy day")
MOOD_SEED_WORDS = 2


@dataclass
class TextTarget:
    moods: dict[str, float] = field(default_factory=dict)
    valence: float | None = None
    arousal: float | None = None
    #: mood words the text only negates ("not happy"): what it does not want says too
    #: little of what it wants (and negation's reach is often misread: "never been this
    #: happy"), so they ask for nothing, and the caller can say so
    negated: list[str] = field(default_factory=list)
    #: words of the text naming tags of the catalog, each with the tags (normalised) it
    #: names: their tracks are preferred, the others not excluded
    tags: dict[str, list[str]] = field(default_factory=dict)

    @property
    def found(self) -> bool:
        return bool(self.moods)


def read_text_target(text: str, table: TrackTable | None = None, *,
                     alone: bool = False) -> TextTarget:
    """Moods (strongest = 1) and valence/arousal the words of ``text`` ask for, and with
    a ``table`` the tags of it the text names; an empty target when nothing is read.

    A text without mood words ("focus", "road trip", "dinner") is read by the lexicon's
    tag table: the moods a playlist of that name would carry. Never beside mood words,
    which say more, nor for words the text negates or that name the catalog's tags: those
    stay preferences ("focus jazz" is focus's moods, jazz's tracks first), unless the text
    names nothing else and is ``alone`` (the request holds nothing else to rank by):
    "jazz" is then jazz's moods, jazz's tracks first, rather than a request for nothing."""
    lexicon = load_lexicon()
    every = tag_text(text, lexicon)
    target = _target([h for h in every if h.weight > 0], every)
    if table is not None:
        target.tags = text_tags(text, table)
    if not every:
        read = tag_text(text, _with_tags(lexicon))
        hits = [h for h in read if normalise(h.phrase) not in target.tags]
        if alone and not any(h.weight > 0 for h in hits):
            hits = read  # the named tags are all there is: what their playlists carry
        tags, target = target.tags, _target([h for h in hits if h.weight > 0], hits)
        target.tags = tags
    return target


def reads_wholly_as_moods(text: str) -> list[str]:
    """The moods ``text`` asks for (strongest first) when every word of it is read as a
    mood or an activity, or is a plain word ("sad", "rainy day", "Me and My Broken
    Heart"); [] when a word is neither, a number included ("Blinding Lights", "Sad -
    XXXTENTACION", "Loneliness #3"), or when more than ``MOOD_SEED_WORDS`` words are
    not plain ("Bitter Sweet Symphony" is asked for as a title): what a seed taken as
    a title may have meant."""
    lexicon = load_lexicon()
    hits = [h for h in tag_text(text, lexicon) or tag_text(text, _with_tags(lexicon))
            if h.weight > 0]
    words = [tok for tok in tokens(text) if tok.text not in PLAIN_WORDS]
    if not hits or len(words) > MOOD_SEED_WORDS or not all(
            any(h.start <= tok.start and tok.end <= h.end for h in hits) for tok in words):
        return []
    moods = _target(hits, hits).moods
    return sorted(moods, key=lambda mood: -moods[mood])


def _target(hits: list[MoodHit], every: list[MoodHit]) -> TextTarget:
    vec = np.clip(hits_vector(hits), 0.0, None)
    if not hits or vec.max() <= 0:
        return TextTarget(negated=list(dict.fromkeys(h.phrase for h in every)))
    moods = {MOODS[i]: round(float(vec[i] / vec.max()), 3) for i in np.flatnonzero(vec)}
    weight = sum(h.weight for h in hits)
    valence = sum(h.weight * h.entry.valence for h in hits) / weight
    arousal = sum(h.weight * h.entry.arousal for h in hits) / weight
    return TextTarget(moods, float(np.clip(valence, -1, 1)), float(np.clip(arousal, -1, 1)))


def _with_tags(lexicon: Lexicon) -> Lexicon:
    """``lexicon`` that also reads the names of its tag table as words, so negation
    ("don't want study music", "anything but focus") and the rest of the tagger's
    reading apply to them (cached per lexicon)."""
    cached = _TAG_LEXICONS.get(id(lexicon))
    if cached is None or cached[0] is not lexicon:
        entries = {**_tag_phrases(lexicon), **lexicon.entries}
        cached = (lexicon, replace(lexicon, entries=entries, _derived={},
                                   longest=max(lexicon.longest, MAX_TAG_WORDS)))
        _TAG_LEXICONS[id(lexicon)] = cached
    return cached[1]


_TAG_LEXICONS: dict[int, tuple[Lexicon, Lexicon]] = {}


def _tag_phrases(lexicon: Lexicon) -> dict[tuple[str, ...], Entry]:
    """The tag table's names as word tuples, and each with its first word in its other
    activity form ("waking up" reads as "wake up", "run" as "running"); a name the table
    lists itself keeps its own entry."""
    named = {tuple(name.split()): entry for name, entry in lexicon.tags.items()
             if name.split() and len(name.split()) <= MAX_TAG_WORDS}
    forms = {(form, *words[1:]): entry for words, entry in named.items()
             for form in activity_forms(words[0])}
    return {**forms, **named}


def apply_text_target(query: Query, target: TextTarget) -> None:
    """Fill what the request did not state explicitly from the text's target."""
    query.prefer_tags |= {tag for tags in target.tags.values() for tag in tags}
    query.moods = {**target.moods, **query.moods}
    if query.target_valence is None:
        query.target_valence = target.valence
    if query.target_arousal is None:
        query.target_arousal = target.arousal
