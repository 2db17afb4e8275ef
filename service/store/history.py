"""The model versions the store holds, and going back to one of them (a rollback).

Every build, add, remove, sync step or recorded move publishes a whole new version and
the one replaced stays readable for the grace period (``expire_old``).  A rollback makes
such a version live again through the same activation as a publish (``activate`` with
``expect=`` the live version, so a publish that went live meanwhile is never silently
overwritten); the version rolled away from then gets the grace period like any replaced
one, so rolling back again returns to it.  What lives outside versions, the removal
list, is put back in step by :meth:`~.removals.Removals.settle_removals`.

``feelalike versions`` / ``feelalike rollback`` and ``GET /v1/admin/versions`` / ``POST
/v1/admin/rollback`` are two faces of :meth:`History.listing` and
:meth:`History.roll_back`: every check and refusal is here, once.
"""
from __future__ import annotations

import calendar
import json
import time
from dataclasses import asdict, dataclass
from typing import Any, Callable

import redis

from models.errors import BadRequest

from .errors import (
    ModelNotReady,
    NothingToRollBack,
    StoreUnavailable,
    UpdateConflict,
    VersionIncomplete,
    VersionNotFound,
    VersionUnusable,
)
from .upkeep import VERSION_KEYS, guard

LIVE, PREVIOUS, PENDING, INCOMPLETE = "live", "previous", "pending", "incomplete"
#: where a refusal sends the reader for the versions a rollback can name
LISTED = "`feelalike versions` (GET /v1/admin/versions) lists them"


@dataclass
class VersionInfo:
    """One version as ``feelalike versions`` shows it."""

    version: str
    state: str  # live, previous, pending or incomplete
    made: str | None  # UTC time it was made (ISO 8601), when its meta says
    tracks: int | None  # None: not written yet (pending)
    made_by: str | None  # build, add, remove or relocate (a sync's moves)
    seconds_left: int | None  # a previous one: how long it stays readable; None: no expiry
    base: str | None = None  # an update's: the version it changed
    #: a step of one command (sync, add): {"by", "id", "step", "steps", "base"}, "base"
    #: being the version live before the command; None: made on its own
    command: dict[str, Any] | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class RollBack:
    """What a rollback did."""

    version: str  # live now
    previous: str  # live before; readable for ``seconds`` more
    tracks: int
    seconds: int
    undone: dict[str, Any] | None = None  # the command whose steps it undid together

    def as_dict(self) -> dict[str, Any]:
        """The answer of ``POST /v1/admin/rollback``."""
        return {"model_version": self.version, "previous_version": self.previous,
                "tracks": self.tracks, "previous_seconds_left": self.seconds,
                "undone": dict(self.undone) if self.undone else None}


class History:
    """Mixin of :class:`~.model_store.ModelStore` (it provides the attributes below)."""

    client: Any
    grace_seconds: int
    clock: Callable[[], float]
    key_for: Callable[..., str]
    _current: Callable[[], str | None]
    check_complete: Callable[[str], None]
    activate: Callable[..., None]
    persist: Callable[[str], None]
    settle_removals: Callable[[str, str], None]

    def listing(self) -> dict[str, Any]:
        """``{"live": id or None, "versions": [...]}``: what ``versions --json`` prints
        and ``GET /v1/admin/versions`` answers."""
        held = self.versions()
        live = next((v.version for v in held if v.state == LIVE), None)
        return {"live": live, "versions": [v.as_dict() for v in held]}

    @guard
    def versions(self) -> list[VersionInfo]:
        """The versions the store holds (keys not expired, or being written), newest
        first; those whose keys are gone are left out."""
        live = self._current()
        listed = {v.decode(): s for v, s in
                  self.client.zrange(self.key_for("versions"), 0, -1, withscores=True)}
        pending = {v.decode() for v in self.client.zrange(self.key_for("pending"), 0, -1)}
        names = sorted(set(listed) | pending | ({live} if live else set()))
        pipe = self.client.pipeline(transaction=False)
        for version in names:
            pipe.get(self.key_for("meta", version=version))
            pipe.ttl(self.key_for("meta", version=version))
        replies = pipe.execute()
        found = []
        for at, version in enumerate(names):
            raw, left = replies[2 * at], replies[2 * at + 1]
            if raw is None and version not in pending:
                continue  # expired (or never finished and swept)
            info = self._info(version, raw, left, live, pending)
            found.append((_made_at(raw, listed.get(version, 0.0)), version, info))
        held = [info for _, _, info in sorted(found, reverse=True)]
        _count_steps(held)
        return held

    def _info(self, version: str, raw: bytes | None, left: int, live: str | None,
              pending: set[str]) -> VersionInfo:
        meta = json.loads(raw) if raw else {}
        update, command = meta.get("update") or {}, meta.get("command")
        state = LIVE if version == live else PENDING if version in pending else PREVIOUS
        if state == PREVIOUS and not self._complete(version):
            state = INCOMPLETE
        return VersionInfo(version, state, meta.get("created"),
                           int(meta["tracks"]) if "tracks" in meta else None,
                           update.get("kind", "build") if meta else None,
                           left if state != LIVE and left >= 0 else None, update.get("base"),
                           dict(command) if command else None)

    def _complete(self, version: str) -> bool:
        try:
            self.check_complete(version)
        except StoreUnavailable:
            return False
        return True

    @guard
    def roll_back(self, target: str | None = None) -> RollBack:
        """Make ``target`` (default: the newest previous complete version) live again;
        refuses, changing nothing, when there is none, it is not held whole, or the live
        version changes meanwhile (UpdateConflict)."""
        if target is not None and not target.strip():
            raise BadRequest(f"version: must not be blank; {LISTED}", field="version")
        live = self._current()
        if live is None:
            raise NothingToRollBack("no model is live: nothing to roll back "
                                    "(`feelalike build` makes one)")
        held = self.versions()
        chosen = _pick(held, live, target) if target is not None else _undo(held, live)
        left = self.client.ttl(self.key_for("meta", version=chosen.version))
        try:
            self.activate(chosen.version, expect=live)
        except UpdateConflict:
            self._resume_countdown(chosen.version, left)
            raise UpdateConflict(f"the live model changed while the rollback ran (it was "
                                 f"{live}); nothing was rolled back: {LISTED} as they are "
                                 "now") from None
        except ModelNotReady:  # its grace period ended since it was listed
            raise VersionNotFound(f"model version {chosen.version} expired while the "
                                  f"rollback ran; {LISTED}") from None
        except VersionIncomplete:  # lost keys since it was listed
            self._resume_countdown(chosen.version, left)
            raise VersionUnusable(f"model version {chosen.version} lost some of its keys "
                                  "(evicted or expiring) while the rollback ran: it cannot "
                                  f"be made live again; {LISTED}", reason=INCOMPLETE) from None
        except BaseException:
            self._resume_countdown(chosen.version, left)
            raise
        self.settle_removals(chosen.version, live)
        return RollBack(chosen.version, live, int(chosen.tracks or 0), self.grace_seconds,
                        _undone(held, live, chosen.version))

    def _resume_countdown(self, version: str, left: int) -> None:
        """Give a version a refused rollback persisted (``activate`` does so before its
        check) its time to live back.  Unsure (Redis gone), it leaves it: the next
        publish gives every version kept without expiry the grace period."""
        try:
            if self._current() != version:
                self._expire(version, max(left, 1))
        except (redis.RedisError, OSError):
            pass

    def _expire(self, version: str, seconds: int) -> None:
        pipe = self.client.pipeline(transaction=False)
        for name in VERSION_KEYS:
            pipe.expire(self.key_for(name, version=version), seconds)
        pipe.execute()


def _count_steps(held: list[VersionInfo]) -> None:
    """Give each command step the number of steps its command is known to have made
    (its last step outlives the others: it was live until replaced)."""
    steps: dict[str, int] = {}
    for info in held:
        if info.command:
            name = info.command["id"]
            steps[name] = max(steps.get(name, 0), int(info.command["step"]))
    for info in held:
        if info.command:
            info.command["steps"] = steps[info.command["id"]]


def _undo(held: list[VersionInfo], live: str) -> VersionInfo:
    """What `rollback` with no version goes back to: the version live before the whole
    command that made the live one (a sync of several steps), or before the update that
    made it (an add or removal, from the CLI or over HTTP: not the newest previous one,
    which after an earlier rollback is the update rolled away from); when the live one
    was itself gone back to (a newer version is held), or was built, the newest previous
    one."""
    ready = [v for v in held if v.state == PREVIOUS]
    if not ready:
        raise NothingToRollBack(f"nothing to roll back to: no earlier model version is "
                                f"held whole (the live one is {live}; {LISTED})")
    at = next((v for v in held if v.version == live), None)
    if at is None or held.index(ready[0]) < held.index(at):
        return ready[0]
    by, base = (at.command["by"], at.command["base"]) if at.command else (at.made_by, at.base)
    if base is None:
        return ready[0]
    chosen = next((v for v in ready if v.version == base), None)
    if chosen is None:
        raise NothingToRollBack(f"model version {base}, live before the {by} that made "
                                f"{live}, is no longer held whole; name a version to roll "
                                f"back to ({LISTED})")
    return chosen


def _undone(held: list[VersionInfo], live: str, chosen: str) -> dict[str, Any] | None:
    """The command of ``live`` when going back to ``chosen`` undid all of its steps."""
    at = next((v for v in held if v.version == live), None)
    command = at.command if at else None
    return command if command and command["base"] == chosen else None


def _pick(held: list[VersionInfo], live: str, target: str) -> VersionInfo:
    """The version named to go back to, or the refusal that says why it cannot be."""
    shown = target if len(target) <= 60 else target[:57] + "..."  # CLI: any length
    if target == live:
        raise VersionUnusable(f"model version {target} is already live", reason=LIVE)
    chosen = next((v for v in held if v.version == target), None)
    if chosen is None:
        raise VersionNotFound(f"no model version {shown} is held (unknown, or expired "
                              f"after FEELALIKE_GRACE_SECONDS); {LISTED}")
    if chosen.state == PENDING:
        raise VersionUnusable(f"model version {target} is still being written (pending): "
                              "it was never live", reason=PENDING)
    if chosen.state == INCOMPLETE:
        raise VersionUnusable(f"model version {target} lost some of its keys (evicted or "
                              "expiring): it cannot be made live again", reason=INCOMPLETE)
    return chosen


def _made_at(raw: bytes | None, listed: float) -> float:
    """When the version was stored: its meta's ``stored_at``, else its ``created`` time
    (whole seconds), else its place in the ``versions`` set."""
    if raw:
        meta = json.loads(raw)
        if "stored_at" in meta:
            return float(meta["stored_at"])
        if meta.get("created"):
            return float(calendar.timegm(time.strptime(meta["created"],
                                                       "%Y-%m-%dT%H:%M:%SZ")))
    return listed

