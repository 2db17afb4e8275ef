"""Record the new paths of files that moved: a new model version whose only change is
the ``path`` of some tracks' documents and the id index entries that name them.

A self-hoster who reorganises a music folder keeps every file's content, so the model
keeps every track (its id is its content), but by paths that no longer play: exports
listed them, ``path:`` seeds missed the new names, and only a full build used to record
where they went.  Nothing about a track's feel changes when its file moves, so no
vector or neighbour list is touched.  A new path is the moved file's even where the
index still names another track by it (a file moved over one of the model's files, whose
track the sync then removes): ``path:`` finds the file that is there now.
"""
from __future__ import annotations

import time
from typing import Mapping

import numpy as np

from models.errors import BadRequest, TrackNotFound
from models.ingest import id_key

from .drafts import Change, Draft, Step
from .model_store import ModelStore
from .updates import UpdateResult
from .upkeep import guard


class Relocation:
    """Moves tracks of ``store``'s live model to new paths; ``on_step`` hears each stage
    of the publish as an update's do."""

    def __init__(self, store: ModelStore, on_step: Step | None = None) -> None:
        self.store = store
        self.on_step = on_step or (lambda _stage: None)

    @guard(bulk=True)
    def move(self, paths: Mapping[str, str]) -> UpdateResult:
        """Give each track id of ``paths`` its new path (as the model stores paths:
        relative to its music folder, or absolute); every id must name a track."""
        started = time.perf_counter()
        if not paths:
            raise BadRequest("no moved tracks to record", field="paths")
        base = self.store.current_version()
        meta = self.store.meta(base)
        ids = list(paths)
        rows = self.store.rows_of(base, ids, [])[0]
        missing = [i for i, row in zip(ids, rows) if row is None]
        if missing:
            raise TrackNotFound(f"no track with id {missing[0]!r} in the live model "
                                f"{base}", ids=missing[:10])
        old = dict(zip(rows, self.store.tracks(base, rows)))
        new = {row: _moved(doc, paths[doc["id"]]) for row, doc in old.items()}
        from models.build import ListChanges
        size = int(meta["tracks"])
        change = Change(new, old, ListChanges({}, np.zeros((0, 2), np.float32),
                                              int(meta["k"])),
                        size, size, moved_from={row: row for row in new},
                        claimed=frozenset(id_key("path", p) for p in paths.values()))
        version = Draft(self.store, self.on_step).publish(base, meta, change, "relocate",
                                                          ids)
        return UpdateResult(version, base, size, seconds=time.perf_counter() - started)


def _moved(doc: dict, path: str) -> dict:
    """``doc`` with its file at ``path``."""
    return {**doc, "external_ids": {**(doc.get("external_ids") or {}), "path": path}}
