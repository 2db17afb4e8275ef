"""A file named on macOS (or copied from there) spells "é" as "e" and a combining accent
(NFD); a typed `path:` seed, an allowlist or a catalog's path column spells it composed
(NFC).  Both name the file, its title is composed, and exports keep its name as it is
on disk."""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

pytest.importorskip("librosa", reason="audio analysis needs the 'audio' extra")
pytest.importorskip("soundfile")
pytest.importorskip("mutagen")

from .test_audio_tags import sound  # noqa: E402

NAME = "Café Noir/Été.wav"
NFC, NFD = unicodedata.normalize("NFC", NAME), unicodedata.normalize("NFD", NAME)


def test_a_decomposed_file_name_is_found_by_its_composed_path(runner, client, tmp_path):
    root = tmp_path / "Music"
    sound(root / NFD, 220.0)
    sound(root / "other.wav", 330.0)
    sound(root / "third.wav", 392.0)
    assert NFC != NFD and [p.name for p in (root / NFD).parent.iterdir()] == [Path(NFD).name]
    code, _, err = runner("build", "--audio-dir", str(root), "--k", "2")
    assert code == 0, err
    ids = set()
    for spelled in (NFC, NFD):
        response = client.get("/v1/recommendations", query_string={"seed": f"path:{spelled}"})
        assert response.status_code == 200, response.get_json()
        ids.add(response.get_json()["seed"]["id"])
        assert response.get_json()["seed"]["title"] == unicodedata.normalize("NFC", "Été")
    assert len(ids) == 1
    body = client.post("/v1/recommendations", json={
        "seeds": ["path:other.wav"], "include_ids": [f"path:{NFC}"]}).get_json()
    assert [r["id"] for r in body["results"]] == list(ids)
    assert "include_ids_unknown" not in body or not body["include_ids_unknown"]
    m3u8 = client.post("/v1/playlists?format=m3u8",
                       json={"seed": "path:other.wav", "length": 2}).get_data(as_text=True)
    files = [line for line in m3u8.splitlines() if line and not line.startswith("#")]
    assert any(f.endswith(NFD) for f in files)  # the name on disk: a player opens it
    assert all((root / f).exists() or Path(f).exists() for f in files)
