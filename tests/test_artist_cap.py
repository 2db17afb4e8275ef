"""``max_per_artist`` counts every artist a track credits, main or guest, as the artist
gap does: with a cap of 1 a curator got "Sunrise" by Funky and "Impulso (feat. Funky)"
by Alex, since the cap counted main artists only.  A track crediting several artists is
left out when any of them is at the cap; a track with no artist is never capped."""
from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from models.build import build
from models.language import normalise
from models.ranking import Query, TrackTable, arc_points, pick, sequence

from .fixtures import hand_table, make_track

#: (title, artist), most relevant first
TRACKS = [("Sunrise", "Funky"), ("Impulso (feat. Funky)", "Alex"),
          ("Other (with Funky)", "Band"), ("Luz y Sal", "Funky featuring Edward"),
          ("Solo", "Edward"), ("No Quiere Novio", "Ñejo & Dalmata"), ("Otra Vez", "Ñejo"),
          ("Anon 1", ""), ("Anon 2", ""), ("Anon 3", ""),
          *[(f"Filler {i}", f"Filler Artist {i}") for i in range(10)]]


def _table() -> TrackTable:
    ids = [f"t{i}" for i in range(len(TRACKS))]
    vectors = np.random.default_rng(0).normal(size=(len(ids), 4))
    return replace(hand_table(ids, {}, vectors), titles=[t for t, _ in TRACKS],
                   artists=[a for _, a in TRACKS],
                   artist_keys=[normalise(a) for _, a in TRACKS])


def _picked(cap: int | None) -> list[str]:
    table = _table()
    rows = np.arange(len(TRACKS))
    scores = np.linspace(1.0, 0.5, len(TRACKS)).astype(np.float32)
    at = pick(table, rows, scores, Query(limit=len(TRACKS), max_per_artist=cap))
    return [TRACKS[i][0] for i in at]


def _placed(cap: int | None) -> list[str]:
    table = _table()
    relevance = np.linspace(1.0, 0.5, len(TRACKS)).astype(np.float32)
    placed = sequence(table, np.arange(len(TRACKS)), relevance,
                      arc_points((0, 0), (0, 0), 12), min_artist_gap=0,
                      max_per_artist=cap, follow_arc=False)
    return [TRACKS[r][0] for r in placed.rows]


@pytest.mark.parametrize("listed", [_picked, _placed], ids=["recommendations", "playlist"])
def test_a_guest_counts_against_the_cap(listed):
    got = listed(1)
    # Funky: main on "Sunrise", guest on "Impulso" and "Other", before "featuring" on
    # "Luz y Sal"; that one's guest Edward is thereby never counted ("Solo" stays)
    assert "Sunrise" in got
    assert not {"Impulso (feat. Funky)", "Other (with Funky)", "Luz y Sal"} & set(got)
    assert "Solo" in got
    # "Ñejo & Dalmata" credits Ñejo, who has tracks of his own
    assert "No Quiere Novio" in got and "Otra Vez" not in got


@pytest.mark.parametrize("listed", [_picked, _placed], ids=["recommendations", "playlist"])
def test_a_cap_of_two_takes_a_guest_appearance_as_the_second(listed):
    got = listed(2)
    assert "Sunrise" in got and "Impulso (feat. Funky)" in got
    assert "Other (with Funky)" not in got and "Luz y Sal" not in got


@pytest.mark.parametrize("listed", [_picked, _placed], ids=["recommendations", "playlist"])
def test_tracks_with_no_artist_are_not_capped(listed):
    got = listed(1)
    assert {"Anon 1", "Anon 2", "Anon 3"} <= set(got)


def test_a_track_is_left_out_when_any_of_its_artists_is_at_the_cap():
    """"Luz y Sal" by "Funky featuring Edward" comes after "Solo" by Edward: Funky is
    free, Edward is not, so it is left out, and Funky's own track is still taken."""
    table = _table()
    order = [4, 3, 0, *range(5, len(TRACKS))]  # Solo, Luz y Sal, Sunrise, ...
    scores = np.linspace(1.0, 0.5, len(order)).astype(np.float32)
    at = pick(table, np.array(order), scores, Query(limit=len(TRACKS), max_per_artist=1))
    got = [TRACKS[order[i]][0] for i in at]
    assert got[:2] == ["Solo", "Sunrise"] and "Luz y Sal" not in got


def test_without_a_cap_guests_are_listed():
    assert {"Sunrise", "Impulso (feat. Funky)", "Other (with Funky)"} <= set(_picked(None))


@pytest.fixture()
def guests(store, small_catalog):
    """The small model with one artist's tracks and guest appearances."""
    small_catalog.tracks = [
        replace(t, artist="Funky") if i == 0 else t for i, t in enumerate(small_catalog.tracks)]
    small_catalog.tracks += [
        make_track(90 + i, title=f"Guest {i} (feat. Funky)", artist=f"Host {i}")
        for i in range(6)]
    return store.publish(build(small_catalog, k=10))


def _crediting_funky(tracks: list[dict]) -> list[str]:
    return [t["title"] for t in tracks if "Funky" in (t["artist"], t["title"])
            or "(feat. Funky)" in t["title"]]


@pytest.mark.parametrize("path, listed", [("/v1/recommendations", "results"),
                                          ("/v1/playlists", "tracks")])
def test_the_api_caps_guests_as_main_artists(client, guests, path, listed):
    body = {"seeds": ["trk92"], "limit": 30} if listed == "results" \
        else {"seed": "trk92", "length": 30}
    plain = client.post(path, json=body).get_json()
    assert len(_crediting_funky(plain[listed])) > 1
    capped = client.post(path, json={**body, "max_per_artist": 1}).get_json()
    assert len(_crediting_funky(capped[listed])) == 1
    assert len(capped[listed]) > 1


@pytest.mark.parametrize("cap", [0, 101, "one"])
def test_a_cap_out_of_range_is_refused(client, guests, cap):
    response = client.post("/v1/playlists", json={"seed": "trk92", "max_per_artist": cap})
    assert response.status_code == 400
    assert response.get_json()["error"]["code"]
