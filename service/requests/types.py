"""Building blocks of the request models: base classes, constrained types, custom errors.

Two bases.  :class:`Body` is a JSON body: strict JSON semantics (no ``"5"`` for 5, no
``true`` for 1, no NaN or infinity; an integer is accepted where a number is) and
unknown fields are rejected.  :class:`Query` is a query string or path: values arrive
as text and are converted (``limit=7``), unknown parameters are ignored as before
(near misses of known ones excepted, see ``parsing``).

A field whose default is not ``None`` but which may be sent as ``null`` (``"limit":
null``) takes :data:`NULL_IS_DEFAULT`: ``null`` then means "left out", as it always has.
"""
from __future__ import annotations

import json
import re
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
)
from pydantic_core import PydanticCustomError, PydanticUseDefault, core_schema

from models.ingest import MAX_TRACK_ID_CHARS, UNPRINTABLE_REASON, blank, unprintable

MAX_SEEDS = 5
MAX_LIST = 500
MAX_TEXT = 500
MAX_TITLE = 200
#: ``include_ids``: a library's worth of ids, each at most MAX_ID_CHARS (file paths)
MAX_INCLUDE_IDS = 10_000
MAX_ID_CHARS = MAX_TRACK_ID_CHARS
#: a seed, title or id: as long as an id, since a seed may be a ``path:`` id
MAX_SEED_CHARS = MAX_ID_CHARS
#: at most this many characters of a sent value (or key) appear in a message.
QUOTE_CHARS = 40
#: a value must contain something besides white space and invisible format characters
#: (a zero-width space alone is blank too; checked before stripping).
NOT_BLANK = r"[^\s\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
#: custom error type whose context carries the message and a sub-path below the error's
#: location (``"weight"``, ``"min_tempo"``); see :func:`fail`.
REQUEST_ERROR = "feelalike_request"


#: a string JSON can carry but Python cannot encode: half a surrogate pair ("\ud800")
NOT_TEXT = "must be valid text (it holds half of a UTF-16 surrogate pair)"


def fail(message: str, at: str = "") -> PydanticCustomError:
    """An error raised inside a validator; ``at`` is a path below the validated value."""
    return PydanticCustomError(REQUEST_ERROR, "{message}", {"message": message, "at": at})


def _strip(value: str) -> str:
    return value.strip()


def _printable(value: str) -> str:
    if unprintable(value):
        raise fail(f"must not contain {UNPRINTABLE_REASON}")
    return value


class _NullIsDefault:
    """Annotation: JSON ``null`` stands for the field's default; the schema says so."""

    def __get_pydantic_core_schema__(self, source: Any,
                                     handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_before_validator_function(self._check, handler(source))

    def __get_pydantic_json_schema__(self, schema: core_schema.CoreSchema,
                                     handler: GetJsonSchemaHandler) -> dict[str, Any]:
        return {"anyOf": [handler(schema), {"type": "null"}]}

    @staticmethod
    def _check(value: Any) -> Any:
        if value is None:
            raise PydanticUseDefault()
        return value


NULL_IS_DEFAULT = _NullIsDefault()


class Body(BaseModel):
    """Base of JSON body models: strict JSON types, unknown fields rejected."""

    model_config = ConfigDict(strict=True, extra="forbid", allow_inf_nan=False,
                              frozen=True)


class Query(BaseModel):
    """Base of query-string and path models: text converted, unknown parameters ignored
    (``parse`` refuses near misses of the model's own)."""

    model_config = ConfigDict(strict=False, extra="ignore", allow_inf_nan=False,
                              frozen=True)


def number(low: float, high: float, *, above_low: bool = False) -> Any:
    """A JSON number (integers too, never a boolean) in ``[low, high]`` (or ``(low, high]``)."""
    if above_low:
        return Annotated[float, Field(gt=low, le=high)]
    return Annotated[float, Field(ge=low, le=high)]


def _whole_float(value: Any) -> Any:
    """``5.0`` is the whole number 5: JSON Schema's ``integer`` admits it, and clients
    send it (Python's ``json.dumps(5.0)``); ``5.5`` and ``"5"`` stay refused."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2 ** 53:
        return int(value)
    return value


def integer(low: int, high: int) -> Any:
    """A JSON whole number (``5`` or ``5.0``; not ``5.5``, ``"5"`` or a boolean) in
    ``[low, high]``."""
    return Annotated[int, Field(ge=low, le=high), BeforeValidator(_whole_float)]


def text(max_chars: int) -> Any:
    """A non-blank string of at most ``max_chars`` characters as sent; stripped."""
    return Annotated[str, Field(min_length=1, max_length=max_chars, pattern=NOT_BLANK),
                     AfterValidator(_strip)]


def _no_path_step(value: str) -> str:
    if value in (".", ".."):  # /v1/tracks/.. is /v1/ to every client
        raise fail("must not be '.' or '..' (a step in a URL path)")
    return value


def identifier(max_chars: int) -> Any:
    """A track id as sent: like :func:`text`, without control characters, and no URL
    path step."""
    return Annotated[text(max_chars), AfterValidator(_printable), AfterValidator(_no_path_step)]


#: one entry of a tag, artist or id list: a non-blank string, stripped.
Item = Annotated[str, Field(min_length=1, pattern=NOT_BLANK), AfterValidator(_strip)]

_WHOLE = re.compile(r"[+-]?[0-9]+")


def quote(value: Any) -> str:
    """A short JSON-ish rendering of a sent value for a message (at most ~45 characters);
    containers and huge numbers are described, never printed."""
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, int):
        return str(value) if abs(value) < 10 ** 15 else "a very large number"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        more = "..." if len(value) > QUOTE_CHARS else ""
        return json.dumps(value[:QUOTE_CHARS], ensure_ascii=False) + more
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def query_int(low: int, high: int) -> Any:
    """A whole number in ``[low, high]`` sent as text; missing or blank (empty, spaces,
    a zero-width space) means the default."""

    def convert(value: Any) -> Any:
        if value is None or (isinstance(value, str) and blank(value)):
            raise PydanticUseDefault()
        if not isinstance(value, str):
            return value
        digits = value.strip()
        if not _WHOLE.fullmatch(digits):
            raise fail(f"must be a whole number from {low} to {high}, got {quote(value)}")
        if len(digits.lstrip("+-")) > 18:  # far out of any range; no giant int is built
            return -(10 ** 18) if digits.startswith("-") else 10 ** 18
        return int(digits)

    return Annotated[int, Field(ge=low, le=high), BeforeValidator(convert)]


#: a required query value (seed, title, id): non-blank, at most MAX_SEED_CHARS; stripped.
QueryText = text(MAX_SEED_CHARS)
