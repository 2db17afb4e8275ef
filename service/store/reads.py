"""Reading a model version: documents, neighbour lists, id lookups, arrays and the
track table.  :class:`Reads` is a part of :class:`~.model_store.ModelStore`; the layout
is described in the module docstring of ``model_store.py``.
"""
from __future__ import annotations

import json
import threading
import zlib
from collections import OrderedDict
from typing import Any, Callable, Iterable, Sequence

import numpy as np
import redis

from models.ranking import TrackTable

from . import codec
from .codec import BUCKET, index_bucket
from .errors import ModelNotReady, StoreCorrupt
from .upkeep import guard

LAYOUTS_KEPT = 8
#: for each k, HGET of KEYS[k] for the JSON list ARGV[k] of [bucket, name] pairs, each
#: bucket a JSON object {name: row}, decoded once per call; answers "row,,row" per key
#: ('' when absent), so 10,000 ids cost two JSON arguments and two short replies.
ROWS_SCRIPT = """
local out = {}
for k = 1, #KEYS do
  local wanted, buckets, found = cjson.decode(ARGV[k]), {}, {}
  for i = 1, #wanted do
    local bucket, name = wanted[i][1], wanted[i][2]
    local entries = buckets[bucket]
    if entries == nil then
      local raw = redis.call('HGET', KEYS[k], bucket)
      entries = raw and cjson.decode(raw) or {}
      buckets[bucket] = entries
    end
    local row = entries[name]
    found[i] = row and string.format('%d', row) or ''
  end
  out[k] = table.concat(found, ',')
end
return out
"""


def _rows(reply: bytes, count: int) -> list[int | None]:
    return [int(r) if r else None for r in reply.decode().split(",")] if count else []


class Reads:
    """Reading methods of the model store (it provides the attributes below)."""

    client: Any
    key_for: Callable[..., str]
    _layouts: OrderedDict[str, tuple[dict[str, Any], bytes]]
    _layouts_lock: threading.Lock

    # -- reading -------------------------------------------------------------------
    @guard
    def current_version(self) -> str:
        version = self.client.get(self.key_for("current"))
        if version is None:
            raise ModelNotReady("no model has been built yet: run `feelalike build` "
                                "(or `feelalike demo`)")
        return version.decode()

    def is_current(self, version: str) -> bool:
        """Whether ``version`` is the live one; False when Redis cannot say (asked while
        cleaning up after an error)."""
        try:
            current = self.client.get(self.key_for("current"))
        except (redis.RedisError, OSError):
            return False
        return current is not None and current.decode() == version

    @guard
    def meta(self, version: str) -> dict[str, Any]:
        raw = self.client.get(self.key_for("meta", version=version))
        if raw is None:
            raise ModelNotReady(f"model version {version} has expired or was never written")
        return json.loads(raw)

    def layout(self, version: str) -> tuple[dict[str, Any], bytes]:
        """The version's bucket counts and document dictionary (read once: a version's
        layout never changes)."""
        found = self._layouts.get(version)
        if found is None:
            meta, dictionary = self.meta(version), self.raw(version, "dictionary")
            if "layout" not in meta:
                raise ModelNotReady(f"model version {version} was stored by an older "
                                    "feelalike; run `feelalike build`")
            found = (meta["layout"], dictionary)
            with self._layouts_lock:  # request threads share the store
                self._layouts[version] = found
                while len(self._layouts) > LAYOUTS_KEPT:
                    self._layouts.popitem(last=False)
        return found

    @guard(bulk=True)
    def raw(self, version: str, name: str, *, required: bool = True) -> bytes | None:
        """The stored value of one of the version's keys (``VERSION_KEYS``); when it is
        absent, ModelNotReady, or None if not ``required``."""
        raw = self.client.get(self.key_for(name, version=version))
        if raw is None and required:
            raise ModelNotReady(f"model version {version} has no {name} (expired, or "
                                "rebuild it)")
        return raw

    def hub_discount(self, version: str) -> tuple[np.ndarray, float] | None:
        """The build's hub radius by row and its discount strength, as the version's
        neighbour lists were ranked with (None: stored before incremental updates kept
        them): a seed beside moods is scored with them (``models.ranking.hubs``)."""
        hubs = self.raw(version, "hubs", required=False)
        fitted = self.raw(version, "fitted", required=False) if hubs else None
        if not hubs or not fitted:
            return None
        from models.build import FittedState
        return (np.frombuffer(hubs, codec.SCORE_DTYPE).reshape(-1, 2)[:, 0],
                FittedState.from_bytes(fitted).hubness)

    @guard
    def row_of(self, version: str, track_id: str) -> int | None:
        return self.rows_of(version, [track_id], [])[0][0]

    @guard
    def rows_of(self, version: str, track_ids: Sequence[str], id_keys: Sequence[str],
                ) -> tuple[list[int | None], list[int | None]]:
        """Rows of track ids and of external ids (``kind:value``), in one round trip
        (once the version's layout is known): a script reads the index buckets in Redis
        and answers two short strings."""
        layout, _ = self.layout(version)
        args = [json.dumps([[index_bucket(n, layout[kind]), n] for n in names])
                for kind, names in (("rows", track_ids), ("ids", id_keys))]
        keys = [self.key_for(name, version=version) for name in ("rows", "ids")]
        found = self._rows_script(keys=keys, args=args)
        by_id, by_key = _rows(found[0], len(track_ids)), _rows(found[1], len(id_keys))
        missing = [i for i, row in enumerate(by_key) if row is None]
        if missing and layout.get("shared_ids"):  # lost when its first track was removed
            self._shared_rows(version, [id_keys[i] for i in missing], missing, by_key)
        return by_id, by_key

    def _shared_rows(self, version: str, names: list[str], at: list[int],
                     rows: list[int | None]) -> None:
        """Set ``rows[at[i]]`` to the first live track sharing ``names[i]`` (the build's
        ``shared_ids``): the index keeps one row per id, and drops it with that track."""
        blobs = self.client.hmget(self.key_for("shared_ids", version=version), names)
        held = [(i, json.loads(blob)) for i, blob in zip(at, blobs) if blob]
        if not held:
            return
        live = iter(self.rows_of(version, [t for _, ids in held for t in ids], [])[0])
        for i, ids in held:
            found = [next(live) for _ in ids]
            rows[i] = next((row for row in found if row is not None), None)

    @property
    def _rows_script(self) -> Any:
        """The rows script, registered on the current client (the embedded Redis may
        have been opened again since: a script keeps the client it was registered on)."""
        script = getattr(self, "_rows_script_object", None)
        if script is None or script.registered_client is not self.client:
            script = self._rows_script_object = self.client.register_script(ROWS_SCRIPT)
        return script

    @guard
    def tracks(self, version: str, rows: Sequence[int]) -> list[dict[str, Any]]:
        if not rows:
            return []
        _, dictionary = self.layout(version)
        wanted = codec.rows_by_bucket(rows)
        blobs = self.client.hmget(self.key_for("docs", version=version),
                                  [str(b) for b in wanted])
        lines: dict[int, bytes] = {}
        for bucket, blob in zip(wanted, blobs):
            if blob is None:
                raise ModelNotReady(f"model version {version} is incomplete or expired")
            found = codec.unpack_documents(blob, dictionary)
            for row in wanted[bucket]:
                if row - bucket * BUCKET >= len(found):
                    raise ModelNotReady(f"model version {version} has no track {row}")
                lines[row] = found[row - bucket * BUCKET]
        return [json.loads(lines[row]) for row in rows]

    @guard
    def lists(self, version: str, rows: Iterable[int],
              seen: dict[int, list] | None = None) -> list[tuple[np.ndarray, np.ndarray]]:
        """The neighbour lists (rows, scores) of ``rows``; ``seen`` (bucket -> its lists)
        is filled with every bucket read, for a caller that rewrites them."""
        rows = list(rows)
        wanted = codec.rows_by_bucket(rows)
        blobs = self.client.hmget(self.key_for("neighbours", version=version),
                                  [str(b) for b in wanted]) if wanted else []
        found: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        for bucket, blob in zip(wanted, blobs):
            lists = codec.unpack_lists(blob) if blob is not None else []
            if seen is not None and blob is not None:
                seen[bucket] = lists
            for row in wanted[bucket]:
                if row - bucket * BUCKET >= len(lists):
                    raise ModelNotReady(f"model version {version} has no neighbours for "
                                        f"row {row}")
                found[row] = lists[row - bucket * BUCKET]
        return [found[row] for row in rows]

    def neighbours(self, version: str, row: int) -> tuple[np.ndarray, np.ndarray]:
        return self.lists(version, [row])[0]

    @guard
    def vectors(self, version: str, rows: Iterable[int]) -> np.ndarray:
        every = self.all_vectors(version)
        return every[list(rows)]

    def array(self, version: str, name: str) -> np.ndarray | None:
        """A whole-catalog array (rows by the version's tracks), None when absent."""
        fields = self.client.hgetall(self.key_for(name, version=version))
        if not fields:
            return None
        return codec.unpack_segments(fields, int(self.meta(version)["tracks"]))

    @guard(bulk=True)
    def all_vectors(self, version: str) -> np.ndarray:
        found = self.array(version, "vectors")
        if found is None:
            raise ModelNotReady(f"model version {version} has no vectors (expired, or "
                                "rebuild it)")
        return found

    @guard(bulk=True)
    def coords(self, version: str) -> np.ndarray | None:
        """The own feel coordinates by row (None: the version has none)."""
        return self.array(version, "coords")

    @guard(bulk=True)
    def titles(self, version: str) -> list[list[Any]]:
        return json.loads(zlib.decompress(self.raw(version, "titles")))

    @guard(bulk=True)
    def table(self, version: str) -> TrackTable:
        """The whole catalog as columns (for requests that score every track)."""
        meta = self.meta(version)
        n = int(meta["tracks"])
        pipe = self.client.pipeline(transaction=False)
        pipe.hgetall(self.key_for("table", version=version))
        pipe.get(self.key_for("table_strings", version=version))
        pipe.hgetall(self.key_for("vectors", version=version))
        numbers, strings, vectors = pipe.execute()
        if not numbers or strings is None or not vectors:
            raise ModelNotReady(f"model version {version} has no track table (rebuild it)")
        try:
            matrix = codec.unpack_segments(vectors, n)
            if matrix.shape[1] != int(meta["dim"]):
                raise ValueError("the vectors do not have the model's dimension")
            numbers = codec.unpack_segments(numbers, n).tobytes()
            return TrackTable.from_payload(numbers, zlib.decompress(strings).decode(), matrix)
        except (ValueError, zlib.error) as exc:
            raise StoreCorrupt(f"model version {version}: {exc}") from None

    @guard
    def ping(self) -> bool:
        return bool(self.client.ping())
