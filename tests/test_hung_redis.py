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
from service.store import ModelStore, Updater, breaker

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


def test_the_call_that_tries_again_is_not_refused_by_its_own_inner_calls(tmp_path,
                                                                         monkeypatch):
    """An admin add reads the model through other store methods: as the one call let
    through after a break, its inner reads were refused and the break went on."""
    server = RedisServer(tmp_path).start()
    try:
        store = ModelStore(redis.Redis.from_url(server.url, socket_timeout=0.5),
                           prefix="again")
        store.publish(build(Catalog([make_track(i) for i in range(8)]), k=4))
        monkeypatch.setattr(breaker, "BREAK_SECONDS", 0.3)
        breaker.timed_out(store.client)
        time.sleep(0.4)
        result = Updater(store).add([make_track(9, id="new9")])
        assert result.added == ["new9"] and breaker.allow(store.client)
    finally:
        server.stop()


def test_a_cluster_client_s_timeout_opens_the_break_too():
    """redis-py's cluster client tries again after a node times out, then raises a
    RedisClusterException naming the timeout: still a hung server, not a refusal."""
    from redis.exceptions import ClusterDownError, RedisClusterException

    try:
        try:
            raise redis.TimeoutError("Timeout reading from socket")
        except redis.TimeoutError as first:
            raise RedisClusterException("Redis Cluster cannot be connected. Please provide "
                                        f"at least one reachable node: {first}") from None
    except RedisClusterException as exc:
        assert breaker.is_timeout(exc)
    assert not breaker.is_timeout(RedisClusterException("no node knows slot 12"))
    assert not breaker.is_timeout(redis.ConnectionError("Connection refused"))
    assert not breaker.is_timeout(ClusterDownError("CLUSTERDOWN The cluster is down"))


def test_a_bulk_read_that_times_out_opens_no_break(tmp_path):
    """A whole model's vectors may take longer than the timeout at a million tracks:
    that request fails, the others go on."""
    from service.store import StoreUnavailable

    server = RedisServer(tmp_path).start()
    store = ModelStore(redis.Redis.from_url(server.url, socket_timeout=0.3), prefix="bulk")
    version = store.publish(build(Catalog([make_track(i) for i in range(8)]), k=4))
    os.kill(server.process.pid, signal.SIGSTOP)
    try:
        with pytest.raises(StoreUnavailable):
            store.all_vectors(version)
        assert breaker.allow(store.client)
        with pytest.raises(StoreUnavailable):
            store.current_version()
        assert not breaker.allow(store.client)
    finally:
        os.kill(server.process.pid, signal.SIGCONT)
        server.stop()


def test_a_timeout_in_an_inner_read_opens_the_break(tmp_path):
    """A fresh store reads a version's layout (meta) inside its first read of tracks: the
    timeout happens in the inner call, the break is the outer call's to open."""
    from service.store import StoreUnavailable

    server = RedisServer(tmp_path).start()
    url = server.url
    version = ModelStore(redis.Redis.from_url(url), prefix="inner").publish(
        build(Catalog([make_track(i) for i in range(8)]), k=4))
    fresh = ModelStore(redis.Redis.from_url(url, socket_timeout=0.3), prefix="inner")
    os.kill(server.process.pid, signal.SIGSTOP)
    try:
        with pytest.raises(StoreUnavailable):
            fresh.tracks(version, [0])
        assert not breaker.allow(fresh.client)
    finally:
        os.kill(server.process.pid, signal.SIGCONT)
        server.stop()
