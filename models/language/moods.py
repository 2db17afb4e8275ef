"""Per-track mood profiles: 16 mood scores, valence and arousal, confidence, evidence.

A profile is accumulated from weighted evidence (review sentences, tags) and, for
tracks nobody wrote about, inferred from the audio's valence/energy position.  The
strongest mood's score saturates with its evidence (``1 - exp(-evidence)``), so more
evidence raises it towards 1 without one gushing review dominating; every other mood
scores in proportion to its evidence against the strongest, so a profile stays a
profile however much is written.  Confidence grows with the total amount of evidence.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from .tagger import MoodHit
from .vocabulary import MOODS, Lexicon, load_lexicon

MAX_EVIDENCE_PER_MOOD = 3
SHOWN_MINIMUM = 0.05  # scores below this are noise, not a mood worth listing
#: a mood labels a track when at least this share of its strongest mood (bench/mood_labels.py)
LEADING_SHARE = 0.6
AUDIO_AMOUNT = 0.3  # audio-inferred moods count for confidence, far below a review
INFERRED_SIGMA = 0.45  # width of a mood's region around its valence/arousal prototype
INFERRED_SCALE = 0.35  # inferred scores stay below what real evidence gives


@dataclass(frozen=True)
class Evidence:
    """A phrase that supports a mood: where it came from and how much it counted."""

    mood: str
    phrase: str
    source: str
    start: int
    end: int
    weight: float
    sentence: str = ""

    def to_json(self) -> dict:
        return {"phrase": self.phrase, "source": self.source, "start": self.start,
                "end": self.end, "weight": round(self.weight, 3), "sentence": self.sentence}


#: one object for equal evidence: the same tag gives the same evidence to every track
#: that has it, which at a million tracks is millions of equal objects otherwise
_evidence = lru_cache(maxsize=1 << 16)(Evidence)


@dataclass
class MoodAccumulator:
    """Collects weighted evidence for one track."""

    raw: np.ndarray = field(default_factory=lambda: np.zeros(len(MOODS), np.float64))
    va_sum: np.ndarray = field(default_factory=lambda: np.zeros(2, np.float64))
    va_weight: float = 0.0
    amount: float = 0.0
    evidence: list[Evidence] = field(default_factory=list)
    sources: set[str] = field(default_factory=set)

    def add_hits(self, hits: list[MoodHit], *, weight: float, source: str, kind: str,
                 sentence: str = "", va_share: float = 1.0) -> None:
        """Add mood hits; ``va_share`` scales how much they move valence/arousal."""
        for hit in hits:
            w = hit.weight * weight
            self.raw += w * hit.entry.moods
            sign = 1.0 if w >= 0 else -0.5  # "not happy" is unhappy-ish, not sad
            va_w = abs(w) * va_share
            self.va_sum += va_w * sign * np.array([hit.entry.valence, hit.entry.arousal])
            self.va_weight += va_w
            self.amount += abs(w)
            self.sources.add(kind)
            if w > 0:
                for m in np.flatnonzero(hit.entry.moods):
                    self.evidence.append(_evidence(MOODS[m], hit.phrase, source, hit.start,
                                                   hit.end, float(w * hit.entry.moods[m]),
                                                   sentence))

    def absorb(self, other: "MoodAccumulator", weight: float) -> None:
        """Take in part of another track's mood evidence (a review said they are alike)."""
        self.raw += weight * other.raw
        self.va_sum += weight * other.va_sum
        self.va_weight += weight * other.va_weight
        self.amount += weight * other.amount
        self.sources |= other.sources & {"reviews"}

    def copy(self) -> "MoodAccumulator":
        return MoodAccumulator(self.raw.copy(), self.va_sum.copy(), self.va_weight,
                               self.amount, list(self.evidence), set(self.sources))

    def add_audio(self, valence: float, arousal: float, *, weight: float = 1.0,
                  moods: np.ndarray | None = None) -> None:
        """Audio valence/energy on the [-1, 1] scale, and the moods that position suggests."""
        self.va_sum += weight * np.array([valence, arousal])
        self.va_weight += weight
        if moods is not None:
            self.raw += moods
        self.amount += AUDIO_AMOUNT
        self.sources.add("audio")


@dataclass(slots=True)
class MoodProfile:
    scores: np.ndarray  # (16,) in [0, 1]
    valence: float
    arousal: float
    confidence: float
    source: str  # "reviews", "tags", "audio" or "none": the strongest kind of evidence
    evidence: dict[str, tuple[Evidence, ...]]  # shared between profiles: read-only

    def top(self, n: int = 3, minimum: float = SHOWN_MINIMUM) -> list[str]:
        order = np.argsort(-self.scores, kind="stable")
        return [MOODS[i] for i in order[:n] if self.scores[i] >= minimum]

    def leading(self, n: int = 3) -> list[str]:
        """The track's labels: its top ``n`` moods at least :data:`LEADING_SHARE` as
        strong as the strongest. A mood far behind it is no label of the track: a sad
        song in pop playlists was labelled "joyful" (its genre's mood, a third of its
        "sad"), a quiet one in rock playlists "energetic"."""
        best = float(self.scores.max()) if len(self.scores) else 0.0
        return [m for m in self.top(n) if self.scores[MOODS.index(m)] >= LEADING_SHARE * best]

    def mood_list(self, minimum: float = SHOWN_MINIMUM) -> list[dict]:
        """Moods scoring at least ``minimum``, best first, each with its evidence."""
        return [{"mood": m, "score": round(float(self.scores[MOODS.index(m)]), 4),
                 "evidence": [e.to_json() for e in self.evidence.get(m, [])]}
                for m in self.top(len(MOODS), minimum)]


def labelled(scores: np.ndarray, mood: str, n: int = 3) -> np.ndarray:
    """Per row of ``scores`` (rows of 16 mood scores): whether ``mood`` is among its
    labels, as :meth:`MoodProfile.leading` names them (``n`` strongest, at least
    ``SHOWN_MINIMUM`` and :data:`LEADING_SHARE` of the strongest)."""
    scores = np.nan_to_num(np.asarray(scores, dtype=np.float32))
    if not len(scores):
        return np.zeros(0, dtype=bool)
    m = MOODS.index(mood)
    order = np.argsort(-scores, axis=1, kind="stable")[:, :n]
    own = scores[:, m]
    return (order == m).any(axis=1) & (own >= SHOWN_MINIMUM) \
        & (own >= LEADING_SHARE * scores.max(axis=1))


def mood_affinity(valence: float, arousal: float, lexicon: Lexicon | None = None) -> np.ndarray:
    """Nearness (0..1) of a valence/arousal position to each mood's prototype."""
    protos = (lexicon or load_lexicon()).prototypes
    dist2 = ((protos - np.array([valence, arousal])) ** 2).sum(axis=1)
    return np.exp(-dist2 / (2 * INFERRED_SIGMA ** 2)).astype(np.float32)


def inferred_scores(valence: float, arousal: float, lexicon: Lexicon | None = None) -> np.ndarray:
    """Mood scores from a valence/arousal position alone, kept below real evidence."""
    return (INFERRED_SCALE * mood_affinity(valence, arousal, lexicon)).astype(np.float32)


def _source(acc: MoodAccumulator) -> str:
    for kind in ("reviews", "tags", "audio"):
        if kind in acc.sources:
            return kind
    return "none"


def finish(acc: MoodAccumulator, lexicon: Lexicon | None = None) -> MoodProfile:
    """Turn accumulated evidence into a profile (never NaN)."""
    va = acc.va_sum / acc.va_weight if acc.va_weight > 0 else np.zeros(2)
    va = np.clip(np.nan_to_num(va), -1.0, 1.0)
    raw = np.clip(acc.raw, 0.0, None)
    top = float(raw.max()) if raw.size else 0.0
    # the strongest mood saturates with evidence; the others keep their share of it
    scores = raw / top * (1.0 - np.exp(-top)) if top > 0 else raw
    if acc.va_weight > 0 and acc.amount < 1.0:
        # little text evidence: fill in from the valence/arousal position, marked weaker
        prior = inferred_scores(float(va[0]), float(va[1]), lexicon)
        scores = np.maximum(scores, prior * (1.0 - acc.amount))
    return MoodProfile(scores=np.nan_to_num(scores).astype(np.float32), valence=float(va[0]),
                       arousal=float(va[1]), confidence=float(1.0 - np.exp(-acc.amount / 3.0)),
                       source=_source(acc), evidence=_strongest_evidence(acc.evidence))


def _strongest_evidence(found: list[Evidence]) -> dict[str, tuple[Evidence, ...]]:
    """Per mood, its ``MAX_EVIDENCE_PER_MOOD`` strongest pieces of evidence."""
    evidence: dict[str, list[Evidence]] = {}
    for ev in sorted(found, key=lambda e: -e.weight):
        bucket = evidence.setdefault(ev.mood, [])
        if len(bucket) < MAX_EVIDENCE_PER_MOOD:
            bucket.append(ev)
    return _shared(tuple((mood, tuple(bucket)) for mood, bucket in evidence.items()))


@lru_cache(maxsize=1 << 16)
def _shared(items: tuple[tuple[str, tuple[Evidence, ...]], ...],
            ) -> dict[str, tuple[Evidence, ...]]:
    """One dict for equal evidence: tracks with the same tags share it (read it, never
    change it), as they share its ``Evidence`` objects."""
    return dict(items)
