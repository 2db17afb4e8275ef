"""Feel coordinates of a catalog and the vectors the neighbour model ranks by.

``feel_coordinates`` gathers, per track, every kind of evidence into the feel space
(learned valence/arousal and co-membership from ``FeelModel``; moods from the evidence
pipeline's profiles; sound from audio or, failing that, from words and the score
context), each coordinate with a confidence, then lets tracks of one album share a
prior.  ``feel_vectors`` weighs each coordinate by its confidence: a coordinate
nobody has evidence for sits at the catalog's centre, so thin evidence cannot make a
confident-looking direction; a constant anchor column makes cosine similarity see how
far from the centre a track is (a neutral track is not "like" a strongly sad one).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from ..ingest import Track
from ..language import MOODS, MoodProfile, Review, ReviewLinker
from .feel import FeelModel, feel_columns
from .feel_words import SOUND, is_score, sound_estimates
from .moments import Moments

TEXT_VA_TRUST = 0.5  # words place valence/arousal less surely than the learned audio head
ALBUM_PRIOR = 0.5  # weight of the album's pooled coordinates next to a track's own
ANCHOR = 1.0
MODEL_CHUNK = 50_000  # rows the feel model's inputs are prepared for at a time


@dataclass(frozen=True)
class FeelWeights:
    """Block weights; defaults chosen on the Deezer train split (bench/evaluate.py)."""

    va: float = 2.0
    mood: float = 1.0
    latent: float = 1.0
    sound: float = 0.25
    emotion: float = 2.0  # analysed files: the audio feel model's emotion space
    timbre: float = 2.0  # analysed files: the analysis itself, standardised


@dataclass
class FeelCoordinates:
    values: np.ndarray  # (n, d) standardised coordinates, 0 = the catalog's centre
    confidence: np.ndarray  # (n, d) in [0, 1]
    va: np.ndarray  # (n, 2) valence/arousal on [-1, 1] (for profiles and the API)
    #: the catalog's centre and spread of the valence/arousal and mood columns: the
    #: fitted state that places a track added later exactly as this catalog's were
    stats: tuple[np.ndarray, np.ndarray] | None = None
    #: (n, 2d) float32: each track's own values then confidences, before the album
    #: prior (what a track added later shares with its album mates)
    own: np.ndarray | None = None

    @property
    def columns(self) -> tuple[str, ...]:
        return feel_columns()


def track_texts(tracks: Sequence[Track], reviews: Sequence[Review]) -> list[str]:
    """Notes plus every review passage about each track (album passages included)."""
    texts = [t.notes or "" for t in tracks]
    if reviews:
        linker = ReviewLinker(tracks)
        for review in reviews:
            for passage in linker.read(review).passages:
                for row in passage.rows:
                    texts[row] += " " + passage.text
    return texts


def column_stats(values: np.ndarray, weight: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each column's centre and scale on the tracks that have evidence for it; a column
    nobody has evidence for gets an infinite scale (its coordinates are all 0)."""
    return Moments.of(values, weight).centre_spread()


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def album_key(album: str, artist: str) -> tuple[str, str] | None:
    """What makes tracks one album for the prior: normalised album and artist."""
    return (_fold(album), _fold(artist)) if album else None


def album_groups(tracks: Sequence[Track]) -> list[list[int]]:
    """Rows of each album (same normalised album and first artist) with 2+ tracks."""
    groups: dict[tuple[str, str], list[int]] = {}
    for row, track in enumerate(tracks):
        key = album_key(track.album, track.artist)
        if key is not None:
            groups.setdefault(key, []).append(row)
    return [rows for rows in groups.values() if len(rows) > 1]


def share_album_prior(values: np.ndarray, confidence: np.ndarray,
                      groups: Sequence[Sequence[int]], strength: float = ALBUM_PRIOR) -> None:
    """Blend each track's coordinates with its album's confidence-weighted mean (in place):
    where the track knows little and the album knows more, the album fills in."""
    for rows in groups:
        rows = list(rows)
        c, v = confidence[rows], values[rows]
        mass = c.sum(axis=0)
        mean = np.where(mass > 0, (c * v).sum(axis=0) / np.maximum(mass, 1e-12), 0.0)
        prior_c = strength * c.mean(axis=0)
        total = c + prior_c
        values[rows] = np.where(total > 0, (c * v + prior_c * mean) / np.maximum(total, 1e-12),
                                v)
        confidence[rows] = np.minimum(1.0, c + prior_c * (1.0 - c))


@dataclass
class FeelEvidence:
    """Every track's evidence before standardising: valence/arousal then moods
    (``placed``, with ``weight``), co-membership and sound, each with a confidence."""

    va: np.ndarray
    placed: np.ndarray  # (n, 2 + 16)
    weight: np.ndarray
    latent: np.ndarray
    latent_c: np.ndarray
    sound: np.ndarray
    sound_c: np.ndarray

    def moments(self) -> Moments:
        """What the catalog's centre and spread are fitted from (``column_stats``)."""
        return Moments.of(self.placed, self.weight)


def feel_evidence(model: FeelModel, tracks: Sequence[Track], profiles: Sequence[MoodProfile],
                  reviews: Sequence[Review] = (), heard: np.ndarray | None = None,
                  chunk: int = MODEL_CHUNK) -> FeelEvidence:
    """Each track's evidence on its own (see :func:`feel_coordinates`)."""
    n = len(tracks)
    va, va_conf, latent, latent_c, sound, sound_c, has_tags = _model_parts(model, tracks,
                                                                           chunk)
    if heard is not None and heard.any():
        va[heard] = [[profiles[r].valence, profiles[r].arousal] for r in np.flatnonzero(heard)]
        va_conf[heard] = 1.0
    text_va = np.array([[p.valence, p.arousal] for p in profiles]).reshape(n, 2)
    text_conf = TEXT_VA_TRUST * np.array([p.confidence if p.source in ("reviews", "tags")
                                          else 0.0 for p in profiles])[:, None]
    text_conf = np.repeat(text_conf, 2, axis=1)
    mass = va_conf + text_conf
    va = np.where(mass > 0, (va * va_conf + text_va * text_conf) / np.maximum(mass, 1e-12), 0.0)
    va_c = np.minimum(1.0, np.maximum(va_conf, text_conf))
    placed, weight = _placed(va, va_c, profiles)
    if heard is not None:
        latent_c[heard & ~has_tags] = 0.0
    lacking = (sound_c == 0).any(axis=1)  # words fill in features the audio lacks
    if lacking.any():
        rows = np.flatnonzero(lacking)
        texts = track_texts(tracks, reviews)
        low, high = _sound_range(model)
        est, est_c = sound_estimates([texts[r] for r in rows],
                                     [is_score(tracks[r].album, tracks[r].tags) for r in rows],
                                     low, high)
        fill = sound_c[rows] == 0
        sound[rows] = np.where(fill, est, sound[rows])
        sound_c[rows] = np.where(fill, est_c, sound_c[rows])
    return FeelEvidence(va, placed, weight, latent, latent_c, sound, sound_c)


def _placed(va: np.ndarray, va_c: np.ndarray, profiles: Sequence[MoodProfile],
            ) -> tuple[np.ndarray, np.ndarray]:
    """Valence/arousal then the 16 mood scores, and their confidences, written into one
    (n, 18) array each (no stacked copies: at a million tracks every copy counts)."""
    n, width = len(va), 2 + len(MOODS)
    placed, weight = np.empty((n, width)), np.empty((n, width))
    placed[:, :2], weight[:, :2] = va, va_c
    if n:
        placed[:, 2:] = np.stack([p.scores for p in profiles])
    weight[:, 2:] = np.array([p.confidence for p in profiles], dtype=np.float64)[:, None]
    return placed, weight


def _model_parts(model: FeelModel, tracks: Sequence[Track], chunk: int = MODEL_CHUNK,
                 ) -> tuple[np.ndarray, ...]:
    """The feel model's row-wise predictions (valence/arousal, latent, sound, each with
    its confidence, and which rows carry a known tag), ``chunk`` rows at a time: its
    inputs are about a hundred float64 columns per track, too many to hold for a
    million tracks at once."""
    n, outputs = len(tracks), None
    for start in range(0, max(n, 1), chunk):  # an empty catalog: one empty part
        prepared = model.prepare(tracks[start:start + chunk])
        part = (*model.predict_va(prepared), *model.predict_latent(prepared),
                *model.sound(prepared), prepared.has_tags)
        if outputs is None:  # written in place: no list of parts to concatenate
            outputs = tuple(np.empty((n, *p.shape[1:]), p.dtype) for p in part)
        for out, p in zip(outputs, part):
            out[start:start + len(p)] = p
    return outputs


def feel_coordinates(model: FeelModel, tracks: Sequence[Track],
                     profiles: Sequence[MoodProfile], reviews: Sequence[Review] = (),
                     stats: tuple[np.ndarray, np.ndarray] | None = None,
                     album_prior: bool = True, heard: np.ndarray | None = None,
                     chunk: int = MODEL_CHUNK) -> FeelCoordinates:
    """Every track's feel coordinates; ``stats`` (a catalog's centre and spread, see
    :attr:`FeelCoordinates.stats`) places tracks on that catalog's scale instead of
    fitting one on ``tracks``; ``album_prior=False`` leaves the album prior out.
    ``heard``: rows whose valence/arousal the audio feel model read from the file
    (their profiles carry it); the feel model's Spotify-column heads and audio->latent
    projection do not apply to our own estimates, so those rows skip them.  The model
    reads ``chunk`` rows at a time (the result does not depend on it)."""
    ev = feel_evidence(model, tracks, profiles, reviews, heard, chunk)
    centre, spread = stats if stats is not None else column_stats(ev.placed, ev.weight)
    np.subtract(ev.placed, centre, out=ev.placed)
    ev.placed /= spread
    values = np.concatenate([ev.placed, ev.latent, ev.sound], axis=1, dtype=np.float64)
    confidence = np.concatenate([ev.weight, ev.latent_c, ev.sound_c], axis=1,
                                dtype=np.float64)
    va = ev.va
    del ev  # its arrays are copied: let them go before the next copy
    own = np.concatenate([values, confidence], axis=1, dtype=np.float32)
    if album_prior:
        share_album_prior(values, confidence, album_groups(tracks))
    return FeelCoordinates(values, confidence, va, (centre, spread), own)


def _sound_range(model: FeelModel) -> tuple[np.ndarray, np.ndarray]:
    from ..audio import INPUTS
    cols = [INPUTS.index(f) for f in SOUND]
    return model.sound_low_[cols], model.sound_high_[cols]


def feel_vectors(coords: FeelCoordinates, weights: FeelWeights = FeelWeights(),
                 anchor: float = ANCHOR) -> np.ndarray:
    """Float32 vectors: coordinate x confidence x block weight / sqrt(block width),
    plus a constant anchor column."""
    latent = coords.values.shape[1] - 2 - len(MOODS) - len(SOUND)
    blocks = [(weights.va, 2), (weights.mood, len(MOODS)), (weights.latent, latent),
              (weights.sound, len(SOUND))]
    scale = np.concatenate([np.full(width, w / np.sqrt(width)) for w, width in blocks])
    n, d = coords.values.shape
    out = np.empty((n, d + 1), np.float32)
    for start in range(0, n, MODEL_CHUNK):  # float64 products a chunk at a time
        rows = slice(start, start + MODEL_CHUNK)
        out[rows, :d] = coords.values[rows] * coords.confidence[rows] * scale
    out[:, d] = anchor
    return out
