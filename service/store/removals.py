"""What ``remove`` took out of the live model, so that ``add --new-only`` does not bring
it back with the rest of a folder that still holds its file.

One control key (not a version's: it outlives the versions that updates publish) holds
the removed tracks' ids and external-id keys; adding a track again explicitly forgets
it, and a full build, which starts from the sources, forgets them all.

A rollback makes an older version live again, so the list must follow it: the entries
naming a track the version gone back to holds are taken out (the track is back), and
kept for the version rolled away from, to put back if it is made live again; what a
build forgot is kept the same way for the version it replaced.  Each such note is a
control key ``removed_at:VERSION`` that expires with that version (the grace period).
"""
from __future__ import annotations

from typing import Any, Sequence


class Removals:
    """Mixin of :class:`ModelStore` (``client`` and ``key_for`` come from it)."""

    def _removed_key(self) -> str:
        return self.key_for("removed")  # type: ignore[attr-defined]

    def note_removed(self, keys: Sequence[str]) -> None:
        if keys:
            self.client.sadd(self._removed_key(), *keys)  # type: ignore[attr-defined]

    def forget_removed(self, keys: Sequence[str]) -> None:
        if keys:
            self.client.srem(self._removed_key(), *keys)  # type: ignore[attr-defined]

    def removed_among(self, keys: Sequence[str]) -> list[bool]:
        """For each key, whether a track it names was removed since the last build."""
        if not keys:
            return []
        found = self.client.smismember(self._removed_key(), list(keys))  # type: ignore
        return [bool(x) for x in found]

    def forget_all_removed(self, replaced: str | None = None) -> None:
        """Empty the list (a build); kept for the ``replaced`` version's return."""
        if replaced:
            self._keep_for(replaced, self._members())
        self.client.delete(self._removed_key())  # type: ignore[attr-defined]

    def settle_removals(self, live: str, was: str) -> None:
        """Put the list in step with ``live``, just made live again in place of ``was``:
        what was kept for ``live`` comes back, and entries naming a track ``live`` holds
        go (kept for ``was``)."""
        client: Any = self.client  # type: ignore[attr-defined]
        kept = self._kept_key(live)
        back = [m.decode() for m in client.smembers(kept)]
        self.note_removed(back)
        client.delete(kept)
        members = self._members()
        if not members:
            return
        by_id, by_key = self.rows_of(live, members, members)  # type: ignore[attr-defined]
        held = [m for m, a, b in zip(members, by_id, by_key) if a is not None or b is not None]
        self.forget_removed(held)
        self._keep_for(was, held)

    def _members(self) -> list[str]:
        raw = self.client.smembers(self._removed_key())  # type: ignore[attr-defined]
        return sorted(m.decode() for m in raw)

    def _kept_key(self, version: str) -> str:
        return self.key_for("removed_at", version)  # type: ignore[attr-defined]

    def _keep_for(self, version: str, keys: Sequence[str]) -> None:
        if not keys:
            return
        pipe = self.client.pipeline(transaction=False)  # type: ignore[attr-defined]
        pipe.sadd(self._kept_key(version), *keys)
        pipe.expire(self._kept_key(version), self.grace_seconds)  # type: ignore[attr-defined]
        pipe.execute()
