"""``feelalike add`` and ``feelalike remove``: change the live model without a rebuild.

Both publish a new model version the same way a build does; on any error the live
model stays as it was (see ``service/store/updates.py``).
"""
from __future__ import annotations

from typing import Sequence

import click

from models.audio import is_file_id
from models.errors import BadRequest, TrackExists, TrackNotFound
from models.ingest import Track, recording_keys
from service.store import (ModelShrinks, ModelStore, Updater, UpdateResult, one_command,
                           open_store)

from .folders import FolderChanges, note_gone, read_sources
from .mounts import unmounted
from .moves import follow_root, record_moves
from .output import note_unplaced


SHOWN = 5  # removed track ids named on the summary line


def summary(result: UpdateResult, verb: str, count: int) -> str:
    return (f"{verb} {count} track(s): model {result.version} ({result.tracks} tracks, "
            f"{result.lists_rewritten} neighbour lists rewritten, {result.seconds:.2f}s; "
            f"was {result.base})")


@click.command()
@click.option("--catalog", "catalogs", multiple=True,
              help="Catalog file of the tracks to add (.csv, .tsv, .parquet, .jsonl); "
              "repeatable.")
@click.option("--audio-dir", "audio_dirs", multiple=True,
              help="Folder of audio files to analyse and add as tracks; repeatable.")
@click.option("--map", "mapping", multiple=True, metavar="FIELD=COLUMN",
              help="Explicit column for a field, e.g. --map title=Song.")
@click.option("--new-only", is_flag=True, help="Skip tracks already in the model (e.g. "
              "the files of a folder added before) and tracks removed since the last "
              "build, instead of refusing them.")
@click.option("--include-removed", is_flag=True, help="With --new-only, add the tracks "
              "removed since the last build again too.")
def add(catalogs: tuple[str, ...], audio_dirs: tuple[str, ...],
        mapping: tuple[str, ...], new_only: bool, include_removed: bool) -> None:
    """Add tracks to the live model (ids already in it are refused, or skipped with
    --new-only). Files in a folder inside the live model's music folder get paths
    relative to that folder, like the files the build found there."""
    if include_removed and not new_only:
        raise BadRequest("--include-removed goes with --new-only (without it, every "
                         "track is added, removed or not)", field="include_removed")
    store = open_store()  # a folder left unmounted: its tracks are no deleted files
    tracks, changes = read_sources(store, catalogs, mapping,
                                   unmounted(store, audio_dirs, False, others=bool(catalogs)).read)
    note_gone(changes)
    with one_command(store, "add"):  # `feelalike rollback` undoes its moves and adds at once
        _take_in(store, tracks, changes, new_only, include_removed)


def _take_in(store: ModelStore, tracks: list[Track], changes: FolderChanges, new_only: bool,
             include_removed: bool) -> None:
    """Publish what ``add`` found: the music folder moved, the files moved, the tracks."""
    follow_root(store, changes)
    # add records where files went, also those with new tags or names (sync replaces them)
    moved = {**changes.moved, **{i: changes.changed[i].external_ids["path"]
                                 for i in changes.renamed}}
    if moved:
        record_moves(store, moved, changes.names, changes.moved_from)
        tracks = [t for t in tracks if t.id not in moved]
    if new_only:  # removed ones among the new only: a track in the model is not skipped
        tracks = _new(store, tracks)
        tracks = tracks if include_removed else not_removed(store, tracks)
    if tracks:
        try:
            result = Updater(store).add(tracks)
        except TrackExists as exc:  # adding a folder again: skipping is what was meant
            raise TrackExists(f"{exc.message}; --new-only adds only the new ones",
                              **exc.extra) from None
        click.echo(summary(result, "added", len(tracks)))
        note_unplaced(len(result.unplaced), added=True)


def not_removed(store: ModelStore, tracks: list) -> list:
    """The tracks ``remove`` did not take out since the last build; says how many it
    did."""
    keys = [[t.id, *recording_keys(t.external_ids)] for t in tracks]
    removed = store.removed_among([k for ks in keys for k in ks])
    kept, at = [], 0
    for track, ks in zip(tracks, keys):
        if not any(removed[at:at + len(ks)]):
            kept.append(track)
        at += len(ks)
    if len(kept) < len(tracks):
        click.echo(f"{len(tracks) - len(kept)} track(s) removed since the last build: "
                   "skipped (--include-removed adds them again)", err=True)
    return kept


def _new(store: ModelStore, tracks: list) -> list:
    """The tracks the live model lacks; says how many were already in it, and which of
    those changed at their path."""
    new, changed = split_new(store, tracks)
    if len(new) < len(tracks):
        click.echo(f"{len(tracks) - len(new)} track(s) already in the model: skipped"
                   + ("" if new else "; nothing new to add"), err=not new)
    if changed:
        shown = ", ".join(changed[:3]) + (" ..." if len(changed) > 3 else "")
        click.echo(f"note: {len(changed)} of them changed since the build (re-tagged or "
                   f"re-encoded: {shown}); the model keeps them as they were: `feelalike "
                   "sync FOLDER` or `feelalike remove path:...` then add them again, or build "
                   "again", err=True)
    return new


def split_new(store: ModelStore, tracks: Sequence[Track], leaving: Sequence[str] = ()
              ) -> tuple[list[Track], list[str]]:
    """The tracks the live model lacks, by id and by external id (a file the build
    merged into a catalog row has the row's id; a re-tagged file, a new hash), and the
    paths of those it has other content at (a file changed in place).  The tracks
    ``leaving`` (ids being taken out) count as gone already."""
    version = store.current_version()
    keys = [recording_keys(t.external_ids) for t in tracks]
    rows, known = store.rows_of(version, [t.id for t in tracks],
                                [k for ks in keys for k in ks])
    out = set(store.rows_of(version, list(leaving), [])[0]) - {None} if leaving else set()
    known = [None if r in out else r for r in known]
    new, at = [], 0
    at_path: dict[int, Track] = {}  # row holding a path -> the track now there
    for track, row, ks in zip(tracks, rows, keys):
        hits = known[at:at + len(ks)]
        if row is None and all(r is None for r in hits):
            new.append(track)
        elif row is None:
            at_path.update((r, track) for k, r in zip(ks, hits)
                           if r is not None and k.startswith("path:"))
        at += len(ks)
    docs = store.tracks(version, list(at_path)) if at_path else []
    # a file the build merged into a catalog row has the row's id: no telling its content
    return new, [t.external_ids["path"] for t, doc in zip(at_path.values(), docs)
                 if is_file_id(doc["id"]) or not is_file_id(t.id)]


def _no_blank_ids(ctx: click.Context, param: click.Parameter,
                  value: tuple[str, ...]) -> tuple[str, ...]:
    """A blank id (an unset variable in a script) is refused as the API refuses it."""
    for place, track_id in enumerate(value):
        if not track_id.strip():
            raise BadRequest(f"ids[{place}]: must not be blank; `feelalike tracks WORDS` "
                             "finds ids", field=f"ids[{place}]")
    return value


@click.command()
@click.argument("ids", nargs=-1, required=True, callback=_no_blank_ids)
@click.option("--force", is_flag=True, help="Remove even when the model would lose more "
              "of its tracks than FEELALIKE_MAX_SHRINK allows.")
def remove(ids: tuple[str, ...], force: bool) -> None:
    """Remove tracks from the live model, by track id or external id (isrc:..., path:...;
    a file also by path: and its absolute path). `feelalike tracks` finds ids."""
    try:
        result = Updater(open_store()).remove(list(ids), force=force, paths=list(ids))
    except TrackNotFound as exc:  # a title given for an id: say how to find the id
        raise TrackNotFound(f"{exc.message}; `feelalike tracks WORDS` finds ids") from None
    except ModelShrinks as exc:
        raise exc.overridden_by("--force") from None
    shown = ", ".join(result.removed[:SHOWN]) + (", ..." if len(result.removed) > SHOWN else "")
    click.echo(summary(result, "removed", len(result.removed)) + f"; removed {shown}")
