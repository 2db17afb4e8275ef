"""Incremental updates of the live model: add or remove tracks, published as a new version.

An update reads the live version, lets ``models.build`` compute what changes (the new
tracks' vectors and lists, the lists they enter or that lose a track), and writes a
NEW version (``drafts.py``): every key of :data:`VERSION_KEYS` is copied from the
live version (server-side where Redis allows, so keys added to that table are carried
along), then only what changed is written: the buckets of documents, id indexes and
neighbour lists that hold a change, a segment of new rows for the vectors, table
numbers and feel coordinates (an add) or those arrays whole (a removal moves rows),
the table strings, titles, title index arrays (``titles.py``) and hub state.  Then the
activation of a full publish flips ``current``, if the update's base is still live.

An update that fails leaves the live model untouched: nothing is written before the
input is checked, and a failure while writing deletes the pending version (with
Redis gone, the version's registration deadline and its keys' time to live let the
next publish or sweep remove it).
"""
from __future__ import annotations

import json
import time
import zlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Sequence

import numpy as np

from models.errors import BadRequest, TrackExists, TrackNotFound
from models.ingest import Track, recording_keys

from .codec import FAST, SCORE_DTYPE, track_document
from .drafts import Change, Draft, Step
from .errors import ModelNotReady, RebuildNeeded
from .id_clashes import refuse_id_clashes, taken_ids
from .model_store import ModelStore
from .named_rows import refuse_malformed, rows_named
from .related import unlinked
from .titles import appended_titles, updated_titles
from .upkeep import guard

if TYPE_CHECKING:
    from models.build import FittedState

SHOWN = 10
# models.build is imported inside the methods that run an update: it brings the whole
# offline stack (scikit-learn, scipy, ...), about 90 MB that an API worker which never
# updates would otherwise carry (service.store is imported by every worker).


@dataclass
class UpdateResult:
    version: str
    base: str
    tracks: int
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    lists_rewritten: int = 0
    seconds: float = 0.0
    #: added tracks with nothing to place them by: found, never recommended
    unplaced: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"model_version": self.version, "previous_version": self.base,
                "tracks": self.tracks, "added": self.added, "removed": self.removed,
                "lists_rewritten": self.lists_rewritten, "seconds": round(self.seconds, 3),
                "unplaced": self.unplaced}


class Updater:
    """Adds and removes tracks of ``store``'s live model; ``on_step`` hears each stage
    (``read``, ``computed``, ``copied``, ``written``) as it ends."""

    def __init__(self, store: ModelStore, on_step: Step | None = None) -> None:
        self.store = store
        self.on_step = on_step or (lambda _stage: None)
        self._seen: dict[int, list] = {}  # neighbour buckets of the base, unpacked

    def _key(self, name: str, version: str) -> str:
        return self.store.key_for(name, version=version)

    def _live(self) -> tuple[str, dict[str, Any], FittedState, np.ndarray]:
        version = self.store.current_version()
        meta = self.store.meta(version)
        pipe = self.store.client.pipeline(transaction=False)
        for name in ("fitted", "hubs"):
            pipe.get(self._key(name, version))
        blob, hubs = pipe.execute()
        from models.build import FittedState
        if blob is None or hubs is None:
            raise RebuildNeeded(f"the live model {version} was built before incremental "
                                "updates existed; run `feelalike build` once")
        return version, meta, FittedState.from_bytes(blob), \
            np.frombuffer(hubs, SCORE_DTYPE).reshape(-1, 2)

    # -- adding --------------------------------------------------------------------
    @guard(bulk=True)
    def add(self, tracks: Sequence[Track]) -> UpdateResult:
        """Add ``tracks`` (ids must be new: an existing id refuses the whole update)."""
        started, self._seen = time.perf_counter(), {}
        if not tracks:
            raise BadRequest("no tracks to add", field="tracks")
        base, meta, state, hubs = self._live()
        ids = [t.id for t in tracks]
        taken = taken_ids(self.store, base, ids)
        if taken:
            raise TrackExists(f"{len(taken)} track id(s) already in the model ("
                              f"{', '.join(taken[:SHOWN])}); remove them first to replace "
                              "them", ids=taken[:SHOWN])
        refuse_id_clashes(self.store, base, tracks)
        n, table = int(meta["tracks"]), json.loads(zlib.decompress(self._read(base)))
        everything = self.store.all_vectors(base)
        titles = zlib.decompress(self.store.raw(base, "titles"))
        self.on_step("read")
        from models.build import add_lists, extend_payload, place
        from models.ranking import placed_rows
        placed = place(tracks, state, lambda keys: self._album_mates(base, table, keys))
        unplaced = \
            [i for i, ok in zip(ids, placed_rows(placed.vectors)) if not ok]
        everything = np.vstack([everything, placed.vectors])
        lists = add_lists(everything, n, int(meta["k"]), hubs, state,
                          lambda rows: self._stored_lists(base, rows))
        numbers = extend_payload(table, tracks, placed.profiles, placed.vectors)
        more = [[t.title, t.artist, t.popularity or 0.0] for t in tracks]
        documents = {n + i: track_document(t, p) for i, (t, p) in
                     enumerate(zip(tracks, placed.profiles))}
        self.on_step("computed")
        sets = {"table_strings": zlib.compress(json.dumps(table).encode(), FAST),
                **appended_titles(self.store, base, titles, more, table["albums"]),
                "hubs": lists.hubs.astype(SCORE_DTYPE).tobytes()}
        segments = {"vectors": placed.vectors, "table": np.frombuffer(numbers, SCORE_DTYPE)}
        if placed.own is not None and self.store.coords(base) is not None:
            segments["coords"] = placed.own
        change = Change(documents, {}, lists, n + len(tracks), n, sets=sets,
                        segments=segments, seen_lists=self._seen)
        version = Draft(self.store, self.on_step).publish(base, meta, change, "add", ids)
        self.store.forget_removed([key for t in tracks
                                   for key in (t.id, *recording_keys(t.external_ids))])
        return UpdateResult(version, base, n + len(tracks), added=ids,
                            lists_rewritten=len(lists.lists),
                            seconds=time.perf_counter() - started, unplaced=unplaced)

    def _read(self, version: str) -> bytes:
        try:
            return self.store.raw(version, "table_strings")
        except ModelNotReady:
            raise RebuildNeeded(f"the live model {version} lacks parts an update needs; "
                                "rebuild it") from None

    def _album_mates(self, version: str, table: dict[str, Any],
                     keys: list[tuple[str, str]]) -> dict[tuple[str, str], np.ndarray]:
        """The stored own feel coordinates of the tracks of each album in ``keys``."""
        from models.build import album_key
        wanted, rows = set(keys), {}
        first = {album.split(" ", 1)[0] for album, _ in keys}  # a cheap test before folding
        for row, (album, artist) in enumerate(zip(table["albums"], table["artists"])):
            words = album.split(None, 1)
            if album and (words[0].casefold() if words else "") in first:
                key = album_key(album, artist)
                if key in wanted:
                    rows.setdefault(key, []).append(row)
        coords = self.store.coords(version)
        if not rows or coords is None:
            return {}
        return {album: coords[members] for album, members in rows.items()}

    def _stored_lists(self, version: str, rows: Sequence[int]) -> list[np.ndarray]:
        try:
            return [found for found, _ in self.store.lists(version, rows, self._seen)]
        except ModelNotReady:
            raise RebuildNeeded(f"the live model {version} lacks neighbour lists; "
                                "rebuild it") from None

    # -- removing ------------------------------------------------------------------
    @guard(bulk=True)
    def remove(self, ids: Sequence[str], *, force: bool = False,
               paths: Sequence[str] = (), remember: bool = True) -> UpdateResult:
        """Remove the tracks ``ids`` (track ids or external ids; every one must name a
        track, or nothing changes).  ``paths``: where each id was sent, for the 400 of a
        malformed external id (default ``ids[i]``).  ``remember``: note them as removed,
        so adding their folder again skips them (the user's choice); a sync taking out
        the tracks of deleted files does not, so a file that comes back is added."""
        started, self._seen = time.perf_counter(), {}
        paths = list(paths) or [f"ids[{i}]" for i in range(len(ids))]
        named: dict[str, str] = {}
        for name, path in zip(ids, paths):
            named.setdefault(name, path)  # the first place each id was sent
        ids = list(named)
        if not ids:
            raise BadRequest("no track ids to remove", field="ids")
        base, meta, state, hubs = self._live()
        rows = rows_named(self.store, base, meta.get("audio_root"), ids)
        for name, row in zip(ids, rows):
            if row is None:
                refuse_malformed(name, named[name])
        missing = [i for i, row in zip(ids, rows) if row is None]
        if missing:
            first = json.dumps(missing[0][:40], ensure_ascii=False) + (
                "..." if len(missing[0]) > 40 else "")  # quoted as every other message
            hint = "; it names a file of the model: give it as path:<file>" \
                if rows_named(self.store, base, meta.get("audio_root"),
                                    [f"path:{missing[0]}"])[0] is not None else ""
            raise TrackNotFound(f"no track with id {first}{hint}"
                                + (f" (and {len(missing) - 1} more)" if len(missing) > 1
                                   else ""), ids=missing[:SHOWN])
        removed = sorted({int(r) for r in rows})
        n = int(meta["tracks"])
        if len(removed) >= n:
            raise BadRequest("cannot remove every track of the model; build a new one",
                             field="ids")
        if not force:
            self.store.check_shrink(n - len(removed))
        table, titles = self.store.table(base), self.store.titles(base)
        lists, scores = self._all_lists(base, n)
        self.on_step("read")
        from models.build import compaction, remove_lists, take_table
        order = compaction(n, removed)
        changes = remove_lists(table.vectors, lists, scores, hubs, order, state)
        movers = {new: int(old) for new, old in enumerate(order) if new != old}
        docs = self.store.tracks(base, [*removed, *movers.values()])
        gone, moved = docs[:len(removed)], docs[len(removed):]
        old_titles, old_albums = titles, table.albums
        table, titles = take_table(table, order), [titles[i] for i in order]
        stored_titles = updated_titles(self.store, base, old_titles, old_albums, titles,
                                       table.albums, order)
        self.on_step("computed")
        coords = self.store.coords(base)
        numbers, strings = table.to_payload()
        arrays = {"vectors": table.vectors, "table": np.frombuffer(numbers, SCORE_DTYPE)}
        if coords is not None:
            arrays["coords"] = coords[order]
        docs = unlinked(self.store, base, dict(zip(movers, moved)), gone)
        change = Change(docs, dict(zip(removed, gone)), changes, len(order), n,
                        moved_from={**{row: row for row in docs}, **movers}, sets={
            **stored_titles, "table_strings": zlib.compress(strings.encode(), FAST),
            "hubs": changes.hubs.astype(SCORE_DTYPE).tobytes()},
            arrays=arrays, seen_lists=self._seen)
        ids = [doc["id"] for doc in gone]
        # recorded first: a removal interrupted after it went live must stay recorded
        keys = [k for doc in gone for k in (doc["id"], *recording_keys(doc.get("external_ids")
                                                                       or {}))]
        if remember:
            self.store.note_removed(keys)
        try:
            version = Draft(self.store, self.on_step).publish(base, meta, change, "remove", ids)
        except BaseException:
            if remember and self.store.is_current(base):  # the removal did not go live
                self.store.forget_removed(keys)
            raise
        return UpdateResult(version, base, len(order), removed=ids,
                            lists_rewritten=len(changes.lists),
                            seconds=time.perf_counter() - started)

    def _all_lists(self, version: str, n: int) -> tuple[np.ndarray, np.ndarray]:
        try:
            pairs = self.store.lists(version, range(n), self._seen)
        except ModelNotReady:
            raise RebuildNeeded(f"the live model {version} lacks neighbour lists; "
                                "rebuild it") from None
        return (np.array([p[0] for p in pairs], dtype=np.int32),
                np.array([p[1] for p in pairs], dtype=np.float32))
