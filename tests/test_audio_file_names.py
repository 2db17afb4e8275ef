"""An untagged file's name is its title and, laid out "Artist - Title", its artist: a
library ripped or downloaded without tags is found by "Title by Artist" and exported
as "Artist - Title", not as one title with the artist and track number inside."""
from __future__ import annotations

import pytest

pytest.importorskip("librosa", reason="audio analysis needs the 'audio' extra")
pytest.importorskip("soundfile")
pytest.importorskip("mutagen")

from models.audio import name_from_file  # noqa: E402

from .test_audio_tags import sound, tag  # noqa: E402


@pytest.mark.parametrize("stem, tagged_artist, expected", [
    ("The Night Owls - Slow River (2009 Remaster)", "",
     ("Slow River (2009 Remaster)", "The Night Owls")),
    ("Night_Owls_-_Slow_River", "", ("Slow River", "Night Owls")),
    ("03 - Slow River", "", ("Slow River", "")),
    ("03. Slow River", "", ("Slow River", "")),
    ("03 Slow River", "", ("Slow River", "")),
    ("1-03 Slow River", "", ("Slow River", "")),
    ("03 - The Night Owls - Slow River", "", ("Slow River", "The Night Owls")),
    ("The Night Owls - 03 - Slow River", "", ("Slow River", "The Night Owls")),
    ("The Night Owls - Slow River", "the night owls", ("Slow River", "the night owls")),
    ("03 - Slow River", "The Night Owls", ("Slow River", "The Night Owls")),
    # kept whole: a number that may be the title's, a version note, hyphens without
    # spaces, a name whose first part is not the tagged artist
    ("99 Red Kites", "", ("99 Red Kites", "")),
    ("1979", "", ("1979", "")),
    ("Slow River - 2009 Remaster", "", ("Slow River - 2009 Remaster", "")),
    ("Slow River - Live", "", ("Slow River - Live", "")),
    ("198-209-0000", "", ("198-209-0000", "")),
    ("Up - Down", "Someone Else", ("Up - Down", "Someone Else")),
    ("loose_take", "", ("loose take", "")),
    # a work (numbered, or in a key) before the dash is no performer: the name is a title
    ("Hungarian_Dance_number_5_-_Allegro_in_F_sharp_minor_(string_orchestra)", "",
     ("Hungarian Dance number 5 - Allegro in F sharp minor (string orchestra)", "")),
    ("Symphony No. 9 - Presto", "", ("Symphony No. 9 - Presto", "")),
    ("Cello Suite BWV 1007 - Prelude", "", ("Cello Suite BWV 1007 - Prelude", "")),
    ("Prelude in C-sharp minor - Lento", "", ("Prelude in C-sharp minor - Lento", "")),
    ("Kevin_MacLeod_-_Vibe_Ace", "", ("Vibe Ace", "Kevin MacLeod")),
    ("Maroon 5 - Sunday Morning", "", ("Sunday Morning", "Maroon 5")),
    ("Karajan - Symphony No. 5", "", ("Symphony No. 5", "Karajan")),
])
def test_a_file_name_gives_title_and_artist(stem, tagged_artist, expected):
    assert name_from_file(stem, tagged_artist) == expected


def test_untagged_files_are_found_by_title_and_artist_and_exported_so(runner, client,
                                                                      tmp_path):
    root = tmp_path / "Music"
    sound(root / "The Night Owls - Slow River.wav", 220.0)
    sound(root / "Album" / "07 - Quiet Harbour.flac", 262.0)
    tag(root / "Album" / "07 - Quiet Harbour.flac", artist="Mara Lind")
    sound(root / "Tagged.flac", 330.0)
    tag(root / "Tagged.flac", title="Tagged - Title", artist="Someone")
    code, out, err = runner("build", "--audio-dir", str(root), "--k", "2")
    assert code == 0, err
    seed = client.get("/v1/recommendations?seed=Slow River by The Night Owls").get_json()
    assert (seed["seed"]["title"], seed["seed"]["artist"]) == ("Slow River", "The Night Owls")
    found = client.get("/v1/tracks?q=Quiet Harbour").get_json()["results"][0]
    assert (found["title"], found["artist"]) == ("Quiet Harbour", "Mara Lind")
    tagged = client.get("/v1/tracks?q=Tagged").get_json()["results"][0]
    assert (tagged["title"], tagged["artist"]) == ("Tagged - Title", "Someone")  # its tags win
    m3u8 = client.post("/v1/playlists?format=m3u8",
                       json={"seed": "path:Tagged.flac", "length": 2}).get_data(as_text=True)
    lines = m3u8.splitlines()  # each file under its own "Artist - Title"
    slow = lines.index("#EXTINF:5,The Night Owls - Slow River")
    assert lines[slow + 1].endswith("/Music/The Night Owls - Slow River.wav")
    quiet = lines.index("#EXTINF:5,Mara Lind - Quiet Harbour")
    assert lines[quiet + 1].endswith("/Music/Album/07 - Quiet Harbour.flac")
