"""Looking a batch's files up before analysing them: each file's content hash (kept by
path, size and time in a :class:`~.digests.DigestCache`), then its result, or its lasting
failure, in the analysis cache."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Sequence

from ..ingest import sha256_of
from .cache import AudioCache
from .decoding import cache_digest, decoders, printable_path
from .digests import DigestCache
from .listing import shown, unreadable
Found = list[dict[str, Any]]  # results (a Batch's tracks) or errors (path, error)


def look_up(files: Sequence[Path], found: tuple[Found, Found], todo: list[tuple[str, str]],
            cache: AudioCache | None, hashes: DigestCache | None, key: tuple[float, str],
            progress: Callable[[int], Any] | None, every: bool) -> int:
    """Hash ``files``: those in ``cache`` go into ``found`` (results, errors) as do the
    unreadable ones, the rest into ``todo`` (path, digest); returns how many were
    cached; ``progress`` hears each file (``every``) or each found in the cache."""
    tracks, errors = found
    cached = 0
    for path in files:
        if every and progress:
            progress(1)
        problem = unreadable(path)
        if problem:
            errors.append({"path": str(path), "error": f"{shown(path)}: {problem}"})
            continue
        try:
            digest = hashes.digest(path, sha256_of) if hashes else sha256_of(path)
        except OSError as exc:  # unreadable: this file fails, the batch goes on
            errors.append({"path": str(path), "error": f"{printable_path(path)}: "
                           f"cannot read ({exc.strerror or exc})"})
            continue
        if cache and _from_cache(tracks, errors, cache, path, digest, key):
            cached += 1
            if progress and not every:
                progress(1)
        else:
            todo.append((str(path), digest))
    return cached


def _from_cache(tracks: Found, errors: Found, cache: AudioCache, path: Path, digest: str,
                key: tuple[float, str]) -> bool:
    """Whether these bytes' result, or their lasting failure with this machine's
    decoders, is in ``cache`` (then added to ``tracks`` or ``errors``)."""
    hit = cache.get(cache_digest(path, digest), *key)
    if hit is not None:
        tracks.append({**hit, "path": str(path), "content_hash": digest})
    elif (failed := cache.failure(cache_digest(path, digest), *key)) and \
            failed.get("decoders") == decoders():
        message, written_for = str(failed.get("failed")), str(failed.get("path", ""))
        errors.append({"path": str(path),
                       "error": message.replace(written_for, printable_path(path))})
    else:
        return False
    return True
