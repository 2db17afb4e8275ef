"""Recording where the live model's files went: the new paths of moved files, the music
folder they were moved to when one moved whole, and the model's music folder moved whole.

A model names each file from the folders below its own music folder (meta
``music_folders``).  A music folder moved elsewhere (``mv /mnt/nas/music
/mnt/nas2/music``) and synced was followed, its moves recorded, but it stayed recorded
by its old place: a later ``add`` of a sub-folder of the new place (``add --audio-dir
/mnt/nas2/music/Kite``) read the new files below the folder given, and they had no
artist or album from their ``Artist/Album`` folders.
"""
from __future__ import annotations

import os
from collections import Counter
from pathlib import PurePath
from typing import Any, Mapping

import click

from service.store import ModelStore, Relocation

from .folders import FolderChanges


def record_moves(store: ModelStore, moved: dict[str, str],
                 names: dict[str, tuple[str, str]] | None = None,
                 moved_from: Mapping[str, str] | None = None) -> None:
    """Publish the new paths of ``moved`` tracks, and the new ``names`` (title, artist)
    of those called by their files' names, as a model version of their own, so exports
    and ``path:`` seeds find the files where they are now, and search finds them by the
    names they have now; with their old paths (``moved_from``), each music folder gone
    whose files were moved to one other folder is recorded there in the same version."""
    meta = store.meta(store.current_version())
    folders = moved_folders(meta, moved, moved_from or {})
    result = Relocation(store).move(moved, names, music_folders=folders[0] if folders else None)
    first = next(iter(moved.values()))
    named = len(set(names or ()) & set(moved))
    click.echo(f"recorded the new paths of {len(moved)} moved or renamed track(s), e.g. "
               f"{first}" + (f" ({named} with a title from the new file name)" if named
                             else "") + f": model {result.version} (was {result.base})")
    for before, now in (folders[1] if folders else {}).items():
        click.echo(f"the music folder {before} is gone and {now} holds its files: taken as "
                   f"a music folder in model {result.version}")


def moved_folders(meta: Mapping[str, Any], moved: Mapping[str, str],
                  moved_from: Mapping[str, str]) -> tuple[list[str], dict[str, str]] | None:
    """(the model's ``music_folders`` with each that is gone and whose files were
    ``moved`` from it (track id -> new path; ``moved_from``: old path, both as the model
    stores them) to one existing folder, at the same paths below it, replaced by that
    folder, {old folder: new folder}), or None when no music folder moved.  A folder
    outside the model's music folder is recorded by its absolute path, as its files
    are.  The model's music folder itself moved whole is ``follow_root``'s."""
    root, recorded = meta.get("audio_root"), meta.get("music_folders")
    if not (root and recorded and moved_from and os.path.isdir(root)):
        return None
    out, found = list(recorded), {}
    for at, folder in enumerate(recorded):
        old = PurePath(os.path.normpath(os.path.join(root, folder)))
        if folder == "." or os.path.isdir(old):
            continue
        places: Counter[str] = Counter()
        for track_id, before in moved_from.items():
            was = PurePath(os.path.normpath(os.path.join(root, before)))
            now = PurePath(os.path.normpath(os.path.join(root, moved.get(track_id, ""))))
            if was.is_relative_to(old) and track_id in moved:
                below = was.relative_to(old).parts
                if now.parts[-len(below):] == below and len(now.parts) > len(below):
                    places[str(PurePath(*now.parts[:-len(below)]))] += 1
        place = places.most_common(1)[0][0] if places else None
        if place and os.path.isdir(place):
            inside = PurePath(place).is_relative_to(root)
            out[at] = PurePath(os.path.relpath(place, root)).as_posix() if inside else place
            found[str(old)] = place
    return (list(dict.fromkeys(out)), found) if found else None


def follow_root(store: ModelStore, changes: FolderChanges) -> None:
    """Take the folder the model's music folder was moved to as its music folder (a
    model version of its own), so its files' paths are read under it."""
    if changes.root_moved:
        before, now = changes.root_moved
        result = Relocation(store).reroot(now)
        click.echo(f"the model's music folder {before} is gone and {now} holds its files: "
                   f"taken as its music folder: model {result.version} (was {result.base})")
