"""API keys and admin routes as an operator configures them: whose rate-limit budget a
key spends, keys that no HTTP client can send alike, updates and the heavy-request gate.
Over the test client and the tests' private Redis (``test_protection.py`` holds the rest)."""
from __future__ import annotations

import pytest

from models.errors import ConfigError

from .fixtures import error_of, make_app


def test_an_admin_key_has_its_own_rate_limit_bucket(store, published, env):
    """Found by a tester: a valid admin key was counted by its address, so the operator's
    tools shared the budget of every anonymous client behind the same address (a NAT,
    the proxy without PROXY_HOPS), while a read key got a budget of its own."""
    client = make_app(store, RATE_LIMIT="1/minute", API_KEYS=("reader",),
                      ADMIN_KEYS=("admin-key",)).test_client()
    assert client.get("/v1/tracks?q=Song").status_code == 200
    error_of(client.get("/v1/tracks?q=Song"), 429)  # the address has spent its budget
    admin = {"X-API-Key": "admin-key"}
    assert client.get("/v1/tracks?q=Song", headers=admin).status_code == 200
    error_of(client.get("/v1/tracks?q=Song", headers=admin), 429)  # its own, now spent
    # and an admin route's budget is the key's too, not the address's
    removal = client.post("/v1/admin/removals", json={"ids": ["no-such-track"]},
                          headers=admin)
    error_of(removal, 404, "track_not_found")
    error_of(client.post("/v1/admin/removals", json={"ids": ["no-such-track"]},
                         headers=admin), 429)
    error_of(client.post("/v1/admin/removals", json={"ids": ["no-such-track"]}), 401)


@pytest.mark.parametrize("setting", ["API_KEYS", "ADMIN_KEYS"])
def test_a_key_outside_printable_ascii_stops_the_app(store, env, setting):
    """Found by a tester: a key with an accented letter was accepted at start-up and then
    never matched what curl sends (its UTF-8 bytes reach the app as Latin-1 text), only a
    client sending Latin-1.  It now stops the app with one line that does not repeat it."""
    with pytest.raises(ConfigError) as raised:
        make_app(store, **{"API_KEYS": ("fine-key",), setting: ("fine", "clé-secrète")})
    assert raised.value.extra["setting"] == f"FEELALIKE_{setting}"
    assert "secr" not in raised.value.message and "ASCII" in raised.value.message


def test_a_keys_file_line_outside_printable_ascii_stops_the_app(store, env, tmp_path):
    keys = tmp_path / "keys.txt"
    keys.write_text("good-key\nzugang-\u00fcberall  # ops\n", encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        make_app(store, API_KEYS_FILE=str(keys))
    assert raised.value.extra["setting"] == "FEELALIKE_API_KEYS_FILE"
    assert "berall" not in raised.value.message and "line 2" in raised.value.message


def test_printable_ascii_keys_with_punctuation_still_work(store, published, env):
    client = make_app(store, RATE_LIMIT="off", API_KEYS=("a b~!$%^&*()_+{}|:<>?",),
                      REQUIRE_KEYS_FOR_READS=True).test_client()
    assert client.get("/v1/tracks?q=Song",
                      headers={"X-API-Key": "a b~!$%^&*()_+{}|:<>?"}).status_code == 200
    error_of(client.get("/v1/tracks?q=Song", headers={"X-API-Key": "a b"}), 401)


@pytest.mark.parametrize("method, path, body", [
    ("POST", "/v1/admin/tracks", {"tracks": [{"id": "gate-new", "title": "Gate"}]}),
    ("POST", "/v1/admin/removals", {"ids": ["trk1"]}),
    ("DELETE", "/v1/admin/tracks/trk1", None)])
def test_admin_updates_pass_the_heavy_request_gate(store, published, env, method, path,
                                                   body):
    """Found by a tester: an update takes seconds and updates in a process wait for
    each other, outside the gate: five adds at once from the operator's tools held every
    thread of a worker, and /healthz waited 3.7 s behind them.  An update now takes a
    heavy-request slot, and one that finds none is a fast 503 busy."""
    from service.protection import gate as gate_module

    app = make_app(store, RATE_LIMIT="off", ADMIN_KEYS=("admin-key",), HEAVY_CONCURRENCY=1,
                   HEAVY_WAIT_SECONDS=0)
    gate = app.extensions[gate_module.EXTENSION]
    client, admin = app.test_client(), {"X-API-Key": "admin-key"}
    assert gate.enter()  # another heavy request holds the only slot
    try:
        response = client.open(path, method=method, json=body, headers=admin)
        error_of(response, 503, "busy")
        assert response.headers["Retry-After"] == "1"
        assert client.get("/healthz").status_code == 200
    finally:
        gate.leave()
    assert client.open(path, method=method, json=body, headers=admin).status_code == 200
    assert gate.enter()  # the update gave its slot back
    gate.leave()


@pytest.mark.parametrize("config", [{"API_KEYS": ("reader",)}, {"ADMIN_KEYS": ("admin-key",)}])
def test_a_wrong_key_is_refused_where_reads_need_none(store, published, env, config):
    """Found by an app developer: with keys configured and reads open, a mistyped or
    revoked key was read as no key (200, rate-limited by address), so the developer never
    learnt it was wrong.  A key that is sent must be valid; none at all reads as before."""
    client = make_app(store, RATE_LIMIT="off", **config).test_client()
    valid = next(iter(config.values()))[0]
    for path in ("/v1/tracks?q=Song", "/v1/recommendations?seed=trk1", "/v1/tracks/trk1"):
        response = client.get(path, headers={"X-API-Key": valid + "x"})
        error = error_of(response, 401, "unauthorized")
        assert error["header"] == "X-API-Key" and valid + "x" not in response.text
        assert response.headers["WWW-Authenticate"] == 'ApiKey header="X-API-Key"'
        assert "send no key" in error["message"]
        assert client.get(path, headers={"X-API-Key": valid}).status_code == 200
        assert client.get(path).status_code == 200
        assert client.get(path, headers={"X-API-Key": " "}).status_code == 200  # blank: none
    wrong = {"X-API-Key": "wrong"}
    error_of(client.post("/v1/recommendations", json={"seeds": ["trk1"]}, headers=wrong), 401)
    # the widget and the page send no key and work; the documentation needs none
    assert client.get("/embed?seed=trk1").status_code == 200
    assert client.get("/").status_code == 200
    assert client.get("/openapi.json", headers=wrong).status_code == 200


def test_a_key_is_not_checked_on_a_server_without_keys(store, published, env):
    """Nothing to check it by: a client built for a keyed deployment still reads a
    keyless one (the demo)."""
    client = make_app(store, RATE_LIMIT="off").test_client()
    assert client.get("/v1/tracks?q=Song", headers={"X-API-Key": "any"}).status_code == 200


@pytest.mark.parametrize("required", [False, True])
def test_a_key_in_the_url_is_refused_and_never_echoed(store, published, env, required):
    """Found by an app developer: ?api_key=KEY (as other APIs take it) was ignored as an
    unknown parameter, so the read was anonymous, or a 401 that did not say why."""
    client = make_app(store, RATE_LIMIT="off", API_KEYS=("reader",),
                      REQUIRE_KEYS_FOR_READS=required).test_client()
    for name in ("api_key", "apiKey", "access_token"):
        response = client.get(f"/v1/tracks?q=Song&{name}=reader")
        error = error_of(response, 400, "bad_request")
        assert error["field"] == name and "the header X-API-Key" in error["message"]
        assert "reader" not in response.text
    headers = {"X-API-Key": "reader"}
    assert client.get("/v1/tracks?q=Song&utm_source=x", headers=headers).status_code == 200
    # a server without keys ignores it as any parameter it does not read
    keyless = make_app(store, RATE_LIMIT="off").test_client()
    assert keyless.get("/v1/tracks?q=Song&api_key=reader").status_code == 200


def test_a_key_as_a_bearer_token_reads_changes_and_has_its_budget(store, published, env):
    """HTTP clients (and generated ones, by default) send a key as `Authorization:
    Bearer KEY`; it was ignored: reads that need a key were refused, admin calls too."""
    client = make_app(store, RATE_LIMIT="1/minute", API_KEYS=("reader",),
                      ADMIN_KEYS=("admin-key",), REQUIRE_KEYS_FOR_READS=True).test_client()
    reader = {"Authorization": "Bearer reader"}
    assert client.get("/v1/tracks?q=Song", headers=reader).status_code == 200
    error_of(client.get("/v1/tracks?q=Song", headers=reader), 429)  # the key's own budget
    client = make_app(store, RATE_LIMIT="off", API_KEYS=("reader",),
                      ADMIN_KEYS=("admin-key",), REQUIRE_KEYS_FOR_READS=True).test_client()
    admin = {"Authorization": "bearer  admin-key "}  # the scheme in any case, blanks around
    error_of(client.post("/v1/admin/removals", json={"ids": ["no-such-track"]},
                         headers=admin), 404, "track_not_found")
    refused = client.post("/v1/admin/removals", json={"ids": ["no-such-track"]},
                          headers={"Authorization": "Bearer reader"})
    error_of(refused, 403, "forbidden")  # names the header the key came in (was X-API-Key)
    assert "the key in Authorization: Bearer may read" in refused.get_json()["error"]["message"]
    for refused in ({"Authorization": "Bearer wrong"}, {"Authorization": "Basic cmVhZGVy"},
                    {"Authorization": "Bearer"}):
        error_of(client.get("/v1/tracks/trk1", headers=refused), 401, "unauthorized")
        error_of(client.post("/v1/admin/removals", json={"ids": ["x"]}, headers=refused), 401)


def test_a_bearer_token_that_is_no_key_reads_anonymously_where_reads_are_open(
        store, published, env):
    """A proxy in front may authenticate with the same header: its token is no key of
    ours and must not turn open reads into 401s.  X-API-Key, when sent, is the key."""
    client = make_app(store, RATE_LIMIT="off", API_KEYS=("reader",)).test_client()
    proxy = {"Authorization": "Bearer the-proxy-s-own-token"}
    response = client.get("/v1/tracks/trk1", headers=proxy)
    assert response.status_code == 200 and "private" in response.headers["Cache-Control"]
    error_of(client.get("/v1/tracks/trk1", headers={**proxy, "X-API-Key": "wrong"}), 401)
    both = {"Authorization": "Bearer wrong", "X-API-Key": "reader"}
    assert client.get("/v1/tracks/trk1", headers=both).status_code == 200
