"""One command, one undo: the versions a single CLI command publishes (a ``sync`` that
records moves, adds new files and takes deleted ones out; an ``add`` that records moves
first) are marked as its steps, so ``feelalike rollback`` goes back over all of them.

While a command runs, the store holds a :class:`Command`; each version a draft publishes
under it gets ``"command": {"id", "by", "step", "base"}`` in its meta, ``base`` being the
version live when the command's first step was written.  ``expire_old`` does not cut that
base to the short life of an overtaken version while a step of the command is the one
made live (:func:`spared_base`): it keeps its grace period, so the whole command can be
undone for as long as a single step could.  Versions without the mark (written before it
existed, or by a build, ``remove`` or the HTTP API) behave as they always did.
"""
from __future__ import annotations

import json
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Iterator


@dataclass
class Command:
    """The command under way and the steps it has published so far."""

    by: str  # sync or add
    id: str
    base: str | None = None  # live before its first step
    steps: int = 0

    def next_step(self, base: str) -> dict[str, Any]:
        """The meta mark of the step about to be published on top of ``base``."""
        if self.base is None:
            self.base = base
        self.steps += 1
        return {"id": self.id, "by": self.by, "step": self.steps, "base": self.base}


@contextmanager
def one_command(store: Any, by: str) -> Iterator[Command]:
    """Mark every version ``store`` publishes inside the block as a step of one ``by``
    command (``feelalike rollback`` undoes them together)."""
    command = Command(by, uuid.uuid4().hex[:12])
    store.command = command
    try:
        yield command
    finally:
        store.command = None


def step_mark(store: Any, base: str) -> dict[str, Any]:
    """What a version published on ``base`` records of the command making it ({}: none)."""
    command = getattr(store, "command", None)
    return {"command": command.next_step(base)} if command else {}


def spared_base(store: Any, version: str) -> str | None:
    """The version live before the command that made ``version`` (None: not a command's
    step)."""
    raw = store.client.get(store.key_for("meta", version=version))
    command = (json.loads(raw).get("command") or {}) if raw else {}
    return command.get("base")
