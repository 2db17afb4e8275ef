"""Settings are documented; errors map to one status table; the error shape is pinned;
the domain knows nothing of HTTP; the embedded Redis works."""
from __future__ import annotations

import importlib
import pkgutil
import os
import re

import pytest

import data
import models
import service
from models import settings
from models.audio import AudioError
from models.errors import (
    BadRequest,
    CatalogError,
    ConfigError,
    DatasetError,
    FeelalikeError,
    NotFound,
    SeedNotFound,
    TrackNotFound,
)
from service import create_app
from service import settings as serving
from service.errors import STATUS, error_body, is_user_error, status_for
from service.store import ModelNotReady, StoreCorrupt, StoreUnavailable, connect

from .fixtures import ROOT, make_track
from .redis_server import RedisServer, free_port

SERVING = {"REDIS_URL", "REDIS_CLUSTER", "KEY_PREFIX", "GRACE_SECONDS", "CACHE_SECONDS",
           "HOST", "PORT", "PUBLIC_URL", "MAX_BODY_BYTES", "MAX_URL_CHARS", "CACHE_MAX_ENTRIES",
           "MAX_SHRINK", "KEEP_VERSIONS"}


def test_every_setting_is_documented():
    doc = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`FEELALIKE_([A-Z_]+)`", doc))
    assert documented == {s.name for s in serving.ALL_SETTINGS}
    assert len(serving.ALL_SETTINGS) == len(documented)  # no name declared twice


@pytest.mark.parametrize("name", ["DATASET_MIRRORS", "EMOTION_CLIPS", "EMOTION_FOLDERS"])
def test_shared_data_defaults_do_not_depend_on_the_current_folder(name, tmp_path,
                                                                 monkeypatch):
    """`feelalike build --audio-dir ~/Music` run from the home folder looked for the
    emotion clips in ~/../shared/data."""
    monkeypatch.chdir(tmp_path)
    default = settings.get(name, {})
    assert default.startswith(str((ROOT.parent / "shared" / "data").resolve()))
    assert settings.get(name, {f"FEELALIKE_{name}": "clips"}) == "clips"  # as given


def test_serving_settings_live_in_the_service():
    assert {s.name for s in serving.SERVING_SETTINGS} == SERVING
    assert not SERVING & {s.name for s in settings.SETTINGS}
    assert set(serving.snapshot({})) == {s.name for s in serving.ALL_SETTINGS}


def test_settings_read_the_prefixed_environment():
    assert settings.get("NEIGHBOURS", {}) == 100
    assert settings.get("NEIGHBOURS", {"FEELALIKE_NEIGHBOURS": "7"}) == 7
    assert serving.get("NEIGHBOURS", {"FEELALIKE_NEIGHBOURS": "7"}) == 7
    assert serving.get("REDIS_URL", {"REDIS_URL": "redis://x"}) == "redis://x"
    assert serving.get("REDIS_URL", {"REDIS_URL": "redis://x",
                                     "FEELALIKE_REDIS_URL": "redis://y"}) == "redis://y"
    assert serving.get("KEY_PREFIX", {"KEY_PREFIX": "other"}) == "feelalike"


ANYTHING_GOES = (str, serving.names, os.path.expanduser)  # parsers that never refuse


@pytest.mark.parametrize("setting", [s for s in serving.ALL_SETTINGS
                                     if s.parse not in ANYTHING_GOES], ids=lambda s: s.name)
def test_every_setting_that_can_be_wrong_says_what_it_takes(setting):
    """settings.md promises one line naming the variable and what it takes; "is not a
    valid share" or "cluster_mode" named our functions instead."""
    assert " " in setting.parse.__name__, setting.name


@pytest.mark.parametrize("name, value, valid", [
    ("MAX_SHRINK", "2", "number from 0 to 1"),
    ("REDIS_CLUSTER", "perhaps", "cluster mode (auto, on or off)"),
    ("ACCESS_LOG", "maybe", "yes/no value (true/false, yes/no, on/off or 1/0)"),
    ("ANN_THRESHOLD", "-5", "whole number >= 0"),
    ("RATE_LIMITS", "{bad", "JSON object of limits by route"),
    ("EMBED_ANCESTORS", "a;b", "list of frame ancestors"),
    ("AUDIO_EMBEDDING", "vggish", "audio embedding (MTT_musicnn, MSD_musicnn or off)"),
])
def test_a_bad_value_is_named_with_what_the_setting_takes(name, value, valid):
    with pytest.raises(ConfigError) as caught:
        serving.get(name, {f"FEELALIKE_{name}": value})
    assert str(caught.value).startswith(f"setting FEELALIKE_{name}={value!r} is not a valid "
                                        f"{valid}")


@pytest.mark.parametrize("read, name, value, valid", [
    (settings.get, "NEIGHBOURS", "many", "whole number >= 1"),
    (settings.get, "NEIGHBOURS", "0", "whole number >= 1"),
    (settings.get, "VA_WEIGHT", "nan", "number >= 0"),
    (serving.get, "GRACE_SECONDS", "-5", "whole number from 1 to 31536000"),
    (serving.get, "GRACE_SECONDS", "9223372036854775807", "whole number from 1 to 31536000"),
    (serving.get, "CACHE_SECONDS", "0", "whole number from 1 to 31536000"),
    (serving.get, "PORT", "70000", "whole number from 1 to 65535"),
    (serving.get, "PROXY_HOPS", "-1", "whole number >= 0"),
    (serving.get, "MAX_BODY_BYTES", "-1", "whole number >= 1"),
    (serving.get, "HEAVY_WAIT_SECONDS", "nan", "number >= 0"),
])
def test_a_bad_environment_value_is_a_config_error(read, name, value, valid):
    """Out of range is as wrong as unreadable: a cache of 0 s made every answer fail,
    a negative grace deleted the old version under requests still reading it."""
    with pytest.raises(ConfigError, match=f"FEELALIKE_{name}='{value}' is not a valid {valid}$"):
        read(name, {f"FEELALIKE_{name}": value})


@pytest.mark.parametrize("url", ["localhost:6380", "redis://:hunter2@localhost:notaport",
                                 "http://user:hunter2@example.org",
                                 "redis://:hunter2@127.0.0.1:1/0?timeout=5"])
def test_a_misspelt_redis_url_is_named_without_repeating_it(url):
    """It was an "unexpected ValueError" after the whole build, and a URL may hold a
    password."""
    with pytest.raises(ConfigError, match="FEELALIKE_REDIS_URL is not a valid Redis URL") \
            as caught:
        serving.get("REDIS_URL", {"FEELALIKE_REDIS_URL": url})
    assert "hunter2" not in str(caught.value) and url not in str(caught.value)


def test_a_bad_value_names_the_variable_the_user_set():
    """Found by a review: REDIS_URL=http://... was reported as FEELALIKE_REDIS_URL."""
    with pytest.raises(ConfigError, match="^setting REDIS_URL is not a valid Redis URL"):
        serving.get("REDIS_URL", {"REDIS_URL": "http://127.0.0.1:1/0"})


def test_a_bad_environment_value_stops_the_app_factory(monkeypatch):
    monkeypatch.setenv("FEELALIKE_CACHE_SECONDS", "soon")
    with pytest.raises(ConfigError, match="FEELALIKE_CACHE_SECONDS"):
        create_app()


def test_error_body_shape_is_pinned():
    assert error_body("seed_not_found", "no track matches 'x'", suggestions=[]) == {
        "error": {"code": "seed_not_found", "message": "no track matches 'x'",
                  "suggestions": []}}
    assert error_body("bad_request", "no") == {"error": {"code": "bad_request", "message": "no"}}


def _all_error_classes() -> set[type[FeelalikeError]]:
    for package in (models, service, data):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            # gunicorn's config sets PROMETHEUS_MULTIPROC_DIR when imported: every later
            # test in this process would then read metrics from files
            if not info.name.endswith(("__main__", ".wsgi", ".gunicorn_conf")):
                importlib.import_module(info.name)
    found, todo = set(), [FeelalikeError]
    while todo:
        for sub in todo.pop().__subclasses__():
            found.add(sub)
            todo.append(sub)
    return found


def test_every_error_class_is_in_the_status_table():
    for cls in _all_error_classes():
        listed = next(c for c in cls.__mro__ if c in STATUS)
        assert listed is not FeelalikeError, f"{cls.__name__} has no line in service.errors.STATUS"


def test_the_status_table_keeps_the_api_contract():
    statuses = {cls: status_for(cls("x")) for cls in (
        BadRequest, NotFound, SeedNotFound, TrackNotFound, CatalogError, DatasetError,
        AudioError, ConfigError, ModelNotReady, StoreUnavailable, StoreCorrupt, FeelalikeError)}
    assert statuses == {BadRequest: 400, NotFound: 404, SeedNotFound: 404, TrackNotFound: 404,
                        CatalogError: 400, DatasetError: 400, AudioError: 400,
                        ConfigError: 500, ModelNotReady: 503, StoreUnavailable: 503,
                        StoreCorrupt: 500, FeelalikeError: 500}
    assert is_user_error(SeedNotFound("x")) and not is_user_error(ModelNotReady("x"))
    assert not any(hasattr(cls, "status") for cls in statuses)


def test_unexpected_errors_are_json_without_traceback(published, store, caplog):
    from service.resources import Resources

    class Broken(Resources):
        def current(self):
            raise RuntimeError("secret internals")

    client = create_app({"RESOURCES": Broken(store)}).test_client()
    response = client.get("/v1/recommendations?seed=x", headers={"X-Request-ID": "ticket-42"})
    assert response.status_code == 500
    assert response.get_json() == error_body("internal_error", "internal server error")
    logged = [r for r in caplog.records if r.name == "service.errors"]
    assert "request ticket-42" in logged[-1].getMessage()  # the user's report finds it
    assert "secret internals" in logged[-1].exc_text


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
    with pytest.raises(StoreUnavailable, match="cannot reach Redis"):
        connect(f"redis://127.0.0.1:{free_port()}/0")


def test_redis_going_away_mid_request_is_503_json(tmp_path):
    import redis

    from models.build import build
    from models.ingest import Catalog
    from service.resources import Resources
    from service.store import ModelStore

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


def test_the_music_root_may_start_at_the_home_folder():
    """An env file or a systemd unit passes "~" literally, as the README writes it."""
    root = serving.snapshot({"FEELALIKE_MUSIC_ROOT": "~/Music"})
    assert root["MUSIC_ROOT"] == os.path.expanduser("~/Music")
    assert not root["MUSIC_ROOT"].startswith("~")
    assert serving.snapshot({})["MUSIC_ROOT"] == ""


@pytest.mark.parametrize("value", ["blog.example", "https://a.example/path", "https://a, b"])
def test_a_cors_origin_a_browser_would_never_send_stops_the_app(value, monkeypatch):
    """Found by a review: "blog.example" (no scheme) was taken, and no browser's Origin
    header ever matched it, so CORS silently never worked."""
    monkeypatch.setenv("FEELALIKE_CORS_ORIGINS", value)
    with pytest.raises(ConfigError, match="FEELALIKE_CORS_ORIGINS"):
        create_app({"TESTING": True})


def test_cors_origins_are_taken_with_or_without_a_trailing_slash():
    origins = serving.snapshot({"FEELALIKE_CORS_ORIGINS": "https://a.example/, "
                                "http://localhost:3000"})["CORS_ORIGINS"]
    assert origins == "https://a.example, http://localhost:3000"


def test_a_cors_origin_with_its_default_port_matches_what_browsers_send():
    """Found by a tester: https://app.example:443 was taken, and no browser's Origin
    (which leaves a scheme's default port out) ever matched it."""
    origins = serving.snapshot({"FEELALIKE_CORS_ORIGINS": "https://a.example:443, "
                                "HTTP://b.example:80, http://c.example:443"})["CORS_ORIGINS"]
    assert origins == "https://a.example, HTTP://b.example, http://c.example:443"


def test_a_data_home_that_cannot_be_used_stops_the_app(tmp_path, monkeypatch, runner):
    """Found by a self-hoster: the server started, and every request, /readyz included,
    was a 500 config_error saying "(File exists)" of a data home that was a file."""
    in_the_way = tmp_path / "catalog.csv"
    in_the_way.write_text("a file")
    monkeypatch.setenv("FEELALIKE_DATA_HOME", str(in_the_way))
    with pytest.raises(ConfigError, match="it is a file, not a folder"):
        create_app({"TESTING": True})
    code, out, err = runner("serve", "--port", "0")
    assert code != 0 and not out
    assert err.strip().splitlines() == [
        f"error: setting FEELALIKE_DATA_HOME: cannot use {in_the_way} as the data home "
        "(it is a file, not a folder)"]


@pytest.mark.parametrize("name", ["FEELALIKE_LEXICON", "FEELALIKE_VA_LEXICON"])
def test_a_lexicon_setting_that_cannot_be_read_stops_the_app(name, tmp_path, monkeypatch):
    """Found by a review: the app started, /readyz said ready, and every request with
    text was a 400 catalog_error quoting the server's path."""
    monkeypatch.setenv(name, str(tmp_path / "missing.json"))
    with pytest.raises(ConfigError, match=name):
        create_app({"TESTING": True})


def test_a_speech_setting_that_is_no_switch_stops_the_app(monkeypatch):
    """Read by every query: left to them, each answer would be a 500 naming it."""
    monkeypatch.setenv("FEELALIKE_SPEECH_IN_RECOMMENDATIONS", "maybe")
    with pytest.raises(ConfigError, match="FEELALIKE_SPEECH_IN_RECOMMENDATIONS"):
        create_app({"TESTING": True})
