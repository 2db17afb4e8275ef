"""Numbers that count things or name a choice (a key, a mode, a duration in ms) are
declared ``integer`` in /openapi.json and served as JSON integers: "key": 11.0 cannot
be read into an integer field by typed clients (Go's encoding/json, Rust's serde refuse
it), and a client generated from the schema needs the declared type to be the served
one. A fraction a catalog gives is rounded at ingest (half up), not refused; a model
built before that holds one is rounded where it is served.  ``popularity`` may be
fractional in a catalog: it is declared a number and served as an integer when whole."""
from __future__ import annotations

import json

from models.build import build
from models.ingest import Catalog, load_catalog, whole_features
from service.openapi import build_document
from service.requests import AddTracksBody
from service.store import codec

from .fixtures import make_track, write_rows

FEATURES = {"energy": 0.5, "valence": 0.4, "tempo": 120.5, "key": 11.0, "mode": 0.0,
            "duration_ms": 168696.0, "loudness": -6.0}
COLUMNS = ["track_id", "track_name", "track_artist", "popularity", "energy", "valence",
           "tempo", "key", "mode", "duration_ms"]


def publish(store, **overrides) -> None:
    tracks = [make_track(i, features=dict(FEATURES), popularity=40.0) for i in range(12)]
    tracks[0] = make_track(0, features={**FEATURES, **overrides}, popularity=62.5)
    store.publish(build(Catalog(tracks=tracks), k=5))


def publish_csv(store, tmp_path, first: dict[str, str]) -> Catalog:
    """A catalog file of 12 rows, the first with ``first``'s cells, loaded, built and
    published as a catalog a user gives would be."""
    rows = [{"track_id": f"c{i}", "track_name": f"Song {i}", "track_artist": f"A{i % 5}",
             "popularity": str(30 + i), "energy": str(0.1 + i / 20), "valence": "0.4",
             "tempo": "120.5", "key": str(i % 12), "mode": str(i % 2),
             "duration_ms": "222000"} for i in range(12)]
    rows[0].update(first)
    catalog = load_catalog(write_rows(tmp_path / "catalog.csv", rows, COLUMNS))
    store.publish(build(catalog, k=5))
    return catalog


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


def test_a_fractional_popularity_stays_one(client, store):
    publish(store)
    assert raw(client.get("/v1/tracks/trk0"))["popularity"] == 62.5


def test_a_model_holding_a_fractional_duration_serves_it_rounded(client, store,
                                                                   monkeypatch):
    """A model published before documents were written with whole numbers holds the
    fractions as they were given: they are rounded where they are served."""
    with monkeypatch.context() as written_as_before:
        written_as_before.setattr(codec, "whole_feature_values", dict)
        publish(store, duration_ms=1000.5, key=4.4)
    features = raw(client.get("/v1/tracks/trk0"))["features"]
    assert (features["duration_ms"], features["key"]) == (1001, 4)
    assert type(features["duration_ms"]) is int and type(features["key"]) is int


def test_playlist_entries_give_the_duration_as_an_integer(client, store):
    publish(store, duration_ms=1000.5)
    tracks = raw(client.post("/v1/playlists", json={"seed": "trk1", "length": 11}))["tracks"]
    assert tracks and all(type(t["duration_ms"]) is int for t in tracks)
    assert {t["duration_ms"] for t in tracks} <= {168696, 1001}


def test_a_catalog_file_with_whole_values_is_served_integers(client, store, tmp_path):
    publish_csv(store, tmp_path, {"duration_ms": "222000.0", "key": "9", "mode": "0"})
    text = client.get("/v1/tracks/c0").get_data(as_text=True)
    assert '"duration_ms":222000' in text.replace(" ", "") and "222000.0" not in text
    doc = raw(client.get("/v1/tracks/c0"))
    assert (doc["features"]["key"], doc["features"]["mode"], doc["popularity"]) == (9, 0, 30)
    assert type(doc["popularity"]) is int


def test_a_catalog_with_fractions_is_rounded_not_refused(client, store, tmp_path):
    catalog = publish_csv(store, tmp_path,
                          {"duration_ms": "222000.5", "key": "4.6", "mode": "0.7"})
    assert len(catalog.tracks) == 12 and not catalog.problems
    features = raw(client.get("/v1/tracks/c0"))["features"]
    assert (features["duration_ms"], features["key"], features["mode"]) == (222001, 5, 1)
    assert all(type(features[k]) is int for k in ("duration_ms", "key", "mode"))
    entry = raw(client.get("/v1/path?from=c0&to=c5&steps=1"))["tracks"][0]
    assert (entry["duration_ms"], entry["key"]) == (222001, "F major")


def test_a_key_out_of_range_is_still_left_out_and_reported(tmp_path):
    rows = [{"track_id": "c0", "track_name": "Song", "key": "11.6", "duration_ms": "5.5"}]
    catalog = load_catalog(write_rows(tmp_path / "c.csv", rows, COLUMNS))
    assert dict(catalog.tracks[0].features) == {"duration_ms": 6.0}
    assert [p.reason for p in catalog.problems] == [
        "key 11.6 is outside -1..11 (Spotify's scale); left out"]


def test_rounding_is_half_up_and_leaves_other_features_alone():
    features = {"key": -0.5, "mode": 0.5, "duration_ms": 1000.5, "tempo": 98.5}
    assert whole_features(features) == {"key": 0.0, "mode": 1.0, "duration_ms": 1001.0,
                                        "tempo": 98.5}
    whole = {"key": 3.0, "tempo": 98.5}
    assert whole_features(whole) is whole


def test_added_tracks_are_rounded_like_catalog_rows():
    body = AddTracksBody.model_validate({"tracks": [
        {"id": "n1", "title": "New", "features": {"mode": 0.7, "duration_ms": 215000.4}}]})
    assert dict(body.rows()[0].features) == {"mode": 1.0, "duration_ms": 215000.0}


def test_the_schema_declares_the_whole_features_integer():
    schemas = build_document()["components"]["schemas"]
    features = schemas["TrackFeatures"]["properties"]
    assert {k: features[k]["type"] for k in ("key", "mode", "duration_ms", "tempo")} == {
        "key": "integer", "mode": "integer", "duration_ms": "integer", "tempo": "number"}
    document = schemas["TrackDocument"]["properties"]
    assert document["features"]["$ref"] == "#/components/schemas/TrackFeatures"
    assert {"type": "number"} in document["popularity"]["anyOf"]
    assert {"type": "integer"} in schemas["Entry"]["properties"]["duration_ms"]["anyOf"]
