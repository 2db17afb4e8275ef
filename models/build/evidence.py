"""Mood evidence for every track: tags, notes, audio position and reviews, accumulated
into mood profiles; and the track comparisons the reviews assert."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, Sequence

import numpy as np

from ..audio import INPUTS as VA_INPUTS
from ..audio import AudioFeel, VaModel
from ..ingest import Catalog, Track
from ..language import (
    ALBUM_WEIGHT,
    Affirmed,
    Comparison,
    Lexicon,
    MoodAccumulator,
    MoodProfile,
    Passage,
    Reading,
    Review,
    ReviewLinker,
    TagReader,
    affirmed_moods,
    finish,
    hits_vector,
    mood_affinity,
    settle_shivers,
    spare_affirmed,
    tag_text,
)
from .blending import AlbumParts, add_album_part, blend, numbers
from .progress import ProgressFactory, no_progress

TAG_WEIGHT = 0.3  # genre and playlist tags say less about one track than a review does
TAG_BUDGET = 3  # a track in twenty playlists gets no more tag evidence than one in three
TAG_VA_SHARE = 0.25  # a genre is a weak guess at valence/arousal next to measured audio
AUDIO_VA_WEIGHT = 1.0
AUDIO_MOOD_WEIGHT = 1.0  # how much the audio's valence/energy position counts as mood evidence
ALBUM_SHARE = 0.5  # album-level evidence of a described track: at most this share of its own


@dataclass
class MoodAnalysis:
    profiles: list[MoodProfile]
    comparisons: list[Comparison]
    unresolved_reviews: int = 0
    #: reviews of a known album or track in which no mood word was recognised (another
    #: language, or nothing said about feeling)
    silent_reviews: int = 0
    #: every review passage and the rows it went to, for auditing the reading
    passages: list[Passage] = field(default_factory=list)
    #: the first few unresolved and silent reviews by name (``review_name``)
    unresolved_names: list[str] = field(default_factory=list)
    silent_names: list[str] = field(default_factory=list)


NAMED_REVIEWS = 5  # unused reviews named in a warning; the count says how many in all


def review_name(review: Review) -> str:
    """Where a review came from and what it is about, for a warning: its file (and line),
    then the track or album it names."""
    about = f'track "{review.track}"' if review.track else \
        f'album "{review.album}"' if review.album else ""
    name = f"{review.source} ({about})" if about else review.source
    return name if len(name) <= 120 else name[:119] + "…"


def _audio_moods(tracks: Sequence[Track], positions: list, va_model: VaModel | None,
                 lexicon: Lexicon, audio_feel: AudioFeel | None = None,
                 ) -> list[np.ndarray | None]:
    """Mood evidence from audio: for an analysed file, the moods the audio feel model
    hears; else the moods near the track's valence/arousal position, or for a track
    without tags the learned mood head when the model has one (the head predicts what
    mood tags would say, so it stands in only where there are none)."""
    out: list[np.ndarray | None] = [
        None if p is None else AUDIO_MOOD_WEIGHT * mood_affinity(p[0], p[1], lexicon)
        for p in positions]
    if audio_feel is not None:
        heard = [i for i, t in enumerate(tracks) if t.analysis]
        for i, moods in zip(heard, audio_feel.moods([tracks[i].analysis for i in heard])):
            out[i] = AUDIO_MOOD_WEIGHT * moods.astype(np.float32)
    if va_model is not None and va_model.has_moods:
        rows = [i for i, p in enumerate(positions) if p is not None and not tracks[i].tags
                and not (audio_feel is not None and tracks[i].analysis)]
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
                    audio_feel: AudioFeel | None = None) -> list[tuple[float, float] | None]:
    """Each track's valence/arousal from its audio: the audio feel model's for an analysed
    file, the learned model's estimate when one is given, else Spotify's valence and
    energy rescaled to [-1, 1]; None without audio."""
    plain = _heard_positions(tracks, [_plain_position(t) for t in tracks], audio_feel)
    if va_model is None:
        return plain
    has_audio = [i for i, t in enumerate(tracks) if any(f in t.features for f in VA_INPUTS)
                 and not (audio_feel is not None and t.analysis)]
    out: list[tuple[float, float] | None] = list(plain)
    if has_audio:
        predicted = va_model.predict([tracks[i] for i in has_audio])
        for i, (v, a) in zip(has_audio, predicted):
            out[i] = (float(v), float(a))
    return out


def _heard_positions(tracks: Sequence[Track], positions: list,
                     audio_feel: AudioFeel | None) -> list[tuple[float, float] | None]:
    if audio_feel is None:
        return positions
    heard = [i for i, t in enumerate(tracks) if t.analysis]
    out = list(positions)
    for i, (v, a) in zip(heard, audio_feel.va([tracks[i].analysis for i in heard])):
        out[i] = (float(v), float(a))
    return out


MOOD_CHUNK = 50_000  # tracks whose audio positions and moods are computed at a time


def analyse_moods(catalog: Catalog, reviews: Sequence[Review], lexicon: Lexicon,
                  progress: ProgressFactory = no_progress,
                  va_model: VaModel | None = None,
                  audio_feel: AudioFeel | None = None,
                  chunk: int = MOOD_CHUNK) -> MoodAnalysis:
    """Mood profiles of every track, and the track comparisons the reviews assert.

    The reviews are read first, so a track no review touches is finished as soon as its
    own evidence is in: only the reviewed tracks' accumulators are held to the end (a
    million accumulators at once cost more than the profiles).  Audio positions and moods
    are computed ``chunk`` tracks at a time (the result does not depend on it)."""
    tracks = catalog.tracks
    bar = progress("moods", len(tracks) + len(reviews))
    readings = [ReviewLinker(tracks).read(review) for review in reviews] if reviews else []
    comparisons = [c for reading in readings for c in reading.comparisons]
    held = {row: MoodAccumulator() for row in _reviewed_rows(readings)}
    profiles: list[MoodProfile | None] = [None] * len(tracks)
    read_tag = TagReader(lexicon)
    for start in range(0, len(tracks), chunk):
        part = tracks[start:start + chunk]
        positions = audio_positions(part, va_model, audio_feel)
        audio_moods = _audio_moods(part, positions, va_model, lexicon, audio_feel)
        for row, track, audio_va, moods in zip(range(start, start + len(part)), part,
                                               positions, audio_moods):
            acc = held[row] if row in held else MoodAccumulator()
            _track_evidence(acc, track, read_tag, lexicon, audio_va, moods)
            if row not in held:
                profiles[row] = finish(acc, lexicon)
        bar.update(len(part))
    silent: list[str] = []
    album_parts: AlbumParts = {}
    for review, reading in zip(reviews, readings):
        if not reading.unresolved and not _read_passages(reading, held, lexicon,
                                                         album_parts):
            silent.append(review_name(review))
        bar.update(1)
    bar.close()
    blend(held, comparisons, album_parts)
    for row, acc in held.items():
        profiles[row] = finish(acc, lexicon)
    unresolved = [review_name(v) for v, r in zip(reviews, readings) if r.unresolved]
    return MoodAnalysis(profiles, comparisons, len(unresolved), len(silent),
                        [p for reading in readings for p in reading.passages],
                        unresolved[:NAMED_REVIEWS], silent[:NAMED_REVIEWS])


def _reviewed_rows(readings: Sequence[Reading]) -> list[int]:
    """Rows a review credits or compares: their evidence is complete only at the end."""
    rows = {row for reading in readings for p in reading.passages for row in p.rows}
    rows |= {row for reading in readings for c in reading.comparisons
             for row in (c.subject, c.other)}
    return sorted(rows)


def _read_passages(reading: Reading, accs: Mapping[int, MoodAccumulator],
                   lexicon: Lexicon, album_parts: AlbumParts) -> bool:
    """Tag each passage and credit its rows; False when no passage holds a mood word.

    Album-level passages come last, and for a track this review also describes on its
    own they count at most ALBUM_SHARE of that description: what is said of the whole
    album is a fallback, not a verdict.  Tracks the review does not single out get the
    album-level evidence in full, and none of a mood its own words rule out ("I
    resisted a happy ending": what makes the rest of the album happy does not).  A
    denial takes from a track no side mood its own passages affirm outright
    (:func:`spare_affirmed`: "It isn't, not once menacing ... eerie and sad").  What the
    album-level passages gave a track described by none goes to ``album_parts``."""
    source = reading.passages[0].review.source if reading.passages else ""
    album: list[tuple[Passage, list]] = []
    own: dict[int, float] = {}
    ruled_out: dict[int, np.ndarray] = {}  # the rows' own moods, summed and signed
    tagged = settle_shivers([(p, tag_text(p.text, lexicon, offset=p.start, skip_names=True,
                                          outside=reading.outside_titles,
                                          described=reading.describes))
                             for p in reading.passages], lexicon)
    denial = any(h.weight < 0 for _, hits in tagged for h in hits)  # else nothing to spare
    affirmed = _affirmed_by_row(tagged) if denial else {}
    for k, (passage, hits) in enumerate(tagged):
        if passage.weight <= ALBUM_WEIGHT:
            album.append((passage, hits))
            continue
        amount = passage.weight * sum(abs(h.weight) for h in hits)
        denies = any(h.weight < 0 for h in hits)
        for row in passage.rows:
            mine = spare_affirmed(hits, affirmed[row].without(k)) \
                if denies and row in affirmed else list(hits)
            own[row] = own.get(row, 0.0) + amount
            ruled_out[row] = ruled_out.get(row, 0.0) + passage.weight * hits_vector(mine)
            accs[row].add_hits(mine, weight=passage.weight, source=source, kind="reviews",
                               sentence=passage.sentence)
    total = sum(abs(h.weight) * p.weight for p, hits in album for h in hits)
    album_rows = {row for passage, _ in album for row in passage.rows if not own.get(row)}
    start = {row: numbers(accs[row]) for row in album_rows}
    before = {row: accs[row].raw.copy() for row, moods in ruled_out.items() if moods.min() < 0}
    for passage, hits in album:
        for row in passage.rows:
            mine = own.get(row, 0.0)
            share = 1.0 if mine == 0 or total == 0 else min(1.0, ALBUM_SHARE * mine / total)
            accs[row].add_hits(hits, weight=passage.weight * share, source=source,
                               kind="reviews", sentence=passage.sentence)
    for row, raw in before.items():
        negated = ruled_out[row] < 0
        accs[row].raw[negated] = np.minimum(accs[row].raw[negated], raw[negated])
    add_album_part(album_parts, accs, start, album_rows)  # a fallback, not for likenesses
    return total > 0 or any(own.values())


def _affirmed_by_row(tagged: Sequence[tuple[Passage, list]]) -> dict[int, Affirmed]:
    """Per row, what its own passages (by index) affirm as a word's main mood (a
    denial's own sentence is the tagger's to weigh)."""
    found: dict[int, tuple[list[int], list[np.ndarray]]] = {}
    for k, (passage, hits) in enumerate(tagged):
        if passage.weight > ALBUM_WEIGHT:
            moods = affirmed_moods(hits)
            for row in passage.rows if moods.any() else ():
                ks, vectors = found.setdefault(row, ([], []))
                ks.append(k)
                vectors.append(moods)
    return {row: Affirmed(ks, vectors) for row, (ks, vectors) in found.items()}


def mood_profiles(catalog: Catalog, reviews: Sequence[Review], lexicon: Lexicon,
                  progress: ProgressFactory = no_progress) -> list[MoodProfile]:
    return analyse_moods(catalog, reviews, lexicon, progress).profiles


def reading_audit(analysis: MoodAnalysis, tracks: Sequence[Track]) -> dict[str, list[dict]]:
    """What the review reading did, for anyone to check: which span of which review went
    to which tracks with what weight, and which tracks a review calls alike."""
    passages = [{"start": p.start, "end": p.end, "tracks": [tracks[r].id for r in p.rows],
                 "weight": round(p.weight, 3), "source": p.review.source}
                for p in analysis.passages]
    comparisons = [{"track": tracks[c.subject].id, "other": tracks[c.other].id,
                    "sentence": c.sentence, "source": c.review.source}
                   for c in analysis.comparisons]
    return {"passages": passages, "comparisons": comparisons}
