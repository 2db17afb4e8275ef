"""Fixtures: a private Redis per session, stores, apps and the CLI (after flaskr)."""
from __future__ import annotations

import uuid
from pathlib import Path
from typing import Callable

import pytest
import redis

from models.ingest import Catalog, Track
from models.build import build
from service import create_app
from service.resources import Resources
from service.store import ModelStore

from .redis_server import RedisServer

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
TIDY = SHARED / "catalog" / "tidytuesday_spotify_songs.csv"
HER_REVIEW = SHARED / "reviews" / "her_soundtrack_review.txt"

needs_shared = pytest.mark.skipif(
    not SHARED.is_dir(),
    reason="needs the project's shared data folder ../shared/data (present in CI, absent "
           "in a plain clone)")


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> RedisServer:
    server = RedisServer(tmp_path_factory.mktemp("redis")).start()
    yield server
    server.stop()


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
              "FEELALIKE_DATA_HOME": str(tmp_path / "home"), "FEELALIKE_DATASET_MIRRORS": ""}
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    return values


def make_track(i: int, **overrides) -> Track:
    """A small synthetic track whose features vary smoothly with ``i``."""
    base = dict(id=f"trk{i}", title=f"Song {i}", artist=f"Artist {i % 7}", album="Album",
                popularity=float(i % 100),
                features={"danceability": (i % 10) / 10, "energy": ((i * 3) % 10) / 10,
                          "valence": ((i * 7) % 10) / 10, "tempo": 80.0 + i % 60,
                          "loudness": -5.0 - i % 10, "acousticness": (i % 4) / 4,
                          "mode": float(i % 2)},
                tags=["sad songs" if i % 2 else "party hits"])
    base.update(overrides)
    return Track(**base)


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
