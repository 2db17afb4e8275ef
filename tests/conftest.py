"""Fixtures: a private Redis per session, stores, apps and the CLI (after flaskr).

Factories and constants shared by tests live in ``tests/fixtures.py``."""
from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from pathlib import Path
from typing import Callable

import pytest
import redis

from models.build import build
from models.ingest import Catalog, load_catalog
from service import create_app
from service.resources import Resources
from service.store import ModelStore

from .fixtures import (ID_CATALOG_COLUMNS, id_catalog_rows, labelled_clips, make_track,
                       write_rows)
from .redis_server import RedisClusterServers, RedisServer


#: settings the suite takes from its caller: where CI keeps musicnn's weights, the fuzz seed
PASSED_THROUGH = {"FEELALIKE_MUSICNN_DIR", "FEELALIKE_FUZZ_SEED"}
_HOME: list[str] = []


def pytest_configure(config: pytest.Config) -> None:
    """Run apart from the caller's feelalike: none of their settings (a REDIS_URL, a
    PUBLIC_URL) reaches a test, and what the app keeps in its data home (version files,
    an embedded Redis, datasets) goes to a folder of this run, never to theirs."""
    for name in [n for n in os.environ if n.startswith("FEELALIKE_") or n == "REDIS_URL"]:
        if name not in PASSED_THROUGH:
            del os.environ[name]
    _HOME.append(tempfile.mkdtemp(prefix="feelalike-tests-"))
    os.environ["FEELALIKE_DATA_HOME"] = _HOME[-1]


def pytest_unconfigure(config: pytest.Config) -> None:
    from service.store import close_embedded

    close_embedded()
    for home in _HOME:
        shutil.rmtree(home, ignore_errors=True)


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> RedisServer:
    server = RedisServer(tmp_path_factory.mktemp("redis")).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def redis_cluster(tmp_path_factory: pytest.TempPathFactory) -> RedisClusterServers:
    """A real three-node Redis Cluster, started on first use for the whole session."""
    if shutil.which("redis-cli") is None:
        pytest.skip("needs redis-cli (it creates the test cluster)")
    servers = RedisClusterServers(tmp_path_factory.mktemp("cluster")).start()
    yield servers
    servers.stop()


@pytest.fixture(params=["single", "cluster"])
def any_client(request: pytest.FixtureRequest):
    """A client of the single private server, then of the three-node cluster."""
    if request.param == "single":
        client = redis.Redis.from_url(request.getfixturevalue("redis_server").url)
    else:
        client = redis.RedisCluster.from_url(request.getfixturevalue("redis_cluster").url)
    yield client
    client.close()


@pytest.fixture()
def any_store(any_client, prefix: str) -> ModelStore:
    """The model store on either kind of Redis (a contract both must keep)."""
    return ModelStore(any_client, prefix=prefix, grace_seconds=60, cache_seconds=60,
                      cache_max_entries=3)


@pytest.fixture()
def redis_client(redis_server: RedisServer) -> redis.Redis:
    return redis.Redis.from_url(redis_server.url)


@pytest.fixture()
def prefix() -> str:
    """A key prefix of this test's own, so tests never see each other's keys."""
    return f"test-{uuid.uuid4().hex[:10]}"


@pytest.fixture()
def store(redis_client: redis.Redis, prefix: str) -> ModelStore:
    return ModelStore(redis_client, prefix=prefix, grace_seconds=60, cache_seconds=60)


@pytest.fixture()
def env(redis_server: RedisServer, prefix: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Environment that points feelalike at the private Redis and a private data home."""
    values = {"FEELALIKE_REDIS_URL": redis_server.url, "FEELALIKE_KEY_PREFIX": prefix,
              "FEELALIKE_DATA_HOME": str(tmp_path / "home"), "FEELALIKE_DATASET_MIRRORS": "",
              "FEELALIKE_EMOTION_CLIPS": "off", "FEELALIKE_EMOTION_FOLDERS": "off",
              "FEELALIKE_RATE_LIMIT": "off"}  # tests of the limits turn them on
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    return values


@pytest.fixture()
def small_catalog() -> Catalog:
    tracks = [make_track(i) for i in range(40)]
    tracks.append(make_track(40, title="Loneliness #3 (Night Talking)", features={},
                             artist="Arcade Fire", notes="lonely, eerie and late-night"))
    return Catalog(tracks=tracks)


@pytest.fixture()
def published(store: ModelStore, small_catalog: Catalog) -> str:
    return store.publish(build(small_catalog, k=20))


@pytest.fixture()
def app(store: ModelStore, env: dict[str, str]):
    return create_app({"TESTING": True, "RESOURCES": Resources(store)})


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture()
def runner(env: dict[str, str], capsys: pytest.CaptureFixture) -> Callable:
    """Run the real CLI entry point in-process; returns (exit code, stdout, stderr)."""
    from service.cli import main

    def run(*args: str) -> tuple[int, str, str]:
        code = main(list(args))
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


@pytest.fixture()
def ids_catalog(tmp_path: Path) -> Path:
    return write_rows(tmp_path / "library.csv", id_catalog_rows(), ID_CATALOG_COLUMNS)


@pytest.fixture()
def ids_model(store: ModelStore, ids_catalog: Path) -> str:
    return store.publish(build(load_catalog([ids_catalog]), k=10))


@pytest.fixture()
def music(runner, tmp_path: Path) -> Path:
    """A model built from a folder of four clips (``tmp_path / "music"``), and a folder
    of six other clips to change it with (``tmp_path / "other"``)."""
    pytest.importorskip("librosa", reason="audio analysis needs the 'audio' extra")
    folder = labelled_clips(tmp_path / "music", n=4)
    labelled_clips(tmp_path / "other", n=6)
    code, _, err = runner("build", "--audio-dir", str(folder))
    assert code == 0, err
    return folder
