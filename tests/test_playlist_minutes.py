"""Playlists of a given length in time: POST /v1/playlists {"minutes": 45} and
`feelalike playlist --minutes 45` fill the time (never under by more than half the
shortest track still allowed, never over by a whole last track), along an arc spread
over the minutes; the answer gives the total (``duration_ms``) in both modes."""
from __future__ import annotations

import csv
import io
import json

import pytest

from models.build import build
from models.ingest import Catalog

from .fixtures import error_of, make_track
from .test_playlists import post, rich_track

SHORTEST_MS = 150_000  # rich_track's durations: 150 000 to 270 000 ms


@pytest.fixture()
def rich(store):
    store.publish(build(Catalog([rich_track(i) for i in range(300)]), k=30))


def assert_fills(answer: dict, minutes: float) -> None:
    """The documented rule: under by at most half the shortest track, and over by less
    than the last track (without it the playlist was under)."""
    target = minutes * 60_000
    lengths = [t["duration_ms"] for t in answer["tracks"]]
    assert answer["duration_ms"] == sum(lengths)
    assert answer["duration_ms"] >= target - SHORTEST_MS / 2
    assert answer["duration_ms"] - lengths[-1] < target
    assert not any("asked" in w for w in answer.get("warnings", []))


@pytest.mark.parametrize("minutes", [45, 12.5, 90])
def test_a_flow_playlist_fills_the_minutes(client, rich, minutes):
    answer = post(client, "/v1/playlists", {"seed": "r40", "minutes": minutes})
    assert_fills(answer, minutes)
    assert answer["durations_estimated"] == 0


def test_an_arc_is_spread_over_the_minutes_not_the_tracks(client, rich):
    answer = post(client, "/v1/playlists", {"minutes": 60, "min_artist_gap": 2,
                                            "arc": {"from": "sad", "to": "joyful"}})
    assert_fills(answer, 60)
    arc, tracks = answer["arc"], answer["tracks"]
    start, end = arc[0]["valence"], arc[-1]["valence"]
    assert start < end
    # each track's target moves on by the time the track before it took, not by a place
    moving = [(b["valence"] - a["valence"]) / track["duration_ms"]
              for a, b, track in zip(arc, arc[1:], tracks) if b["valence"] < end]
    assert len(moving) > 8
    assert max(moving) < 1.1 * min(moving)  # 3 decimals; the tracks last 150-270 s
    valences = [t["valence"] for t in tracks]
    assert sum(valences[-3:]) > sum(valences[:3])


def test_a_count_playlist_gives_its_total_too(client, rich):
    answer = post(client, "/v1/playlists", {"seed": "r40", "length": 5})
    assert len(answer["tracks"]) == 5
    assert answer["duration_ms"] == sum(t["duration_ms"] for t in answer["tracks"])


def test_length_null_beside_minutes_is_left_out(client, rich):
    answer = post(client, "/v1/playlists", {"seed": "r40", "length": None, "minutes": 20})
    assert_fills(answer, 20)


def test_length_and_minutes_both_are_refused(client, rich):
    error = error_of(client.post("/v1/playlists", json={"seed": "r40", "length": 10,
                                                          "minutes": 30}), 400, "bad_request")
    assert error["field"] == "minutes"
    assert "length" in error["message"] and "not both" in error["message"]


@pytest.mark.parametrize("value, says", [
    (0, "at least 1"), (-5, "at least 1"), (0.5, "at least 1"), (601, "at most 600"),
    ("45", "must be a number"), (True, "must be a number"), ([45], "must be a number"),
    ({"m": 45}, "must be a number")])
def test_bad_minutes_are_refused(client, rich, value, says):
    error = error_of(client.post("/v1/playlists", json={"seed": "r40", "minutes": value}),
                     400, "bad_request")
    assert error["field"] == "minutes" and says in error["message"]


@pytest.mark.parametrize("raw", ["NaN", "Infinity", "-Infinity"])
def test_minutes_that_are_no_finite_number_are_refused(client, rich, raw):
    response = client.post("/v1/playlists", data='{"seed": "r40", "minutes": %s}' % raw,
                           content_type="application/json")
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "bad_request"


def test_a_catalog_too_small_for_the_minutes_gives_what_there_is(client, store):
    tracks = [make_track(i, features={"energy": i / 6, "valence": 0.5,
                                      "duration_ms": 180_000.0}) for i in range(6)]
    store.publish(build(Catalog(tracks), k=3))
    answer = post(client, "/v1/playlists", {"seed": "trk0", "minutes": 60,
                                            "min_artist_gap": 0})
    assert len(answer["tracks"]) == 5  # every track but the seed
    assert answer["duration_ms"] == 5 * 180_000
    assert "only 15:00 of the 60:00 asked could be filled (5 tracks)" in \
        " ".join(answer["warnings"])


def test_tracks_without_a_duration_count_as_the_median_and_are_named(client, store):
    tracks = [make_track(i, features={"energy": i / 12, "valence": 0.5, "mode": 1.0,
                                      **({"duration_ms": 200_000.0} if i % 2 else {})})
              for i in range(12)]
    store.publish(build(Catalog(tracks), k=5))
    answer = post(client, "/v1/playlists", {"seed": "trk1", "minutes": 10,
                                            "min_artist_gap": 0})
    missing = [t for t in answer["tracks"] if t["duration_ms"] is None]
    assert missing and answer["durations_estimated"] == len(missing)
    assert answer["duration_ms"] == 200_000 * len(answer["tracks"])  # the median: 200 000
    assert f"{len(missing)} of the tracks have no duration and count as the catalog's " \
           "median, 3:20" in answer["warnings"]
    assert_fills(answer | {"tracks": [t | {"duration_ms": 200_000}
                                      for t in answer["tracks"]]}, 10)


def test_a_hundred_tracks_are_the_most_even_for_600_minutes(client, rich):
    answer = post(client, "/v1/playlists", {"seed": "r40", "minutes": 600,
                                            "min_artist_gap": 0})
    assert len(answer["tracks"]) == 100
    assert any("at most 100 tracks" in w and "of the 600:00 asked" in w
               for w in answer["warnings"])


def test_an_export_of_minutes_keeps_the_tracks_and_the_warnings(client, store):
    tracks = [make_track(i, features={"energy": i / 6, "valence": 0.5,
                                      "duration_ms": 180_000.0}) for i in range(6)]
    store.publish(build(Catalog(tracks), k=3))
    body = {"seed": "trk0", "minutes": 60, "min_artist_gap": 0}
    entries = post(client, "/v1/playlists", body)["tracks"]
    response = client.post("/v1/playlists?format=csv", json=body)
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert [r["feelalike_id"] for r in rows] == [e["id"] for e in entries]
    assert sum(int(r["duration_ms"]) for r in rows) == 5 * 180_000
    assert any("of the 60:00 asked" in w
               for w in json.loads(response.headers["X-Feelalike-Warnings"]))
    m3u8 = client.post("/v1/playlists?format=m3u8", json=body).get_data(as_text=True)
    assert m3u8.count("#EXTINF:180,") == 5


def test_the_cli_fills_minutes_as_the_api_does(runner, client, rich):
    code, out, err = runner("playlist", "r40", "--minutes", "30", "--format", "jspf")
    assert code == 0, err
    served = json.loads(out)["playlist"]["track"]
    expected = post(client, "/v1/playlists", {"seed": "r40", "minutes": 30})
    assert [t["duration"] for t in served] == [t["duration_ms"] for t in expected["tracks"]]
    assert_fills(expected, 30)


@pytest.mark.parametrize("args, says", [
    (["--minutes", "30", "--length", "5"], "not both"),
    (["--minutes", "0"], "at least 1"), (["--minutes", "nan"], "finite"),
    (["--minutes", "half an hour"], "must be a number"), (["--minutes", "700"], "at most 600")])
def test_the_cli_refuses_bad_minutes(runner, rich, args, says):
    code, _, err = runner("playlist", "r40", *args)
    assert code != 0 and "minutes" in err and says in err


def test_an_arc_of_more_minutes_than_100_tracks_make_still_reaches_its_end(client, rich):
    arc = {"from": "sad", "to": "joyful"}
    capped = post(client, "/v1/playlists", {"minutes": 600, "arc": arc, "min_artist_gap": 0})
    counted = post(client, "/v1/playlists", {"length": 100, "arc": arc, "min_artist_gap": 0})
    assert len(capped["tracks"]) == 100
    assert capped["arc"][-1] == counted["arc"][-1]  # the end mood, not 58% of the way


@pytest.mark.parametrize("arc", [None, {"from": "sad", "to": "joyful"}])
def test_minutes_that_filters_leave_no_track_for_are_a_warning_not_an_error(client, rich,
                                                                             arc):
    answer = post(client, "/v1/playlists", {"seed": "r40", "minutes": 30, "min_tempo": 299,
                                            **({"arc": arc} if arc else {})})
    assert answer["tracks"] == [] and answer["duration_ms"] == 0
    assert any("no track passes the filters" in w for w in answer["warnings"])
