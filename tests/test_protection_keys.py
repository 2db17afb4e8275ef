"""API keys as an operator configures them: whose rate-limit budget a key spends.  Over
the test client and the tests' private Redis (``test_protection.py`` holds the rest of
the protection tests)."""
from __future__ import annotations

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
