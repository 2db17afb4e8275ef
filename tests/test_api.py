"""The HTTP contract of /v1 (Flask test client; real HTTP is in test_http_e2e)."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import quote

import pytest

from models.build import build
from models.ingest import Catalog
from service.version_files import VersionFiles

from .fixtures import error_of, make_track


def test_recommendations_contract(client, published):
    body = client.get("/v1/recommendations?seed=trk3&limit=5").get_json()
    assert set(body) == {"seed", "model_version", "offset", "next_offset", "results"}
    assert body["seed"] == {"id": "trk3", "title": "Song 3", "artist": "Artist 3",
                            "album": "Album"}
    assert body["model_version"] == published
    results = body["results"]
    assert len(results) == 5
    for r in results:
        assert set(r) == {"id", "title", "artist", "album", "score", "moods", "why",
                          "external_ids"}
        assert 0.0 <= r["score"] <= 1.0
        assert r["id"] != "trk3"
        assert isinstance(r["why"], list) and r["why"] and all(isinstance(w, str) for w in r["why"])
    scores = [r["score"] for r in results]
    assert scores == sorted(scores, reverse=True)


def test_default_limit_is_ten(client, published):
    assert len(client.get("/v1/recommendations?seed=trk3").get_json()["results"]) == 10


def test_seed_by_title_partial_and_case_insensitive(client, published):
    body = client.get("/v1/recommendations?seed=loneliness %233").get_json()
    assert body["seed"]["title"] == "Loneliness #3 (Night Talking)"


def test_seed_title_dash_artist_narrows(client, store, small_catalog):
    small_catalog.tracks.append(make_track(99, title="Song 3", artist="Someone Else"))
    store.publish(build(small_catalog, k=10))
    body = client.get("/v1/recommendations?seed=Song 3 - Someone Else").get_json()
    assert body["seed"]["id"] == "trk99"


def pages(get, url: str, limit: int) -> list[str]:
    """Every id of the pages of ``url`` at ``limit``, following next_offset."""
    ids, offset = [], 0
    while offset is not None:
        body = get(url, limit, offset)
        assert body["offset"] == offset and len(body["results"]) <= limit
        ids += [r["id"] for r in body["results"]]
        offset = body["next_offset"]
    return ids


@pytest.mark.parametrize("request_", [{"seeds": ["trk3"]}, {"moods": {"sad": 1}},
                                      {"moods": {"joyful": 1}, "diversity": 0.5}])
def test_recommendation_pages_join_up_into_the_whole_list(client, published, request_):
    """Found by an app developer: ``offset`` was ignored and a "load more" got page 1
    again; raising ``limit`` instead reordered a mood list's first tracks."""
    post = lambda url, limit, offset: client.post(url, json={  # noqa: E731
        **request_, "limit": limit, "offset": offset}).get_json()
    whole = [r["id"] for r in post("/v1/recommendations", 100, 0)["results"]]
    assert len(whole) > 14 and pages(post, "/v1/recommendations", 7) == whole
    if "seeds" in request_:
        get = lambda url, limit, offset: client.get(  # noqa: E731
            f"{url}&limit={limit}&offset={offset}").get_json()
        assert pages(get, "/v1/recommendations?seed=trk3", 5) == whole


def test_a_list_that_ends_with_its_page_has_no_next_page(client, published):
    """Found by an app developer: a list of exactly ``limit`` results answered a
    ``next_offset``, so the app's "load more" fetched an empty page and a warning."""
    whole = client.post("/v1/recommendations", json={"seeds": ["trk3"], "limit": 100}
                        ).get_json()["results"]
    allowed = [r["id"] for r in whole[:3]]
    ask = {"seeds": ["trk3"], "include_ids": allowed}
    body = client.post("/v1/recommendations", json={**ask, "limit": 3}).get_json()
    assert [r["id"] for r in body["results"]] == allowed and body["next_offset"] is None
    first = client.post("/v1/recommendations", json={**ask, "limit": 2}).get_json()
    assert first["next_offset"] == 2  # one more is there
    last = client.post("/v1/recommendations", json={**ask, "limit": 2, "offset": 2}).get_json()
    assert [r["id"] for r in last["results"]] == allowed[2:] and last["next_offset"] is None
    n = len(whole)  # the seed's whole list, by GET, in one page and in pages that end with it
    body = client.get(f"/v1/recommendations?seed=trk3&limit={n}").get_json()
    assert len(body["results"]) == n and body["next_offset"] is None
    split = client.get(f"/v1/recommendations?seed=trk3&limit={n - 1}").get_json()
    assert split["next_offset"] == n - 1
    tail = client.get(f"/v1/recommendations?seed=trk3&limit={n - 1}&offset={n - 1}").get_json()
    assert [r["id"] for r in tail["results"]] == [whole[-1]["id"]]
    assert tail["next_offset"] is None and "warnings" not in tail


def test_pages_of_a_drawn_list_need_the_first_pages_random_seed(client, published):
    """Found by an app developer: "load more" on a list with a temperature drew page 2
    anew (a new random_seed), so it repeated tracks of page 1 and skipped others."""
    ask = {"seeds": ["trk3"], "temperature": 2, "limit": 8}
    first = client.post("/v1/recommendations", json=ask).get_json()
    error = error_of(client.post("/v1/recommendations", json={**ask, "offset": 8}), 400,
                     "bad_request")
    assert error["field"] == "random_seed" and "random_seed" in error["message"]
    seed = first["random_seed"]
    ids = [r["id"] for r in first["results"]]
    offset = first["next_offset"]
    while offset is not None:
        body = client.post("/v1/recommendations", json={**ask, "offset": offset,
                                                        "random_seed": seed}).get_json()
        assert body["random_seed"] == seed
        ids += [r["id"] for r in body["results"]]
        offset = body["next_offset"]
    whole = client.post("/v1/recommendations", json={**ask, "limit": 100,
                                                     "random_seed": seed}).get_json()
    assert len(ids) == len(set(ids)) > 8 and ids == [r["id"] for r in whole["results"]]


def test_an_offset_past_the_list_or_the_deepest_page_is_said(client, published):
    ask = {"seeds": ["trk3"]}
    whole = client.post("/v1/recommendations", json={**ask, "limit": 100}).get_json()
    assert whole["next_offset"] is None  # the list ended
    body = client.post("/v1/recommendations", json={**ask, "offset": 400}).get_json()
    assert body["results"] == [] and body["next_offset"] is None
    assert body["warnings"] == [f"offset: the list ends after {len(whole['results'])} results"]
    assert error_of(client.get("/v1/recommendations?seed=trk3&offset=500"), 400,
                    "bad_request")["field"] == "offset"
    assert error_of(client.post("/v1/recommendations", json={**ask, "offset": 500}), 400,
                    "bad_request")["field"] == "offset"


@pytest.mark.parametrize("offset", [-1, 1.5, "3", True, 10**400])
def test_a_bad_offset_is_400_on_offset(client, published, offset):
    body = '{"seeds": ["trk3"], "offset": %s}' % json.dumps(offset) if offset != 10**400 \
        else '{"seeds": ["trk3"], "offset": 1%s}' % ("0" * 400)
    error = error_of(client.post("/v1/recommendations", data=body,
                                 content_type="application/json"), 400, "bad_request")
    assert error["field"] == "offset" and len(error["message"]) < 200
    query = {-1: "-1", 1.5: "1.5", "3": "x", True: "true"}.get(offset, "9" * 400)
    error = error_of(client.get(f"/v1/recommendations?seed=trk3&offset={query}"), 400)
    assert error["field"] == "offset" and len(error["message"]) < 200
    # null and an empty value are the default
    assert client.post("/v1/recommendations", json={"seeds": ["trk3"], "offset": None}
                       ).get_json()["offset"] == 0
    assert client.get("/v1/recommendations?seed=trk3&offset=").get_json()["offset"] == 0


def test_pages_end_at_the_500th_result(client, store):
    store.publish(build(Catalog([make_track(i) for i in range(560)]), k=10))
    ask = {"moods": {"sad": 1}, "dedupe": False}
    last = client.post("/v1/recommendations", json={**ask, "offset": 495, "limit": 100})
    body = last.get_json()
    assert len(body["results"]) == 5 and body["next_offset"] is None
    before = client.post("/v1/recommendations", json={**ask, "offset": 400, "limit": 90})
    assert before.get_json()["next_offset"] == 490


@pytest.mark.parametrize("query", ["limit=0", "limit=abc", "limit=101", "limit=-1",
                                   "limit=1.5"])
def test_bad_limit_is_400(client, published, query):
    error = error_of(client.get(f"/v1/recommendations?seed=trk3&{query}"), 400, "bad_request")
    assert error["field"] == "limit"


def test_a_misspelt_parameter_is_400_and_a_cache_buster_is_not(client, published):
    error = error_of(client.get("/v1/recommendations?seed=trk3&limt=50"), 400, "bad_request")
    assert error["field"] == "limt" and "did you mean limit?" in error["message"]
    assert error_of(client.get("/v1/path?from=trk1&to=trk9&step=3"), 400,
                    "bad_request")["field"] == "step"
    fine = client.get("/v1/recommendations?seed=trk3&limit=3&_=1795729710")
    assert fine.status_code == 200 and len(fine.get_json()["results"]) == 3


@pytest.mark.parametrize("url, given, meant", [
    ("/v1/tracks?query=song", "query", "q"), ("/v1/tracks?search=song", "search", "q"),
    ("/v1/recommendations?id=trk3", "id", "seed"),
    ("/v1/recommendations?seed=trk3&count=3", "count", "limit"),
    ("/v1/path?from=trk1&to=trk9&length=3", "length", "steps")])
def test_a_name_other_apis_give_a_parameter_names_the_one_meant(client, published, url,
                                                               given, meant):
    """Found by an app developer: ``?query=love`` said only "q: is required", and
    ``/v1/path?...&length=3`` silently answered 8 steps."""
    error = error_of(client.get(url), 400, "bad_request")
    assert error["field"] == given and error["message"].endswith(f"did you mean {meant}?")
    # beside the parameter meant, it is one more ignored extra
    assert client.get("/v1/tracks?q=song&query=x").status_code == 200


@pytest.mark.parametrize("route", ["/v1/recommendations?seed=trk3&", "/v1/tracks?q=Song&",
                                   "/v1/tracks/trk3?"])
def test_an_export_format_where_a_route_answers_json_only_is_400(client, published, route):
    error = error_of(client.get(route + "format=m3u8"), 400, "bad_request")
    assert error["field"] == "format" and "/v1/playlists" in error["message"]
    assert client.get(route + "format=json").status_code == 200
    assert error_of(client.get(route + "Format=csv"), 400, "bad_request")["field"] == "format"
    assert error_of(client.get(route + "format=json&format=csv"), 400,
                    "bad_request")["field"] == "format"


@pytest.mark.parametrize("key", ["format", "Format"])
def test_an_export_format_on_post_recommendations_is_400(client, published, key):
    """Found by a tester: the POST answered JSON to ?format=csv, the GET a 400."""
    body = {"seeds": ["trk3"], "limit": 2}
    error = error_of(client.post(f"/v1/recommendations?{key}=csv", json=body), 400,
                     "bad_request")
    assert error["field"] == "format" and "/v1/playlists" in error["message"]
    assert client.post("/v1/recommendations?format=json", json=body).status_code == 200
    twice = client.post(f"/v1/recommendations?format=json&{key}=csv", json=body)
    assert error_of(twice, 400, "bad_request")["field"] == "format"


@pytest.mark.parametrize("query", ["", "seed=", "seed=%20%20", "seed=" + "x" * 1001])
def test_missing_empty_or_huge_seed_is_400(client, published, query):
    error = error_of(client.get(f"/v1/recommendations?{query}"), 400, "bad_request")
    assert error["field"] == "seed"


def test_unknown_seed_is_404_with_suggestions(client, published):
    error = error_of(client.get("/v1/recommendations?seed=Sogn 3 Artst"), 404, "seed_not_found")
    assert isinstance(error["suggestions"], list)
    assert all(set(s) == {"id", "title", "artist", "album"} for s in error["suggestions"])
    error = error_of(client.get("/v1/recommendations?seed=qqqqzzzz"), 404, "seed_not_found")
    assert error["suggestions"] == [] and error["field"] == "seed"


def test_a_seed_taken_for_a_near_spelling_is_said(client, published):
    body = client.get("/v1/recommendations?seed=Lonelines %233 (Night Talking)").get_json()
    assert body["seed"]["id"] == "trk40"
    assert body["warnings"] == ["seed: no title 'Lonelines #3 (Night Talking)'; took the "
                                "nearest spelling, 'Loneliness #3 (Night Talking)' by "
                                "'Arcade Fire'"]
    for exact in ("Loneliness #3", "trk40", "Loneliness #3 (Night Talking) - Live"):
        assert "warnings" not in client.get(f"/v1/recommendations?seed={quote(exact)}") \
            .get_json()
    rich = client.post("/v1/recommendations", json={"seeds": ["trk3", "Lonelines #3"]})
    assert rich.get_json()["warnings"][0].startswith("seeds[1]: no title 'Lonelines #3'")
    path = client.get("/v1/path?from=Lonelines %233&to=trk3").get_json()
    assert path["warnings"][0].startswith("from: no title")


def test_a_seed_that_reads_as_a_mood_or_an_activity_says_how_to_ask_for_it(client, published):
    """A curator gave "music for studying" as a seed and got only "no track matches" with
    tracks of alike letters: the 404 now says the words read as moods and that a text
    asks for them, and the text does."""
    for url, field in (("/v1/recommendations?seed=music for studying", "seed"),
                       ("/v1/path?from=music for studying&to=trk3", "from")):
        error = error_of(client.get(url), 404, "seed_not_found")
        assert error["field"] == field and 'ask for it as "text"' in error["message"]
        assert "peaceful" in error["message"]
    error = error_of(client.post("/v1/recommendations", json={"seeds": ["trk3", "rainy day"]}),
                     404, "seed_not_found")
    assert error["field"] == "seeds[1]" and "mood or an activity" in error["message"]
    assert "mood" not in error_of(client.get("/v1/recommendations?seed=qqqqzzzz"), 404,
                                  "seed_not_found")["message"]
    text = client.post("/v1/recommendations", json={"text": "music for studying"})
    assert text.status_code == 200 and text.get_json()["results"]


def test_a_missing_title_with_a_mood_word_in_it_is_not_called_a_mood(client, published):
    """A self-hoster asked for "Rock Piece 7", a file deleted since, and was told it
    "reads as a mood or an activity (energetic, epic, aggressive)" and to send a text:
    one mood word in a title ("rock", "sad", "blues") is no mood request. Only a seed
    whose every word reads as a mood gets that hint, as a title taken does."""
    for seed in ("Rock Piece 7", "Sad Song 3", "Blues for Alice"):
        error = error_of(client.get(f"/v1/recommendations?seed={quote(seed)}"), 404,
                         "seed_not_found")
        assert "mood" not in error["message"] and "text" not in error["message"], seed
    error = error_of(client.get("/v1/recommendations?seed=songs for a rainy day"), 404,
                     "seed_not_found")
    assert 'ask for it as "text"' in error["message"]


def test_a_title_that_reads_as_a_mood_is_taken_and_says_how_to_ask_for_the_mood(
        client, store, small_catalog):
    """A curator typed seed=sad for sad music and silently got tracks like "SAD!" by
    XXXTENTACION: the title is still taken, and the answer says the seed reads as moods
    too and how to ask for them. A seed with other words (an artist) says nothing."""
    small_catalog.tracks.append(make_track(99, title="SAD!", artist="Rapper"))
    store.publish(build(small_catalog, k=10))
    body = client.get("/v1/recommendations?seed=sad").get_json()
    assert body["seed"]["id"] == "trk99"
    (warning,) = body["warnings"]
    assert warning.startswith("seed: took 'sad' as the title of 'SAD!' by 'Rapper'")
    assert "(sad" in warning and 'ask for it as "text"' in warning
    rich = client.post("/v1/recommendations", json={"seeds": ["trk3", "rainy day"]})
    assert rich.status_code == 404  # no such title: the 404 says it, as before
    for named in ("SAD! - Rapper", "Song 3", "trk99"):
        assert "warnings" not in client.get(f"/v1/recommendations?seed={quote(named)}") \
            .get_json()
    text = client.post("/v1/recommendations", json={"text": "sad"}).get_json()
    assert text["results"] and "warnings" not in text


def test_a_seed_taken_for_the_one_title_it_begins_is_said(client, published):
    """"Sprawl" (not in the catalog) was silently taken for "Sprawl II": the answer now
    says which title was taken for it."""
    body = client.get("/v1/recommendations?seed=Loneliness").get_json()
    assert body["seed"]["id"] == "trk40"
    assert body["warnings"][0] == ("seed: no title 'Loneliness'; took the only title that "
                                   "begins so, 'Loneliness #3 (Night Talking)' by "
                                   "'Arcade Fire'")
    # and the word is a mood: a text asks for it (a guess is said, and so is that)
    assert body["warnings"][1].startswith("seed: took 'Loneliness' as the title of")
    assert 'ask for it as "text"' in body["warnings"][1] and len(body["warnings"]) == 2
    guest = client.get("/v1/recommendations?seed=Loneliness %233 (with Arcade Fire)")
    assert guest.get_json()["seed"]["id"] == "trk40"
    assert guest.get_json()["warnings"] == [
        "seed: no title 'Loneliness #3 (with Arcade Fire)'; took the title without its "
        "(with ...), 'Loneliness #3 (Night Talking)' by 'Arcade Fire'"]


def test_a_seed_taken_but_for_its_leading_article_names_the_track_taken(
        client, store, small_catalog):
    """"Scientist" was a 404 though the catalog has "The Scientist"; "The Four Seasons"
    took "Four Seasons" as "the nearest spelling". Both are taken, and said as such."""
    small_catalog.tracks += [make_track(98, title="The Scientist", artist="Coldplay"),
                             make_track(99, title="Four Seasons", artist="Deauxnuts")]
    store.publish(build(small_catalog, k=10))
    for seed, track, named in (("Scientist", "trk98", "'The Scientist' by 'Coldplay'"),
                               ("The Four Seasons", "trk99", "'Four Seasons' by 'Deauxnuts'")):
        body = client.get(f"/v1/recommendations?seed={quote(seed)}").get_json()
        assert body["seed"]["id"] == track
        assert body["warnings"] == [f"seed: no title {seed!r}; took the same title but for "
                                    f"its leading article, {named}"]


@pytest.mark.parametrize("body, field", [
    ({"seeds": ["trk3", "qqqqzzzz"]}, "seeds[1]"),
    ({"seeds": ["trk3", {"seed": "isrc:ZZ0000000000", "weight": 2}]}, "seeds[1].seed"),
    ({"seeds": ["trk3"], "negative_seeds": ["qqqqzzzz"]}, "negative_seeds[0]"),
])
def test_an_unknown_seed_among_several_is_named(client, published, body, field):
    response = client.post("/v1/recommendations", json=body)
    assert error_of(response, 404, "seed_not_found")["field"] == field


def test_served_documents_are_the_build_documents_exactly(client, published, small_catalog):
    """Documents are stored without their mood scores (the track table holds them) and
    put back when served: every served document is the build's own, field for field."""
    from models.build import build
    from service.store import track_document

    built = build(small_catalog, k=20)
    for row in (0, 17, 40):
        served = client.get(f"/v1/tracks/{built.tracks[row].id}").get_json()
        expected = track_document(built.tracks[row], built.profiles[row])
        assert {k: served[k] for k in expected} == json.loads(json.dumps(expected))
        assert served["mood_scores"] == expected["mood_scores"]
        assert len(expected["mood_scores"]) == 16


def test_track_lookup_has_moods(client, published):
    body = client.get("/v1/tracks/trk40").get_json()
    assert body["title"] == "Loneliness #3 (Night Talking)"
    assert "lonely" in body["top_moods"]
    assert set(body["mood_scores"]) >= {"lonely", "eerie", "hopeful"}
    assert -1 <= body["valence"] <= 1 and -1 <= body["arousal"] <= 1
    scores = [m["score"] for m in body["moods"]]
    assert scores == sorted(scores, reverse=True)
    lonely = next(m for m in body["moods"] if m["mood"] == "lonely")
    assert lonely["evidence"][0]["phrase"].lower().startswith("lonely")
    assert lonely["evidence"][0]["source"] == "catalog notes"
    error_of(client.get("/v1/tracks/nope"), 404, "track_not_found")


def test_a_tag_given_in_two_cases_is_listed_once(client, store):
    """A playlist "Permanent wave" and the subgenre "permanent wave" of one track."""
    tracks = [make_track(i) for i in range(12)]
    tracks[3] = make_track(3, tags=["Permanent wave", "rock", "permanent wave", "Rock"])
    store.publish(build(Catalog(tracks), k=5))
    assert client.get("/v1/tracks/trk3").get_json()["tags"] == ["Permanent wave", "rock"]


def test_track_search(client, published):
    body = client.get("/v1/tracks?q=loneliness").get_json()
    assert body["results"][0]["id"] == "trk40"
    error_of(client.get("/v1/tracks?q="), 400, "bad_request")
    error_of(client.get("/v1/tracks?q=a&limit=51"), 400, "bad_request")


def test_search_pages_through_every_match_once(client, published):
    whole = client.get("/v1/tracks?q=song&limit=50").get_json()
    assert whole["offset"] == 0 and len(whole["results"]) > 14
    paged, offset = [], 0
    while offset is not None:
        page = client.get(f"/v1/tracks?q=song&limit=7&offset={offset}").get_json()
        assert page["offset"] == offset and len(page["results"]) <= 7
        paged += [r["id"] for r in page["results"]]
        offset = page["next_offset"]
    expected = [r["id"] for r in whole["results"]]
    assert paged[:len(expected)] == expected and len(paged) == len(set(paged))
    past = client.get(f"/v1/tracks?q=song&offset={len(paged)}").get_json()
    assert past["results"] == [] and past["next_offset"] is None


@pytest.mark.parametrize("offset", ["-1", "500", "abc", "1.5"])
def test_search_offset_out_of_range_is_a_400(client, published, offset):
    error = error_of(client.get(f"/v1/tracks?q=song&offset={offset}"), 400, "bad_request")
    assert error["field"] == "offset"


@pytest.mark.parametrize("limit", [7, 10, 50])
def test_search_pages_reach_the_500th_match_whatever_the_page_size(client, store, limit):
    """Found by a review: pages of 7 stopped at the 455th match, short of the 500th."""
    store.publish(build(Catalog([make_track(i) for i in range(520)]), k=5))
    seen, offset = [], 0
    while offset is not None:
        page = client.get(f"/v1/tracks?q=song&limit={limit}&offset={offset}").get_json()
        seen += [r["id"] for r in page["results"]]
        offset = page["next_offset"]
    assert len(seen) == len(set(seen)) == 500


def test_unknown_route_and_method_are_json(client, published):
    for path in ("/nope", "/v1/tracks/", "/v1/recommendation?seed=trk3"):
        error = error_of(client.get(path), 404, "not_found")
        assert error["message"].startswith("no such route; the API's routes are listed at "
                                           "/openapi.json")
    response = client.put("/v1/recommendations?seed=trk3")
    error_of(response, 405, "method_not_allowed")


def test_health_and_readiness(client, store):
    assert client.get("/healthz").get_json() == {"status": "ok"}
    error_of(client.get("/readyz"), 503, "model_not_ready")
    error_of(client.get("/v1/recommendations?seed=x"), 503, "model_not_ready")
    version = store.publish(build(Catalog([make_track(i) for i in range(5)]), k=3))
    body = client.get("/readyz").get_json()
    assert body["status"] == "ready" and body["model_version"] == version


def test_model_files_that_cannot_be_written_make_the_worker_unready(client, env, published):
    """A full or read-only disk (here a file where the versions folder goes): /readyz
    must not say ready while every read fails, and reads are 503, not 500."""
    versions = Path(env["FEELALIKE_DATA_HOME"]) / "versions"
    shutil.rmtree(versions, ignore_errors=True)
    versions.parent.mkdir(parents=True, exist_ok=True)
    versions.write_text("not a folder")
    error_of(client.get("/readyz"), 503, "model_files_unavailable")
    error = error_of(client.get("/v1/recommendations?seed=trk3"), 503, "model_files_unavailable")
    assert str(versions) not in error["message"]


def test_model_files_that_failed_are_not_tried_again_at_once(client, env, published,
                                                             monkeypatch):
    """Each try read the whole model from Redis first: on a full disk every request
    and every probe spent seconds before its 503. Once the disk is fixed, the next try
    after the pause serves."""
    versions = Path(env["FEELALIKE_DATA_HOME"]) / "versions"
    shutil.rmtree(versions, ignore_errors=True)
    versions.parent.mkdir(parents=True, exist_ok=True)
    versions.write_text("not a folder")
    error_of(client.get("/readyz"), 503, "model_files_unavailable")
    versions.unlink()  # the disk is fixed: within the pause, the failure is remembered
    error_of(client.get("/v1/recommendations?seed=trk3"), 503, "model_files_unavailable")
    assert not versions.exists()  # (no second try was made)
    monkeypatch.setattr(VersionFiles, "RETRY_SECONDS", 0.0)
    assert client.get("/v1/recommendations?seed=trk3").status_code == 200


def test_new_version_is_served_without_restart(client, store, small_catalog, published):
    first = client.get("/v1/recommendations?seed=trk3").get_json()
    assert first["model_version"] == published
    small_catalog.tracks.append(make_track(77, title="Brand New"))
    second_version = store.publish(build(small_catalog, k=20))
    assert second_version != published
    second = client.get("/v1/recommendations?seed=trk3").get_json()
    assert second["model_version"] == second_version


def test_responses_are_cached_per_version(client, store, published):
    first = client.get("/v1/recommendations?seed=trk3&limit=4").get_json()
    keys = list(store.client.scan_iter(store.key_for("cache", "*", version=published)))
    assert len(keys) == 1
    assert 0 < store.client.ttl(keys[0]) <= store.cache_seconds
    # the second answer comes from the cache: a marked cache entry is served as it is
    marked = {**first, "results": first["results"][:1]}
    store.client.set(keys[0], json.dumps(marked), keepttl=True)
    assert client.get("/v1/recommendations?seed=trk3&limit=4").get_json() == marked
    # ... and only for that request and version
    assert len(client.get("/v1/recommendations?seed=trk3&limit=3").get_json()["results"]) == 3


def test_duplicate_songs_are_shown_once(client, store):
    tracks = [make_track(i) for i in range(12)]
    tracks += [make_track(100 + i, id=f"dup{i}", title="Song 5", artist="Artist 5")
               for i in range(3)]
    store.publish(build(Catalog(tracks), k=14))
    body = client.get("/v1/recommendations?seed=trk5&limit=14").get_json()
    keys = [(r["title"], r["artist"]) for r in body["results"]]
    assert len(keys) == len(set(keys))
    assert ("Song 5", "Artist 5") not in keys


def test_suggestions_offer_each_song_once_and_nothing_for_gibberish(client, store):
    """Found by a review: "Pokr Fase" offered "Poker Face" five times (one song under
    five ids), and "xqzzyq" offered songs by "Amenazzy" and "Fozzy"."""
    tracks = [make_track(i) for i in range(12)]
    tracks += [make_track(100 + i, id=f"dup{i}", title="Harbour Lights" + tail,
                          artist="Ilse Varnholt") for i, tail in
               enumerate(["", " - Remastered 2011", " - Re-Recorded"])]
    tracks += [make_track(200, id="fz", title="Nowhere To Run", artist="Fozzy")]
    store.publish(build(Catalog(tracks), k=10))
    near = error_of(client.get("/v1/recommendations?seed=Harbr Lihgts"), 404)["suggestions"]
    assert [s["title"] for s in near].count("Harbour Lights") + \
        sum(s["title"].startswith("Harbour Lights -") for s in near) == 1
    assert error_of(client.get("/v1/recommendations?seed=xqzzyq"), 404)["suggestions"] == []


@pytest.mark.parametrize("query, field", [
    ("seed=trk3&limit=1&limit=50", "limit"), ("seed=trk3&seed=trk4", "seed"),
])
def test_a_parameter_given_twice_is_400(client, published, query, field):
    """Found by a review: the first of two values counted and the second was dropped
    without a word."""
    error = error_of(client.get(f"/v1/recommendations?{query}"), 400, "bad_request")
    assert error["field"] == field and "given 2 times" in error["message"]
    assert error_of(client.get("/v1/path?from=trk1&to=trk9&steps=3&steps=99"), 400,
                    "bad_request")["field"] == "steps"
    assert client.get("/v1/recommendations?seed=trk3&_=1&_=2").status_code == 200


def test_a_body_that_is_not_utf8_is_named_so(client, published):
    """Found by an app developer: a body sent as Latin-1 (charset=latin-1, "Se\xf1orita")
    was "the request body must be valid JSON", though it was valid JSON."""
    body = '{"seeds": ["Se\u00f1orita"]}'
    error = error_of(client.post("/v1/recommendations", data=body.encode("latin-1"),
                                 content_type="application/json; charset=latin-1"), 400)
    assert error["field"] == "body" and "UTF-8" in error["message"]
    broken = error_of(client.post("/v1/recommendations", data='{"seeds": [',
                                  content_type="application/json"), 400)
    assert "UTF-8" not in broken["message"]


def test_a_query_parameter_sent_in_the_body_says_where_it_goes(client, published):
    """Found by an app developer: {"format": "m3u8"} in a playlist's body answered
    "format: unknown field", which reads as "no such export"; it goes in the URL."""
    error = error_of(client.post("/v1/playlists", json={"seed": "trk3", "format": "m3u8"}),
                     400, "bad_request")
    assert error["field"] == "format" and "?format=" in error["message"]
    exported = client.post("/v1/playlists?format=m3u8", json={"seed": "trk3"})
    assert exported.status_code == 200 and exported.mimetype == "audio/x-mpegurl"


@pytest.mark.parametrize("route, body, field, times", [
    ("/v1/recommendations", '{"seeds": ["trk3"], "limit": 2, "limit": 50}', "limit", 2),
    ("/v1/recommendations", '{"seeds": ["trk3"], "seeds": ["trk4"], "seeds": ["trk5"]}',
     "seeds", 3),
    ("/v1/recommendations", '{"seeds": ["trk3"], "moods": {"sad": 1, "sad": 0.1}}',
     "moods.sad", 2),
    ("/v1/playlists", '{"seeds": [{"seed": "trk3", "weight": 1, "weight": 9}]}',
     "seeds[0].weight", 2),
])
def test_a_body_field_given_twice_is_400(client, published, route, body, field, times):
    """Found by an app developer: a body built by hand with a field twice answered 200,
    counting the last value without a word, where the same in a query string is a 400."""
    error = error_of(client.post(route, data=body, content_type="application/json"), 400,
                     "bad_request")
    assert error["field"] == field and f"given {times} times" in error["message"]
    same_once = json.loads(body)  # the last value of each, once: fine
    assert client.post(route, json=same_once).status_code == 200


def test_a_seed_taken_by_a_guess_names_other_songs_to_pick_by_id(client, store):
    """A curator's "Happier (with Bastille)" was taken for Marshmello's "Happier" with no
    word of the other "Happier"s: the warning now names them, with their ids, and naming
    one by its id is taken as it is."""
    tracks = [make_track(i) for i in range(30)]
    tracks += [make_track(30, title="Happier", artist="Marshmello", popularity=90.0),
               make_track(31, title="Happier", artist="Koni", popularity=40.0),
               make_track(32, title="Happier - Remix", artist="Ed Sheeran", popularity=50.0),
               make_track(33, title="Flaws", artist="Bastille")]
    store.publish(build(Catalog(tracks=tracks), k=10))
    body = client.get("/v1/recommendations?seed=Happier (with Bastille)").get_json()
    warning = body["warnings"][0]
    assert body["seed"]["id"] == "trk30" and "took the title without its (with ...)" in warning
    assert re.findall(r"\(id '([^']+)'\)", warning) == ["trk32", "trk31"]  # popular first
    again = client.get("/v1/recommendations?seed=trk31").get_json()
    assert again["seed"]["id"] == "trk31" and "warnings" not in again
    exact = client.get("/v1/recommendations?seed=Flaws").get_json()
    assert "warnings" not in exact  # a title found as typed names nothing else
