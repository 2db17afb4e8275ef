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

