"""Content hashes of audio files, remembered by path, size and modification time.

The analysis cache is keyed by each file's SHA-256, so every rebuild used to read every
byte of the library to find that nothing changed.  A file whose size and modification
time are what they were when it was hashed keeps its hash (as make and rsync decide);
anything else is hashed again.
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
    """``{absolute path: [size, mtime_ns, sha256]}`` in a JSON file of the cache folder."""

    def __init__(self, folder: str | Path) -> None:
        self.file = Path(folder) / FILE
        try:
            known = json.loads(self.file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            known = {}
        self.known: dict[str, list] = known if isinstance(known, dict) else {}
        self.changed = False

    def digest(self, path: Path, hash_file: Callable[[Path], str]) -> str:
        """The file's SHA-256: remembered while its size and time are unchanged."""
        stat = path.stat()
        key, signature = os.path.abspath(path), [stat.st_size, stat.st_mtime_ns]
        kept = self.known.get(key)
        if isinstance(kept, list) and len(kept) == 3 and kept[:2] == signature:
            return str(kept[2])
        digest = hash_file(path)
        self.known[key] = [*signature, digest]
        self.changed = True
        return digest

    def save(self) -> None:
        """Write the hashes back (a folder that cannot be written costs a re-hash later)."""
        if not self.changed:
            return
        tmp = self.file.with_suffix(".part")
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_text(json.dumps(self.known), encoding="utf-8")
            os.replace(tmp, self.file)
        except OSError as exc:
            log.warning("file hashes not kept in %s: %s", self.file.parent, exc)
