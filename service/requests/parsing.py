"""``parse``: validate a body or query into its model, or raise one ``BadRequest``.

The error names the exact JSON path of the first problem (``moods.angry``,
``seeds[1].weight``, ``arc.from``, ``limit``); a body that is not a JSON object is
``body``.  Messages are short, name the path and quote at most ~40 characters of what
was sent (a huge or deeply nested value is described, never printed).
"""
from __future__ import annotations

import difflib
import json
import re
from collections.abc import Container, Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from models.errors import BadRequest
from models.language import MOODS

from .types import NOT_TEXT, QUOTE_CHARS, REQUEST_ERROR, Query, quote

M = TypeVar("M", bound=BaseModel)
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_MOOD_LIST = ", ".join(MOODS)
#: how alike (difflib ratio) an unknown query parameter and a documented one must be
#: for the unknown one to be a misspelling: limt, Limit, step, seeds, fromat (0.83 and
#: up), not seen or send (0.75)
MISSPELT_CUTOFF = 0.8


def parse(model: type[M], data: Any) -> M:
    """``data`` (a decoded JSON body, or a query/path mapping) as a ``model``.

    Raises :class:`BadRequest` with ``field`` set to the path of the first error."""
    if issubclass(model, Query):
        if data is not None and not isinstance(data, Mapping):
            raise TypeError(f"query parameters must be a mapping, not {type(data).__name__}")
        _refuse_repeated(model, data)
        _refuse_export(model, data or {})
        data = {key: data[key] for key in data or {}}
        _refuse_misspelt(model, data)
        _refuse_body_only(model, data)
    elif not isinstance(data, dict):
        raise BadRequest("the request body must be a JSON object", field="body")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        error = first_error(exc.errors(include_url=False))
        raise _with_hint(bad_request(error, data), model, error) from None
    except RecursionError:
        raise BadRequest("the request body is nested too deeply", field="body") from None


def _with_hint(error: BadRequest, model: type[BaseModel],
               cause: Mapping[str, Any]) -> BadRequest:
    """An unknown top-level body field that is a near miss of a field (``lmit``, ``seed``
    for ``seeds``) or a name another route gives it (``limit`` for a playlist's
    ``length``) names the one meant, as a query parameter's does."""
    loc = cause.get("loc", ())
    if cause["type"] != "extra_forbidden" or len(loc) != 1 or not isinstance(loc[0], str):
        return error
    meant = _meant(model, loc[0])
    if not meant or meant == loc[0]:
        return error
    return BadRequest(f"{error.message}; did you mean {meant}?", **error.extra)


def _meant(model: type[BaseModel], key: str, given: Container[str] = ()) -> str | None:
    """The field an unknown ``key`` was meant as: the one other APIs (or routes) name so,
    when that one is not ``given`` as well, else a near miss of a field; or None."""
    synonym = getattr(model, "SYNONYMS", {}).get(key.lower())
    if synonym and synonym not in given:
        return synonym
    close = difflib.get_close_matches(key.lower(), _names(model), n=1, cutoff=MISSPELT_CUTOFF)
    return close[0] if close else None


def _names(model: type[BaseModel]) -> list[str]:
    """The names ``model``'s fields are sent under."""
    return [field.alias or name for name, field in model.model_fields.items()]


def _refuse_repeated(model: type[BaseModel], data: Any) -> None:
    """A documented parameter given twice (``limit=1&limit=200``) is refused: which one
    counts would be a guess."""
    if not hasattr(data, "getlist"):
        return
    for name, field in model.model_fields.items():
        key = field.alias or name
        times = len(data.getlist(key))
        if times > 1:
            path = _parameter(key)
            raise BadRequest(f"{path}: given {times} times; give it once", field=path)


def _refuse_misspelt(model: type[BaseModel], data: Mapping[str, Any]) -> None:
    """Undocumented query parameters are ignored (cache busters, tracking tags), except
    near misses of a documented one (``limt=50`` would silently answer 10 results) and,
    when that one is not given, a name other APIs give it (``query=`` for ``q=``)."""
    known = _names(model)
    for key in data:
        meant = None if key in known else _meant(model, key, given=data)
        if meant:
            path = _parameter(key)
            raise BadRequest(f"{path}: unknown parameter; did you mean {meant}?", field=path)


def refuse_body_fields_in_query(model: type[BaseModel], args: Mapping[str, Any],
                                query: frozenset[str] = frozenset()) -> None:
    """A POST's query parameter that is a field of its JSON body (``?length=5``), or a
    near miss of one (``?Limit=3``, ``?seed=``), would be ignored: refused.  ``query``:
    the parameters the route does read from the query string."""
    if "format" not in query:
        _refuse_export(model, args)
    fields = _names(model)
    for key in args:
        if key in query:
            continue
        close = [key] if key in fields else \
            difflib.get_close_matches(key.lower(), fields, n=1, cutoff=MISSPELT_CUTOFF)
        if close:
            path = _parameter(key)
            raise BadRequest(f"{path}: not read from the query string; give {close[0]} in "
                             "the JSON body", field=path)


def _refuse_export(model: type[BaseModel], data: Mapping[str, Any]) -> None:
    """``format=m3u8`` (or ``Format=``, or a second ``format``) where a route answers JSON
    only would silently answer JSON."""
    pairs = data.items(multi=True) if hasattr(data, "getlist") else data.items()
    values = [str(v).strip().lower() for k, v in pairs if k.strip().lower() == "format"]
    if "format" not in model.model_fields and any(v not in ("", "json") for v in values):
        raise BadRequest("format: this route answers JSON only; playlists (POST "
                         "/v1/playlists) and paths (GET /v1/path) export m3u8, xspf, jspf "
                         "and csv", field="format")


def _refuse_body_only(model: type[BaseModel], data: Mapping[str, Any]) -> None:
    """``include_ids=...`` on a GET whose POST reads it would silently be ignored."""
    names, route = getattr(model, "BODY_ONLY", (frozenset(), ""))
    for key in data:
        if key in names:
            path = _parameter(key)
            raise BadRequest(f"{path}: not read from the query string; give it in the JSON "
                             f"body of {route}", field=path)


def parse_json(model: type[M], raw: str | bytes) -> M:
    """Like :func:`parse`, from the body's text: invalid JSON (or JSON nested beyond
    Python's recursion limit, or an integer beyond 4300 digits) is a 400 on ``body``."""
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        raise BadRequest("the request body must be valid JSON", field="body") from None
    return parse(model, data)


def first_error(errors: list[Any]) -> Any:
    """The error to report: the first unknown field or key (a misspelt name explains the
    rest, and the old checks looked for them first), else the first in field order."""
    unknown = [e for e in errors if e["type"] == "extra_forbidden"]
    return (unknown or errors)[0]


def bad_request(error: Mapping[str, Any], data: Any = None) -> BadRequest:
    """The ``BadRequest`` for one pydantic error (as from ``ValidationError.errors()``)
    about ``data``, the request as sent."""
    loc = _as_sent(list(error.get("loc", ())), data)
    ctx = error.get("ctx") or {}
    message = ctx["message"] if error["type"] == REQUEST_ERROR else describe(error)
    if error["type"] == REQUEST_ERROR and ctx.get("at"):
        loc += [int(p) if p.isdigit() else p for p in ctx["at"].split(".")]
    path = json_path(loc)
    return BadRequest(f"{path}: {message}", field=path)


def _as_sent(loc: list[str | int], data: Any) -> list[str | int]:
    """``loc`` cut where the request gave plain text: a seed sent as "x" is read as
    ``{"seed": "x"}``, and its error belongs at ``seeds[0]``, not ``seeds[0].seed``."""
    for depth, part in enumerate(loc):
        if isinstance(data, str):
            return loc[:depth]
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            break
    return loc


def _parameter(key: str) -> str:
    """A query parameter's name as sent (``lim-it``, not JSON-path escaped), shortened
    when long; control characters shown as escapes."""
    key = key if len(key) <= QUOTE_CHARS else key[:QUOTE_CHARS] + "..."
    return "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in key)


def json_path(loc: list[str | int]) -> str:
    """``["seeds", 1, "weight"]`` -> ``seeds[1].weight``; odd keys as ``["a b"]``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
            continue
        key = part if len(part) <= QUOTE_CHARS else part[:QUOTE_CHARS] + "..."
        if _NAME.fullmatch(part):
            out += f".{key}" if out else key
        else:
            out += f"[{json.dumps(key, ensure_ascii=False)}]"
    return out or "body"


def _bound(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}".replace(",", "") if isinstance(value, int) else str(value)


def describe(error: Mapping[str, Any]) -> str:
    """What is wrong, in a few words, for one pydantic error."""
    kind, ctx, value = error["type"], error.get("ctx") or {}, error.get("input")
    loc = error.get("loc", ())
    got = f", got {quote(value)}"
    if kind == "missing":
        return "is required"
    if kind == "extra_forbidden":
        if len(loc) >= 2 and loc[-2] == "moods":
            return f"unknown mood; known: {_MOOD_LIST}"
        return "unknown field"
    if kind == "literal_error":
        expected = str(ctx.get("expected", ""))
        if all(f"'{m}'" in expected for m in MOODS):
            return f"unknown mood {quote(value)}; known: {_MOOD_LIST}"
        return f"must be one of {expected.replace(chr(39), '')}{got}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return "must be a whole number" + got
    if kind in ("float_type", "float_parsing"):
        if isinstance(value, int) and not isinstance(value, bool):
            return "is out of range" + got
        return "must be a number" + got
    if kind == "finite_number":
        return "must be a finite number" + got
    if kind == "bool_type":
        return "must be true or false" + got
    if kind == "string_type":
        return "must be a string" + got
    if kind == "string_unicode":  # JSON may escape half a surrogate pair ("\ud800")
        return NOT_TEXT
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_pattern_mismatch":
        return "must not be blank"
    if kind == "string_too_long":
        return f"must be at most {ctx.get('max_length')} characters, got {len(value)}"
    if kind == "list_type":
        return "must be a list" + got
    if kind == "too_long":
        return f"must have at most {ctx.get('max_length')} items, got {ctx.get('actual_length')}"
    if kind == "too_short":
        least = ctx.get("min_length")
        return "must not be empty" if least == 1 else \
            f"must have at least {least} items, got {ctx.get('actual_length')}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return "must be a JSON object" + got
    bounds = {"greater_than_equal": ("at least", "ge"), "greater_than": ("greater than", "gt"),
              "less_than_equal": ("at most", "le"), "less_than": ("less than", "lt")}
    if kind in bounds:
        words, key = bounds[kind]
        return f"must be {words} {_bound(ctx.get(key))}{got}"
    return str(error.get("msg", "is not valid"))[:80]
