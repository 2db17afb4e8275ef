"""Keeping the model store tidy: the guard on Redis failures, the shrink check before a
publish, the expiry of old versions, the sweep of unfinished ones and the bounded
response cache.  :class:`Upkeep` is a part of :class:`~.model_store.ModelStore`.
"""
from __future__ import annotations

import json
import logging
import threading
from typing import Any, Callable

import redis
from redis.exceptions import RedisClusterException

from . import breaker
from .commands import spared_base
from .errors import (ModelNotReady, ModelShrinks, StoreCorrupt, StoreUnavailable,
                     VersionIncomplete)

VERSION_KEYS = ("meta", "docs", "dictionary", "rows", "ids", "neighbours", "vectors", "titles",
                "table", "table_strings", "fitted", "hubs", "coords", "title_arrays",
                "shared_ids")
#: the keys every version has (``ids``, ``fitted``, ``hubs``, ``coords`` and
#: ``shared_ids`` may be absent)
REQUIRED_KEYS = ("docs", "dictionary", "rows", "neighbours", "vectors", "titles", "table",
                 "table_strings", "title_arrays")
PENDING_SECONDS = 3600  # how long a version may take to be written before it is swept
#: Versions overtaken by a second newer one (each add or remove publishes a whole version,
#: so updates run in a loop made dozens) are read only by requests begun before the flip
#: before last: the newest OVERTAKEN_KEPT of them stay OVERTAKEN_SECONDS at most, older
#: ones OVERTAKEN_FLOOR_SECONDS (a request still on a version three flips old is rare).
OVERTAKEN_KEPT = 2
OVERTAKEN_SECONDS = 120
OVERTAKEN_FLOOR_SECONDS = 10
log = logging.getLogger(__name__)


_nesting = threading.local()  # guarded calls under way in this thread


def guard(method: Callable | None = None, *, bulk: bool = False) -> Callable:
    """Turn connection-level Redis failures into StoreUnavailable; after a timeout, the
    store's next calls fail at once for a while (``breaker``).  Only the outermost
    guarded call of a thread asks the breaker (the call that tries Redis again must not
    be refused by its own inner calls); a ``bulk`` method's timeout opens no break."""
    if method is None:
        return lambda inner: guard(inner, bulk=bulk)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        depth = getattr(_nesting, "depth", 0)
        client = _client_of(args[0]) if args and not depth else None
        if client is not None and not breaker.allow(client):
            raise StoreUnavailable("Redis is unreachable (it did not answer moments ago)")
        if not depth:
            _nesting.timed_out = False  # a timeout here or in an inner call sets it
        _nesting.depth = depth + 1
        try:
            result = method(*args, **kwargs)
        except (redis.ConnectionError, redis.TimeoutError, RedisClusterException,
                OSError) as exc:  # a cluster with no node left raises the last one
            _nesting.timed_out = _nesting.timed_out or breaker.is_timeout(exc)
            log.warning("Redis is unreachable: %s", exc)  # hosts and ports stay in the log
            raise StoreUnavailable("Redis is unreachable") from None
        except redis.ResponseError as exc:
            log.warning("Redis refused a command: %s", exc)
            busy = _refusal(exc)
            if busy:
                raise StoreUnavailable(busy) from None
            raise StoreCorrupt("Redis refused a command") from None
        finally:
            _nesting.depth = depth
            if client is not None and not bulk and _nesting.timed_out:
                breaker.timed_out(client)
        if client is not None:
            breaker.answered(client)
        return result
    wrapper.__name__ = method.__name__
    wrapper.__doc__ = method.__doc__
    return wrapper


def _refusal(exc: redis.ResponseError) -> str | None:
    """What a refusal that passes says (memory, a failover, a failing disk), or None for
    one that points at the data."""
    if isinstance(exc, redis.exceptions.OutOfMemoryError):
        return ("Redis is out of memory (maxmemory reached): give it more or free some "
                "(docs/persistence.md)")
    if isinstance(exc, (redis.exceptions.ReadOnlyError, redis.exceptions.TryAgainError,
                        redis.exceptions.ClusterDownError)):
        return "Redis refuses writes for now (a replica, a failover or a cluster resharding)"
    if str(exc).startswith("MISCONF"):
        return "Redis cannot save to its disk and refuses writes (see its log)"
    return None


def _client_of(owner: Any) -> Any:
    """The Redis client of a store, or of the store an updater works on (else None)."""
    store = owner if hasattr(owner, "client") else getattr(owner, "store", None)
    return getattr(store, "client", None)


class Upkeep:
    """Housekeeping methods of the model store (it provides the attributes below)."""

    client: redis.Redis
    grace_seconds: int
    keep_versions: int  # replaced versions kept the whole grace period (1: the last one)
    cache_seconds: int
    cache_max_entries: int
    max_shrink: float | None
    clock: Callable[[], float]
    key_for: Callable[..., str]
    current_version: Callable[[], str]
    meta: Callable[[str], dict[str, Any]]

    def check_shrink(self, tracks: int) -> None:
        """Refuse a model of ``tracks`` tracks that loses more than ``max_shrink`` of the
        live model's tracks."""
        if self.max_shrink is None or not self.client.exists(self.key_for("current")):
            return
        try:
            live = int(self.meta(self.current_version()).get("tracks", 0))
        except ModelNotReady:
            return
        if live and tracks < live * (1.0 - self.max_shrink):
            lost = (live - tracks) * 1000 // live / 10  # 27 of 28,358: 99.9%, not "100%"
            raise ModelShrinks(
                f"refusing to publish: the new model has {tracks:,} usable tracks, "
                f"{lost:g}% fewer than the live model's {live:,} (more than the "
                f"{self.max_shrink:.0%} FEELALIKE_MAX_SHRINK allows); check the input",
                live_tracks=live, new_tracks=tracks)

    def expire_old(self, keep: str) -> list[str]:
        """Give the version live until now a time to live of the grace period and cut
        older ones (see OVERTAKEN_KEPT; every version but ``keep`` and the live one).
        Another publisher may flip ``current`` meanwhile: whatever is live when this
        ends is made permanent again, so the live model never counts down."""
        spare = {keep, self._current()}
        newest_first = self.client.zrange(self.key_for("versions"), 0, -1)[::-1]
        old = [v.decode() for v in newest_first if v.decode() not in spare]
        pipe = self.client.pipeline(transaction=False)
        lifetimes = self._lifetimes(old, spared_base(self, keep))
        for version, seconds in lifetimes.items():
            for key in VERSION_KEYS:
                pipe.expire(self.key_for(key, version=version), seconds)
        # forget versions whose data is gone; the ones just given the grace period are
        # scored now, so a build live for longer than it stays listed and is cut later
        cutoff = self.clock() - self.grace_seconds
        pipe.zremrangebyscore(self.key_for("versions"), "-inf", f"({cutoff}")
        fresh = [v for v in spare if v] + [v for v, s in lifetimes.items()
                                            if s == self.grace_seconds]
        pipe.zadd(self.key_for("versions"), {v: self.clock() for v in fresh})
        pipe.execute()
        live = self._current()
        if live:  # it may have been given a deadline between its persist and its flip
            self.persist(live)
        return old

    def _lifetimes(self, old: list[str], base: str | None) -> dict[str, int]:
        """New times to live of the ``old`` versions (newest first); one counting down
        already never gets longer, and the ``keep_versions - 1`` newest such, and the
        ``base`` of the command that made the live version, keep counting down from the
        grace period."""
        lifetimes, overtaken = {}, 0
        for version in old:
            left = self.client.ttl(self.key_for("meta", version=version))
            if left == -2:
                continue  # gone already
            if left == -1:  # live until now: the full grace period
                lifetimes[version] = self.grace_seconds
                continue
            if version == base:
                continue  # the whole command is undone by going back to it
            overtaken += 1
            beyond = overtaken - (self.keep_versions - 1)  # past those kept to roll back to
            if beyond <= 0:
                continue  # the rest of its grace period
            cap = OVERTAKEN_SECONDS if beyond <= OVERTAKEN_KEPT else OVERTAKEN_FLOOR_SECONDS
            if left > min(cap, self.grace_seconds):
                lifetimes[version] = min(cap, self.grace_seconds)
        return lifetimes

    def _current(self) -> str | None:
        live = self.client.get(self.key_for("current"))
        return live.decode() if live else None

    def persist(self, version: str) -> None:
        """Make a version's keys permanent (one pipeline over its own slot)."""
        pipe = self.client.pipeline(transaction=False)
        for key in VERSION_KEYS:
            pipe.persist(self.key_for(key, version=version))
        pipe.execute()

    def check_complete(self, version: str) -> None:
        """Refuse to make live a version that lost keys while it was written: its keys
        expire until activation, so memory pressure may evict them under a ``volatile-*``
        policy, and a restart from an older snapshot drops what came after it."""
        meta = json.loads(self.client.get(self.key_for("meta", version=version)))
        tracks, bucket = int(meta.get("tracks", 0)), int(meta.get("layout", {}).get("bucket", 0))
        if tracks <= 0:
            return
        pipe = self.client.pipeline(transaction=False)
        for name in REQUIRED_KEYS:
            pipe.exists(self.key_for(name, version=version))
        for name in ("docs", "neighbours"):
            pipe.hlen(self.key_for(name, version=version))
        *present, docs, lists = pipe.execute()
        lost = [name for name, there in zip(REQUIRED_KEYS, present) if not there]
        buckets = -(-tracks // bucket) if bucket else docs
        lost += [name for name, held in (("docs", docs), ("neighbours", lists))
                 if held != buckets and name not in lost]
        if lost:
            raise VersionIncomplete(
                f"model version {version} lost {', '.join(lost)} while it was written "
                "(evicted for memory, or Redis restarted); the live model is unchanged: "
                "give Redis more memory (docs/persistence.md) and run it again")

    def discard_unfinished(self, version: str) -> bool:
        """Delete a version a failed publish left, when Redis says it is not the live one;
        returns whether it did.  Unsure (Redis slow or gone: the flip may have happened
        and only its answer been lost), it deletes nothing: the version's deadline in
        ``pending`` lets the sweep remove it later, and the sweep never removes the
        live one."""
        try:
            if self._current() == version:
                return False
            pipe = self.client.pipeline(transaction=False)
            for name in VERSION_KEYS:  # one key per DEL: a cluster pipeline wants it
                pipe.delete(self.key_for(name, version=version))
            pipe.zrem(self.key_for("versions"), version)
            pipe.zrem(self.key_for("pending"), version)
            pipe.execute()
        except (redis.RedisError, OSError):
            return False
        return True

    @guard
    def sweep(self) -> list[str]:
        """Delete the keys of unfinished versions whose deadline has passed, and give a
        time to live to keys of versions the store does not list (left by older builds
        that wrote before registering).  Returns the versions deleted."""
        current = self._current()
        pending = self.key_for("pending")
        late = [v.decode() for v in self.client.zrangebyscore(pending, "-inf", self.clock())]
        pipe = self.client.pipeline(transaction=False)
        for version in late:
            if version != current:
                for name in VERSION_KEYS:  # one key per DEL: a cluster pipeline wants it
                    pipe.delete(self.key_for(name, version=version))
                pipe.zrem(self.key_for("versions"), version)
            pipe.zrem(pending, version)
        known = {v.decode() for key in (self.key_for("versions"), pending)
                 for v in self.client.zrange(key, 0, -1)} | {current}
        start = len(self.key_for(version=""))  # "{prefix:v:" then the version, then "}"
        for key in self.client.scan_iter(match=self.key_for("docs", version="*")):
            version = key.decode()[start - 1:-len("}:docs")]
            if version not in known and self.client.ttl(key) == -1:
                for name in VERSION_KEYS:
                    pipe.expire(self.key_for(name, version=version), self.grace_seconds)
        pipe.execute()
        return [v for v in late if v != current]

    # -- response cache --------------------------------------------------------------
    @guard
    def cached(self, version: str, digest: str) -> bytes | None:
        return self.client.get(self.key_for("cache", digest, version=version))

    @guard
    def cache(self, version: str, digest: str, body: bytes) -> None:
        """Keep a response for ``cache_seconds``; past ``cache_max_entries`` entries of a
        version, the oldest ones are evicted."""
        if self.cache_max_entries <= 0:
            return
        try:
            self._cache(version, digest, body)
        except redis.ResponseError as exc:  # e.g. OOM under noeviction: serve uncached
            log.warning("response not cached: %s", exc)

    def _cache(self, version: str, digest: str, body: bytes) -> None:
        index, now = self.key_for("cache_index", version=version), self.clock()
        pipe = self.client.pipeline(transaction=True)
        pipe.set(self.key_for("cache", digest, version=version), body, ex=self.cache_seconds)
        pipe.zadd(index, {digest: now})
        pipe.zremrangebyscore(index, "-inf", f"({now - self.cache_seconds}")
        pipe.expire(index, self.cache_seconds)
        pipe.zcard(index)
        excess = pipe.execute()[-1] - self.cache_max_entries
        if excess > 0:
            evicted = self.client.zpopmin(index, excess)
            self.client.delete(*[self.key_for("cache", d.decode(), version=version)
                                 for d, _ in evicted])

