"""The Redis model store: versioned namespaces, written in full before they go live.

Every key is built by :meth:`ModelStore.key_for`::

    {prefix}:current                     -> the live version id
    {prefix}:versions                    -> sorted set of version ids by creation time
    {prefix}:v:{version}:meta            -> JSON metadata
    {prefix}:v:{version}:tracks          -> hash row -> track JSON document
    {prefix}:v:{version}:rows            -> hash track id -> row
    {prefix}:v:{version}:ids             -> hash external id "kind:value" -> row (the first
                                            row with that id; ``models.ingest.id_key``)
    {prefix}:v:{version}:neighbours      -> hash row -> K int32 rows + K float32 scores
    {prefix}:v:{version}:vectors         -> raw float32 bytes, rows of ``dim`` values
    {prefix}:v:{version}:titles          -> JSON [[title, artist, popularity], ...] by row
    {prefix}:v:{version}:fitted          -> .npz bytes: what the build fitted (FittedState)
    {prefix}:v:{version}:hubs            -> raw float32 bytes, (radius, floor) by row
    {prefix}:v:{version}:coords          -> raw float32 bytes, own feel coordinates by row
    {prefix}:v:{version}:title_arrays    -> .npz bytes: the title index, prebuilt (serving)
    {prefix}:v:{version}:cache:{digest}  -> a cached API response body (JSON)
    {prefix}:v:{version}:cache_index     -> sorted set of cached digests by time
    {prefix}:pending                     -> sorted set of versions being written, by deadline

A reader fetches ``current`` once per request and reads only that version, so every
answer comes from exactly one model version.  Old versions expire after a grace
period.  A version is registered (in ``versions`` and, with a deadline, in
``pending``) before its first key is written, and every key it writes carries a time
to live until it is activated; an unfinished version (a build killed while storing)
is deleted by the next publish or :meth:`ModelStore.sweep` once its deadline passed.
Nothing is pickled: bytes are raw little-endian numbers, the rest is JSON.
"""
from __future__ import annotations

import json
import time
from typing import Any, Callable, Iterable, Sequence

import numpy as np
import redis

from models.build import BuiltModel
from models.ingest import id_keys
from models.ranking import TrackTable, title_arrays, title_arrays_to_bytes

from .codec import SCORE_DTYPE, decode_neighbours, encode_neighbours, track_documents
from .errors import ModelNotReady, StoreCorrupt, UpdateConflict
from .upkeep import PENDING_SECONDS, VERSION_KEYS, Upkeep, guard

WRITE_CHUNK = 2000
#: HMGET of KEYS[k] for the JSON list of fields ARGV[k], as "row,,row" ('' when absent);
#: in chunks, as Lua's unpack has a small stack.
ROWS_SCRIPT = """
local out = {}
for k = 1, #KEYS do
  local names = cjson.decode(ARGV[k])
  local found = {}
  for first = 1, #names, 4000 do
    local rows = redis.call('HMGET', KEYS[k], unpack(names, first, math.min(first + 3999, #names)))
    for i = 1, #rows do found[#found + 1] = rows[i] or '' end
  end
  out[k] = table.concat(found, ',')
end
return out
"""


def _rows(reply: bytes, count: int) -> list[int | None]:
    return [int(r) if r else None for r in reply.decode().split(",")] if count else []


class ModelStore(Upkeep):
    """A versioned model namespace in Redis (see the module docstring for the keys).

    ``max_shrink`` (None: no check) is the largest share of the live model's tracks a
    new version may lose before :meth:`publish` refuses it; ``cache_max_entries`` caps
    the cached responses per version (oldest evicted first; 0 disables the cache).
    """

    def __init__(self, client: redis.Redis, *, prefix: str = "feelalike",
                 grace_seconds: int = 3600, cache_seconds: int = 600,
                 cache_max_entries: int = 5000, max_shrink: float | None = None,
                 pending_seconds: int = PENDING_SECONDS) -> None:
        self.client = client
        self.prefix = prefix
        self.grace_seconds = grace_seconds
        self.cache_seconds = cache_seconds
        self.cache_max_entries = cache_max_entries
        self.max_shrink = max_shrink
        self.pending_seconds = pending_seconds
        self.clock: Callable[[], float] = time.time

    def key_for(self, *parts: str, version: str | None = None) -> str:
        """The one place a Redis key is spelled."""
        scope = [self.prefix] if version is None else [self.prefix, "v", version]
        return ":".join([*scope, *parts])

    # -- writing -------------------------------------------------------------------
    @guard
    def publish(self, built: BuiltModel, progress: Callable[[int], None] | None = None, *,
                force: bool = False) -> str:
        """Write a complete new version, then make it current; returns its id.

        First unfinished versions past their deadline are swept and, unless ``force``,
        a model that shrinks too much against the live one is refused (nothing written).
        """
        version = built.meta["version"]
        self.sweep()
        if not force:
            self.check_shrink(int(built.meta.get("tracks", len(built.tracks))))
        self.register(version)
        self._write_documents(version, built, progress)
        self._write_arrays(version, built)
        self.client.set(self.key_for("meta", version=version), json.dumps(built.meta),
                        ex=self.pending_seconds)
        self.activate(version)
        return version

    def register(self, version: str) -> None:
        """List the version, with a deadline, before any of its keys exists."""
        now = self.clock()
        pipe = self.client.pipeline(transaction=True)
        pipe.zadd(self.key_for("versions"), {version: now})
        pipe.zadd(self.key_for("pending"), {version: now + self.pending_seconds})
        pipe.execute()

    def _write_documents(self, version: str, built: BuiltModel,
                         progress: Callable[[int], None] | None) -> None:
        keys = [self.key_for(k, version=version)
                for k in ("tracks", "rows", "neighbours", "ids")]
        tracks, rows, neighbours, ids = keys
        pipe = self.client.pipeline(transaction=False)
        for row, doc in enumerate(track_documents(built)):
            pipe.hset(tracks, str(row), json.dumps(doc, separators=(",", ":")))
            pipe.hset(rows, doc["id"], row)
            for key in id_keys(doc["external_ids"]):
                pipe.hsetnx(ids, key, row)  # an id several tracks share: the first row
            pipe.hset(neighbours, str(row),
                      encode_neighbours(built.neighbours[row], built.scores[row]))
            if (row + 1) % WRITE_CHUNK == 0:
                self._execute_pending(pipe, keys)
                if progress:
                    progress(WRITE_CHUNK)
        self._execute_pending(pipe, keys)
        if progress:
            progress(len(built.tracks) % WRITE_CHUNK)

    def _execute_pending(self, pipe: Any, keys: Sequence[str]) -> None:
        """Run a write batch; its keys keep a time to live until activation."""
        for key in keys:
            pipe.expire(key, self.pending_seconds)
        pipe.execute()

    def _write_arrays(self, version: str, built: BuiltModel) -> None:
        titles = [[t.title, t.artist, t.popularity or 0.0] for t in built.tracks]
        numbers, strings = built.table().to_payload()
        pipe = self.client.pipeline(transaction=False)
        titles_json = json.dumps(titles)
        prebuilt = title_arrays(*(list(column) for column in zip(*titles))) if titles \
            else title_arrays([], [], [])  # the title index, once here, not in each worker
        values = {"vectors": built.vectors.astype(SCORE_DTYPE).tobytes(),
                  "titles": titles_json, "table": numbers, "table_strings": strings,
                  "title_arrays": title_arrays_to_bytes(prebuilt, titles_json.encode())}
        if built.fitted is not None and built.hubs is not None:  # for incremental updates
            values.update(fitted=built.fitted.to_bytes(),
                          hubs=built.hubs.astype(SCORE_DTYPE).tobytes())
        if built.coords is not None:
            values["coords"] = built.coords.astype(SCORE_DTYPE).tobytes()
        for name, value in values.items():
            pipe.set(self.key_for(name, version=version), value, ex=self.pending_seconds)
        pipe.execute()

    @guard
    def activate(self, version: str, expect: str | None = None) -> None:
        """Point ``current`` at ``version`` and start the grace period of the others;
        with ``expect``, only if ``expect`` is still current (else UpdateConflict)."""
        if not self.client.exists(self.key_for("meta", version=version)):
            raise ModelNotReady(f"model version {version} is not in the store")
        pipe = self.client.pipeline(transaction=True)
        if expect is not None:
            pipe.watch(self.key_for("current"))
            live = pipe.get(self.key_for("current"))
            if live is None or live.decode() != expect:
                pipe.reset()
                raise UpdateConflict("the live model changed while the update was written; "
                                     "run it again")
            pipe.multi()
        pipe.zadd(self.key_for("versions"), {version: self.clock()})
        pipe.zrem(self.key_for("pending"), version)
        pipe.set(self.key_for("current"), version)
        for key in VERSION_KEYS:
            pipe.persist(self.key_for(key, version=version))
        try:
            pipe.execute()
        except redis.WatchError:
            raise UpdateConflict("the live model changed while the update was written; "
                                 "run it again") from None
        self.expire_old(keep=version)

    # -- reading -------------------------------------------------------------------
    @guard
    def current_version(self) -> str:
        version = self.client.get(self.key_for("current"))
        if version is None:
            raise ModelNotReady("no model has been built yet: run `feelalike build` "
                                "(or `feelalike demo`)")
        return version.decode()

    @guard
    def meta(self, version: str) -> dict[str, Any]:
        raw = self.client.get(self.key_for("meta", version=version))
        if raw is None:
            raise ModelNotReady(f"model version {version} has expired or was never written")
        return json.loads(raw)

    @guard
    def row_of(self, version: str, track_id: str) -> int | None:
        row = self.client.hget(self.key_for("rows", version=version), track_id)
        return None if row is None else int(row)

    @guard
    def rows_of(self, version: str, track_ids: Sequence[str], id_keys: Sequence[str],
                ) -> tuple[list[int | None], list[int | None]]:
        """Rows of track ids and of external ids (``kind:value``), in one round trip: a
        script does both HMGETs in Redis and answers two short strings, so 10,000 ids
        cost two JSON arguments and two replies rather than 20,000 of each."""
        keys = [self.key_for(name, version=version) for name in ("rows", "ids")]
        found = self._rows_script(keys=keys, args=[json.dumps(list(track_ids)),
                                                   json.dumps(list(id_keys))])
        return _rows(found[0], len(track_ids)), _rows(found[1], len(id_keys))

    @property
    def _rows_script(self) -> Any:
        script = getattr(self, "_rows_script_object", None)
        if script is None:
            script = self._rows_script_object = self.client.register_script(ROWS_SCRIPT)
        return script

    @guard
    def tracks(self, version: str, rows: Sequence[int]) -> list[dict[str, Any]]:
        if not rows:
            return []
        raw = self.client.hmget(self.key_for("tracks", version=version),
                                [str(r) for r in rows])
        if any(r is None for r in raw):
            raise ModelNotReady(f"model version {version} is incomplete or expired")
        return [json.loads(r) for r in raw]

    @guard
    def neighbours(self, version: str, row: int) -> tuple[np.ndarray, np.ndarray]:
        blob = self.client.hget(self.key_for("neighbours", version=version), str(row))
        if blob is None:
            raise ModelNotReady(f"model version {version} has no neighbours for row {row}")
        return decode_neighbours(blob)

    @guard
    def vectors(self, version: str, rows: Iterable[int]) -> np.ndarray:
        meta = self.meta(version)
        dim, width = meta["dim"], SCORE_DTYPE.itemsize
        key = self.key_for("vectors", version=version)
        pipe = self.client.pipeline(transaction=False)
        rows = list(rows)
        for row in rows:
            pipe.getrange(key, row * dim * width, (row + 1) * dim * width - 1)
        return np.vstack([np.frombuffer(b, SCORE_DTYPE) for b in pipe.execute()]) if rows \
            else np.zeros((0, dim), np.float32)

    @guard
    def titles(self, version: str) -> list[list[Any]]:
        raw = self.client.get(self.key_for("titles", version=version))
        if raw is None:
            raise ModelNotReady(f"model version {version} has expired or was never written")
        return json.loads(raw)

    @guard
    def table(self, version: str) -> TrackTable:
        """The whole catalog as columns (for requests that score every track)."""
        meta = self.meta(version)
        pipe = self.client.pipeline(transaction=False)
        for key in ("table", "table_strings", "vectors"):
            pipe.get(self.key_for(key, version=version))
        numbers, strings, vectors = pipe.execute()
        if numbers is None or strings is None or vectors is None:
            raise ModelNotReady(f"model version {version} has no track table (rebuild it)")
        matrix = np.frombuffer(vectors, SCORE_DTYPE).reshape(meta["tracks"], meta["dim"])
        try:
            return TrackTable.from_payload(numbers, strings.decode(), matrix)
        except ValueError as exc:
            raise StoreCorrupt(f"model version {version}: {exc}") from None

    @guard
    def ping(self) -> bool:
        return bool(self.client.ping())

    @guard
    def blob(self, version: str, name: str) -> bytes | None:
        """The raw value of one of the version's keys (``VERSION_KEYS``), None if absent."""
        return self.client.get(self.key_for(name, version=version))
