"""The offline build: catalog + reviews -> mood profiles -> vectors -> neighbours.

``build`` returns a :class:`BuiltModel` holding everything the service stores:
per-track documents (JSON-ready), float32 vectors and the top-K neighbour table.
"""
from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Sequence

import numpy as np

from .catalog import Catalog, RowProblem, Track
from .errors import CatalogError
from .moods import MoodAccumulator, MoodProfile, finish, mood_affinity
from .neighbours import NeighbourModel
from .reviews import Comparison, Review, ReviewLinker
from .table import TrackTable
from .tagger import MoodHit, tag_text
from .text import normalise
from .va_model import INPUTS as VA_INPUTS
from .va_model import VaModel
from .vectors import BlockWeights, build_vectors
from .vocabulary import MOODS, Lexicon, load_lexicon

TAG_WEIGHT = 0.3  # genre and playlist tags say less about one track than a review does
TAG_BUDGET = 3  # a track in twenty playlists gets no more tag evidence than one in three
TAG_VA_SHARE = 0.25  # a genre is a weak guess at valence/arousal next to measured audio
AUDIO_VA_WEIGHT = 1.0
AUDIO_MOOD_WEIGHT = 1.0  # how much the audio's valence/energy position counts as mood evidence
TOP_MOODS = 3
COMPARISON_BLEND = 0.5  # share of a compared track's mood evidence the subject takes in


class _NoProgress:
    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


ProgressFactory = Callable[[str, int], Any]


def no_progress(desc: str, total: int) -> _NoProgress:
    return _NoProgress()


@dataclass
class BuiltModel:
    tracks: list[Track]
    profiles: list[MoodProfile]
    vectors: np.ndarray
    neighbours: np.ndarray
    scores: np.ndarray
    meta: dict[str, Any]
    problems: list[RowProblem] = field(default_factory=list)
    related: list[list[dict[str, Any]]] = field(default_factory=list)

    def table(self) -> TrackTable:
        return TrackTable.build(self.tracks, self.profiles, self.vectors)

    def documents(self) -> Iterable[dict[str, Any]]:
        for row, (track, profile) in enumerate(zip(self.tracks, self.profiles)):
            related = self.related[row] if row < len(self.related) else []
            yield track_document(track, profile, related)


def track_document(track: Track, profile: MoodProfile,
                   related: Sequence[dict[str, Any]] = ()) -> dict[str, Any]:
    """The JSON description of a track that the API serves."""
    return {
        "id": track.id, "title": track.title, "artist": track.artist, "album": track.album,
        "release_date": track.release_date, "popularity": track.popularity,
        "tags": track.tags[:20], "features": track.features,
        "top_moods": profile.top(TOP_MOODS),
        "moods": profile.mood_list(),
        "mood_scores": {m: round(float(s), 4) for m, s in zip(MOODS, profile.scores)},
        "valence": round(profile.valence, 4), "arousal": round(profile.arousal, 4),
        "mood_confidence": round(profile.confidence, 4), "mood_source": profile.source,
        "related": list(related),
    }


class _TagReader:
    """Mood hits of a tag string, memoised (catalogs repeat a few hundred tags)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.cache: dict[str, list[MoodHit]] = {}

    def __call__(self, tag: str) -> list[MoodHit]:
        if tag not in self.cache:
            entry = self.lexicon.tags.get(normalise(tag))
            self.cache[tag] = [MoodHit(entry, 1.0, 0, len(tag), tag)] if entry \
                else tag_text(tag, self.lexicon)
        return self.cache[tag]


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


def _track_evidence(acc: MoodAccumulator, track: Track, read_tag: "_TagReader",
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
    read_tag = _TagReader(lexicon)
    bar = progress("moods", len(catalog.tracks) + len(reviews))
    positions = audio_positions(catalog.tracks, va_model)
    audio_moods = _audio_moods(catalog.tracks, positions, va_model, lexicon)
    for acc, track, audio_va, moods in zip(accs, catalog.tracks, positions, audio_moods):
        _track_evidence(acc, track, read_tag, lexicon, audio_va, moods)
        bar.update(1)
    linker = ReviewLinker(catalog)
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


def tag_moods(tracks) -> tuple[list[int], np.ndarray]:
    """Mood labels from the tags a catalog carries: rows with mood-bearing tags and
    their tag mood vectors, scaled so each track's strongest mood is 1."""
    read = _TagReader(load_lexicon())
    rows, labels = [], []
    for row, track in enumerate(tracks):
        acc = MoodAccumulator()
        for tag in track.tags:
            acc.add_hits(read(tag), weight=1.0, source="", kind="tags")
        top = acc.raw.max()
        if top > 0:
            rows.append(row)
            labels.append(np.clip(acc.raw, 0, None) / top)
    return rows, np.array(labels).reshape(len(rows), -1)


def mood_profiles(catalog: Catalog, reviews: Sequence[Review], lexicon: Lexicon,
                  progress: ProgressFactory = no_progress) -> list[MoodProfile]:
    return analyse_moods(catalog, reviews, lexicon, progress).profiles


def related_tracks(tracks: Sequence[Track], comparisons: Sequence[Comparison],
                   ) -> list[list[dict[str, Any]]]:
    """Per row, the tracks a review says it is like, with the sentence that says so."""
    related: list[list[dict[str, Any]]] = [[] for _ in tracks]
    for c in comparisons:
        for a, b in ((c.subject, c.other), (c.other, c.subject)):
            if all(r["id"] != tracks[b].id for r in related[a]):
                related[a].append({"id": tracks[b].id, "title": tracks[b].title,
                                   "sentence": c.sentence, "source": c.review.source})
    return related


def assert_neighbours(neighbours: np.ndarray, scores: np.ndarray,
                      comparisons: Sequence[Comparison]) -> None:
    """Put tracks a review calls alike at the top of each other's neighbour lists."""
    if neighbours.shape[1] == 0:
        return
    for c in comparisons:
        for a, b in ((c.subject, c.other), (c.other, c.subject)):
            row, row_scores = list(neighbours[a]), list(scores[a])
            if b in row:
                at = row.index(b)
                del row[at], row_scores[at]
            else:
                row.pop(), row_scores.pop()
            top = float(scores[a][0])
            neighbours[a] = [b, *row]
            scores[a] = [top, *row_scores]


def version_id(catalog: Catalog, reviews: Sequence[Review], settings: dict[str, Any]) -> str:
    """A sortable, content-derived model version: UTC time plus a short digest."""
    digest = hashlib.sha1()
    for track in catalog.tracks:
        digest.update(f"{track.id}\x00{track.title}\x00{len(track.tags)}".encode())
    for review in reviews:
        digest.update(review.text.encode())
    digest.update(repr(sorted(settings.items())).encode())
    return time.strftime("%Y%m%dT%H%M%SZ", time.gmtime()) + "-" + digest.hexdigest()[:8]


def build(catalog: Catalog, reviews: Sequence[Review] = (), *, k: int = 100,
          weights: BlockWeights = BlockWeights(), lexicon: Lexicon | None = None,
          progress: ProgressFactory = no_progress, va_model: VaModel | None = None,
          ) -> BuiltModel:
    """Run the whole offline pipeline on a loaded catalog."""
    if not catalog.tracks:
        raise CatalogError("the catalog has no tracks")
    started = time.perf_counter()
    lexicon = lexicon or load_lexicon()
    analysis = analyse_moods(catalog, reviews, lexicon, progress, va_model)
    profiles = analysis.profiles
    vectors, scaler = build_vectors(catalog.tracks, profiles, weights)
    bar = progress("neighbours", len(catalog.tracks))
    model = NeighbourModel(k=k).fit(vectors, progress=bar.update)
    bar.close()
    assert_neighbours(model.neighbours_, model.scores_, analysis.comparisons)
    settings = {"k": k, "audio_weight": weights.audio, "mood_weight": weights.mood,
                "va_weight": weights.va, "va_model": va_model is not None}
    meta = {
        "version": version_id(catalog, reviews, settings),
        "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "tracks": len(catalog.tracks), "dim": int(vectors.shape[1]),
        "k": int(model.neighbours_.shape[1]), "metric": model.metric,
        "moods": list(MOODS), "audio_features": list(scaler.features),
        "audio_mean": [float(x) for x in scaler.mean_],
        "audio_scale": [float(x) for x in scaler.scale_],
        "settings": settings, "reviews": len(reviews), "skipped_rows": catalog.skipped,
        "unresolved_reviews": analysis.unresolved_reviews,
        "comparisons": len(analysis.comparisons),
        "build_seconds": round(time.perf_counter() - started, 3),
    }
    return BuiltModel(tracks=catalog.tracks, profiles=profiles, vectors=vectors,
                      neighbours=model.neighbours_, scores=model.scores_, meta=meta,
                      problems=catalog.problems,
                      related=related_tracks(catalog.tracks, analysis.comparisons))
