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
from .moods import MoodAccumulator, MoodProfile, finish
from .neighbours import NeighbourModel
from .reviews import Review, ReviewLinker
from .tagger import MoodHit, tag_text
from .text import normalise
from .vectors import BlockWeights, build_vectors
from .vocabulary import MOODS, Lexicon, load_lexicon

TAG_WEIGHT = 0.5
AUDIO_VA_WEIGHT = 1.0
TOP_MOODS = 3


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

    def documents(self) -> Iterable[dict[str, Any]]:
        for track, profile in zip(self.tracks, self.profiles):
            yield track_document(track, profile)


def track_document(track: Track, profile: MoodProfile) -> dict[str, Any]:
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


def mood_profiles(catalog: Catalog, reviews: Sequence[Review], lexicon: Lexicon,
                  progress: ProgressFactory = no_progress) -> list[MoodProfile]:
    accs = [MoodAccumulator() for _ in catalog.tracks]
    read_tag = _TagReader(lexicon)
    bar = progress("moods", len(catalog.tracks) + len(reviews))
    for acc, track in zip(accs, catalog.tracks):
        for tag in track.tags:
            acc.add_hits(read_tag(tag), weight=TAG_WEIGHT, source=f"tag: {tag}", kind="tags")
        if track.notes:
            acc.add_hits(tag_text(track.notes, lexicon), weight=1.0, source="catalog notes",
                         kind="reviews", sentence=track.notes)
        if "valence" in track.features and "energy" in track.features:
            acc.add_audio(2 * track.features["valence"] - 1, 2 * track.features["energy"] - 1,
                          weight=AUDIO_VA_WEIGHT)
        bar.update(1)
    linker = ReviewLinker(catalog)
    for review in reviews:
        for passage in linker.passages(review):
            hits = tag_text(passage.text, lexicon, offset=passage.start)
            for row in passage.rows:
                accs[row].add_hits(hits, weight=passage.weight, source=review.source,
                                   kind="reviews", sentence=passage.text.strip())
        bar.update(1)
    bar.close()
    return [finish(acc, lexicon) for acc in accs]


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
          progress: ProgressFactory = no_progress) -> BuiltModel:
    """Run the whole offline pipeline on a loaded catalog."""
    if not catalog.tracks:
        raise CatalogError("the catalog has no tracks")
    started = time.perf_counter()
    lexicon = lexicon or load_lexicon()
    profiles = mood_profiles(catalog, reviews, lexicon, progress)
    vectors, scaler = build_vectors(catalog.tracks, profiles, weights)
    bar = progress("neighbours", len(catalog.tracks))
    model = NeighbourModel(k=k).fit(vectors, progress=bar.update)
    bar.close()
    settings = {"k": k, "audio_weight": weights.audio, "mood_weight": weights.mood}
    meta = {
        "version": version_id(catalog, reviews, settings),
        "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "tracks": len(catalog.tracks), "dim": int(vectors.shape[1]),
        "k": int(model.neighbours_.shape[1]), "metric": model.metric,
        "moods": list(MOODS), "audio_features": list(scaler.features),
        "audio_mean": [float(x) for x in scaler.mean_],
        "audio_scale": [float(x) for x in scaler.scale_],
        "settings": settings, "reviews": len(reviews), "skipped_rows": catalog.skipped,
        "build_seconds": round(time.perf_counter() - started, 3),
    }
    return BuiltModel(tracks=catalog.tracks, profiles=profiles, vectors=vectors,
                      neighbours=model.neighbours_, scores=model.scores_, meta=meta,
                      problems=catalog.problems)
