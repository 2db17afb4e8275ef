"""Quality metrics, label matching and the learned valence/arousal model."""
from __future__ import annotations

import numpy as np
import pytest

from models.audio import INPUTS, VaModel
from models.errors import CatalogError
from models.evaluation import (
    bootstrap,
    cosine_rankings,
    coverage,
    mood_agreement,
    popularity_lift,
    shared_share,
)
from models.ingest import Track, TrackMatcher


def test_mood_agreement_is_zero_for_random_and_one_for_the_best():
    rng = np.random.default_rng(0)
    va = rng.normal(size=(60, 2))
    dist = np.linalg.norm(va[:, None] - va[None], axis=2)
    np.fill_diagonal(dist, np.inf)
    best = np.argsort(dist, axis=1)[:, :10]
    assert np.allclose(mood_agreement(best, va, range(60)), 1.0)
    worst = np.argsort(-np.where(np.isinf(dist), -1, dist), axis=1)[:, :10]
    assert mood_agreement(worst, va, range(60)).mean() < 0
    random = np.array([rng.permutation(np.delete(np.arange(60), i))[:10] for i in range(60)])
    assert abs(mood_agreement(random, va, range(60)).mean()) < 0.2


def test_bootstrap_interval_contains_the_mean():
    est = bootstrap(np.arange(100.0), seed=1)
    assert est.low < est.mean == 49.5 < est.high and est.n == 100
    assert bootstrap(np.arange(100.0), seed=1) == est  # reproducible from a seed


def test_rankings_coverage_and_coherence():
    vectors = np.array([[1, 0], [0.9, 0.1], [0, 1], [0.1, 0.9]], dtype=float)
    ranked = cosine_rankings(vectors, 1)
    assert ranked[:, 0].tolist() == [1, 0, 3, 2]
    assert coverage(ranked, 4) == 1.0
    groups = [frozenset("a"), frozenset("a"), frozenset("b"), frozenset("c")]
    assert shared_share(ranked, groups, range(4)).tolist() == [1.0, 1.0, 0.0, 0.0]
    assert popularity_lift(ranked, np.array([1.0, 1, 1, 1])) == 1.0


def test_matching_by_artist_and_title_variants():
    tracks = [Track(id="1", title="Song (feat. Z) - Radio Edit", artist="A & B"),
              Track(id="2", title="Other", artist="C")]
    matcher = TrackMatcher(tracks)
    assert matcher.rows("A", "Song") == {0}
    assert matcher.join([("c", "OTHER", 1), ("x", "y", 2)]) == {1: 1}


def labelled_tracks(n: int = 200):
    rng = np.random.default_rng(0)
    raw = rng.random((n, len(INPUTS)))
    tracks = [Track(id=str(i), title=f"T{i}", features=dict(zip(INPUTS, map(float, row))),
                    tags=["metal" if i % 2 else "ballad"], release_date="2001")
              for i, row in enumerate(raw)]
    labels = np.stack([4 * raw[:, INPUTS.index("valence")] - 2 - (np.arange(n) % 2),
                       4 * raw[:, INPUTS.index("energy")] - 2], axis=1)
    return tracks, labels


def test_mood_head_learns_moods_from_audio_and_drives_audio_only_profiles(tmp_path):
    from models.build import analyse_moods
    from models.ingest import Catalog
    from models.language import MOOD_INDEX, MOODS, load_lexicon

    tracks, labels = labelled_tracks()
    moods = np.zeros((len(tracks), len(MOODS)))
    moods[:, MOOD_INDEX["energetic"]] = [t.features["energy"] for t in tracks]
    model = VaModel().fit(tracks, labels).fit_moods(tracks, moods)
    pred = model.predict_moods(tracks)
    assert np.corrcoef(pred[:, MOOD_INDEX["energetic"]], moods[:, MOOD_INDEX["energetic"]])[
        0, 1] > 0.95
    model.save(tmp_path / "m.npz")
    assert VaModel.load(tmp_path / "m.npz").has_moods
    loud = Track(id="loud", title="Loud", features={"energy": 0.95, "valence": 0.5})
    quiet = Track(id="quiet", title="Quiet", features={"energy": 0.05, "valence": 0.5})
    analysis = analyse_moods(Catalog([loud, quiet]), [], load_lexicon(), va_model=model)
    energetic = [p.scores[MOOD_INDEX["energetic"]] for p in analysis.profiles]
    assert energetic[0] > energetic[1] and analysis.profiles[0].source == "audio"


def test_va_model_learns_audio_and_tags_and_round_trips_without_pickle(tmp_path):
    tracks, labels = labelled_tracks()
    model = VaModel().fit(tracks, labels)
    assert set(model.tags_) == {"metal", "ballad"}
    pred = model.predict(tracks)
    assert np.corrcoef(pred[:, 0], labels[:, 0])[0, 1] > 0.95
    path = tmp_path / "va.npz"
    model.save(path)
    with np.load(path, allow_pickle=False) as data:
        assert "coef" in data.files and list(data["tags"]) == model.tags_
    assert np.allclose(VaModel.load(path).predict(tracks), pred)
    bare = Track(id="x", title="No audio")
    assert np.isfinite(model.predict([bare])).all()
    with pytest.raises(CatalogError):
        VaModel().fit(tracks[:3], labels[:3])
    (tmp_path / "bad.npz").write_bytes(b"not npz")
    with pytest.raises(CatalogError):
        VaModel.load(tmp_path / "bad.npz")


@pytest.mark.shared_data
def test_train_mood_then_build_with_the_model(runner, tmp_path, monkeypatch):
    from .fixtures import SHARED, TIDY, needs_shared

    if not SHARED.is_dir():
        pytest.skip(needs_shared.kwargs["reason"])
    out = tmp_path / "va.npz"
    monkeypatch.chdir(tmp_path)  # the labels' default is beside the project, not here
    code, text, err = runner("train-mood", "--catalog", str(TIDY), "--out", str(out))
    assert code == 0, err
    assert "r valence" in text and out.is_file()
    model = VaModel.load(out)
    assert model.predict([Track(id="t", title="t", features={"energy": 0.5})]).shape == (1, 2)
    assert model.has_moods and "mood head" in text
    small = tmp_path / "small.csv"
    small.write_text("id,title,artist,valence,energy,danceability\n" + "".join(
        f"s{i},Song {i},A{i},{i / 20},{(20 - i) / 20},0.5\n" for i in range(20)),
        encoding="utf-8")
    code, _, err = runner("build", "--catalog", str(small), "--va-model", str(out), "--k", "5")
    assert code == 0, err
    code, _, err = runner("build", "--catalog", str(small), "--va-model", str(small))
    assert code != 0 and err.splitlines()[-1].startswith("error: cannot load valence/arousal model")
