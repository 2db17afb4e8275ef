"""The Redis model store: versioned namespaces, written in full before they go live.

Every key is built by :meth:`ModelStore.key_for`::

    {prefix}:current                     -> the live version id
    {prefix}:versions                    -> sorted set of version ids by creation time
    {prefix}:v:{version}:meta            -> JSON metadata
    {prefix}:v:{version}:tracks          -> hash row -> track JSON document
    {prefix}:v:{version}:rows            -> hash track id -> row
    {prefix}:v:{version}:neighbours      -> hash row -> K int32 rows + K float32 scores
    {prefix}:v:{version}:vectors         -> raw float32 bytes, rows of ``dim`` values
    {prefix}:v:{version}:titles          -> JSON [[title, artist, popularity], ...] by row
    {prefix}:v:{version}:cache:{digest}  -> a cached API response body (JSON)

A reader fetches ``current`` once per request and reads only that version, so every
answer comes from exactly one model version.  Old versions expire after a grace
period.  Nothing is pickled: bytes are raw little-endian numbers, the rest is JSON.
"""
from __future__ import annotations

import json
import logging
import time
from typing import Any, Callable, Iterable, Sequence

import numpy as np
import redis

from models.build import BuiltModel
from models.ranking import TrackTable

from .codec import SCORE_DTYPE, decode_neighbours, encode_neighbours, track_documents
from .errors import ModelNotReady, StoreCorrupt, StoreUnavailable

VERSION_KEYS = ("meta", "tracks", "rows", "neighbours", "vectors", "titles", "table",
                "table_strings")
WRITE_CHUNK = 2000
log = logging.getLogger(__name__)


def _guard(method: Callable) -> Callable:
    """Turn connection-level Redis failures into StoreUnavailable."""
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return method(*args, **kwargs)
        except (redis.ConnectionError, redis.TimeoutError, OSError) as exc:
            log.warning("Redis is unreachable: %s", exc)  # hosts and ports stay in the log
            raise StoreUnavailable("Redis is unreachable") from None
        except redis.ResponseError as exc:
            log.warning("Redis refused a command: %s", exc)
            raise StoreCorrupt("Redis refused a command") from None
    wrapper.__name__ = method.__name__
    wrapper.__doc__ = method.__doc__
    return wrapper


class ModelStore:
    def __init__(self, client: redis.Redis, *, prefix: str = "feelalike",
                 grace_seconds: int = 3600, cache_seconds: int = 600) -> None:
        self.client = client
        self.prefix = prefix
        self.grace_seconds = grace_seconds
        self.cache_seconds = cache_seconds

    def key_for(self, *parts: str, version: str | None = None) -> str:
        """The one place a Redis key is spelled."""
        scope = [self.prefix] if version is None else [self.prefix, "v", version]
        return ":".join([*scope, *parts])

    # -- writing -------------------------------------------------------------------
    @_guard
    def publish(self, built: BuiltModel, progress: Callable[[int], None] | None = None) -> str:
        """Write a complete new version, then make it current; returns its id."""
        version = built.meta["version"]
        self._write_documents(version, built, progress)
        self._write_arrays(version, built)
        self.client.set(self.key_for("meta", version=version), json.dumps(built.meta))
        self.activate(version)
        return version

    def _write_documents(self, version: str, built: BuiltModel,
                         progress: Callable[[int], None] | None) -> None:
        tracks, rows = self.key_for("tracks", version=version), self.key_for("rows",
                                                                               version=version)
        neighbours = self.key_for("neighbours", version=version)
        pipe = self.client.pipeline(transaction=False)
        for row, doc in enumerate(track_documents(built)):
            pipe.hset(tracks, str(row), json.dumps(doc, separators=(",", ":")))
            pipe.hset(rows, doc["id"], row)
            pipe.hset(neighbours, str(row),
                      encode_neighbours(built.neighbours[row], built.scores[row]))
            if (row + 1) % WRITE_CHUNK == 0:
                pipe.execute()
                if progress:
                    progress(WRITE_CHUNK)
        pipe.execute()
        if progress:
            progress(len(built.tracks) % WRITE_CHUNK)

    def _write_arrays(self, version: str, built: BuiltModel) -> None:
        titles = [[t.title, t.artist, t.popularity or 0.0] for t in built.tracks]
        numbers, strings = built.table().to_payload()
        pipe = self.client.pipeline(transaction=False)
        pipe.set(self.key_for("vectors", version=version),
                 built.vectors.astype(SCORE_DTYPE).tobytes())
        pipe.set(self.key_for("titles", version=version), json.dumps(titles))
        pipe.set(self.key_for("table", version=version), numbers)
        pipe.set(self.key_for("table_strings", version=version), strings)
        pipe.execute()

    @_guard
    def activate(self, version: str) -> None:
        """Point ``current`` at ``version`` and start the grace period of the others."""
        if not self.client.exists(self.key_for("meta", version=version)):
            raise ModelNotReady(f"model version {version} is not in the store")
        pipe = self.client.pipeline(transaction=True)
        pipe.zadd(self.key_for("versions"), {version: time.time()})
        pipe.set(self.key_for("current"), version)
        for key in VERSION_KEYS:
            pipe.persist(self.key_for(key, version=version))
        pipe.execute()
        self.expire_old(keep=version)

    def expire_old(self, keep: str) -> list[str]:
        """Give every version but ``keep`` a time to live of the grace period."""
        old = [v.decode() for v in self.client.zrange(self.key_for("versions"), 0, -1)
               if v.decode() != keep]
        pipe = self.client.pipeline(transaction=False)
        for version in old:
            if self.client.ttl(self.key_for("meta", version=version)) != -1:
                continue  # already counting down (or gone): keep its deadline
            for key in VERSION_KEYS:
                pipe.expire(self.key_for(key, version=version), self.grace_seconds)
        # forget versions whose data is gone
        cutoff = time.time() - self.grace_seconds
        pipe.zremrangebyscore(self.key_for("versions"), "-inf", f"({cutoff}")
        pipe.zadd(self.key_for("versions"), {keep: time.time()})
        pipe.execute()
        return old

    # -- reading -------------------------------------------------------------------
    @_guard
    def current_version(self) -> str:
        version = self.client.get(self.key_for("current"))
        if version is None:
            raise ModelNotReady("no model has been built yet: run `feelalike build` "
                                "(or `feelalike demo`)")
        return version.decode()

    @_guard
    def meta(self, version: str) -> dict[str, Any]:
        raw = self.client.get(self.key_for("meta", version=version))
        if raw is None:
            raise ModelNotReady(f"model version {version} has expired or was never written")
        return json.loads(raw)

    @_guard
    def row_of(self, version: str, track_id: str) -> int | None:
        row = self.client.hget(self.key_for("rows", version=version), track_id)
        return None if row is None else int(row)

    @_guard
    def tracks(self, version: str, rows: Sequence[int]) -> list[dict[str, Any]]:
        if not rows:
            return []
        raw = self.client.hmget(self.key_for("tracks", version=version),
                                [str(r) for r in rows])
        if any(r is None for r in raw):
            raise ModelNotReady(f"model version {version} is incomplete or expired")
        return [json.loads(r) for r in raw]

    @_guard
    def neighbours(self, version: str, row: int) -> tuple[np.ndarray, np.ndarray]:
        blob = self.client.hget(self.key_for("neighbours", version=version), str(row))
        if blob is None:
            raise ModelNotReady(f"model version {version} has no neighbours for row {row}")
        return decode_neighbours(blob)

    @_guard
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

    @_guard
    def titles(self, version: str) -> list[list[Any]]:
        raw = self.client.get(self.key_for("titles", version=version))
        if raw is None:
            raise ModelNotReady(f"model version {version} has expired or was never written")
        return json.loads(raw)

    @_guard
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

    # -- response cache --------------------------------------------------------------
    @_guard
    def cached(self, version: str, digest: str) -> bytes | None:
        return self.client.get(self.key_for("cache", digest, version=version))

    @_guard
    def cache(self, version: str, digest: str, body: bytes) -> None:
        self.client.set(self.key_for("cache", digest, version=version), body,
                        ex=self.cache_seconds)

    @_guard
    def ping(self) -> bool:
        return bool(self.client.ping())
