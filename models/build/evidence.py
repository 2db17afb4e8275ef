"""Mood evidence for every track: tags, notes, audio position and reviews, accumulated
into mood profiles; and the track comparisons the reviews assert."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from ..audio import INPUTS as VA_INPUTS
from ..audio import VaModel
from ..ingest import Catalog, Track
from ..language import MoodAccumulator, MoodProfile, finish, mood_affinity
from ..language import Comparison, Review, ReviewLinker
from ..language import tag_text
from ..language import TagReader
from ..language import Lexicon
from .progress import ProgressFactory, no_progress

TAG_WEIGHT = 0.3  # genre and playlist tags say less about one track than a review does
TAG_BUDGET = 3  # a track in twenty playlists gets no more tag evidence than one in three
TAG_VA_SHARE = 0.25  # a genre is a weak guess at valence/arousal next to measured audio
AUDIO_VA_WEIGHT = 1.0
AUDIO_MOOD_WEIGHT = 1.0  # how much the audio's valence/energy position counts as mood evidence
COMPARISON_BLEND = 0.5  # share of a compared track's mood evidence the subject takes in


@dataclass
class MoodAnalysis:
    profiles: list[MoodProfile]
    comparisons: list[Comparison]
    unresolved_reviews: int = 0


def _audio_moods(tracks: Sequence[Track], positions: list, va_model: VaModel | None,
                 lexicon: Lexicon) -> list[np.ndarray | None]:
    """Mood evidence from audio: the moods near the track's valence/arousal position;
    for a track without tags, the learned mood head when the model has one (the head
    predicts what mood tags would say, so it stands in only where there are none)."""
    out: list[np.ndarray | None] = [
        None if p is None else AUDIO_MOOD_WEIGHT * mood_affinity(p[0], p[1], lexicon)
        for p in positions]
    if va_model is not None and va_model.has_moods:
        rows = [i for i, p in enumerate(positions) if p is not None and not tracks[i].tags]
        if rows:
            for i, moods in zip(rows, va_model.predict_moods([tracks[i] for i in rows])):
                out[i] = AUDIO_MOOD_WEIGHT * moods.astype(np.float32)
    return out


def _track_evidence(acc: MoodAccumulator, track: Track, read_tag: "TagReader",
                    lexicon: Lexicon, audio_va: tuple[float, float] | None,
                    audio_moods: np.ndarray | None) -> None:
    tagged = [(tag, hits) for tag in track.tags if (hits := read_tag(tag))]
    weight = TAG_WEIGHT * min(1.0, TAG_BUDGET / max(len(tagged), 1))
    for tag, hits in tagged:
        acc.add_hits(hits, weight=weight, source=f"tag: {tag}", kind="tags",
                     va_share=TAG_VA_SHARE)
    if track.notes:
        acc.add_hits(tag_text(track.notes, lexicon), weight=1.0, source="catalog notes",
                     kind="reviews", sentence=track.notes)
    if audio_va is not None:
        acc.add_audio(*audio_va, weight=AUDIO_VA_WEIGHT, moods=audio_moods)


def _plain_position(track: Track) -> tuple[float, float] | None:
    """Spotify's valence and energy on [-1, 1]; energy alone (audio analysed from a file,
    which gives no valence) places the track at neutral valence."""
    if "energy" not in track.features:
        return None
    return 2 * track.features.get("valence", 0.5) - 1, 2 * track.features["energy"] - 1


def audio_positions(tracks: Sequence[Track], va_model: VaModel | None,
                    ) -> list[tuple[float, float] | None]:
    """Each track's valence/arousal from its audio: the learned model's estimate when one
    is given, else Spotify's valence and energy rescaled to [-1, 1]; None without audio."""
    plain = [_plain_position(t) for t in tracks]
    if va_model is None:
        return plain
    has_audio = [i for i, t in enumerate(tracks) if any(f in t.features for f in VA_INPUTS)]
    out: list[tuple[float, float] | None] = list(plain)
    if has_audio:
        predicted = va_model.predict([tracks[i] for i in has_audio])
        for i, (v, a) in zip(has_audio, predicted):
            out[i] = (float(v), float(a))
    return out


def analyse_moods(catalog: Catalog, reviews: Sequence[Review], lexicon: Lexicon,
                  progress: ProgressFactory = no_progress,
                  va_model: VaModel | None = None) -> MoodAnalysis:
    """Mood profiles of every track, and the track comparisons the reviews assert."""
    accs = [MoodAccumulator() for _ in catalog.tracks]
    read_tag = TagReader(lexicon)
    bar = progress("moods", len(catalog.tracks) + len(reviews))
    positions = audio_positions(catalog.tracks, va_model)
    audio_moods = _audio_moods(catalog.tracks, positions, va_model, lexicon)
    for acc, track, audio_va, moods in zip(accs, catalog.tracks, positions, audio_moods):
        _track_evidence(acc, track, read_tag, lexicon, audio_va, moods)
        bar.update(1)
    linker = ReviewLinker(catalog.tracks)
    comparisons: list[Comparison] = []
    unresolved = 0
    for review in reviews:
        reading = linker.read(review)
        unresolved += reading.unresolved
        for passage in reading.passages:
            hits = [h for h in tag_text(passage.text, lexicon, offset=passage.start)
                    if reading.outside_titles(h.start, h.end)]
            for row in passage.rows:
                accs[row].add_hits(hits, weight=passage.weight, source=review.source,
                                   kind="reviews", sentence=passage.sentence)
        comparisons += reading.comparisons
        bar.update(1)
    bar.close()
    _blend(accs, comparisons)
    return MoodAnalysis([finish(acc, lexicon) for acc in accs], comparisons, unresolved)


def _blend(accs: list[MoodAccumulator], comparisons: Sequence[Comparison]) -> None:
    """A track said to be like another takes in part of the other's moods."""
    before = {c.other: accs[c.other].copy() for c in comparisons}
    for c in comparisons:
        accs[c.subject].absorb(before[c.other], COMPARISON_BLEND)


def mood_profiles(catalog: Catalog, reviews: Sequence[Review], lexicon: Lexicon,
                  progress: ProgressFactory = no_progress) -> list[MoodProfile]:
    return analyse_moods(catalog, reviews, lexicon, progress).profiles
