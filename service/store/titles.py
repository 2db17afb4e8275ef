"""The titles of a version an update writes, and the title index's prebuilt arrays
that go with them.

A build stores the title index's arrays (``title_arrays``) beside the titles, stamped
with what they were made from; a worker whose version has none that match makes them
itself, on its first request (seconds at 100k tracks, in every worker after every
update).  So an update writes the new version's arrays too: the live version's,
patched where rows were added, removed or renamed (``patch_title_arrays``), or, when
the live version has none that match its titles, made whole once here.
"""
from __future__ import annotations

import json
import zlib
from typing import Any, Sequence

import numpy as np

from models.ranking import (patch_title_arrays, title_arrays, title_arrays_from_bytes,
                            title_arrays_to_bytes, title_source)

from .codec import FAST
from .model_store import ModelStore

Titles = Sequence[Sequence[Any]]  # [[title, artist, popularity], ...] as stored


def updated_titles(store: ModelStore, base: str, old_titles: Titles, old_albums: Sequence[str],
                   titles: Titles, albums: Sequence[str], keep: np.ndarray
                   ) -> dict[str, bytes]:
    """The ``titles`` and ``title_arrays`` values of a version made from ``base`` (its
    decoded titles and albums; ``old_``: those of ``base``); ``keep[row]`` is the row of
    ``base`` that new ``row`` is, unchanged, or -1 (added or renamed).  The titles are
    encoded once, for the store and the arrays' stamp alike."""
    found = title_arrays_from_bytes(store.raw(base, "title_arrays", required=False),
                                    title_source(json.dumps(old_titles).encode(), old_albums))
    columns = ([t[0] for t in titles], [t[1] for t in titles], [t[2] for t in titles])
    arrays = title_arrays(*columns, albums) if found is None else \
        patch_title_arrays(found, keep, *columns, albums)
    encoded = json.dumps(titles).encode()
    return {"titles": zlib.compress(encoded, FAST),
            "title_arrays": title_arrays_to_bytes(arrays, title_source(encoded, albums), FAST)}


def kept_rows(n: int, *, added: int = 0, changed: Sequence[int] = ()) -> np.ndarray:
    """``keep`` for ``n`` rows staying in place but ``changed`` (renamed) ones, followed
    by ``added`` new rows."""
    keep = np.concatenate([np.arange(n, dtype=np.int64), np.full(added, -1, np.int64)])
    keep[list(changed)] = -1
    return keep


def appended_titles(store: ModelStore, base: str, titles: bytes, more: list,
                    albums: Sequence[str]) -> dict[str, bytes]:
    """:func:`updated_titles` of the stored ``titles`` of ``base`` (JSON) with ``more``
    appended (``albums``: all of the result's rows')."""
    old = json.loads(titles)
    new = old + json.loads(json.dumps(more))  # as a reader decodes them
    return updated_titles(store, base, old, albums[:len(old)], new, albums,
                          kept_rows(len(old), added=len(more)))
