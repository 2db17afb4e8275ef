"""The per-version files of format 2 (integers as narrow as their values allow,
``numbers`` column-major, a row-major ``moods``) serve exactly what the in-memory
table serves; a folder written by format 1 is still read correctly, and a worker of
this code writes a folder of its own next to it.  An API worker does not import the
offline build (its import alone is about 90 MB of every worker's memory)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from models.build import build
from models.ingest import Catalog
from models.language import MOODS
from models.ranking import (
    Query,
    RankingEngine,
    TrackTable,
    VectorIndex,
    keep_penalty,
    relevance,
)
from service.resources import Resources
from service.store import ModelStore
from service.version_files import FORMAT, MANIFEST, VersionFiles

from .fixtures import ROOT, make_track, mapped_file
from .test_serving_arrays import random_table

QUERIES = [
    Query(seeds=[(3, 1.0), (11, 0.5)], exclude_tags={"party hits"}, limit=8),
    Query(moods={MOODS[0]: 1.0, MOODS[5]: 0.5}, limit=8),
    Query(seeds=[(2, 1.0)], moods={MOODS[3]: 1.0}, target_valence=0.2, limit=8),
    Query(targets={"tempo": 120.0, "energy": 0.4}, minimums={"year": 1990}, limit=8),
    Query(seeds=[(7, 1.0)], negative_seeds=[(1, 1.0)], maximums={"energy": 0.8},
          max_per_artist=1, diversity=0.3, limit=8),
]


@pytest.fixture()
def version(store: ModelStore) -> str:
    return store.publish(build(Catalog([make_track(i) for i in range(40)]), k=10))


def as_format_1(files: VersionFiles, store: ModelStore, version: str) -> Path:
    """The version's folder as the previous code wrote it: int64 offsets and row
    numbers, int32 codes, row-major ``numbers``, no ``moods``, no suffix, format 1."""
    new = files.write(store, version)
    old = files.root / version
    old.mkdir()
    names = []
    for path in new.glob("*.npy"):
        array = np.load(path, allow_pickle=False)
        if path.stem == "moods":
            continue
        if array.dtype.kind == "i":
            array = array.astype(np.int32 if path.stem.endswith(".codes") else np.int64)
        np.save(old / path.name, np.ascontiguousarray(array), allow_pickle=False)
        names.append(path.stem)
    (old / MANIFEST).write_text(json.dumps({"format": 1, "version": version,
                                            "arrays": sorted(names)}), encoding="utf-8")
    return old


def test_version_files_are_narrow_and_column_major(store: ModelStore, version, tmp_path):
    files = VersionFiles(tmp_path, store.prefix, ann_threshold=10)
    arrays = files.open(store, version)
    assert files.folder(version).name == f"{version}.f{FORMAT}"
    assert "titles.albums.offsets" in arrays  # a search reads the albums' words
    for name in ("ids.offsets", "tags.indptr", "tags.codes", "cells.order",
                 "titles.variant_rows"):
        assert arrays[name].dtype == np.int16, name  # 40 tracks: every value fits
    assert arrays["numbers"].flags.f_contiguous and arrays["moods"].flags.c_contiguous
    table = TrackTable.from_arrays(arrays)
    np.testing.assert_array_equal(table.moods, store.table(version).moods)
    assert [table.ids[r] for r in range(40)] == store.table(version).ids


def test_served_rankings_are_the_in_memory_table_s(store: ModelStore, version, tmp_path):
    res = Resources(store, VersionFiles(tmp_path, store.prefix, ann_threshold=10)).current()
    plain = store.table(version)  # Python lists and a row-major matrix
    keep_penalty(plain, *store.hub_discount(version))  # as the served table keeps it
    for query in QUERIES:
        served = res.engine.rank(query)
        exact = RankingEngine(plain, [VectorIndex(plain)]).rank(query)
        assert (served.rows, served.scores) == (exact.rows, exact.scores), query
        if not query.seeds or query.moods:
            np.testing.assert_array_equal(relevance(res.table, query)[0],
                                          relevance(plain, query)[0])


def test_mood_targets_sum_exactly_as_on_the_row_major_matrix():
    plain = random_table(20000)
    compact = plain.compact()
    assert compact.numbers.flags.f_contiguous
    for weights in ({"sad": 1.0}, {m: 1.0 + i for i, m in enumerate(MOODS)}):
        query = Query(moods=weights, target_arousal=0.3)
        np.testing.assert_array_equal(relevance(compact, query)[0], relevance(plain, query)[0])


def test_a_format_1_folder_is_read_as_before_and_a_new_one_written(
        store: ModelStore, version, tmp_path: Path):
    files = VersionFiles(tmp_path, store.prefix)
    old = as_format_1(files, store, version)
    from_old = TrackTable.from_arrays(VersionFiles.load(old))
    assert from_old.numbers.flags.c_contiguous and from_old.numbers.dtype == np.float32
    plain = store.table(version)
    for query in QUERIES:
        assert RankingEngine(from_old).rank(query).rows == RankingEngine(plain).rank(query).rows
    res = Resources(store, files).current()  # a worker of this code
    assert mapped_file(res.table.numbers).parent == files.folder(version) != old
    assert res.arrays["ids.offsets"].dtype == np.int16 and "moods" in res.arrays


def test_an_api_worker_does_not_import_the_offline_build():
    code = ("import sys, service.wsgi; print(sorted(m for m in ('models.build', "
            "'models.audio', 'sklearn', 'scipy') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, check=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.stdout.strip() == "[]"
