"""A track's audio features as one compact row of named floats.

A dict of a dozen floats costs about 700 bytes (the table plus a float object per
value); a catalog of a million tracks holds a million of them at once while it builds.
``FeatureRow`` keeps the values in one ``array('d')`` (the same float64 values) and the
names in a tuple shared by every row with the same columns: about 170 bytes.
"""
from __future__ import annotations

from array import array
from functools import lru_cache
from typing import Iterator, Mapping


class FeatureRow(Mapping[str, float]):
    """A read-only mapping of feature name -> value (a ``dict`` where one is needed)."""

    __slots__ = ("_names", "_values")

    def __init__(self, features: Mapping[str, float] | None = None) -> None:
        features = features or {}
        self._names = _shared_names(tuple(features))
        self._values = array("d", features.values())

    def __getitem__(self, name: str) -> float:
        try:
            return self._values[self._names.index(name)]
        except ValueError:
            raise KeyError(name) from None

    def __contains__(self, name: object) -> bool:
        return name in self._names

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)

    def __repr__(self) -> str:
        return f"FeatureRow({dict(self)!r})"

    def __reduce__(self) -> tuple:  # pickled by Spark between its processes
        return FeatureRow, (dict(self),)


@lru_cache(maxsize=1024)
def _shared_names(names: tuple[str, ...]) -> tuple[str, ...]:
    return names
