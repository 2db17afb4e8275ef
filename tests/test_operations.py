"""Request ids, JSON access logs and Prometheus metrics (test client), and the app
under gunicorn with service/gunicorn_conf.py (several processes, real HTTP)."""
from __future__ import annotations

import io
import json
import logging
import os
import subprocess
import sys
import time

import pytest
import requests
from prometheus_client.parser import text_string_to_metric_families

from models.build import build

from .fixtures import error_of, make_track
from .redis_server import free_port


@pytest.fixture()
def access_log():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    logger = logging.getLogger("feelalike.access")
    logger.addHandler(handler)
    yield stream
    logger.removeHandler(handler)


def lines(stream: io.StringIO) -> list[dict]:
    return [json.loads(line) for line in stream.getvalue().splitlines() if line.strip()]


def test_request_id_is_echoed_or_generated(client, published):
    given = client.get("/healthz", headers={"X-Request-ID": "abc-123.x:y_z"})
    assert given.headers["X-Request-ID"] == "abc-123.x:y_z"
    made = client.get("/healthz", headers={"X-Request-ID": "no spaces\tor <tags>"})
    assert made.headers["X-Request-ID"] != "no spaces\tor <tags>"
    assert len(made.headers["X-Request-ID"]) == 32
    too_long = client.get("/healthz", headers={"X-Request-ID": "a" * 200})
    assert len(too_long.headers["X-Request-ID"]) == 32
    assert client.get("/healthz").headers["X-Request-ID"] != \
        client.get("/healthz").headers["X-Request-ID"]


@pytest.mark.parametrize("method, path, status", [
    ("get", "/v1/recommendations?seed=nothing-like-this", 404),
    ("get", "/nowhere", 404),
    ("get", "/v1/tracks?q=" + "a" * 5000, 414),
    ("post", "/v1/recommendations", 400),
    ("delete", "/v1/recommendations", 405),
])
def test_errors_carry_the_request_id(client, published, method, path, status):
    response = getattr(client, method)(path, headers={"X-Request-ID": "req-42"})
    error_of(response, status)
    assert response.headers["X-Request-ID"] == "req-42"


def test_access_log_is_one_json_line_per_request(client, published, access_log):
    client.get("/v1/tracks/trk1?api_key=hunter2", headers={"X-Request-ID": "log-1",
                                                            "X-API-Key": "hunter2"})
    client.post("/v1/recommendations", json={"seeds": ["trk1"], "text": "my-secret-text"})
    first, second = lines(access_log)
    assert first["request_id"] == "log-1" and first["method"] == "GET"
    assert first["route"] == "/v1/tracks/<path:track_id>" and first["status"] == 200
    assert first["path"] == "/v1/tracks/trk1" and first["duration_ms"] >= 0
    assert set(first) == {"time", "request_id", "method", "route", "path", "status",
                          "duration_ms"}
    assert second["route"] == "/v1/recommendations" and second["method"] == "POST"
    assert "hunter2" not in access_log.getvalue()
    assert "my-secret-text" not in access_log.getvalue()


def samples(text: str) -> dict[str, list]:
    found: dict[str, list] = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            found.setdefault(sample.name, []).append(sample)
    return found


def value(found: dict[str, list], name: str, **labels: str) -> float:
    return sum(s.value for s in found.get(name, [])
               if all(s.labels.get(k) == v for k, v in labels.items()))


def test_metrics_are_valid_prometheus_text(client, published):
    before = samples(client.get("/metrics").get_data(as_text=True))
    client.get("/v1/recommendations?seed=trk1&limit=5")
    client.get("/v1/recommendations?seed=trk1&limit=5")
    client.get("/v1/tracks/missing-id")
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/plain")
    after = samples(response.get_data(as_text=True))
    route = dict(method="GET", route="/v1/recommendations", status="200")
    assert value(after, "feelalike_http_requests_total", **route) - \
        value(before, "feelalike_http_requests_total", **route) == 2
    assert value(after, "feelalike_http_request_duration_seconds_count", **route) - \
        value(before, "feelalike_http_request_duration_seconds_count", **route) == 2
    missing = dict(route="/v1/tracks/<path:track_id>", status="404")
    assert value(after, "feelalike_http_requests_total", **missing) >= 1
    for result in ("hit", "miss"):
        assert value(after, "feelalike_response_cache_total", result=result) - \
            value(before, "feelalike_response_cache_total", result=result) == 1
    assert value(after, "feelalike_model_info", version=published) == 1
    assert value(after, "feelalike_model_tracks") == 41
    assert value(after, "feelalike_build_info") == 1


def test_metrics_name_only_the_live_model(client, store, small_catalog, published):
    """Read from Redis at each scrape, never kept: a worker that saw an older version
    (even one that has died since) cannot report it live."""
    client.get("/metrics")
    small_catalog.tracks.append(make_track(99, title="One More"))
    newer = store.publish(build(small_catalog, k=20))
    found = samples(client.get("/metrics").get_data(as_text=True))
    assert [(s.labels["version"], s.value) for s in found["feelalike_model_info"]] == \
        [(newer, 1.0)]
    assert value(found, "feelalike_model_tracks") == 42


def test_unmatched_paths_share_one_route_label(client, published):
    for path in ("/a", "/b/c", "/v1/zzz"):
        client.get(path)
    client.open("/healthz", method="BREW")
    found = samples(client.get("/metrics").get_data(as_text=True))
    routes = {s.labels["route"] for s in found["feelalike_http_requests_total"]}
    assert "unmatched" in routes and not {"/a", "/b/c", "/v1/zzz"} & routes
    methods = {s.labels["method"] for s in found["feelalike_http_requests_total"]}
    assert "other" in methods and "BREW" not in methods


class Gunicorn:
    """``gunicorn -c python:service.gunicorn_conf service.wsgi:app`` on a free port."""

    def __init__(self, env: dict[str, str], tmp_path) -> None:
        self.port = free_port()
        self.env = {**os.environ, **env, "FEELALIKE_HOST": "127.0.0.1",
                    "FEELALIKE_PORT": str(self.port), "FEELALIKE_WORKERS": "2",
                    "FEELALIKE_THREADS": "2", "FEELALIKE_HEAVY_CONCURRENCY": "1",
                    "PROMETHEUS_MULTIPROC_DIR": str(tmp_path / "metrics")}
        self.log = open(tmp_path / "gunicorn.log", "w+")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "python:service.gunicorn_conf",
             "service.wsgi:app"], env=self.env, stdout=subprocess.DEVNULL, stderr=self.log)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def wait(self) -> "Gunicorn":
        for _ in range(300):
            try:
                if requests.get(self.base + "/healthz", timeout=5).status_code == 200:
                    return self
            except (requests.ConnectionError, requests.Timeout):
                if self.process.poll() is not None:
                    break
            time.sleep(0.1)
        self.log.seek(0)
        raise RuntimeError("gunicorn did not start:\n" + self.log.read()[-2000:])

    def stop(self) -> str:
        self.process.terminate()
        self.process.wait(timeout=30)
        self.log.seek(0)
        return self.log.read()


@pytest.fixture()
def gunicorn(env, published, tmp_path):
    server = Gunicorn(env, tmp_path)
    yield server
    if server.process.poll() is None:
        server.stop()


def test_under_gunicorn_a_bad_setting_is_one_line_and_the_server_stops(env, tmp_path):
    """Each worker printed a traceback and gunicorn kept trying; `feelalike serve`
    says the same in one line."""
    server = Gunicorn({**env, "FEELALIKE_RATE_LIMIT": "lots"}, tmp_path)
    assert server.process.wait(timeout=120) != 0
    server.log.seek(0)
    log = server.log.read()
    assert "feelalike: error: setting FEELALIKE_RATE_LIMIT: 'lots' is not a rate limit" in log
    assert "Traceback" not in log
    # said once, by the master, before any worker: workers that each failed to boot at
    # once could trip gunicorn's arbiter into a traceback (seen once in CI)
    assert log.count("feelalike: error") == 1 and "Booting worker" not in log


def test_under_gunicorn_metrics_add_up_every_worker(gunicorn):
    gunicorn.wait()
    for _ in range(12):  # new connections: both workers answer some
        assert requests.get(gunicorn.base + "/v1/tracks?q=Song", timeout=10).status_code == 200
    long_url = requests.get(gunicorn.base + "/v1/tracks?q=" + "a" * 6000, timeout=10)
    assert long_url.status_code == 414  # the app's JSON 414, not gunicorn's HTML page
    assert long_url.json()["error"]["code"] == "request_uri_too_long"
    assert long_url.headers["X-Request-ID"]
    # a line of megabytes is refused at once (unbounded, gunicorn parsed it for minutes)
    huge = requests.get(gunicorn.base + "/healthz?q=" + "a" * 200_000, timeout=30)
    assert 400 <= huge.status_code < 500
    assert requests.get(gunicorn.base + "/healthz", timeout=10).status_code == 200
    text = requests.get(gunicorn.base + "/metrics", timeout=10).text
    found = samples(text)
    ok = dict(method="GET", route="/v1/tracks", status="200")
    assert value(found, "feelalike_http_requests_total", **ok) == 12
    assert value(found, "feelalike_http_request_duration_seconds_count", **ok) == 12
    assert value(found, "feelalike_http_requests_total", status="414") == 1
    assert value(found, "feelalike_model_tracks") == 41
    assert len(found["feelalike_model_info"]) == 1  # one live version, whatever the workers
    log = gunicorn.stop()
    access = [json.loads(line) for line in log.splitlines() if line.startswith("{")]
    assert sum(1 for a in access if a["route"] == "/v1/tracks") == 13


def test_under_gunicorn_side_by_side_servers_open_no_control_socket(env, published, tmp_path):
    """gunicorn 25+ opened a control socket (worker counts, shutdown) at one path per
    user, ~/.gunicorn/gunicorn.ctl: a second instance (a blue/green deploy) took the
    first one's over. Nothing of feelalike uses it, so it is off."""
    home = tmp_path / "home"
    servers = []
    for name in ("blue", "green"):
        (tmp_path / name).mkdir()
        servers.append(Gunicorn({**env, "HOME": str(home), "XDG_RUNTIME_DIR": ""},
                                tmp_path / name))
    try:
        for server in servers:
            assert requests.get(server.wait().base + "/healthz", timeout=10).status_code == 200
        assert not (home / ".gunicorn").exists()
    finally:
        for server in servers:
            server.stop()
