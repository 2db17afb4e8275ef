"""A hung Redis costs one timeout, not one per call.

A Redis that accepts connections but does not answer (a stopped process, a saturated
host, a network that drops packets) made every store read and every rate-limit check
wait its full socket timeout: 5 s each, 10 s and more per request, and every worker
thread stuck in them.  After a call on a client times out, further calls on that
client fail at once for :data:`BREAK_SECONDS`; then one call goes ahead to try again
while the others keep failing fast, and its success closes the break.  A refused
connection fails fast by itself and does not open a break; nor does a timeout of a bulk
command (a whole model's vectors at a million tracks may legitimately take that long).
"""
from __future__ import annotations

import socket
import threading
import time
import weakref
from typing import Any

import redis
from redis.exceptions import RedisClusterException

BREAK_SECONDS = 5.0

_until: "weakref.WeakKeyDictionary[Any, float]" = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def allow(client: Any) -> bool:
    """Whether a call on ``client`` may go to Redis now: yes, unless one timed out less
    than :data:`BREAK_SECONDS` ago; after that, one caller (this one) tries again."""
    if client not in _until:
        return True
    with _lock:
        until = _until.get(client)
        if until is None:
            return True
        now = time.monotonic()
        if now < until:
            return False
        _until[client] = now + BREAK_SECONDS  # the others wait for this call's answer
        return True


def is_timeout(exc: BaseException | None) -> bool:
    """A timeout, or an error caused by one: a cluster client that timed out on a node
    tries again and then raises ``RedisClusterException`` ("... Timeout reading from
    socket")."""
    for _ in range(5):
        if exc is None:
            return False
        if isinstance(exc, (redis.TimeoutError, socket.timeout, TimeoutError)) or \
                isinstance(exc, RedisClusterException) and "timeout" in str(exc).lower():
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def timed_out(client: Any) -> None:
    """A call on ``client`` timed out: fail the next calls fast."""
    with _lock:
        _until[client] = time.monotonic() + BREAK_SECONDS


def answered(client: Any) -> None:
    """A call on ``client`` was answered: Redis is back."""
    if client in _until:
        with _lock:
            _until.pop(client, None)
