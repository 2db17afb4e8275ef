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
from typing import Any, Sequence

import numpy as np

from models.ranking import (patch_title_arrays, title_arrays, title_arrays_from_bytes,
                            title_arrays_to_bytes, title_source)

from .codec import FAST
from .model_store import ModelStore

Titles = Sequence[Sequence[Any]]  # [[title, artist, popularity], ...] as stored


def updated_title_arrays(store: ModelStore, base: str, old_titles: Titles | str | bytes,
                         old_albums: Sequence[str], titles: Titles | str | bytes,
                         albums: Sequence[str], keep: np.ndarray) -> bytes:
    """The ``title_arrays`` value of a version made from ``base``: its titles (as
    stored, JSON or decoded) and its albums; ``keep[row]`` is the row of ``base`` that
    new ``row`` is, unchanged, or -1 (added or renamed)."""
    old_titles, titles = _decoded(old_titles), _decoded(titles)
    found = title_arrays_from_bytes(store.raw(base, "title_arrays", required=False),
                                    title_source(json.dumps(old_titles).encode(), old_albums))
    columns = ([t[0] for t in titles], [t[1] for t in titles], [t[2] for t in titles])
    arrays = title_arrays(*columns, albums) if found is None else \
        patch_title_arrays(found, keep, *columns, albums)
    return title_arrays_to_bytes(arrays, title_source(json.dumps(titles).encode(), albums),
                                 FAST)


def kept_rows(n: int, *, added: int = 0, changed: Sequence[int] = ()) -> np.ndarray:
    """``keep`` for ``n`` rows staying in place but ``changed`` (renamed) ones, followed
    by ``added`` new rows."""
    keep = np.concatenate([np.arange(n, dtype=np.int64), np.full(added, -1, np.int64)])
    keep[list(changed)] = -1
    return keep


def appended_titles(store: ModelStore, base: str, titles: bytes, more: list,
                    albums: Sequence[str]) -> tuple[str, bytes]:
    """The stored ``titles`` of ``base`` with ``more`` appended (JSON, the stored text
    kept as it is), and the title arrays of the result (``albums``: all of its rows')."""
    old = json.loads(titles)
    new = old + json.loads(json.dumps(more))  # as a reader decodes the appended text
    arrays = updated_title_arrays(store, base, old, albums[:len(old)], new, albums,
                                  kept_rows(len(old), added=len(more)))
    return appended(titles, more), arrays


def appended(titles: bytes, more: list) -> str:
    """A JSON list with ``more`` appended, without decoding the stored one."""
    text = titles.decode().rstrip()
    extra = json.dumps(more)[1:-1]
    return text[:-1] + ("," if text != "[]" else "") + extra + "]" if more else text


def _decoded(titles: Titles | str | bytes) -> Titles:
    return json.loads(titles) if isinstance(titles, (str, bytes)) else titles
