"""An audio file's own tags: read per format, turned into the track of a build, with
stable ids, external ids and fallbacks for untagged and corrupt files."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("librosa", reason="audio analysis needs the 'audio' extra")
sf = pytest.importorskip("soundfile")
mutagen = pytest.importorskip("mutagen")

from mutagen.id3 import TALB, TCON, TDRC, TIT2, TPE1, TSRC, TXXX, UFID  # noqa: E402
from mutagen.mp4 import MP4FreeForm  # noqa: E402

from models.audio import as_track, read_tags  # noqa: E402
from models.build import Sources, load_sources  # noqa: E402

from .fixtures import SHARED, Server, needs_shared  # noqa: E402

SR = 22050
MBID = "B1A9C0E9-D987-4042-AE91-78D6A3267D69"  # written upper case: read lower case
RELEASE = "0d4c7a2b-8b55-4fd4-9d33-4f2d6d3c9a11"
ARTIST_ID = "65f4f0c5-ef9e-490c-aee3-909e7ae6b2ab"
FULL = {"title": "Take Five", "artist": "Dave Brubeck Quartet", "album": "Time Out",
        "date": "1959-12-14", "genre": ["Jazz; Cool Jazz"], "isrc": "us-sm1-59-00433",
        "mbid": MBID, "release": RELEASE, "artist_id": ARTIST_ID}
SOUNDFILE_FORMATS = {".wav": ("WAV", "PCM_16"), ".flac": ("FLAC", "PCM_16"),
                     ".ogg": ("OGG", "VORBIS"), ".opus": ("OGG", "OPUS"),
                     ".mp3": ("MP3", "MPEG_LAYER_III")}
needs_ffmpeg = pytest.mark.skipif(shutil.which("ffmpeg") is None,
                                  reason="making an M4A file needs ffmpeg (.ci/run installs it)")


def sound(path: Path, hz: float = 220.0, seconds: float = 5.0) -> Path:
    """A short chord with a pulse (analysable: long enough, not silent); each ``hz`` gives
    different bytes.  Formats soundfile cannot write (.m4a) go through ffmpeg."""
    rate = 48000 if path.suffix == ".opus" else SR  # Opus knows no 22050 Hz
    t = np.arange(int(seconds * rate)) / rate
    y = sum(np.sin(2 * np.pi * hz * r * t) for r in (1, 5 / 4, 3 / 2))
    y = 0.2 * y * (0.6 + 0.4 * (np.sin(2 * np.pi * 2 * t) > 0))
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix in SOUNDFILE_FORMATS:
        kind, subtype = SOUNDFILE_FORMATS[path.suffix]
        sf.write(path, y, rate, format=kind, subtype=subtype)
    else:
        wav = path.with_suffix(".src.wav")
        sf.write(wav, y, SR)
        subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-i", str(wav), str(path)],
                       check=True)
        wav.unlink()
    return path


def _id3(audio, tags: dict) -> None:
    frames = {"title": lambda v: TIT2(encoding=3, text=[v]),
              "artist": lambda v: TPE1(encoding=3, text=[v]),
              "album": lambda v: TALB(encoding=3, text=[v]),
              "date": lambda v: TDRC(encoding=3, text=[v]),
              "genre": lambda v: TCON(encoding=3, text=v),
              "isrc": lambda v: TSRC(encoding=3, text=[v]),
              "mbid": lambda v: UFID(owner="http://musicbrainz.org", data=v.encode()),
              "release": lambda v: TXXX(encoding=3, desc="MusicBrainz Album Id", text=[v]),
              "artist_id": lambda v: TXXX(encoding=3, desc="MusicBrainz Artist Id", text=[v])}
    if audio.tags is None:
        audio.add_tags()
    for name, value in tags.items():
        audio.tags.add(frames[name](value))


VORBIS = {"title": "TITLE", "artist": "ARTIST", "album": "ALBUM", "date": "DATE",
          "genre": "GENRE", "isrc": "ISRC", "mbid": "MUSICBRAINZ_TRACKID",
          "release": "MUSICBRAINZ_ALBUMID", "artist_id": "MUSICBRAINZ_ARTISTID"}
MP4 = {"title": "\xa9nam", "artist": "\xa9ART", "album": "\xa9alb", "date": "\xa9day",
       "genre": "\xa9gen", "isrc": "----:com.apple.iTunes:ISRC",
       "mbid": "----:com.apple.iTunes:MusicBrainz Track Id",
       "release": "----:com.apple.iTunes:MusicBrainz Album Id",
       "artist_id": "----:com.apple.iTunes:MusicBrainz Artist Id"}


def _vorbis(audio, tags: dict) -> None:
    for name, value in tags.items():
        audio[VORBIS[name]] = value if isinstance(value, list) else [value]


def _mp4(audio, tags: dict) -> None:
    for name, value in tags.items():
        key = MP4[name]
        values = value if isinstance(value, list) else [value]
        audio[key] = [MP4FreeForm(v.encode()) for v in values] if key.startswith("----") \
            else values


WRITERS = {".mp3": _id3, ".wav": _id3, ".flac": _vorbis, ".ogg": _vorbis, ".opus": _vorbis,
           ".m4a": _mp4}


def tag(path: Path, **tags) -> Path:
    """Tag ``path`` with mutagen the way MusicBrainz Picard lays tags out per format."""
    audio = mutagen.File(path)
    WRITERS[path.suffix](audio, tags)
    audio.save()
    return path


def corrupt_id3(path: Path) -> Path:
    """An ID3 tag whose header names a version that does not exist: the audio still
    decodes, the tags cannot be read."""
    tag(path, title="never read")
    data = bytearray(path.read_bytes())
    at = data.find(b"ID3")
    data[at:at + 10] = b"ID3\x09\xff\xff\xff\xff\xff\xff"
    path.write_bytes(bytes(data))
    return path


def broken_flac(path: Path) -> Path:
    """A FLAC signature followed by a metadata block that ends too soon."""
    path.write_bytes(b"fLaC\x00\x00\x00\x22" + b"\x00" * 10)
    return path


@pytest.mark.parametrize("suffix", [".mp3", ".wav", ".flac", ".ogg", ".opus",
                                    pytest.param(".m4a", marks=needs_ffmpeg)])
def test_each_format_reads_the_same_tags(tmp_path, suffix):
    tags = read_tags(tag(sound(tmp_path / f"a{suffix}"), **FULL))
    assert (tags.title, tags.artist, tags.album, tags.date) == \
        ("Take Five", "Dave Brubeck Quartet", "Time Out", "1959-12-14")
    assert tags.genres == ("Jazz", "Cool Jazz")
    assert tags.ids == {"isrc": "USSM15900433", "mbid": MBID.lower(),
                        "ext:musicbrainz_release": RELEASE, "ext:musicbrainz_artist": ARTIST_ID}
    assert tags.duration == pytest.approx(5.0, abs=0.2) and tags.problems == ()


@needs_ffmpeg
def test_an_mp4_date_with_a_time_is_a_date(tmp_path):
    tags = read_tags(tag(sound(tmp_path / "a.m4a"), date="2013-11-18T08:00:00Z"))
    assert tags.date == "2013-11-18" and tags.title == ""


@pytest.mark.parametrize("isrc, mbid, dropped", [
    ("not-an-isrc", MBID, ["isrc"]),
    ("USSM1590043", MBID, ["isrc"]),  # 11 characters
    ("USSM15900433", "b1a9c0e9-d987", ["mbid"]),
    ("", "", []),  # empty tags are absent tags, not malformed ones
])
def test_malformed_ids_are_dropped_and_reported(tmp_path, isrc, mbid, dropped):
    path = tag(sound(tmp_path / "a.flac"), title="Kept", isrc=isrc, mbid=mbid)
    tags = read_tags(path)
    assert tags.title == "Kept"
    assert not set(dropped) & set(tags.ids)
    assert len(tags.problems) == len(dropped)
    for kind, line in zip(dropped, tags.problems):
        assert str(path) in line and f"the {kind} tag" in line and "malformed" in line


def garbage(path: Path) -> Path:
    """Bytes that no tag reader recognises (the analysis rejects the file later)."""
    path.write_bytes(b"OggS" + b"\x00" * 50)
    return path


@pytest.mark.parametrize("make, unreadable", [
    (lambda p: sound(p / "plain.wav"), False),  # no tags at all
    (lambda p: garbage(p / "noise.ogg"), False),  # not a format mutagen knows
    (lambda p: corrupt_id3(sound(p / "bad.mp3")), True),
    (lambda p: corrupt_id3(sound(p / "bad.wav")), True),
    (lambda p: broken_flac(p / "bad.flac"), True),
    (lambda p: p / "missing.flac", True),
])
def test_untagged_or_unreadable_files_give_empty_tags_and_never_raise(tmp_path, make,
                                                                      unreadable):
    path = make(tmp_path)
    tags = read_tags(path)
    assert (tags.title, tags.artist, tags.genres, tags.ids) == ("", "", (), {})
    assert len(tags.problems) == unreadable
    if unreadable:
        assert str(path) in tags.problems[0] and "tags unreadable" in tags.problems[0]
    track = as_track({"path": str(path), "content_hash": "ab" * 32, "features": {}},
                     roots=[tmp_path])
    assert track.title == path.stem and track.id == "audio-" + "ab" * 8
    assert track.tags == [] and track.external_ids == {"path": path.name}


def test_a_track_from_tags_alone(tmp_path):
    """Without analysis figures the duration comes from the stream; a file named
    directly (it is its own root) has its name as path."""
    path = tag(sound(tmp_path / "x" / "one_take.mp3"), **FULL)
    track = as_track({"path": str(path), "content_hash": "cd" * 32, "features": {}},
                     roots=[path])
    assert track.id == f"mbid-{MBID.lower()}"
    assert (track.title, track.artist, track.album, track.release_date) == \
        ("Take Five", "Dave Brubeck Quartet", "Time Out", "1959-12-14")
    assert track.features["duration_ms"] == pytest.approx(5000, abs=200)
    assert track.tags == ["Jazz", "Cool Jazz"]
    assert track.external_ids["path"] == "one_take.mp3"


def music_folder(root: Path) -> Path:
    """A folder "clips" as a collection might be: tagged, half-tagged, untagged and
    corrupt-tagged files, some in a sub-folder."""
    sound(root / "set one" / "take five.mp3", 220.0)
    tag(root / "set one" / "take five.mp3", **FULL)
    sound(root / "set one" / "blue.flac", 262.0)
    tag(root / "set one" / "blue.flac", title="Blue in Green", artist="Miles Davis",
        isrc="NOT-AN-ISRC", genre=["Modal"])
    sound(root / "loose_take.wav", 330.0)
    corrupt_id3(sound(root / "broken tags.mp3", 392.0))
    return root


def by_path(loaded) -> dict:
    return {t.external_ids["path"]: t for t in loaded.catalog.tracks}


def test_a_build_names_tracks_from_their_tags_and_keeps_ids_across_moves(tmp_path):
    root = music_folder(tmp_path / "clips")
    cache = tmp_path / "cache"
    loaded = load_sources(Sources(audio_dirs=[root]), audio_cache=cache)
    assert loaded.audio_errors == []
    tracks = by_path(loaded)
    assert set(tracks) == {"set one/take five.mp3", "set one/blue.flac", "loose_take.wav",
                           "broken tags.mp3"}
    five = tracks["set one/take five.mp3"]
    assert five.id == f"mbid-{MBID.lower()}"
    assert (five.title, five.artist, five.album, five.release_date) == \
        ("Take Five", "Dave Brubeck Quartet", "Time Out", "1959-12-14")
    assert five.external_ids == {"isrc": "USSM15900433", "mbid": MBID.lower(),
                                 "ext:musicbrainz_release": RELEASE,
                                 "ext:musicbrainz_artist": ARTIST_ID,
                                 "path": "set one/take five.mp3"}
    blue = tracks["set one/blue.flac"]  # no recording id: the content hash; no bad ISRC
    assert blue.id.startswith("audio-") and blue.title == "Blue in Green"
    assert blue.external_ids == {"path": "set one/blue.flac"}
    assert (tracks["loose_take.wav"].title, tracks["broken tags.mp3"].title) == \
        ("loose take", "broken tags")
    # genres are tags; the folders ("clips", "set one") are not
    assert {t.id: t.tags for t in tracks.values()} == {
        five.id: ["Jazz", "Cool Jazz"], blue.id: ["Modal"],
        tracks["loose_take.wav"].id: [], tracks["broken tags.mp3"].id: []}
    assert all(t.features["duration_ms"] == pytest.approx(5000, abs=200)
               for t in tracks.values())
    assert len(loaded.tag_problems) == 2
    assert any("blue.flac" in p and "isrc" in p for p in loaded.tag_problems)
    assert any("broken tags.mp3" in p and "unreadable" in p for p in loaded.tag_problems)
    ids = {path: t.id for path, t in tracks.items()}

    # move and rename everything; re-encode the tagged take (new bytes, same recording);
    # copy the untagged file twice (one track)
    moved = tmp_path / "moved"
    shutil.move(root / "set one", moved / "elsewhere")
    shutil.move(root / "loose_take.wav", moved / "loose.wav")
    shutil.copy(moved / "loose.wav", moved / "zz copy.wav")
    shutil.move(root / "broken tags.mp3", moved / "b.mp3")
    (moved / "elsewhere" / "take five.mp3").unlink()
    tag(sound(moved / "elsewhere" / "take five.ogg", 220.0), **FULL)
    again = by_path(load_sources(Sources(audio_dirs=[moved]), audio_cache=cache))
    assert {path: t.id for path, t in again.items()} == {
        "elsewhere/take five.ogg": ids["set one/take five.mp3"],
        "elsewhere/blue.flac": ids["set one/blue.flac"],
        "loose.wav": ids["loose_take.wav"], "b.mp3": ids["broken tags.mp3"]}
    assert again["elsewhere/take five.ogg"].title == "Take Five"


def test_catalog_rows_naming_a_file_the_folders_lack_are_reported(tmp_path, runner):
    """A row whose path names no analysed file was kept silently, and exports listed a
    file that does not exist."""
    root = music_folder(tmp_path / "clips")
    catalog = tmp_path / "library.csv"
    (root / "junk.wav").write_bytes(b"junk")
    catalog.write_text("id,title,artist,path\nlib1,Loose,Me,./loose_take.wav\n"
                       "lib2,Ghost Row,Me,Jazz/does not exist.ogg\n"
                       f"lib3,Blue,Me,{root / 'set one' / 'blue.flac'}\n"
                       "lib4,Junk,Me,junk.wav\n", encoding="utf-8")
    loaded = load_sources(Sources(catalogs=[catalog], audio_dirs=[root]))
    assert loaded.missing_files == ["lib2: Jazz/does not exist.ogg"]  # junk: undecodable
    by_id = {t.id: t for t in loaded.catalog.tracks}
    assert {"lib1", "lib2", "lib3", "lib4"} <= set(by_id)
    # "./x" and an absolute path inside the folder name the analysed file: one track each
    assert by_id["lib1"].external_ids["path"] == "loose_take.wav"
    assert by_id["lib3"].external_ids["path"] == "set one/blue.flac"
    assert [t.external_ids.get("path") for t in loaded.catalog.tracks].count(
        "loose_take.wav") == 1
    code, _, err = runner("build", "--catalog", str(catalog), "--audio-dir", str(root),
                          "--k", "3")
    assert code == 0, err
    assert "warning: 1 catalog row(s) name a file the audio folders do not have" in err
    assert "lib2: Jazz/does not exist.ogg" in err and "lib1" not in err


def test_two_audio_folders_give_paths_relative_to_the_folder_holding_both(tmp_path):
    """One music root (FEELALIKE_MUSIC_ROOT) must place every file; relative to its own
    folder, two folders' files could share a path."""
    one = tag(sound(tmp_path / "a" / "x" / "one.flac", 220.0), title="One")
    two = sound(tmp_path / "b" / "two.wav", 330.0)
    loaded = load_sources(Sources(audio_dirs=[tmp_path / "a", tmp_path / "b"]))
    assert sorted(t.external_ids["path"] for t in loaded.catalog.tracks) == \
        ["a/x/one.flac", "b/two.wav"]
    assert {t.title for t in loaded.catalog.tracks} == {"One", "two"}
    assert one.exists() and two.exists()


def test_the_served_track_carries_its_tags_and_external_ids(runner, client, tmp_path):
    root = music_folder(tmp_path / "clips")
    code, out, err = runner("build", "--audio-dir", str(root), "--k", "3")
    assert code == 0, err
    assert "skipped 2 malformed audio tags (their files are kept)" in err
    assert "blue.flac" in err and "4 tracks" in out
    body = client.get(f"/v1/tracks/mbid-{MBID.lower()}").get_json()
    assert (body["title"], body["artist"], body["album"], body["release_date"]) == \
        ("Take Five", "Dave Brubeck Quartet", "Time Out", "1959-12-14")
    assert body["external_ids"] == {"isrc": "USSM15900433", "mbid": MBID.lower(),
                                    "ext:musicbrainz_release": RELEASE,
                                    "ext:musicbrainz_artist": ARTIST_ID,
                                    "path": "set one/take five.mp3"}
    assert body["tags"] == ["Jazz", "Cool Jazz"]
    found = client.get("/v1/tracks?q=loose take").get_json()
    loose = client.get(f"/v1/tracks/{found['results'][0]['id']}").get_json()
    assert loose["title"] == "loose take" and loose["tags"] == []
    assert loose["external_ids"] == {"path": "loose_take.wav"}
    recs = client.get(f"/v1/recommendations?seed=mbid-{MBID.lower()}&limit=3").get_json()
    assert all("clips" not in " ".join(r["why"]) for r in recs["results"])


@needs_shared
def test_a_real_tagged_recording():
    tags = read_tags(SHARED / "audio" / "librosa" / "Kevin_MacLeod_-_Vibe_Ace.ogg")
    assert (tags.title, tags.artist, tags.album, tags.date, tags.genres) == \
        ("Vibe Ace", "Kevin MacLeod", "Jazz Sampler", "2011-07-19", ("Jazz",))
    assert tags.duration == pytest.approx(61.5, abs=0.5) and tags.problems == ()


def test_a_tagged_folder_over_http_seeds_by_isrc_and_path_and_exports_a_playable_m3u8(
        runner, env, tmp_path):
    """The README's "use it with your music library": build from a tagged folder, ask by
    ISRC and by path over real HTTP, and save an M3U8 into the folder whose every entry
    is a file there (what a player opens)."""
    root = music_folder(tmp_path / "Music")
    code, _, err = runner("build", "--audio-dir", str(root), "--k", "3")
    assert code == 0, err
    server = Server({**env, "FEELALIKE_MUSIC_ROOT": str(root)}).start()
    try:
        answer = server.get("/v1/recommendations?seed=isrc:USSM15900433&limit=3")
        assert answer.status_code == 200, answer.text[:500]  # once a KeyError, under load
        by_isrc = answer.json()
        by_path = server.get("/v1/recommendations?seed=path:set one/take five.mp3&limit=3")
        assert by_path.status_code == 200, by_path.text[:500]
        assert by_isrc["seed"]["id"] == by_path.json()["seed"]["id"] == f"mbid-{MBID.lower()}"
        assert by_isrc["results"] == by_path.json()["results"] and by_isrc["results"]
        bad = server.get("/v1/recommendations?seed=isrc:NOT-AN-ISRC")
        assert bad.status_code == 400 and bad.json()["error"]["field"] == "seed"
        m3u8 = server.post("/v1/playlists?format=m3u8",
                           json={"seed": "isrc:USSM15900433", "length": 4})
    finally:
        server.stop()
    assert m3u8.status_code == 200 and m3u8.text.startswith("#EXTM3U")
    entries = [line for line in m3u8.text.splitlines() if not line.startswith("#")]
    playlist = root / "feels-like.m3u8"
    playlist.write_text(m3u8.text, encoding="utf-8")
    assert len(entries) >= 2 and all((playlist.parent / e).is_file() for e in entries)


@needs_ffmpeg
def test_an_m4a_file_is_analysed_and_named_by_its_tags_and_a_broken_one_is_reported(
        tmp_path):
    root = tmp_path / "itunes"
    tag(sound(root / "take five.m4a", 220.0), **FULL)
    (root / "broken.m4a").write_bytes(b"\x00\x00\x00\x20ftypM4A " + b"\x00" * 500)
    loaded = load_sources(Sources(audio_dirs=[root]))
    assert [t.title for t in loaded.catalog.tracks] == ["Take Five"]
    track = loaded.catalog.tracks[0]
    assert track.id == f"mbid-{MBID.lower()}" and track.features.get("tempo", 0) > 0
    assert track.external_ids["path"] == "take five.m4a"
    assert len(loaded.audio_errors) == 1 and "broken.m4a" in str(loaded.audio_errors[0])
