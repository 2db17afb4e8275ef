"""GET and POST /v1/recommendations: one seed by id or title, or a rich request."""
from __future__ import annotations

import hashlib
import json
from typing import Any

from flask import Blueprint, Response, jsonify, request

from models.errors import BadRequest
from models.ranking import Query, reasons, request_reasons

from ..resources import VersionResources, get_resources, public
from . import validation as v
from .base import check_limit, check_query, json_body, result
from .queries import build_query

bp = Blueprint("recommendations", __name__, url_prefix="/v1")

RICH_FIELDS = v.QUERY_FIELDS | {"limit"}


def similar(res: VersionResources, seed: str, limit: int) -> dict[str, Any]:
    """Tracks that feel like ``seed``; answers are cached per model version."""
    digest = hashlib.sha1(json.dumps(["rec", seed, limit]).encode()).hexdigest()
    cached = res.store.cached(res.version, digest)
    if cached is not None:
        return json.loads(cached)
    row = res.resolve(seed)
    ranking = res.engine.rank(Query(seeds=[(row, 1.0)], limit=limit))
    seed_doc, *docs = res.documents([row, *ranking.rows])
    body = {"seed": public(seed_doc), "model_version": res.version,
            "results": [result(doc, score, reasons(seed_doc, doc))
                        for doc, score in zip(docs, ranking.scores)]}
    res.store.cache(res.version, digest, json.dumps(body).encode())
    return body


def check_rich(body: Any) -> dict[str, Any]:
    """Checks that need no model version (unknown fields, limit)."""
    body = v.known_fields(body, RICH_FIELDS)
    v.integer(body, "limit", 1, 100, 10)
    return body


def rich(res: VersionResources, body: dict[str, Any]) -> dict[str, Any]:
    """Several seeds, negative seeds, moods, text, targets, filters and shaping."""
    limit = v.integer(body, "limit", 1, 100, 10)
    warnings: list[str] = []
    q = build_query(res, body, limit, warnings)
    if not q.asks_for_something():
        raise BadRequest("give at least one of seeds, moods, text, target_valence, "
                         "target_arousal or a target_ attribute", field="seeds")
    ranking = res.engine.rank(q)
    if not ranking.rows:
        warnings.append("no track passes the filters; loosen them to get results")
    docs = res.documents([r for r, _ in q.seeds] + ranking.rows)
    seed_docs, result_docs = docs[:len(q.seeds)], docs[len(q.seeds):]
    seed_doc = seed_docs[0] if seed_docs else None
    out = {"seed": public(seed_doc) if seed_doc else None,
           "seeds": [public(d) for d in seed_docs], "model_version": res.version,
           "results": [result(doc, score, request_reasons(seed_doc, doc, q.moods))
                       for doc, score in zip(result_docs, ranking.scores)]}
    if q.temperature > 0:
        out["random_seed"] = q.random_seed
    if warnings:
        out["warnings"] = warnings
    return out


@bp.get("/recommendations")
def get_recommendations() -> Response:
    seed = check_query(request.args.get("seed"), "seed")
    limit = check_limit(request.args.get("limit"))
    return jsonify(similar(get_resources().current(), seed, limit))


@bp.post("/recommendations")
def post_recommendations() -> Response:
    body = check_rich(json_body())
    return jsonify(rich(get_resources().current(), body))
