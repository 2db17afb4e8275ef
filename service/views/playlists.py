"""POST /v1/playlists (with m3u8/XSPF/JSPF/CSV exports) and GET /v1/path."""
from __future__ import annotations

import json
from dataclasses import replace
from typing import Any
from urllib.parse import quote

import numpy as np
from flask import Blueprint, Response, current_app, jsonify

from models.errors import BadRequest
from models.ranking import (
    MAX_WIDENING,
    Placement,
    Query,
    arc_ends,
    arc_points,
    arc_pool,
    durations,
    fill,
    held_ends,
    path,
    path_fit,
    refuse_unplaced_seeds,
    pool_size,
    seed_songs,
    sequence,
    tracks_for,
)

from ..exports import FORMATS, api_link, ascii_file_name, export, file_name
from ..locations import Places, stored_folder
from ..requests import PathQuery, PlaylistBody, PlaylistFormat
from ..requests.bodies import PLAYLIST_WANTS
from ..resources import VersionResources, get_resources
from ..seed_hints import public
from .base import entry, json_request, query_args
from .queries import build_query, nothing_left, require_something

#: an export's warnings (the JSON answer's ``warnings``), at most this long
WARNINGS_HEADER, MAX_WARNINGS_HEADER = "X-Feelalike-Warnings", 4000
bp = Blueprint("playlists", __name__, url_prefix="/v1")
ARC_IGNORES = ("diversity and temperature were ignored: along an arc every track that "
               "passes the filters is a candidate, and the arc chooses among them")


def playlist(res: VersionResources, body: PlaylistBody) -> dict[str, Any]:
    """A playlist along a mood arc, with tempo/key flow and artist gaps."""
    arc, target = body.arc_ends(), body.target_ms()
    length = body.length if target is None else tracks_for(res.table, target)
    warnings: list[str] = []
    notes: dict[str, Any] = {}
    asked = build_query(res, body, length, warnings, notes)
    q = asked
    if arc and not q.moods:  # scores every row, and is the relevance of a bare arc
        q = replace(asked, moods={arc[0]: 1.0, arc[1]: 1.0})
    require_something(q, PLAYLIST_WANTS, body.text)
    if arc and ((body.diversity or 0) > 0 or q.temperature > 0):
        warnings.append(ARC_IGNORES)
    table = res.table
    candidates, placed = _placed(res, body, q, asked, arc, length)
    warnings += held_ends(table, arc)
    warnings += placed.warnings if len(candidates) else nothing_left(res, q, "a playlist")
    docs = res.documents(placed.rows)
    seed_docs = res.documents([row for row, _ in q.seeds]) if q.seeds else []
    return {"model_version": res.version,
            "title": body.title or _title(res, q, arc),
            "seeds": [public(d) for d in seed_docs],
            "tracks": [entry(table, row, doc, i, score) for i, (row, doc, score)
                       in enumerate(zip(placed.rows, docs, placed.scores))],
            **_duration(res, placed.rows),
            "arc": [{"position": i, "valence": round(p.valence, 3),
                     "arousal": round(p.arousal, 3)} for i, p in enumerate(placed.arc)],
            **({"random_seed": q.random_seed} if arc is None and q.temperature > 0 else {}),
            **notes, **({"warnings": warnings} if warnings else {})}


def _placed(res: VersionResources, body: PlaylistBody, q: Query, asked: Query,
            arc: tuple[str, str] | None, length: int) -> tuple[np.ndarray, Placement]:
    """The candidates and their placement (``length`` tracks, or about that many to
    fill ``minutes``); without an arc, a pool too small to fill the playlist (its best
    tracks all by one artist) is widened and placed again."""
    table, target = res.table, body.target_ms()
    rules = {"min_artist_gap": body.min_artist_gap, "tempo_tolerance": body.tempo_tolerance,
             "max_per_artist": q.max_per_artist, "used_songs": seed_songs(table, q),
             "follow_arc": arc is not None, "end_mood": arc[1] if arc else None}
    for widened in range(MAX_WIDENING + 1):
        size = pool_size(length, arc is not None, widened)
        candidates, relevance = res.engine.pool(q, size) if arc is None \
            else arc_pool(res.engine, q, asked)
        ends = arc_ends(table, q, arc)
        if target is None:
            placed = sequence(table, candidates, relevance, arc_points(*ends, length), **rules)
            full = len(placed.rows) >= length
        else:
            placed = fill(table, candidates, relevance, ends, target, **rules)
            full = placed.full
        if size is None or full or len(candidates) < size:
            break
    return candidates, placed


def _duration(res: VersionResources, rows: list[int]) -> dict[str, int]:
    """The playlist's total length in ms, tracks without a duration at the catalog's
    median, and how many those are."""
    ms, missing = durations(res.table, rows)
    return {"duration_ms": int(round(float(ms.sum()))),
            "durations_estimated": int(missing.sum())}


def _title(res: VersionResources, q: Query, arc: tuple[str, str] | None) -> str:
    if arc:
        return f"From {arc[0]} to {arc[1]}"
    if q.seeds:
        return f"Feels like {res.table.titles[q.seeds[0][0]]}"
    return "feelalike mix"


def mood_path(res: VersionResources, start: str, end: str, steps: int) -> dict[str, Any]:
    """``steps`` tracks moving gradually from one track's moods to another's."""
    warnings: list[str] = []
    a, b = res.resolve(start, "from", warnings), res.resolve(end, "to", warnings)
    if a == b:
        raise BadRequest("'from' and 'to' name the same track", field="to")
    song = res.table.song_keys
    if song[a] == song[b]:  # "Poker Face" under two ids: a path from a song to itself
        raise BadRequest("'from' and 'to' are two versions of the same song", field="to")
    refuse_unplaced_seeds(res.table, [a, b], every=True, fields=["from", "to"])
    rows = path(res.table, a, b, steps)
    if len(rows) - 2 < steps:
        warnings.append(f"only {len(rows) - 2} of the {steps} steps: no other tracks lie "
                        "between these two in mood (each step is a different song)")
    docs = res.documents(rows)
    answer = {"from": public(docs[0]), "to": public(docs[-1]), "model_version": res.version,
              "tracks": [entry(res.table, r, d, i, fit) for i, (r, d, fit) in
                         enumerate(zip(rows, docs, path_fit(res.table, rows)))]}
    return {**answer, "warnings": warnings} if warnings else answer


@bp.post("/playlists")
def post_playlist() -> Response:
    fmt = query_args(PlaylistFormat).format
    body = json_request(PlaylistBody, PlaylistFormat)
    result = playlist(get_resources().current(), body)
    return _answer(result, result["title"], fmt)


@bp.get("/path")
def get_path() -> Response:
    args = query_args(PathQuery)
    result = mood_path(get_resources().current(), args.from_, args.to, args.steps)
    return _answer(result, path_title(result), args.format)


def path_title(result: dict[str, Any]) -> str:
    return f"From {result['from']['title']} to {result['to']['title']}"


def _answer(result: dict[str, Any], title: str, fmt: str) -> Response:
    """The body as JSON, or the tracks as an export file."""
    if fmt == "json":
        return jsonify(result)
    analysed = get_resources().of(result["model_version"]).audio_root or ""
    under = stored_folder(analysed, current_app.config["MUSIC_ROOT"])
    places = replace(Places.from_config(current_app.config), stored_under=under)
    response = Response(export(fmt, title, result["tracks"],
                               api_link(current_app.config["PUBLIC_URL"]), places),
                        content_type=FORMATS[fmt])
    _export_headers(response, file_name(title, fmt), list(result.get("warnings", [])))
    return response


def _export_headers(response: Response, name: str, warnings: list[str]) -> None:
    """The file name a browser saves an export as (an ASCII stand-in beside the name
    itself, RFC 6266) and the answer's warnings, which a file has no place for (ASCII
    JSON, the first kept when they are too long: a short playlist, a guessed seed)."""
    ascii_name = ascii_file_name(name)
    response.headers.set("Content-Disposition", "attachment", filename=ascii_name,
                         **{"filename*": f"UTF-8''{quote(name, safe='')}"})
    while warnings and len(json.dumps(warnings)) > MAX_WARNINGS_HEADER:
        warnings.pop()
    if warnings:
        response.headers[WARNINGS_HEADER] = json.dumps(warnings)
