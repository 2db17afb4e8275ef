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
from models.errors import BadRequest
from service.store import ModelStore


def unmounted(store: ModelStore, folders: Sequence[str], force: bool,
              others: bool = False) -> tuple[str, ...]:
    """``folders`` without those that hold no audio file (or are gone) while the live
    model has tracks in them, each named and its tracks kept (``force``: all of them,
    the tracks of a folder emptied on purpose taken out).  When no folder holds an audio
    file (a sync of the NAS alone while it is not mounted) and nothing ``others`` (an
    add's catalogs) is read, it is refused, naming the folder and its tracks (before,
    "no audio files in FOLDER", with or without ``--force``).  A folder the model has
    no track in is left for the reading to refuse: "no audio files in ...", "no such
    folder" (a typing slip).  ``add`` (no ``force``) reads what this returns too."""
    bare = [f for f in folders if not os.path.isfile(f) and not has_audio(f)]  # a file named
    if not bare:
        return tuple(folders)
    held = _held(store, bare)
    empty = [folder for folder in bare if held[folder]]
    if empty and len(bare) == len(folders) and not others:
        raise BadRequest(f"{_unmounted(empty[0], held[empty[0]])}: nothing changed; sync "
                         "it once it is there (emptied on purpose: `feelalike sync` it "
                         "beside another music folder with --force)")
    if force or not empty or len(bare) == len(folders):
        return tuple(folders)
    for folder in empty:
        click.echo(f"note: {_unmounted(folder, held[folder])}: they are kept; sync it once "
                   "it is there, or with --force if it was emptied on purpose", err=True)
    return tuple(folder for folder in folders if folder not in empty)


def _unmounted(folder: str, tracks: int) -> str:
    """What is said of ``folder``, holding no audio file while the model has ``tracks``
    in it (one wording for sync and add, a note or a refusal)."""
    what = "holds no audio file" if os.path.isdir(folder) else "is not there"
    are = "is" if tracks == 1 else "are"
    return f"{folder} {what}, but {tracks} of the model's tracks {are} in it (not mounted?)"


def _held(store: ModelStore, folders: Sequence[str]) -> dict[str, int]:
    """How many of the live model's tracks have their files in each of ``folders``."""
    version = store.current_version()
    meta = store.meta(version)
    root = meta.get("audio_root") or ""
    files = [Path(os.path.abspath(os.path.join(root, path)))
             for doc in store.tracks(version, range(int(meta.get("tracks", 0))))
             if (path := (doc.get("external_ids") or {}).get("path"))
             and (root or os.path.isabs(path))]
    return {folder: sum(f.is_relative_to(os.path.abspath(folder)) for f in files)
            for folder in folders}
