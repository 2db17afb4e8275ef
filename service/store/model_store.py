"""The Redis model store: versioned namespaces, written in full before they go live.

Every key is built by :meth:`ModelStore.key_for`.  Keys carry a Redis Cluster hash tag
(the part in braces): the control keys share ``{prefix}``, every key of one version
shares ``{prefix:v:version}``, so each group lives in one hash slot::

    {prefix}:current                       -> the live version id
    {prefix}:versions                      -> sorted set of version ids by creation time
    {prefix}:pending                       -> sorted set of versions being written, by deadline
    {prefix}:removed                       -> set of what `remove` took out (``removals``)
    {prefix}:removed_at:VERSION            -> set: removal entries to put back should that
                                              version be live again (a rollback, a build)
    {prefix:v:version}:meta                -> JSON metadata (``layout``: bucket sizes)
    {prefix:v:version}:docs                -> hash bucket -> deflated track documents (without
                                              mood_scores: the table holds them; put back on read)
    {prefix:v:version}:dictionary          -> the documents' preset deflate dictionary
    {prefix:v:version}:neighbours          -> hash bucket -> packed neighbour lists
    {prefix:v:version}:rows                -> hash bucket -> JSON {track id: row}
    {prefix:v:version}:ids                 -> hash bucket -> JSON {"kind:value": row} (the
                                              first row with that id; ``models.ingest.id_key``)
    {prefix:v:version}:shared_ids          -> hash "kind:value" -> JSON [track id, ...]: the
                                              tracks of the build sharing that id, in order
    {prefix:v:version}:vectors             -> hash segment -> packed float32 vectors
    {prefix:v:version}:table               -> hash segment -> packed float32 table numbers
    {prefix:v:version}:table_strings       -> deflated JSON: the table's strings
    {prefix:v:version}:titles              -> deflated JSON [[title, artist, popularity], ...]
    {prefix:v:version}:title_arrays        -> deflated .npz bytes: the prebuilt title index
    {prefix:v:version}:fitted              -> .npz bytes: what the build fitted (FittedState)
    {prefix:v:version}:hubs                -> raw float32 bytes, (radius, floor) by row
    {prefix:v:version}:coords              -> hash segment -> packed own feel coordinates
    {prefix:v:version}:cache:{digest}      -> a cached API response body (JSON)
    {prefix:v:version}:cache_index         -> sorted set of cached digests by time

Buckets and the byte formats are in :mod:`.codec`; a version's keys are written by
:mod:`.writes`.  A reader fetches ``current`` once per request and reads only that
version, so every answer comes from exactly one model version.  A version is registered
(in ``versions`` and, with a deadline, in ``pending``) before its first key is written,
and every key it writes carries a time to live until it is activated; an unfinished
version (a build killed while storing) is deleted by the next publish or
:meth:`ModelStore.sweep` once its deadline passed.  Activation persists the version's
keys first, then flips ``current`` in a transaction over the control keys alone (one
slot), so it needs no multi-slot atomicity: a version persisted but never flipped is
still listed in ``pending`` and swept.  Old versions expire after a grace period; until
then :mod:`.history` lists them and a rollback makes one live again through the same
activation.  Nothing is pickled: bytes are little-endian numbers, deflated or raw, the
rest JSON.
"""
from __future__ import annotations

import json
import threading
import time
from collections import OrderedDict
from typing import TYPE_CHECKING, Any, Callable

import redis

from .commands import Command
from .errors import ModelNotReady, UpdateConflict
from .history import History
from .reads import Reads
from .removals import Removals
from .upkeep import PENDING_SECONDS, Upkeep, guard
from .writes import VersionWrites

if TYPE_CHECKING:  # models.build pulls in the offline stack; workers need no BuiltModel
    from models.build import BuiltModel

MAX_SAME_ID = 20  # builds of one catalog within one second that get ids of their own


def is_cluster(client: Any) -> bool:
    return isinstance(client, redis.RedisCluster)


class ModelStore(Reads, Upkeep, Removals, History, VersionWrites):
    """A versioned model namespace in Redis (see the module docstring for the keys).

    ``client`` is a ``redis.Redis`` or a ``redis.RedisCluster``.  ``max_shrink`` (None:
    no check) is the largest share of the live model's tracks a new version may lose
    before :meth:`publish` refuses it; ``cache_max_entries`` caps the cached responses
    per version (oldest evicted first; 0 disables the cache); ``keep_versions`` is how
    many replaced versions stay readable the whole grace period (``expire_old``).
    """

    def __init__(self, client: Any, *, prefix: str = "feelalike",
                 grace_seconds: int = 3600, cache_seconds: int = 600,
                 cache_max_entries: int = 5000, max_shrink: float | None = None,
                 pending_seconds: int = PENDING_SECONDS, keep_versions: int = 1) -> None:
        self.client = client
        self.keep_versions = keep_versions
        self.command: Command | None = None  # the CLI command publishing (``one_command``)
        self.prefix = prefix
        self.grace_seconds = grace_seconds
        self.cache_seconds = cache_seconds
        self.cache_max_entries = cache_max_entries
        self.max_shrink = max_shrink
        self.pending_seconds = pending_seconds
        self.clock: Callable[[], float] = time.time
        self._layouts: OrderedDict[str, tuple[dict[str, Any], bytes]] = OrderedDict()
        self._layouts_lock = threading.Lock()

    def key_for(self, *parts: str, version: str | None = None) -> str:
        """The one place a Redis key is spelled (its hash tag in braces)."""
        tag = self.prefix if version is None else f"{self.prefix}:v:{version}"
        return ":".join(["{" + tag + "}", *parts])

    def key_pattern(self) -> str:
        """A SCAN pattern of every key of this store (control and version keys)."""
        return "{" + self.prefix + "[}:]*"

    # -- writing -------------------------------------------------------------------
    @guard(bulk=True)
    def publish(self, built: BuiltModel, progress: Callable[[int], None] | None = None, *,
                force: bool = False) -> str:
        """Write a complete new version, then make it current; returns its id.

        First unfinished versions past their deadline are swept and, unless ``force``,
        a model that shrinks too much against the live one is refused (nothing written).
        """
        self.sweep()
        if not force:
            self.check_shrink(int(built.meta.get("tracks", len(built.tracks))))
        version = self.register(built.meta["version"])
        try:
            layout = self._write_documents(version, built, progress)
            self._write_arrays(version, built)
            replaced = self._current()
            self.client.set(self.key_for("meta", version=version), json.dumps(
                {**built.meta, "version": version, "layout": layout,
                 "stored_at": self.clock()}), ex=self.pending_seconds)
            self.activate(version)
        except BaseException:  # out of memory, Redis gone, Ctrl-C: its memory back at once
            self.discard_unfinished(version)
            raise
        self.forget_all_removed(replaced)  # a build starts from the sources: none held back
        return version

    def register(self, version: str) -> str:
        """List the version, with a deadline, before any of its keys exists; returns the
        id it is listed under: ``version``, or ``version-2``, ``-3``... when that id is
        taken (two builds of one catalog in the same second must not share keys)."""
        for n in range(1, MAX_SAME_ID + 1):
            claimed = version if n == 1 else f"{version}-{n}"
            now = self.clock()
            if self.client.zadd(self.key_for("versions"), {claimed: now}, nx=True) and \
                    not self.client.exists(self.key_for("meta", version=claimed)):
                self.client.zadd(self.key_for("pending"), {claimed: now + self.pending_seconds})
                return claimed
        raise UpdateConflict(f"model version ids {version} to -{MAX_SAME_ID} are all taken; "
                             "try again in a second")

    @guard
    def activate(self, version: str, expect: str | None = None) -> None:
        """Point ``current`` at ``version`` and start the grace period of the others;
        with ``expect``, only if ``expect`` is still current (else UpdateConflict).

        The version's keys are made permanent first (a pipeline over its own slot); the
        flip then touches only the control keys, so it is one transaction on a cluster
        too.  Should the flip not happen, the version is still pending and is swept."""
        if not self.client.exists(self.key_for("meta", version=version)):
            raise ModelNotReady(f"model version {version} is not in the store")
        self.persist(version)  # no longer evictable, then checked whole
        pipe = self.client.pipeline(transaction=True)
        if expect is not None:
            pipe.watch(self.key_for("current"))
            live = pipe.get(self.key_for("current"))
            if live is None or live.decode() != expect:
                pipe.reset()
                raise UpdateConflict("the live model changed while the update was written; "
                                     "run it again")
        try:
            self.check_complete(version)
        except BaseException:
            pipe.reset()
            raise
        if expect is not None:
            pipe.multi()
        pipe.zadd(self.key_for("versions"), {version: self.clock()})
        pipe.zrem(self.key_for("pending"), version)
        pipe.set(self.key_for("current"), version)
        try:
            pipe.execute()
        except redis.WatchError:
            raise UpdateConflict("the live model changed while the update was written; "
                                 "run it again") from None
        self.expire_old(keep=version)
