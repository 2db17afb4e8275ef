"""Build the OpenAPI 3.1.0 document from the operation table and the models.

``build_document()`` assembles it; ``document()`` caches one copy per process (the
document depends on code only, never on settings or the model in Redis).
"""
from __future__ import annotations

import copy
import functools
from importlib import metadata
from typing import Any

from pydantic import BaseModel

from models.errors import BadRequest

from ..requests import parse, query_parameters
from .components import component_schemas, ref
from .error_statuses import ERROR_RESPONSES
from .examples import ERRORS, OK
from .operations import OPERATIONS, Operation
from .shared import name_shared

TITLE = "feelalike"
DESCRIPTION = """\
Mood-based soundtrack recommender: tracks that feel like a seed, rich recommendations
from seeds, moods, text and audio targets, playlists sequenced along a mood arc (also as
M3U8, XSPF or JSPF), gradual paths between two tracks, and track documents with the
evidence behind their moods.

All answers of /v1 are JSON unless an export format is asked for (`/` and `/embed`
are HTML pages). Every error is
`{"error": {"code", "message", ...}}`: 400 `bad_request` names the offending `field` by
its exact JSON path (`limit`, `moods.angry`, `seeds[1].weight`, `arc.to`; `body` when the
body is not a JSON object), 400 `seed_without_evidence` (every seed is a track with
nothing to place it by); 404 `seed_not_found` (with `suggestions`), `track_not_found`
or `not_found` (unknown route; a trailing slash names none, and the message names
the path without it); 405 `method_not_allowed`; 413
`request_entity_too_large` and 414 `request_uri_too_long` (configurable limits); 415
`unsupported_media_type` (a body sent as another type than application/json); 429
`too_many_requests`; 503 `busy`, `model_not_ready`, `store_unavailable` or
`model_files_unavailable`; 500
`internal_error`. Query parameters that are not documented are
ignored, except near misses of a documented one (`limt`, `Limit`, `step`: a 400 that
names the one meant); a documented one given more than once is a 400 naming it
(`seed: given 2 times; give it once`); body fields that are not documented are rejected.
"""
TAGS = [
    {"name": "recommendations", "description": "Tracks that feel like seeds, moods or text."},
    {"name": "playlists", "description": "Sequenced playlists and paths in mood space."},
    {"name": "tracks", "description": "Search and track documents."},
    {"name": "health", "description": "Liveness and readiness probes."},
    {"name": "docs", "description": "This document and its HTML rendering."},
    {"name": "page", "description": "The web page and the embeddable widget (HTML)."},
    {"name": "admin", "description": "Changing the live model (admin key required)."},
]


def version() -> str:
    """The installed package's version (``0.0.0`` when run from an uninstalled tree)."""
    try:
        return metadata.version("feelalike")
    except metadata.PackageNotFoundError:
        return "0.0.0"


def _empty_is_default(model: type[BaseModel], name: str, params: list[dict[str, Any]]) -> bool:
    """Whether the model takes ``name=`` (empty) as "left out": asked of the model itself,
    with the required parameters at their examples."""
    sample = {p["name"]: str(p["example"]) for p in params if p["required"]}
    try:
        parse(model, {**sample, name: ""})
    except BadRequest:
        return False
    return True


def _parameters(op: Operation) -> list[dict[str, Any]]:
    params = []
    for model, where in ((op.path_model, "path"), (op.query, "query")):
        if model is None:
            continue
        own = query_parameters(model, where)
        for param in own:
            examples = param["schema"].get("examples")
            if examples:
                param["example"] = examples[0]
        for param in own:
            if not param["required"] and _empty_is_default(model, param["name"], own):
                param["allowEmptyValue"] = True
                param["description"] += " Empty means the default."
        params += own
    return params


#: headers of an export answer (a route whose 200 may be a playlist file): what a client
#: saves it as, and the warnings the JSON answer would carry in its body
EXPORT_HEADERS = {
    "Content-Disposition": {
        "description": "Exports only: `attachment` with the playlist's title as the file "
                       "name (an ASCII `filename` and the UTF-8 `filename*`).",
        "schema": {"type": "string"},
        "example": "attachment; filename=\"From lonely to hopeful.m3u8\"; "
                   "filename*=UTF-8''From%20lonely%20to%20hopeful.m3u8"},
    "X-Feelalike-Warnings": {
        "description": "Exports only, and only when there is something to warn of (a "
                       "playlist shorter than asked, a seed taken for a near spelling): "
                       "the JSON answer's `warnings`, as a JSON list of strings in ASCII.",
        "schema": {"type": "string", "contentMediaType": "application/json"},
        "example": '["only 3 of 20 tracks could be placed with the filters and artist '
                   'gap given"]'}}
_EXPORT_TYPES = frozenset({"audio/x-mpegurl", "application/xspf+xml",
                           "application/jspf+json", "text/csv"})


#: routes whose answers are live state, never made conditional (service/conditional.py)
LIVE_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})
_ETAG = {"description": "A strong entity tag of the answer's body (it changes with the "
                        "model version and the request); send it back in If-None-Match.",
         "schema": {"type": "string"}, "example": '"5d41402abc4b2a76b9719d911017c592"'}
VALIDATOR_HEADERS = {"ETag": _ETAG, "Cache-Control": {
    "description": "`no-cache` (a cache may keep the answer but must revalidate it); "
                   "`private, no-cache` when the request carried an X-API-Key.",
    "schema": {"type": "string"}, "example": "no-cache"}}
IF_NONE_MATCH = {"name": "If-None-Match", "in": "header", "required": False,
                 "description": "ETags of answers the client holds: when one is the "
                                "answer's (weak comparison; `*` matches any), the answer is "
                                "304 without a body. A 304 costs what the 200 would.",
                 "schema": {"type": "string"}, "example": '"5d41402abc4b2a76b9719d911017c592"'}


def _conditional(op: Operation) -> bool:
    return op.method == "get" and op.path not in LIVE_PATHS


def _ok(op: Operation) -> dict[str, Any]:
    content: dict[str, Any] = {}
    if op.ok:
        content["application/json"] = {"schema": ref(op.ok), "example": OK[op.ok]}
    content.update(copy.deepcopy(op.other_content))
    ok: dict[str, Any] = {"description": op.summary, "content": content}
    if _EXPORT_TYPES & set(content):
        ok["headers"] = copy.deepcopy(EXPORT_HEADERS)
    if _conditional(op):
        ok["headers"] = {**ok.get("headers", {}), **copy.deepcopy(VALIDATOR_HEADERS)}
    return ok


def _operation(op: Operation) -> dict[str, Any]:
    out: dict[str, Any] = {"operationId": op.operation_id, "tags": [op.tag],
                           "summary": op.summary, "description": op.description}
    params = _parameters(op) + ([copy.deepcopy(IF_NONE_MATCH)] if _conditional(op) else [])
    if params:
        out["parameters"] = params
    if op.body:
        out["requestBody"] = {"required": op.body_required, "content": {"application/json": {
            "schema": ref(op.body), "examples": copy.deepcopy(op.body_examples)}}}
    responses: dict[str, Any] = {"200": _ok(op)}
    if _conditional(op):
        responses["304"] = {"description": "Not Modified: If-None-Match named the answer's "
                                           "ETag; no body.",
                            "headers": copy.deepcopy(VALIDATOR_HEADERS)}
    for name in op.errors:
        status = str(ERROR_RESPONSES[name][0])
        if status in responses:
            raise ValueError(f"{op.method} {op.path}: two responses for {status}")
        responses[status] = {"$ref": f"#/components/responses/{name}"}
    for code, description in op.html_errors:
        responses[str(code)] = {"description": description,
                                "content": {"text/html": {"schema": {"type": "string"}}}}
        if code == 429:
            responses[str(code)]["headers"] = _retry_after("Always")
    out["responses"] = responses
    security = _security(op)
    if security is not None:
        out["security"] = security
    return out


#: the ways to send a key: the X-API-Key header, or a bearer token (docs/operations.md).
SECURITY_SCHEMES = {"ApiKey": {
    "type": "apiKey", "in": "header", "name": "X-API-Key",
    "description": "A key of FEELALIKE_ADMIN_KEYS (the admin routes, always) or of "
                   "FEELALIKE_API_KEYS (the /v1 read routes, when the server sets "
                   "FEELALIKE_REQUIRE_KEYS_FOR_READS; optional otherwise, but a key "
                   "that is sent must be valid: an unknown one is a 401)."}, "Bearer": {
    "type": "http", "scheme": "bearer",
    "description": "The same key as `Authorization: Bearer KEY`, read when no X-API-Key "
                   "is sent; a bearer token that is no key of the server is not read (a "
                   "proxy in front may use the header for itself): no key."}}


def _security(op: Operation) -> list[dict[str, list[str]]] | None:
    """The key an operation needs: always for the admin routes, optionally (``{}``, no
    key, is also accepted) for the read routes that may require one; None for routes
    that never look at a key."""
    if "AdminUnauthorized" in op.errors:
        return [{"ApiKey": []}, {"Bearer": []}]
    if "Unauthorized" in op.errors:
        return [{}, {"ApiKey": []}, {"Bearer": []}]
    return None


def _retry_after(when: str) -> dict[str, Any]:
    return {"Retry-After": {"description": f"{when}: whole seconds to wait before trying "
                                           "again (as the body's `retry_after`).",
                            "schema": {"type": "string", "pattern": "^[0-9]+$"},
                            "example": "42"}}


_CHALLENGE = {"WWW-Authenticate": {
    "description": "How to authenticate: a key in the X-API-Key header.",
    "schema": {"type": "string"}, "example": 'ApiKey header="X-API-Key"'}}
#: headers that come with an error response, by response name.
ERROR_HEADERS = {"MethodNotAllowed": {"Allow": {
    "description": "The methods the path takes, e.g. `GET, HEAD, OPTIONS`.",
    "schema": {"type": "string"}, "example": "GET, HEAD, OPTIONS, POST"}},
    "TooManyRequests": _retry_after("Always"),
    "Unavailable": _retry_after("With `busy` only"),
    "Unauthorized": _CHALLENGE, "AdminUnauthorized": _CHALLENGE}


def _error_responses() -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, (_status, description, examples) in ERROR_RESPONSES.items():
        out[name] = {"description": description, "content": {"application/json": {
            "schema": ref("Error"), "examples": {e: copy.deepcopy(ERRORS[e]) for e in examples}}}}
        if name in ERROR_HEADERS:
            out[name]["headers"] = copy.deepcopy(ERROR_HEADERS[name])
    return out


def build_document() -> dict[str, Any]:
    """A fresh OpenAPI 3.1.0 document of the whole API."""
    paths: dict[str, dict[str, Any]] = {}
    for op in OPERATIONS:
        paths.setdefault(op.path, {})[op.method] = _operation(op)
    return name_shared({
        "openapi": "3.1.0",
        "info": {"title": TITLE, "version": version(), "description": DESCRIPTION,
                 "license": {"name": "MIT", "identifier": "MIT"}},
        "tags": TAGS,
        "paths": paths,
        "components": {"schemas": component_schemas(), "responses": _error_responses(),
                       "securitySchemes": copy.deepcopy(SECURITY_SCHEMES)},
    })


@functools.lru_cache(maxsize=1)
def _cached() -> dict[str, Any]:
    return build_document()


def document() -> dict[str, Any]:
    """The document, built once per process (a deep copy: callers may change it)."""
    return copy.deepcopy(_cached())
