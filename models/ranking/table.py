"""A columnar view of every track, for requests that score the whole catalog.

Multi-seed recommendations, mood targets, filters and playlists need more than a
precomputed neighbour list: they score all tracks at once.  The table holds what
that needs as numpy columns.  It travels as one float32 matrix (raw bytes) plus
JSON for the strings, so the service loads it from Redis without pickle.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

import numpy as np

from ..ingest import AUDIO_FEATURES, Track
from ..language import MOODS, MoodProfile, normalise
from .columns import Arrays, CodedColumn, StringColumn, TagColumn
from .rows import placed_rows, unit_rows, world_unit_rows
from .songs import song_keys

NUMERIC = (*AUDIO_FEATURES, "popularity", "year", "valence_mood", "arousal_mood", *MOODS)
_YEAR = re.compile(r"(\d{4})")


def release_year(date: str) -> float:
    match = _YEAR.search(date or "")
    return float(match.group(1)) if match else float("nan")


@dataclass
class TrackTable:
    ids: Sequence[str]  # lists, or the compact columns of .columns (see ``compact``)
    titles: Sequence[str]
    artists: Sequence[str]
    albums: Sequence[str]
    artist_keys: Sequence[str]
    song_keys: Sequence[str]
    tags: Sequence[frozenset[str]]  # normalised
    numbers: np.ndarray  # (n, len(NUMERIC)) float32, NaN where unknown
    vectors: np.ndarray  # (n, d) float32
    #: (d,) bool: the vector columns that say how a track feels, not how it sounds or
    #: where it belongs (None: a table from before the build marked them)
    mood_columns: np.ndarray | None = None

    @property
    def unit_vectors(self) -> np.ndarray:
        """Vectors scaled to unit length (cached: cosine similarity is a dot product)."""
        unit = self.__dict__.get("_unit")
        if unit is None:
            unit = self.__dict__["_unit"] = unit_rows(self.vectors)
        return unit

    @property
    def world_unit(self) -> np.ndarray | None:
        """The vectors without their mood columns, scaled to unit length: how tracks
        sound and where they belong (cached; None when the table has no such columns)."""
        unit = self.__dict__.get("_world_unit")
        if unit is None and self.mood_columns is not None and not self.mood_columns.all():
            unit = self.__dict__["_world_unit"] = world_unit_rows(self.vectors,
                                                                  self.mood_columns)
        return unit

    @property
    def placed(self) -> np.ndarray:
        """(n,) bool, cached: rows with a vector (``models.build.unplaced``: a track with
        no evidence has none and is never a candidate); all when none has one (a plain
        model built before ``models.build.unplaced.CENTRE``, of tracks all alike)."""
        placed = self.__dict__.get("_placed")
        if placed is None:
            placed = placed_rows(self.unit_vectors)
            placed = self.__dict__["_placed"] = placed if placed.any() else ~placed
        return placed

    def rows_with_tags(self, tags: set[str], rows: np.ndarray | None = None) -> np.ndarray:
        """Boolean mask of rows (all, or ``rows``) carrying any of ``tags`` (normalised);
        compact columns look at ``rows`` alone, not at the whole catalog."""
        if isinstance(self.tags, TagColumn):
            return self.tags.mask(tags, rows)
        index = self._index("_tag_index", lambda row: self.tags[row])
        return self._mask(index, tags, rows)

    def tags_naming(self, phrase: str) -> list[str]:
        """The tags (normalised) whose words hold ``phrase``'s words in a row: "metal"
        names "heavy metal classics", "lofi" names "lofi hip hop" (index cached)."""
        index = self.__dict__.get("_tag_words")
        if index is None:
            vocab = self.tags.vocab if isinstance(self.tags, TagColumn) else \
                self._index("_tag_index", lambda row: self.tags[row])
            index = self.__dict__["_tag_words"] = {}
            for tag in vocab:
                for word in set(tag.split()):
                    index.setdefault(word, []).append(tag)
        words = phrase.split()
        return [t for t in index.get(words[0], ()) if f" {phrase} " in f" {t} "] \
            if words else []

    def rows_by_artists(self, artists: set[str], rows: np.ndarray | None = None) -> np.ndarray:
        if isinstance(self.artist_keys, CodedColumn):
            return self.artist_keys.mask(artists, rows)
        index = self._index("_artist_index", lambda row: (self.artist_keys[row],))
        return self._mask(index, artists, rows)

    def rows_by_songs(self, songs: set[str], rows: np.ndarray | None = None) -> np.ndarray:
        """Boolean mask of rows (all, or ``rows``) that are versions of any of ``songs``
        (song keys)."""
        if isinstance(self.song_keys, CodedColumn):
            return self.song_keys.mask(songs, rows)
        index = self._index("_song_index", lambda row: (self.song_keys[row],))
        return self._mask(index, songs, rows)

    def _index(self, name: str, keys_of) -> dict[str, list[int]]:
        """An inverted index built on first use and kept with the table."""
        index = self.__dict__.get(name)
        if index is None:
            index = {}
            for row in range(len(self)):
                for key in keys_of(row):
                    index.setdefault(key, []).append(row)
            self.__dict__[name] = index
        return index

    def _mask(self, index: dict[str, list[int]], keys: set[str],
              rows: np.ndarray | None) -> np.ndarray:
        mask = np.zeros(len(self), dtype=bool)
        for key in keys:
            mask[index.get(key, [])] = True
        return mask if rows is None else mask[rows]

    @property
    def artist_codes(self) -> np.ndarray:
        """An int32 code per row, equal where the artist keys are equal; a track without
        an artist has a code of its own (-1 - row): unknown artists are not one artist."""
        codes = self.__dict__.get("_known_artist_codes")
        if codes is None:
            codes = np.array(self._codes("artist_keys"), dtype=np.int32)
            unknown = self.rows_by_artists({""})
            codes[unknown] = -1 - np.flatnonzero(unknown)
            self.__dict__["_known_artist_codes"] = codes
        return codes

    @property
    def song_codes(self) -> np.ndarray:
        """An int32 code per row, equal where the song keys (versions of a song) are."""
        return self._codes("song_keys")

    def _codes(self, name: str) -> np.ndarray:
        column = getattr(self, name)
        if isinstance(column, CodedColumn):
            return column.codes
        codes = self.__dict__.get(f"_{name}_codes")
        if codes is None:
            codes = self.__dict__[f"_{name}_codes"] = CodedColumn.of(column).codes
        return codes

    def column(self, name: str) -> np.ndarray:
        return self.numbers[:, NUMERIC.index(name)]

    @property
    def moods(self) -> np.ndarray:
        """The mood columns (n, len(MOODS)); a separate row-major copy when the table
        was loaded from arrays, so a product with them sums exactly as on ``numbers``."""
        moods = self.__dict__.get("_moods")
        if moods is None:
            start = NUMERIC.index(MOODS[0])
            moods = self.numbers[:, start:start + len(MOODS)]
        return moods

    def __len__(self) -> int:
        return len(self.ids)

    @classmethod
    def build(cls, tracks: Sequence[Track], profiles: Sequence[MoodProfile],
              vectors: np.ndarray, mood_columns: np.ndarray | None = None) -> "TrackTable":
        numbers = np.full((len(tracks), len(NUMERIC)), np.nan, dtype=np.float32)
        for row, (t, p) in enumerate(zip(tracks, profiles)):
            for col, name in enumerate(AUDIO_FEATURES):
                numbers[row, col] = t.features.get(name, np.nan)
            numbers[row, len(AUDIO_FEATURES):len(AUDIO_FEATURES) + 4] = (
                np.nan if t.popularity is None else t.popularity, release_year(t.release_date),
                p.valence, p.arousal)
            numbers[row, len(AUDIO_FEATURES) + 4:] = p.scores
        return cls(ids=[t.id for t in tracks], titles=[t.title for t in tracks],
                   artists=[t.artist for t in tracks], albums=[t.album for t in tracks],
                   artist_keys=[normalise(t.artist) for t in tracks],
                   song_keys=song_keys(tracks),
                   tags=_tag_sets(t.tags for t in tracks),
                   numbers=numbers, vectors=np.asarray(vectors, dtype=np.float32),
                   mood_columns=mood_columns)

    # -- compact arrays (what the service memory-maps per version) -------------------
    def to_arrays(self) -> dict[str, np.ndarray]:
        """Every column as plain numpy arrays (no objects: saved as .npy without pickle).

        ``numbers`` is column-major: a request reads a few columns of every row, and a
        mapped column it never reads costs a worker no memory; the mood columns, which
        a mood target multiplies as a matrix, also go row-major as ``moods``."""
        out: dict[str, np.ndarray] = {"numbers": np.asfortranarray(self.numbers, "<f4"),
                                      "moods": np.ascontiguousarray(self.moods, "<f4"),
                                      "vectors": np.ascontiguousarray(self.vectors, "<f4"),
                                      "unit": np.ascontiguousarray(self.unit_vectors, "<f4"),
                                      "placed": self.placed.astype(np.uint8)}
        if self.world_unit is not None:
            out["mood_columns"] = np.asarray(self.mood_columns, dtype=np.uint8)
            out["world_unit"] = np.ascontiguousarray(self.world_unit, "<f4")
        for name in ("ids", "titles", "artists", "albums"):
            column = getattr(self, name)
            out.update((column if isinstance(column, StringColumn)
                        else StringColumn.of(column)).arrays(name))
        for name in ("artist_keys", "song_keys"):
            column = getattr(self, name)
            out.update((column if isinstance(column, CodedColumn)
                        else CodedColumn.of(column)).arrays(name))
        tags = self.tags if isinstance(self.tags, TagColumn) else TagColumn.of(self.tags)
        out.update(tags.arrays("tags"))
        return out

    @classmethod
    def from_arrays(cls, arrays: Arrays) -> "TrackTable":
        """A table over ``to_arrays``' output (memory-mapped arrays stay mapped)."""
        if arrays["numbers"].shape[1:] != (len(NUMERIC),):
            raise ValueError("the stored track table has different columns")
        table = cls(**{name: StringColumn.load(arrays, name)
                       for name in ("ids", "titles", "artists", "albums")},
                    artist_keys=CodedColumn.load(arrays, "artist_keys"),
                    song_keys=CodedColumn.load(arrays, "song_keys"),
                    tags=TagColumn.load(arrays, "tags"),
                    numbers=arrays["numbers"], vectors=arrays["vectors"],
                    mood_columns=(arrays["mood_columns"].astype(bool)
                                  if "mood_columns" in arrays else None))
        table.__dict__["_unit"] = arrays["unit"]
        if "world_unit" in arrays:
            table.__dict__["_world_unit"] = arrays["world_unit"]
        if "placed" in arrays:  # else worked out from the vectors on first use
            table.__dict__["_placed"] = arrays["placed"].astype(bool)
        if "moods" in arrays:  # folders written before it existed read the slice
            table.__dict__["_moods"] = arrays["moods"]
        return table

    def compact(self) -> "TrackTable":
        """The same table over compact columns (in memory)."""
        return TrackTable.from_arrays(self.to_arrays())

    # -- transport: float32 bytes + JSON, never pickle ------------------------------
    def to_payload(self) -> tuple[bytes, str]:
        strings = {"columns": list(NUMERIC), "ids": self.ids, "titles": self.titles,
                   "artists": self.artists, "albums": self.albums,
                   "artist_keys": self.artist_keys, "song_keys": self.song_keys,
                   "tags": [sorted(t) for t in self.tags]}
        if self.mood_columns is not None:
            strings["mood_columns"] = np.flatnonzero(self.mood_columns).tolist()
        return self.numbers.astype("<f4").tobytes(), json.dumps(strings)

    @classmethod
    def from_payload(cls, numbers: bytes, strings: str, vectors: np.ndarray) -> "TrackTable":
        meta: dict[str, Any] = json.loads(strings)
        if meta["columns"] != list(NUMERIC):
            raise ValueError("the stored track table has different columns")
        n = len(meta["ids"])
        matrix = np.frombuffer(numbers, dtype="<f4").reshape(n, len(NUMERIC))
        mask = None
        if "mood_columns" in meta:
            mask = np.zeros(vectors.shape[1], dtype=bool)
            columns = np.asarray(meta["mood_columns"], dtype=np.int64)
            if columns.size and (columns.min() < 0 or columns.max() >= len(mask)):
                raise ValueError("the stored mood columns do not fit the vectors")
            mask[columns] = True
        return cls(ids=meta["ids"], titles=meta["titles"], artists=meta["artists"],
                   albums=meta["albums"], artist_keys=meta["artist_keys"],
                   song_keys=meta["song_keys"], tags=[frozenset(t) for t in meta["tags"]],
                   numbers=matrix, vectors=vectors, mood_columns=mask)


def _tag_sets(tag_lists: Iterable[Sequence[str]]) -> list[frozenset[str]]:
    """Each track's normalised tags, one shared set per distinct list of tags (a million
    tracks have a few thousand playlists and genres between them)."""
    sets: dict[tuple[str, ...], frozenset[str]] = {}
    out = []
    for tags in tag_lists:
        key = tuple(tags)
        found = sets.get(key)
        if found is None:
            found = sets[key] = frozenset(normalise(x) for x in key)
        out.append(found)
    return out
