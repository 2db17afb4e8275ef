"""The feel model's valence/arousal heads: ridge plus boosted trees kept as arrays.

What a user relies on: a trained model file predicts exactly what the fitted model
did, holds no pickle, older files (ridge alone) still load, and a damaged file is
refused with a clear error instead of looping or predicting nonsense.
"""
from __future__ import annotations

import importlib
from pathlib import Path

import numpy as np
import pytest
from sklearn.ensemble import GradientBoostingRegressor

from models.build import (
    FeelModel,
    TreeEnsemble,
    VaHead,
    is_current,
    load_default_model,
    save_default_model,
)
from models.errors import CatalogError, DatasetError
from models.ingest import Track

from .fixtures import SHARED, TIDY, needs_shared, save_as_older_feelalike
from .test_feel import _catalog


def _curved(n: int = 300, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Two targets with a threshold and an interaction a linear model cannot follow."""
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, 5))
    y = np.column_stack([np.where(x[:, 0] > 0.3, 1.0, -1.0) + 0.2 * x[:, 1],
                         x[:, 2] * (x[:, 3] > 0) + 0.1 * rng.normal(size=n)])
    return x, y


def test_trees_predict_exactly_what_scikit_learn_predicts():
    x, y = _curved()
    fitted = [GradientBoostingRegressor(n_estimators=40, max_depth=3, learning_rate=0.1,
                                        random_state=0).fit(x, y[:, o]) for o in range(2)]
    trees = TreeEnsemble.from_estimators(fitted)
    probe = np.vstack([x, np.random.default_rng(1).normal(size=(50, 5)) * 3])
    expected = np.column_stack([f.predict(probe) for f in fitted])
    np.testing.assert_allclose(trees.predict(probe), expected, rtol=0, atol=1e-12)
    assert trees.predict(probe[:0]).shape == (0, 2)


def test_trees_round_trip_through_npz_without_pickle(tmp_path):
    x, y = _curved()
    trees = TreeEnsemble.fit(x, y, trees=30)
    np.savez(tmp_path / "t.npz", **trees.arrays("h"))
    with np.load(tmp_path / "t.npz", allow_pickle=False) as data:
        loaded = TreeEnsemble.from_arrays(data, "h")
        assert TreeEnsemble.from_arrays(data, "other") is None
    np.testing.assert_array_equal(loaded.predict(x), trees.predict(x))


@pytest.mark.parametrize("damage", ["cycle", "out_of_range", "short", "roots_shape", "deep"])
def test_damaged_tree_arrays_are_refused(damage):
    x, y = _curved()
    arrays = dict(TreeEnsemble.fit(x, y, trees=5).arrays("h"))
    if damage == "cycle":  # a child pointing back at the root would never end a walk
        arrays["h_left"] = arrays["h_left"].copy()
        arrays["h_left"][1] = 0
        arrays["h_right"] = arrays["h_right"].copy()
        arrays["h_right"][1] = 0
    elif damage == "out_of_range":
        arrays["h_right"] = arrays["h_right"] + 10_000
    elif damage == "deep":  # a chain of splits far deeper than anything fitted
        n = 100
        arrays.update(h_feature=np.zeros(n, np.int32), h_threshold=np.zeros(n),
                      h_left=np.minimum(np.arange(n) + 1, n - 1).astype(np.int32),
                      h_right=np.arange(n, dtype=np.int32), h_value=np.zeros(n),
                      h_roots=np.zeros((2, 1), np.int32))
        arrays["h_right"][:-1] = n - 1
    elif damage == "short":
        arrays["h_threshold"] = arrays["h_threshold"][:-1]
    else:
        arrays["h_roots"] = arrays["h_roots"].ravel()
    with pytest.raises(ValueError, match="inconsistent"):
        TreeEnsemble.from_arrays(arrays, "h")


def test_trees_refuse_too_few_inputs():
    x, y = _curved()
    trees = TreeEnsemble.fit(x, y, trees=10)
    with pytest.raises(ValueError, match="input columns"):
        trees.predict(x[:, :1])


def test_blended_head_follows_a_curve_the_ridge_misses():
    x, y = _curved(600)
    test_x, test_y = _curved(300, seed=5)
    ridge = VaHead.fit(x, y, alpha=1.0, trees=0)
    blended = VaHead.fit(x, y, alpha=1.0, trees=100)
    error = [np.mean((h.predict(test_x) - test_y) ** 2) for h in (ridge, blended)]
    assert error[1] < 0.8 * error[0]
    head, r2 = VaHead.fit_scored(x, y, alpha=1.0, trees=50)
    assert r2.shape == (2,) and np.all(r2 > 0.3)


def test_feel_model_file_keeps_the_trees_and_old_files_still_load(tmp_path):
    tracks, labels = _catalog()
    model = FeelModel(min_tag_tracks=2, trees=20).fit(tracks, np.arange(60), labels[:60])
    assert model.va_audio_.trees is not None and model.va_full_.trees is None
    save_default_model(model, tmp_path)
    loaded = load_default_model(tmp_path)
    assert loaded.trees == 20
    np.testing.assert_array_equal(loaded.predict_va(tracks)[0], model.predict_va(tracks)[0])

    ridge_only = FeelModel(min_tag_tracks=2, trees=0).fit(tracks, np.arange(60), labels[:60])
    assert ridge_only.va_audio_.trees is None
    save_as_older_feelalike(ridge_only, tmp_path / "old")
    loaded = load_default_model(tmp_path / "old")
    assert loaded.trees == 0 and loaded.va_audio_.trees is None
    np.testing.assert_array_equal(loaded.predict_va(tracks)[0], ridge_only.predict_va(tracks)[0])


def test_a_model_file_with_damaged_trees_is_refused(tmp_path):
    tracks, labels = _catalog()
    model = FeelModel(min_tag_tracks=2, trees=5).fit(tracks, np.arange(60), labels[:60])
    path = save_default_model(model, tmp_path)
    with np.load(path, allow_pickle=False) as data:
        arrays = {k: data[k] for k in data.files}
    arrays["va_audio_trees_left"] = arrays["va_audio_trees_left"] - 5
    np.savez(path, **arrays)
    with pytest.raises(CatalogError, match="cannot load feel model"):
        load_default_model(tmp_path)


def _older_model_in(home) -> None:
    tracks, labels = _catalog()
    old = FeelModel(min_tag_tracks=2, trees=0).fit(tracks, np.arange(60), labels[:60])
    save_as_older_feelalike(old, home)


def test_demo_keeps_an_older_model_when_it_cannot_retrain(env, capsys, monkeypatch):
    from service.cli.build import trained_feel_model

    cli_build = importlib.import_module("service.cli.build")  # the module, not the command

    def offline(name):
        raise DatasetError(f"cannot download {name} (offline)")

    monkeypatch.setattr(cli_build, "fetch", offline)
    home = Path(env["FEELALIKE_DATA_HOME"])
    _older_model_in(home)
    model = trained_feel_model(str(TIDY))
    assert model is not None and model.trees == 0
    assert "using the kept one" in capsys.readouterr().err


@needs_shared
def test_demo_retrains_a_model_kept_by_an_older_feelalike(env, capsys, monkeypatch):
    from service.cli.build import trained_feel_model

    monkeypatch.setenv("FEELALIKE_DATASET_MIRRORS", str(SHARED / "moods" / "deezer"))
    home = Path(env["FEELALIKE_DATA_HOME"])
    _older_model_in(home)
    model = trained_feel_model(str(TIDY))
    assert "retraining the feel model" in capsys.readouterr().err
    assert is_current(model) and model.va_audio_.trees is not None
    kept = load_default_model(home)
    assert is_current(kept)
    assert trained_feel_model(str(TIDY)) is not model  # the new file is used from now on
    assert "training" not in capsys.readouterr().err


def test_untagged_tracks_use_the_trees_only_with_complete_audio():
    """An analysed file estimates six of the ten audio inputs; the others sit at the
    catalog mean, which the trees would read as a real value: such tracks take the
    ridge alone, tracks with every input take the mean of ridge and trees."""
    from models.audio import INPUTS

    rng = np.random.default_rng(3)
    tracks, labels = [], []
    for i in range(120):
        features = {name: float(rng.uniform()) for name in INPUTS}
        tracks.append(Track(id=f"t{i}", title=f"S{i}", features=features,
                            tags=["pop"] if i % 2 else ["rock"], release_date="2001"))
        labels.append((4 * features["valence"] - 2, 4 * features["energy"] - 2))
    model = FeelModel(min_tag_tracks=2, trees=30).fit(tracks, np.arange(120), np.array(labels))
    probe = [Track(id="whole", title="W", features=dict(tracks[0].features)),
             Track(id="part", title="P", features={k: v for k, v in tracks[0].features.items()
                                                  if k in ("energy", "tempo", "loudness")})]
    prepared = model.prepare(probe)
    va, conf = model.predict_va(prepared)
    head = model.va_audio_
    np.testing.assert_allclose(va[0], np.clip(head.predict(prepared.z[:1]), -1, 1)[0])
    np.testing.assert_allclose(va[1], np.clip(head.predict(prepared.z[1:], trees=False),
                                              -1, 1)[0])
    assert not np.allclose(head.predict(prepared.z[:1]), head.predict(prepared.z[:1],
                                                                      trees=False))
    assert np.all(conf > 0)


def test_tracks_with_tags_and_no_audio_get_valence_arousal_from_the_tags_head(tmp_path):
    tracks, labels = _catalog()  # "happy hits" / "sad songs" follow the valence labels
    model = FeelModel(min_tag_tracks=2, trees=0).fit(tracks, np.arange(60), labels[:60])
    probe = [Track(id="h", title="H", tags=["happy hits", "pop"]),
             Track(id="s", title="S", tags=["sad songs", "ambient"]),
             Track(id="n", title="N")]
    va, conf = model.predict_va(probe)
    assert va[0, 0] > va[1, 0] + 0.2 and va[0, 1] > va[1, 1]  # pop is the energetic tag
    assert np.all(conf[:2] > 0) and np.all(conf[:2] <= 1) and np.all(conf[2] == 0)

    save_as_older_feelalike(model, tmp_path)  # no tags head: as before, no confidence
    older = load_default_model(tmp_path)
    assert older.va_tags_ is None and not is_current(older)
    va_old, conf_old = older.predict_va(probe)
    assert np.all(conf_old == 0)
    np.testing.assert_array_equal(older.predict_va(tracks)[0], model.predict_va(tracks)[0])
