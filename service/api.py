"""The /v1 blueprint: recommendations and tracks."""
from __future__ import annotations

from flask import Blueprint, Response, jsonify, request

from .resources import get_recommender

bp = Blueprint("api", __name__, url_prefix="/v1")


@bp.get("/recommendations")
def recommendations() -> Response:
    body = get_recommender().recommend(request.args.get("seed"), request.args.get("limit"))
    return jsonify(body)


@bp.get("/tracks")
def search_tracks() -> Response:
    return jsonify(get_recommender().search(request.args.get("q"), request.args.get("limit")))


@bp.get("/tracks/<path:track_id>")
def track(track_id: str) -> Response:
    return jsonify(get_recommender().track(track_id))
