"""The learned feel space: fitting, saving, confidences, sound cues, album priors, and
the "Her" examples on the real catalog and review."""
from __future__ import annotations

import csv

import numpy as np
import pytest

from models.build import (
    SOUND,
    FeelModel,
    build,
    feel_coordinates,
    feel_vectors,
    fit_feel_model,
    is_score,
    load_default_model,
    save_default_model,
    share_album_prior,
    sound_votes,
)
from models.errors import CatalogError
from models.ingest import Catalog, Track, load_album_review, load_catalog
from models.language import MoodProfile

from .fixtures import HER_REVIEW, ROOT, SHARED, TIDY, needs_shared

HER_DEMO = ROOT / "data" / "demo" / "her_score.csv"


def _catalog(n: int = 80, seed: int = 0) -> tuple[list[Track], np.ndarray]:
    rng = np.random.default_rng(seed)
    tracks, labels = [], []
    for i in range(n):
        v, e = rng.uniform(0, 1, 2)
        tags = ["happy hits" if v > 0.5 else "sad songs", "pop" if e > 0.5 else "ambient"]
        tracks.append(Track(id=f"t{i}", title=f"Song {i}", artist=f"A{i % 7}",
                            features={"valence": v, "energy": e, "danceability": rng.uniform(),
                                      "acousticness": 1 - e, "tempo": 80 + 80 * e,
                                      "instrumentalness": rng.uniform()},
                            tags=tags, release_date="2001"))
        labels.append((4 * v - 2 + rng.normal(0, 0.3), 4 * e - 2 + rng.normal(0, 0.3)))
    return tracks, np.array(labels)


def _profiles(n: int) -> list[MoodProfile]:
    return [MoodProfile(np.zeros(16, np.float32), 0.0, 0.0, 0.0, "none", {}) for _ in range(n)]


def test_fit_predict_save_load(tmp_path):
    tracks, labels = _catalog()
    model = FeelModel(min_tag_tracks=2).fit(tracks, np.arange(60), labels[:60])
    va, conf = model.predict_va(tracks[60:])
    r = np.corrcoef(va[:, 0], labels[60:, 0])[0, 1]
    assert r > 0.8 and np.all(conf > 0)
    path = save_default_model(model, tmp_path)
    assert path == tmp_path / "models" / "feel.npz"
    loaded = load_default_model(tmp_path)
    assert np.allclose(loaded.predict_va(tracks)[0], model.predict_va(tracks)[0])
    with np.load(path, allow_pickle=False) as data:  # no object arrays anywhere
        assert all(data[k].dtype != object for k in data.files)
    assert load_default_model(tmp_path / "nothing") is None
    with pytest.raises(CatalogError):
        FeelModel().fit(tracks, np.arange(5), labels[:5])


def test_coordinates_do_not_depend_on_how_many_rows_the_model_reads_at_once():
    tracks, labels = _catalog()
    model = FeelModel(min_tag_tracks=2).fit(tracks, np.arange(60), labels[:60])
    whole = feel_coordinates(model, tracks, _profiles(len(tracks)))
    pieces = feel_coordinates(model, tracks, _profiles(len(tracks)), chunk=7)
    assert len(tracks) > 7
    np.testing.assert_allclose(pieces.values, whole.values, atol=1e-12)
    np.testing.assert_array_equal(pieces.confidence, whole.confidence)


def test_missing_evidence_has_zero_confidence_and_finite_vectors():
    tracks, labels = _catalog()
    model = FeelModel(min_tag_tracks=2).fit(tracks, np.arange(60), labels[:60])
    bare = Track(id="x", title="Nothing known")
    audio_only = Track(id="y", title="Audio", features={"energy": 0.9, "valence": 0.2})
    all_tracks = tracks + [bare, audio_only]
    coords = feel_coordinates(model, all_tracks, _profiles(len(all_tracks)))
    assert np.all(coords.confidence[-2] == 0)  # nothing known: the catalog's centre
    vectors = feel_vectors(coords)
    assert np.isfinite(vectors).all() and vectors.shape[0] == len(all_tracks)
    assert np.allclose(vectors[-2, :-1], 0)
    lat = slice(18, 18 + model.latent)
    assert 0 < coords.confidence[-1, lat].max() < 1  # latent from audio: less sure than tags
    assert np.all(coords.confidence[-1, :2] > 0)


def test_sound_confidence_is_per_feature():
    tracks, labels = _catalog()
    model = FeelModel(min_tag_tracks=2).fit(tracks, np.arange(60), labels[:60])
    analysed = Track(id="a", title="Cue 1", album="Some Film (Original Score)",
                     features={"energy": 0.2, "acousticness": 0.9, "tempo": 70.0})
    coords = feel_coordinates(model, [*tracks, analysed], _profiles(len(tracks) + 1))
    sound = slice(coords.values.shape[1] - len(SOUND), None)
    conf = dict(zip(SOUND, coords.confidence[-1, sound]))
    value = dict(zip(SOUND, coords.values[-1, sound]))
    assert conf["energy"] == 1.0 and conf["acousticness"] == 1.0
    assert 0 < conf["instrumentalness"] < 1 and value["instrumentalness"] > 0  # the score
    assert conf["liveness"] == 0  # nothing says anything about it


def test_sound_cues_and_the_score_context():
    total, count = sound_votes("slow, sparse piano and hushed strings", score=False)
    j = {f: i for i, f in enumerate(SOUND)}
    assert total[j["energy"]] < 0 and total[j["acousticness"]] > 0 and total[j["tempo"]] < 0
    total, count = sound_votes("pounding drums", score=False)
    assert total[j["energy"]] > 0
    assert is_score("Her (Original Score)", []) and is_score("X", ["film"])
    assert not is_score("Thriller", ["pop"])
    score_only, _ = sound_votes("", score=True)
    assert score_only[j["instrumentalness"]] > 0
    sung, _ = sound_votes("her vocals and singing over the chorus", score=True)
    assert sung[j["instrumentalness"]] < 0  # the words say otherwise


def test_album_prior_fills_in_what_a_track_lacks():
    values = np.array([[1.0, 0.0], [0.0, 0.0], [-1.0, 5.0]])
    conf = np.array([[1.0, 0.0], [0.0, 0.0], [1.0, 1.0]])
    share_album_prior(values, conf, [[0, 1]])
    assert values[1, 0] == pytest.approx(1.0) and conf[1, 0] > 0  # takes the album's
    assert values[0, 0] == pytest.approx(1.0)  # its own evidence stands
    assert values[2].tolist() == [-1.0, 5.0]  # another album untouched


# -- the real catalog and review ------------------------------------------------------

@pytest.fixture(scope="module")
def feel_model():
    if not SHARED.is_dir():
        pytest.skip(needs_shared.kwargs["reason"])
    return fit_feel_model(load_catalog([TIDY]), SHARED / "moods" / "deezer")


def _top10(built, title: str) -> list[int]:
    row = next(i for i, t in enumerate(built.tracks) if t.title.startswith(title))
    return [int(j) for j in built.neighbours[row][:10]]


@pytest.mark.shared_data
def test_her_titles_only_with_the_real_review(feel_model, tmp_path):
    titles = tmp_path / "her_titles.csv"
    with HER_DEMO.open(encoding="utf-8") as src, titles.open("w", newline="") as out:
        rows = list(csv.DictReader(src))
        writer = csv.writer(out)
        writer.writerow(["id", "title", "artist", "album"])
        writer.writerows([r["id"], r["title"], r["artist"], r["album"]] for r in rows)
    catalog = load_catalog([TIDY, titles])
    review = load_album_review(HER_REVIEW, rows[0]["album"])
    built = build(catalog, [review], feel_model=feel_model)
    top = _top10(built, "Loneliness #3")
    names = [built.tracks[j].title for j in top]
    assert "We're All Leaving" in names and "Dimensions" in names, names
    energy = np.array([t.features.get("energy", np.nan) for t in catalog.tracks])
    acoustic = np.array([t.features.get("acousticness", np.nan) for t in catalog.tracks])
    listed = [j for j in top if not np.isnan(energy[j])]
    assert listed, names
    assert np.median(energy[listed]) <= np.nanpercentile(energy, 25), names
    assert np.median(acoustic[listed]) >= np.nanpercentile(acoustic, 75), names


@pytest.mark.shared_data
def test_plain_demo_keeps_the_her_score_together(feel_model):
    built = build(load_catalog([TIDY, HER_DEMO]), feel_model=feel_model)
    top = _top10(built, "Loneliness #3")
    her = [built.tracks[j].title for j in top if built.tracks[j].id.startswith("her-")]
    assert len(her) >= 3 and "We're All Leaving" in her, her
    assert built.meta["settings"]["feel_model"] is True


@pytest.mark.shared_data
def test_deezer_registry_entries_match_the_shared_copies():
    if not SHARED.is_dir():
        pytest.skip(needs_shared.kwargs["reason"])
    from data.registry import get
    from models.ingest import sha256_of

    for split in ("train", "validation"):
        dataset = get(f"deezer-moods-{split}")
        assert sha256_of(SHARED / "moods" / "deezer" / f"{split}.csv") == dataset.sha256
        assert dataset.url.startswith("https://") and dataset.licence


def test_catalog_type_is_what_build_takes():
    tracks, labels = _catalog(40)
    model = FeelModel(min_tag_tracks=2).fit(tracks, np.arange(30), labels[:30])
    built = build(Catalog(tracks), feel_model=model, k=5)
    assert built.neighbours.shape == (40, 5) and built.meta["dim"] == built.vectors.shape[1]
    assert np.isfinite(built.vectors).all()
