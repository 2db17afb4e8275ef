"""A draft model version: the live version's keys copied server-side, changed, then
activated in one flip, or discarded.

The copy takes every key of :data:`VERSION_KEYS` (``COPY``, pipelined), so keys other
parts of the store add to that table are carried along unchanged; an update then
writes only what it changed.  :data:`ID_INDEXES` lists the hashes that map a field of
a track document to its row, which an update keeps in step.
"""
from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

import redis

from models.build import ListChanges
from models.ingest import id_keys

from .codec import encode_neighbours
from .model_store import WRITE_CHUNK, ModelStore
from .upkeep import VERSION_KEYS

#: every hash of the version that maps a field derived from a track document to its
#: row; an update keeps each of them in step (a new id index registers itself here)
ID_INDEXES: dict[str, Callable[[dict[str, Any]], list[str]]] = {
    "rows": lambda doc: [doc["id"]],
    "ids": lambda doc: id_keys(doc.get("external_ids", {})),
}
Step = Callable[[str], None]


@dataclass
class Change:
    """What a new version writes over the copy of the live one."""

    documents: dict[int, dict[str, Any]]  # row -> document (new or moved rows)
    gone: list[dict[str, Any]]  # documents whose index fields are deleted
    lists: ListChanges
    size: int  # rows of the new version
    old_size: int
    sets: dict[str, bytes | str] = field(default_factory=dict)  # keys written whole
    appends: dict[str, bytes] = field(default_factory=dict)  # bytes added at the end


class Draft:
    """Writes ``change`` as a new version on top of ``base`` and activates it."""

    def __init__(self, store: ModelStore, on_step: Step) -> None:
        self.store = store
        self.on_step = on_step

    def _key(self, name: str, version: str) -> str:
        return self.store.key_for(name, version=version)

    def publish(self, base: str, meta: dict[str, Any], change: Change, kind: str,
                ids: Sequence[str]) -> str:
        """The new version's id, once it is live (``kind``: add or remove; ``ids``: the
        tracks it added or removed)."""
        version = _version_id(base, kind, ids)
        new_meta = {**meta, "version": version, "tracks": change.size, "k": change.lists.k,
                    "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                    "update": {"kind": kind, "base": base, "tracks": len(ids),
                               "lists_rewritten": len(change.lists.lists)}}
        self.store.register(version)
        try:
            self._copy(base, version)
            self.on_step("copied")
            self._write(version, change)
            self.on_step("written")
            self.store.client.set(self._key("meta", version), json.dumps(new_meta),
                                  ex=self.store.pending_seconds)
            self.store.activate(version, expect=base)
        except BaseException:
            self._discard(version)
            raise
        return version

    def _copy(self, base: str, version: str) -> None:
        pipe = self.store.client.pipeline(transaction=False)
        for name in VERSION_KEYS:
            if name != "meta":  # written last: its presence marks a finished version
                pipe.copy(self._key(name, base), self._key(name, version), replace=True)
                pipe.expire(self._key(name, version), self.store.pending_seconds)
        pipe.execute()

    def _write(self, version: str, change: Change) -> None:
        pipe = self.store.client.pipeline(transaction=False)
        tracks, lists = self._key("tracks", version), self._key("neighbours", version)
        dropped = [str(r) for r in range(change.size, change.old_size)]
        if dropped:
            pipe.hdel(tracks, *dropped)
            pipe.hdel(lists, *dropped)
        for name, fields_of in ID_INDEXES.items():
            stale = [f for doc in change.gone for f in fields_of(doc)]
            if stale:
                pipe.hdel(self._key(name, version), *stale)
        documents = {str(row): json.dumps(doc, separators=(",", ":"))
                     for row, doc in change.documents.items()}
        _hset(pipe, tracks, documents)
        for name, fields_of in ID_INDEXES.items():
            _hset(pipe, self._key(name, version),
                  {key: row for row, doc in change.documents.items() for key in fields_of(doc)})
        _hset(pipe, lists, {str(row): encode_neighbours(rows, scores)
                            for row, (rows, scores) in change.lists.lists.items()})
        for name, value in change.sets.items():
            pipe.set(self._key(name, version), value, ex=self.store.pending_seconds)
        for name, value in change.appends.items():
            pipe.append(self._key(name, version), value)
        for name in VERSION_KEYS:  # keys created by the writes expire too until activation
            pipe.expire(self._key(name, version), self.store.pending_seconds)
        pipe.execute()

    def _discard(self, version: str) -> None:
        """Delete a version that will not go live (best effort: with Redis gone, its
        deadline in ``pending`` and its keys' time to live do it later)."""
        try:
            pipe = self.store.client.pipeline(transaction=False)
            pipe.delete(*[self._key(name, version) for name in VERSION_KEYS])
            pipe.zrem(self.store.key_for("versions"), version)
            pipe.zrem(self.store.key_for("pending"), version)
            pipe.execute()
        except (redis.RedisError, OSError):
            pass


def _hset(pipe: Any, key: str, mapping: dict[str, Any]) -> None:
    """HSET in chunks of WRITE_CHUNK fields (one command each, not one per field)."""
    items = list(mapping.items())
    for start in range(0, len(items), WRITE_CHUNK):
        pipe.hset(key, mapping=dict(items[start:start + WRITE_CHUNK]))


def _version_id(base: str, kind: str, ids: Sequence[str]) -> str:
    """A sortable version id: UTC time plus a digest of the base and the change."""
    digest = hashlib.sha1(f"{base}\x00{kind}\x00{time.time_ns()}".encode())
    for track_id in ids:
        digest.update(track_id.encode() + b"\x00")
    return time.strftime("%Y%m%dT%H%M%SZ", time.gmtime()) + "-" + digest.hexdigest()[:8]
