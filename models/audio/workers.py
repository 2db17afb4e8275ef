"""Analysis jobs in worker processes, without one process's crash ending the batch.

librosa's numba functions are compiled in this process before any worker starts
(:func:`analysis.warm_up`): workers compiling them at once can corrupt numba's cache.
A worker that dies (a crash in a native decoder, a kill) breaks the whole pool; the
files not yet returned are then analysed again, each in a process of its own, so the
crash costs only the file that caused it.
"""
from __future__ import annotations

import logging
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Callable, Iterator, Sequence

from .analysis import warm_up

log = logging.getLogger(__name__)

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
        with ProcessPoolExecutor(max_workers=workers) as pool:
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
        with ProcessPoolExecutor(max_workers=1) as pool:
            return pool.submit(work, job).result()
    except BrokenProcessPool:
        return job[0], None, (f"{job[0]}: the analysis ended its process (a crash in "
                              "the decoder or analyser)")
