"""GET /v1/tracks (title search) and GET /v1/tracks/<id>."""
from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, jsonify, request

from models.errors import TrackNotFound

from ..resources import VersionResources, get_resources, public
from .base import check_limit, check_query

bp = Blueprint("tracks", __name__, url_prefix="/v1")


def search(res: VersionResources, query: str, limit: int) -> dict[str, Any]:
    docs = res.documents(res.titles.search(query, limit=limit))
    return {"query": query, "model_version": res.version,
            "results": [{**public(d), "moods": d.get("top_moods", [])} for d in docs]}


def track(res: VersionResources, track_id: str) -> dict[str, Any]:
    row = res.row_of(track_id)
    if row is None:
        raise TrackNotFound(f"no track with id {track_id!r}")
    return {**res.documents([row])[0], "model_version": res.version}


@bp.get("/tracks")
def get_search() -> Response:
    query = check_query(request.args.get("q"), "q")
    limit = check_limit(request.args.get("limit"), maximum=50)
    return jsonify(search(get_resources().current(), query, limit))


@bp.get("/tracks/<path:track_id>")
def get_track(track_id: str) -> Response:
    return jsonify(track(get_resources().current(), check_query(track_id, "id")))
