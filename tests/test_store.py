"""The Redis model store against a real (private) redis-server."""
from __future__ import annotations

import json

import numpy as np
import pytest
import redis

from models.build import build
from models.ingest import Catalog
from service.store import (
    ModelNotReady,
    ModelStore,
    StoreCorrupt,
    StoreUnavailable,
    decode_neighbours,
    encode_neighbours,
)
from service.store.codec import pack_lists, unpack_documents, unpack_lists
from service.store.upkeep import OVERTAKEN_FLOOR_SECONDS, OVERTAKEN_SECONDS

from .fixtures import make_track
from .redis_server import RedisServer


def test_every_key_lives_under_the_prefix(store, published):
    keys = {k.decode() for k in store.client.scan_iter(store.key_pattern())}
    assert store.key_for("current") in keys
    assert store.key_for("meta", version=published) in keys
    assert all(k.startswith("{" + store.prefix) for k in keys)


def test_round_trip_without_pickle(store, published, small_catalog):
    meta = json.loads(store.client.get(store.key_for("meta", version=published)))
    assert meta["tracks"] == len(small_catalog.tracks)
    rows, scores = store.neighbours(published, 0)
    assert rows.dtype == np.int32 and scores.dtype == np.float32
    assert 0 not in rows and len(rows) == meta["k"]
    assert np.all(np.diff(scores) <= 1e-6)
    vectors = store.vectors(published, [0, 3])
    assert vectors.shape == (2, meta["dim"]) and np.isfinite(vectors).all()
    assert store.tracks(published, [0])[0]["id"] == small_catalog.tracks[0].id


def test_arrays_written_in_many_segments_read_back_whole(store, small_catalog, monkeypatch):
    """Publish packs each whole-catalog array a run of values at a time (bounded memory
    at a million tracks): the runs, in order, must give back exactly the arrays built."""
    from service.store import writes

    built = build(small_catalog, k=20)
    monkeypatch.setattr(writes, "SEGMENT_VALUES", 37)  # not a multiple of a row
    version = store.publish(built)
    assert store.client.hlen(store.key_for("vectors", version=version)) > 3
    n = len(small_catalog.tracks)
    assert np.array_equal(store.vectors(version, range(n)), built.vectors)
    assert np.array_equal(store.table(version).numbers, built.table().numbers,
                          equal_nan=True)


def test_neighbour_encoding_round_trips():
    rows, scores = np.array([3, 1, 2], np.int32), np.array([0.9, 0.5, 0.25], np.float32)
    got_rows, got_scores = decode_neighbours(encode_neighbours(rows, scores))
    assert got_rows.tolist() == [3, 1, 2] and np.array_equal(got_scores, scores)


def test_current_flips_only_after_the_new_version_is_complete(store, published, small_catalog,
                                                              monkeypatch):
    built = build(small_catalog, k=5)
    built.meta["version"] = "v-broken"

    def fail(*args, **kwargs):
        raise redis.ConnectionError("gone mid-write")

    monkeypatch.setattr(store, "_write_arrays", fail)
    with pytest.raises(StoreUnavailable):
        store.publish(built)
    assert store.current_version() == published
    assert store.tracks(published, [0])[0]["id"] == small_catalog.tracks[0].id


def test_old_versions_expire_after_the_grace_period(store, published, small_catalog):
    assert store.client.ttl(store.key_for("meta", version=published)) == -1
    small_catalog.tracks.append(make_track(500))
    newer = store.publish(build(small_catalog, k=5))
    assert store.current_version() == newer
    for key in ("meta", "docs", "rows", "neighbours", "vectors", "titles"):
        ttl = store.client.ttl(store.key_for(key, version=published))
        assert 0 < ttl <= store.grace_seconds, key
        assert store.client.ttl(store.key_for(key, version=newer)) == -1
    # the old version stays readable during the grace period
    assert store.tracks(published, [0])


def test_no_model_yet(store):
    with pytest.raises(ModelNotReady):
        store.current_version()


def test_redis_going_away_raises_store_unavailable(tmp_path):
    server = RedisServer(tmp_path).start()
    store = ModelStore(redis.Redis.from_url(server.url, socket_timeout=2), prefix="gone")
    version = store.publish(build(Catalog([make_track(i) for i in range(6)]), k=3))
    assert store.current_version() == version
    server.stop()
    with pytest.raises(StoreUnavailable):
        store.current_version()


def test_neighbour_buckets_round_trip_bit_for_bit():
    rng = np.random.default_rng(1)
    lists = [(rng.integers(0, 2**31 - 1, k).astype(np.int32),
              rng.normal(0, 2, k).astype(np.float32)) for k in (5, 0, 1, 100)]
    lists.append((np.array([7, 8], np.int32), np.array([np.inf, -0.0], np.float32)))
    for (rows, scores), (got_rows, got_scores) in zip(lists, unpack_lists(pack_lists(lists))):
        assert np.array_equal(rows, got_rows)
        assert scores.tobytes() == got_scores.tobytes()  # unsorted, negative, inf, -0.0


def test_unreadable_buckets_are_store_corrupt():
    with pytest.raises(StoreCorrupt):
        unpack_lists(b"not deflated")
    with pytest.raises(StoreCorrupt):
        unpack_documents(b"not deflated", b"dictionary")


def test_versions_overtaken_by_updates_are_kept_only_for_requests_in_flight(
        redis_client, prefix, small_catalog):
    """Each update publishes a whole version: a self-hoster adding tracks one by one kept
    a full copy of every one for the grace period (888 MB of Redis after 25 updates)."""
    store = ModelStore(redis_client, prefix=prefix, grace_seconds=3600, cache_seconds=60)
    versions = [store.publish(build(small_catalog, k=5))]
    clock = store.clock
    store.clock = lambda: clock() + 7200  # the build was live for longer than the grace period
    for extra in range(5):
        small_catalog.tracks.append(make_track(600 + extra))
        versions.append(store.publish(build(small_catalog, k=5)))
    *oldest, kept_a, kept_b, previous, live = versions

    def ttls(version: str) -> set[int]:
        return {store.client.ttl(store.key_for(key, version=version))
                for key in ("meta", "docs", "neighbours", "vectors")}

    assert ttls(live) == {-1}
    assert min(ttls(previous)) > OVERTAKEN_SECONDS  # the full grace period
    for version in (kept_a, kept_b):
        assert all(OVERTAKEN_FLOOR_SECONDS < t <= OVERTAKEN_SECONDS for t in ttls(version))
        assert store.tracks(version, [0])  # still readable by requests in flight
    for version in oldest:
        assert all(0 < t <= OVERTAKEN_FLOOR_SECONDS for t in ttls(version)), version
