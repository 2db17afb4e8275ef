"""A numba cache that crashes, found and cleared before it takes the process down.

A cache corrupted before feelalike took a lock around compiling (or by another program
using librosa) made every analysis die of a segmentation fault, with no message: the
crash is in machine code, where Python cannot catch it.  The first analysis on a
machine (per numba and librosa version and cache location) therefore compiles in a
child process; when the child is killed by a signal, librosa's cached code is removed
and the child tried once more; when it still crashes, a plain error says what to do.
After a clean check a marker file saves later processes the child.
"""
from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import Callable, Sequence

from ..errors import AudioError
from .compile_lock import user_temp_file

log = logging.getLogger(__name__)
ROOT = Path(__file__).resolve().parents[2]
CHILD = (sys.executable, "-c", "from models.audio.analysis import compile_functions; "
                               "compile_functions()")
CHILD_SECONDS = 900
_broken: dict[Path, AudioError] = {}  # (per marker) this process found it crashing


def compile_checked(compile_here: Callable[[], None], *, child: Sequence[str] = CHILD,
                    marker: Path | None = None) -> None:
    """``compile_here()``, after a child process has compiled the same without crashing
    (once per marker)."""
    marker = marker or _marker()
    if marker in _broken:
        raise _broken[marker]  # said once: every file of a batch would start two children
    if not marker.exists():
        try:
            compiled = _check_in_child(child)
        except AudioError as exc:
            _broken[marker] = exc
            raise
        if compiled:  # (a child that raised proves nothing: checked again next time)
            with contextlib.suppress(OSError):
                marker.touch()
    compile_here()


def cache_files() -> list[Path]:
    """The compiled code numba keeps: the whole of ``NUMBA_CACHE_DIR`` when it is set
    (its folders are named after source folders, "core_...", not packages: it is a
    cache, so all of it may go), else librosa's, beside its sources."""
    folder = os.environ.get("NUMBA_CACHE_DIR")
    if folder:
        roots = [Path(folder)]
    else:
        import importlib.util

        spec = importlib.util.find_spec("librosa")
        roots = [Path(spec.origin).parent] if spec and spec.origin else []
    return [f for root in roots for pattern in ("*.nbi", "*.nbc") for f in root.rglob(pattern)]


def _check_in_child(child: Sequence[str]) -> bool:
    """Whether a child compiled cleanly (False: it raised, which ``compile_here`` will
    raise again, readably); a crashing cache is cleared and tried once more."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)}
    for _ in range(2):  # a crash, the cache cleared, once more
        done = subprocess.run(list(child), env=env, capture_output=True,
                              timeout=CHILD_SECONDS, check=False)
        if done.returncode >= 0:
            return done.returncode == 0
        files = cache_files()
        log.warning("compiling librosa's functions crashed (signal %d); removing its %d "
                    "cached files and compiling again", -done.returncode, len(files))
        for f in files:
            f.unlink(missing_ok=True)
    raise AudioError("audio analysis crashes in librosa's compiled code (numba) even after "
                     "its cache was cleared; reinstall numba and librosa")


def _marker() -> Path:
    import librosa
    import numba

    cache = os.environ.get("NUMBA_CACHE_DIR", "")
    key = hashlib.sha256(f"{numba.__version__}|{librosa.__version__}|{cache}|{ROOT}"
                         .encode()).hexdigest()[:16]
    return user_temp_file(f"-{key}.checked")
