"""The Spark build (``feelalike build --engine spark``) against the single-machine build.

One local[2] SparkSession serves every test here (starting Spark takes seconds).
Needs pyspark (the ``spark`` extra, in ``.[test]``) and Java 17+ (``.ci/run`` installs
Debian's JRE when missing); skipped with a reason otherwise.
"""
from __future__ import annotations

import csv
import json
import os
import random
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from models.build import FeelModel, build, spark_build, spark_session, train_default_model
from models.ingest import load_catalog

from .fixtures import ROOT, SHARED, TIDY, Server

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("java") is None and not os.environ.get("JAVA_HOME"),
                       reason="the Spark build needs Java 17+ (.ci/run installs it)"),
]
pyspark = pytest.importorskip("pyspark", reason="needs pyspark: pip install '.[spark]'")

ROWS = 2500
COLUMNS = ["track_id", "track_name", "track_artist", "track_album_name", "playlist_name",
           "playlist_genre", "danceability", "energy", "valence", "tempo", "loudness",
           "acousticness", "instrumentalness", "speechiness", "liveness", "mode"]
PLAYLISTS = ["Sad Songs", "Happy Hits", "Chill Evening", "Angry Workout", "Lonely Nights",
             "Party"]


def write_random_catalog(path: Path, n: int, seed: int = 0) -> Path:
    """``n`` tracks on albums of one to eight, random features (a tenth without energy)
    and a mood-bearing playlist name each."""
    rng = random.Random(seed)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        album, left, artist = 0, 0, ""
        for i in range(n):
            if left == 0:
                album, left = album + 1, rng.randint(1, 8)
                artist = f"Artist {rng.randint(0, n // 10)}"
            left -= 1
            features = [f"{rng.random():.4f}" for _ in range(3)]
            features += [f"{rng.uniform(60, 180):.2f}", f"{rng.uniform(-20, -2):.2f}"]
            features += [f"{rng.random():.4f}" for _ in range(4)] + [str(rng.randint(0, 1))]
            if rng.random() < 0.1:
                features[1] = ""
            writer.writerow([f"t{i:06d}", f"Song {i}", artist, f"Album {album}",
                             rng.choice(PLAYLISTS), rng.choice(["pop", "rock", "jazz"]),
                             *features])
    return path


def recall_at_10(reference: np.ndarray, found: np.ndarray) -> float:
    return float(np.mean([len(np.intersect1d(a[:10], b[:10])) / 10
                          for a, b in zip(reference, found)]))


@pytest.fixture(scope="module")
def spark():
    with spark_session("local[2]") as session:
        yield session


@pytest.fixture(scope="module")
def catalog_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_random_catalog(tmp_path_factory.mktemp("spark") / "catalog.csv", ROWS)


def assert_same_model(local, distributed) -> None:
    assert [t.id for t in distributed.tracks] == [t.id for t in local.tracks]
    np.testing.assert_allclose(distributed.vectors, local.vectors, atol=1e-5)
    for a, b in zip(local.profiles, distributed.profiles):
        np.testing.assert_allclose(b.scores, a.scores, atol=1e-6)
        assert (b.valence, b.arousal) == pytest.approx((a.valence, a.arousal), abs=1e-6)
    assert recall_at_10(local.neighbours, distributed.neighbours) >= 0.99
    assert distributed.neighbours.shape == local.neighbours.shape
    np.testing.assert_allclose(distributed.hubs, local.hubs, atol=1e-5)
    np.testing.assert_allclose(distributed.fitted.centre, local.fitted.centre, atol=1e-9)
    np.testing.assert_allclose(distributed.fitted.scaler.scale_, local.fitted.scaler.scale_)
    assert distributed.meta["dim"] == local.meta["dim"]
    assert distributed.meta["engine"]["name"] == "spark"


def test_the_spark_build_gives_the_single_machine_model(spark, catalog_file):
    local = build(load_catalog([catalog_file]), k=30)
    distributed = spark_build(load_catalog([catalog_file]), session=spark, k=30)
    assert_same_model(local, distributed)
    assert distributed.meta["neighbours"] == {"method": "exact", "recall_at_10": 1.0}
    assert distributed.meta["engine"]["partitions"] > 1


@pytest.mark.skipif(not TIDY.exists(), reason="training the feel model needs ../shared/data")
def test_the_spark_build_places_tracks_in_the_feel_space_as_one_machine(spark, catalog_file,
                                                                         tmp_path):
    train_default_model(TIDY, SHARED / "moods" / "deezer").save(tmp_path / "feel.npz")
    feel = FeelModel.load(tmp_path / "feel.npz")
    local = build(load_catalog([catalog_file]), k=30, feel_model=feel)
    distributed = spark_build(load_catalog([catalog_file]), session=spark, k=30,
                              feel_model=feel)
    assert_same_model(local, distributed)  # albums share a prior: none was split
    np.testing.assert_allclose(distributed.coords, local.coords, atol=1e-6)


def test_sharded_approximate_indexes_keep_recall(spark, catalog_file):
    exact = build(load_catalog([catalog_file]), k=20)
    sharded = spark_build(load_catalog([catalog_file]), session=spark, k=20,
                          ann_threshold=1000, parts=2)
    assert sharded.meta["neighbours"]["method"] == "sharded-ivf"
    assert sharded.meta["neighbours"]["recall_at_10"] >= 0.9
    np.testing.assert_allclose(sharded.vectors, exact.vectors, atol=1e-5)


def test_cli_spark_build_is_served(spark, catalog_file, runner):
    code, out, err = runner("build", "--catalog", str(catalog_file), "--engine", "spark",
                            "--master", "local[2]", "--k", "20")
    assert code == 0, err
    assert f"{ROWS} tracks" in out and "neighbours: exact search" in out
    code, out, err = runner("recommend", "t000042", "--json", "--limit", "5")
    assert code == 0, err
    body = json.loads(out)
    assert body["seed"]["id"] == "t000042" and len(body["results"]) == 5
    assert spark.sparkContext.parallelize([1]).count() == 1  # the shared session lives on


def test_cli_spark_build_refuses_reviews_in_one_line(catalog_file, runner, tmp_path):
    reviews = tmp_path / "reviews.jsonl"
    reviews.write_text(json.dumps({"text": "a sad song", "track": "Song 1"}) + "\n")
    code, _, err = runner("build", "--catalog", str(catalog_file), "--reviews",
                            str(reviews), "--engine", "spark")
    assert code == 2
    assert err.strip().splitlines()[-1] == (
        "error: the spark engine does not read reviews yet; build with --engine local")
    assert "Traceback" not in err


def test_cli_without_pyspark_says_so_in_one_line(catalog_file, runner, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyspark.sql", None)  # as if it were not installed
    code, _, err = runner("build", "--catalog", str(catalog_file), "--engine", "spark")
    assert code != 0
    assert err.strip().splitlines()[-1] == \
        "error: the spark engine needs pyspark: pip install 'feelalike[spark]'"
    assert "Traceback" not in err


def test_cli_without_java_says_so_in_one_line(catalog_file, env, tmp_path):
    environment = {**os.environ, **env, "PATH": str(tmp_path)}  # no java on it
    environment.pop("JAVA_HOME", None)
    done = subprocess.run([sys.executable, "-m", "service.cli", "build", "--catalog",
                           str(catalog_file), "--engine", "spark"], cwd=ROOT,
                          env=environment, capture_output=True, text=True, timeout=120,
                          check=False)
    assert done.returncode != 0
    assert done.stderr.strip().splitlines()[-1].startswith(
        "error: the spark engine needs Java 17 or later")
    assert "Traceback" not in done.stderr


def test_unknown_engine_is_a_usage_error(catalog_file, runner):
    code, _, err = runner("build", "--catalog", str(catalog_file), "--engine", "hadoop")
    assert code == 2 and "hadoop" in err


def test_a_spark_rebuild_under_load_loses_no_request(spark, catalog_file, store, env):
    """Serving goes on, answer by answer from one version, while a Spark build publishes."""
    old_version = store.publish(build(load_catalog([catalog_file]), k=30))
    server = Server(env).start()
    url = "/v1/recommendations?seed=t000042&limit=8"
    try:
        old_body = server.get(url).json()
        responses: list[tuple[int, dict]] = []
        stop = threading.Event()

        def hammer() -> None:
            deadline = time.monotonic() + 300  # bounded: stops by itself
            while not stop.is_set() and time.monotonic() < deadline:
                r = server.get(url)
                responses.append((r.status_code, r.json()))
                time.sleep(0.01)

        threads = [threading.Thread(target=hammer) for _ in range(3)]
        for t in threads:
            t.start()
        new_version = store.publish(spark_build(load_catalog([catalog_file]), session=spark,
                                                k=20))
        time.sleep(0.3)
        new_body = server.get(url).json()
        stop.set()
        for t in threads:
            t.join()
    finally:
        server.stop()
    assert new_body["model_version"] == new_version != old_version
    assert all(status == 200 for status, _ in responses)
    assert {body["model_version"] for _, body in responses} == {old_version, new_version}
    for _, body in responses:
        assert body == (old_body if body["model_version"] == old_version else new_body)
