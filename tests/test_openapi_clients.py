"""What a client generated from /openapi.json relies on (found by an app developer who
generated one with openapi-python-client): one named type per shared shape, and fields
typed as the server sends them."""
from __future__ import annotations

import json
from collections import Counter
from typing import Any, Iterator

import pytest

from models.language import MOODS
from service.openapi import build_document
from service.openapi.components import request_schemas


@pytest.fixture(scope="module")
def doc() -> dict[str, Any]:
    return build_document()


def _nodes(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _nodes(value)
    elif isinstance(node, list):
        for value in node:
            yield from _nodes(value)


def _shape(node: dict[str, Any]) -> str | None:
    """What makes an inline schema a type of its own in a generated client: an enum, or
    a map (an object whose values have a schema)."""
    if "enum" in node:
        return "enum " + json.dumps(sorted(node["enum"]))
    values = node.get("additionalProperties")
    if isinstance(values, dict) and "properties" not in node:
        return "map of " + json.dumps(values, sort_keys=True)
    return None


def test_each_enum_and_map_is_written_once(doc):
    # before: the 16 moods were seven inline enums (ArcFrom, ArcTo, ResultMoodsItem,
    # EntryMoodsItem, SearchResultMoodsItem, TrackDocumentTopMoodsItem, MoodScoreMood),
    # the external ids four map classes, the export formats two enums
    shapes = Counter(s for node in _nodes(doc) if (s := _shape(node)))
    repeated = {shape: n for shape, n in shapes.items() if n > 1}
    assert not repeated, repeated


def _target(doc: dict[str, Any], schema: dict[str, Any]) -> str:
    assert "$ref" in schema, schema
    return schema["$ref"].rsplit("/", 1)[1]


def test_a_mood_of_an_answer_is_the_type_a_request_takes(doc):
    # a result's top mood given as a playlist's arc.from, a search hit's as the next
    # request's moods: one Mood type, not one per place
    schemas = doc["components"]["schemas"]
    places = [schemas["Arc"]["properties"]["from"], schemas["Arc"]["properties"]["to"],
              schemas["MoodScore"]["properties"]["mood"],
              *(schemas[name]["properties"][field]["items"] for name, field in (
                  ("Result", "moods"), ("Entry", "moods"), ("SearchResult", "moods"),
                  ("TrackDocument", "top_moods")))]
    assert {_target(doc, place) for place in places} == {"Mood"}
    assert schemas["Mood"]["enum"] == list(MOODS)
    assert set(schemas["Moods"]["properties"]) == set(MOODS)
    ids = {_target(doc, schemas[name]["properties"]["external_ids"])
           for name in ("Result", "Entry", "SearchResult", "TrackDocument")}
    assert ids == {"ExternalIds"}
    formats = {_target(doc, param["schema"]) for path, method in (
        ("/v1/playlists", "post"), ("/v1/path", "get"))
        for param in doc["paths"][path][method]["parameters"] if param["name"] == "format"}
    assert formats == {"ExportFormat"}


def test_a_track_documents_mood_scores_are_typed_by_mood(doc):
    # before: a map of numbers, so a client read doc.mood_scores["sad"] with no type;
    # every track document has all 16 (real answers are checked in test_openapi.py)
    schemas = doc["components"]["schemas"]
    scores = schemas[_target(doc, schemas["TrackDocument"]["properties"]["mood_scores"])]
    assert set(scores["required"]) == set(scores["properties"]) == set(MOODS)
    read = schemas[_target(doc, schemas["TextRead"]["properties"]["moods"])]
    assert set(read["properties"]) == set(MOODS) and not read.get("required")


def _allows_null(prop: dict[str, Any]) -> bool:
    return prop.get("type") == "null" or any(_allows_null(b) for b in prop.get("anyOf", ()))


def test_optional_answer_fields_are_absent_never_null(doc):
    # before: warnings, random_seed, text_read, an error's field, suggestions... were
    # "anyOf [X, null]" though the server leaves them out: a generated client typed them
    # "list[str] | None | Unset" and every caller checked for a None that never comes
    # (that the server leaves them out is checked on real answers in test_openapi.py)
    schemas = doc["components"]["schemas"]
    answers = set(schemas) - set(request_schemas())
    assert {"RichRecommendations", "Playlist", "Path", "ErrorDetail", "TextRead"} <= answers
    optional_null = [f"{name}.{prop}" for name in answers
                     for prop, schema in schemas[name].get("properties", {}).items()
                     if prop not in schemas[name].get("required", ()) and _allows_null(schema)]
    assert not optional_null, optional_null
    detail = doc["components"]["schemas"]["ErrorDetail"]
    assert detail["properties"]["retry_after"]["type"] == "integer"
