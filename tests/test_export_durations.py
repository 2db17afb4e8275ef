"""A playlist file gives each track's length as the JSON entry does: XSPF and JSPF in
milliseconds (their specs' unit; it was whole seconds times 1000, so 149413 ms became
149000), CSV in duration_ms, M3U8 in seconds (its unit); and the documented JSPF
schema says what a track of it holds, so a generated client can read ``duration``."""
from __future__ import annotations

import csv
import io
import json
from xml.etree import ElementTree as ET

from jsonschema import Draft202012Validator

from models.build import build
from models.ingest import Catalog
from service.exports import export
from service.openapi import build_document

from .fixtures import make_track

XSPF = "{http://xspf.org/ns/0/}"
TRACKS = [{"id": "a", "title": "A", "artist": "X", "album": "", "duration_ms": 149413,
           "external_ids": {}},
          {"id": "b", "title": "B", "artist": "Y", "album": "", "duration_ms": None,
           "external_ids": {}}]


def test_each_format_gives_the_length_in_its_unit():
    jspf = json.loads(export("jspf", "Mix", TRACKS, lambda t: "x"))["playlist"]["track"]
    assert [t.get("duration") for t in jspf] == [149413, None]
    xspf = ET.fromstring(export("xspf", "Mix", TRACKS, lambda t: "x"))
    assert [d.text for d in xspf.iter(f"{XSPF}duration")] == ["149413"]
    rows = list(csv.DictReader(io.StringIO(export("csv", "Mix", TRACKS, lambda t: "x"))))
    assert [r["duration_ms"] for r in rows] == ["149413", ""]
    assert "#EXTINF:149,X - A" in export("m3u8", "Mix", TRACKS, lambda t: "x")
    assert "#EXTINF:-1,Y - B" in export("m3u8", "Mix", TRACKS, lambda t: "x")


def test_a_served_jspf_matches_its_documented_schema_and_the_json_entries(client, store):
    tracks = [make_track(i, features={"energy": i / 12, "valence": 0.5, "mode": 1.0,
                                      "duration_ms": 149413.0 + i}) for i in range(12)]
    store.publish(build(Catalog(tracks=tracks), k=5))
    body = {"seed": "trk1", "length": 4}
    entries = client.post("/v1/playlists", json=body).get_json()["tracks"]
    response = client.post("/v1/playlists?format=jspf", json=body)
    served = json.loads(response.get_data(as_text=True))
    assert [t["duration"] for t in served["playlist"]["track"]] == \
        [e["duration_ms"] for e in entries]
    doc = build_document()
    content = doc["paths"]["/v1/playlists"]["post"]["responses"]["200"]["content"]
    schema = content["application/jspf+json"]["schema"]
    track = schema["properties"]["playlist"]["properties"]["track"]["items"]
    assert track["properties"]["duration"]["type"] == "integer"
    validator = Draft202012Validator({**schema, "components": doc["components"]})
    assert not list(validator.iter_errors(served))
    fractional = {"playlist": {"title": "t", "track": [
        {"title": "A", "creator": "X", "location": [], "identifier": [], "duration": 1.5}]}}
    assert list(validator.iter_errors(fractional))  # the items are checked, not just "array"
