"""GET and POST /v1/recommendations: one seed by id or title, or a rich request."""
from __future__ import annotations

import hashlib
import json
from typing import Any

from flask import Blueprint, Response, jsonify

from models.ranking import Query, reasons, refuse_unplaced_seeds, request_reasons

from ..observability.metrics import cache_lookup
from ..requests import RecommendBody, SimilarQuery
from ..resources import VersionResources, get_resources, public
from .base import json_request, query_args, result
from .queries import build_query, nothing_left, require_something

bp = Blueprint("recommendations", __name__, url_prefix="/v1")
#: part of every cache key: raised when the answer's fields change, so a server upgraded
#: under a live model (or a rolling deploy) never serves an answer of the old shape
ANSWER_SHAPE = 2  # 2: results carry external_ids

def similar(res: VersionResources, seed: str, limit: int) -> dict[str, Any]:
    """Tracks that feel like ``seed``; answers are cached per model version."""
    digest = hashlib.sha1(json.dumps(["rec", ANSWER_SHAPE, seed, limit]).encode()).hexdigest()
    cached = res.store.cached(res.version, digest)
    cache_lookup(cached is not None)
    if cached is not None:
        return json.loads(cached)
    warnings: list[str] = []
    row = res.resolve(seed, "seed", warnings)
    refuse_unplaced_seeds(res.table, [row], fields=["seed"])
    ranking = res.engine.rank(Query(seeds=[(row, 1.0)], limit=limit))
    seed_doc, *docs = res.documents([row, *ranking.rows])
    body = {"seed": public(seed_doc), "model_version": res.version,
            "results": [result(doc, score, reasons(seed_doc, doc))
                        for doc, score in zip(docs, ranking.scores)]}
    if warnings:
        body["warnings"] = warnings
    res.store.cache(res.version, digest, json.dumps(body).encode())
    return body


def rich(res: VersionResources, body: RecommendBody) -> dict[str, Any]:
    """Several seeds, negative seeds, moods, text, targets, filters and shaping."""
    warnings: list[str] = []
    notes: dict[str, Any] = {}
    q = build_query(res, body, body.limit, warnings, notes)
    require_something(q, "give at least one of seeds, moods, text, target_valence, "
                         "target_arousal or a target_ attribute", body.text)
    ranking = res.engine.rank(q)
    if not ranking.rows:
        warnings.append(nothing_left(res, q, "results"))
    docs = res.documents([r for r, _ in q.seeds] + ranking.rows)
    seed_docs, result_docs = docs[:len(q.seeds)], docs[len(q.seeds):]
    seed_doc = seed_docs[0] if seed_docs else None
    out = {"seed": public(seed_doc) if seed_doc else None,
           "seeds": [public(d) for d in seed_docs], "model_version": res.version,
           "results": [result(doc, score, request_reasons(seed_doc, doc, q.moods))
                       for doc, score in zip(result_docs, ranking.scores)]}
    if q.temperature > 0:
        out["random_seed"] = q.random_seed
    out.update(notes)
    if warnings:
        out["warnings"] = warnings
    return out


@bp.get("/recommendations")
def get_recommendations() -> Response:
    args = query_args(SimilarQuery)
    return jsonify(similar(get_resources().current(), args.seed, args.limit))


@bp.post("/recommendations")
def post_recommendations() -> Response:
    body = json_request(RecommendBody)
    return jsonify(rich(get_resources().current(), body))
