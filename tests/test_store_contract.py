"""The model store's contract, kept on a single Redis server and on a real three-node
Redis Cluster alike (``any_store`` runs each test on both), and the API over a cluster."""
from __future__ import annotations

import json

import numpy as np
import pytest
import redis
from redis.crc import key_slot

from models.build import build
from models.errors import ConfigError, TrackNotFound
from models.ingest import Catalog, id_keys
from models.ranking import title_arrays, title_arrays_from_bytes, title_source
from service import create_app
from service.resources import Resources
from service.settings import SERVING_SETTINGS
from service.store import (ModelNotReady, ModelStore, Relocation, Updater, connect,
                           track_document)
from service.store.codec import BUCKET, document_json, stored_json
from service.store.errors import UpdateConflict
from service.store.upkeep import VERSION_KEYS

from .fixtures import isrc, make_track

TRACKS = 2 * BUCKET + 5  # three buckets, the last one partly filled


def catalog(n: int = TRACKS, first: int = 0) -> Catalog:
    return Catalog(tracks=[make_track(i, external_ids={"isrc": isrc(i)})
                           for i in range(first, first + n)])


@pytest.fixture()
def built():
    return build(catalog(), k=10)


@pytest.fixture()
def live(any_store: ModelStore, built) -> str:
    return any_store.publish(built)


def slots(store: ModelStore, version: str) -> set[int]:
    return {key_slot(store.key_for(name, version=version).encode()) for name in VERSION_KEYS}


def test_every_kind_of_data_reads_back_exactly(any_store, built, live):
    store = any_store
    assert store.current_version() == live and store.meta(live)["tracks"] == TRACKS
    rows = [0, BUCKET - 1, BUCKET, TRACKS - 1, 3]
    expected = [track_document(built.tracks[r], built.profiles[r],
                               built.related[r] if r < len(built.related) else [])
                for r in rows]
    got = store.tracks(live, rows)  # stored without what the track table holds
    assert [document_json(d) for d in got] == [stored_json(d) for d in expected]
    for row in rows:
        found, scores = store.neighbours(live, row)
        assert np.array_equal(found, built.neighbours[row])
        assert np.array_equal(scores, built.scores[row].astype(np.float32))  # bit for bit
        assert found.dtype == np.int32 and scores.dtype == np.float32
    assert np.array_equal(store.vectors(live, [2, 0]), built.vectors[[2, 0]].astype(np.float32))
    assert store.titles(live)[4] == [built.tracks[4].title, built.tracks[4].artist,
                                     built.tracks[4].popularity or 0.0]
    table = store.table(live)
    assert table.ids == [t.id for t in built.tracks] and len(table) == TRACKS
    with pytest.raises(ModelNotReady):
        store.tracks(live, [TRACKS])


def test_lookups_by_track_id_and_external_id(any_store, built, live):
    ids = [built.tracks[r].id for r in (5, 0, TRACKS - 1)] + ["nope"]
    keys = [id_keys(built.tracks[r].external_ids)[0] for r in (7, 1)] + ["isrc:XX0000000000"]
    by_id, by_key = any_store.rows_of(live, ids, keys)
    assert by_id == [5, 0, TRACKS - 1, None] and by_key == [7, 1, None]
    assert any_store.rows_of(live, [], []) == ([], [])
    assert any_store.row_of(live, built.tracks[9].id) == 9


def test_keys_carry_one_hash_tag_per_version_and_one_for_control(any_store, live):
    store = any_store
    assert len(slots(store, live)) == 1
    control = {key_slot(store.key_for(n).encode()) for n in ("current", "versions", "pending")}
    assert len(control) == 1
    keys = {k.decode() for k in store.client.scan_iter(match=store.key_pattern())}
    assert store.key_for("docs", version=live) in keys and store.key_for("current") in keys
    for key in keys:
        assert key.startswith(("{" + store.prefix + ":v:" + live + "}:",
                               "{" + store.prefix + "}:"))


def test_a_flip_that_lost_the_race_changes_nothing(any_store, live):
    newer = build(catalog(TRACKS + 1), k=10)
    newer.meta["version"] = live + "-next"
    version = any_store.publish(newer)
    other = build(catalog(TRACKS + 2), k=10)
    other.meta["version"] = live + "-other"
    any_store.register(other.meta["version"])
    any_store.client.set(any_store.key_for("meta", version=other.meta["version"]),
                         json.dumps(other.meta))
    with pytest.raises(UpdateConflict):
        any_store.activate(other.meta["version"], expect=live)
    assert any_store.current_version() == version


def test_old_versions_expire_and_the_live_one_is_permanent(any_store, live):
    newer = build(catalog(TRACKS + 1), k=10)
    newer.meta["version"] = live + "-next"
    version = any_store.publish(newer)
    for name in ("meta", "docs", "neighbours", "rows", "ids", "vectors", "table"):
        assert 0 < any_store.client.ttl(any_store.key_for(name, version=live)) <= 60, name
        assert any_store.client.ttl(any_store.key_for(name, version=version)) == -1, name
    assert any_store.tracks(live, [0])  # readable through the grace period


def test_the_sweep_deletes_late_versions_and_dates_leftovers(any_store, live):
    store = any_store
    store.register("v-killed")
    store.client.hset(store.key_for("docs", version="v-killed"), "0", b"x")
    store.client.hset(store.key_for("docs", version="v-stray"), "0", b"x")
    store.clock = lambda: 1e12  # every deadline has passed
    assert store.sweep() == ["v-killed"]
    assert not store.client.exists(store.key_for("docs", version="v-killed"))
    assert 0 < store.client.ttl(store.key_for("docs", version="v-stray")) <= 60
    assert store.client.ttl(store.key_for("docs", version=live)) == -1


def test_the_response_cache_keeps_the_newest_entries(any_store, live):
    for digest in "abcd":
        any_store.cache(live, digest, f'{{"{digest}":1}}'.encode())
    assert any_store.cached(live, "a") is None  # evicted: three entries at most
    assert any_store.cached(live, "d") == b'{"d":1}'


def test_updates_add_and_remove_tracks(any_store, live):
    store = any_store
    result = Updater(store).add(catalog(2, first=1000).tracks)
    version = store.current_version()
    assert result.version == version != live and store.meta(version)["tracks"] == TRACKS + 2
    row = store.row_of(version, "trk1001")
    assert row == TRACKS + 1 and store.tracks(version, [row])[0]["id"] == "trk1001"
    assert store.rows_of(version, [], [f"isrc:{isrc(1000)}"])[1] == [TRACKS]
    assert len(store.neighbours(version, row)[0]) == 10
    Updater(store).remove(["trk3", "trk1000"])
    version = store.current_version()
    assert store.row_of(version, "trk3") is None
    assert store.rows_of(version, [], [f"isrc:{isrc(1000)}", f"isrc:{isrc(4)}"])[1] == \
        [None, 4]
    table = store.table(version)
    for track_id in ("trk1001", "trk0", f"trk{TRACKS - 1}"):
        row = store.row_of(version, track_id)
        assert store.tracks(version, [row])[0]["id"] == track_id == table.ids[row]
    for row in range(len(table)):
        found = store.neighbours(version, row)[0]
        assert ((found >= 0) & (found < len(table)) & (found != row)).all()
    assert store.row_of(live, "trk3") == 3  # the old version is as it was


def test_moved_files_change_paths_and_nothing_else(any_store, live):
    """Two files swap names, a third moves: each path names its own track afterwards,
    and the vectors and neighbour lists are the live version's."""
    store = any_store
    Updater(store).add([make_track(2000 + i, external_ids={"path": f"A/{i}.flac"})
                        for i in range(3)])
    base = store.current_version()
    result = Relocation(store).move({"trk2000": "A/1.flac", "trk2001": "A/0.flac",
                                     "trk2002": "B/two.flac"})
    version = store.current_version()
    assert result.version == version != base and result.tracks == TRACKS + 3
    keys = ["path:A/0.flac", "path:A/1.flac", "path:B/two.flac", "path:A/2.flac"]
    rows = store.rows_of(version, [], keys)[1]
    assert [store.tracks(version, [r])[0]["id"] if r is not None else None
            for r in rows] == ["trk2001", "trk2000", "trk2002", None]
    assert store.tracks(version, [rows[2]])[0]["external_ids"] == {"path": "B/two.flac"}
    assert store.rows_of(base, [], ["path:A/2.flac"])[1] == [rows[2]]  # base as it was
    for row in (0, rows[0], rows[2]):
        assert np.array_equal(store.neighbours(version, row)[0],
                              store.neighbours(base, row)[0])
    assert np.array_equal(store.all_vectors(version), store.all_vectors(base))
    with pytest.raises(TrackNotFound):
        Relocation(store).move({"no-such-track": "C/x.flac"})
    assert store.current_version() == version


def test_connect_picks_the_cluster_client_by_itself(redis_cluster, redis_server):
    assert isinstance(connect(redis_cluster.url, cluster="auto"), redis.RedisCluster)
    assert not isinstance(connect(redis_server.url, cluster="auto"), redis.RedisCluster)
    assert isinstance(connect(redis_cluster.url, cluster="on"), redis.RedisCluster)


def test_the_cluster_setting_takes_auto_on_or_off():
    setting = next(s for s in SERVING_SETTINGS if s.name == "REDIS_CLUSTER")
    assert setting.read({}) == "auto" and setting.read({"FEELALIKE_REDIS_CLUSTER": "ON"}) == "on"
    with pytest.raises(ConfigError, match="FEELALIKE_REDIS_CLUSTER"):
        setting.read({"FEELALIKE_REDIS_CLUSTER": "maybe"})


def test_the_api_answers_the_same_from_a_cluster(redis_cluster, redis_server, prefix,
                                                 env, small_catalog):
    built = build(small_catalog, k=20)
    bodies = []
    for client in (redis.RedisCluster.from_url(redis_cluster.url),
                   redis.Redis.from_url(redis_server.url)):
        store = ModelStore(client, prefix=prefix + "-api")
        store.publish(built)
        app = create_app({"TESTING": True, "RESOURCES": Resources(store)})
        answer = app.test_client().get("/v1/recommendations?seed=trk3&limit=5")
        assert answer.status_code == 200
        bodies.append(answer.data)
    assert bodies[0] == bodies[1]
    assert [t["id"] for t in json.loads(bodies[0])["results"]]


def test_rate_limits_count_on_a_cluster(redis_cluster, prefix, env, small_catalog):
    store = ModelStore(redis.RedisCluster.from_url(redis_cluster.url), prefix=prefix)
    store.publish(build(small_catalog, k=5))
    app = create_app({"TESTING": True, "RESOURCES": Resources(store),
                      "RATE_LIMIT": "2/minute"})
    client = app.test_client()
    codes = [client.get("/v1/recommendations?seed=trk3&limit=2").status_code
             for _ in range(3)]
    assert codes == [200, 200, 429]


def test_a_renamed_file_takes_its_new_name_and_song(any_store, live):
    """A file called by its name (no title tag) and renamed: its move gives it the new
    title and artist everywhere a title is read, and the song of that name (one version
    per song in a ranking) as a build would; the old version keeps the old name."""
    store = any_store
    Relocation(store).move({"trk2": "Artist 5 - Song 5 (Live).flac"},
                           {"trk2": ("Song 5 (Live)", "Artist 5")})
    version = store.current_version()
    table, row = store.table(version), store.row_of(version, "trk2")
    assert (table.titles[row], table.artists[row]) == ("Song 5 (Live)", "Artist 5")
    assert table.song_keys[row] == table.song_keys[store.row_of(version, "trk5")]
    assert store.titles(version)[row][:2] == ["Song 5 (Live)", "Artist 5"]
    assert store.tracks(version, [row])[0]["title"] == "Song 5 (Live)"
    assert store.table(live).titles[store.row_of(live, "trk2")] == "Song 2"


def served_titles(store: ModelStore, version: str) -> dict | None:
    """The title arrays ``version`` holds, if they are those of its titles and albums
    (else a worker serving it makes them anew on its first request)."""
    return title_arrays_from_bytes(store.raw(version, "title_arrays", required=False),
                                   title_source(json.dumps(store.titles(version)).encode(),
                                                store.table(version).albums))


def test_updates_publish_the_title_arrays_a_build_would(any_store, live, env):
    """An add, a removal and the rename of a file each publish a version with the title
    index's arrays made for its titles, and a search of it finds what it holds."""
    store = any_store
    Updater(store).add([make_track(3000, title="Zanzibar Moonlight", album="Nights")])
    added = store.current_version()
    Updater(store).remove(["trk7"])
    removed = store.current_version()
    Relocation(store).move({"trk2": "Artist 5 - Harbour Lights.flac"},
                           {"trk2": ("Harbour Lights", "Artist 5")})
    renamed = store.current_version()
    for version in (added, removed, renamed):
        titles, albums = store.titles(version), store.table(version).albums
        stored = served_titles(store, version)
        assert stored is not None, version
        made = title_arrays([t[0] for t in titles], [t[1] for t in titles],
                            [t[2] for t in titles], albums)
        assert all(np.array_equal(stored[name], made[name]) for name in made)
    client = create_app({"TESTING": True, "RESOURCES": Resources(store)}).test_client()

    def found(query: str) -> list[tuple[str, str]]:
        answer = client.get("/v1/tracks", query_string={"q": query, "limit": 5})
        assert answer.status_code == 200
        return [(t["id"], t["title"]) for t in answer.get_json()["results"]]

    assert found("Zanzibar Moonlight")[0] == ("trk3000", "Zanzibar Moonlight")
    assert ("trk7", "Song 7") not in found("Song 7")
    assert found("Harbour Lights")[0] == ("trk2", "Harbour Lights")
    assert ("trk2", "Song 2") not in found("Song 2")
