"""A file in the Artist/Album/ layout that taggers and players write takes the artist and
album its tags lack from its folders: "Pop Piece 2 by unknown" was every such file."""
from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("librosa", reason="audio analysis needs the 'audio' extra")
pytest.importorskip("mutagen")

from models.audio import as_track, names_from_folders  # noqa: E402

from .test_audio_tags import sound, tag  # noqa: E402


def track_of(path: Path, root: Path):
    return as_track({"path": str(path), "content_hash": "ab" * 32, "features": {}},
                    roots=[root])


def test_a_title_only_file_takes_artist_and_album_from_its_folders(tmp_path):
    path = tag(sound(tmp_path / "Nova" / "Sunday Songs" / "02 Pop Piece 2.flac"),
               title="Pop Piece 2")
    track = track_of(path, tmp_path)
    assert (track.title, track.artist, track.album) == ("Pop Piece 2", "Nova", "Sunday Songs")


def test_an_untagged_file_is_named_from_its_folders_and_its_name(tmp_path):
    path = sound(tmp_path / "Nova" / "Sunday Songs" / "07 Night Drive.flac")
    track = track_of(path, tmp_path)
    assert (track.title, track.artist, track.album) == ("Night Drive", "Nova", "Sunday Songs")
    same = sound(tmp_path / "Nova" / "Sunday Songs" / "08 Nova - Late.flac", 330.0)
    assert (track_of(same, tmp_path).title, track_of(same, tmp_path).artist) == \
        ("Late", "Nova")


def test_tags_win_over_folders(tmp_path):
    path = tag(sound(tmp_path / "Nova" / "Sunday Songs" / "02 x.flac"),
               title="Guest Spot", artist="Someone Else", album="Their Album")
    track = track_of(path, tmp_path)
    assert (track.title, track.artist, track.album) == \
        ("Guest Spot", "Someone Else", "Their Album")


@pytest.mark.parametrize("relative, expected", [
    ("Various Artists/Mood Mixes/01 x.flac", ("", "Mood Mixes")),
    ("Compilations/Now 42/01 x.flac", ("", "Now 42")),
    ("Nova/[Unknown Album]/01 x.flac", ("Nova", "")),
    ("Unsorted/Nova - Song.flac", ("", "")),        # one folder: which one is it?
    ("Nova/Sunday Songs/CD1/01 x.flac", ("", "")),  # three: not the layout
    ("Song.flac", ("", "")),
    ("/abs/Nova/Album/01 x.flac", ("", "")),          # a file outside the music folder
])
def test_which_folders_name_an_artist_or_an_album(relative, expected):
    assert names_from_folders(relative) == expected


def test_a_compilation_keeps_the_artist_its_file_name_gives(tmp_path):
    path = sound(tmp_path / "Various Artists" / "Mood Mixes" / "01 Nova - Calm.flac")
    track = track_of(path, tmp_path)
    assert (track.title, track.artist, track.album) == ("Calm", "Nova", "Mood Mixes")
