"""The model store when publishers race or Redis misbehaves: the live model never
expires, two builds never share keys, a full Redis still answers (found by a review of
the store, each with the interleaving that showed it)."""
from __future__ import annotations

import threading

import pytest
import redis
from redis.exceptions import RedisClusterException

from models.build import build
from models.ingest import Catalog
from service.store import ModelStore, StoreUnavailable
from service.store.upkeep import VERSION_KEYS, guard

from .fixtures import make_track
from .redis_server import RedisServer


def _built(n: int):
    return build(Catalog([make_track(i) for i in range(n)]), k=5)


def _ttls(store: ModelStore, version: str) -> set[int]:
    return {store.client.ttl(store.key_for(k, version=version)) for k in VERSION_KEYS
            if store.client.exists(store.key_for(k, version=version))}


def test_the_live_version_never_counts_down_when_publishers_race(redis_client, prefix):
    """Build 1 flips to X; before its clean-up runs, build 2 flips to Y; build 1's
    clean-up must not give Y, now live, a time to live."""
    first = ModelStore(redis_client, prefix=prefix, grace_seconds=60)
    second = ModelStore(redis.Redis(connection_pool=redis_client.connection_pool),
                        prefix=prefix, grace_seconds=60)
    first.publish(_built(20))
    flipped, go = threading.Event(), threading.Event()
    real = first.expire_old

    def late_clean_up(keep):
        flipped.set()
        go.wait(10)
        return real(keep)

    first.expire_old = late_clean_up
    racing = threading.Thread(target=first.publish, args=(_built(21),))
    racing.start()
    assert flipped.wait(10)
    live = second.publish(_built(22))
    go.set()
    racing.join(10)
    assert second.current_version() == live
    assert _ttls(second, live) == {-1}


def test_a_version_made_live_under_anothers_clean_up_is_made_permanent(redis_client, prefix):
    """The other order: build 2's clean-up gives X a time to live after X made itself
    permanent and before X flipped; X's own clean-up must undo that."""
    store = ModelStore(redis_client, prefix=prefix, grace_seconds=60)
    store.publish(_built(20))
    real_persist = store.persist
    other = ModelStore(redis.Redis(connection_pool=redis_client.connection_pool),
                       prefix=prefix, grace_seconds=60)

    def persist_then_interleave(version):
        real_persist(version)
        if store.persist is not real_persist:  # once: another build's clean-up runs now
            store.persist = real_persist
            other.expire_old(keep="someone-else")

    store.persist = persist_then_interleave
    live = store.publish(_built(21))
    assert store.current_version() == live and _ttls(store, live) == {-1}


def test_two_builds_of_one_catalog_in_one_second_get_ids_of_their_own(store):
    built = _built(20)
    first = store.publish(built)
    again = store.publish(built)  # the same content and, very likely, the same second
    assert again != first and again.startswith(built.meta["version"])
    assert store.current_version() == again and _ttls(store, again) == {-1}
    assert store.meta(again)["version"] == again
    assert max(_ttls(store, first)) > 0  # the older one counts down, as any older one


def test_a_full_redis_still_answers_without_caching(tmp_path):
    server = RedisServer(tmp_path).start()
    try:
        client = redis.Redis.from_url(server.url)
        store = ModelStore(client, prefix="full", cache_seconds=60)
        version = store.publish(_built(10))
        client.config_set("maxmemory-policy", "noeviction")
        client.config_set("maxmemory", 1)  # every write is refused: OOM
        store.cache(version, "digest", b"{}")  # no error: the answer goes out uncached
        assert store.cached(version, "digest") is None
        assert store.current_version() == version  # reads still work
    finally:
        server.stop()


def test_a_cluster_with_no_node_left_is_unavailable_not_a_bug():
    @guard
    def read():
        raise RedisClusterException("Redis Cluster cannot be connected")

    with pytest.raises(StoreUnavailable):
        read()
