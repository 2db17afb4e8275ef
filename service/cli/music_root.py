"""Which folder the live model's files are relative to, when a sync or add reads a
folder: the model's music folder, or the folder it was moved to whole.

A build stores its files' paths relative to its music folder (``audio_root``).  A
self-hoster who moves that folder (``mv ~/Music /mnt/big/Music``) and syncs the new
one had every file read as outside the model's folder: no deletion or rename in it was
seen, and the sync called the folder in step.  A music folder that is gone, and one
folder to read outside it that holds most of the model's files at the paths it stores,
is that folder moved: the model takes it as its music folder.
"""
from __future__ import annotations

import os
from typing import Sequence

from service.store import ModelStore


def music_root(store: ModelStore, audio_dirs: Sequence[str]) -> tuple[str | None, str | None]:
    """(the music folder the model's paths are relative to, the folder it was before
    when ``audio_dirs`` is that folder moved, else None)."""
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
    there = sum(os.path.exists(os.path.join(folder, path)) for path in paths)
    return (folder, root) if paths and 2 * there >= len(paths) else (root, None)
