"""Writing one model version's keys: documents, neighbour lists, id indexes and the
whole-catalog arrays, each pending (with a time to live) until the version is activated.

The key layout is in :mod:`.model_store`; the byte formats in :mod:`.codec`.
"""
from __future__ import annotations

import json
import zlib
from typing import TYPE_CHECKING, Any, Callable, Iterable, Sequence

import numpy as np

from models.ingest import id_keys
from models.ranking import title_arrays, title_arrays_to_bytes, title_source

from . import codec
from .codec import BUCKET, SCORE_DTYPE, index_buckets, index_fields

if TYPE_CHECKING:  # models.build pulls in the offline stack; workers need no BuiltModel
    from models.build import BuiltModel

WRITE_CHUNK = 2000
SEGMENT_VALUES = 1 << 22  # float32 values packed and written at a time (16 MB)


class VersionWrites:
    """Mixin of :class:`ModelStore` (``client``, ``key_for`` and ``pending_seconds``
    come from it)."""

    client: Any
    pending_seconds: int
    key_for: Callable[..., str]

    def _write_documents(self, version: str, built: BuiltModel,
                         progress: Callable[[int], None] | None) -> dict[str, int]:
        def key(name: str) -> str:
            return self.key_for(name, version=version)

        n = len(built.tracks)
        dictionary = codec.make_dictionary(self._lines(built, codec.dictionary_rows(n)))
        self.client.set(key("dictionary"), dictionary, ex=self.pending_seconds)
        pipe, done = self.client.pipeline(transaction=False), 0
        for start in range(0, n, BUCKET):
            rows = range(start, min(start + BUCKET, n))
            bucket = str(start // BUCKET)
            pipe.hset(key("docs"), bucket, codec.pack_documents(self._lines(built, rows),
                                                               dictionary))
            pipe.hset(key("neighbours"), bucket, codec.pack_lists(
                [(built.neighbours[r], built.scores[r]) for r in rows]))
            done += len(rows)
            if done >= WRITE_CHUNK or rows.stop == n:
                self._execute_pending(pipe, [key("docs"), key("neighbours")])
                if progress:
                    progress(done)
                done = 0
        ids = [(name, row) for row, t in enumerate(built.tracks)
               for name in id_keys(t.external_ids)]
        layout = {"bucket": BUCKET, "rows": index_buckets(len(built.tracks)),
                  "ids": index_buckets(len(ids))}
        self.write_index(version, "rows", layout["rows"],
                         [(t.id, row) for row, t in enumerate(built.tracks)])
        self.write_index(version, "ids", layout["ids"], ids)  # a shared id: its first row
        layout["shared_ids"] = self._write_shared(
            version, [(name, built.tracks[row].id) for name, row in ids])
        return layout

    def _write_shared(self, version: str, ids: Sequence[tuple[str, str]]) -> int:
        """The external ids several tracks share, each with their track ids: where a
        lookup of one whose first track was removed finds the others (``rows_of``, which
        asks only when the layout counts some); returns how many."""
        first: dict[str, str] = {}
        shared: dict[str, list[str]] = {}
        for name, track in ids:
            if name in first:
                shared.setdefault(name, [first[name]]).append(track)
            else:
                first[name] = track
        if shared:
            key = self.key_for("shared_ids", version=version)
            pipe = self.client.pipeline(transaction=False)
            pipe.hset(key, mapping={n: json.dumps(t) for n, t in shared.items()})
            self._execute_pending(pipe, [key])
        return len(shared)

    @staticmethod
    def _lines(built: BuiltModel, rows: Iterable[int]) -> list[str]:
        return [codec.stored_json(doc) for doc in codec.track_documents(built, rows)]

    def write_index(self, version: str, name: str, buckets: int,
                    pairs: Iterable[tuple[str, int]]) -> None:
        """Write a whole id index (a name several rows share keeps its first row)."""
        fields = {b: json.dumps(entries, separators=(",", ":")) for b, entries
                  in index_fields(pairs, buckets, first_wins=True).items()}
        key, items = self.key_for(name, version=version), list(fields.items())
        pipe = self.client.pipeline(transaction=False)
        for start in range(0, len(items), WRITE_CHUNK):
            pipe.hset(key, mapping=dict(items[start:start + WRITE_CHUNK]))
        self._execute_pending(pipe, [key])

    def _execute_pending(self, pipe: Any, keys: Sequence[str]) -> None:
        """Run a write batch; its keys keep a time to live until activation."""
        for key in keys:
            pipe.expire(key, self.pending_seconds)
        pipe.execute()

    def _write_arrays(self, version: str, built: BuiltModel) -> None:
        """The version's whole-catalog values, one at a time: each is written and let go
        before the next is made (at a million tracks each is hundreds of megabytes of
        Python objects while it is made)."""
        titles_json = json.dumps([[t.title, t.artist, t.popularity or 0.0]
                                  for t in built.tracks]).encode()
        self._set(version, "titles", zlib.compress(titles_json))
        albums = [t.album for t in built.tracks]
        prebuilt = title_arrays([t.title for t in built.tracks],
                                [t.artist for t in built.tracks],
                                [t.popularity or 0.0 for t in built.tracks], albums)
        # the title index, made once here, not in each worker
        self._set(version, "title_arrays",
                  title_arrays_to_bytes(prebuilt, title_source(titles_json, albums)))
        del prebuilt, titles_json, albums
        numbers, strings = built.table().to_payload()
        blob, strings = strings.encode(), None
        self._set(version, "table_strings", zlib.compress(blob))
        del blob
        self._set_array(version, "table", np.frombuffer(numbers, SCORE_DTYPE))
        self._set_array(version, "vectors", built.vectors)
        if built.fitted is not None and built.hubs is not None:  # for incremental updates
            self._set(version, "fitted", built.fitted.to_bytes())
            self._set(version, "hubs", built.hubs.astype(SCORE_DTYPE).tobytes())
        if built.coords is not None:
            self._set_array(version, "coords", built.coords)

    def _set(self, version: str, name: str, value: bytes) -> None:
        self.client.set(self.key_for(name, version=version), value, ex=self.pending_seconds)

    def _set_array(self, version: str, name: str, array: np.ndarray) -> None:
        """A whole array as segments of its hash (runs of ``SEGMENT_VALUES`` values, each
        packed and written on its own), pending until activation."""
        key, values = self.key_for(name, version=version), np.ravel(array)
        for segment, start in enumerate(range(0, max(len(values), 1), SEGMENT_VALUES)):
            pipe = self.client.pipeline(transaction=False)
            pipe.hset(key, str(segment),
                      codec.pack_array(values[start:start + SEGMENT_VALUES]))
            pipe.expire(key, self.pending_seconds)
            pipe.execute()
