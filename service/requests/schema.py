"""JSON Schemas of the request models: the single source of the OpenAPI document.

``schemas()`` gives every model's schema by name; ``query_parameters`` turns a query
model into OpenAPI parameter objects (name, in, required, description, schema).
"""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from .admin import AddTracksBody, Features, RemoveTracksBody, RollbackBody, TrackRow
from .bodies import PlaylistBody, RecommendBody
from .parts import Arc, Moods, SeedRef
from .queries import EmbedQuery, PathQuery, PlaylistFormat, SearchQuery, SimilarQuery, TrackPath

#: every request model by name: bodies, their parts, query strings and paths.
MODELS: dict[str, type[BaseModel]] = {
    "RecommendBody": RecommendBody, "PlaylistBody": PlaylistBody, "SeedRef": SeedRef,
    "Moods": Moods, "Arc": Arc, "SimilarQuery": SimilarQuery, "SearchQuery": SearchQuery,
    "PathQuery": PathQuery, "TrackPath": TrackPath, "PlaylistFormat": PlaylistFormat,
    "EmbedQuery": EmbedQuery,
    "AddTracksBody": AddTracksBody, "TrackRow": TrackRow, "Features": Features,
    "RemoveTracksBody": RemoveTracksBody, "RollbackBody": RollbackBody,
}


def json_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12, as OpenAPI 3.1 uses) of what ``model`` accepts."""
    return model.model_json_schema(by_alias=True, mode="validation")


def schemas() -> dict[str, dict[str, Any]]:
    """``{model name: JSON Schema}`` for every request model."""
    return {name: json_schema(model) for name, model in MODELS.items()}


def query_parameters(model: type[BaseModel], where: str = "query") -> list[dict[str, Any]]:
    """OpenAPI parameter objects of a query or path model (``where``: query or path)."""
    schema = json_schema(model)
    required = set(schema.get("required", ()))
    out = []
    for name, prop in schema["properties"].items():
        prop = dict(prop)
        description = prop.pop("description", "")
        prop.pop("title", None)
        out.append({"name": name, "in": where, "required": name in required or where == "path",
                    "description": description, "schema": prop})
    return out
