"""A draft model version: the live version's keys copied server-side, changed, then
activated in one flip, or discarded.

The copy takes every key of :data:`VERSION_KEYS` (``COPY``, pipelined; on a Redis
Cluster, where the two versions live in different hash slots, ``DUMP`` + ``RESTORE``),
so keys other parts of the store add to that table are carried along unchanged; an
update then rewrites only the buckets (see ``codec``) that hold what it changed.
:data:`ID_INDEXES` lists the indexes that map a field of a track document to its row,
which an update keeps in step.
"""
from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Sequence

import numpy as np

from models.ingest import id_keys

from . import codec
from .commands import step_mark
from .codec import BUCKET
from .errors import StoreUnavailable
from .model_store import ModelStore, is_cluster
from .upkeep import VERSION_KEYS

if TYPE_CHECKING:  # models.build pulls in the offline stack; workers need no ListChanges
    from models.build import ListChanges

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
    gone: dict[int, dict[str, Any]]  # old row -> document of a removed track
    lists: ListChanges
    size: int  # rows of the new version
    old_size: int
    sets: dict[str, bytes | str] = field(default_factory=dict)  # keys written whole
    arrays: dict[str, np.ndarray] = field(default_factory=dict)  # arrays written whole
    segments: dict[str, np.ndarray] = field(default_factory=dict)  # rows added at the end
    #: neighbour buckets of the base already read and unpacked (bucket -> its lists)
    seen_lists: dict[int, list] = field(default_factory=dict)
    moved_from: dict[int, int] = field(default_factory=dict)  # new row -> old row
    #: id index names the change's documents take over from any row holding them (the
    #: new path of a moved file, where another track's deleted file used to be)
    claimed: frozenset[str] = frozenset()


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
        version = self.store.register(_version_id(base, kind, ids))
        mine = {name: value for name, value in meta.items() if name != "command"}  # base's
        new_meta = {**mine, "version": version, "tracks": change.size, "k": change.lists.k,
                    "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                    "stored_at": self.store.clock(),
                    "update": {"kind": kind, "base": base, "tracks": len(ids),
                               "lists_rewritten": len(change.lists.lists)},
                    **step_mark(self.store, base)}
        try:
            self._copy(base, version)
            self.on_step("copied")
            new_meta["layout"] = self._write(base, version, change)
            self.on_step("written")
            self.store.client.set(self._key("meta", version), json.dumps(new_meta),
                                  ex=self.store.pending_seconds)
            self.store.activate(version, expect=base)
        except BaseException:
            self.store.discard_unfinished(version)  # not once it is the model served
            raise
        return version

    def _copy(self, base: str, version: str) -> None:
        names = [name for name in VERSION_KEYS if name != "meta"]  # meta marks it done
        pipe = self.store.client.pipeline(transaction=False)
        if is_cluster(self.store.client):  # another slot: the bytes travel via the client
            for name in names:
                pipe.dump(self._key(name, base))
            dumps, pipe = pipe.execute(), self.store.client.pipeline(transaction=False)
            for name, blob in zip(names, dumps):
                if blob is not None:
                    pipe.restore(self._key(name, version), self.store.pending_seconds * 1000,
                                 blob, replace=True)
        else:
            for name in names:
                pipe.copy(self._key(name, base), self._key(name, version), replace=True)
                pipe.expire(self._key(name, version), self.store.pending_seconds)
        pipe.execute()

    def _write(self, base: str, version: str, change: Change) -> dict[str, Any]:
        """Write ``change`` over the copy; returns the new version's layout (an id index
        gets more buckets once it has outgrown them)."""
        layout, dictionary = self.store.layout(base)
        pipe = self.store.client.pipeline(transaction=False)
        docs = {row: codec.stored_json(doc) for row, doc in change.documents.items()}
        self._patch(pipe, self._key("docs", version), docs, change,
                    lambda blob: codec.unpack_documents(blob, dictionary),
                    lambda lines: codec.pack_documents(lines, dictionary))
        self._patch(pipe, self._key("neighbours", version), change.lists.lists, change,
                    codec.unpack_lists, codec.pack_lists, change.seen_lists)
        grown = dict(layout)
        for name, fields_of in ID_INDEXES.items():
            stale = [(f, row) for row, doc in change.gone.items() for f in fields_of(doc)]
            fresh = [(f, row, change.moved_from.get(row))
                     for row, doc in change.documents.items() for f in fields_of(doc)]
            grown[name] = self._update_index(pipe, self._key(name, version),
                                             int(layout[name]), stale, fresh, change.claimed)
        for name, value in change.sets.items():
            pipe.set(self._key(name, version), value, ex=self.store.pending_seconds)
        for name, array in change.arrays.items():
            pipe.delete(self._key(name, version))
            pipe.hset(self._key(name, version), "0", codec.pack_array(array))
        counts = self._segment_counts(version, list(change.segments))
        for name, rows in change.segments.items():
            pipe.hset(self._key(name, version), str(counts[name]), codec.pack_array(rows))
        for name in VERSION_KEYS:  # keys created by the writes expire too until activation
            pipe.expire(self._key(name, version), self.store.pending_seconds)
        pipe.execute()
        return grown

    def _segment_counts(self, version: str, names: list[str]) -> dict[str, int]:
        pipe = self.store.client.pipeline(transaction=False)
        for name in names:
            pipe.hlen(self._key(name, version))
        return dict(zip(names, pipe.execute())) if names else {}

    def _patch(self, pipe: Any, key: str, changed: dict[int, Any], change: Change,
               unpack: Callable[[bytes], list], pack: Callable[[list], bytes],
               seen: dict[int, list] | None = None) -> None:
        """Rewrite the buckets of ``key`` that hold a changed row or lose rows past the
        new size (``change.size``); buckets wholly past it are deleted.  ``seen``: buckets
        already unpacked (the draft is a copy of the base, so they are the same)."""
        size, old, seen = change.size, change.old_size, seen or {}
        touched = sorted({row // BUCKET for row in changed} |
                         ({(size - 1) // BUCKET} if 0 < size < old else set()))
        unread = [b for b in touched if b not in seen]
        blobs = dict(zip(unread, self.store.client.hmget(key, [str(b) for b in unread])
                         if unread else []))
        for bucket in touched:
            if bucket in seen:
                items = seen[bucket]
            else:
                blob = blobs.get(bucket)
                if blob is None and bucket * BUCKET < old:  # a bucket the base had
                    raise StoreUnavailable(f"a model version being written lost {key} "
                                           "(evicted for memory, or Redis restarted); the "
                                           "live model is unchanged: run it again")
                items = unpack(blob) if blob is not None else []
            rows = range(bucket * BUCKET, min((bucket + 1) * BUCKET, size))
            pipe.hset(key, str(bucket), pack([changed[r] if r in changed
                                              else items[r - bucket * BUCKET] for r in rows]))
        gone = [str(b) for b in range(-(-size // BUCKET), -(-old // BUCKET))]
        if gone:
            pipe.hdel(key, *gone)

    def _update_index(self, pipe: Any, key: str, buckets: int, stale: list[tuple[str, int]],
                      fresh: list[tuple[str, int, int | None]],
                      claimed: frozenset[str] = frozenset()) -> int:
        """Delete the ``stale`` (name, old row) entries of an index, then set the
        ``fresh`` (name, row, old row or None) ones; returns the index's bucket count,
        which grows once a bucket the change touches holds :data:`OUTGROWN` times the
        names a bucket is sized for (the whole index is then rewritten: a lookup reads
        a whole bucket, and a version kept the bucket count of the build it started
        from, however many tracks, or external ids, were added since).

        Two tracks may share a name (an ISRC on two rows): the index keeps the first
        row, as a build does, so a name is deleted only where it points at the removed
        row, a moved track takes its name along only where the name pointed at it (or
        nowhere), and an added track only claims names nobody holds; a ``claimed``
        name goes to its fresh row whoever held it. (A name left to
        nobody by a removal is not handed to another track holding it: that needs
        every document; a lookup finds the build's other holders in ``shared_ids``,
        the next build does the rest.)"""
        touched = sorted({codec.index_bucket(n, buckets) for n, _ in stale} |
                         {codec.index_bucket(n, buckets) for n, _, _ in fresh})
        if not touched:
            return buckets
        blobs = self.store.client.hmget(key, touched)
        entries = {b: json.loads(blob) if blob else {} for b, blob in zip(touched, blobs)}
        _apply(lambda name: entries[codec.index_bucket(name, buckets)], stale, fresh,
               claimed)
        if max(map(len, entries.values())) > OUTGROWN * codec.INDEX_FILL:
            return self._regrow_index(pipe, key, stale, fresh, claimed)
        pipe.hset(key, mapping={b: json.dumps(e, separators=(",", ":"))
                                for b, e in entries.items()})
        return buckets

    def _regrow_index(self, pipe: Any, key: str, stale: list[tuple[str, int]],
                      fresh: list[tuple[str, int, int | None]],
                      claimed: frozenset[str]) -> int:
        """The whole index with the change applied, rewritten into as many buckets as
        a build of its names gets; returns that count."""
        names: dict[str, int] = {}
        for blob in self.store.client.hgetall(key).values():
            names.update(json.loads(blob))
        _apply(lambda name: names, stale, fresh, claimed)
        buckets = codec.index_buckets(len(names))
        fields = codec.index_fields(names.items(), buckets)
        pipe.delete(key)
        items = [(b, json.dumps(e, separators=(",", ":"))) for b, e in fields.items()]
        for start in range(0, len(items), REGROW_CHUNK):
            pipe.hset(key, mapping=dict(items[start:start + REGROW_CHUNK]))
        return buckets


#: an id index is rewritten with more buckets once a bucket holds this many times
#: :data:`codec.INDEX_FILL` names
OUTGROWN = 4
REGROW_CHUNK = 1000  # buckets per HSET when an index is rewritten


def _apply(holding: Callable[[str], dict[str, int]], stale: list[tuple[str, int]],
           fresh: list[tuple[str, int, int | None]],
           claimed: frozenset[str] = frozenset()) -> None:
    """Delete the ``stale`` entries and set the ``fresh`` ones in the dicts ``holding``
    returns for each name, by the rules of :meth:`Draft._update_index`."""
    for name, old in stale:
        entries = holding(name)
        if entries.get(name) == old:
            del entries[name]
    for name, row, old in fresh:
        entries = holding(name)
        if name not in entries or name in claimed or (old is not None
                                                      and entries[name] == old):
            entries[name] = row


def _version_id(base: str, kind: str, ids: Sequence[str]) -> str:
    """A sortable version id: UTC time plus a digest of the base and the change."""
    digest = hashlib.sha1(f"{base}\x00{kind}\x00{time.time_ns()}".encode())
    for track_id in ids:
        digest.update(track_id.encode() + b"\x00")
    return time.strftime("%Y%m%dT%H%M%SZ", time.gmtime()) + "-" + digest.hexdigest()[:8]
