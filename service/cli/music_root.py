"""Which folder the live model's files are relative to, when a sync or add reads a
folder: the model's music folder, or the folder it was moved to whole.

A build stores its files' paths relative to its music folder (``audio_root``).  A
self-hoster who moves that folder (``mv ~/Music /mnt/big/Music``) and syncs the new
one had every file read as outside the model's folder: no deletion or rename in it was
seen, and the sync called the folder in step.  A music folder that is gone, and one
folder to read outside it that holds most of the model's files at the paths it stores,
is that folder moved: the model takes it as its music folder.  So is a folder that
holds the one read (``sync /mnt/big/Music/Jazz``) when the model's paths in it start
with the sub-folder's path (``Jazz/...``): the sync then does what a sync of the whole
moved folder would, for that sub-folder only.
"""
from __future__ import annotations

import os
from pathlib import PurePath
from typing import Iterator, Sequence

from service.store import ModelStore


def music_root(store: ModelStore, audio_dirs: Sequence[str]) -> tuple[str | None, str | None]:
    """(the music folder the model's paths are relative to, the folder it was before
    when ``audio_dirs`` is that folder moved, or inside it, else None)."""
    if not audio_dirs:
        return None, None
    version = store.current_version()
    meta = store.meta(version)
    root = meta.get("audio_root")
    folder = os.path.abspath(audio_dirs[0])
    if not root or len(audio_dirs) != 1 or os.path.isdir(root) or \
            os.path.commonpath([folder, root]) in (folder, root):
        return root, None
    paths = [path for doc in store.tracks(version, range(int(meta.get("tracks", 0))))
             if (path := (doc.get("external_ids") or {}).get("path"))
             and not os.path.isabs(path)]
    for candidate in _candidates(folder, root, paths):
        there = sum(os.path.exists(os.path.join(candidate, path)) for path in paths)
        if paths and 2 * there >= len(paths):
            return candidate, root
    return root, None


def _candidates(folder: str, root: str, paths: Sequence[str]) -> Iterator[str]:
    """``folder``, then each folder holding it (not the old ``root`` or one holding
    it) whose path to ``folder`` begins some of the model's ``paths``: the folders the
    music folder may have been moved to, nearest first."""
    yield folder
    heads = {PurePath(path).parts[:-1] for path in paths}
    tail: tuple[str, ...] = ()
    here = PurePath(folder)
    while here.parent != here:
        here, tail = here.parent, (here.name, *tail)
        if os.path.commonpath([str(here), root]) == str(here):
            return  # the old music folder's own parents: it is not moved there
        if any(head[:len(tail)] == tail for head in heads):
            yield str(here)


def music_folders(store: ModelStore, root: str | None) -> list[str]:
    """The live model's music folders, under ``root`` (its music folder, or the folder
    it was moved to): those its build read (``~/Music`` and ``/mnt/nas/music``), or its
    music folder alone for a model built before they were recorded."""
    if not root:
        return []
    meta = store.meta(store.current_version())
    return [os.path.normpath(os.path.join(root, folder))
            for folder in meta.get("music_folders", ["."])]
