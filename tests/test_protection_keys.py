"""API keys as an operator configures them: whose rate-limit budget a key spends, and
keys that no HTTP client can send alike.  Over the test client and the tests' private
Redis (``test_protection.py`` holds the rest of the protection tests)."""
from __future__ import annotations

import pytest

from models.errors import ConfigError
from service import create_app
from service.resources import Resources

from .fixtures import error_of


def make_app(store, **config):
    return create_app({"TESTING": True, "RESOURCES": Resources(store), **config})


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
