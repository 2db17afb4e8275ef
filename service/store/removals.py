"""What ``remove`` took out of the live model, so that ``add --new-only`` does not bring
it back with the rest of a folder that still holds its file.

One control key (not a version's: it outlives the versions that updates publish) holds
the removed tracks' ids and external-id keys; adding a track again explicitly forgets
it, and a full build, which starts from the sources, forgets them all.
"""
from __future__ import annotations

from typing import Sequence


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

    def forget_all_removed(self) -> None:
        self.client.delete(self._removed_key())  # type: ignore[attr-defined]
