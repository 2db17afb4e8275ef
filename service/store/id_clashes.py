"""Ids of new tracks that would take over another track's lookups.

A seed, an ``include_ids`` entry or a removal is looked up by track id first, then by
external id (``isrc:...``, ``spotify:...``, ``path:...``).  So a new track whose id is
written as an external id another track holds ("isrc:USSM15900433") would answer that
ISRC's lookups from then on, and a new track holding an external id another track has
as its very id would never be found by it.  An update refuses both."""
from __future__ import annotations

import json
import unicodedata
from typing import TYPE_CHECKING, Sequence

from models.errors import InvalidExternalId
from models.ingest import Track, id_keys, reference_key

from .errors import IdClash

if TYPE_CHECKING:
    from .model_store import ModelStore


def id_forms(track_id: str) -> list[str]:
    """``track_id`` and its other Unicode forms, each once: "\u00e9" composed (NFC) or
    e + U+0301 (NFD, as macOS writes file names) are the same id to whoever types it."""
    return list(dict.fromkeys([track_id, *(unicodedata.normalize(form, track_id)
                                           for form in ("NFC", "NFD"))]))


def taken_ids(store: ModelStore, version: str, ids: Sequence[str]) -> list[str]:
    """Those of ``ids`` the model holds already, in any of their forms (a look-alike
    second track no one could tell from the first)."""
    asked = [(i, form) for i in dict.fromkeys(ids) for form in id_forms(i)]
    found = store.rows_of(version, [form for _, form in asked], [])[0]
    return list(dict.fromkeys(i for (i, _), row in zip(asked, found) if row is not None))


def refuse_id_clashes(store: ModelStore, version: str, tracks: Sequence[Track]) -> None:
    """Raise IdClash naming the first new track whose id or external ids clash with the
    live model's tracks or with another new track (see the module docstring)."""
    as_reference = {t.id: _key(t.id) for t in tracks}
    wanted = sorted({k for k in as_reference.values() if k})
    theirs = {k: t.id for t in tracks for k in id_keys(t.external_ids)}
    held = sorted(theirs)
    by_id, by_key = store.rows_of(version, held, wanted)
    holders = {k for k, row in zip(wanted, by_key) if row is not None}
    named = {k for k, row in zip(held, by_id) if row is not None}
    for track in tracks:
        key = as_reference[track.id]
        if key in holders or theirs.get(key, track.id) != track.id:
            raise IdClash(f"track id {_quote(track.id)} reads as an external id another "
                          "track holds, and would answer its lookups; give the track an id "
                          "of its own", ids=[track.id])
        clash = next((k for k in id_keys(track.external_ids) if k in named), None)
        if clash is not None:
            raise IdClash(f"track {_quote(track.id)} holds the external id {_quote(clash)}, "
                          "the id of a track already in the model; remove that track first "
                          "or leave the external id out", ids=[track.id])


def _quote(value: str) -> str:
    return json.dumps(value[:40], ensure_ascii=False) + ("..." if len(value) > 40 else "")


def _key(track_id: str) -> str | None:
    try:
        return reference_key(track_id)
    except InvalidExternalId:  # "isrc:abc" is no ISRC: nothing answers to it but this id
        return None
