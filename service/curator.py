"""Rich requests: several seeds, mood targets, filters and shaping; playlists; paths.

Shares seed resolution and documents with :class:`Recommender`; scores the whole
catalog through the version's track table (loaded once per process from Redis).
"""
from __future__ import annotations

from typing import Any

import numpy as np

from models.ranking import camelot, key_name
from models.errors import BadRequest
from models.ranking import arc_points, path, sequence
from models.ranking import Query, allowed, rank
from models.ranking import relevance as score_rows
from models.ranking import TrackTable
from models.language import hits_vector, tag_text
from models.language import normalise
from models.language import MOODS, load_lexicon

from . import validation as v
from .explain import reasons
from .recommender import Recommender, check_limit, check_query, public

QUERY_FIELDS = {"seeds", "negative_seeds", "moods", "target_valence", "target_arousal", "text",
                "include_tags", "exclude_tags", "exclude_artists", "exclude_ids",
                "max_per_artist", "dedupe", "diversity", "temperature", "random_seed"}
RECOMMEND_FIELDS = QUERY_FIELDS | {"limit"}
PLAYLIST_FIELDS = QUERY_FIELDS | {"seed", "length", "arc", "min_artist_gap", "tempo_tolerance",
                                  "title"}


def _text_target(text: str, warnings: list[str]) -> tuple[dict[str, float], float | None,
                                                           float | None]:
    """Moods and valence/arousal a free-text query asks for, read by the review tagger."""
    hits = [h for h in tag_text(text, load_lexicon()) if h.weight > 0]
    vec = np.clip(hits_vector(hits), 0.0, None)
    if not hits or vec.max() <= 0:
        warnings.append("text: no mood words recognised; it was ignored")
        return {}, None, None
    moods = {MOODS[i]: round(float(vec[i] / vec.max()), 3) for i in np.flatnonzero(vec)}
    weight = sum(h.weight for h in hits)
    valence = sum(h.weight * h.entry.valence for h in hits) / weight
    arousal = sum(h.weight * h.entry.arousal for h in hits) / weight
    return moods, float(np.clip(valence, -1, 1)), float(np.clip(arousal, -1, 1))


class Curator:
    def __init__(self, recommender: Recommender) -> None:
        self.rec = recommender
        self.store = recommender.store

    # -- request parsing -----------------------------------------------------------
    def _rows(self, version: str, seeds: list[tuple[str, float]]) -> list[tuple[int, float]]:
        return [(self.rec.resolve(version, seed), weight) for seed, weight in seeds]

    def query(self, version: str, body: dict, limit: int, warnings: list[str]) -> Query:
        mins, maxs, targets = v.ranges(body)
        q = Query(seeds=self._rows(version, v.seeds(body, "seeds")),
                  negative_seeds=self._rows(version, v.seeds(body, "negative_seeds")),
                  moods=v.moods(body), targets=targets, minimums=mins, maximums=maxs,
                  target_valence=v.number(body, "target_valence", -1, 1),
                  target_arousal=v.number(body, "target_arousal", -1, 1),
                  include_tags={normalise(t) for t in v.strings(body, "include_tags")},
                  exclude_tags={normalise(t) for t in v.strings(body, "exclude_tags")},
                  exclude_artists={normalise(a) for a in v.strings(body, "exclude_artists")},
                  max_per_artist=v.integer(body, "max_per_artist", 1, 100),
                  dedupe=v.boolean(body, "dedupe", True),
                  diversity=v.number(body, "diversity", 0, 1, 0.0),
                  temperature=v.number(body, "temperature", 0, 5, 0.0),
                  random_seed=v.integer(body, "random_seed", 0, 2**32 - 1), limit=limit)
        ids = v.strings(body, "exclude_ids")
        q.exclude_rows = {r for r in (self.store.row_of(version, i) for i in ids)
                          if r is not None}
        text = v.text(body, "text")
        if text:
            moods, valence, arousal = _text_target(text, warnings)
            q.moods = {**moods, **q.moods}
            q.target_valence = q.target_valence if q.target_valence is not None else valence
            q.target_arousal = q.target_arousal if q.target_arousal is not None else arousal
        if q.temperature > 0 and q.random_seed is None:
            q.random_seed = int(np.random.default_rng().integers(2**32 - 1))
        return q

    # -- POST /v1/recommendations ----------------------------------------------------
    def recommend(self, body: Any) -> dict[str, Any]:
        body = v.known_fields(body, RECOMMEND_FIELDS)
        limit = v.integer(body, "limit", 1, 100, 10)
        version = self.store.current_version()
        warnings: list[str] = []
        q = self.query(version, body, limit, warnings)
        if not (q.seeds or q.moods or q.targets or q.target_valence is not None
                or q.target_arousal is not None):
            raise BadRequest("give at least one of seeds, moods, text, target_valence, "
                             "target_arousal or a target_ attribute", field="seeds")
        table = self.rec.tables.get(self.store, version)
        ranking = rank(table, q)
        if not ranking.rows:
            warnings.append("no track passes the filters; loosen them to get results")
        docs = self.store.tracks(version, [r for r, _ in q.seeds] + ranking.rows)
        seed_docs, result_docs = docs[:len(q.seeds)], docs[len(q.seeds):]
        seed_doc = seed_docs[0] if seed_docs else None
        results = [self._result(doc, score, seed_doc, q)
                   for doc, score in zip(result_docs, ranking.scores)]
        body_out = {"seed": public(seed_doc) if seed_doc else None,
                    "seeds": [public(d) for d in seed_docs],
                    "model_version": version, "results": results}
        if q.temperature > 0:
            body_out["random_seed"] = q.random_seed
        if warnings:
            body_out["warnings"] = warnings
        return body_out

    def _result(self, doc: dict, score: float, seed_doc: dict | None, q: Query) -> dict:
        why = reasons(seed_doc, doc) if seed_doc else []
        matched = [m for m in doc.get("top_moods", []) if q.moods.get(m)]
        if matched:
            why.insert(0, "matches the moods asked for: " + ", ".join(matched))
        return {**public(doc), "score": round(min(max(score, 0.0), 1.0), 4),
                "moods": doc.get("top_moods", []), "why": why[:3] or ["fits the request"]}

    # -- POST /v1/playlists -------------------------------------------------------------
    def playlist(self, body: Any) -> dict[str, Any]:
        body = v.known_fields(body, PLAYLIST_FIELDS)
        if "seed" in body:
            body = {**body, "seeds": [body["seed"], *body.get("seeds", [])]}
            body.pop("seed")
        length = v.integer(body, "length", 1, 100, 20)
        gap = v.integer(body, "min_artist_gap", 0, 20, 3)
        tolerance = v.number(body, "tempo_tolerance", 0.01, 0.5, 0.08)
        title = v.text(body, "title", 200)
        arc = self._arc(body)
        version = self.store.current_version()
        warnings: list[str] = []
        q = self.query(version, body, length, warnings)
        if arc and not q.moods:
            q.moods = {arc[0]: 1.0, arc[1]: 1.0}
        if not (q.seeds or q.moods or q.targets or q.target_valence is not None):
            raise BadRequest("give a seed, seeds, moods, text or an arc", field="seeds")
        table = self.rec.tables.get(self.store, version)
        relevance, _ = score_rows(table, q)
        candidates = np.flatnonzero(allowed(table, q))
        points = arc_points(*self._arc_ends(table, q, arc), length)
        seed_songs = {table.song_keys[r] for r, _ in q.seeds} if q.dedupe else set()
        placed = sequence(table, candidates, relevance, points, min_artist_gap=gap,
                          tempo_tolerance=tolerance, max_per_artist=q.max_per_artist,
                          used_songs=seed_songs)
        warnings += placed.warnings if len(candidates) else [
            "no track passes the filters; loosen them to get a playlist"]
        docs = self.store.tracks(version, placed.rows)
        return {"model_version": version, "title": title or self._title(q, arc, table),
                "tracks": [self._entry(table, row, doc, i, float(relevance[row]))
                           for i, (row, doc) in enumerate(zip(placed.rows, docs))],
                "arc": [{"position": i, "valence": round(p.valence, 3),
                         "arousal": round(p.arousal, 3)} for i, p in enumerate(placed.arc)],
                **({"warnings": warnings} if warnings else {})}

    @staticmethod
    def _arc(body: dict) -> tuple[str, str] | None:
        arc = body.get("arc")
        if arc is None:
            return None
        if not isinstance(arc, dict) or set(arc) != {"from", "to"}:
            raise v.fail("arc", 'must be {"from": MOOD, "to": MOOD}')
        return v.mood_name(arc["from"], "arc.from"), v.mood_name(arc["to"], "arc.to")

    @staticmethod
    def _arc_ends(table: TrackTable, q: Query, arc: tuple[str, str] | None):
        protos = load_lexicon().prototypes
        if arc:
            return tuple(protos[MOODS.index(arc[0])]), tuple(protos[MOODS.index(arc[1])])
        if q.seeds:
            rows = [r for r, _ in q.seeds]
            point = (float(np.nanmean(table.column("valence_mood")[rows])),
                     float(np.nanmean(table.column("arousal_mood")[rows])))
        elif q.moods:
            w = np.array([q.moods.get(m, 0.0) for m in MOODS])
            point = tuple(float(x) for x in (w @ protos) / w.sum())
        else:
            point = (0.0, 0.0)
        point = (q.target_valence if q.target_valence is not None else point[0],
                 q.target_arousal if q.target_arousal is not None else point[1])
        return point, point

    @staticmethod
    def _title(q: Query, arc: tuple[str, str] | None, table: TrackTable) -> str:
        if arc:
            return f"From {arc[0]} to {arc[1]}"
        if q.seeds:
            return f"Feels like {table.titles[q.seeds[0][0]]}"
        return "feelalike mix"

    @staticmethod
    def _entry(table: TrackTable, row: int, doc: dict, position: int, score: float) -> dict:
        def num(name: str) -> float | None:
            value = float(table.column(name)[row])
            return None if np.isnan(value) else round(value, 3)

        key, mode = num("key"), num("mode")
        return {"position": position, **public(doc), "valence": num("valence_mood"),
                "arousal": num("arousal_mood"), "tempo": num("tempo"), "energy": num("energy"),
                "key": key_name(key, mode), "camelot": camelot(key, mode),
                "duration_ms": num("duration_ms"), "moods": doc.get("top_moods", []),
                "score": round(score, 4)}

    # -- GET /v1/path ---------------------------------------------------------------------
    def path(self, start: str, end: str, steps: Any) -> dict[str, Any]:
        start, end = check_query(start, "from"), check_query(end, "to")
        steps = check_limit(steps, default=8, maximum=50, field="steps")
        version = self.store.current_version()
        a, b = self.rec.resolve(version, start), self.rec.resolve(version, end)
        if a == b:
            raise BadRequest("'from' and 'to' name the same track", field="to")
        table = self.rec.tables.get(self.store, version)
        rows = path(table, a, b, steps)
        docs = self.store.tracks(version, rows)
        return {"from": public(docs[0]), "to": public(docs[-1]), "model_version": version,
                "tracks": [self._entry(table, r, d, i, 1.0) for i, (r, d) in
                           enumerate(zip(rows, docs))]}
