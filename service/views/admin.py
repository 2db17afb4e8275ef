"""The admin routes: change the live model without a rebuild (admin key required).

``POST /v1/admin/tracks`` adds track rows, ``POST /v1/admin/removals`` removes a
list of ids, ``DELETE /v1/admin/tracks/<id>`` one id.  Each publishes a new model
version (``service/store/updates.py``) and answers what changed; on any error the live
model is untouched.  Updates in one process run one at a time; across processes, an
update that finds the live version changed under it is refused 409 ``update_conflict``.
"""
from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import Iterator

from flask import Blueprint, Response, jsonify
from werkzeug.exceptions import NotFound as NoRoute

from models.errors import TrackNotFound

from ..protection import require_admin
from ..requests import AddTracksBody, RemoveTracksBody, TrackPath, parse
from ..resources import get_resources
from ..store import ModelShrinks, Updater
from .base import json_request, path_id

bp = Blueprint("admin", __name__, url_prefix="/v1/admin")
_one_at_a_time = threading.Lock()


@bp.post("/tracks")
@require_admin
def add_tracks() -> Response:
    body = json_request(AddTracksBody)
    with _one_at_a_time:
        result = Updater(get_resources().store).add(body.rows())
    return jsonify(result.as_dict())


@bp.post("/removals")
@require_admin
def remove_tracks() -> Response:
    body = json_request(RemoveTracksBody)
    with _one_at_a_time, _forced_by('"force": true'):
        result = Updater(get_resources().store).remove(body.ids, force=body.force)
    return jsonify(result.as_dict())


@bp.delete("/tracks/<path:track_id>")
@require_admin
def remove_track(track_id: str) -> Response:
    args = parse(TrackPath, {"id": path_id(track_id)})
    try:
        with _one_at_a_time, _forced_by('POST /v1/admin/removals and "force": true'):
            result = Updater(get_resources().store).remove([args.id], paths=["id"])
    except TrackNotFound:
        if args.id.endswith("/"):  # /v1/admin/tracks/ID/: as GET /v1/tracks/ID/ answers
            raise NoRoute() from None
        raise
    return jsonify(result.as_dict())


@contextmanager
def _forced_by(how: str) -> Iterator[None]:
    """A model_shrinks refusal names how an HTTP client publishes anyway."""
    try:
        yield
    except ModelShrinks as exc:
        raise exc.overridden_by(how) from None
