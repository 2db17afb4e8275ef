"""Analysis jobs in worker processes, without one process's crash ending the batch.

librosa's numba functions are compiled in this process before any worker starts
(:func:`analysis.warm_up`): processes compiling them at once can corrupt numba's cache.
A worker that dies (a crash in a native decoder, a kill) breaks the whole pool; the
files not yet returned are then analysed again, each in a process of its own, so the
crash costs only the file that caused it.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import signal
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Callable, Iterator, Sequence

from .analysis import warm_up

log = logging.getLogger(__name__)
PR_SET_PDEATHSIG = 1  # prctl option (Linux): a signal for when the parent dies

Job = tuple  # (path, ...): the first item names the file
Result = tuple[str, Any, "str | None"]  # (path, result or None, error or None)


def run_jobs(work: Callable[[Job], Result], jobs: Sequence[Job], workers: int,
             warm: Callable[[], None] = warm_up) -> Iterator[Result]:
    """``work(job)`` for every job, in order, on ``workers`` processes (1: here)."""
    if workers <= 1:
        yield from map(work, jobs)
        return
    warm()
    returned = 0
    try:
        with _pool(workers) as pool:
            for result in pool.map(work, jobs):
                returned += 1
                yield result
    except BrokenProcessPool:
        log.warning("an analysis process ended abruptly; analysing the %d files left "
                    "one process each", len(jobs) - returned)
        for job in jobs[returned:]:
            yield _alone(work, job)


def _alone(work: Callable[[Job], Result], job: Job) -> Result:
    try:
        with _pool(1) as pool:
            return pool.submit(work, job).result()
    except BrokenProcessPool:
        return job[0], None, (f"{job[0]}: the analysis ended its process (a crash in "
                              "the decoder or analyser)")


def _pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=workers, initializer=_die_with_parent,
                               initargs=(os.getpid(),))


def _die_with_parent(parent: int) -> None:
    """Make this worker end when the process that started it does (Linux).

    A build stopped by SIGTERM or a kill exits without shutting its pool down, and
    its workers would wait for work forever, holding its output pipes open."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):  # not Linux: workers outlive a killed build
        return
    try:  # the build died before the request took effect (the parent may be a fork
        os.kill(parent, 0)  # server, not the build: ask after the build itself)
    except ProcessLookupError:
        os._exit(0)
