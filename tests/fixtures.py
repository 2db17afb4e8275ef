"""The one helpers module of the tests: paths to shared data, factories and assertions.

Fixtures (objects with a lifetime: servers, stores, apps) are in ``conftest.py``.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from models.ingest import Track

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
TIDY = SHARED / "catalog" / "tidytuesday_spotify_songs.csv"
HER_REVIEW = SHARED / "reviews" / "her_soundtrack_review.txt"

needs_shared = pytest.mark.skipif(
    not SHARED.is_dir(),
    reason="needs the project's shared data folder ../shared/data (present in CI, absent "
           "in a plain clone)")

def write_catalog(tmp_path: Path, rows: int = 30, name: str = "cat.csv") -> Path:
    """A CSV catalog of ``rows`` songs ("Song i" by "Band i%5") and one malformed last row."""
    lines = [f"id{i},Song {i},Band {i % 5},LP,{'Sad Songs' if i % 2 else 'Party'},pop,"
             f"{(i % 10) / 10},{(i * 3 % 10) / 10},{90 + i}\n" for i in range(rows)]
    return write(tmp_path, name, CATALOG_HEADER + "".join(lines) + "bad,,,,\n")



def make_track(i: int, **overrides) -> Track:
    """A small synthetic track whose features vary smoothly with ``i``."""
    base = dict(id=f"trk{i}", title=f"Song {i}", artist=f"Artist {i % 7}", album="Album",
                popularity=float(i % 100),
                features={"danceability": (i % 10) / 10, "energy": ((i * 3) % 10) / 10,
                          "valence": ((i * 7) % 10) / 10, "tempo": 80.0 + i % 60,
                          "loudness": -5.0 - i % 10, "acousticness": (i % 4) / 4,
                          "mode": float(i % 2)},
                tags=["sad songs" if i % 2 else "party hits"])
    base.update(overrides)
    return Track(**base)


CATALOG_HEADER = "track_id,track_name,track_artist,track_album_name,playlist_name," \
                 "playlist_genre,energy,valence,tempo\n"


def write(folder: Path, name: str, text: str) -> Path:
    """Write ``text`` to ``folder/name`` (UTF-8) and return the path."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def error_of(response, status: int, code: str | None = None) -> dict:
    """The JSON error of a response, after checking its status, shape and code."""
    assert response.status_code == status
    assert response.is_json, response.data[:200]
    error = response.get_json()["error"]
    assert isinstance(error["message"], str) and error["message"]
    if code:
        assert error["code"] == code
    return error


GEMS_COLUMNS = ("amazement", "solemnity", "tenderness", "nostalgia", "calmness", "power",
                "joyful_activation", "tension", "sadness")


def labelled_clips(folder: Path, n: int = 24, seconds: float = 4.0) -> Path:
    """``n`` synthetic clips from soft, slow and dark (raters: calm) to loud, fast and
    bright (raters: powerful), with an Emotify-style labels.csv."""
    import numpy as np
    import soundfile

    sr = 22050
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(0)
    rows = []
    for i in range(n):
        x = i / (n - 1)
        t = np.arange(int(seconds * sr)) / sr
        y = (0.1 + 0.8 * x) * np.sin(2 * np.pi * (110 + 600 * x) * t)
        beat = 60.0 / (60 + 100 * x)
        y += (0.05 + 0.5 * x) * rng.normal(0, 1, len(t)) * np.exp(-(t % beat) * 30)
        soundfile.write(folder / f"clip_{i}.wav", 0.9 * y / np.abs(y).max() * (0.2 + 0.8 * x),
                        sr)
        frac = {g: 0.2 for g in GEMS_COLUMNS} | {"calmness": 1 - x, "power": x}
        rows.append(f"clip_{i}.wav,{i}," + ",".join(f"{frac[g]:.3f}" for g in GEMS_COLUMNS))
    header = "file,track_id," + ",".join(f"{g}_frac" for g in GEMS_COLUMNS)
    (folder / "labels.csv").write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return folder
