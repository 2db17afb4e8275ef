"""Tracks with nothing to place them by (a title, no features, tags, notes, review or
album-mate with any) are found but never recommended, and refused as seeds: in the feel
space they sat at the centre, as close to a seed with little evidence as anything."""
from __future__ import annotations

import numpy as np
import pytest

from models.build import FeelModel, build, save_default_model
from models.errors import CatalogError, SeedWithoutEvidence
from models.ingest import Catalog
from models.ranking import Query, RankingEngine, path
from service import create_app
from service.resources import Resources
from service.store import ModelStore, Updater

from .fixtures import error_of, make_track, write_rows

RICH = 40


def bare(i: int, album: str = ""):
    return make_track(i, id=f"bare{i}", title=f"Untitled Demo {i}", artist=f"Garage {i}",
                      album=album, features={}, tags=[])


def thin(i: int):
    """Audio features and nothing else: a seed with little evidence."""
    return make_track(i, id=f"thin{i}", album=f"Single {i}", tags=[])


def library() -> list:
    rich = [make_track(i, album=f"Album {i % 5}") for i in range(RICH)]
    return [*rich, *(thin(i) for i in range(RICH, RICH + 10)),
            *(bare(i) for i in range(RICH + 10, RICH + 16))]


def feel_model(tracks: list) -> FeelModel:
    rows = np.arange(0, RICH, 2)
    return FeelModel().fit(tracks, rows, np.column_stack([rows % 10, rows % 7]) / 10)


@pytest.fixture(params=["feel", "plain"])
def built(request):
    """Built in the feel space, and with the plain blocks (no trained feel model: a
    review found those kept title-only tracks at the centre)."""
    tracks = library()
    model = feel_model(tracks) if request.param == "feel" else None
    return build(Catalog(tracks=tracks), k=20, feel_model=model)


@pytest.fixture()
def served(store: ModelStore, built, env):
    store.publish(built)
    app = create_app({"TESTING": True, "RESOURCES": Resources(store)})
    return app.test_client()


def bare_ids(body: dict, key: str = "results") -> list[str]:
    return [t["id"] for t in body[key] if t["id"].startswith("bare")]


def test_the_build_counts_them_and_zeroes_their_vectors(built):
    is_bare = np.array([t.id.startswith("bare") for t in built.tracks])
    assert built.meta["unplaced_tracks"] == 6
    assert not built.vectors[is_bare].any() and built.vectors[~is_bare].any(axis=1).all()
    if built.meta["settings"]["feel_model"]:  # feel vectors all lean one way: cosine > 0
        assert not np.isin(built.neighbours[~is_bare], np.flatnonzero(is_bare)).any()


def test_they_never_enter_a_thin_seeds_list(built):
    """Every seed, thin ones most of all, with the lists and the exact scan alike."""
    table = built.table()
    engine = RankingEngine(table)
    placed = [r for r, t in enumerate(built.tracks) if not t.id.startswith("bare")]
    for row in placed:
        for query in (Query(seeds=[(row, 1.0)], limit=30),
                      Query(seeds=[(row, 1.0)], moods={"peaceful": 1.0}, limit=30)):
            rows = engine.rank(query).rows
            assert len(rows) == 30 and not set(rows) - set(placed), built.tracks[row].id


def test_the_api_answers_without_them_and_still_finds_them(served):
    for seed in ("thin40", "thin45", "trk3"):
        body = served.get(f"/v1/recommendations?seed={seed}&limit=50").get_json()
        assert body["results"] and not bare_ids(body), seed
    mood = served.post("/v1/recommendations", json={"moods": {"sad": 1}, "limit": 100})
    assert mood.status_code == 200 and not bare_ids(mood.get_json())
    playlist = served.post("/v1/playlists", json={"seeds": [{"id": "thin41"}], "length": 40})
    assert playlist.status_code == 200 and not bare_ids(playlist.get_json(), "tracks")
    walk = served.get("/v1/path?from=thin40&to=trk7&steps=20").get_json()
    assert not bare_ids(walk, "tracks")
    found = served.get("/v1/tracks?q=Untitled Demo 52").get_json()
    assert "bare52" in [t["id"] for t in found["results"]]
    # found by an app developer: a search result gave no sign that choosing it as the
    # seed would be a 400; each result now says whether it is placed
    placed = {t["id"]: t["placed"] for t in served.get("/v1/tracks?q=Untitled Demo 52&limit=50")
              .get_json()["results"] + found["results"]}
    assert placed["bare52"] is False and all(placed[i] is i.startswith(("trk", "thin"))
                                             for i in placed), placed
    assert served.get("/v1/tracks?q=thin41").get_json()["results"][0]["placed"] is True
    doc = served.get("/v1/tracks/bare52").get_json()
    assert doc["placed"] is False and served.get("/v1/tracks/thin41").get_json()["placed"]
    # found by a tester: 0.0 read as a neutral track, where nothing is known
    assert doc["valence"] is None and doc["arousal"] is None


@pytest.mark.parametrize("request_", [
    ("get", "/v1/recommendations?seed=bare51", None, "seed"),
    ("post", "/v1/recommendations", {"seeds": [{"id": "bare51"}, {"id": "bare52"}]},
     "seeds[0].id"),
    ("post", "/v1/playlists", {"seeds": [{"id": "bare51"}], "length": 5}, "seeds[0].id"),
    ("post", "/v1/playlists", {"seeds": [{"id": "bare51"}], "length": 5,
                               "arc": {"from": "peaceful", "to": "joyful"}}, "seeds[0].id"),
    ("get", "/v1/path?from=trk1&to=bare51", None, "to"),
], ids=["get", "post", "playlist", "arc", "path"])
def test_a_seed_with_nothing_to_place_it_by_is_a_400(served, request_):
    method, url, body, field = request_
    response = getattr(served, method)(url, json=body) if body else served.get(url)
    error = error_of(response, 400, "seed_without_evidence")
    assert "Untitled Demo 51" in error["message"] and len(error["message"]) < 400
    assert error["field"] == field


@pytest.mark.parametrize("url, body", [
    ("/v1/recommendations", {"seeds": [{"id": "thin41"}, {"id": "bare51"}], "limit": 5}),
    ("/v1/recommendations", {"seeds": [{"id": "thin41"}],
                             "negative_seeds": [{"id": "trk7"}, {"id": "bare51"}], "limit": 5}),
    ("/v1/playlists", {"seeds": [{"id": "thin41"}, {"id": "bare51"}], "length": 5}),
], ids=["seeds", "negative seeds", "playlist"])
def test_a_seed_beside_placed_ones_is_left_out_with_a_warning(served, url, body):
    """Found by a tester: the answer listed it among its seeds and said nothing."""
    answer = served.post(url, json=body).get_json()
    field, kind = ("negative_seeds[1].id", "negative seeds") if "negative_seeds" in body \
        else ("seeds[1].id", "seeds")  # an app developer: not "the seeds" for a negative one
    assert [w for w in answer["warnings"] if "Untitled Demo 51" in w] == [
        f'{field}: nothing is known of how "Untitled Demo 51" feels, so it was left out of '
        f'the {kind}']
    alone = {key: [s for s in seeds if s != {"id": "bare51"}] for key, seeds in body.items()
             if key in ("seeds", "negative_seeds")}
    without = served.post(url, json={**body, **alone}).get_json()
    key = "results" if "results" in answer else "tracks"
    assert [t["id"] for t in answer[key]] == [t["id"] for t in without[key]]  # left out
    assert answer["seeds"] == without["seeds"] and "bare51" not in str(answer["seeds"])


@pytest.mark.parametrize("url, body", [
    ("/v1/recommendations", {"moods": {"sad": 1}, "limit": 5}),
    ("/v1/playlists", {"moods": {"sad": 1}, "length": 5}),
    ("/v1/playlists", {"length": 5, "arc": {"from": "peaceful", "to": "joyful"}}),
], ids=["recommendations", "playlist", "arc"])
def test_include_ids_of_such_tracks_say_why_nothing_is_returned(served, url, body):
    """Found by an app developer: include_ids naming only such tracks warned 'no track
    passes the filters; loosen them', hiding that they can never be recommended."""
    key = "results" if url.endswith("recommendations") else "tracks"
    answer = served.post(url, json={**body, "include_ids": ["bare51", "bare52"]}).get_json()
    assert answer[key] == []
    assert not any(w.startswith("no track passes") for w in answer["warnings"])
    assert answer["warnings"][0].startswith(
        'include_ids: nothing is known of how the tracks it names feel (include_ids[0] '
        '"Untitled Demo 51", include_ids[1] "Untitled Demo 52"')
    assert answer["warnings"][0].endswith("nothing can be returned")
    # beside a placed one, it is named and the placed one is returned
    mixed = served.post(url, json={**body, "include_ids": ["trk3", "bare51"]}).get_json()
    assert [t["id"] for t in mixed[key]] == ["trk3"]
    assert 'include_ids[1] "Untitled Demo 51" feels' in " ".join(mixed["warnings"])
    assert not any(w.startswith("no track passes") for w in mixed["warnings"])


def test_a_placed_seed_beside_them_leads_alone(built):
    engine, thin_row = RankingEngine(built.table()), RICH + 2
    for bare_row in range(RICH + 10, RICH + 16):
        both = engine.rank(Query(seeds=[(bare_row, 1.0), (thin_row, 1.0)], limit=20))
        alone = engine.rank(Query(seeds=[(thin_row, 1.0)], limit=20))
        assert both.rows == alone.rows


@pytest.mark.parametrize("with_feel", [True, False], ids=["feel", "plain"])
def test_a_key_or_a_length_alone_places_no_track(with_feel):
    """They say nothing of how a track feels and no vector uses them: the plain blocks
    counted such a track as placed, at the centre, near every thin seed."""
    only = [make_track(90, id="key90", features={"key": -1.0}, tags=[], album=""),
            make_track(91, id="length91", features={"duration_ms": 200_000.0}, tags=[],
                       album="")]
    tracks = [*library(), *only]
    built = build(Catalog(tracks=tracks), k=20,
                  feel_model=feel_model(tracks) if with_feel else None)
    assert built.meta["unplaced_tracks"] == 8
    assert not built.table().placed[-2:].any()


def test_an_album_mate_with_evidence_places_a_title_only_track():
    mate = make_track(99, id="bare99", title="Interlude", artist="Artist 2", album="Album 2",
                      features={}, tags=[])
    tracks = [*library(), mate]
    built = build(Catalog(tracks=tracks), k=20, feel_model=feel_model(tracks))
    assert built.meta["unplaced_tracks"] == 6 and built.vectors[-1].any()
    assert RankingEngine(built.table()).rank(Query(seeds=[(len(tracks) - 1, 1.0)])).rows


def test_the_plain_blocks_place_a_track_by_its_own_evidence_only():
    """They share no album prior: the title-only album-mate would sit at the centre."""
    mate = make_track(99, id="bare99", title="Interlude", artist="Artist 2", album="Album 2",
                      features={}, tags=[])
    noted = make_track(98, id="noted98", features={}, tags=[], notes="a quiet lullaby")
    built = build(Catalog(tracks=[*library(), mate, noted]), k=20)
    assert built.meta["unplaced_tracks"] == 7
    assert not built.vectors[-2].any() and built.vectors[-1].any()


@pytest.mark.parametrize("trained", [True, False])
def test_a_build_with_nothing_to_place_is_refused(trained):
    tracks = library()
    with pytest.raises(CatalogError, match="anything to place"):
        build(Catalog(tracks=tracks[RICH + 10:]), k=3,
              feel_model=feel_model(tracks) if trained else None)


def test_the_domain_refuses_them_as_path_ends(built):
    table = built.table()
    with pytest.raises(SeedWithoutEvidence):
        path(table, 0, len(built.tracks) - 1, 5)


def test_adding_one_live_says_so_and_keeps_it_out_of_lists(store: ModelStore, built):
    store.publish(built)
    result = Updater(store).add([bare(200), make_track(201, id="new201", album="New")])
    assert result.unplaced == ["bare200"] and result.as_dict()["unplaced"] == ["bare200"]
    http = create_app({"TESTING": True, "RESOURCES": Resources(store)}).test_client()
    for track in built.tracks[:RICH + 10]:
        body = http.get(f"/v1/recommendations?seed={track.id}&limit=50").get_json()
        assert "bare200" not in {t["id"] for t in body["results"]}, track.id


def test_build_prints_how_many(runner, env, tmp_path):
    tracks = library()
    save_default_model(feel_model(tracks), env["FEELALIKE_DATA_HOME"])
    rows = [{"track_id": t.id, "track_name": t.title, "track_artist": t.artist,
             "energy": str(t.features.get("energy", "")),
             "valence": str(t.features.get("valence", "")),
             "playlist_name": (t.tags or [""])[0]} for t in tracks]
    catalog = write_rows(tmp_path / "lib.csv", rows, list(rows[0]))
    code, out, err = runner("build", "--catalog", str(catalog))
    assert code == 0, err
    assert "note: 6 track(s) have nothing to place them by" in err
    code, _, err = runner("recommend", "bare51")
    assert code == 2 and err.count("\n") == 1 and "Untitled Demo 51" in err
    more = write_rows(tmp_path / "more.csv", [{"track_id": "bare300", "track_name": "Demo",
                                               "track_artist": "Garage"}],
                      ["track_id", "track_name", "track_artist"])
    code, _, err = runner("add", "--catalog", str(more))
    assert code == 0 and "note: 1 track(s) have nothing to place them by" in err
    assert "reviews are read only by a build" in err  # an update reads none


def test_the_widget_says_so_for_such_a_seed(served):
    response = served.get("/embed?seed=bare51")
    assert response.status_code == 400 and b"Untitled Demo 51" in response.data
    assert b"Traceback" not in response.data
