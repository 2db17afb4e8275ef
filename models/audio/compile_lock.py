"""One process at a time compiles librosa's numba functions on this machine.

librosa compiles its numba functions on first use and caches the machine code for
later processes.  Processes that write that cache at the same time can leave it
corrupt, and every later analysis then dies of a segmentation fault (numba 0.68, in
``piptrack``): seen with two ``feelalike analyze`` runs started together on a fresh
install, as well as with the workers of one run.  Each process therefore compiles (or
loads the cached code) while holding an exclusive lock on a file in the temporary
directory, once; the workers of a batch, forked after their parent has done so,
start compiled.
"""
from __future__ import annotations

import contextlib
import os
import tempfile
import threading
from pathlib import Path
from typing import Callable, Iterator

try:
    import fcntl
except ImportError:  # not on Windows: there, processes compile unlocked
    fcntl = None  # type: ignore[assignment]

_compiled = False
_in_process = threading.Lock()


def compile_once(compile_all: Callable[[], None]) -> None:
    """Run ``compile_all`` unless this process already has, holding the machine's
    compile lock while it runs."""
    global _compiled
    if _compiled:
        return
    with _in_process:
        if _compiled:
            return
        with _machine_lock():
            compile_all()
        _compiled = True


def user_temp_file(suffix: str) -> Path:
    """A file of this user's in the temporary directory (each user's processes share a
    numba cache): the lock, and :mod:`compile_check`'s markers."""
    uid = os.getuid() if hasattr(os, "getuid") else 0
    return Path(tempfile.gettempdir()) / f"feelalike-numba-{uid}{suffix}"


def lock_path() -> Path:
    return user_temp_file(".lock")


@contextlib.contextmanager
def _machine_lock() -> Iterator[None]:
    if fcntl is None:
        yield
        return
    try:
        handle = open(lock_path(), "a")
    except OSError:  # an unwritable temporary directory: compile unlocked
        yield
        return
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
