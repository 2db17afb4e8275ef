"""Settings are documented; the error shape is pinned; the embedded Redis works."""
from __future__ import annotations

import re

import pytest

from models import settings
from models.errors import BadRequest, FeelalikeError, SeedNotFound, StoreUnavailable
from service import create_app
from service.store import connect
from service.errors import error_body

from .fixtures import ROOT


def test_every_setting_is_documented():
    doc = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`FEELALIKE_([A-Z_]+)`", doc))
    assert documented == {s.name for s in settings.SETTINGS}


def test_settings_read_the_prefixed_environment():
    assert settings.get("NEIGHBOURS", {}) == 100
    assert settings.get("NEIGHBOURS", {"FEELALIKE_NEIGHBOURS": "7"}) == 7
    assert settings.get("REDIS_URL", {"REDIS_URL": "redis://x"}) == "redis://x"
    assert settings.get("REDIS_URL", {"REDIS_URL": "redis://x",
                                      "FEELALIKE_REDIS_URL": "redis://y"}) == "redis://y"
    with pytest.raises(BadRequest, match="FEELALIKE_NEIGHBOURS"):
        settings.get("NEIGHBOURS", {"FEELALIKE_NEIGHBOURS": "many"})


def test_error_body_shape_is_pinned():
    assert error_body("seed_not_found", "no track matches 'x'", suggestions=[]) == {
        "error": {"code": "seed_not_found", "message": "no track matches 'x'",
                  "suggestions": []}}
    assert SeedNotFound("x").status == 404 and issubclass(SeedNotFound, FeelalikeError)


def test_unexpected_errors_are_json_without_traceback(published, store):
    from service.resources import Resources

    class Broken(Resources):
        def current(self):
            raise RuntimeError("secret internals")

    client = create_app({"RESOURCES": Broken(store)}).test_client()
    response = client.get("/v1/recommendations?seed=x")
    assert response.status_code == 500
    assert response.get_json() == error_body("internal_error", "internal server error")


def test_embedded_redis_persists_under_the_data_home(tmp_path):
    client = connect("", str(tmp_path))
    client.set("feelalike-test", b"\x00\x01")
    assert client.get("feelalike-test") == b"\x00\x01"
    assert (tmp_path / "redis").is_dir()
    client.shutdown(save=True)
    again = connect("", str(tmp_path))
    assert again.get("feelalike-test") == b"\x00\x01"
    again.shutdown(save=False)


def test_unreachable_redis_url_is_store_unavailable():
    from .redis_server import free_port

    with pytest.raises(StoreUnavailable, match="cannot reach Redis"):
        connect(f"redis://127.0.0.1:{free_port()}/0")


def test_redis_going_away_mid_request_is_503_json(tmp_path):
    import redis

    from models.ingest import Catalog
    from models.build import build
    from service.resources import Resources
    from service.store import ModelStore

    from .fixtures import make_track
    from .redis_server import RedisServer

    server = RedisServer(tmp_path).start()
    store = ModelStore(redis.Redis.from_url(server.url, socket_timeout=2), prefix="p")
    store.publish(build(Catalog([make_track(i) for i in range(8)]), k=4))
    client = create_app({"RESOURCES": Resources(store)}).test_client()
    assert client.get("/v1/recommendations?seed=trk1").status_code == 200
    original = store.neighbours

    def die_then_read(version, row):
        server.stop()  # Redis goes away between two reads of one request
        return original(version, row)

    store.neighbours = die_then_read
    response = client.get("/v1/recommendations?seed=trk2")
    assert response.status_code == 503
    assert response.get_json()["error"]["code"] == "store_unavailable"
    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").status_code == 503
