"""GET and POST /v1/recommendations: one seed by id or title, or a rich request."""
from __future__ import annotations

import hashlib
import json
from typing import Any

from flask import Blueprint, Response, jsonify

from models import settings as domain_settings
from models.ranking import Query, reasons, refuse_unplaced_seeds, request_reasons

from ..observability.metrics import cache_lookup
from ..requests import RecommendBody, SimilarQuery
from ..requests.bodies import MAX_RESULTS
from ..resources import VersionResources, get_resources
from ..seed_hints import MOOD_ADVICE, mood_advice, public
from .base import json_request, query_args, result
from .queries import build_query, nothing_left, require_something

bp = Blueprint("recommendations", __name__, url_prefix="/v1")
#: part of every cache key: raised when the answer's fields change, so a server upgraded
#: under a live model (or a rolling deploy) never serves an answer of the old shape
#: (2: results carry external_ids; 3: offset and next_offset; 4: next_offset is null
#: when the list ends with the page; 5: a seed is resolved anew: no near spelling with
#: another word, a title taken for its first words warned; 6: a piece's title taken for
#: one of its parts, "Jerusalem" for "Jerusalem - Pt. 2", warned; 7: versions of two
#: parts, "X - Pt. 1 - Live" and "X - Pt. 2 - Live", are two songs, so a warning names both;
#: 8: one part written two ways, "X - Part 1" and "X - Pt. 1", is one song, offered once;
#: 9: a title typed exactly, "@ ME", is that title, not the more popular "ME"; a seed
#: spelling none of the titles written alike is warned; a whole title typed, "X - Y
#: Remix", is not read as "X" by Y; 10: one part named, "X Pt 2", takes a track listing it,
#: "X - Part I, II, & III", warned, before a near spelling or a title it opens; 11: so does
#: one part named with version words, "X Pt 2 (Live)", the listing of that version first)
ANSWER_SHAPE = 11


def depth(offset: int, limit: int) -> int:
    """How long a list the page at ``offset`` needs ranked: its end, and one result
    more, which says whether a next page has any (pages end at MAX_RESULTS).  A longer
    list begins as a shorter one does, so the extra result never changes the page."""
    return min(offset + limit + 1, MAX_RESULTS)


def page(rows: list[int], scores: list[float], offset: int, limit: int,
         warnings: list[str]) -> tuple[list[int], list[float], dict[str, Any]]:
    """The page of a ranking asked for ``limit=depth(offset, limit)``, and the answer's
    fields that say where it is: ``next_offset`` is null when the list ended (no result
    past the page) or is as deep as pages go."""
    end = min(offset + limit, MAX_RESULTS)
    if rows and len(rows) <= offset:
        warnings.append(f"offset: the list ends after {len(rows)} results")
    more = len(rows) > end
    return rows[offset:end], scores[offset:end], {"offset": offset,
                                                   "next_offset": end if more else None}


def similar(res: VersionResources, seed: str, limit: int, offset: int = 0) -> dict[str, Any]:
    """Tracks that feel like ``seed``; answers are cached per model version."""
    key: list[Any] = ["rec", ANSWER_SHAPE, seed, limit, offset]
    if mood_advice() != MOOD_ADVICE:  # the CLI's words are not the API's answer
        key.append(mood_advice())
    if domain_settings.get("SPEECH_IN_RECOMMENDATIONS"):  # speech files among the results
        key.append("speech")
    digest = hashlib.sha1(json.dumps(key).encode()).hexdigest()
    cached = res.store.cached(res.version, digest)
    cache_lookup(cached is not None)
    if cached is not None:
        return json.loads(cached)
    warnings: list[str] = []
    row = res.resolve(seed, "seed", warnings)
    refuse_unplaced_seeds(res.table, [row], fields=["seed"])
    ranking = res.engine.rank(Query(seeds=[(row, 1.0)], limit=depth(offset, limit)))
    rows, scores, where = page(ranking.rows, ranking.scores, offset, limit, warnings)
    seed_doc, *docs = res.documents([row, *rows])
    body = {"seed": public(seed_doc), "model_version": res.version, **where,
            "results": [result(doc, score, reasons(seed_doc, doc))
                        for doc, score in zip(docs, scores)]}
    if warnings:
        body["warnings"] = warnings
    res.store.cache(res.version, digest, json.dumps(body).encode())
    return body


def rich(res: VersionResources, body: RecommendBody) -> dict[str, Any]:
    """Several seeds, negative seeds, moods, text, targets, filters and shaping."""
    warnings: list[str] = []
    notes: dict[str, Any] = {}
    q = build_query(res, body, depth(body.offset, body.limit), warnings, notes)
    require_something(q, "give at least one of seeds, moods, text, target_valence, "
                         "target_arousal or a target_ attribute", body.text)
    ranking = res.engine.rank(q)
    if not ranking.rows:
        warnings += nothing_left(res, q, "results")
    rows, scores, where = page(ranking.rows, ranking.scores, body.offset, body.limit,
                               warnings)
    docs = res.documents([r for r, _ in q.seeds] + rows)
    seed_docs, result_docs = docs[:len(q.seeds)], docs[len(q.seeds):]
    seed_doc = seed_docs[0] if seed_docs else None
    out = {"seed": public(seed_doc) if seed_doc else None,
           "seeds": [public(d) for d in seed_docs], "model_version": res.version, **where,
           "results": [result(doc, score, request_reasons(seed_doc, doc, q.moods))
                       for doc, score in zip(result_docs, scores)]}
    if q.temperature > 0:
        out["random_seed"] = q.random_seed
    out.update(notes)
    if warnings:
        out["warnings"] = warnings
    return out


@bp.get("/recommendations")
def get_recommendations() -> Response:
    args = query_args(SimilarQuery)
    return jsonify(similar(get_resources().current(), args.seed, args.limit, args.offset))


@bp.post("/recommendations")
def post_recommendations() -> Response:
    body = json_request(RecommendBody)
    return jsonify(rich(get_resources().current(), body))
