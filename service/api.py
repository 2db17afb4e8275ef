"""The /v1 blueprint: recommendations, tracks, playlists and paths."""
from __future__ import annotations

from flask import Blueprint, Response, jsonify, request

from models.errors import BadRequest

from .exports import FORMATS, export
from .resources import get_curator, get_recommender

bp = Blueprint("api", __name__, url_prefix="/v1")


def _json_body() -> object:
    body = request.get_json(silent=True)
    if body is None:
        raise BadRequest("the request body must be JSON (Content-Type: application/json)",
                         field="body")
    return body


@bp.get("/recommendations")
def recommendations() -> Response:
    body = get_recommender().recommend(request.args.get("seed"), request.args.get("limit"))
    return jsonify(body)


@bp.post("/recommendations")
def rich_recommendations() -> Response:
    return jsonify(get_curator().recommend(_json_body()))


@bp.post("/playlists")
def playlists() -> Response:
    fmt = request.args.get("format", "json")
    if fmt != "json" and fmt not in FORMATS:
        raise BadRequest(f"format must be json, {', '.join(FORMATS)}; got {fmt!r}",
                         field="format")
    playlist = get_curator().playlist(_json_body())
    if fmt == "json":
        return jsonify(playlist)

    def link(track: dict) -> str:
        return f"{request.host_url}v1/tracks/{track['id']}"

    return Response(export(fmt, playlist["title"], playlist["tracks"], link),
                    content_type=FORMATS[fmt])


@bp.get("/path")
def mood_path() -> Response:
    args = request.args
    return jsonify(get_curator().path(args.get("from"), args.get("to"), args.get("steps")))


@bp.get("/tracks")
def search_tracks() -> Response:
    return jsonify(get_recommender().search(request.args.get("q"), request.args.get("limit")))


@bp.get("/tracks/<path:track_id>")
def track(track_id: str) -> Response:
    return jsonify(get_recommender().track(track_id))
