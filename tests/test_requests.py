"""The request models: exact error paths for every field, normalised values, schemas."""
from __future__ import annotations

import json

import pytest
from werkzeug.datastructures import MultiDict

from models.errors import BadRequest
from models.language import MOODS
from service.exports import FORMATS
from service.requests import (
    ATTRIBUTES,
    EXPORT_FORMATS,
    MODELS,
    AddTracksBody,
    PathQuery,
    PlaylistBody,
    PlaylistFormat,
    RecommendBody,
    RemoveTracksBody,
    SearchQuery,
    SimilarQuery,
    TrackPath,
    json_schema,
    parse,
    parse_json,
    query_parameters,
    schemas,
)

OK = {"seeds": ["r1"]}  # the least a recommendation body needs


def deep(depth: int = 100_000) -> list:
    value: list = []
    for _ in range(depth):
        value = [value]
    return value  # a list nested 100,000 deep, as Python objects (no JSON parser involved)


def field_of(model: type, data: object) -> str:
    with pytest.raises(BadRequest) as caught:
        parse(model, data)
    error = caught.value
    assert error.code == "bad_request"
    field = error.extra["field"]
    assert error.message.startswith(f"{field}: ") or field == "body"
    assert len(error.message) < 260 and "x" * 61 not in error.message
    return field


# -- bodies: one bad value per field --------------------------------------------------------

NUMBERS = {"target_valence": (-1, 1), "target_arousal": (-1, 1), "diversity": (0, 1),
           "temperature": (0, 5), **{p + name: (a.low, a.high) for name, a in ATTRIBUTES.items()
                                     for p in ("min_", "max_", "target_")}}
INTEGERS = {"max_per_artist": (1, 100), "random_seed": (0, 2**32 - 1), "limit": (1, 100),
            "min_year": (1000, 3000), "max_year": (1000, 3000)}
LISTS = ("include_tags", "exclude_tags", "exclude_artists", "exclude_ids")


@pytest.mark.parametrize("body, field", [
    *[({**OK, name: bad}, name) for name, (low, high) in NUMBERS.items()
      for bad in (low - 1, high + 1, "0.5", True, False, float("nan"), float("inf"), 10**400,
                  -(10**400), [0.5], {"v": 1})],
    *[({**OK, name: bad}, name) for name, (low, high) in INTEGERS.items()
      for bad in (low - 1, high + 1, 1.5, float(low - 1), str(low), True, 10**400, [low],
                  1e300, float("nan"))],
])
def test_numbers_and_integers_name_their_field(body, field):
    assert field_of(RecommendBody, body) == field


@pytest.mark.parametrize("name", list(INTEGERS))
def test_a_whole_number_sent_as_a_float_counts(name):
    """JSON Schema's integer admits 5.0, and Python clients send it (json.dumps(5.0))."""
    low, _ = INTEGERS[name]
    assert getattr(RecommendBody.model_validate({**OK, name: float(low)}), name) == low


@pytest.mark.parametrize("body, field", [
    *[({**OK, name: bad}, name) for name in LISTS for bad in ("rock", {"a": 1}, 5, True, None)],
    *[({**OK, name: ["ok", bad]}, f"{name}[1]") for name in LISTS
      for bad in ("", "   ", 5, None, ["x"], deep())],
    *[({**OK, name: ["t"] * 501}, name) for name in LISTS],
    *[({**OK, "text": bad}, "text") for bad in ("", "   ", "x" * 501, 5, ["calm"])],
    *[({**OK, "dedupe": bad}, "dedupe") for bad in ("yes", 1, None)],
])
def test_text_lists_and_booleans(body, field):
    assert field_of(RecommendBody, body) == field


@pytest.mark.parametrize("seeds, field", [
    ("r1", "seeds"), ({"seed": "r1"}, "seeds"), (None, "seeds"), (["r1"] * 6, "seeds"),
    ([1], "seeds[0]"), ([None], "seeds[0]"), ([True], "seeds[0]"), ([""], "seeds[0]"),
    (["  "], "seeds[0]"), (["x" * 1001], "seeds[0]"), (["r1", ["r2"]], "seeds[1]"),
    (["\u200b"], "seeds[0]"), (["r1", "\u200b\u2060"], "seeds[1]"),  # zero-width: blank
    ([deep()], "seeds[0]"), ([{"weight": 1}], "seeds[0].seed"), ([{}], "seeds[0].seed"),
    ([{"seed": ""}], "seeds[0].seed"), ([{"seed": 5}], "seeds[0].seed"),
    ([{"id": "x" * 1001}], "seeds[0].id"), ([{"id": ""}], "seeds[0].id"),
    *[([{"seed": "r1", "weight": bad}], "seeds[0].weight")
      for bad in (0, -1, 10.5, "2", True, float("nan"), 10**400, [1])],
    (["r1", {"seed": "r2", "weight": 0}], "seeds[1].weight"),
    ([{"seed": "r1", "wieght": 2}], "seeds[0].wieght"),
    ([{"seed": "r1", "id": "r2"}], "seeds[0].id"),
    ([{"seed": "r1", "weight": 0}, ""], "seeds[0].weight"),  # the first error in order
    ([{"seed": "r1", "weight": 0}, {"seed": "r2", "x": 1}], "seeds[1].x"),  # unknown first
])
def test_seeds_errors_have_exact_paths(seeds, field):
    assert field_of(RecommendBody, {"seeds": seeds}) == field
    negative = field.replace("seeds", "negative_seeds", 1)
    assert field_of(RecommendBody, {**OK, "negative_seeds": seeds}) == negative


@pytest.mark.parametrize("moods, field", [
    ("sad", "moods"), (["sad"], "moods"), (None, "moods"), (0.5, "moods"),
    ({"angry": 1}, "moods.angry"), ({"sad": 0.5, "Sad": 0.5}, "moods.Sad"),
    ({"sad": 2}, "moods.sad"), ({"sad": -0.1}, "moods.sad"), ({"sad": "1"}, "moods.sad"),
    ({"sad": True}, "moods.sad"), ({"sad": float("nan")}, "moods.sad"),
    ({"sad": deep()}, "moods.sad"), ({"sad": 0, "tender": 0.0}, "moods"),
    ({"late night": 1}, 'moods["late night"]'), ({"sad": "1", "angry": 1}, "moods.angry"),
])
def test_moods_errors_have_exact_paths(moods, field):
    assert field_of(RecommendBody, {"moods": moods}) == field


@pytest.mark.parametrize("name", [*ATTRIBUTES, "year"])
def test_min_above_max_names_the_minimum(name):
    low, high = (2020, 2000) if name == "year" else (ATTRIBUTES[name].high,
                                                       ATTRIBUTES[name].low)
    body = {**OK, f"min_{name}": low, f"max_{name}": high}
    assert field_of(RecommendBody, body) == f"min_{name}"
    assert field_of(PlaylistBody, body) == f"min_{name}"
    parse(RecommendBody, {**OK, f"min_{name}": high, f"max_{name}": high})  # equal is fine


@pytest.mark.parametrize("body, field", [
    ([], "body"), ("seeds", "body"), (None, "body"), (5, "body"), (deep(), "body"),
    ({}, "seeds"), ({"moods": {"sad": None}}, "seeds"), ({"dedupe": False}, "seeds"),
    ({"min_tempo": 100}, "seeds"), ({"negative_seeds": ["r1"]}, "seeds"),
    ({**OK, "moodz": {}}, "moodz"), ({**OK, "min_valence": 0.5}, "min_valence"),
    ({**OK, "target_year": 2000}, "target_year"), ({**OK, "seed": "r1"}, "seed"),
    ({**OK, "length": 5}, "length"), ({**OK, "x" * 500: 1}, "x" * 40 + "..."),
    ({**OK, "a.b": 1}, '["a.b"]'), ({"seeds": 5, "lmit": 3}, "lmit"),
    ({**OK, "unknown": deep()}, "unknown"),
])
def test_body_shape_unknown_fields_and_asking_for_nothing(body, field):
    assert field_of(RecommendBody, body) == field


# -- playlists -----------------------------------------------------------------------------

PL = {"seed": "r3"}
PLAYLIST_BAD = {"length": (0, 101, 5.5, "5", 1e300), "min_artist_gap": (-1, 21, 1.5),
                "tempo_tolerance": (2, 0.001, "0.1"), "title": ("", "x" * 201, 5), "limit": (5,)}
ARCS = [("sad", "arc"), (["sad", "joyful"], "arc"), ({"from": "sad"}, "arc.to"),
        ({"to": "sad"}, "arc.from"), ({"from": "happy", "to": "sad"}, "arc.from"),
        ({"from": "sad", "to": "happy"}, "arc.to"), ({"from": 1, "to": "sad"}, "arc.from"),
        ({"from": "sad", "to": "joyful", "via": "tense"}, "arc.via")]


@pytest.mark.parametrize("body, field", [
    ({"seed": ""}, "seed"), ({"seed": 5}, "seed"), ({"seed": ["r3"]}, "seed"),
    ({"seed": {"seed": "r3", "weight": 11}}, "seed.weight"), ({"seed": {"weight": 1}}, "seed.seed"),
    ({"seed": "r3", "seeds": ["a"] * 5}, "seeds"), ({"seed": "r3", "seeds": [2]}, "seeds[0]"),
    *[({**PL, name: bad}, name) for name, bads in PLAYLIST_BAD.items() for bad in bads],
    *[({**PL, "arc": arc}, field) for arc, field in ARCS],
    ({**PL, "moods": {"angry": 1}}, "moods.angry"),
    ({"length": 5}, "seeds"), ({"target_arousal": "high"}, "target_arousal"), ([], "body"),
])
def test_bad_playlist_bodies(body, field):
    assert field_of(PlaylistBody, body) == field


# -- valid bodies: normalised values --------------------------------------------------------

def test_recommend_body_round_trips_to_engine_values():
    body = parse(RecommendBody, {
        "seeds": ["  Loneliness #3 ", {"seed": "Someone You Loved", "weight": 0.5},
                  {"id": "trk9", "weight": 2}, {"seed": "x", "weight": None}],
        "negative_seeds": ["Dance Monkey"], "moods": {"lonely": 0.8, "joyful": 0, "sad": None},
        "text": "  late-night city drive ", "target_valence": -1, "target_arousal": 0.25,
        "min_energy": 0, "max_energy": 0.6, "target_tempo": 120, "min_year": 2010,
        "max_year": 2020, "include_tags": [" Indie Pop "], "exclude_tags": ["rap"],
        "exclude_artists": ["A"], "exclude_ids": ["id1"], "max_per_artist": 1,
        "dedupe": False, "diversity": 1, "temperature": 0.5, "random_seed": 2**32 - 1,
        "limit": 100})
    assert body.seed_list() == [("Loneliness #3", 1.0), ("Someone You Loved", 0.5),
                                ("trk9", 2.0), ("x", 1.0)]
    assert body.negative_seed_list() == [("Dance Monkey", 1.0)]
    assert body.mood_weights() == {"joyful": 0.0, "lonely": 0.8}
    assert body.ranges() == ({"energy": 0.0, "year": 2010.0}, {"energy": 0.6, "year": 2020.0},
                             {"tempo": 120.0})
    assert (body.text, body.include_tags) == ("late-night city drive", ["Indie Pop"])
    assert all(isinstance(x, float) for x in (body.target_valence, body.diversity))
    assert (body.target_valence, body.target_arousal, body.max_per_artist, body.dedupe,
            body.diversity, body.temperature, body.random_seed, body.limit) == \
        (-1.0, 0.25, 1, False, 1.0, 0.5, 2**32 - 1, 100)


def test_defaults_and_nulls_mean_left_out():
    body = parse(RecommendBody, {"moods": {"sad": 1}, "limit": None, "diversity": None,
                                 "temperature": None, "random_seed": None, "text": None,
                                 "max_per_artist": None, "min_tempo": None})
    assert (body.limit, body.diversity, body.temperature, body.random_seed, body.text,
            body.max_per_artist, body.dedupe) == (10, None, 0.0, None, None, None, True)
    assert body.seed_list() == body.include_tags == body.exclude_ids == []
    assert body.ranges() == ({}, {}, {})
    for asks in ({"text": "calm"}, {"target_arousal": 0.1}, {"target_danceability": 1}):
        assert parse(RecommendBody, asks).asks_for_something()


def test_playlist_body_puts_seed_first_and_has_defaults():
    body = parse(PlaylistBody, {"seed": {"id": " r3 ", "weight": 3}, "seeds": ["r4"],
                                "arc": {"from": "sad", "to": "joyful"}, "title": " Mix "})
    assert body.seed_list() == [("r3", 3.0), ("r4", 1.0)]
    assert body.arc_ends() == ("sad", "joyful") and body.title == "Mix"
    assert (body.length, body.min_artist_gap, body.tempo_tolerance) == (20, 3, 0.08)
    nulls = parse(PlaylistBody, dict.fromkeys(("length", "arc", "min_artist_gap",
                                               "tempo_tolerance", "seed")) | {"text": "calm"})
    assert (nulls.length, nulls.min_artist_gap, nulls.tempo_tolerance, nulls.arc_ends(),
            nulls.seed_list()) == (20, 3, 0.08, None, [])
    assert parse(PlaylistBody, {"arc": {"from": "sad", "to": "epic"}}).arc_ends() == ("sad", "epic")
    assert parse(PlaylistBody, {"seed": "r3", "seeds": ["a"] * 4}).seed_list()[0] == ("r3", 1.0)


# -- query strings and paths -----------------------------------------------------------------

@pytest.mark.parametrize("model, query, field", [
    *[(SimilarQuery, query, "seed") for query in ({}, {"seed": ""}, {"seed": "  "},
                                                  {"seed": "x" * 1001}, {"limit": "3"})],
    *[(SimilarQuery, {"seed": "r1", "limit": bad}, "limit")
      for bad in ("0", "abc", "101", "-1", "1.5", "1e3", "1_0", "٣", "9" * 5000, "0x10")],
    (SearchQuery, {"limit": "5"}, "q"), (SearchQuery, {"q": " "}, "q"),
    (SearchQuery, {"q": "a", "limit": "51"}, "limit"), (PathQuery, {"to": "r10"}, "from"),
    (PathQuery, {"from": "r0"}, "to"), (PathQuery, {"from": "r0", "to": ""}, "to"),
    *[(PathQuery, {"from": "r0", "to": "r1", "steps": bad}, "steps") for bad in ("0", "51", "x")],
    (TrackPath, {"id": ""}, "id"), (TrackPath, {"id": "x" * 1001}, "id"), (TrackPath, {}, "id"),
    *[(PlaylistFormat, {"format": bad}, "format") for bad in ("mp3", "m3u", "json5")],
])
def test_bad_query_parameters(model, query, field):
    assert field_of(model, query) == field


def test_query_values_are_converted_and_unknown_parameters_ignored():
    assert parse(SimilarQuery, {"seed": " Song 3 ", "limit": " 7 ", "_": "123",
                                "utm_source": "app", "callback": "f", "t": "9"}) == \
        SimilarQuery.model_validate({"seed": "Song 3", "limit": 7})
    assert parse(PathQuery, {"from": "a", "to": "b", "ts": "1", "page": "2"}).steps == 8
    assert parse(SimilarQuery, {"seed": "x", "seen": "1", "send": "1"}).limit == 10
    assert parse(SimilarQuery, {"seed": "x", "limit": ""}).limit == 10
    repeated_buster = MultiDict([("seed", "a"), ("_", "1"), ("_", "2"), ("limit", "+3")])
    assert parse(SimilarQuery, repeated_buster) == \
        SimilarQuery.model_validate({"seed": "a", "limit": 3})
    with pytest.raises(BadRequest, match="seed: given 2 times"):  # which one? not a guess
        parse(SimilarQuery, MultiDict([("seed", "a"), ("seed", "b")]))
    assert parse(SearchQuery, {"q": "lo"}).limit == 10
    path = parse(PathQuery, {"from": " r0 ", "to": "r10"})
    assert (path.from_, path.to, path.steps) == ("r0", "r10", 8)
    assert parse(TrackPath, {"id": "spotify:track:1"}).id == "spotify:track:1"
    assert parse(PlaylistFormat, None).format == "json"
    assert [parse(PlaylistFormat, {"format": f}).format for f in EXPORT_FORMATS] == \
        list(EXPORT_FORMATS) and set(EXPORT_FORMATS) == {"json", *FORMATS}
    # found by a tester: format=Json passed a JSON-only route, M3U8 failed an export route
    assert [parse(PlaylistFormat, {"format": f}).format for f in ("M3U8", " Xspf ", "", " ")] \
        == ["m3u8", "xspf", "json", "json"]


@pytest.mark.parametrize("model, query, misspelt, meant", [
    (SimilarQuery, {"seed": "x", "limt": "50"}, "limt", "limit"),
    (SimilarQuery, {"seed": "x", "Limit": "50"}, "Limit", "limit"),
    (SimilarQuery, {"seed": "x", "seeds": "y"}, "seeds", "seed"),
    (PathQuery, {"from": "a", "to": "b", "step": "3"}, "step", "steps"),
    (PathQuery, {"from": "a", "to": "b", "fromat": "m3u8"}, "fromat", "format"),
    (SearchQuery, {"Q": "love"}, "Q", "q"),
])
def test_a_near_miss_of_a_documented_parameter_is_a_400(model, query, misspelt, meant):
    """``limt=50`` used to be ignored like a cache buster: ten results, no word why."""
    assert field_of(model, query) == misspelt
    with pytest.raises(BadRequest, match=f"did you mean {meant}\\?"):
        parse(model, query)


# -- raw JSON, messages ---------------------------------------------------------------------

@pytest.mark.parametrize("raw, field", [
    ("{", "body"), ("", "body"), ("[" * 100_000 + "]" * 100_000, "body"),
    ('{"seeds": ["r1"], "limit": ' + "9" * 5000 + "}", "body"),
    ('{"seeds": ["r1"], "limit": ' + "9" * 400 + "}", "limit"),
    ('{"seeds": ["r1"], "diversity": NaN}', "diversity"),
    ('{"seeds": ["r1"], "temperature": -Infinity}', "temperature"),
    ('{"seeds": [' + "[" * 50_000 + "]" * 50_000 + "]}", "body"),
    ('{"seeds": [' + "[" * 500 + "]" * 500 + "]}", "seeds[0]"),
    (b'{"moods": {"angry": 1}}', "moods.angry"),
])
def test_parse_json(raw, field):
    with pytest.raises(BadRequest) as caught:
        parse_json(RecommendBody, raw)
    assert caught.value.extra["field"] == field


def test_messages_are_short_and_quote_little():
    long = "x" * 10_000
    for body in ({**OK, "text": long}, {**OK, "dedupe": long}, {**OK, long: 1},
                 {"moods": {long: 1}}, {"seeds": [long]}, {**PL, "arc": {"from": long}}):
        field_of(PlaylistBody if "seed" in body else RecommendBody, body)  # short, no echo
    with pytest.raises(BadRequest) as caught:
        parse(RecommendBody, {"seeds": ["r1"], "moods": {"angry": 1}})
    assert caught.value.message.startswith("moods.angry: unknown mood")
    with pytest.raises(BadRequest) as caught:
        parse(RecommendBody, {**OK, "min_tempo": 150, "max_tempo": 100})
    assert caught.value.message == "min_tempo: must not be greater than max_tempo (150.0 > 100.0)"


# -- schemas ----------------------------------------------------------------------------------

def test_recommend_schema_lists_every_field():
    schema = json_schema(RecommendBody)
    expected = {"seeds", "negative_seeds", "moods", "target_valence", "target_arousal", "text",
                "include_tags", "exclude_tags", "exclude_artists", "exclude_ids", "include_ids",
                "max_per_artist", "dedupe", "diversity", "temperature", "random_seed", "limit",
                "offset", "min_year", "max_year",
                *(p + a for a in ATTRIBUTES for p in ("min_", "max_", "target_"))}
    assert set(schema["properties"]) == expected and len(expected) == 56
    assert schema["additionalProperties"] is False
    assert set(json_schema(PlaylistBody)["properties"]) == expected - {"limit", "offset"} | {
        "seed", "length", "minutes", "arc", "min_artist_gap", "tempo_tolerance", "title"}


def test_every_field_is_described_with_examples_and_query_parameters():
    for name, schema in schemas().items():
        json.dumps(schema)  # plain JSON
        models = {name: schema, **schema.get("$defs", {})}
        for model_name, model in models.items():
            for field, prop in model["properties"].items():
                assert prop.get("description") and prop.get("examples"), (model_name, field)
    moods = schemas()["Moods"]["properties"]
    assert list(moods) == list(MOODS)
    assert set(MODELS) >= {"RecommendBody", "PlaylistBody", "SeedRef", "Arc", "SimilarQuery",
                           "SearchQuery", "PathQuery", "TrackPath", "PlaylistFormat"}
    # query models as OpenAPI parameter objects
    params = {p["name"]: p for p in query_parameters(PathQuery)}
    assert list(params) == ["from", "to", "steps", "format"]
    assert params["from"]["required"] and not params["steps"]["required"]
    assert params["steps"]["schema"]["maximum"] == 50
    assert query_parameters(TrackPath, "path")[0]["in"] == "path"


@pytest.mark.parametrize("model, body, message", [
    (RemoveTracksBody, {"ids": []}, "ids: must not be empty"),
    (AddTracksBody, {"tracks": []}, "tracks: must not be empty"),
])
def test_an_empty_list_is_said_in_plain_words(model, body, message):
    """Not the validator's "List should have at least 1 item after validation, not 0"."""
    with pytest.raises(BadRequest) as caught:
        parse(model, body)
    assert caught.value.message == message
