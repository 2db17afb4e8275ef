"""Approximate neighbours above FEELALIKE_ANN_THRESHOLD: valid lists, measured recall,
and the exact search unchanged below the threshold."""
from __future__ import annotations

import numpy as np
import pytest

from models.build import NeighbourModel, build, reduce_hubs
from models.ingest import Catalog

from .fixtures import make_track


def clustered(n: int = 800, dim: int = 12, seed: int = 5) -> np.ndarray:
    """An easy set: points around 40 centres."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(40, dim))
    return (centres[rng.integers(0, 40, n)] + 0.3 * rng.normal(size=(n, dim))).astype(np.float32)


def brute_force(vectors: np.ndarray, k: int) -> np.ndarray:
    unit = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    sims = unit @ unit.T
    np.fill_diagonal(sims, -np.inf)
    return np.argsort(-sims, axis=1, kind="stable")[:, :k]


@pytest.mark.parametrize("hubness", [0.0, 0.5])
def test_above_the_threshold_lists_are_valid_and_recall_is_measured(hubness):
    vectors = clustered()
    model = NeighbourModel(k=30, hubness=hubness, ann_threshold=100).fit(vectors)
    assert model.method_ == "ivf"
    assert model.neighbours_.shape == (800, 30) and model.scores_.shape == (800, 30)
    assert model.neighbours_.min() >= 0 and model.neighbours_.max() < 800
    for row, listed in enumerate(model.neighbours_):
        assert row not in listed and len(set(listed)) == 30
        assert np.all(np.diff(model.scores_[row]) <= 1e-6)
    assert 0.9 <= model.recall_ <= 1.0
    assert model.summary == {"method": "ivf", "recall_at_10": round(model.recall_, 4)}


def test_hub_reduction_ranks_approximate_candidates_as_it_ranks_exact_ones():
    vectors = clustered(seed=8)
    exact = NeighbourModel(k=30).fit(vectors)
    approx = NeighbourModel(k=30, ann_threshold=100).fit(vectors)
    same = np.mean([len(np.intersect1d(a[:10], e[:10])) / 10
                    for a, e in zip(approx.neighbours_, exact.neighbours_)])
    assert same >= 0.9
    assert np.allclose(approx.hubs_, exact.hubs_, atol=0.02)


def test_below_the_threshold_the_search_is_exact_and_unchanged():
    vectors = clustered(n=300)
    model = NeighbourModel(k=20, hubness=0.0).fit(vectors)
    assert model.method_ == "exact" and model.recall_ == 1.0
    assert np.array_equal(model.neighbours_[:, 0], brute_force(vectors, 1)[:, 0])
    at_threshold = NeighbourModel(k=20, hubness=0.0, ann_threshold=300).fit(vectors)
    assert np.array_equal(at_threshold.neighbours_, model.neighbours_)
    assert np.array_equal(at_threshold.scores_, model.scores_)


def test_the_build_stores_how_neighbours_were_found():
    catalog = Catalog([make_track(i) for i in range(60)])
    assert build(catalog, k=10).meta["neighbours"] == {"method": "exact", "recall_at_10": 1.0}
    approx = build(catalog, k=10, ann_threshold=20).meta["neighbours"]
    assert approx["method"] == "ivf" and approx["recall_at_10"] >= 0.9


def test_feelalike_build_prints_the_method_and_recall(runner, monkeypatch, tmp_path):
    from .fixtures import write_catalog

    catalog = str(write_catalog(tmp_path))
    code, out, err = runner("build", "--catalog", catalog)
    assert code == 0, err
    assert "neighbours: exact search" in out
    monkeypatch.setenv("FEELALIKE_ANN_THRESHOLD", "5")
    code, out, err = runner("build", "--catalog", catalog)
    assert code == 0, err
    line = next(x for x in out.splitlines() if x.startswith("neighbours:"))
    assert line.startswith("neighbours: approximate (ivf), recall@10 ")
    assert 0.9 <= float(line.split("recall@10 ")[1].split()[0]) <= 1.0


@pytest.mark.parametrize("value, kind", [("lots", "whole number >= 0"),
                                         ("-5", "whole number >= 0"),
                                         ("1.5", "whole number >= 0")])
def test_a_bad_threshold_is_one_line(runner, monkeypatch, tmp_path, value, kind):
    from .fixtures import write_catalog

    monkeypatch.setenv("FEELALIKE_ANN_THRESHOLD", value)
    code, out, err = runner("build", "--catalog", str(write_catalog(tmp_path)))
    assert code == 1 and out == "" and err.count("error:") == 1
    assert err.endswith(f"error: setting FEELALIKE_ANN_THRESHOLD={value!r} is not a valid "
                        f"{kind}\n")


def test_hub_reduction_in_blocks_and_in_place_gives_the_same_lists():
    rng = np.random.default_rng(3)
    n, k = 200, 12
    rows = np.stack([rng.permutation(n)[:k] for _ in range(n)]).astype(np.int32)
    scores = -np.sort(-rng.random((n, k)), axis=1).astype(np.float32)
    whole = reduce_hubs(rows, scores, 0.5)
    blocks = reduce_hubs(rows, scores, 0.5, block=7)
    rows_copy, scores_copy = rows.copy(), scores.copy()
    in_place = reduce_hubs(rows_copy, scores_copy, 0.5, inplace=True, block=7)
    for got in (blocks, in_place):
        np.testing.assert_array_equal(got[0], whole[0])
        np.testing.assert_array_equal(got[1], whole[1])
    assert in_place[0] is rows_copy and in_place[1] is scores_copy
    assert not np.array_equal(whole[0], rows)  # the re-ranking did change some lists


def test_hub_reduction_keeps_a_tight_groups_scores_apart_and_below_one():
    """Raised by the hub discount and clipped at 1, the three nearest pieces of the "Her"
    score all read 1.000 for Loneliness #3, as if identical to it and to each other."""
    rows = np.array([[1, 2, 3], [0, 2, 3], [0, 1, 3], [0, 1, 2]], dtype=np.int32)
    scores = np.array([[0.99, 0.97, 0.50], [0.99, 0.96, 0.40],
                       [0.97, 0.96, 0.45], [0.50, 0.40, 0.45]], dtype=np.float32)
    radius = np.array([0.2, 0.2, 0.2, 0.9], dtype=np.float32)  # row 3 is a hub
    got_rows, got = reduce_hubs(rows, scores, 0.5, radius=radius)
    np.testing.assert_array_equal(got_rows[0], [1, 2, 3])  # the order of the discount
    np.testing.assert_allclose(got[0], [0.99, 0.97, 0.15], atol=1e-6)  # gaps kept
    assert np.all(np.diff(got, axis=1) < 0) and np.all(got >= 0) and np.all(got < 1)
    high = np.array([[0.999, 0.98]], dtype=np.float32)
    even = np.array([0.5, 0.5], dtype=np.float32)  # a row not raised past 1 stays as it is
    np.testing.assert_array_equal(reduce_hubs(np.array([[0, 1]], np.int32), high, 0.5,
                                              radius=even)[1], high)


def test_a_list_just_past_one_moves_down_just_as_little():
    """Shifted to its raw best whenever it passed 1, a list's scores jumped (0.26 in a
    review's case) for a neighbour a hair closer."""
    rows = np.array([[1, 2]], dtype=np.int32)
    radius = np.array([0.5, 0.38, 0.5], dtype=np.float32)
    got = reduce_hubs(rows, np.array([[0.95, 0.5]], np.float32), 1.0, radius=radius)[1]
    np.testing.assert_allclose(got, [[0.97, 0.40]], atol=1e-6)  # 1.03 -> 1 - 0.03
