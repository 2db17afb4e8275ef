"""A Redis that stops answering (here: a real redis-server stopped with SIGSTOP) is
waited for once, not by every store read and rate-limit check of every request."""
from __future__ import annotations

import os
import signal
import time

import pytest
import redis

from models.build import build
from models.ingest import Catalog
from service import create_app
from service.resources import Resources
from service.store import ModelStore, breaker

from .fixtures import error_of, make_track
from .redis_server import RedisServer


@pytest.fixture()
def hung(tmp_path, monkeypatch):
    """A served model whose Redis then stops answering; the timeouts it causes."""
    server = RedisServer(tmp_path).start()
    client = redis.Redis.from_url(server.url, socket_timeout=0.5, socket_connect_timeout=0.5)
    store = ModelStore(client, prefix="hung")
    store.publish(build(Catalog([make_track(i) for i in range(8)]), k=4))
    monkeypatch.setenv("FEELALIKE_RATE_LIMIT", "1000/minute")  # the limiter asks Redis too
    monkeypatch.setattr(breaker, "BREAK_SECONDS", 1.0)
    timeouts: list[object] = []
    real = breaker.timed_out
    monkeypatch.setattr(breaker, "timed_out", lambda c: (timeouts.append(c), real(c)))
    http = create_app({"RESOURCES": Resources(store)}).test_client()
    assert http.get("/v1/recommendations?seed=trk1").status_code == 200
    os.kill(server.process.pid, signal.SIGSTOP)
    try:
        yield http, timeouts, server
    finally:
        os.kill(server.process.pid, signal.SIGCONT)
        server.stop()


def test_requests_fail_fast_after_the_first_timeout(hung):
    http, timeouts, _ = hung
    for seed in ("trk2", "trk3", "trk4", "trk5", "trk6"):
        error = error_of(http.get(f"/v1/recommendations?seed={seed}"), 503,
                         "store_unavailable")
        assert "127.0.0.1" not in error["message"]
    assert len(timeouts) == 1  # one wait for five requests, not two or more each
    assert http.get("/healthz").status_code == 200
    assert http.get("/readyz").status_code == 503 and len(timeouts) == 1


def test_service_returns_when_redis_answers_again(hung):
    http, timeouts, server = hung
    assert http.get("/v1/recommendations?seed=trk2").status_code == 503
    os.kill(server.process.pid, signal.SIGCONT)
    assert http.get("/v1/recommendations?seed=trk3").status_code == 503  # break still open
    time.sleep(breaker.BREAK_SECONDS + 0.2)
    assert http.get("/v1/recommendations?seed=trk3").status_code == 200
    assert http.get("/v1/recommendations?seed=trk4").status_code == 200
    assert len(timeouts) == 1


def test_a_refused_connection_opens_no_break(tmp_path):
    server = RedisServer(tmp_path).start()
    store = ModelStore(redis.Redis.from_url(server.url, socket_timeout=0.5), prefix="gone")
    store.publish(build(Catalog([make_track(i) for i in range(8)]), k=4))
    server.stop()
    assert breaker.allow(store.client)
    with pytest.raises(Exception, match="unreachable"):
        store.current_version()
    assert breaker.allow(store.client)  # refused at once: nothing to wait for
