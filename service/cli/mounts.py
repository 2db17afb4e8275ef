"""A music folder that is empty or gone, among several a sync or add reads: a share not
mounted (``/mnt/nas/music`` left an empty mount point), a drive not plugged in.

Read as it is, every track the model has in it is a deleted file: a nightly ``sync
~/Music /mnt/nas/music`` while the NAS is down took out all of the NAS's tracks (only
FEELALIKE_MAX_SHRINK stopped it, and only when they were over half of the model), and
an ``add`` of both named them as deleted files, for ``remove`` or ``sync`` to take out.
So their tracks are kept; ``sync --force`` takes them out (a drive given up, a folder
deleted or emptied on purpose), and a missing folder the model has no track in is a
typing slip, refused with or without it.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple, Sequence

import click

from models.audio import has_audio
from models.errors import AudioError, BadRequest
from service.store import ModelStore


class Reading(NamedTuple):
    """The music folders a sync or add reads, and (``--force``) those whose tracks are
    taken out unread: emptied on purpose, or gone for good."""

    read: tuple[str, ...]
    emptied: tuple[str, ...] = ()


def unmounted(store: ModelStore, folders: Sequence[str], force: bool,
              others: bool = False) -> Reading:
    """``folders`` without those that hold no audio file, or are gone, while the live
    model has tracks in them: each named and its tracks kept, or (``force``) its tracks
    taken out as deleted files (a drive given up, a folder deleted or emptied on
    purpose).  When no folder holds an audio file and nothing ``others`` (an add's
    catalogs) is read, it is refused without ``force``, naming the folder and its
    tracks.  A missing folder the model has no track in is a typing slip: refused
    ("no such folder"), ``--force`` or not, before anything is said of the others."""
    bare = [f for f in folders if not os.path.isfile(f) and not has_audio(f)]  # a file named
    if not bare:
        return Reading(tuple(folders))
    held = _held(store, bare)
    for folder in bare:
        if not held[folder] and not os.path.exists(folder):
            raise AudioError(f"{folder}: no such folder")
    empty = [folder for folder in bare if held[folder]]
    rest = tuple(folder for folder in folders if folder not in empty)
    if force:
        for folder in empty:
            click.echo(f"note: {folder} {_state(folder)}: with --force its {held[folder]} "
                       "track(s) count as deleted files", err=True)
        return Reading(rest, tuple(empty))
    if empty and len(bare) == len(folders) and not others:
        raise BadRequest(f"{_unmounted(empty[0], held[empty[0]])}: nothing changed; {LATER}")
    for folder in empty:
        click.echo(f"note: {_unmounted(folder, held[folder])}: they are kept; {LATER}",
                   err=True)
    return Reading(rest)


#: what to do of a folder taken for not mounted (sync's --force: ``add`` has none)
LATER = "sync it once it is there, or with --force if its music is gone for good"


def _state(folder: str) -> str:
    return "holds no audio file" if os.path.isdir(folder) else "is not there"


def _unmounted(folder: str, tracks: int) -> str:
    """What is said of ``folder``, holding no audio file while the model has ``tracks``
    in it (one wording for sync and add, a note or a refusal)."""
    are = "is" if tracks == 1 else "are"
    return f"{folder} {_state(folder)}, but {tracks} of the model's tracks {are} in it " \
        "(not mounted?)"


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
