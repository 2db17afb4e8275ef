"""A music folder that is empty or gone, among several a sync or add reads: a share not
mounted (``/mnt/nas/music`` left an empty mount point), a drive not plugged in.

Read as it is, every track the model has in it is a deleted file: a nightly ``sync
~/Music /mnt/nas/music`` while the NAS is down took out all of the NAS's tracks (only
FEELALIKE_MAX_SHRINK stopped it, and only when they were over half of the model), and
an ``add`` of both named them as deleted files, for ``remove`` or ``sync`` to take out.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Sequence

import click

from models.audio import has_audio
from service.store import ModelStore


def unmounted(store: ModelStore, folders: Sequence[str], force: bool) -> tuple[str, ...]:
    """``folders`` without those that hold no audio file (or are gone) while the live
    model has tracks in them, each named and its tracks kept.  Every folder empty, or
    ``force``: all of them (a sync of one empty folder is refused as "no audio files in
    ...", of a missing one as "no such folder"; ``--force`` takes the tracks of a folder
    emptied on purpose out).  A missing folder the model has no track in is no share
    left unmounted but a typing slip: it is refused as "no such folder".  ``add`` (no
    ``force``) reads the folders this returns too, and says the same."""
    if force or len(folders) < 2:
        return tuple(folders)
    version = store.current_version()
    meta = store.meta(version)
    root = meta.get("audio_root") or ""
    files = [Path(os.path.abspath(os.path.join(root, path)))
             for doc in store.tracks(version, range(int(meta.get("tracks", 0))))
             if (path := (doc.get("external_ids") or {}).get("path"))
             and (root or os.path.isabs(path))]
    held = {folder: sum(f.is_relative_to(os.path.abspath(folder)) for f in files)
            for folder in folders}
    empty = [folder for folder in folders if held[folder] and not has_audio(folder)]
    if not empty or len(empty) == len(folders):
        return tuple(folders)
    for folder in empty:
        what = "holds no audio file" if os.path.isdir(folder) else "is not there"
        click.echo(f"note: {folder} {what}, but {held[folder]} of the model's tracks are in "
                   "it (not mounted?): they are kept; sync it once it is there, or with "
                   "--force if it was emptied on purpose", err=True)
    return tuple(folder for folder in folders if folder not in empty)
