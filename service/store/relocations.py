"""Record the new paths of files that moved: a new model version whose only change is
the ``path`` of some tracks' documents and the id index entries that name them.

A self-hoster who reorganises a music folder keeps every file's content, so the model
keeps every track (its id is its content), but by paths that no longer play: exports
listed them, ``path:`` seeds missed the new names, and only a full build used to record
where they went.  Nothing about a track's feel changes when its file moves, so no
vector or neighbour list is touched.  A new path is the moved file's even where the
index still names another track by it (a file moved over one of the model's files, whose
track the sync then removes): ``path:`` finds the file that is there now.

A file without a title tag is called by its name, so a renamed one also gets its new
title (and artist, from "Artist - Title"): in its document, in the titles and the
title index's arrays made from them, and in the track table's strings (with its song),
and in the review links of the tracks a review calls like it (``related.py``).
"""
from __future__ import annotations

import json
import time
import zlib
from typing import Any, Mapping, Sequence

import numpy as np

from models.errors import BadRequest, TrackNotFound
from models.ingest import id_key

from .codec import FAST
from .drafts import Change, Draft, Step
from .model_store import ModelStore
from .related import retitled_links
from .titles import kept_rows, updated_titles
from .updates import UpdateResult
from .upkeep import guard


class Relocation:
    """Moves tracks of ``store``'s live model to new paths; ``on_step`` hears each stage
    of the publish as an update's do."""

    def __init__(self, store: ModelStore, on_step: Step | None = None) -> None:
        self.store = store
        self.on_step = on_step or (lambda _stage: None)

    @guard(bulk=True)
    def move(self, paths: Mapping[str, str],
             names: Mapping[str, tuple[str, str]] | None = None,
             music_folders: Sequence[str] | None = None) -> UpdateResult:
        """Give each track id of ``paths`` its new path (as the model stores paths:
        relative to its music folder, or absolute), and each of ``names`` its new (title,
        artist); every id must name a track.  ``music_folders``: the model's music folders
        now (meta ``music_folders``), when one of them moved with its files."""
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
        names = {i: n for i, n in (names or {}).items() if i in paths}
        new = {row: _moved(doc, paths[doc["id"]], names.get(doc["id"]))
               for row, doc in old.items()}
        if names:  # the review links of other tracks to a renamed one name it anew
            new = retitled_links(self.store, base, new, {i: n[0] for i, n in names.items()})
        renamed = {row: names[doc["id"]] for row, doc in old.items() if doc["id"] in names}
        size = int(meta["tracks"])
        change = Change(new, old, _no_list_changes(meta), size, size,
                        moved_from={row: row for row in new},
                        claimed=frozenset(id_key("path", p) for p in paths.values()),
                        sets=self._renamed(base, renamed) if renamed else {})
        if music_folders is not None:
            meta = {**meta, "music_folders": list(music_folders)}
        version = Draft(self.store, self.on_step).publish(base, meta, change, "relocate",
                                                          ids)
        return UpdateResult(version, base, size, seconds=time.perf_counter() - started)

    @guard(bulk=True)
    def reroot(self, folder: str) -> UpdateResult:
        """Make ``folder`` the music folder the model's relative paths are under (the
        folder it was built from, moved whole)."""
        started = time.perf_counter()
        base = self.store.current_version()
        meta = self.store.meta(base)
        size = int(meta["tracks"])
        change = Change({}, {}, _no_list_changes(meta), size, size)
        version = Draft(self.store, self.on_step).publish(
            base, {**meta, "audio_root": folder}, change, "reroot", [])
        return UpdateResult(version, base, size, seconds=time.perf_counter() - started)

    def _renamed(self, base: str, names: dict[int, tuple[str, str]]) -> dict[str, bytes]:
        """The titles and table strings of ``base`` with the rows of ``names`` (row ->
        (title, artist)) renamed, and the title index's prebuilt arrays made from the
        live version's for them (a worker would otherwise make them anew)."""
        from models.build import rename_rows
        old = self.store.titles(base)
        titles = [list(t) for t in old]
        for row, (title, artist) in names.items():
            titles[row][:2] = [title, artist]
        strings = json.loads(zlib.decompress(self.store.raw(base, "table_strings")))
        rename_rows(strings, names)
        albums = strings["albums"]  # a rename keeps the album
        return {**updated_titles(self.store, base, old, albums, titles, albums,
                                 kept_rows(len(titles), changed=list(names))),
                "table_strings": zlib.compress(json.dumps(strings).encode(), FAST)}


def _no_list_changes(meta: Mapping[str, Any]) -> Any:
    """A change to no neighbour list: a file's place says nothing of how it feels."""
    from models.build import ListChanges
    return ListChanges({}, np.zeros((0, 2), np.float32), int(meta["k"]))


def _moved(doc: dict[str, Any], path: str, name: tuple[str, str] | None) -> dict[str, Any]:
    """``doc`` with its file at ``path`` and, when given, its new (title, artist)."""
    named = {"title": name[0], "artist": name[1]} if name else {}
    return {**doc, **named, "external_ids": {**(doc.get("external_ids") or {}), "path": path}}
