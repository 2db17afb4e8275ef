"""How a built model is laid out in Redis: compact bytes and JSON, never pickle.

Per-track data lives in *buckets* of :data:`BUCKET` rows (row ``r`` is in bucket
``r // BUCKET``), one hash field per bucket, so Redis keeps one small header per 16
tracks instead of one per track:

* documents: the rows' track documents (the JSON the API serves), one per line,
  deflated with a preset dictionary (sampled documents of the version), so even a
  lone bucket compresses like the whole catalog;
* neighbour lists: the rows' list lengths, int32 rows and the float32 scores' bit
  patterns as differences (lists are sorted, so they are small), byte-planes
  shuffled and zstd-compressed: exact, a fraction of raw K x 8 bytes.

Id indexes (track id or external id -> row) are hashes of :func:`index_bucket`
fields, each a JSON object of about :data:`INDEX_FILL` names.  Whole-catalog arrays
that only table loads and updates read (vectors, table numbers, feel coordinates) are
hashes of *segments*, field ``0``, ``1``, ... each a run of rows shuffled and deflated
(:func:`pack_array`, zstd): a build writes one, an added batch of tracks one more.
"""
from __future__ import annotations

import json
import math
import threading
import zlib
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Mapping, Sequence

import numpy as np
import zstandard

from models.ingest import WHOLE_FEATURES, Track, round_half_up
from models.language import MOODS, MoodProfile

from .errors import StoreCorrupt

if TYPE_CHECKING:  # models.build pulls in the offline stack; workers need no BuiltModel
    from models.build import BuiltModel

ROW_DTYPE, SCORE_DTYPE = np.dtype("<i4"), np.dtype("<f4")
WORD = np.dtype("<u4")
TOP_MOODS = 3
BUCKET = 16  # rows per document / neighbour bucket
INDEX_FILL = 64  # names per id-index bucket, on average
DICTIONARY_BYTES = 32768  # zlib's largest preset dictionary
LEVEL = 6  # documents: written once, read often
FAST = 1  # zlib level of the deflated JSON blobs updates rewrite (titles, table strings)
ZSTD_LEVEL = 3  # neighbour buckets and arrays: about zlib's size at a fifth of its time
_codecs = threading.local()  # zstd (de)compressors must not be shared between threads


def _squeeze(raw: bytes) -> bytes:
    """Neighbour buckets and arrays, zstd-compressed: an incremental add re-packs most
    neighbour buckets, and zlib made that a third of its time."""
    if not hasattr(_codecs, "packer"):
        _codecs.packer = zstandard.ZstdCompressor(level=ZSTD_LEVEL)
    return _codecs.packer.compress(raw)


def _expand(blob: bytes) -> bytes:
    if not hasattr(_codecs, "unpacker"):
        _codecs.unpacker = zstandard.ZstdDecompressor()
    return _codecs.unpacker.decompress(blob)


def bucket_of(row: int) -> int:
    return row // BUCKET


def rows_by_bucket(rows: Iterable[int]) -> dict[int, list[int]]:
    """The rows grouped by bucket (buckets in first-seen order)."""
    out: dict[int, list[int]] = {}
    for row in rows:
        out.setdefault(row // BUCKET, []).append(row)
    return out


# -- neighbour lists -------------------------------------------------------------------
def encode_neighbours(rows: np.ndarray, scores: np.ndarray) -> bytes:
    """One list as K int32 rows and K float32 scores (the exchange format of tests)."""
    return rows.astype(ROW_DTYPE).tobytes() + scores.astype(SCORE_DTYPE).tobytes()


def decode_neighbours(blob: bytes) -> tuple[np.ndarray, np.ndarray]:
    if len(blob) % 8:
        raise StoreCorrupt("a neighbour record has a length that is not a multiple of 8")
    k = len(blob) // 8
    return (np.frombuffer(blob, ROW_DTYPE, count=k),
            np.frombuffer(blob, SCORE_DTYPE, count=k, offset=4 * k))


def _shuffle(words: np.ndarray) -> bytes:
    return words.astype(WORD).view(np.uint8).reshape(-1, 4).T.tobytes()


def _unshuffle(raw: bytes) -> np.ndarray:
    planes = np.frombuffer(raw, np.uint8)
    if len(planes) % 4:
        raise StoreCorrupt("a packed array has a length that is not a multiple of 4")
    return planes.reshape(4, -1).T.copy().view(WORD).ravel()


def pack_lists(lists: Sequence[tuple[np.ndarray, np.ndarray]]) -> bytes:
    """A bucket of neighbour lists (rows, scores), exactly, in few bytes."""
    lengths = np.array([len(r) for r, _ in lists], WORD)
    rows = np.concatenate([np.asarray(r, ROW_DTYPE) for r, _ in lists]).view(WORD)
    bits = np.concatenate([np.asarray(s, SCORE_DTYPE) for _, s in lists]).view(WORD)
    steps = bits.copy()
    steps[1:] -= bits[:-1]  # wraps modulo 2**32, undone exactly by the running sum
    words = np.concatenate([np.array([len(lists)], WORD), lengths, rows, steps])
    return _squeeze(_shuffle(words))


def unpack_lists(blob: bytes) -> list[tuple[np.ndarray, np.ndarray]]:
    try:
        words = _unshuffle(_expand(blob))
        count = int(words[0])
        lengths = words[1:1 + count].astype(np.int64)
        total = int(lengths.sum())
        rows = words[1 + count:1 + count + total].view(ROW_DTYPE)
        scores = np.cumsum(words[1 + count + total:], dtype=WORD).view(SCORE_DTYPE)
    except (zstandard.ZstdError, IndexError, ValueError) as exc:
        raise StoreCorrupt(f"a neighbour bucket cannot be read: {exc}") from None
    if len(rows) != total or len(scores) != total:
        raise StoreCorrupt("a neighbour bucket is truncated")
    out, start = [], 0
    for n in lengths.tolist():
        out.append((rows[start:start + n], scores[start:start + n]))
        start += n
    return out


# -- track documents -------------------------------------------------------------------
def document_json(doc: dict[str, Any]) -> str:
    return json.dumps(doc, separators=(",", ":"))  # ASCII: never a raw newline


def dictionary_rows(n: int) -> range:
    """The rows whose documents make the preset dictionary: a spread of 64 or so."""
    return range(0, n, max(1, n // 64))


def make_dictionary(sample: Sequence[str]) -> bytes:
    """A preset dictionary for the documents from a spread of them, up to 32 KB."""
    return "\n".join(sample).encode()[-DICTIONARY_BYTES:]


def pack_documents(lines: Sequence[str | bytes], dictionary: bytes) -> bytes:
    packer = zlib.compressobj(LEVEL, zlib.DEFLATED, 15, 9, zlib.Z_DEFAULT_STRATEGY,
                              dictionary)
    text = b"\n".join(line.encode() if isinstance(line, str) else line for line in lines)
    return packer.compress(text) + packer.flush()


def unpack_documents(blob: bytes, dictionary: bytes) -> list[bytes]:
    """The JSON lines of a document bucket (decode only the ones you need)."""
    try:
        unpacker = zlib.decompressobj(zdict=dictionary)
        return (unpacker.decompress(blob) + unpacker.flush()).split(b"\n")
    except zlib.error as exc:
        raise StoreCorrupt(f"a document bucket cannot be read: {exc}") from None


# -- whole arrays and id indexes -------------------------------------------------------
def pack_array(values: np.ndarray) -> bytes:
    """float32 rows, byte-planes shuffled and compressed."""
    return _squeeze(_shuffle(np.ascontiguousarray(values, SCORE_DTYPE).view(WORD)))


def unpack_segments(fields: dict[bytes, bytes], rows: int) -> np.ndarray:
    """The ``rows``-row float32 matrix whose segments are ``fields`` (HGETALL)."""
    order = sorted(fields, key=int)
    flat = [unpack_array(fields[f], width=1).ravel() for f in order]
    values = np.concatenate(flat) if flat else np.zeros(0, SCORE_DTYPE)
    try:
        return values.reshape(rows, -1) if rows else values.reshape(0, 0)
    except ValueError:
        raise StoreCorrupt(f"a packed array does not have {rows} rows") from None


def unpack_array(blob: bytes, width: int = 0, rows: int = 0) -> np.ndarray:
    """The float32 matrix of ``width`` columns (or of ``rows`` rows)."""
    try:
        values = _unshuffle(_expand(blob)).view(SCORE_DTYPE)
        return values.reshape(-1, width) if width else values.reshape(rows, -1)
    except (zstandard.ZstdError, ValueError) as exc:
        raise StoreCorrupt(f"a packed array cannot be read: {exc}") from None


def index_buckets(names: int) -> int:
    """How many buckets an index of ``names`` names gets (fixed for a version)."""
    return max(1, math.ceil(names / INDEX_FILL))


def index_bucket(name: str, buckets: int) -> str:
    return str(zlib.crc32(name.encode()) % buckets)


def index_fields(pairs: Iterable[tuple[str, int]], buckets: int,
                 first_wins: bool = False) -> dict[str, dict[str, int]]:
    """Bucket -> {name: row}; with ``first_wins`` a repeated name keeps its first row."""
    out: dict[str, dict[str, int]] = {}
    for name, row in pairs:
        entries = out.setdefault(index_bucket(name, buckets), {})
        if not (first_wins and name in entries):
            entries[name] = row
    return out


#: document fields the track table holds exactly (float32 mood scores): not stored with
#: the document (about a quarter of its bytes), put back from the table when it is read
FROM_TABLE = ("mood_scores",)


def mood_scores(scores: Sequence[float] | np.ndarray) -> dict[str, float]:
    """A document's ``mood_scores`` from a profile's (or the table's) float32 scores."""
    return {m: round(float(s), 4) for m, s in zip(MOODS, scores)}


def whole(value: Any) -> Any:
    """``value`` as an integer when it is a whole float, else as it is."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def whole_feature_values(features: Mapping[str, Any]) -> dict[str, Any]:
    """``features`` with the ``WHOLE_FEATURES`` (key, mode, duration_ms) as integers,
    rounded: the API declares them ``integer``.  Builds hold every number as a float,
    and models built before ingest rounded them may hold a fraction (an analysed file's
    duration)."""
    return {name: round_half_up(value) if name in WHOLE_FEATURES
            and isinstance(value, (int, float)) and math.isfinite(value) else value
            for name, value in features.items()}


def with_whole_numbers(doc: dict[str, Any]) -> dict[str, Any]:
    """A served document: the ``WHOLE_FEATURES`` as integers, ``popularity`` as one when
    whole (a catalog may give a fractional popularity: it is declared a number)."""
    features = doc.get("features")
    if isinstance(features, dict):
        doc = {**doc, "features": whole_feature_values(features)}
    return {**doc, "popularity": whole(doc["popularity"])} if "popularity" in doc else doc


def stored_json(doc: dict[str, Any]) -> str:
    """A document as it is stored: its JSON without the fields of ``FROM_TABLE``."""
    return document_json({k: v for k, v in doc.items() if k not in FROM_TABLE})


# -- documents of a build --------------------------------------------------------------
def track_document(track: Track, profile: MoodProfile,
                   related: Sequence[dict[str, Any]] = ()) -> dict[str, Any]:
    """The JSON description of a track that the API serves."""
    return {
        "id": track.id, "title": track.title, "artist": track.artist, "album": track.album,
        "release_date": track.release_date, "popularity": track.popularity,
        "tags": _distinct(track.tags)[:20],
        "features": whole_feature_values(track.features),
        "external_ids": dict(track.external_ids),
        "top_moods": profile.leading(TOP_MOODS),
        "moods": profile.mood_list(),
        "mood_scores": mood_scores(profile.scores),
        "valence": round(profile.valence, 4), "arousal": round(profile.arousal, 4),
        "mood_confidence": round(profile.confidence, 4), "mood_source": profile.source,
        "related": list(related),
    }


def _distinct(tags: Sequence[str]) -> list[str]:
    """Tags once each whatever their case ("Permanent wave" the playlist, "permanent
    wave" the subgenre), in first-seen form: they match alike in every filter."""
    first: dict[str, str] = {}
    for tag in tags:
        first.setdefault(tag.casefold(), tag)
    return list(first.values())


def track_documents(built: BuiltModel, rows: Iterable[int] | None = None,
                    ) -> Iterator[dict[str, Any]]:
    """The documents of ``rows`` (default every track), row by row: made as they are
    written, never all at once (a million documents are gigabytes of JSON)."""
    for row in range(len(built.tracks)) if rows is None else rows:
        related = built.related[row] if row < len(built.related) else []
        yield track_document(built.tracks[row], built.profiles[row], related)
