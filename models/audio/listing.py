"""Finding the audio files of the paths a user names, and saying why one cannot be read
before reading it: a folder that could not be listed, a format not read, a link to a
file that is gone, a device or a pipe, a path longer than the system takes; and why a
library cannot keep one it can read: a name that is not UTF-8."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from .decoding import OTHER_AUDIO_SUFFIXES, SUFFIXES, printable_path

#: the most characters of a path a message shows (a tree nested hundreds deep is KBs)
SHOWN_CHARS = 300


def expand(paths: Iterable[str | Path]) -> list[Path]:
    """Files named directly, plus audio files found (recursively) in named folders.

    Linked folders are followed (each real folder once, so a link loop ends), and a
    link to a file that is gone is kept, to be reported as missing, not skipped."""
    out: list[Path] = []
    for path in map(Path, paths):
        out += _audio_files(path) if _is_dir(path) else [path]
    return list(dict.fromkeys(out))


def has_audio(folder: str | Path) -> bool:
    """Whether ``folder`` holds an audio file :func:`expand` would list (stops at the
    first): a share not mounted leaves its mount point an empty folder."""
    for _root, _dirs, files in os.walk(folder, followlinks=True):
        if any(Path(name).suffix.lower() in SUFFIXES | OTHER_AUDIO_SUFFIXES for name in files):
            return True
    return False


def _audio_files(folder: Path) -> list[Path]:
    """The audio files under ``folder`` (those of formats not read too, and folders that
    cannot be listed, so that they are reported)."""
    found: list[Path] = []
    seen: set[str] = set()
    for root, dirs, files in os.walk(folder, followlinks=True,
                                     onerror=lambda exc: found.append(Path(exc.filename))):
        real = os.path.realpath(root)
        if real in seen:
            dirs[:] = []
            continue
        seen.add(real)
        dirs.sort()
        found += [Path(root, name) for name in files
                  if Path(name).suffix.lower() in SUFFIXES | OTHER_AUDIO_SUFFIXES]
    return sorted(found)


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # a name too long: reported by ``unreadable``
        return False


def unreadable(path: Path) -> str | None:
    """Why ``path`` is no file to analyse (None: it is one), without reading it.  An
    empty file is named here, on every run, rather than by a worker: its failure, with no
    bytes to key it by, is not cached, and sending it to the workers started them (and
    the compiler's warm-up) on each run of an otherwise unchanged library."""
    try:
        if path.is_dir():  # a folder that could not be listed
            return "cannot read this folder (its files were not analysed)"
        if path.suffix.lower() in OTHER_AUDIO_SUFFIXES:
            return f"unsupported format {path.suffix}"
        if path.is_file():  # an empty one has no content to cache a failure by
            return "empty file" if path.stat().st_size == 0 else None
        if path.is_symlink() and not path.exists():
            return "no such file (a link to a file that is gone)"
        return "not a file (a device, a pipe or a socket)" if path.exists() else "no such file"
    except OSError as exc:  # a name too long, a loop of links: this path fails, no other
        return f"cannot read ({exc.strerror or exc})"


def shown(path: Path) -> str:
    """``path`` as a message shows it: printable, and its middle left out when long."""
    text = printable_path(path)
    if len(text) <= SHOWN_CHARS:
        return text
    return f"{text[:100]}...{text[-(SHOWN_CHARS - 103):]}"


def misnamed(path: Path) -> str | None:
    """Why a library cannot keep ``path`` (None: it can): a name that is not UTF-8 (an
    old Latin-1 "café") has no text form that a model stores, a playlist lists or a
    ``path:`` seed names, so a file kept by its shown form ("caf\ufffd") is a path no
    player opens and no update finds again.  The message shows the bytes as ``\\xe9``."""
    bad = [part for part in path.parts if not _utf8(part)]
    if not bad:
        return None
    whose = "its name" if bad[-1] == path.name else f"the folder name {_escaped(bad[0])}"
    return (f"{_escaped(str(path))}: {whose} is not valid UTF-8; rename it (to a UTF-8 "
            "name) to have the file in the library")


def _utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # bytes that are no UTF-8 read as lone surrogates
        return False
    return True


def _escaped(text: str) -> str:
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
