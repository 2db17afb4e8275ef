"""Content hashes of audio files, remembered by path, size, modification time and
inode change time (ctime).

The analysis cache is keyed by each file's SHA-256, so every rebuild used to read every
byte of the library to find that nothing changed.  A file whose size and times are what
they were when it was hashed keeps its hash; anything else is hashed again.  Size and
modification time alone (as make and rsync decide) missed a tagger's edit: a new title
fits the tag's padding, so the size stays, and taggers can keep the modification time
(Picard's "preserve timestamps"); the inode change time moves with every write and
with setting the modification time back, and no program can set it (as git's index
checks it).  Hashes remembered before it counted are taken again once.

A path gone from the folder a run read (a file moved, renamed or deleted) is
forgotten when the hashes are written back: else every
reorganisation of a library left its old paths in the file for good, read and written
whole by every run.
"""
from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Callable

log = logging.getLogger(__name__)
FILE = "digests.json"


class DigestCache:
    """``{absolute path: [size, mtime_ns, ctime_ns, sha256]}`` in a JSON file of the
    cache folder."""

    def __init__(self, folder: str | Path) -> None:
        self.file = Path(folder) / FILE
        try:
            known = json.loads(self.file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            known = {}
        self.known: dict[str, list] = known if isinstance(known, dict) else {}
        self.changed = False
        self.seen: set[str] = set()  # the paths hashed or looked up by this run

    def digest(self, path: Path, hash_file: Callable[[Path], str]) -> str:
        """The file's SHA-256: remembered while its size and times are unchanged."""
        stat = path.stat()
        key = os.path.abspath(path)
        signature = [stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns]
        self.seen.add(key)
        kept = self.known.get(key)
        if isinstance(kept, list) and len(kept) == 4 and kept[:3] == signature:
            return str(kept[3])
        digest = hash_file(path)
        self.known[key] = [*signature, digest]
        self.changed = True
        return digest

    def save(self) -> None:
        """Write the hashes back (a folder that cannot be written costs a re-hash later)."""
        self._forget_gone()
        if not self.changed:
            return
        tmp = self.file.with_suffix(".part")
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_text(json.dumps(self.known), encoding="utf-8")
            os.replace(tmp, self.file)
        except OSError as exc:
            log.warning("file hashes not kept in %s: %s", self.file.parent, exc)

    def _forget_gone(self) -> None:
        """Forget the paths inside the folder this run's files share that are no longer
        there; paths elsewhere (another folder, a drive not mounted) are kept."""
        if not self.seen:
            return
        root = os.path.commonpath([os.path.dirname(p) for p in self.seen])
        inside = root.rstrip(os.sep) + os.sep
        gone = [key for key in self.known if key not in self.seen and key.startswith(inside)
                and not os.path.lexists(key)]
        for key in gone:
            del self.known[key]
        self.changed = self.changed or bool(gone)
