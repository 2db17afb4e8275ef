"""Which rows of a version the names a removal gives name: track ids, external ids
(``isrc:...``), a file by its path as stored or by its absolute path inside the
analysed folder, or another Unicode form of any of these, as seeds resolve."""
from __future__ import annotations

from typing import Sequence

from models.errors import BadRequest, InvalidExternalId
from models.ingest import path_inside, reference_key

from .id_clashes import id_forms
from .model_store import ModelStore


def rows_named(store: ModelStore, version: str, audio_root: str | None,
               names: Sequence[str], forms: bool = True) -> list[int | None]:
    """Rows of track ids or, failing that, of external ids (``isrc:...``; a file
    also by its absolute path inside the analysed folder), then (``forms``) of the
    other Unicode forms of those still unknown, as seeds resolve."""
    keys = [[k for k in (_key(name), _key(path_inside(name, audio_root) or "")) if k]
            for name in names]  # a path as stored first, then inside the folder
    wanted = list(dict.fromkeys(k for ks in keys for k in ks))
    by_id, by_key = store.rows_of(version, names, wanted)
    key_rows = dict(zip(wanted, by_key))
    rows = [row if row is not None else
            next((key_rows[k] for k in ks if key_rows[k] is not None), None)
            for row, ks in zip(by_id, keys)]
    asked = [(k, form) for k, (name, row) in enumerate(zip(names, rows))
             if row is None and forms for form in id_forms(name)[1:]]
    found = rows_named(store, version, audio_root, [f for _, f in asked], forms=False) \
        if asked else []
    for (k, _), row in zip(asked, found):
        rows[k] = row if rows[k] is None else rows[k]
    return rows


def refuse_malformed(name: str, path: str) -> None:
    """An id that names no track and is a malformed external id is a 400 at ``path``
    (as a seed's is), not a track that is not found."""
    try:
        reference_key(name)
    except InvalidExternalId as exc:
        raise BadRequest(f"{path}: {exc.message}", field=path) from None


def _key(name: str) -> str | None:
    """The external-id key ``name`` names; None for a plain id or a malformed one."""
    try:
        return reference_key(name)
    except InvalidExternalId:
        return None
