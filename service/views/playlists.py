"""POST /v1/playlists (with m3u8/XSPF/JSPF exports) and GET /v1/path."""
from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, jsonify, request

from models.errors import BadRequest
from models.ranking import Query, arc_ends, arc_points, path, seed_songs, sequence

from ..exports import FORMATS, export
from ..resources import VersionResources, get_resources, public
from . import validation as v
from .base import check_limit, check_query, entry, json_body
from .queries import build_query

bp = Blueprint("playlists", __name__, url_prefix="/v1")

PLAYLIST_FIELDS = v.QUERY_FIELDS | {"seed", "length", "arc", "min_artist_gap",
                                    "tempo_tolerance", "title"}


def check_playlist(body: Any) -> dict[str, Any]:
    """Checks that need no model version; ``seed`` joins the front of ``seeds``."""
    body = v.known_fields(body, PLAYLIST_FIELDS)
    if "seed" in body:
        body = {**body, "seeds": [body["seed"], *v.seed_items(body, "seeds")]}
        body.pop("seed")
    v.integer(body, "length", 1, 100, 20)
    v.integer(body, "min_artist_gap", 0, 20, 3)
    v.number(body, "tempo_tolerance", 0.01, 0.5, 0.08)
    v.text(body, "title", 200)
    _arc(body)
    return body


def playlist(res: VersionResources, body: dict[str, Any]) -> dict[str, Any]:
    """A playlist along a mood arc, with tempo/key flow and artist gaps."""
    length = v.integer(body, "length", 1, 100, 20)
    arc = _arc(body)
    warnings: list[str] = []
    q = build_query(res, body, length, warnings)
    if arc and not q.moods:
        q.moods = {arc[0]: 1.0, arc[1]: 1.0}
    if not (q.seeds or q.moods or q.targets or q.target_valence is not None):
        raise BadRequest("give a seed, seeds, moods, text or an arc", field="seeds")
    table = res.table
    candidates, relevance = res.engine.relevance(q)
    placed = sequence(table, candidates, relevance, arc_points(*arc_ends(table, q, arc), length),
                      min_artist_gap=v.integer(body, "min_artist_gap", 0, 20, 3),
                      tempo_tolerance=v.number(body, "tempo_tolerance", 0.01, 0.5, 0.08),
                      max_per_artist=q.max_per_artist, used_songs=seed_songs(table, q))
    warnings += placed.warnings if len(candidates) else [
        "no track passes the filters; loosen them to get a playlist"]
    docs = res.documents(placed.rows)
    return {"model_version": res.version,
            "title": v.text(body, "title", 200) or _title(res, q, arc),
            "tracks": [entry(table, row, doc, i, float(relevance[row]))
                       for i, (row, doc) in enumerate(zip(placed.rows, docs))],
            "arc": [{"position": i, "valence": round(p.valence, 3),
                     "arousal": round(p.arousal, 3)} for i, p in enumerate(placed.arc)],
            **({"warnings": warnings} if warnings else {})}


def _arc(body: dict[str, Any]) -> tuple[str, str] | None:
    arc = body.get("arc")
    if arc is None:
        return None
    if not isinstance(arc, dict) or set(arc) != {"from", "to"}:
        raise v.fail("arc", 'must be {"from": MOOD, "to": MOOD}')
    return v.mood_name(arc["from"], "arc.from"), v.mood_name(arc["to"], "arc.to")


def _title(res: VersionResources, q: Query, arc: tuple[str, str] | None) -> str:
    if arc:
        return f"From {arc[0]} to {arc[1]}"
    if q.seeds:
        return f"Feels like {res.table.titles[q.seeds[0][0]]}"
    return "feelalike mix"


def mood_path(res: VersionResources, start: str, end: str, steps: int) -> dict[str, Any]:
    """``steps`` tracks moving gradually from one track's moods to another's."""
    a, b = res.resolve(start), res.resolve(end)
    if a == b:
        raise BadRequest("'from' and 'to' name the same track", field="to")
    rows = path(res.table, a, b, steps)
    docs = res.documents(rows)
    return {"from": public(docs[0]), "to": public(docs[-1]), "model_version": res.version,
            "tracks": [entry(res.table, r, d, i, 1.0) for i, (r, d) in
                       enumerate(zip(rows, docs))]}


@bp.post("/playlists")
def post_playlist() -> Response:
    fmt = request.args.get("format", "json")
    if fmt != "json" and fmt not in FORMATS:
        raise BadRequest(f"format must be json, {', '.join(FORMATS)}; got {fmt!r}",
                         field="format")
    body = check_playlist(json_body())
    result = playlist(get_resources().current(), body)
    if fmt == "json":
        return jsonify(result)

    def link(track: dict) -> str:
        return f"{request.host_url}v1/tracks/{track['id']}"

    return Response(export(fmt, result["title"], result["tracks"], link),
                    content_type=FORMATS[fmt])


@bp.get("/path")
def get_path() -> Response:
    start = check_query(request.args.get("from"), "from")
    end = check_query(request.args.get("to"), "to")
    steps = check_limit(request.args.get("steps"), default=8, maximum=50, field="steps")
    return jsonify(mood_path(get_resources().current(), start, end, steps))
