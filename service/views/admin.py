"""The admin routes: change the live model without a rebuild (admin key required).

``POST /v1/admin/tracks`` adds track rows, ``POST /v1/admin/removals`` removes a
list of ids, ``DELETE /v1/admin/tracks/<id>`` one id.  Each publishes a new model
version (``service/store/updates.py``) and answers what changed; on any error the live
model is untouched.  Updates in one process run one at a time; across processes, an
update that finds the live version changed under it is refused 409 ``update_conflict``.

``GET /v1/admin/versions`` lists the versions the store holds and ``POST
/v1/admin/rollback`` makes an earlier one live again: the store's ``listing`` and
``roll_back``, as ``feelalike versions --json`` and ``feelalike rollback`` call them.  Each
update above publishes one version of its own, so a rollback right after one goes back
to the model before it; answers are cached per version, so none of the version rolled
away from is served after it.
"""
from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import Iterator

from flask import Blueprint, Response, jsonify, request
from werkzeug.exceptions import NotFound as NoRoute

from models.errors import TrackNotFound

from ..protection import require_admin
from ..requests import (
    AddTracksBody,
    RemoveTracksBody,
    RollbackBody,
    TrackPath,
    parse,
    refuse_body_fields_in_query,
)
from ..resources import get_resources
from ..store import ModelShrinks, Updater
from .base import json_request, path_id, refuse_other_media_types

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


@bp.get("/versions")
@require_admin
def versions() -> Response:
    return jsonify(get_resources().store.listing())


@bp.post("/rollback")
@require_admin
def rollback() -> Response:
    body = _rollback_body()
    with _one_at_a_time:
        done = get_resources().store.roll_back(body.version)
    return jsonify(done.as_dict())


def _rollback_body() -> RollbackBody:
    """The body, where no body at all is ``{}`` (the previous version), as a client
    sends a POST with nothing to say."""
    refuse_other_media_types()
    if request.get_data(cache=True):
        return json_request(RollbackBody)
    refuse_body_fields_in_query(RollbackBody, request.args, frozenset())
    return RollbackBody()


@contextmanager
def _forced_by(how: str) -> Iterator[None]:
    """A model_shrinks refusal names how an HTTP client publishes anyway."""
    try:
        yield
    except ModelShrinks as exc:
        raise exc.overridden_by(how) from None
