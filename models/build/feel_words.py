"""Sound cues from words: instrumentation and pace in notes and reviews, and the
"score" context, as votes on the audio-side coordinates of tracks without audio.

A cue is a word (or word pair) and the direction it pushes one or more sound features
(+1: towards the catalog's high end, -1: towards its low end).  "piano" and "strings"
say acoustic, "slow" and "hushed" say low energy, "pounding drums" says high energy.
A film, TV or game score's tracks are instrumental unless the words say otherwise:
the score context is one more (weaker) vote, so "vocals" in a review outvotes it.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np

from ..language import normalise, tempo_words

#: the audio-side coordinates of the feel space, in this order
SOUND: tuple[str, ...] = ("danceability", "energy", "loudness", "speechiness", "acousticness",
                          "instrumentalness", "liveness", "tempo", "mode")
_UP, _DOWN = 1.0, -1.0
_ACOUSTIC = {"acousticness": _UP}
_QUIET = {"energy": _DOWN, "loudness": _DOWN}
_SLOW = {"tempo": _DOWN, "energy": _DOWN}
_LOUD = {"energy": _UP, "loudness": _UP}
CUES: dict[str, dict[str, float]] = {
    **{w: _ACOUSTIC for w in ("piano", "pianos", "strings", "string", "violin", "violins",
                              "cello", "cellos", "viola", "harp", "orchestra", "orchestral",
                              "acoustic", "woodwinds", "flute", "guitar", "celesta",
                              "chamber", "horns", "quartet")},
    **{w: {"acousticness": _DOWN} for w in ("synth", "synths", "synthesizer",
                                            "synthesizers", "electronic", "electronics",
                                            "distorted", "distortion", "808", "edm")},
    **{w: _SLOW for w in ("slow", "slowly", "languid", "unhurried", "glacial", "lullaby",
                          "adagio", "lento", "meandering", "drifting", "drifts", "lingering")},
    **{w: {"tempo": _UP, "energy": _UP} for w in ("fast", "frantic", "racing", "driving",
                                                   "uptempo", "breakneck", "propulsive")},
    **{w: _QUIET for w in ("quiet", "quietly", "soft", "softly", "gentle", "gently", "hushed",
                           "muted", "sparse", "bare", "delicate", "whisper", "whispered",
                           "minimal", "understated", "subdued", "still", "calm", "faint")},
    **{w: _LOUD for w in ("loud", "pounding", "thunderous", "crashing", "blaring", "booming",
                          "roaring", "explosive", "pummelling", "pummeling", "heavy")},
    **{w: {"energy": _UP, "danceability": _UP} for w in ("drums", "percussion", "percussive")},
    **{w: {"energy": _DOWN, "instrumentalness": _UP} for w in ("ambient", "drone", "drones",
                                                               "atmospheric", "textures")},
    **{w: {"instrumentalness": _UP} for w in ("instrumental", "wordless", "arpeggiated",
                                              "arpeggios", "arpeggio", "cue", "cues")},
    **{w: {"instrumentalness": _DOWN} for w in ("vocal", "vocals", "sings", "singing",
                                                "sung", "singer", "lyrics", "rap", "rapping",
                                                "verse", "chorus")},
    **{w: {"danceability": _UP} for w in ("dance", "danceable", "groove", "groovy", "funky",
                                          "dancefloor")},
}
#: words of an album, tag or title that make a track part of a film, TV or game score
SCORE_WORDS = frozenset({"score", "soundtrack", "ost", "motion picture", "film", "movie",
                         "original score", "video game", "game", "series", "tv"})
SCORE_PRIOR = {"instrumentalness": _UP, "speechiness": _DOWN}
SCORE_VOTES = 1.0  # the score context counts as one vote; a cue word counts one each
CUE_TRUST = 0.6  # confidence ceiling of word-derived sound coordinates


def is_score(album: str, tags: Sequence[str]) -> bool:
    """True when the album or a tag names a film, TV or game score."""
    words = {normalise(album)} | {normalise(t) for t in tags}
    text = " " + " ".join(words) + " "
    return any(f" {w} " in text for w in SCORE_WORDS)


def sound_votes(text: str, score: bool) -> tuple[np.ndarray, np.ndarray]:
    """Summed votes (len(SOUND),) in [-1, 1] per vote and their counts."""
    total, count = np.zeros(len(SOUND)), np.zeros(len(SOUND))
    words = tempo_words(normalise(text).split())
    for word in words:
        for feature, direction in CUES.get(word, {}).items():
            j = SOUND.index(feature)
            total[j] += direction
            count[j] += 1.0
    if score:
        for feature, direction in SCORE_PRIOR.items():
            j = SOUND.index(feature)
            total[j] += SCORE_VOTES * direction
            count[j] += SCORE_VOTES
    return total, count


def sound_estimates(texts: Sequence[str], scores: Sequence[bool], low: np.ndarray,
                    high: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sound coordinates and confidences from words: the mean vote placed between the
    catalog's ``low`` and ``high`` values of each feature (standardised units)."""
    values = np.zeros((len(texts), len(SOUND)))
    confidence = np.zeros_like(values)
    mid, half = (high + low) / 2.0, (high - low) / 2.0
    for row, (text, score) in enumerate(zip(texts, scores)):
        total, count = sound_votes(text, score)
        seen = count > 0
        values[row, seen] = mid[seen] + half[seen] * total[seen] / count[seen]
        confidence[row] = CUE_TRUST * (1.0 - np.exp(-count / 2.0))
    return values, confidence
