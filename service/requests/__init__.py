"""Typed request models (pydantic v2): the one validation layer of the API.

``parse(Model, data)`` returns a validated, normalised model or raises
``models.errors.BadRequest`` whose ``field`` is the exact JSON path of the first error
(``moods.angry``, ``seeds[1].weight``, ``arc.from``, ``limit``, ``body``).  Bodies:
:class:`RecommendBody`, :class:`PlaylistBody` (sharing :class:`QueryFields`), the admin
bodies (:class:`AddTracksBody`, :class:`RemoveTracksBody`, :class:`RollbackBody`); query
strings and paths: :class:`SimilarQuery`, :class:`SearchQuery`, :class:`PathQuery`,
:class:`TrackPath`, :class:`PlaylistFormat`, :class:`EmbedQuery`.  ``schemas()`` gives
their JSON Schemas.
"""
from __future__ import annotations

from .admin import AddTracksBody, RemoveTracksBody, RollbackBody, TrackRow
from .attributes import ATTRIBUTES, YEARS, AttributeFields
from .bodies import PlaylistBody, QueryFields, RecommendBody
from .parsing import (bad_request, json_path, parse, parse_json,
                      refuse_body_fields_in_query)
from .parts import Arc, MoodName, Moods, SeedItem, SeedRef
from .queries import (
    EXPORT_FORMATS,
    EmbedQuery,
    PathQuery,
    PlaylistFormat,
    SearchQuery,
    SimilarQuery,
    TrackPath,
)
from .schema import MODELS, json_schema, query_parameters, schemas
from .types import MAX_LIST, MAX_SEEDS, MAX_TEXT, Body, Query

__all__ = [
    "AddTracksBody", "RemoveTracksBody", "RollbackBody", "TrackRow", "ATTRIBUTES", "YEARS",
    "AttributeFields",
    "PlaylistBody", "QueryFields", "RecommendBody", "bad_request", "json_path", "parse",
    "parse_json", "refuse_body_fields_in_query", "Arc", "MoodName", "Moods", "SeedItem",
    "SeedRef", "EXPORT_FORMATS", "EmbedQuery", "PathQuery", "PlaylistFormat", "SearchQuery",
    "SimilarQuery", "TrackPath", "MODELS", "json_schema", "query_parameters", "schemas",
    "MAX_LIST", "MAX_SEEDS", "MAX_TEXT", "Body", "Query",
]
