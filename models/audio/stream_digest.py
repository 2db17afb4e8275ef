"""A digest of a file's audio stream alone, so a re-tagged file keeps its analysis.

The analysis cache is keyed by a file's bytes, so a tagger run over a library (new
titles, cover art, ReplayGain tags) made every file new content, and every file was
analysed again: the same sound, at about half a second of work each.  ffmpeg's
``streamhash`` muxer hashes the audio packets as stored, without decoding them and
without the tags around them (about 0.08 s a file, mostly starting the program), so a
file whose sound was analysed before under other tags finds that result by this
digest.  Without ffmpeg, or when ffmpeg cannot read the file, there is no stream
digest and the file is analysed as before.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

from ..errors import AudioError
from .cache import AudioCache
from .decoding import cache_digest
from .speech_pass import speech_of, unscored, with_score

#: how a stream digest's cache entries are named, apart from whole-file digests
PREFIX = "stream-"
_LINE = re.compile(rb"^0,a,SHA256=([0-9a-f]{64})\s*$", re.MULTILINE)
TIMEOUT = 120.0  # seconds: a file ffmpeg cannot get through is analysed, not waited on


def stream_digest(path: str | Path) -> str | None:
    """The SHA-256 of the first audio stream's packets, or None (no ffmpeg, a file it
    cannot read)."""
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        return None
    source = b"file:" + os.fsencode(Path(path).absolute())  # a colon is no protocol
    try:
        run = subprocess.run([ffmpeg, "-v", "error", "-nostdin", "-i", source, "-map", "0:a:0",
                              "-c", "copy", "-f", "streamhash", "-hash", "sha256", "-"],
                             capture_output=True, check=False, timeout=TIMEOUT)
    except (OSError, subprocess.TimeoutExpired):
        return None
    found = _LINE.search(run.stdout) if run.returncode == 0 else None
    return found.group(1).decode() if found else None


def stream_key(path: str | Path, digest: str) -> str:
    """The cache name of a stream digest (decoded by the same reader as its file)."""
    return cache_digest(Path(path), PREFIX + digest)


def analysed_sound(folder: str | Path, path: str, window: float, embedding: str
                   ) -> tuple[str | None, dict[str, Any] | None]:
    """``path``'s stream digest, and the result kept for that sound by an earlier
    analysis (None: none kept, or no digest); one kept before the speech score existed
    gets it first (:mod:`.speech_pass`), here and in the cache."""
    digest = stream_digest(path)
    if digest is None:
        return None, None
    cache = AudioCache(folder)
    kept = cache.get(stream_key(path, digest), window, embedding)
    if kept is not None and unscored(kept):  # kept before the speech score existed
        try:
            kept = with_score(kept, speech_of(path, window))
        except AudioError:
            return digest, None  # analysed afresh, which says why
        cache.put(stream_key(path, digest), window, kept, embedding)
    return digest, kept
