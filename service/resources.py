"""What a request needs, per model version: the store, the track table, the title
index and the ranking engine — built once per version per process and injected into
the views (``get_resources()``).  Offline workers and this layer meet only in Redis.
"""
from __future__ import annotations

import threading
import time
from collections import OrderedDict
from typing import Any, Callable, Mapping, Sequence

from flask import Flask, Response, current_app

from models.errors import BadRequest, InvalidExternalId, SeedNotFound
from models.ingest import path_inside, reference_key
from models.language import TitleIndex
from models.ranking import (
    Cells,
    NeighbourLists,
    RankingEngine,
    TrackTable,
    VectorIndex,
    keep_penalty,
    title_index,
)
from models.settings import data_home

from .errors import respond
from .seed_hints import cut
from .title_seeds import refuse_unknown_kind, seed_by_title
from .store import ModelStore, StoreUnavailable, mood_scores, open_store, with_whole_numbers
from .store.connection import embedded_running, reopen_embedded
from .store.id_clashes import id_forms
from .version_files import VersionFiles, steady_heap

EXTENSION = "feelalike"
VERSIONS_KEPT = 2  # the current version and the one before it (during a flip)


class VersionResources:
    """One model version as the views use it; heavy parts load on first use."""

    def __init__(self, store: ModelStore, version: str, files: VersionFiles) -> None:
        self.store = store
        self.version = version
        self.files = files
        self._built: dict[str, Any] = {}
        self._lock = threading.RLock()

    def _once(self, name: str, make: Callable[[], Any]) -> Any:
        """Build a part once, even when several threads ask for it at the same time."""
        if name not in self._built:
            with self._lock:
                if name not in self._built:
                    self._built[name] = make()
        return self._built[name]

    @property
    def arrays(self) -> dict[str, Any]:
        """The version's compact arrays, memory-mapped (shared by every worker)."""
        return self._once("arrays", lambda: self.files.open(self.store, self.version))

    @property
    def table(self) -> TrackTable:
        return self._once("table", self._table)

    def _table(self) -> TrackTable:
        """The table, with the build's hub discount when the version kept it (a seed
        beside moods is then scored as its neighbour list is: ``models.ranking.hubs``)."""
        table = TrackTable.from_arrays(self.arrays)
        if (discount := self.store.hub_discount(self.version)) is not None:
            keep_penalty(table, *discount)
        return table

    @property
    def titles(self) -> TitleIndex:
        return self._once("titles", lambda: title_index(self.arrays, self.table.titles,
                                                        self.table.artists))

    @property
    def engine(self) -> RankingEngine:
        def make() -> RankingEngine:
            lists = NeighbourLists(lambda row: self.store.neighbours(self.version, row))
            cells = Cells(self.arrays) if "cells.order" in self.arrays else None
            return RankingEngine(self.table, [lists, VectorIndex(self.table, cells=cells)])
        return self._once("engine", make)

    def lookup(self, values: Sequence[str], paths: Sequence[str], *,
               strict: bool = True) -> list[int | None]:
        """Rows of track ids or external ids (``isrc:...``, ``spotify:track:...``, a track
        URL, ...; see ``models.ingest.parse_reference``), None for an unknown one, in one
        Redis round trip.  An exact track id wins; a malformed external id that is not a
        track id is a 400 at its path in ``paths``, and so, when ``strict``, is an id of
        a kind we do not know (``foo:123``).  Ids unknown as sent are looked up once more
        in their other forms (``_other_forms``)."""
        rows = self._lookup(values, paths, strict)
        asked = [(k, other) for k, (value, row) in enumerate(zip(values, rows)) if row is None
                 for other in self._other_forms(value)]
        found = self._lookup(*zip(*[(o, paths[k]) for k, o in asked]), strict) if asked else []
        for (k, _), row in zip(asked, found):
            rows[k] = row if rows[k] is None else rows[k]
        return rows

    def _other_forms(self, value: str) -> list[str]:
        """What an id unknown as sent may be stored as: a file by its absolute path, stored
        relative to the analysed folder; the text in the other Unicode form (macOS sends
        "é" decomposed, e + U+0301)."""
        inside = path_inside(value, self.audio_root) if value.startswith("path:") else None
        return list(dict.fromkeys(f for f in [inside, *id_forms(value)] if f and f != value))

    def _lookup(self, values: Sequence[str], paths: Sequence[str],
                strict: bool) -> list[int | None]:
        keys: list[str | None] = []
        errors: list[InvalidExternalId | None] = []
        for value in values:
            try:
                keys.append(reference_key(value))
                errors.append(None)
            except InvalidExternalId as exc:
                keys.append(None)
                errors.append(exc)
        wanted = [k for k in keys if k]
        by_id, by_key = self.store.rows_of(self.version, values, wanted)
        key_rows = dict(zip(wanted, by_key))
        rows: list[int | None] = []
        for value, key, error, row, path in zip(values, keys, errors, by_id, paths):
            if row is None and error is not None:
                raise BadRequest(f"{path}: {error.message}", field=path)
            if row is None and strict:
                refuse_unknown_kind(value, path)
            rows.append(row if row is not None or key is None else key_rows[key])
        return rows

    def resolve(self, seed: str, path: str = "seed", warnings: list[str] | None = None) -> int:
        """Row of a seed: exact id first, then an external id, then title (fuzzy;
        "Title - Artist" narrows).  An external id that is well formed but unknown is a
        404 (no title is guessed for it); a malformed one is a 400 at ``path``.  A title
        taken by a guess (a near spelling, the title it begins, without its "(with X)",
        one part of a piece: "Jerusalem" for "Jerusalem - Pt. 2", the most popular of
        titles written alike, none as typed: "Me!!" for "ME" or "@ ME") is said in ``warnings``,
        with other songs (or parts) to name instead; so is a title that
        reads as a mood too ("sad"), with how to ask for the mood."""
        row = self.lookup([seed], [path], strict=False)[0]
        if row is not None:
            return row
        if reference_key(seed) is not None:
            raise SeedNotFound(f"no track has the id {cut(seed)}", field=path, suggestions=[])
        if not any(ch.isalnum() for ch in seed):  # "+", "!!!", an emoji: that very title
            if (row := self.titles.resolve(seed)) is None:
                raise SeedNotFound(f"no track matches {cut(seed)}", field=path,
                                   suggestions=[])
            return row
        return seed_by_title(self, seed, path, warnings)

    @property
    def audio_root(self) -> str | None:
        """The folder this version's files were analysed in (their paths are relative
        to it), or None."""
        return self._once("audio_root", lambda: self.store.meta(self.version).get("audio_root"))

    def documents(self, rows: list[int]) -> list[dict[str, Any]]:
        """The tracks' documents, with the fields kept in the table put back."""
        moods = self.table.moods
        return [with_whole_numbers({**doc, "mood_scores": mood_scores(moods[row])})
                for row, doc in zip(rows, self.store.tracks(self.version, rows))]


class Resources:
    """The app's store and its per-version resources (a small LRU of versions)."""

    def __init__(self, store: ModelStore, files: VersionFiles | None = None, *,
                 embedded_home: str | None = None) -> None:
        """``embedded_home``: the data home of the embedded Redis when the store is one
        (None with REDIS_URL): should its server die, the client is opened again."""
        self.store = store
        self.files = files or VersionFiles(data_home() / "versions", store.prefix)
        self.embedded_home = embedded_home
        self._versions: OrderedDict[str, VersionResources] = OrderedDict()
        self._lock = threading.Lock()
        self._reopened = 0.0

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> "Resources":
        steady_heap()
        store = open_store(config)
        home = data_home({"FEELALIKE_DATA_HOME": config["DATA_HOME"]}) \
            if config.get("DATA_HOME") else data_home()
        url = config.get("REDIS_URL") or ""
        return cls(store, VersionFiles(home / "versions", store.prefix, redis_url=url),
                   embedded_home=None if url else str(home))

    def current(self) -> VersionResources:
        """Resources of the live version (one Redis read to learn which it is)."""
        try:
            return self.of(self.store.current_version())
        except StoreUnavailable:
            if not self._reopen_embedded():
                raise
            return self.of(self.store.current_version())

    def recover(self) -> None:
        """After a request found Redis unreachable: open the embedded Redis again if its
        server is gone (a REDIS_URL server is reconnected to by itself)."""
        try:
            self._reopen_embedded()
        except StoreUnavailable:
            pass  # still down: the next failure tries again (at most once a second)

    def _reopen_embedded(self) -> bool:
        """Open the embedded Redis again (at most once a second): whether it was tried."""
        with self._lock:
            if self.embedded_home is None or time.monotonic() - self._reopened < 1.0 \
                    or embedded_running(self.store.client):
                return False
            self._reopened = time.monotonic()
            self.store.client = reopen_embedded(self.embedded_home, self.store.client)
            return True

    def of(self, version: str) -> VersionResources:
        with self._lock:
            found = self._versions.get(version)
            if found is None:
                found = self._versions[version] = VersionResources(self.store, version,
                                                                      self.files)
            self._versions.move_to_end(version)
            while len(self._versions) > VERSIONS_KEPT:
                self._versions.popitem(last=False)
            return found


_create_lock = threading.Lock()


def get_resources() -> Resources:
    """The app's resources; connects to Redis the first time they are needed."""
    app = current_app
    if app.extensions.get(EXTENSION) is None:
        with _create_lock:
            if app.extensions.get(EXTENSION) is None:
                app.extensions[EXTENSION] = Resources.from_config(app.config)
    return app.extensions[EXTENSION]


def init_app(app: Flask, resources: Resources | None = None) -> None:
    app.extensions[EXTENSION] = resources

    @app.errorhandler(StoreUnavailable)
    def store_unavailable(exc: StoreUnavailable) -> Response:
        found = app.extensions.get(EXTENSION)
        if found is not None:  # the next request finds the embedded Redis open again
            found.recover()
        return respond(exc)
