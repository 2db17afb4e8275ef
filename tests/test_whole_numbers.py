"""Numbers that count things or name a choice (a key, a mode, a duration in ms, a
popularity) come back as JSON integers when whole: builds keep every number as a float,
and "key": 11.0 cannot be read into an integer field by typed clients (Go's
encoding/json, Rust's serde refuse it)."""
from __future__ import annotations

import json

from models.build import build
from models.ingest import Catalog

from .fixtures import make_track


def publish(store, **overrides) -> None:
    features = {"energy": 0.5, "valence": 0.4, "tempo": 120.5, "key": 11.0, "mode": 0.0,
                "duration_ms": 168696.0, "loudness": -6.0}
    tracks = [make_track(i, features=dict(features), popularity=40.0) for i in range(12)]
    tracks[0] = make_track(0, features={**features, **overrides}, popularity=62.5)
    store.publish(build(Catalog(tracks=tracks), k=5))


def raw(response) -> dict:
    assert response.status_code == 200, response.get_data(as_text=True)
    return json.loads(response.get_data(as_text=True))


def test_a_track_document_serves_whole_numbers_as_integers(client, store):
    publish(store)
    doc = raw(client.get("/v1/tracks/trk1"))
    features = doc["features"]
    assert [type(features[k]) for k in ("key", "mode", "duration_ms")] == [int] * 3
    assert (features["key"], features["mode"], features["duration_ms"]) == (11, 0, 168696)
    assert type(doc["popularity"]) is int and doc["popularity"] == 40
    assert type(features["tempo"]) is float and type(features["loudness"]) is float


def test_fractions_stay_as_they_are(client, store):
    publish(store, duration_ms=1000.5)
    doc = raw(client.get("/v1/tracks/trk0"))
    assert doc["popularity"] == 62.5 and doc["features"]["duration_ms"] == 1000.5


def test_playlist_entries_give_the_duration_as_an_integer(client, store):
    publish(store)
    tracks = raw(client.post("/v1/playlists", json={"seed": "trk1", "length": 3}))["tracks"]
    assert tracks and all(type(t["duration_ms"]) is int for t in tracks)
