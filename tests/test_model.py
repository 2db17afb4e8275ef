"""Vectors and the nearest-neighbour model (shared contract, after implicit)."""
from __future__ import annotations

import numpy as np
import pytest

from models.build import NeighbourModel, build
from models.errors import CatalogError
from models.ingest import Catalog, Track

from .fixtures import make_track


def test_tracks_without_audio_or_reviews_get_finite_vectors():
    tracks = [make_track(i) for i in range(10)]
    tracks += [Track(id="bare", title="Nothing Known"),
               Track(id="words", title="Only Words", notes="lonely and eerie")]
    built = build(Catalog(tracks), k=5)
    assert built.vectors.dtype == np.float32 and np.isfinite(built.vectors).all()
    assert built.neighbours.shape == (12, 5) and np.isfinite(built.scores).all()


def test_same_feature_everywhere_does_not_divide_by_zero():
    tracks = [Track(id=str(i), title=f"T{i}", features={"energy": 0.5, "tempo": 100.0})
              for i in range(4)]
    assert np.isfinite(build(Catalog(tracks), k=3).vectors).all()


@pytest.mark.parametrize("hubness", [0.0, 0.5])
@pytest.mark.parametrize("n, k", [(1, 10), (2, 10), (50, 10)])
def test_neighbour_contract(n, k, hubness):
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(n, 6)).astype(np.float32)
    model = NeighbourModel(k=k, hubness=hubness).fit(vectors)
    expected_k = min(k, n - 1)
    assert model.neighbours_.shape == (n, expected_k)
    for row in range(n):
        assert row not in model.neighbours_[row]
        scores = model.scores_[row]
        assert np.all((scores >= 0) & (scores <= 1)) and np.all(np.diff(scores) <= 1e-6)
    if n == 50 and hubness == 0:  # the best neighbour really is the nearest by cosine
        unit = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
        sims = unit @ unit.T
        np.fill_diagonal(sims, -np.inf)
        assert np.array_equal(model.neighbours_[:, 0], sims.argmax(axis=1))


def test_hub_reduction_widens_coverage():
    # points spread around a common direction: those nearest it are close to everything
    rng = np.random.default_rng(3)
    vectors = (rng.normal(size=(400, 8)) + 2.0).astype(np.float32)
    plain = NeighbourModel(k=20, hubness=0.0).fit(vectors)
    reduced = NeighbourModel(k=20, hubness=0.5).fit(vectors)
    covered = lambda m: len(np.unique(m.neighbours_[:, :5]))
    assert covered(reduced) > covered(plain) + 5
    busiest = lambda m: np.bincount(m.neighbours_[:, :5].ravel(), minlength=400).max()
    assert busiest(reduced) < busiest(plain)


def test_duplicate_vectors_never_list_the_track_itself():
    vectors = np.ones((5, 3), np.float32)
    model = NeighbourModel(k=4).fit(vectors)
    for row in range(5):
        assert sorted(model.neighbours_[row]) == sorted(set(range(5)) - {row})


def test_fit_validates_its_input():
    with pytest.raises(CatalogError):
        NeighbourModel().fit(np.zeros((0, 3)))
    with pytest.raises(CatalogError):
        NeighbourModel().fit(np.array([[np.nan, 1.0], [0.0, 1.0]]))
    with pytest.raises(CatalogError):
        NeighbourModel(k=0).fit(np.ones((3, 2)))


def test_save_and_load_without_pickle(tmp_path):
    model = NeighbourModel(k=3).fit(np.random.default_rng(1).normal(size=(8, 4)))
    path = tmp_path / "model.npz"
    model.save(path)
    with np.load(path, allow_pickle=False) as data:  # loads with pickle off
        assert set(data.files) == {"neighbours", "scores", "k", "metric"}
    loaded = NeighbourModel.load(path)
    assert np.array_equal(loaded.neighbours_, model.neighbours_)
    assert np.array_equal(loaded.scores_, model.scores_) and loaded.k == 3


def test_empty_catalog_is_an_error():
    with pytest.raises(CatalogError, match="no tracks"):
        build(Catalog([]))
