"""Progress reporting for long build steps: a factory ``(description, total) -> bar``.

The domain never draws a bar itself; the CLI passes a factory that does (tqdm).
"""
from __future__ import annotations

from typing import Any, Callable


class _NoProgress:
    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


ProgressFactory = Callable[[str, int], Any]


def no_progress(desc: str, total: int) -> _NoProgress:
    return _NoProgress()
