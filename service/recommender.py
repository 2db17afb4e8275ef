"""Recommendations from the store: seed resolution, neighbours, and why.

Used by the API and by ``feelalike recommend`` alike, so both give the same answer.
Everything is read from Redis; the title index of a version is built once per
process from the version's stored titles.
"""
from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from typing import Any, Callable

from models.errors import BadRequest, SeedNotFound, TrackNotFound
from models.ranking import song_key
from models.language import TitleIndex

from .explain import reasons
from .store import ModelStore

MAX_LIMIT = 100
MAX_QUERY_CHARS = 300
DUPLICATE_SLACK = 10
PUBLIC_FIELDS = ("id", "title", "artist", "album")


class VersionCache:
    """Objects derived from one model version, built on first use (LRU of a few)."""

    def __init__(self, load: Callable[[ModelStore, str], Any], size: int = 2) -> None:
        self.load = load
        self.size = size
        self._items: OrderedDict[str, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, store: ModelStore, version: str) -> Any:
        with self._lock:
            if version in self._items:
                self._items.move_to_end(version)
                return self._items[version]
        item = self.load(store, version)
        with self._lock:
            self._items[version] = item
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return item


def _title_index(store: ModelStore, version: str) -> TitleIndex:
    titles = store.titles(version)
    return TitleIndex([t[0] for t in titles], [t[1] for t in titles], [t[2] for t in titles])



def check_query(value: str | None, name: str) -> str:
    if value is None or not value.strip():
        raise BadRequest(f"'{name}' is required and must not be empty", field=name)
    if len(value) > MAX_QUERY_CHARS:
        raise BadRequest(f"'{name}' is longer than {MAX_QUERY_CHARS} characters", field=name)
    return value.strip()


def check_limit(value: Any, default: int = 10, maximum: int = MAX_LIMIT,
                field: str = "limit") -> int:
    if value is None or value == "":
        return default
    try:
        limit = int(value)
    except (TypeError, ValueError):
        raise BadRequest(f"'{field}' must be a whole number from 1 to {maximum}, got "
                         f"{value!r}", field=field) from None
    if not 1 <= limit <= maximum:
        raise BadRequest(f"'{field}' must be from 1 to {maximum}, got {limit}", field=field)
    return limit


def _song_key(doc: dict[str, Any]) -> str:
    return song_key(doc.get("title", ""), doc.get("artist", ""))


def _distinct_songs(seed: dict[str, Any], pairs: list[tuple[dict, Any]]) -> list[tuple[dict, Any]]:
    """Drop results that are the seed's song or repeat an earlier result's song
    (the same recording under several ids, or another version: remix, live, remaster)."""
    seen = {_song_key(seed)}
    out = []
    for doc, extra in pairs:
        key = _song_key(doc)
        if key not in seen:
            seen.add(key)
            out.append((doc, extra))
    return out


def public(doc: dict[str, Any]) -> dict[str, Any]:
    return {k: doc.get(k, "") for k in PUBLIC_FIELDS}


class Recommender:
    def __init__(self, store: ModelStore) -> None:
        self.store = store
        self.titles = VersionCache(_title_index)
        self.tables = VersionCache(ModelStore.table)

    def resolve(self, version: str, seed: str) -> int:
        """Row of a seed: exact id first, then title (fuzzy, "Title - Artist" narrows)."""
        row = self.store.row_of(version, seed)
        if row is not None:
            return row
        index = self.titles.get(self.store, version)
        row = index.resolve(seed)
        if row is None:
            suggestions = [public(d) for d in
                           self.store.tracks(version, index.search(seed, limit=5))]
            raise SeedNotFound(f"no track matches {seed!r}", suggestions=suggestions)
        return row

    def recommend(self, seed: str, limit: int = 10) -> dict[str, Any]:
        """The API response body for a seed (served from the response cache if present)."""
        seed, limit = check_query(seed, "seed"), check_limit(limit)
        version = self.store.current_version()
        digest = hashlib.sha1(json.dumps(["rec", seed, limit]).encode()).hexdigest()
        cached = self.store.cached(version, digest)
        if cached is not None:
            return json.loads(cached)
        body = self._recommend(version, seed, limit)
        self.store.cache(version, digest, json.dumps(body).encode())
        return body

    def _recommend(self, version: str, seed: str, limit: int) -> dict[str, Any]:
        row = self.resolve(version, seed)
        rows, scores = self.store.neighbours(version, row)
        candidates = [(int(r), float(s)) for r, s in zip(rows, scores) if int(r) != row]
        candidates = candidates[:limit * 2 + DUPLICATE_SLACK]
        docs = self.store.tracks(version, [row, *(r for r, _ in candidates)])
        seed_doc = docs[0]
        kept = _distinct_songs(seed_doc, list(zip(docs[1:], candidates)))[:limit]
        result_docs, picked = [d for d, _ in kept], [c for _, c in kept]
        results = [{**public(doc), "score": round(min(max(score, 0.0), 1.0), 4),
                    "moods": doc.get("top_moods", []), "why": reasons(seed_doc, doc)}
                   for doc, (_, score) in zip(result_docs, picked)]
        return {"seed": public(seed_doc), "model_version": version, "results": results}

    def track(self, track_id: str) -> dict[str, Any]:
        track_id = check_query(track_id, "id")
        version = self.store.current_version()
        row = self.store.row_of(version, track_id)
        if row is None:
            raise TrackNotFound(f"no track with id {track_id!r}")
        doc = self.store.tracks(version, [row])[0]
        return {**doc, "model_version": version}

    def search(self, query: str, limit: int = 10) -> dict[str, Any]:
        query, limit = check_query(query, "q"), check_limit(limit, maximum=50)
        version = self.store.current_version()
        rows = self.titles.get(self.store, version).search(query, limit=limit)
        docs = self.store.tracks(version, rows)
        return {"query": query, "model_version": version,
                "results": [{**public(d), "moods": d.get("top_moods", [])} for d in docs]}
