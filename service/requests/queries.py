"""Query-string and path parameters of the GET endpoints and of ``POST /v1/playlists``.

Values arrive as text: ``limit=7`` is 7, an empty ``limit=`` is the default, ``abc`` or
``1.5`` is a 400 naming ``limit``.  Unknown parameters are ignored (cache busters,
tracking parameters), as they always were, unless they are a near miss of a documented
one (``limt``): that is a 400 naming the one meant, or a field only the JSON body of the
route's POST reads (``include_ids`` on ``GET /v1/recommendations`` answered unrestricted
lists): that is a 400 naming the POST.
"""
from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal

from pydantic import BeforeValidator, Field
from pydantic_core import PydanticUseDefault

from models.ingest import blank

from .bodies import MAX_OFFSET, OFFSET_HELP, RecommendBody
from .types import MAX_SEED_CHARS, Query, QueryText, query_int

#: export formats of ``POST /v1/playlists`` (``service.exports.FORMATS`` plus json).
EXPORT_FORMATS = ("json", "m3u8", "xspf", "jspf", "csv")


def _format_name(value: Any) -> Any:
    """``M3U8`` is ``m3u8`` (a JSON-only route took ``Json`` already); blank is json."""
    if isinstance(value, str):
        if blank(value):
            raise PydanticUseDefault()
        return value.strip().lower()
    return value


ExportFormat = Annotated[Literal[EXPORT_FORMATS],  # type: ignore[valid-type]
                         BeforeValidator(_format_name)]
SimilarLimit = query_int(1, 100)
SimilarOffset = query_int(0, MAX_OFFSET)
MAX_SEARCH_LIMIT = 50
SearchLimit = query_int(1, MAX_SEARCH_LIMIT)
#: how deep search pages go: the matches past it resemble the words too little to list
MAX_SEARCH_RESULTS = 500
MAX_SEARCH_OFFSET = MAX_SEARCH_RESULTS - 1
SearchOffset = query_int(0, MAX_SEARCH_OFFSET)
Steps = query_int(1, 50)

_SEED = ("A track id, an external id (spotify:track:ID or an open.spotify.com link, "
         "isrc:ISRC, mbid:UUID, deezer:DIGITS, path:FILE, ext:NAME:VALUE) or a title "
         "('Title - Artist' or 'Title by Artist' narrows); at most "
         f"{MAX_SEED_CHARS} characters.")


class _SeedQuery(Query):
    """One seed, named as the seed of every route names it."""

    seed: QueryText = Field(description=_SEED, examples=["Loneliness #3"])

    #: names other APIs give a parameter, refused with the one meant when it is not given
    SYNONYMS: ClassVar[dict[str, str]] = {"id": "seed", "track": "seed", "track_id": "seed",
                                          "count": "limit", "length": "limit"}


class SimilarQuery(_SeedQuery):
    """``GET /v1/recommendations?seed=&limit=&offset=``."""

    limit: SimilarLimit = Field(10, description="How many results (1-100).", examples=[10])
    offset: SimilarOffset = Field(0, description=OFFSET_HELP, examples=[0])

    #: (fields of ``POST /v1/recommendations`` a GET does not read, the route that does)
    BODY_ONLY: ClassVar[tuple[frozenset[str], str]] = (
        frozenset(RecommendBody.model_fields) - {"seed", "limit", "offset"},
        "POST /v1/recommendations")


class EmbedQuery(_SeedQuery):
    """``GET /embed?seed=&limit=`` (the widget: fewer results by default)."""

    limit: SimilarLimit = Field(5, description="How many results (1-100).", examples=[5])


class SearchQuery(Query):
    """``GET /v1/tracks?q=&limit=``."""

    q: QueryText = Field(description="Words of a title, artist or album to search for, or a "
                                     "track id, Spotify link or URI, or ISRC (at most "
                                     f"{MAX_SEED_CHARS} characters).",
                         examples=["someone you loved"])
    limit: SearchLimit = Field(10, description="How many results (1-50).", examples=[10])
    offset: SearchOffset = Field(0, description="How many of the best matches to skip "
                                 f"(0-{MAX_SEARCH_OFFSET}): the next page starts at the "
                                 "response's next_offset.", examples=[0])

    SYNONYMS: ClassVar[dict[str, str]] = {"query": "q", "search": "q", "title": "q",
                                          "text": "q", "count": "limit"}


class PathQuery(Query):
    """``GET /v1/path?from=&to=&steps=``."""

    from_: QueryText = Field(alias="from", description="The track the path starts at. "
                             + _SEED, examples=["Loneliness #3"])
    to: QueryText = Field(description="The track the path ends at. " + _SEED,
                          examples=["Dance Monkey"])
    steps: Steps = Field(8, description="How many tracks between the two (1-50).",
                         examples=[8])
    format: ExportFormat = Field("json", description="json (default), m3u8, xspf, jspf or csv.",
                                 examples=["m3u8"])

    SYNONYMS: ClassVar[dict[str, str]] = {"length": "steps", "limit": "steps",
                                          "count": "steps", "source": "from", "target": "to"}


class TrackPath(Query):
    """``GET /v1/tracks/<id>``."""

    id: QueryText = Field(description="A track id or an external id (isrc:ISRC, "
                                      "spotify:track:ID, ...; at most "
                                      f"{MAX_SEED_CHARS} characters).",
                          examples=["4uLU6hMCjMI75M1A2tKUQC"])


class PlaylistFormat(Query):
    """``POST /v1/playlists?format=``."""

    format: ExportFormat = Field("json", description="json (default), m3u8, xspf, jspf or csv.",
                                 examples=["m3u8"])
