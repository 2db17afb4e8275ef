"""Analysis results, and lasting failures, by a file's content hash.

A file's result is kept under the SHA-256 of its bytes plus the analysis version,
window and embedding, so a re-run only analyses files that changed and renaming or
moving a file costs nothing.  A file that cannot be analysed for what it holds (too
short, silent, undecodable) is kept too, with the decoders that failed on it, so the
next build reports it without decoding it again until those decoders change.
"""
from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any

from .analysis import ANALYSIS_VERSION

log = logging.getLogger(__name__)


class AudioCache:
    """JSON results by content hash in a folder (e.g. DATA_HOME/audio-cache)."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)

    def _file(self, digest: str, window: float, embedding: str = "",
              kind: str = "") -> Path:
        tail = f"-{embedding}" if embedding else ""
        return self.folder / f"{digest}-v{ANALYSIS_VERSION}-w{window:g}{tail}{kind}.json"

    def get(self, digest: str, window: float, embedding: str = "") -> dict[str, Any] | None:
        return self._read(self._file(digest, window, embedding))

    def failure(self, digest: str, window: float, embedding: str = "") -> dict[str, Any] | None:
        """A lasting failure kept for these bytes: ``failed`` (the message), ``path`` (the
        file it names) and ``decoders``; apart from results, which older feelalikes
        sharing the cache read."""
        return self._read(self._file(digest, window, embedding, ".failed"))

    def put(self, digest: str, window: float, result: dict[str, Any],
            embedding: str = "") -> None:
        """Keep a result; a cache that cannot be written costs a later re-analysis, not
        this run (the reason is logged)."""
        self._write(self._file(digest, window, embedding), result)

    def put_failure(self, digest: str, window: float, embedding: str, message: str,
                    path: str, decoders: str) -> None:
        """Keep a lasting failure (its message names ``path``) found with ``decoders``."""
        self._write(self._file(digest, window, embedding, ".failed"),
                    {"failed": message, "path": path, "decoders": decoders})

    @staticmethod
    def _read(file: Path) -> dict[str, Any] | None:
        try:
            return json.loads(file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def _write(self, target: Path, record: dict[str, Any]) -> None:
        tmp = target.with_suffix(".part")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            tmp.write_text(json.dumps(record), encoding="utf-8")
            os.replace(tmp, target)
        except OSError as exc:
            log.warning("audio analysis not cached in %s: %s", self.folder, exc)
