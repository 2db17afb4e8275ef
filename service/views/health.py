"""Liveness and readiness probes."""
from __future__ import annotations

from flask import Blueprint, Response, jsonify

from ..resources import get_resources

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz() -> Response:
    """The process is up (does not touch Redis)."""
    return jsonify({"status": "ok"})


@bp.get("/readyz")
def readyz() -> Response:
    """Redis is reachable and the live model version loads (its local files are open:
    a worker that cannot open them cannot answer); 503 (JSON error) otherwise."""
    res = get_resources().current()
    meta = res.store.meta(res.version)
    res.table  # noqa: B018 - loads the version's files once per worker
    return jsonify({"status": "ready", "model_version": res.version, "tracks": meta["tracks"]})
