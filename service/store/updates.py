"""Incremental updates of the live model: add or remove tracks, published as a new version.

An update reads the live version, lets ``models.build`` compute what changes (the new
tracks' vectors and lists, the lists they enter or that lose a track), and writes a
NEW version: every key of :data:`VERSION_KEYS` is copied server-side from the live
version (``COPY``, pipelined, so keys added to that table are carried along), then
only what changed is overwritten (documents, id indexes, the changed neighbour lists)
together with the whole-model arrays (vectors, track table, titles, hub state).  The
same activation as a full publish then flips ``current``, and only if the live
version is still the one the update started from.

An update that fails leaves the live model untouched: nothing is written before the
input is checked, and a failure while writing deletes the pending version (with
Redis gone, the version's registration deadline and its keys' time to live let the
next publish or sweep remove it).
"""
from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

import numpy as np
import redis

from models.build import (
    FittedState,
    ListChanges,
    add_lists,
    compaction,
    extend_table,
    place,
    remove_lists,
    take_table,
)
from models.errors import BadRequest, TrackExists, TrackNotFound
from models.ingest import Track

from .codec import SCORE_DTYPE, decode_neighbours, encode_neighbours, track_document
from .errors import RebuildNeeded
from .model_store import WRITE_CHUNK, ModelStore
from .upkeep import VERSION_KEYS, guard

#: every hash of the version that maps a field derived from a track document to its
#: row; an update keeps each of them in step (a new id index registers itself here)
ID_INDEXES: dict[str, Callable[[dict[str, Any]], list[str]]] = {
    "rows": lambda doc: [doc["id"]],
}
Step = Callable[[str], None]
SHOWN = 10


@dataclass
class Change:
    """What a new version writes over the copy of the live one."""

    documents: dict[int, dict[str, Any]]  # row -> document (new or moved rows)
    gone: list[dict[str, Any]]  # documents whose index fields are deleted
    lists: ListChanges
    arrays: dict[str, bytes | str]
    size: int  # rows of the new version
    old_size: int


@dataclass
class UpdateResult:
    version: str
    base: str
    tracks: int
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    lists_rewritten: int = 0
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"model_version": self.version, "previous_version": self.base,
                "tracks": self.tracks, "added": self.added, "removed": self.removed,
                "lists_rewritten": self.lists_rewritten, "seconds": round(self.seconds, 3)}


class Updater:
    """Adds and removes tracks of ``store``'s live model; ``on_step`` hears each stage
    (``read``, ``computed``, ``copied``, ``written``) as it ends."""

    def __init__(self, store: ModelStore, on_step: Step | None = None) -> None:
        self.store = store
        self.on_step = on_step or (lambda _stage: None)

    def _key(self, name: str, version: str) -> str:
        return self.store.key_for(name, version=version)

    def _live(self) -> tuple[str, dict[str, Any], FittedState, np.ndarray]:
        version = self.store.current_version()
        meta = self.store.meta(version)
        blob, hubs = self.store.client.mget(self._key("fitted", version),
                                            self._key("hubs", version))
        if blob is None or hubs is None:
            raise RebuildNeeded(f"the live model {version} was built before incremental "
                                "updates existed; run `feelalike build` once")
        return version, meta, FittedState.from_bytes(blob), \
            np.frombuffer(hubs, SCORE_DTYPE).reshape(-1, 2)

    # -- adding --------------------------------------------------------------------
    @guard
    def add(self, tracks: Sequence[Track]) -> UpdateResult:
        """Add ``tracks`` (ids must be new: an existing id refuses the whole update)."""
        started = time.perf_counter()
        if not tracks:
            raise BadRequest("no tracks to add", field="tracks")
        base, meta, state, hubs = self._live()
        ids = [t.id for t in tracks]
        taken = [i for i, row in zip(ids, self.store.client.hmget(self._key("rows", base), ids))
                 if row is not None]
        if taken:
            raise TrackExists(f"{len(taken)} track id(s) already in the model ("
                              f"{', '.join(taken[:SHOWN])}); remove them first to replace "
                              "them", ids=taken[:SHOWN])
        table, titles = self.store.table(base), self.store.titles(base)
        self.on_step("read")
        profiles, vectors = place(tracks, state)
        n = len(table)
        everything = np.vstack([table.vectors, vectors])
        lists = add_lists(everything, n, int(meta["k"]), hubs, state,
                          lambda rows: self._stored_lists(base, rows))
        table = extend_table(table, tracks, profiles, everything)
        titles += [[t.title, t.artist, t.popularity or 0.0] for t in tracks]
        documents = {n + i: track_document(t, p) for i, (t, p) in
                     enumerate(zip(tracks, profiles))}
        self.on_step("computed")
        change = Change(documents, [], lists, _arrays(table, titles, lists), n + len(tracks),
                        n)
        version = self._publish(base, meta, change, "add", ids)
        return UpdateResult(version, base, n + len(tracks), added=ids,
                            lists_rewritten=len(lists.lists),
                            seconds=time.perf_counter() - started)

    def _stored_lists(self, version: str, rows: Sequence[int]) -> list[np.ndarray]:
        blobs = self.store.client.hmget(self._key("neighbours", version),
                                        [str(r) for r in rows])
        if any(b is None for b in blobs):
            raise RebuildNeeded(f"the live model {version} lacks neighbour lists; rebuild it")
        return [decode_neighbours(b)[0] for b in blobs]

    # -- removing ------------------------------------------------------------------
    @guard
    def remove(self, ids: Sequence[str], *, force: bool = False) -> UpdateResult:
        """Remove the tracks ``ids`` (every one must exist; nothing changes otherwise)."""
        started = time.perf_counter()
        ids = list(dict.fromkeys(ids))
        if not ids:
            raise BadRequest("no track ids to remove", field="ids")
        base, meta, state, hubs = self._live()
        rows = self.store.client.hmget(self._key("rows", base), ids)
        missing = [i for i, row in zip(ids, rows) if row is None]
        if missing:
            raise TrackNotFound(f"no track with id {missing[0]!r}"
                                + (f" (and {len(missing) - 1} more)" if len(missing) > 1
                                   else ""), ids=missing[:SHOWN])
        removed = sorted(int(r) for r in rows)
        n = int(meta["tracks"])
        if len(removed) >= n:
            raise BadRequest("cannot remove every track of the model; build a new one",
                             field="ids")
        if not force:
            self.store.check_shrink(n - len(removed))
        table, titles = self.store.table(base), self.store.titles(base)
        lists, scores = self._all_lists(base, n)
        self.on_step("read")
        order = compaction(n, removed)
        changes = remove_lists(table.vectors, lists, scores, hubs, order, state)
        movers = {new: int(old) for new, old in enumerate(order) if new != old}
        docs = self.store.tracks(base, [*removed, *movers.values()])
        gone, moved = docs[:len(removed)], docs[len(removed):]
        table = take_table(table, order)
        titles = [titles[i] for i in order]
        self.on_step("computed")
        change = Change(dict(zip(movers, moved)), gone, changes,
                        _arrays(table, titles, changes), len(order), n)
        version = self._publish(base, meta, change, "remove", ids)
        return UpdateResult(version, base, len(order), removed=ids,
                            lists_rewritten=len(changes.lists),
                            seconds=time.perf_counter() - started)

    def _all_lists(self, version: str, n: int) -> tuple[np.ndarray, np.ndarray]:
        stored = self.store.client.hgetall(self._key("neighbours", version))
        if len(stored) != n:
            raise RebuildNeeded(f"the live model {version} lacks neighbour lists; rebuild it")
        pairs = [decode_neighbours(stored[str(row).encode()]) for row in range(n)]
        return (np.array([p[0] for p in pairs], dtype=np.int32),
                np.array([p[1] for p in pairs], dtype=np.float32))

    # -- writing -------------------------------------------------------------------
    def _publish(self, base: str, meta: dict[str, Any], change: Change, kind: str,
                 ids: Sequence[str]) -> str:
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
        for count, (row, doc) in enumerate(change.documents.items(), 1):
            pipe.hset(tracks, str(row), json.dumps(doc, separators=(",", ":")))
            for name, fields_of in ID_INDEXES.items():
                for key in fields_of(doc):
                    pipe.hset(self._key(name, version), key, row)
            if count % WRITE_CHUNK == 0:
                pipe.execute()
        for count, (row, (rows, scores)) in enumerate(change.lists.lists.items(), 1):
            pipe.hset(lists, str(row), encode_neighbours(rows, scores))
            if count % WRITE_CHUNK == 0:
                pipe.execute()
        for name, value in change.arrays.items():
            pipe.set(self._key(name, version), value, ex=self.store.pending_seconds)
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


def _arrays(table: Any, titles: list, lists: ListChanges) -> dict[str, bytes | str]:
    numbers, strings = table.to_payload()
    return {"vectors": table.vectors.astype(SCORE_DTYPE).tobytes(), "titles": json.dumps(titles),
            "table": numbers, "table_strings": strings,
            "hubs": lists.hubs.astype(SCORE_DTYPE).tobytes()}


def _version_id(base: str, kind: str, ids: Sequence[str]) -> str:
    """A sortable version id: UTC time plus a digest of the base and the change."""
    digest = hashlib.sha1(f"{base}\x00{kind}\x00{time.time_ns()}".encode())
    for track_id in ids:
        digest.update(track_id.encode() + b"\x00")
    return time.strftime("%Y%m%dT%H%M%SZ", time.gmtime()) + "-" + digest.hexdigest()[:8]
