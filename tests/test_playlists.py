"""Rich recommendations, playlists, exports and paths (issue: playlists and rich API)."""
from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from xml.etree import ElementTree as ET

import numpy as np
import pytest

from models.build import build
from models.ingest import Catalog, Track
from models.language import activity_forms, normalise
from models.ranking import (
    TrackTable,
    arc_points,
    camelot,
    compatible,
    read_text_target,
    sequence,
    tempo_jump,
    text_tags,
)

from service.exports import export

from .fixtures import SHARED, TIDY, error_of, hand_table, needs_shared


def rich_track(i: int) -> Track:
    """Tracks spread over valence/energy, tempo, keys, tags, years and artists."""
    rng = np.random.default_rng(i)
    valence, energy = (i % 11) / 10, ((i // 11) % 11) / 10
    return Track(id=f"r{i}", title=f"Tune {i}", artist=f"Band {i % 13}", album=f"LP {i % 5}",
                 release_date=f"{1990 + i % 30}-01-01", popularity=float(i % 100),
                 features={"valence": valence, "energy": energy, "danceability": rng.random(),
                           "acousticness": rng.random(), "tempo": 70.0 + (i * 37) % 110,
                           "key": float(i % 12), "mode": float(i % 2), "loudness": -8.0,
                           "duration_ms": 150_000.0 + (i % 7) * 20_000},
                 tags=["rock" if i % 3 == 0 else "pop", "sad songs" if valence < 0.4 else
                       "happy hits"])


@pytest.fixture()
def rich(store):
    tracks = [rich_track(i) for i in range(300)]
    tracks.append(Track(id="r-remix", title="Tune 7 - Club Remix", artist="Band 7",
                        features=dict(tracks[7].features), tags=list(tracks[7].tags)))
    store.publish(build(Catalog(tracks), k=30))
    return {t.id: t for t in tracks}


def post(client, path, body, status=200):
    response = client.post(path, json=body)
    assert response.status_code == status, response.get_json()
    return response.get_json()


def test_multi_seed_contract(client, rich):
    body = post(client, "/v1/recommendations",
                {"seeds": ["r3", {"seed": "Tune 40", "weight": 2}], "limit": 7})
    assert [s["id"] for s in body["seeds"]] == ["r3", "r40"]
    assert len(body["results"]) == 7
    for r in body["results"]:
        assert set(r) == {"id", "title", "artist", "album", "score", "moods", "why",
                          "external_ids"}
        assert r["id"] not in {"r3", "r40"} and 0 <= r["score"] <= 1 and r["why"]
    scores = [r["score"] for r in body["results"]]
    assert scores == sorted(scores, reverse=True)


def test_negative_seeds_push_results_away(client, rich):
    plain = post(client, "/v1/recommendations", {"seeds": ["r3"], "limit": 10})
    pushed = post(client, "/v1/recommendations",
                  {"seeds": ["r3"], "negative_seeds": [plain["results"][0]["id"]], "limit": 10})
    assert plain["results"][0]["id"] not in [r["id"] for r in pushed["results"]]
    assert "negative_seeds" not in plain


def test_negative_seeds_are_listed_as_resolved(client, rich):
    """Found by a review: a title pushed away some other song than meant, unseen."""
    asked = {"seeds": ["r3"], "negative_seeds": ["Tune 40", {"seed": "r7", "weight": 0.5}]}
    for route in ("/v1/recommendations", "/v1/playlists"):
        body = post(client, route, asked)
        assert [(s["id"], s["title"]) for s in body["negative_seeds"]] == [
            ("r40", "Tune 40"), ("r7", rich["r7"].title)], route


def test_target_valence_and_mood_targets(client, rich):
    bright = post(client, "/v1/recommendations", {"target_valence": 0.9, "limit": 10})
    dark = post(client, "/v1/recommendations", {"target_valence": -0.9, "limit": 10})
    mean = lambda b: np.mean([rich[r["id"]].features["valence"] for r in b["results"]])
    assert mean(bright) > 0.7 > 0.3 > mean(dark)
    sad = post(client, "/v1/recommendations", {"moods": {"sad": 1.0}, "limit": 10})
    assert all("sad" in r["moods"] for r in sad["results"][:5])


def test_text_query_is_read_by_the_tagger(client, rich):
    body = post(client, "/v1/recommendations", {"text": "a sad and lonely night", "limit": 5})
    assert len(body["results"]) == 5 and "warnings" not in body
    assert np.mean([rich[r["id"]].features["valence"] for r in body["results"]]) < 0.4
    body = post(client, "/v1/recommendations", {"text": "qwerty zxcv", "seeds": ["r1"]})
    assert body["warnings"][0].startswith("text: no mood words")


def test_a_text_naming_a_tag_prefers_its_tracks_without_requiring_them(client, rich):
    asked = post(client, "/v1/recommendations", {"text": "sad rock for a lonely night",
                                                 "limit": 10})
    assert asked["text_read"]["tags"] == ["rock"] and "sad" in asked["text_read"]["moods"]
    assert all("rock" in rich[r["id"]].tags for r in asked["results"])
    plain = post(client, "/v1/recommendations", {"text": "sad for a lonely night", "limit": 10})
    assert plain["text_read"]["tags"] == []
    assert not all("rock" in rich[r["id"]].tags for r in plain["results"])
    # still moods first: the rock tracks it returns are the sad ones
    assert np.mean([rich[r["id"]].features["valence"] for r in asked["results"]]) < 0.4
    # "no rock" asks for no rock; words like "songs" and "night" name no tag
    against = post(client, "/v1/recommendations", {"text": "sad songs, no rock", "limit": 10})
    assert against["text_read"]["tags"] == ["sad songs"]
    # beside a seed, a text of tags alone still counts, with a warning that says so
    tagged = post(client, "/v1/recommendations", {"text": "rock", "seeds": ["r1"]})
    assert tagged["text_read"] == {"moods": {}, "tags": ["rock"]}
    assert all("rock" in rich[r["id"]].tags for r in tagged["results"])
    assert "only the tags it names were used (rock)" in tagged["warnings"][0]


@pytest.mark.parametrize("text, calm", [
    ("focus", True), ("something for a road trip", False), ("dinner", True), ("study", True),
    ("songs for a breakup", True), ("songs to cry to", True), ("reading a book", True),
    ("pump up", False), ("music for a long drive", False), ("birthday", False)])
def test_a_text_of_everyday_words_is_read_by_the_tag_table(client, rich, text, calm):
    """Found by a curator: "focus", "study", "road trip" and "dinner" were 400s (no mood
    words), though the tag table reads playlists of those names; later "songs for a
    breakup", "songs to cry to", "a long drive" and other activities and occasions."""
    asked = post(client, "/v1/recommendations", {"text": text, "limit": 10})
    assert asked["text_read"]["moods"] and asked["text_read"]["tags"] == []
    energy = np.mean([rich[r["id"]].features["energy"] for r in asked["results"]])
    assert (energy < 0.5) == calm, energy
    # never beside mood words (no mood of the table's is added: "cry" is a mood word of
    # its own, so "sad songs to cry to" weighs sad more), nor for a word the text negates
    beside_sad = post(client, "/v1/recommendations", {"text": f"sad {text}", "limit": 3})[
        "text_read"]["moods"]
    sad = post(client, "/v1/recommendations", {"text": "sad", "limit": 3})["text_read"]["moods"]
    assert set(beside_sad) == set(sad) and max(beside_sad, key=beside_sad.get) == "sad"
    for negated in ("no focus", "I don't want study music", "anything but focus music",
                    "nothing for a road trip", "tracks that aren't for dinner"):
        error = error_of(client.post("/v1/recommendations", json={"text": negated}), 400,
                         "bad_request")
        assert "only negated" in error["message"], negated
    # a word naming a tag of the catalog beside it stays a preference (a review found
    # "focus jazz" a 400 while "focus" was read)
    beside = post(client, "/v1/recommendations", {"text": f"{text} rock", "limit": 5})
    assert beside["text_read"]["tags"] == ["rock"]
    assert beside["text_read"]["moods"] == asked["text_read"]["moods"]


def test_a_text_that_only_names_tags_asks_for_what_their_playlists_carry(client, rich):
    """Found by a curator: "jazz" alone was a 400 (no mood words, nothing to rank by),
    though "focus jazz" was read: a word naming the catalog's tags stayed a preference
    with nothing to prefer it over."""
    alone = post(client, "/v1/recommendations", {"text": "rock", "limit": 10})
    assert alone["text_read"]["tags"] == ["rock"]
    assert max(alone["text_read"]["moods"], key=alone["text_read"]["moods"].get) == "energetic"
    assert np.mean([rich[r["id"]].features["energy"] for r in alone["results"]]) > 0.6
    assert sum("rock" in rich[r["id"]].tags for r in alone["results"]) >= 8
    # beside a mood word or a seed the named tag stays a preference only
    assert post(client, "/v1/recommendations", {"text": "sad rock", "limit": 3})[
        "text_read"]["moods"] == post(client, "/v1/recommendations", {
            "text": "sad", "limit": 3})["text_read"]["moods"]
    beside = post(client, "/v1/recommendations", {"text": "rock", "seeds": ["r1"]})
    assert beside["text_read"] == {"moods": {}, "tags": ["rock"]}
    error_of(client.post("/v1/recommendations", json={"text": "no rock"}), 400, "bad_request")


def test_activity_words_are_read_in_their_other_forms():
    assert activity_forms("running")[0] == "run" and "hike" in activity_forms("hiking")
    assert activity_forms("walk") == ("walking",) and activity_forms("jog") == ("jogging",)
    assert activity_forms("drive") == ("driving",) and activity_forms("8-bit") == ()
    for text, form in (("going for a run", "running"), ("breaking up with him", "break up"),
                       ("waking up", "wake up"), ("walking home", "walk")):
        assert read_text_target(text).moods == read_text_target(form).moods != {}, text


def test_which_words_of_a_text_name_tags():
    tags = [["Heavy Metal Classics"], ["heavy metal classics", "rock"], ["Lofi Hip Hop"],
            ["HEAVY METAL CLASSICS"],
            ["Sad Trap"], ["Songs 2020"], ["rock"], ["rock"], ["Sad Trap"], ["Sad Trap"],
            ["lofi hip hop"], ["lofi hip hop"], ["songs 2020"], ["songs 2020"]]
    table = replace(hand_table([f"t{i}" for i in range(len(tags))], {}, np.eye(len(tags))),
                    tags=[frozenset(normalise(t) for t in row) for row in tags])
    # a word inside a playlist's name names it; the longest phrase wins
    assert text_tags("angry metal please", table) == {"metal": ["heavy metal classics"]}
    assert list(text_tags("some lofi hip hop", table)) == ["lofi hip hop"]
    # a mood word is read as a mood, a number and "songs" name no kind of music, and
    # a tag carried by fewer than three tracks is too rare to steer a list
    assert text_tags("sad songs from 2020", table) == {}
    assert text_tags("sad trap", table) == {"sad trap": ["sad trap"]}
    assert text_tags("rock, but no metal", table) == {"rock": ["rock"]}
    assert text_tags("classics", table) == {}
    # the word that turns the text against a tag is no tag itself, whatever a playlist
    # name holds it ("Songs I can not stop playing")
    nots = replace(table, tags=[*table.tags[:-3], *[frozenset({"songs i can not stop"})] * 3])
    assert text_tags("rock, not metal", nots) == {"rock": ["rock"]}
    # nor do words that name nothing alone, side by side: "walking in the rain" was read
    # as asking for a playlist "Summer In The City" first
    city = replace(table, tags=[*table.tags[:-3], *[frozenset({"summer in the city"})] * 3])
    assert text_tags("walking in the rain", city) == text_tags("songs for the road", city) == {}
    # nor does a particle: "waking up" put a festival playlist's "Warm Up" EDM first
    warm = replace(table, tags=[*table.tags[:-3], *[frozenset({"warm up music"})] * 3])
    assert text_tags("waking up", warm) == text_tags("chill out", warm) == {}
    assert text_tags("warm up", warm) == {"warm up": ["warm up music"]}
    # an everyday word inside a longer tag names nothing ("late-night city drive" named
    # "New Jack City" and "Hip-Hop Drive"); the tag's own phrase does, and so does a kind
    # of music inside one ("metal" above) or an everyday word that is a whole tag
    drive = replace(table, tags=[*table.tags[:-6], *[frozenset({"new jack city"})] * 3,
                                 *[frozenset({"hip hop drive", "drive"})] * 3])
    assert text_tags("late-night city drive", drive) == {"drive": ["drive"]}
    assert text_tags("a night in the city", drive) == {}
    assert text_tags("new jack city", drive) == {"new jack city": ["new jack city"]}
    assert list(text_tags("hip hop for a drive", drive)) == ["hip hop", "drive"]
    assert text_tags("late-night city drive", replace(drive, tags=[
        *drive.tags[:-3], *[frozenset({"hip hop drive"})] * 3])) == {}
    compact = table.compact()  # as the service holds it: tags as codes into a vocabulary
    assert text_tags("angry metal, lofi hip hop", compact) == \
        text_tags("angry metal, lofi hip hop", table) == \
        {"metal": ["heavy metal classics"], "lofi hip hop": ["lofi hip hop"]}


def test_filters(client, rich):
    body = post(client, "/v1/recommendations", {
        "seeds": ["r3"], "limit": 50, "min_tempo": 90, "max_tempo": 140, "min_year": 2000,
        "max_year": 2010, "include_tags": ["Rock"], "exclude_artists": ["band 6"],
        "max_duration_ms": 230_000, "exclude_ids": ["r9"]})
    assert body["results"]
    for r in body["results"]:
        t = rich[r["id"]]
        assert 90 <= t.features["tempo"] <= 140 and 2000 <= int(t.release_date[:4]) <= 2010
        assert "rock" in t.tags and t.artist != "Band 6" and t.id != "r9"
        assert t.features["duration_ms"] <= 230_000
    body = post(client, "/v1/recommendations", {"seeds": ["r3"], "exclude_tags": ["pop"],
                                                "limit": 50})
    assert all("pop" not in rich[r["id"]].tags for r in body["results"])


def test_a_length_past_an_hour_can_be_asked_for(client, rich):
    """Found by a tester: min_duration_ms over an hour was a 400, though catalogs hold
    symphonies and sleep mixes that long."""
    body = post(client, "/v1/recommendations", {"seeds": ["r3"],
                                                "min_duration_ms": 2 * 3_600_000})
    assert body["results"] == [] and "no track passes the filters" in body["warnings"][0]
    body = post(client, "/v1/recommendations", {"seeds": ["r3"], "limit": 5,
                                                "max_duration_ms": 10 * 3_600_000})
    assert len(body["results"]) == 5


def test_filtering_everything_out_is_a_warning_not_an_error(client, rich):
    body = post(client, "/v1/recommendations", {"seeds": ["r3"], "min_tempo": 299})
    assert body["results"] == [] and "no track passes the filters" in body["warnings"][0]


def test_artist_cap_and_version_dedupe(client, rich):
    body = post(client, "/v1/recommendations", {"seeds": ["r5"], "limit": 40,
                                                "max_per_artist": 1})
    artists = [r["artist"] for r in body["results"]]
    assert len(artists) == len(set(artists)) == 13  # 13 bands in the catalog
    body = post(client, "/v1/recommendations", {"seeds": ["r7"], "limit": 100})
    assert "r-remix" not in [r["id"] for r in body["results"]]
    body = post(client, "/v1/recommendations", {"seeds": ["r7"], "limit": 100,
                                                "dedupe": False})
    assert "r-remix" in [r["id"] for r in body["results"]]


def test_diversity_spreads_results(client, rich, store):
    from models.ranking import to_unit

    def spread(body):
        ids = [r["id"] for r in body["results"]]
        table = store.table(store.current_version())
        rows = [table.ids.index(i) for i in ids]
        unit = to_unit(table.vectors[rows])
        sims = unit @ unit.T
        return sims[np.triu_indices(len(rows), 1)].mean()

    plain = post(client, "/v1/recommendations", {"seeds": ["r3"], "limit": 10})
    diverse = post(client, "/v1/recommendations", {"seeds": ["r3"], "limit": 10,
                                                   "diversity": 0.8})
    assert spread(diverse) < spread(plain)


def test_temperature_is_reproducible_with_a_random_seed(client, rich):
    body = {"seeds": ["r3"], "limit": 10, "temperature": 1.0, "random_seed": 42}
    first, again = post(client, "/v1/recommendations", body), post(client,
                                                                   "/v1/recommendations", body)
    assert first["results"] == again["results"] and first["random_seed"] == 42
    other = post(client, "/v1/recommendations", {**body, "random_seed": 7})
    assert [r["id"] for r in other["results"]] != [r["id"] for r in first["results"]]
    unseeded = post(client, "/v1/recommendations", {**body, "random_seed": None})
    assert isinstance(unseeded["random_seed"], int)


@pytest.mark.parametrize("body, field", [
    ({"seeds": ["r1"] * 6}, "seeds"),
    ({"seeds": "r1"}, "seeds"),
    ({"seeds": [{"seed": "r1", "weight": -1}]}, "seeds[0].weight"),
    ({"seeds": ["r1", {"seed": "r2", "weight": 0}]}, "seeds[1].weight"),
    ({"seeds": [{"weight": 1}]}, "seeds[0].seed"),
    ({"moods": {"angry": 1}}, "moods.angry"),
    ({"moods": {"sad": 2}}, "moods.sad"),
    ({"moods": "sad"}, "moods"),
    ({"target_valence": 3}, "target_valence"),
    ({"target_energy": "high"}, "target_energy"),
    ({"seeds": ["r1"], "min_tempo": 150, "max_tempo": 100}, "min_tempo"),
    ({"seeds": ["r1"], "min_year": 2020, "max_year": 2000}, "min_year"),
    ({"seeds": ["r1"], "limit": 0}, "limit"),
    ({"seeds": ["r1"], "limit": 101}, "limit"),
    ({"seeds": ["r1"], "diversity": 1.5}, "diversity"),
    ({"seeds": ["r1"], "temperature": -1}, "temperature"),
    ({"seeds": ["r1"], "max_per_artist": 0}, "max_per_artist"),
    ({"seeds": ["r1"], "dedupe": "yes"}, "dedupe"),
    ({"seeds": ["r1"], "include_tags": "rock"}, "include_tags"),
    ({"seeds": ["r1"], "text": ""}, "text"),
    ({"seeds": ["r1"], "moodz": {}}, "moodz"),
    ({}, "seeds"),
    ([], "body"),
])
def test_bad_requests_name_the_field(client, rich, body, field):
    error = error_of(client.post("/v1/recommendations", json=body), 400, "bad_request")
    assert error["field"] == field


def test_non_json_body_and_unknown_seed(client, rich):
    error_of(client.post("/v1/recommendations", data="seeds=r1"), 400, "bad_request")
    error_of(client.post("/v1/recommendations", json={"seeds": ["no such tune zz"]}), 404,
             "seed_not_found")


# -- playlists -----------------------------------------------------------------------------

def test_playlist_follows_the_arc(client, rich):
    body = post(client, "/v1/playlists", {"seed": "r3", "length": 20,
                                          "arc": {"from": "sad", "to": "joyful"},
                                          "min_artist_gap": 3})
    tracks = body["tracks"]
    assert len(tracks) == len(body["arc"]) == 20
    valence = np.array([t["valence"] for t in tracks])
    assert np.corrcoef(np.arange(20), valence)[0, 1] > 0.8
    assert valence[:5].mean() < valence[-5:].mean() - 0.5
    targets = [p["valence"] for p in body["arc"]]
    assert targets == sorted(targets)
    ids = [t["id"] for t in tracks]
    assert len(ids) == len(set(ids)) and "r3" not in ids
    for i, t in enumerate(tracks):
        assert t["artist"] not in [u["artist"] for u in tracks[max(0, i - 3):i]]
        assert {"id", "title", "artist", "valence", "arousal", "tempo", "key",
                "camelot"} <= set(t)


@pytest.mark.parametrize("seed", ["r3", "r50", "r121", "r277"])
def test_a_playlist_without_an_arc_is_made_of_what_feels_like_the_seed(client, rich, seed):
    """Its tracks are the seed's recommendations (twice as many to choose from, so that
    tempo and key can flow), the first of them first, not the whole catalog's."""
    length = 10
    recs = post(client, "/v1/recommendations", {"seeds": [seed], "limit": 2 * length})
    ids = [r["id"] for r in recs["results"]]
    tracks = post(client, "/v1/playlists", {"seed": seed, "length": length})["tracks"]
    assert len(tracks) == length
    assert {t["id"] for t in tracks} <= set(ids)
    assert len({t["id"] for t in tracks} & set(ids[:length])) >= length // 2
    best = [r["id"] for r in recs["results"] if r["score"] == recs["results"][0]["score"]]
    assert tracks[0]["id"] in best
    assert [t["score"] for t in tracks] == [recs["results"][ids.index(t["id"])]["score"]
                                            for t in tracks]


def test_a_playlist_with_filters_keeps_to_them_and_to_the_seed(client, rich):
    body = {"seeds": ["r3"], "exclude_tags": ["pop"], "min_tempo": 80}
    recs = post(client, "/v1/recommendations", {**body, "limit": 16})
    tracks = post(client, "/v1/playlists", {**body, "length": 8})["tracks"]
    assert len(tracks) == 8 and {t["id"] for t in tracks} <= {r["id"] for r in recs["results"]}
    assert all("pop" not in rich[t["id"]].tags and t["tempo"] >= 80 for t in tracks)


@needs_shared
@pytest.mark.shared_data
def test_the_demo_playlist_of_a_score_track_is_made_of_its_recommendations(
        runner, monkeypatch, client):
    """The reported defect: seeded by a quiet score track, the playlist held none of the
    tracks the recommendations say feel like it (it chased the seed's valence/arousal
    point over the whole catalog)."""
    monkeypatch.setenv("FEELALIKE_DATASET_MIRRORS",
                       f"{TIDY.parent}:{SHARED / 'moods' / 'deezer'}")
    code, _, err = runner("demo", "--no-serve")
    assert code == 0, err
    recs = client.get("/v1/recommendations?seed=Loneliness%20%233&limit=20").get_json()
    ids = [r["id"] for r in recs["results"]]
    tracks = post(client, "/v1/playlists", {"seed": "Loneliness #3", "length": 20})["tracks"]
    placed = [t["id"] for t in tracks]
    assert len(placed) == 20 and len(set(placed) & set(ids)) >= 10, (placed, ids)
    assert tracks[0]["id"] in ids[:5] and len(set(placed) & set(ids[:5])) >= 4
    code, out, err = runner("playlist", "Loneliness #3", "--length", "20")
    assert code == 0 and [t["id"] for t in json.loads(out)["tracks"]] == placed


def test_playlist_transitions_flow_in_tempo_and_key(client, store):
    # one mood everywhere, so tempo and key decide the order
    tracks = [Track(id=f"f{i}", title=f"Flow {i}", artist=f"A{i}",
                    features={"valence": 0.5, "energy": 0.5, "tempo": 80.0 + 3 * (i % 10),
                              "key": float((i * 7) % 12), "mode": 1.0})
              for i in range(240)]
    store.publish(build(Catalog(tracks), k=10))
    body = post(client, "/v1/playlists", {"seed": "f0", "length": 12, "min_artist_gap": 1,
                                          "tempo_tolerance": 0.08})
    placed = body["tracks"]
    for a, b in zip(placed, placed[1:]):
        assert tempo_jump(a["tempo"], np.array([b["tempo"]]), 0.08)[0] == 0
        assert compatible(a["camelot"], b["camelot"]) is True, (a["camelot"], b["camelot"])
    assert placed[0]["camelot"] == camelot(placed[0]["key"] and
                                           ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#",
                                            "A", "A#", "B"].index(placed[0]["key"].split()[0]),
                                           1)


def tempo_table(tempos: list[float]) -> TrackTable:
    """One key and one mood everywhere; only tempo tells the tracks apart."""
    return hand_table([f"t{i}" for i in range(len(tempos))],
                      {"tempo": tempos, "key": 0.0, "mode": 1.0}, np.ones((len(tempos), 2)))


def test_an_early_choice_does_not_strand_the_last_track():
    """Placing the most relevant fitting track each time goes 100, 100, 108 and leaves
    93, which fits only beside 100; the playlist places it while it still can."""
    table = tempo_table([100.0, 100.0, 108.0, 93.0])
    relevance = np.array([1.0, 0.9, 0.8, 0.1], dtype=np.float32)
    placed = sequence(table, np.arange(4), relevance, arc_points((0, 0), (0, 0), 4),
                      min_artist_gap=0, follow_arc=False)
    tempos = [table.column("tempo")[r] for r in placed.rows]
    assert placed.rows[0] == 0 and sorted(placed.rows) == [0, 1, 2, 3]
    assert all(tempo_jump(a, np.array([b]), 0.08)[0] == 0 for a, b in zip(tempos, tempos[1:])), \
        tempos


def test_playlist_warns_when_it_cannot_fill(client, rich):
    body = post(client, "/v1/playlists", {"seed": "r3", "length": 30, "min_artist_gap": 20,
                                          "include_tags": ["rock"]})
    assert len(body["tracks"]) < 30 and "could be placed" in body["warnings"][0]
    body = post(client, "/v1/playlists", {"seed": "r3", "min_tempo": 299})
    assert body["tracks"] == [] and body["warnings"]


def test_an_arc_the_catalog_cannot_reach_is_warned_about(store, client):
    """Bright tracks only, asked to go from sad to joyful: the playlist started on
    bright tracks and labelled them sad, without a word."""
    store.publish(build(Catalog([rich_track(i) for i in range(300) if i % 11 >= 8]), k=30))
    body = post(client, "/v1/playlists", {"seed": "r8", "length": 6,
                                          "arc": {"from": "sad", "to": "joyful"}})
    assert len(body["tracks"]) == 6
    held = [w for w in body["warnings"] if w.startswith("no track comes near sad (valence "
                                                         "-0.70, arousal -0.35)")]
    assert len(held) == 1 and "the arc's start is held at valence 0." in held[0], held
    # the playlist starts as far that way as the tracks go, and its arc says where
    start = body["arc"][0]["valence"]
    assert start > 0 and min(t["valence"] for t in body["tracks"]) >= start - 0.15
    body = post(client, "/v1/playlists", {"seed": "r8", "length": 6,
                                          "arc": {"from": "sad", "to": "lonely"}})
    assert sum("no track comes near" in w for w in body["warnings"]) == 2, body.get("warnings")
    body = post(client, "/v1/playlists", {"seed": "r8", "length": 6,
                                          "arc": {"from": "joyful", "to": "energetic"}})
    assert len(body["tracks"]) == 6 and "warnings" not in body


def test_an_arc_the_filters_keep_from_its_end_is_warned_about(client, rich):
    """The catalog reaches sad, the tracks the filters leave do not."""
    body = post(client, "/v1/playlists", {"seed": "r8", "length": 6,
                                          "include_tags": ["happy hits"],
                                          "arc": {"from": "sad", "to": "joyful"}})
    assert any("no track that passes the filters comes near the arc's start" in w
               for w in body["warnings"]), body.get("warnings")


@pytest.mark.parametrize("seed, start, end", [("r3", "energetic", "peaceful"),
                                              ("r50", "joyful", "tender"),
                                              ("r121", "sad", "joyful")])
def test_an_arc_ends_on_a_track_that_carries_its_end_mood(client, rich, seed, start, end):
    """The response's own labels say the playlist gets there (on the demo, 0.10 of
    wind-downs to "peaceful" did: bench/arc_ends.py; the choice itself is tested on a
    table made by hand in tests/test_arc_world.py)."""
    body = post(client, "/v1/playlists", {"seed": seed, "length": 8,
                                          "arc": {"from": start, "to": end}})
    assert end in body["tracks"][-1]["moods"], (body["tracks"][-1], body.get("warnings"))
    assert not any("labelled" in w for w in body.get("warnings", []))


def test_an_end_mood_the_filters_leave_no_track_of_is_warned_about(client, rich):
    """Among the "happy hits" no track is labelled sad: the playlist says its end does
    not carry the mood asked for."""
    body = post(client, "/v1/playlists", {"seed": "r8", "length": 6,
                                          "include_tags": ["happy hits"],
                                          "arc": {"from": "joyful", "to": "sad"}})
    assert "sad" not in body["tracks"][-1]["moods"]
    assert any(w.startswith("no track that passes the filters is labelled sad, so the "
                            "playlist ends on one") for w in body["warnings"]), body["warnings"]


@pytest.mark.parametrize("body, field", [
    ({"seed": "r3", "length": 0}, "length"),
    ({"seed": "r3", "arc": {"from": "sad"}}, "arc.to"),
    ({"seed": "r3", "arc": "sad"}, "arc"),
    ({"seed": "r3", "arc": {"from": "sad", "to": "happy"}}, "arc.to"),
    ({"seed": "r3", "min_artist_gap": -1}, "min_artist_gap"),
    ({"seed": "r3", "tempo_tolerance": 2}, "tempo_tolerance"),
    ({"length": 5}, "seeds"),
])
def test_bad_playlist_requests(client, rich, body, field):
    error = error_of(client.post("/v1/playlists", json=body), 400, "bad_request")
    assert error["field"] == field


def test_exports_parse_back(client, rich):
    body = {"seed": "r3", "length": 5}
    m3u = client.post("/v1/playlists?format=m3u8", json=body)
    assert m3u.status_code == 200 and m3u.content_type.startswith("audio/x-mpegurl")
    lines = m3u.data.decode().splitlines()
    assert lines[0] == "#EXTM3U" and sum(line.startswith("#EXTINF:") for line in lines) == 5
    xspf = client.post("/v1/playlists?format=xspf", json=body)
    root = ET.fromstring(xspf.data)
    ns = {"x": "http://xspf.org/ns/0/"}
    assert root.tag == "{http://xspf.org/ns/0/}playlist"
    assert len(root.findall("x:trackList/x:track", ns)) == 5
    assert root.find("x:trackList/x:track/x:creator", ns).text.startswith("Band")
    jspf = json.loads(client.post("/v1/playlists?format=jspf", json=body).data)
    assert len(jspf["playlist"]["track"]) == 5 and jspf["playlist"]["track"][0]["title"]
    error_of(client.post("/v1/playlists?format=mp3", json=body), 400, "bad_request")
    # what the JSON answer warns of, an export says in a header (found by an app developer)
    short = {"seed": "r3", "length": 8, "include_ids": ["r1", "r2", "r4"]}
    warned = client.post("/v1/playlists", json=short).get_json()["warnings"]
    assert warned and json.loads(client.post("/v1/playlists?format=m3u8", json=short).headers[
        "X-Feelalike-Warnings"]) == warned
    assert "X-Feelalike-Warnings" not in m3u.headers
    named = client.post("/v1/playlists?format=csv", json={**body, "title": 'Señorita: "mix"'})
    assert named.headers["Content-Disposition"] == 'attachment; filename="Senorita mix.csv"; ' \
        "filename*=UTF-8''Se%C3%B1orita%20mix.csv"


# -- paths ----------------------------------------------------------------------------------

def test_path_moves_gradually(client, rich, store):
    body = client.get("/v1/path?from=r0&to=r10&steps=6").get_json()
    tracks = body["tracks"]
    assert tracks[0]["id"] == "r0" and tracks[-1]["id"] == "r10" and len(tracks) == 8
    assert len({t["id"] for t in tracks}) == 8
    start, end = np.array([tracks[0]["valence"], tracks[0]["arousal"]]), \
        np.array([tracks[-1]["valence"], tracks[-1]["arousal"]])
    progress = [float((np.array([t["valence"], t["arousal"]]) - start) @ (end - start))
                for t in tracks]
    assert progress[0] < progress[len(progress) // 2] < progress[-1]


def test_a_paths_score_is_how_near_each_track_lies_to_the_line(client, rich, store):
    """Every track used to score 1.0; the score now tells a step that strays from the
    straight walk between the ends from one that keeps to it."""
    tracks = client.get("/v1/path?from=r0&to=r10&steps=6").get_json()["tracks"]
    scores = [t["score"] for t in tracks]
    assert scores[0] == scores[-1] == 1.0
    assert all(0 <= s <= 1 for s in scores) and min(scores[1:-1]) < 1.0


@pytest.mark.parametrize("query, status, field", [
    ("from=r0&to=r10&steps=0", 400, "steps"),
    ("from=r0&to=r10&steps=abc", 400, "steps"),
    ("to=r10", 400, "from"),
    ("from=r0&to=r0", 400, "to"),
    ("from=qqqqzzzz&to=r10", 404, "from"),
    ("from=r0&to=qqqqzzzz", 404, "to"),
])
def test_bad_paths(client, rich, query, status, field):
    assert error_of(client.get(f"/v1/path?{query}"), status)["field"] == field


def test_cli_path_prints_or_writes_the_apis_path(runner, rich, client, tmp_path):
    code, out, err = runner("path", "r3", "r250", "--steps", "5")
    assert code == 0, err
    api = client.get("/v1/path?from=r3&to=r250&steps=5").get_json()
    assert json.loads(out)["tracks"] == api["tracks"] and len(api["tracks"]) == 7
    target = tmp_path / "walk.xspf"
    code, _, err = runner("path", "r3", "r250", "--format", "xspf", "--out", str(target))
    assert code == 0 and "wrote 10 tracks" in err
    titles = [t.text for t in ET.parse(target).getroot().iter("{http://xspf.org/ns/0/}title")]
    assert titles[0] == "From Tune 3 to Tune 250"
    for args, message in ((("r3", "r3"), "name the same track"),
                          (("r3", "nothing-like-it"), "no track"),
                          (("r3", "r250", "--steps", "0"), "steps")):
        code, out, err = runner("path", *args)
        assert code == 2 and err.startswith("error:") and message in err and not out


@pytest.mark.parametrize("name, first", [("mix.m3u8", "#EXTM3U"), ("mix.M3U", "#EXTM3U"),
                                         ("mix.xspf", "<?xml"), ("mix.jspf", '{"playlist"'),
                                         ("mix.json", "{"), ("mix.csv", "position,title")])
def test_the_out_files_extension_chooses_the_format(runner, rich, tmp_path, name, first):
    """`--out mix.m3u8` without `--format` wrote JSON into a playlist file."""
    target = tmp_path / name
    code, _, err = runner("playlist", "r3", "--length", "3", "--out", str(target))
    assert code == 0, err
    assert target.read_text(encoding="utf-8").replace(" ", "").startswith(
        first.replace(" ", ""))
    code, _, err = runner("path", "r3", "r250", "--steps", "1", "--format", "json",
                          "--out", str(target))
    assert code == 0 and target.read_text(encoding="utf-8").startswith("{")  # asked for


def test_an_out_file_whose_extension_names_no_format_is_refused(runner, rich, tmp_path):
    """`--out mix.csv` wrote JSON before CSV was a format; `mix.txt` still names none."""
    target = tmp_path / "mix.txt"
    code, out, err = runner("playlist", "r3", "--length", "3", "--out", str(target))
    assert code == 2 and err.startswith("error:") and "--format" in err and not out
    assert not target.exists()


def test_a_csv_export_has_a_row_per_track_under_its_header(client, rich):
    body = {"seed": "r3", "length": 5}
    response = client.post("/v1/playlists?format=csv", json=body)
    assert response.status_code == 200 and response.content_type.startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.data.decode())))
    tracks = post(client, "/v1/playlists", body)["tracks"]
    assert [r["feelalike_id"] for r in rows] == [t["id"] for t in tracks]
    assert [r["position"] for r in rows] == ["1", "2", "3", "4", "5"]
    assert rows[0]["title"] == tracks[0]["title"] and rows[0]["location"]


def test_csv_cells_a_spreadsheet_would_run_as_formulas_are_quoted():
    tracks = [{"id": "a", "title": "=HYPERLINK(\"http://evil\")", "artist": "@me",
               "album": "-1", "duration_ms": 1000.0, "external_ids": {"isrc": "GBX"}}]
    row = list(csv.DictReader(io.StringIO(export("csv", "Mix", tracks, lambda t: "x"))))[0]
    assert row["title"].startswith("'=") and row["artist"] == "'@me" and row["album"] == "'-1"
    assert row["duration_ms"] == "1000" and row["isrc"] == "GBX"


def test_a_playlist_says_which_tracks_its_seeds_named(client, rich):
    body = post(client, "/v1/playlists", {"seeds": ["r3", "Tune 250"], "length": 4})
    assert [s["id"] for s in body["seeds"]] == ["r3", "r250"]
    assert not {"r3", "r250"} & {t["id"] for t in body["tracks"]}
    arc_only = post(client, "/v1/playlists", {"length": 3, "arc": {"from": "sad",
                                                                    "to": "joyful"}})
    assert arc_only["seeds"] == []


def test_a_path_exports_like_a_playlist(client, rich):
    m3u = client.get("/v1/path?from=r3&to=r250&steps=5&format=m3u8")
    assert m3u.status_code == 200 and m3u.content_type.startswith("audio/x-mpegurl")
    lines = m3u.data.decode().splitlines()
    assert lines[:2] == ["#EXTM3U", "#PLAYLIST:From Tune 3 to Tune 250"]
    assert sum(line.startswith("#EXTINF:") for line in lines) == 7
    # a browser saves it under its title (found by an app developer: no file name)
    assert m3u.headers["Content-Disposition"] == 'attachment; filename="From Tune 3 to ' \
        'Tune 250.m3u8"; filename*=UTF-8\'\'From%20Tune%203%20to%20Tune%20250.m3u8'
    jspf = json.loads(client.get("/v1/path?from=r3&to=r250&steps=5&format=jspf").data)
    assert len(jspf["playlist"]["track"]) == 7
    error_of(client.get("/v1/path?from=r3&to=r250&format=mp3"), 400, "bad_request")


def test_cli_exports_link_to_the_public_url_when_set(runner, rich, monkeypatch):
    code, out, err = runner("playlist", "r3", "--length", "2", "--format", "m3u8")
    assert code == 0 and "feelalike:track:" in out
    monkeypatch.setenv("FEELALIKE_PUBLIC_URL", "https://music.example/fa/")
    code, out, err = runner("path", "r3", "r250", "--steps", "1", "--format", "m3u8")
    assert code == 0, err
    assert "https://music.example/fa/v1/tracks/r3" in out and "feelalike:track:" not in out


def test_cli_playlist_writes_exports(runner, rich, tmp_path):
    out = tmp_path / "mix.xspf"
    code, _, err = runner("playlist", "r3", "--length", "4", "--arc", "sad:joyful",
                          "--format", "xspf", "--out", str(out))
    assert code == 0, err
    assert len(ET.parse(out).getroot().findall(".//{http://xspf.org/ns/0/}track")) == 4
    code, out_text, _ = runner("playlist", "r3", "--length", "3")
    assert code == 0 and len(json.loads(out_text)["tracks"]) == 3
    code, _, err = runner("playlist", "r3", "--arc", "sad")
    assert code == 2 and err.startswith("error: --arc")


def test_a_library_of_one_track_says_so_not_loosen_the_filters(store, client):
    from .fixtures import make_track

    store.publish(build(Catalog([make_track(0)]), k=5))
    body = post(client, "/v1/playlists", {"seed": "trk0", "length": 5})
    assert body["tracks"] == [] and "no track besides the seeds" in body["warnings"][0]
    body = post(client, "/v1/recommendations", {"seeds": ["trk0"]})
    assert body["results"] == [] and "no track besides the seeds" in body["warnings"][0]


def test_a_playlist_that_ends_far_from_the_arc_says_so():
    """Found by a review: energetic -> peaceful over the catalog ended 0.54 from peaceful
    (the track near it was placed earlier) and said nothing."""
    from models.ranking import ArcPoint, far_ends

    va = np.array([[0.6, 0.7], [0.45, -0.75], [0.16, -0.1]])
    arc = [ArcPoint(0.6, 0.7), ArcPoint(0.5, 0.0), ArcPoint(0.45, -0.75)]
    [warning] = far_ends(va, [0, 1, 2], arc)
    assert warning.startswith("the playlist's end is 0.71 from the arc's end (valence 0.45")
    assert far_ends(va, [0, 2, 1], arc) == []
    # two of three placed: the playlist's last track against the arc's own end
    [short] = far_ends(np.array([[.9, .9], [.1, .1], [.5, .5]]), [0, 2],
                       [ArcPoint(.9, .9), ArcPoint(.5, .5), ArcPoint(.1, .1)])
    assert short.startswith("the playlist's end is 0.57 from the arc's end")
    [unreachable] = far_ends(va[:1], [0, 0], [ArcPoint(0.6, 0.7), ArcPoint(-0.9, -0.9)])
    assert unreachable.startswith("no track that passes the filters comes near the arc's end")


def test_an_arc_moves_across_a_small_library(tmp_path):
    """Found by a tester: in 60 tracks few lie within 0.1 of any point, so both ends of
    every arc were held at the library's centre: "From joyful to sad" went nowhere."""
    from models.ranking import Query, arc_ends

    from .fixtures import hand_table

    grid = np.linspace(-0.85, 0.85, 8)
    va = np.array([(v, a) for v in grid for a in grid])[2:62]
    table = hand_table([f"g{i}" for i in range(60)],
                       {"valence_mood": va[:, 0], "arousal_mood": va[:, 1]}, va)
    (v0, a0), (v1, a1) = arc_ends(table, Query(), ("joyful", "sad"))
    assert v0 - v1 > 1.0 and a0 > a1  # from the happy, lively corner to the sad one
    start, end = arc_ends(table, Query(), ("lonely", "hopeful"))
    assert end[0] - start[0] > 0.8


def test_an_arc_end_is_held_where_enough_tracks_are(store, rich):
    """A curator's playlists towards "peaceful" all ended on the same two carols: the
    mood lies beyond all but a few tracks of a pop catalog."""
    from models.ranking import Query, arc_ends, held
    from service.resources import Resources

    table = Resources(store).current().table
    va = np.column_stack([table.column("valence_mood"), table.column("arousal_mood")])
    far_out = np.array([0.45, -1.5])
    at = np.array(held(table, far_out))  # 300 tracks on a grid 0.2 apart: near 3 of them
    assert np.count_nonzero(np.linalg.norm(va - at, axis=1) <= 0.25) >= 3
    centre = np.median(va, axis=0)  # on the way from the mood to the tracks' centre
    (dx, dy), (ex, ey) = centre - far_out, at - far_out
    assert dx * ey - dy * ex == pytest.approx(0, abs=1e-6)
    inside = va[0]  # where tracks are, the mood stays where it is
    assert held(table, inside) == pytest.approx(tuple(inside), abs=1e-6)
    start, end = arc_ends(table, Query(), ("sad", "joyful"))
    assert start[0] < 0 < end[0]


def test_a_track_close_to_every_seed_by_its_world_is_discounted():
    """The "Her" cues, with little evidence of their own, sat near the centre of the
    sound and world columns and came up in arc playlists from every seed."""
    from models.ranking import Query, world_similarity

    rng = np.random.default_rng(3)
    n = 200
    vectors = np.column_stack([rng.normal(size=(n, 10)), np.ones(n),  # an anchor column
                               rng.normal(size=n)]).astype(np.float32)  # a mood column
    vectors[0, :10] = 0.0  # nothing of its own: only the anchor
    table = hand_table([f"t{i}" for i in range(n)], {}, vectors,
                       mood_columns=np.array([False] * 11 + [True]))
    mean = np.mean([world_similarity(table, Query(seeds=[(s, 1.0)])) for s in range(1, 61)],
                   axis=0)
    assert mean[0] <= np.percentile(mean[1:], 75)


def test_a_short_playlist_is_filled_when_its_nearest_tracks_share_one_artist(store, client):
    """From a self-hoster's review: `playlist "classical 20" --length 2` gave 1 track and
    a warning: the pool (2 a place) was the seed's album, all one artist, which the
    artist gap keeps apart, and it was never widened."""
    from .fixtures import make_track

    album = {"danceability": 0.2, "energy": 0.2, "valence": 0.3, "tempo": 70.0,
             "loudness": -20.0, "acousticness": 0.9, "mode": 1.0}
    tracks = [make_track(i, artist="Orchestra", album="Suite", features=dict(album),
                         tags=["classical"]) for i in range(8)]
    tracks += [make_track(i) for i in range(8, 40)]  # other artists, further away
    store.publish(build(Catalog(tracks), k=10))
    body = post(client, "/v1/playlists", {"seed": "trk0", "length": 2})
    assert len(body["tracks"]) == 2 and "warnings" not in body
    assert len({t["artist"] for t in body["tracks"]}) == 2
