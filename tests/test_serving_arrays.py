"""Compact per-version arrays shared by workers, the vector index's candidates and the
prebuilt title index: each gives the answers the whole-catalog Python objects gave."""
from __future__ import annotations

import json
import threading
from pathlib import Path

import numpy as np
import pytest

from models.build import build
from models.ingest import Catalog
from models.language import TitleIndex
from models.ranking import (
    NUMERIC,
    POOL,
    Cells,
    ExactScan,
    Query,
    RankingEngine,
    TrackTable,
    VectorIndex,
    cell_arrays,
    title_arrays,
    title_arrays_from_bytes,
    title_arrays_to_bytes,
    title_source,
    title_index,
)
from service.resources import Resources
from service.store import ModelStore
from service.version_files import VersionFiles

from .fixtures import is_mapped, make_track, mapped_file

STRINGS = ("ids", "titles", "artists", "albums", "artist_keys", "song_keys", "tags")


def random_table(n: int = 20000, seed: int = 1) -> TrackTable:
    """A table with clustered vectors, a few tags and artists, and gaps in numbers."""
    rng = np.random.default_rng(seed)
    vectors = (rng.normal(size=(12, 8))[rng.integers(0, 12, n)]
               + 0.3 * rng.normal(size=(n, 8))).astype(np.float32)
    numbers = rng.uniform(0, 1, size=(n, len(NUMERIC))).astype(np.float32)
    numbers[rng.uniform(size=numbers.shape) < 0.05] = np.nan
    tags = [frozenset(t for t in ("rock", "jazz", "rare") if rng.uniform() <
                      {"rock": 0.5, "jazz": 0.3, "rare": 0.01}[t]) for _ in range(n)]
    artists = [f"artist {rng.integers(0, 300)}" for _ in range(n)]
    return TrackTable(ids=[f"t{i}" for i in range(n)], titles=[f"Song {i}" for i in range(n)],
                      artists=artists, albums=["Album"] * n, artist_keys=artists,
                      song_keys=[f"{a}\x00song {i % 19000}" for i, a in enumerate(artists)],
                      tags=tags, numbers=numbers, vectors=vectors)


def test_compact_table_round_trips_through_npy_files(tmp_path: Path):
    table = random_table(500)
    for name, array in table.to_arrays().items():
        np.save(tmp_path / f"{name}.npy", array, allow_pickle=False)
    mapped = TrackTable.from_arrays({p.stem: np.load(p, mmap_mode="r", allow_pickle=False)
                                     for p in tmp_path.glob("*.npy")})
    assert is_mapped(mapped.numbers)
    for name in STRINGS:
        assert list(getattr(mapped, name)) == list(getattr(table, name)), name
    np.testing.assert_array_equal(mapped.numbers, table.numbers)
    np.testing.assert_array_equal(mapped.unit_vectors, table.unit_vectors)
    some = np.array([499, 3, 3, 250, 0], dtype=np.int64)
    for tags in ({"rock"}, {"jazz", "rare"}, {"nothing"}, set()):
        np.testing.assert_array_equal(mapped.rows_with_tags(tags), table.rows_with_tags(tags))
        np.testing.assert_array_equal(mapped.rows_with_tags(tags, some),
                                      table.rows_with_tags(tags)[some])
        np.testing.assert_array_equal(mapped.rows_with_tags(tags, some[:0]), [])
    for artists in ({"artist 3"}, {"artist 3", "artist 299", "nobody"}):
        np.testing.assert_array_equal(mapped.rows_by_artists(artists),
                                      table.rows_by_artists(artists))
        np.testing.assert_array_equal(mapped.rows_by_artists(artists, some),
                                      table.rows_by_artists(artists)[some])
    assert mapped.artist_keys[7] == table.artist_keys[7] and mapped.tags[9] == table.tags[9]


def test_unicode_and_empty_strings_survive():
    table = random_table(3)
    table.titles = ["", "Café – “Ünïcode” 🎧", "x"]
    assert list(table.compact().titles) == table.titles


TABLE = random_table().compact()
RICH = [
    Query(seeds=[(3, 1.0), (40, 0.5)], limit=10),
    Query(seeds=[(3, 1.0)], negative_seeds=[(9, 1.0)], exclude_artists={"artist 1"}, limit=10),
    Query(seeds=[(5, 1.0)], include_tags={"jazz"}, minimums={"energy": 0.3}, limit=10),
    Query(seeds=[(5, 1.0)], exclude_tags={"rock"}, maximums={"tempo": 0.5},
          max_per_artist=1, diversity=0.3, limit=10),
    Query(seeds=[(8, 1.0)], include_rows=set(range(0, 20000, 3)), limit=10),
    Query(seeds=[(8, 1.0)], include_tags={"jazz"}, minimums={"energy": 0.5}, limit=10),
]


@pytest.mark.parametrize("query", RICH, ids=range(len(RICH)))
def test_vector_index_ranks_rich_queries_as_the_exact_scan(query: Query):
    table = TABLE
    exact = RankingEngine(table).rank(query)
    indexed = RankingEngine(table, [VectorIndex(table)]).rank(query)
    assert VectorIndex(table).candidates(query) is not None
    assert indexed.rows == exact.rows and indexed.scores == exact.scores


def test_selective_filters_fetch_more_then_fall_back_to_the_scan():
    table = TABLE
    index = VectorIndex(table)
    rare = Query(seeds=[(3, 1.0)], include_tags={"rare"}, limit=10)  # about 1% of rows
    assert index.candidates(rare) is None  # would need most of the catalog: declined
    assert RankingEngine(table, [index]).rank(rare).rows == RankingEngine(table).rank(rare).rows
    jazz = Query(seeds=[(3, 1.0)], include_tags={"jazz"}, minimums={"energy": 0.5}, limit=10)
    found = index.candidates(jazz)  # about 20% pass: more than 2 * POOL fetched
    assert found is not None and 2 * POOL < len(found.rows) < len(table)
    assert RankingEngine(table, [index]).rank(jazz).rows == RankingEngine(table).rank(jazz).rows


def test_vector_index_declines_what_it_cannot_rank_exactly():
    index = VectorIndex(random_table(100))
    for query in (Query(moods={"sad": 1.0}), Query(seeds=[(1, 1.0)], target_valence=0.5),
                  Query(targets={"tempo": 0.2})):
        assert index.candidates(query) is None
    assert isinstance(RankingEngine(random_table(100)).exact, ExactScan)


def test_a_temperature_draws_the_same_from_the_vector_index_as_from_the_scan():
    """Draws go by rank over the best POOL rows, which the index hands over."""
    table = random_table(3000)
    for seed in range(5):
        query = Query(seeds=[(seed, 1.0)], temperature=2.0, random_seed=seed, limit=20)
        via_index = RankingEngine(table, [VectorIndex(table)]).rank(query)
        assert via_index.rows == RankingEngine(table).rank(query).rows


def title_catalog() -> tuple[list[str], list[str], list[float]]:
    titles = ["Loneliness #3 (Night Talking)", "We're All Leaving", "Song - 2011 Remaster",
              "Song (Live)", "Café Olé feat. Someone", "Is It Me?", "Photograph",
              "Photograph", "The Moon Song"]
    artists = ["Arcade Fire", "Arcade Fire", "A", "B", "Ché", "Q", "Ed Sheeran", "Nickelback",
               "Karen O"]
    return titles, artists, [10.0, 5.0, 1.0, 90.0, 3.0, 4.0, 50.0, 60.0, 0.0]


@pytest.mark.parametrize("text", ["Loneliness #3", "we are all leaving", "song", "cafe ole",
                                  "Photograph - Ed Sheeran", "Photograph by Nickelback",
                                  "photgraph", "moon", "Is It Me", "zzzz", ""])
def test_prebuilt_title_index_answers_as_the_built_one(text: str):
    titles, artists, popularity = title_catalog()
    built = TitleIndex(titles, artists, popularity)
    prebuilt = title_index(title_arrays(titles, artists, popularity), titles, artists)
    assert prebuilt.resolve(text) == built.resolve(text)
    assert prebuilt.search(text, limit=5) == built.search(text, limit=5)


@pytest.fixture()
def two_versions(store: ModelStore) -> list[str]:
    tracks = [make_track(i) for i in range(30)]
    first = store.publish(build(Catalog(tracks), k=10))
    second = store.publish(build(Catalog(tracks[:25]), k=10), force=True)
    return [first, second]


def test_workers_share_one_copy_of_a_version(store: ModelStore, two_versions, tmp_path):
    root = tmp_path / "versions"
    one = Resources(store, VersionFiles(root, store.prefix)).current()
    two = Resources(store, VersionFiles(root, store.prefix)).current()  # another worker
    assert one.table.ids[3] == "trk3" and two.titles.resolve("Song 4") == 4
    files = {mapped_file(a) for a in (one.table.numbers, two.table.numbers)}
    assert len(files) == 1 and files.pop().parent == one.files.folder(two_versions[1])
    assert not [p for p in (root / store.prefix).iterdir() if p.name.startswith(".tmp")]


def test_racing_writers_leave_one_complete_folder(store: ModelStore, two_versions, tmp_path):
    files = VersionFiles(tmp_path, store.prefix)
    results, errors = [], []

    def write() -> None:
        try:
            results.append(files.write(store, two_versions[1]))
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=write) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors and len(set(results)) == 1
    assert [p for p in (tmp_path / store.prefix).iterdir() if p.is_dir()] \
        == [files.folder(two_versions[1])]
    assert len(files.load(results[0])["ids.offsets"]) == 26


def test_old_version_folders_are_removed(store: ModelStore, tmp_path: Path):
    files = VersionFiles(tmp_path, store.prefix, keep=2)
    stale = tmp_path / store.prefix / ".tmp-old"
    stale.mkdir(parents=True)
    import os
    os.utime(stale, (0, 0))
    versions = []
    for size in (20, 21, 22):
        versions.append(store.publish(build(Catalog([make_track(i) for i in range(size)]),
                                            k=5)))
        files.open(store, versions[-1])
    left = sorted(p for p in (tmp_path / store.prefix).iterdir() if p.is_dir())
    assert left == sorted(files.folder(v) for v in versions[1:])


def test_publish_prebuilds_the_title_index_and_stale_arrays_are_ignored(
        store: ModelStore, two_versions, tmp_path: Path):
    version = two_versions[1]
    titles = json.dumps(store.titles(version)).encode()
    raw = title_source(titles, store.table(version).albums)
    stored = store.raw(version, "title_arrays", required=False)
    prebuilt = title_arrays_from_bytes(stored, raw)
    assert prebuilt is not None and len(prebuilt["titles.norm_titles.offsets"]) == 26
    assert title_arrays_from_bytes(stored, raw + b" ") is None
    assert title_arrays_from_bytes(stored, titles) is None  # made before albums counted
    # as code of the first normal form ("P.Y.T." as "p y t") stamped them: not reused
    first_form = titles + b"\n" + json.dumps(list(store.table(version).albums)).encode()
    assert title_arrays_from_bytes(title_arrays_to_bytes(prebuilt, first_form), raw) is None
    assert title_arrays_from_bytes(None, raw) is None
    store.client.set(store.key_for("title_arrays", version=version),  # as an update leaves it
                     store.raw(two_versions[0], "title_arrays", required=False))
    res = Resources(store, VersionFiles(tmp_path, store.prefix)).current()
    assert len(res.arrays["titles.norm_titles.offsets"]) == 26  # computed from its titles
    assert res.titles.resolve("Song 24") == 24 and res.titles.resolve("Song 27") != 27


def test_cells_find_the_nearest_rows_of_large_catalogs():
    cells = Cells(cell_arrays(TABLE.unit_vectors, cells=100), min_cells=8)
    assert sorted(cells.order.tolist()) == list(range(len(TABLE)))
    index, exact = VectorIndex(TABLE, cells=cells), RankingEngine(TABLE)
    hits = 0
    for seed in range(0, 2000, 100):
        query = Query(seeds=[(seed, 1.0)], exclude_tags={"rock"}, limit=10)
        found = RankingEngine(TABLE, [index]).rank(query).rows
        assert len(found) == 10 and seed not in found
        hits += len(set(found) & set(exact.rank(query).rows))
    assert hits / 200 >= 0.9  # approximate: recall@10 against the exact scan


def test_versions_above_the_threshold_are_searched_by_cells(store: ModelStore, two_versions,
                                                            tmp_path: Path):
    res = Resources(store, VersionFiles(tmp_path, store.prefix, ann_threshold=10)).current()
    assert "cells.order" in res.arrays and res.engine.indexes[1].cells is not None
    ranking = res.engine.rank(Query(seeds=[(3, 1.0)], exclude_tags={"party hits"}, limit=5))
    assert ranking.rows and all("party hits" not in res.table.tags[r] for r in ranking.rows)


def test_a_child_process_writes_the_files_when_redis_has_a_url(
        store: ModelStore, two_versions, tmp_path: Path, redis_server):
    files = VersionFiles(tmp_path, store.prefix, redis_url=redis_server.url)
    assert files._write_in_child(two_versions[0])  # the child alone
    arrays = files.open(store, two_versions[1])
    assert len(arrays["ids.offsets"]) == 26 and is_mapped(arrays["unit"])
    broken = VersionFiles(tmp_path / "b", store.prefix, redis_url="redis://127.0.0.1:1/0")
    assert len(broken.open(store, two_versions[1])["ids.offsets"]) == 26  # falls back


def test_the_child_writer_reads_a_redis_cluster(redis_cluster, prefix, tmp_path: Path):
    import redis

    store = ModelStore(redis.RedisCluster.from_url(redis_cluster.url), prefix=prefix)
    version = store.publish(build(Catalog([make_track(i) for i in range(30)]), k=10))
    files = VersionFiles(tmp_path, prefix, redis_url=redis_cluster.url)
    assert files._write_in_child(version)  # the child, not the fallback, wrote them
    assert len(files.open(store, version)["ids.offsets"]) == 31
