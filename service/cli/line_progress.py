"""Progress for a standard error that is no terminal (a log file, `docker compose up`,
cron, nohup): no bar to redraw, so a plain line now and then.

A step that ends within ``INTERVAL_SECONDS`` prints nothing (a build of a cached library
stays quiet); a longer one prints ``analysing: 37/228 files (16%), about 4m10s left``
each time that long has passed, and a closing line (``analysing: 228/228 files
(100%), done in 9m12s``), so analysing a large library for an hour is not an hour of
silence in the log.
"""
from __future__ import annotations

import time
from typing import Callable, TextIO

INTERVAL_SECONDS = 15.0
#: the unit a step's items are counted in, by the step's description
UNITS = {"analysing": "files", "checking": "files", "scoring speech": "files"}
#: the word between a step and whose files it counts ("scoring speech in your files")
JOINS = {"scoring speech": " in"}


def _duration(seconds: float) -> str:
    seconds = max(0, round(seconds))
    if seconds < 60:
        return f"{seconds}s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}m{seconds:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m"


class LineProgress:
    """The ``update(n)`` / ``close()`` of a progress bar, as lines on ``stream``."""

    def __init__(self, desc: str, total: int, stream: TextIO, *,
                 clock: Callable[[], float] = time.monotonic, unit: str | None = None) -> None:
        self.desc, self.total, self.stream, self.clock = desc, total, stream, clock
        self.unit = unit or UNITS.get(desc, "items")
        self.done = 0
        self.started = self.last = clock()
        self.printed = False
        #: when the first item was done, and how many were then: the time left is told
        #: from the pace since (the pace before it is a start-up's: workers starting, a
        #: compilation), or a minute's start on 60 files reads "about 25m left"
        self.first: tuple[float, int] | None = None

    def update(self, n: int = 1) -> None:
        self.done += n
        now = self.clock()
        if self.first is None:
            self.first = (now, self.done)
        if now - self.last >= INTERVAL_SECONDS:
            self.last = now
            self._line(self._left(now))

    def close(self) -> None:
        if self.printed:
            self._line(f"done in {_duration(self.clock() - self.started)}")
            self.printed = False

    def _left(self, now: float) -> str:
        if self.first is None or self.done <= self.first[1] or self.done >= self.total:
            return ""
        rate = (now - self.first[0]) / (self.done - self.first[1])
        return f"about {_duration(rate * (self.total - self.done))} left"

    def _line(self, note: str) -> None:
        unit = self.unit
        share = f" ({100 * self.done // self.total}%)" if self.total else ""
        tail = f", {note}" if note else ""
        print(f"{self.desc}: {self.done}/{self.total} {unit}{share}{tail}", file=self.stream,
              flush=True)
        self.printed = True
