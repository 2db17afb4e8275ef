"""Regressions found while documenting and fuzzing the API (schemathesis and by hand),
each with the request that showed it."""
from __future__ import annotations

import json
from xml.etree import ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.exports import export

ODD = "Mix \ufffe\uffff\ud800 <&> end"


@pytest.mark.parametrize("fmt", ["m3u8", "xspf", "jspf"])
def test_exports_drop_characters_xml_forbids(fmt):
    tracks = [{"id": "a", "title": "Song \uffff", "artist": "A\ufffe\x850", "album": "B\ud800",
               "duration_ms": 1000}]
    text = export(fmt, ODD, tracks, lambda t: "t/a")
    assert not any(ch in text for ch in "\ufffe\uffff\ud800\x85")
    if fmt == "m3u8":  # NEL (U+0085) is a line break to many readers, Python's too
        assert len(text.splitlines()) == 4
    text.encode("utf-8")  # no lone surrogate left to fail the response
    if fmt == "xspf":
        root = ET.fromstring(text.encode("utf-8"))
        assert root.find("{http://xspf.org/ns/0/}title").text == "Mix   <&> end"
    if fmt == "jspf":
        assert json.loads(text)["playlist"]["track"][0]["title"] == "Song"


def test_an_xspf_playlist_with_an_odd_title_is_well_formed_xml(client, published):
    response = client.post("/v1/playlists?format=xspf",
                           json={"seed": "trk3", "length": 2, "title": "a\uffffb"})
    assert response.status_code == 200
    root = ET.fromstring(response.get_data())
    assert root.find("{http://xspf.org/ns/0/}title").text == "a b"


@settings(max_examples=150, deadline=None)
@given(title=st.text(max_size=40), artist=st.text(max_size=20), album=st.text(max_size=20))
def test_exports_are_well_formed_whatever_the_text(title, artist, album):
    """Any title, artist or album (as a catalog or a request may hold them): XSPF parses,
    JSPF parses, M3U8 keeps one directive line and one link per track."""
    tracks = [{"id": "a", "title": title, "artist": artist, "album": album,
               "duration_ms": 1000}, {"id": "b", "title": "x", "artist": "y", "album": ""}]
    ET.fromstring(export("xspf", title, tracks, lambda t: f"t/{t['id']}").encode("utf-8"))
    json.loads(export("jspf", title, tracks, lambda t: f"t/{t['id']}"))
    lines = export("m3u8", title, tracks, lambda t: f"t/{t['id']}").splitlines()
    assert len(lines) == 6 and lines[0] == "#EXTM3U" and lines[1].startswith("#PLAYLIST:")
    assert [line for line in lines[2:] if not line.startswith("#EXTINF:")] == ["t/a", "t/b"]
