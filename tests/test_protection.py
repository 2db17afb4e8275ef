"""Rate limits, the heavy-request gate, API keys and CORS, over the test client and
the tests' private Redis."""
from __future__ import annotations

import threading

import pytest

from service import create_app
from service.protection import gate as gate_module
from service.protection import require_key
from service.resources import Resources

from .fixtures import error_of, make_app

HEAVY = {"seeds": ["trk1", "trk2", "trk3", "trk4", "trk5"], "diversity": 1, "limit": 100}


def test_rate_limit_answers_json_429_with_retry_after(store, published, env):
    client = make_app(store, RATE_LIMIT="3/minute").test_client()
    for _ in range(3):
        allowed = client.get("/v1/tracks?q=Song")
        assert allowed.status_code == 200 and allowed.headers["X-RateLimit-Remaining"]
        # a success must not tell clients to wait (Flask-Limiter sent Retry-After: 60)
        assert "Retry-After" not in allowed.headers
    response = client.get("/v1/tracks?q=Song")
    error = error_of(response, 429, "too_many_requests")
    assert int(response.headers["Retry-After"]) >= 1
    assert error["retry_after"] == int(response.headers["Retry-After"])
    assert response.headers["X-Request-ID"]
    # counters live in the app's Redis, under the app's key prefix
    assert list(store.client.scan_iter(f"*{store.prefix}:ratelimit*"))


def test_limits_are_per_route_and_configurable(store, published, env):
    client = make_app(store, RATE_LIMIT="100/minute",
                      RATE_LIMITS={"GET /v1/tracks": "1/minute"}).test_client()
    assert client.get("/v1/tracks?q=Song").status_code == 200
    error_of(client.get("/v1/tracks?q=Song"), 429)
    assert client.get("/v1/recommendations?seed=trk1").status_code == 200


def test_heavy_requests_cost_more(store, published, env):
    client = make_app(store, RATE_LIMIT="10/minute").test_client()
    assert client.post("/v1/recommendations", json=HEAVY).status_code == 200  # costs 8
    error_of(client.post("/v1/recommendations", json=HEAVY), 429)
    light = make_app(store, RATE_LIMIT="10/minute", KEY_PREFIX=store.prefix + "b")
    client = light.test_client()
    for _ in range(10):  # one seed, no diversity: 1 unit each
        response = client.post("/v1/recommendations", json={"seeds": ["trk1"]})
        assert response.status_code == 200 and response.headers["X-RateLimit-Limit"] == "10"
    error_of(client.post("/v1/recommendations", json={"seeds": ["trk1"]}), 429)


def test_probes_and_metrics_are_never_limited(store, published, env):
    client = make_app(store, RATE_LIMIT="1/minute").test_client()
    for _ in range(3):
        assert client.get("/healthz").status_code == 200
        assert client.get("/readyz").status_code == 200
        assert client.get("/metrics").status_code == 200


@pytest.mark.parametrize("config, says", [
    ({"RATE_LIMIT": "lots"}, "is not a rate limit"),
    ({"RATE_LIMIT": "5/minute", "RATE_LIMITS": {"GET /v1/tracks": "3 per fortnight"}},
     "is not a rate limit"),
    ({"RATE_LIMIT": "0/minute"}, "is not a rate limit"),  # every request refused
    ({"RATE_LIMIT": "5/minute", "RATE_LIMITS": {"POST /v1/playlist": "1/minute"}},
     "'POST /v1/playlist' names no limited route"),
    ({"RATE_LIMIT": "5/minute", "RATE_LIMITS": {"HEAD /v1/tracks": "1/minute"}},
     "names no limited route"),  # HEAD counts as GET
    ({"RATE_LIMIT": "5/minute", "RATE_LIMITS": {"GET /metrics": "1/minute"}},
     "names no limited route"),  # probes and metrics are never limited
])
def test_unreadable_limits_stop_the_app(store, env, config, says):
    from models.errors import ConfigError
    with pytest.raises(ConfigError, match=says):
        make_app(store, **config)


def test_a_route_limit_is_keyed_by_the_method_in_any_case(store, published, env):
    """'get /v1/tracks' started fine and limited nothing."""
    from service.settings import route_limits

    limits = route_limits('{"get  /v1/tracks": "1/minute"}')
    assert limits == {"GET /v1/tracks": "1/minute"}
    client = make_app(store, RATE_LIMIT="100/minute", RATE_LIMITS=limits).test_client()
    assert client.get("/v1/tracks?q=Song").status_code == 200
    assert client.get("/v1/tracks?q=Song").status_code == 429


def test_rate_limit_off(store, published, env):
    client = make_app(store, RATE_LIMIT="off").test_client()
    for _ in range(5):
        response = client.get("/v1/tracks?q=Song")
        assert response.status_code == 200 and "X-RateLimit-Limit" not in response.headers


def test_limiter_lets_requests_through_when_redis_is_down(env):
    import redis

    from service.store import ModelStore
    dead = ModelStore(redis.Redis(port=1, socket_connect_timeout=0.2), prefix="x")
    client = create_app({"TESTING": True, "RESOURCES": Resources(dead),
                         "RATE_LIMIT": "1/minute"}).test_client()
    assert client.get("/healthz").status_code == 200
    error_of(client.get("/v1/tracks?q=a"), 503)
    error_of(client.get("/v1/tracks?q=a"), 503)  # not 429: nothing could be counted


def test_full_gate_answers_503_busy_and_probes_still_answer(store, published, env):
    app = make_app(store, RATE_LIMIT="off", HEAVY_CONCURRENCY=1, HEAVY_WAIT_SECONDS=0)
    gate = app.extensions[gate_module.EXTENSION]
    assert gate.enter()  # another heavy request holds the only slot
    try:
        client = app.test_client()
        response = client.post("/v1/recommendations", json=HEAVY)
        error_of(response, 503, "busy")
        assert response.headers["Retry-After"] == "1"
        assert client.get("/healthz").status_code == 200
        assert client.get("/readyz").status_code == 200
        assert client.get("/v1/tracks?q=Song").status_code == 200  # light: not gated
    finally:
        gate.leave()
    assert app.test_client().post("/v1/recommendations", json=HEAVY).status_code == 200


def test_a_503_carries_a_retry_after_only_when_it_has_one(store, published, env):
    """With rate limits on, Flask-Limiter put its window (60 s) on every response: on a
    503 model_not_ready, and over the gate's own 1 s on a 503 busy."""
    app = make_app(store, RATE_LIMIT="300/minute", HEAVY_CONCURRENCY=1, HEAVY_WAIT_SECONDS=0)
    gate = app.extensions[gate_module.EXTENSION]
    assert gate.enter()
    try:
        busy = app.test_client().post("/v1/recommendations", json=HEAVY)
        error_of(busy, 503, "busy")
        assert busy.headers["Retry-After"] == "1"
    finally:
        gate.leave()
    store.client.delete(store.key_for("current"))  # no model: 503 model_not_ready
    empty = app.test_client().get("/v1/recommendations?seed=trk1")
    error_of(empty, 503, "model_not_ready")
    assert "Retry-After" not in empty.headers


def test_a_busy_refusal_is_not_charged_against_the_rate_limit(store, published, env):
    """A client that waited its Retry-After after each 503 busy found its allowance spent
    on the refusals: 3 busy answers, then a 429 for the first request the gate let in."""
    app = make_app(store, RATE_LIMIT="2/minute", HEAVY_CONCURRENCY=1, HEAVY_WAIT_SECONDS=0)
    client, light = app.test_client(), {"seeds": ["trk1"]}  # 1 unit each
    gate = app.extensions[gate_module.EXTENSION]
    assert gate.enter()  # another heavy request holds the only slot
    try:
        for _ in range(3):
            response = client.post("/v1/recommendations", json=light)
            error_of(response, 503, "busy")
            assert response.headers["X-RateLimit-Remaining"] == "2"
    finally:
        gate.leave()
    assert client.post("/v1/recommendations", json=light).status_code == 200
    response = client.post("/v1/recommendations", json=light)
    assert response.status_code == 200 and response.headers["X-RateLimit-Remaining"] == "0"
    error_of(client.post("/v1/recommendations", json=light), 429)


def test_other_503s_are_not_charged_but_client_errors_are(store, published, env):
    app = make_app(store, RATE_LIMIT="2/minute")
    client = app.test_client()
    error_of(client.get("/v1/recommendations?seed=no-such-track"), 404)  # charged: 1 left
    current = store.client.get(store.key_for("current"))
    store.client.delete(store.key_for("current"))  # no model: 503 model_not_ready
    for _ in range(3):
        error_of(client.get("/v1/recommendations?seed=trk1"), 503, "model_not_ready")
    store.client.set(store.key_for("current"), current)
    assert client.get("/v1/recommendations?seed=trk1").status_code == 200
    error_of(client.get("/v1/recommendations?seed=trk1"), 429)


def test_gate_slot_is_released_after_errors(store, published, env):
    app = make_app(store, RATE_LIMIT="off", HEAVY_CONCURRENCY=1, HEAVY_WAIT_SECONDS=0)
    client = app.test_client()
    for _ in range(3):
        error_of(client.post("/v1/recommendations", json={"seeds": "abc"}), 400)
        error_of(client.get("/v1/path?from=nothing-here&to=trk2"), 404)
    assert client.post("/v1/recommendations", json=HEAVY).status_code == 200


def test_gate_bounds_concurrency():
    gate = gate_module.Gate(2, 0)
    assert gate.enter() and gate.enter() and not gate.enter()
    gate.leave()
    assert gate.enter()
    waiting = gate_module.Gate(1, 5)
    assert waiting.enter()
    threading.Timer(0.05, waiting.leave).start()
    assert waiting.enter()  # got the slot once it was released


def keyed_app(store, **config):
    app = make_app(store, RATE_LIMIT="off", **config)

    @app.post("/v1/test-only-write")
    @require_key
    def write():
        return {"written": True}

    return app


def test_state_changing_routes_need_a_key(store, published, env):
    client = keyed_app(store, API_KEYS=("s3cret-key", "other")).test_client()
    error = error_of(client.post("/v1/test-only-write"), 401, "unauthorized")
    assert error["header"] == "X-API-Key"
    response = client.post("/v1/test-only-write", headers={"X-API-Key": "wrong-guess-123"})
    assert "wrong-guess-123" not in response.get_data(as_text=True)
    error_of(response, 401, "unauthorized")
    ok = client.post("/v1/test-only-write", headers={"X-API-Key": "s3cret-key"})
    assert ok.status_code == 200 and ok.get_json() == {"written": True}
    assert client.get("/v1/tracks?q=Song").status_code == 200  # reads stay open


def test_without_configured_keys_writes_are_refused(store, published, env):
    client = keyed_app(store).test_client()
    error_of(client.post("/v1/test-only-write", headers={"X-API-Key": "anything"}), 401)


def test_keys_from_a_file_and_required_for_reads(store, published, env, tmp_path):
    keys = tmp_path / "keys.txt"
    keys.write_text("# ops team\nfile-key-1  # rotated 2026-11\n\n", encoding="utf-8")
    client = keyed_app(store, API_KEYS_FILE=str(keys), REQUIRE_KEYS_FOR_READS=True) \
        .test_client()
    error_of(client.get("/v1/tracks?q=Song"), 401)
    assert client.get("/v1/tracks?q=Song", headers={"X-API-Key": "file-key-1"}) \
        .status_code == 200
    assert client.get("/healthz").status_code == 200
    assert client.get("/metrics").status_code == 200


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_a_keys_file_saved_by_a_windows_editor_keeps_its_first_key(store, published, env,
                                                                    tmp_path, encoding):
    """Found by a tester: Notepad's byte order mark became part of the first key."""
    keys = tmp_path / "keys.txt"
    keys.write_bytes("first-key\r\nsecond-key\r\n".encode(encoding))
    client = keyed_app(store, API_KEYS_FILE=str(keys), REQUIRE_KEYS_FOR_READS=True) \
        .test_client()
    for key in ("first-key", "second-key"):
        assert client.get("/v1/tracks?q=Song", headers={"X-API-Key": key}).status_code == 200
    error_of(client.get("/v1/tracks?q=Song", headers={"X-API-Key": "\ufefffirst-key"}), 401)


def test_admin_keys_alone_can_require_keys_for_reads(store, published, env):
    """Found by a tester: operations.md says admin keys need not be in API_KEYS, also
    with REQUIRE_KEYS_FOR_READS on; such a server refused to start."""
    client = keyed_app(store, ADMIN_KEYS=("admin-key",), REQUIRE_KEYS_FOR_READS=True) \
        .test_client()
    error_of(client.get("/v1/tracks?q=Song"), 401)
    error_of(client.get("/v1/tracks?q=Song", headers={"X-API-Key": "other"}), 401)
    assert client.get("/v1/tracks?q=Song", headers={"X-API-Key": "admin-key"}) \
        .status_code == 200


def test_an_admin_key_reads_where_read_keys_are_required(store, published, env):
    client = keyed_app(store, API_KEYS=("reader",), ADMIN_KEYS=("admin-key",),
                       REQUIRE_KEYS_FOR_READS=True).test_client()
    assert client.get("/v1/tracks?q=Song", headers={"X-API-Key": "admin-key"}) \
        .status_code == 200
    error_of(client.get("/v1/tracks?q=Song", headers={"X-API-Key": "admin-keyx"}), 401)
    # ... and a read key still cannot change the model
    error_of(client.post("/v1/admin/tracks", json={"tracks": []},
                         headers={"X-API-Key": "reader"}), 403, "forbidden")


def test_a_valid_key_has_its_own_rate_limit_bucket(store, published, env):
    client = make_app(store, RATE_LIMIT="1/minute", API_KEYS=("k-one", "k-two")).test_client()
    assert client.get("/v1/tracks?q=Song").status_code == 200
    error_of(client.get("/v1/tracks?q=Song"), 429)
    error_of(client.get("/v1/tracks?q=Song", headers={"X-API-Key": "not-a-key"}), 429)
    for key in ("k-one", "k-two"):
        assert client.get("/v1/tracks?q=Song", headers={"X-API-Key": key}).status_code == 200
        error_of(client.get("/v1/tracks?q=Song", headers={"X-API-Key": key}), 429)


def test_reads_cannot_require_keys_that_do_not_exist(store, env):
    from models.errors import ConfigError
    with pytest.raises(ConfigError):
        make_app(store, REQUIRE_KEYS_FOR_READS=True)


def test_cors_default_allows_any_origin_without_credentials(client, published):
    response = client.get("/v1/tracks?q=Song", headers={"Origin": "https://ui.example"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "X-Request-ID" in response.headers["Access-Control-Expose-Headers"]
    assert "Access-Control-Allow-Credentials" not in response.headers
    preflight = client.options("/v1/recommendations", headers={
        "Origin": "https://ui.example", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "Content-Type, X-API-Key"})
    assert preflight.status_code == 200
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]
    assert "x-api-key" in preflight.headers["Access-Control-Allow-Headers"].lower()


def test_cors_configured_origins(store, published, env):
    client = make_app(store, CORS_ORIGINS="https://a.example, https://b.example").test_client()
    allowed = client.get("/v1/tracks?q=Song", headers={"Origin": "https://b.example"})
    assert allowed.headers["Access-Control-Allow-Origin"] == "https://b.example"
    assert allowed.headers.getlist("Vary") == ["Origin"]  # once (a review found it twice)
    preflight = client.options("/v1/recommendations", headers={
        "Origin": "https://a.example", "Access-Control-Request-Method": "POST"})
    assert preflight.headers.getlist("Vary") == ["Origin"]
    other = client.get("/v1/tracks?q=Song", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in other.headers
    for path in ("/v1/tracks?q=Song", "/openapi.json", "/v1/tracks/nope"):
        # found by a tester: an answer to a request without an Origin named the first
        # listed origin, and carried Vary twice
        plain = client.get(path)
        assert "Access-Control-Allow-Origin" not in plain.headers, path
        assert plain.headers.getlist("Vary") == ["Origin"], path
    off = make_app(store, CORS_ORIGINS="off").test_client()
    assert "Access-Control-Allow-Origin" not in off.get(
        "/v1/tracks?q=Song", headers={"Origin": "https://a.example"}).headers


def test_answers_are_not_sniffed_and_keyed_ones_not_cached_by_others(store, published, env):
    client = keyed_app(store, API_KEYS=("reader",), REQUIRE_KEYS_FOR_READS=True,
                       CORS_ORIGINS="https://a.example").test_client()
    keyed = client.get("/v1/tracks?q=Song", headers={"X-API-Key": "reader"})
    assert keyed.status_code == 200
    assert keyed.headers["X-Content-Type-Options"] == "nosniff"
    assert keyed.headers["Cache-Control"] == "private, no-cache"  # no shared cache keeps it
    assert "Origin" in keyed.headers["Vary"]  # the allow-origin header depends on it
    error_of(client.get("/v1/tracks?q=Song"), 401)
    open_client = make_app(store).test_client()  # no key, any origin: cacheable
    anonymous = open_client.get("/v1/tracks?q=Song")
    assert "no-store" not in anonymous.headers.get("Cache-Control", "")
    assert anonymous.headers["X-Content-Type-Options"] == "nosniff"


def test_limits_count_in_the_embedded_redis(env, tmp_path, monkeypatch):
    monkeypatch.setenv("FEELALIKE_REDIS_URL", "")
    app = create_app({"TESTING": True, "REDIS_URL": "", "DATA_HOME": str(tmp_path / "home"),
                      "RATE_LIMIT": "2/minute"})
    client = app.test_client()
    try:
        # no model yet: a 503, which is not charged; a client's 400 is
        error_of(client.get("/v1/tracks?q=a"), 503)
        for _ in range(2):
            error_of(client.get("/v1/tracks?q=a&limt=5"), 400)
        error_of(client.get("/v1/tracks?q=a"), 429)
        embedded = app.extensions["feelalike"].store.client
        assert embedded.connection_pool.connection_kwargs["path"] == embedded.socket_file
        assert list(embedded.scan_iter("*ratelimit*"))
    finally:
        app.extensions["feelalike"].store.client._cleanup()


def test_a_priced_body_is_decoded_once(store, published, env, monkeypatch):
    import json

    import service.body

    calls = []

    def counting_loads(raw, *args, **kwargs):
        calls.append(raw)
        return json.loads(raw, *args, **kwargs)

    monkeypatch.setattr(service.body, "json", type("J", (), {"loads": staticmethod(
        counting_loads)}))
    client = make_app(store, RATE_LIMIT="100/minute").test_client()
    response = client.post("/v1/recommendations", json=HEAVY)
    assert response.status_code == 200 and int(response.headers["X-RateLimit-Remaining"]) < 99
    assert len(calls) == 1  # the limiter priced it and the view validated the same value


def test_a_number_too_large_for_a_float_is_still_counted(store, published, env):
    """An integer of 400 digits once made the cost sum fail, and the limiter let the
    request through uncounted."""
    client = make_app(store, RATE_LIMIT="3/minute").test_client()
    body = '{"seeds": ["trk3"], "limit": 1%s}' % ("0" * 400)
    # a limit above 50 costs one more unit: 2 of 3, then no room for another 2
    error_of(client.post("/v1/recommendations", data=body, content_type="application/json"),
             400)
    error_of(client.post("/v1/recommendations", data=body,
                         content_type="application/json"), 429)


def test_a_deep_page_costs_as_a_long_list(store, published, env):
    """offset 45 with limit 10 ranks 55 tracks, as limit 55 does: 2 units, not 1."""
    client = make_app(store, RATE_LIMIT="3/minute").test_client()
    deep = {"seeds": ["trk3"], "limit": 10, "offset": 45}
    assert client.post("/v1/recommendations", json=deep).status_code == 200
    assert client.post("/v1/recommendations", json=deep).status_code == 429
    client = make_app(store, RATE_LIMIT="3/minute", KEY_PREFIX=store.prefix + "g").test_client()
    assert client.get("/v1/recommendations?seed=trk3&limit=10&offset=95").status_code == 200
    assert client.get("/v1/recommendations?seed=trk3&limit=10&offset=95").status_code == 429


def test_head_counts_as_the_get_it_runs(store, published, env):
    url = "/v1/path?from=trk1&to=trk2&steps=50"
    limited = make_app(store, RATE_LIMIT="1000/minute",
                       RATE_LIMITS={"GET /v1/path": "2/minute"}).test_client()
    response = limited.head(url)
    assert response.status_code == 200 and response.headers["X-RateLimit-Limit"] == "2"
    assert limited.head(url).status_code == 429  # a path costs 2 units, HEAD or GET
    shared = make_app(store, RATE_LIMIT="2/minute", KEY_PREFIX=store.prefix + "h").test_client()
    recommend = "/v1/recommendations?seed=trk1"
    assert shared.get(recommend).status_code == 200
    assert shared.head(recommend).status_code == 200
    error_of(shared.get(recommend), 429)  # the HEAD spent the GET's allowance
    assert shared.head(recommend).status_code == 429
    assert shared.post("/v1/recommendations", json={"seeds": ["trk1"]}).status_code == 200
    app = make_app(store, RATE_LIMIT="off", HEAVY_CONCURRENCY=1, HEAVY_WAIT_SECONDS=0)
    gate = app.extensions[gate_module.EXTENSION]
    assert gate.enter()
    try:
        assert app.test_client().head(url).status_code == 503
    finally:
        gate.leave()
