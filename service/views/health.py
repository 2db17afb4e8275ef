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
    """Redis is reachable and a model version is loaded; 503 (JSON error) otherwise."""
    res = get_resources().current()
    meta = res.store.meta(res.version)
    return jsonify({"status": "ready", "model_version": res.version, "tracks": meta["tracks"]})
