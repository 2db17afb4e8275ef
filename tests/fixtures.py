"""The one helpers module of the tests: paths to shared data, factories and assertions.

Fixtures (objects with a lifetime: servers, stores, apps) are in ``conftest.py``.
"""
from __future__ import annotations

import csv
import os
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import numpy as np
import pytest
import requests

from models.build import analyse_moods, reading_audit
from models.ingest import Catalog, Track
from models.language import MOOD_INDEX, Review, load_lexicon
from models.ranking import NUMERIC, TrackTable

from .redis_server import free_port

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


def hand_table(ids: list[str], columns: dict[str, object], vectors: np.ndarray,
               mood_columns: np.ndarray | None = None) -> TrackTable:
    """A track table made by hand: each id its own title, artist and song, no tags;
    ``columns`` set numeric columns by name (the rest unknown)."""
    n = len(ids)
    numbers = np.full((n, len(NUMERIC)), np.nan, dtype=np.float32)
    for name, values in columns.items():
        numbers[:, NUMERIC.index(name)] = values
    return TrackTable(ids=ids, titles=ids, artists=ids, albums=[""] * n, artist_keys=ids,
                      song_keys=ids, tags=[frozenset()] * n, numbers=numbers,
                      vectors=np.asarray(vectors, dtype=np.float32), mood_columns=mood_columns)


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


def save_as_older_feelalike(model, home: Path) -> Path:
    """Save a feel model into ``home`` the way feelalike did before the boosted trees
    and the tags-only head (five parameters, two ridge heads): ``model`` must have been
    fitted with trees=0."""
    from models.build import save_default_model

    assert model.trees == 0
    path = save_default_model(model, home)
    with np.load(path, allow_pickle=False) as data:
        arrays = {k: data[k] for k in data.files}
    arrays = {k: v for k, v in arrays.items() if not k.startswith("va_tags")}
    arrays["params"] = arrays["params"][:5]
    arrays["va_r2"], arrays["va_confidence"] = arrays["va_r2"][:2], arrays["va_confidence"][:2]
    np.savez(path, **arrays)
    return path


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


class Server:
    """`feelalike serve` on a free loopback port with the given environment."""

    def __init__(self, env: dict[str, str]) -> None:
        self.port = free_port()
        self.env = {**os.environ, **env}
        self.process: subprocess.Popen | None = None
        self.log = tempfile.TemporaryFile()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> "Server":
        # the server logs a JSON line per request: a file, not a pipe nobody reads (a full
        # pipe would block the server mid-request)
        if self.log.closed:
            self.log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "service.cli", "serve", "--host", "127.0.0.1",
             "--port", str(self.port)], env=self.env, stdout=subprocess.DEVNULL,
            stderr=self.log)
        try:
            self._wait_started()
        except BaseException:  # a server left running would outlive the suite
            self.stop()
            raise
        return self

    def _wait_started(self) -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:  # a busy machine may accept and not answer within the second
                requests.get(self.base + "/healthz", timeout=1)
                return
            except requests.RequestException:
                if self.process.poll() is not None:
                    self.log.seek(0)
                    raise RuntimeError(self.log.read().decode(errors="replace")[-2000:])
                time.sleep(0.1)
        raise RuntimeError("server did not start")

    def stop(self) -> None:
        self._end()
        self.log.close()

    def stopped_log(self) -> str:
        """Stop the server; what it wrote to stderr."""
        self._end()
        self.log.seek(0)
        return self.log.read().decode(errors="replace")

    def _end(self) -> None:
        if self.process:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:  # teardown must not hang the suite
                self.process.kill()
                self.process.wait()
            self.process = None

    def get(self, path: str, **kwargs) -> requests.Response:
        return requests.get(self.base + path, timeout=10, **kwargs)

    def post(self, path: str, **kwargs) -> requests.Response:
        return requests.post(self.base + path, timeout=30, **kwargs)

    def delete(self, path: str, **kwargs) -> requests.Response:
        return requests.delete(self.base + path, timeout=30, **kwargs)

# -- a catalog with external ids (tests/test_external_ids.py, tests/test_library.py) ------
ID_CATALOG_ROWS = 30
ID_CATALOG_COLUMNS = ["track_id", "track_name", "track_artist", "playlist_genre", "energy",
                      "valence", "tempo", "isrc", "musicbrainz_recording_id", "spotify_uri",
                      "deezer_id", "path", "ext:discogs"]


@contextmanager
def commands_sent(client) -> Iterator[list[str]]:
    """The names of the Redis commands ``client`` sends within the block, in order: a
    served path's round trips, counted."""
    calls: list[str] = []
    real = client.execute_command

    def counting(*args, **kwargs):
        calls.append(args[0])
        return real(*args, **kwargs)

    client.execute_command = counting
    try:
        yield calls
    finally:
        del client.execute_command


def isrc(i: int) -> str:
    return f"USRC176{i:05d}"


def mbid(i: int) -> str:
    return f"{i:08x}-0000-4000-8000-{i:012x}"


def spotify(i: int) -> str:
    return f"Sp{i:020d}"


def music_file(i: int) -> str:
    return f"/music/Band {i % 5}/Song #{i}.flac"


def id_catalog_rows() -> list[dict[str, str]]:
    """Row i has an ISRC (written with hyphens, lower case), an upper-case MBID and a
    Discogs id; a file when i % 3 == 0, a Spotify URI when i % 3 < 2, a Deezer id when
    i % 3 == 0 or i % 6 == 2 (so i % 6 == 5 has no playable id at all)."""
    rows = []
    for i in range(ID_CATALOG_ROWS):
        code = isrc(i).lower()
        rows.append({
            "track_id": f"id{i}", "track_name": f"Song {i}", "track_artist": f"Band {i % 5}",
            "playlist_genre": "pop", "energy": str((i % 10) / 10),
            "valence": str((i * 3 % 10) / 10), "tempo": str(90 + i),
            "isrc": f"{code[:2]}-{code[2:5]}-{code[5:7]}-{code[7:]}",
            "musicbrainz_recording_id": mbid(i).upper(),
            "spotify_uri": f"spotify:track:{spotify(i)}" if i % 3 < 2 else "",
            "deezer_id": str(1000 + i) if i % 3 == 0 or i % 6 == 2 else "",
            "path": music_file(i) if i % 3 == 0 else "", "ext:discogs": str(500 + i)})
    rows.append({**rows[1], "track_id": "id-bad-isrc", "track_name": "Bad ISRC",
                 "isrc": "XX12", "spotify_uri": "", "deezer_id": "", "path": "",
                 "musicbrainz_recording_id": "", "ext:discogs": ""})
    rows.append({**rows[2], "track_id": "spotify:track:short", "track_name": "Colon Id",
                 "isrc": "", "spotify_uri": "", "deezer_id": "", "path": "",
                 "musicbrainz_recording_id": "", "ext:discogs": ""})
    return rows


def write_rows(path: Path, rows: list[dict[str, str]], columns: list[str]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, columns)
        writer.writeheader()
        writer.writerows(rows)
    return path


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


def mapped_file(array: np.ndarray) -> Path:
    """The file an array (a view of a memory mapping) is mapped from."""
    while not isinstance(array, np.memmap):
        array = array.base
    return Path(array.filename)


def is_mapped(array: np.ndarray) -> bool:
    """The array is (a view of) a memory-mapped file, not a copy in memory."""
    while array is not None and not isinstance(array, np.memmap):
        array = getattr(array, "base", None)
    return array is not None


# -- reading one review of the "Salt Roads" album (tests/test_review_*.py) --------------

SALT_ROADS = ("Lantern", "Copper Bells", "Tidewater", "Lantern (Reprise)", "The Cold Field",
              "Morning Ferry")


def salt_roads(*titles: str) -> Catalog:
    return Catalog([Track(id=f"t{i}", title=t, artist="A", album="Salt Roads")
                    for i, t in enumerate(titles or SALT_ROADS)])


def moods_read(text: str, *titles: str, track: str | None = None) -> dict[str, dict[str, float]]:
    """{title: {mood: score}} of the moods one review gives the album's tracks (those
    given any); ``track``: a review of that one track."""
    cat = salt_roads(*titles)
    review = Review(text=text, track=track) if track else Review(text=text, album="Salt Roads")
    profiles = analyse_moods(cat, [review], load_lexicon()).profiles
    return {t.title: {m: float(p.scores[i]) for m, i in MOOD_INDEX.items() if p.scores[i] > 0}
            for t, p in zip(cat.tracks, profiles) if p.scores.any()}


def pairs_read(text: str, *titles: str) -> set[frozenset[str]]:
    """The pairs of titles one review of the album calls alike."""
    cat = salt_roads(*titles)
    analysis = analyse_moods(cat, [Review(text=text, album="Salt Roads")], load_lexicon())
    title = {t.id: t.title for t in cat.tracks}
    return {frozenset((title[c["track"]], title[c["other"]]))
            for c in reading_audit(analysis, cat.tracks)["comparisons"]}


def strongest(found: dict[str, dict[str, float]], title: str) -> str:
    """The mood a title's reading scores highest."""
    return max(found[title], key=found[title].get)


def paths_of(store) -> dict[str, str]:
    """Track id -> stored path of every track of the live model."""
    version = store.current_version()
    docs = store.tracks(version, range(int(store.meta(version)["tracks"])))
    return {doc["id"]: doc["external_ids"]["path"] for doc in docs}


def make_app(store, **config):
    """The app over ``store`` with ``config`` (``RATE_LIMIT="10/minute"``...)."""
    from service import create_app
    from service.resources import Resources

    return create_app({"TESTING": True, "RESOURCES": Resources(store), **config})
