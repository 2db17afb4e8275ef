"""What every view shares: typed requests from the query string or the JSON body, and
rendering tracks and results."""
from __future__ import annotations

import sys
from typing import Any, Mapping, TypeVar
from urllib.parse import unquote_to_bytes

import numpy as np
from flask import request
from pydantic import BaseModel
from werkzeug.exceptions import UnsupportedMediaType

from models.errors import BadRequest
from models.ingest import round_half_up
from models.ranking import TrackTable, camelot, key_name

from ..body import decoded_body, repeated_key
from ..requests import Query, json_path, parse, refuse_body_fields_in_query
from ..seed_hints import public

M = TypeVar("M", bound=BaseModel)


def query_args(model: type[M]) -> M:
    """The query string, checked and typed; a documented parameter whose escapes are
    not UTF-8 (``seed=Se%F1orita``, sent as Latin-1) is a 400, not a literal "%F1"."""
    known = {field.alias or name for name, field in model.model_fields.items()}
    for pair in request.query_string.split(b"&"):
        raw_key, _, raw_value = pair.partition(b"=")
        key = unquote_to_bytes(raw_key.replace(b"+", b" ")).decode("utf-8", "replace")
        try:
            unquote_to_bytes(raw_value.replace(b"+", b" ")).decode("utf-8")
        except UnicodeDecodeError:
            if key in known:
                raise _not_utf8(key) from None
    return parse(model, request.args)


def path_id(track_id: str) -> str:
    """The id a path names; one whose escapes are not UTF-8 (``/v1/tracks/Se%F1orita``)
    is a 400, as in a query string, not a search for the replacement character."""
    environ = request.environ
    # as sent, in WSGI's Latin-1 text (Werkzeug, gunicorn); else the decoded path
    raw = environ.get("RAW_URI") or environ.get("REQUEST_URI")
    sent = unquote_to_bytes(raw.partition("?")[0].encode("latin-1", "ignore")) if raw \
        else environ.get("PATH_INFO", "").encode("latin-1", "ignore")
    try:
        sent.decode("utf-8")
    except UnicodeError:
        raise _not_utf8("id") from None
    return track_id


def _not_utf8(name: str) -> BadRequest:
    return BadRequest(f"{name}: not UTF-8; percent-encode the text as UTF-8 (\u00f1 is "
                      "%C3%B1)", field=name)


def json_request(model: type[M], query: type[Query] | None = None) -> M:
    """The JSON body, checked and typed (bad JSON, too deep or not an object: a 400 on
    ``body``); a field of it sent in the query string instead (``?length=5``) is a 400
    too: it would be ignored.  ``query``: the route's query parameters, if any."""
    refuse_other_media_types()
    try:
        data = decoded_body()
    except (ValueError, RecursionError) as exc:
        raise BadRequest(_invalid_json(exc), field="body") from None
    repeated = repeated_key(data)
    if repeated:  # which one counts would be a guess, as for a query parameter
        path = json_path(repeated[0])
        raise BadRequest(f"{path}: given {repeated[1]} times; give it once", field=path)
    read = frozenset(f.alias or n for n, f in query.model_fields.items()) if query else \
        frozenset()
    refuse_body_fields_in_query(model, request.args, read)
    _refuse_query_fields_in_body(model, data, read)
    return parse(model, data)


def _refuse_query_fields_in_body(model: type[M], data: Any, read: frozenset[str]) -> None:
    """A parameter the route reads from the query string only, sent in the body
    (``{"format": "m3u8"}``), is named as such, not as an unknown field."""
    if not isinstance(data, dict):
        return
    fields = {f.alias or n for n, f in model.model_fields.items()}
    for key in data:
        if key in read and key not in fields:
            raise BadRequest(f"{key}: not read from the JSON body; give it in the query "
                             f"string (?{key}=...)", field=key)


def _invalid_json(exc: Exception) -> str:
    if "integer string conversion" in str(exc):  # valid JSON, past Python's digit limit
        return f"a number in the body has more than {sys.get_int_max_str_digits()} digits"
    if isinstance(exc, UnicodeDecodeError):  # Latin-1 text, say: JSON is UTF-8 (RFC 8259)
        return "the request body is not UTF-8; send the JSON as UTF-8 (\u00f1 is C3 B1)"
    return "the request body must be valid JSON"


def refuse_other_media_types() -> None:
    """A body sent as another media type than JSON is a 415 (a body without a
    Content-Type is read as JSON).  A web page in another site may send ``text/plain``,
    form or multipart bodies without asking first (no CORS preflight): read as JSON they
    would run heavy requests on its visitors' behalf."""
    mimetype = request.mimetype
    if mimetype and mimetype != "application/json" and not mimetype.endswith("+json"):
        raise UnsupportedMediaType("send the body as JSON, with the header Content-Type: "
                                   "application/json")


def result(doc: Mapping[str, Any], score: float, why: list[str]) -> dict[str, Any]:
    """One recommendation in a response."""
    return {**public(doc), "score": round(score, 4), "moods": doc.get("top_moods", []),
            "why": why, "external_ids": doc.get("external_ids", {})}


def entry(table: TrackTable, row: int, doc: Mapping[str, Any], position: int,
          score: float) -> dict[str, Any]:
    """One track of a playlist or path, with what a DJ needs to sequence it."""
    def num(name: str) -> float | None:
        value = float(table.column(name)[row])
        return None if np.isnan(value) else round(value, 3)

    def whole(name: str) -> int | None:  # declared integer (a model may hold a fraction)
        value = num(name)
        return None if value is None else round_half_up(value)

    key, mode = whole("key"), whole("mode")
    return {"position": position, **public(doc), "valence": num("valence_mood"),
            "arousal": num("arousal_mood"), "tempo": num("tempo"), "energy": num("energy"),
            "key": key_name(key, mode), "camelot": camelot(key, mode),
            "duration_ms": whole("duration_ms"), "moods": doc.get("top_moods", []),
            "score": round(score, 4), "external_ids": doc.get("external_ids", {})}
