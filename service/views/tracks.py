"""GET /v1/tracks (title search) and GET /v1/tracks/<id>."""
from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, jsonify, request
from werkzeug.exceptions import NotFound as NoRoute

from models.errors import BadRequest, TrackNotFound
from models.ingest import is_isrc, reference_key

from ..requests import SearchQuery, TrackPath, parse
from ..requests.queries import MAX_SEARCH_RESULTS
from ..requests.types import quote
from ..resources import VersionResources, get_resources
from ..seed_hints import public
from .base import path_id, query_args

bp = Blueprint("tracks", __name__, url_prefix="/v1")


def named_row(res: VersionResources, query: str) -> tuple[int | None, bool]:
    """The track ``query`` names by its id or an external id (a pasted Spotify link or
    URI, ``isrc:...`` or a bare ISRC), which no title resembles, and whether the query
    is an external id, not words (a link's words would only list noise)."""
    text = query.strip()
    if not text or any(ch.isspace() for ch in text):
        return None, False  # ids are one token: words cost no lookup
    if is_isrc(text):
        text = "isrc:" + text
    try:
        reference = reference_key(text) is not None
    except BadRequest:  # "spotify:nonsense": a malformed id, so words to search for
        reference = False
    try:  # an exact track id wins, even one that looks like an external id
        return res.lookup([text], ["q"], strict=False)[0], reference
    except BadRequest:
        return None, False


def search_page(res: VersionResources, query: str, limit: int,
                offset: int = 0) -> tuple[list[int], int | None]:
    """Rows of one page of the tracks resembling ``query``, best first (the track it
    names by an id, if any, before them), and where the next page starts (None: no
    more).  A longer search begins with a shorter one's rows (``TitleIndex.search``),
    so paging neither repeats nor skips a track."""
    end = min(offset + limit, MAX_SEARCH_RESULTS)
    named, reference = named_row(res, query)
    rows = [] if reference else res.titles.search(query, limit=end + 1)
    if named is not None:
        rows = [named, *(r for r in rows if r != named)][:end + 1]
    return rows[offset:end], end if len(rows) > end and end < MAX_SEARCH_RESULTS else None


def search(res: VersionResources, query: str, limit: int, offset: int = 0) -> dict[str, Any]:
    rows, next_offset = search_page(res, query, limit, offset)
    return {"query": query, "model_version": res.version, "offset": offset,
            "next_offset": next_offset,
            "results": [{**public(d), "moods": d.get("top_moods", []),
                         "external_ids": d.get("external_ids", {}),
                         "placed": bool(res.table.placed[row])}
                        for row, d in zip(rows, res.documents(rows))]}


def track(res: VersionResources, track_id: str) -> dict[str, Any]:
    """A track by its id or an external id (``isrc:...``; malformed: a 400 on ``id``)."""
    row = res.lookup([track_id], ["id"])[0]
    if row is None and track_id.endswith("/"):  # /v1/tracks/ID/: a route's trailing slash
        raise NoRoute()  # as on every other route (an id that ends in one is found above)
    if row is None:
        raise TrackNotFound(f"no track with id {quote(track_id)}")
    doc, placed = res.documents([row])[0], bool(res.table.placed[row])
    if not placed:  # its 0.0 would read as a neutral track: nothing is known
        doc = {**doc, "valence": None, "arousal": None}
    return {**doc, "placed": placed, "model_version": res.version}


@bp.get("/tracks")
def get_search() -> Response:
    args = query_args(SearchQuery)
    return jsonify(search(get_resources().current(), args.q, args.limit, args.offset))


@bp.get("/tracks/<path:track_id>")
def get_track(track_id: str) -> Response:
    asked = request.args.copy()  # every value: ?format=json&format=csv is a 400 too
    asked.poplist("id")  # the path names the track
    asked.add("id", path_id(track_id))
    args = parse(TrackPath, asked)  # ?format=csv: a 400, not JSON
    return jsonify(track(get_resources().current(), args.id))
