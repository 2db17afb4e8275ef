"""Regressions found while documenting and fuzzing the API (schemathesis and by hand),
each with the request that showed it."""
from __future__ import annotations

import json
from xml.etree import ElementTree as ET

import pytest

from service.exports import export

ODD = "Mix \ufffe\uffff\ud800 <&> end"


@pytest.mark.parametrize("fmt", ["m3u8", "xspf", "jspf"])
def test_exports_drop_characters_xml_forbids(fmt):
    tracks = [{"id": "a", "title": "Song \uffff", "artist": "A\ufffe", "album": "B\ud800",
               "duration_ms": 1000}]
    text = export(fmt, ODD, tracks, lambda t: "t/a")
    assert not any(ch in text for ch in "\ufffe\uffff\ud800")
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
