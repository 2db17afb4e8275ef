"""What an app embedding the HTTP API ran into (a client developer's review)."""
from __future__ import annotations

from typing import Any


def _ids(client: Any, path: str, body: dict[str, Any], key: str) -> list[str]:
    response = client.post(path, json=body)
    assert response.status_code == 200, response.get_json()
    return [track["id"] for track in response.get_json()[key]]


def test_negative_seeds_count_beside_moods_without_seeds(client, published):
    """``{"moods": ..., "negative_seeds": [X]}`` answered exactly as ``exclude_ids: [X]``
    did: the negative seed was left out, and the tracks most like it still came first."""
    for asked in ({"moods": {"sad": 1.0}, "diversity": 0}, {"target_energy": 0.9},
                  {"text": "a lonely, eerie night"}):
        top = _ids(client, "/v1/recommendations", {**asked, "limit": 1}, "results")[0]
        excluded = _ids(client, "/v1/recommendations",
                        {**asked, "exclude_ids": [top]}, "results")
        pushed = _ids(client, "/v1/recommendations",
                      {**asked, "negative_seeds": [top]}, "results")
        assert top not in pushed and pushed != excluded, asked
        playlist = {**asked, "length": 8}
        assert _ids(client, "/v1/playlists", {**playlist, "negative_seeds": [top]},
                    "tracks") != _ids(client, "/v1/playlists",
                                      {**playlist, "exclude_ids": [top]}, "tracks"), asked


def test_an_unknown_body_field_names_the_field_meant(client, published):
    """A query string's near miss named the parameter meant, a body's only said "unknown
    field": ``{"seed": ...}`` (as GET and playlists spell it) to POST /v1/recommendations,
    or a playlist's ``limit`` (recommendations' name for its ``length``)."""
    for path, body, sent, meant in (
            ("/v1/recommendations", {"seed": "Song 3"}, "seed", "seeds"),
            ("/v1/recommendations", {"seeds": ["Song 3"], "lmit": 3}, "lmit", "limit"),
            ("/v1/recommendations", {"mood": {"sad": 1}}, "mood", "moods"),
            ("/v1/recommendations", {"seeds": ["Song 3"], "length": 3}, "length", "limit"),
            ("/v1/playlists", {"seed": "Song 3", "limit": 5}, "limit", "length"),
            ("/v1/playlists", {"seed": "Song 3", "min_artists_gap": 2}, "min_artists_gap",
             "min_artist_gap")):
        response = client.post(path, json=body)
        assert response.status_code == 400
        assert response.get_json()["error"] == {
            "code": "bad_request", "field": sent,
            "message": f"{sent}: unknown field; did you mean {meant}?"}
    wrong = client.post("/v1/recommendations", json={"seeds": ["Song 3"], "colour": "red"})
    assert wrong.get_json()["error"]["message"] == "colour: unknown field"
