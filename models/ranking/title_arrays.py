"""The title index as plain arrays, computed once per model version.

Building a :class:`~models.language.TitleIndex` normalises every title, artist and
title variant: seconds at a million tracks, in every worker, for every new version.
``title_arrays`` does that work once (the service saves the result next to the
track table's arrays) and ``title_index`` opens an index over those arrays, which
costs no per-track work at all.  The store carries them (``title_arrays_to_bytes``,
an ``.npz`` without pickle) with a digest of the titles' JSON and albums they were made
from and of the normal form's edition (``title_source``), so arrays that no longer match
them (made before albums counted, by code of another normal form, or copied along with
titles that changed) are ignored.  An update makes its version's arrays from the live
one's (``title_patch``).
"""
from __future__ import annotations

import hashlib
import io
import json
import zipfile
from bisect import bisect_left
from typing import Iterator, Mapping, Sequence

import numpy as np

from ..language import NORMAL_FORM, TitleIndex, album_strings, normalise, variants
from .columns import Arrays, StringColumn, offsets_of


class VariantRows(Mapping[str, list[int]]):
    """Normalised title variant -> rows, over sorted keys and CSR rows."""

    def __init__(self, keys: StringColumn, indptr: np.ndarray, rows: np.ndarray) -> None:
        self.keys, self.indptr, self.rows = keys, indptr, rows
        self.sorted_keys = keys  # what a prefix search bisects

    def __getitem__(self, key: str) -> list[int]:
        at = bisect_left(self.keys, key)
        if at >= len(self.keys) or self.keys[at] != key:
            raise KeyError(key)
        return self.rows[self.indptr[at]:self.indptr[at + 1]].tolist()

    def __iter__(self) -> Iterator[str]:
        return iter(self.keys)

    def __len__(self) -> int:
        return len(self.keys)


def title_arrays(titles: Sequence[str], artists: Sequence[str], popularity: Sequence[float],
                 albums: Sequence[str] = ()) -> dict[str, np.ndarray]:
    """What a title index needs, as arrays (prefixed ``titles.``); ``albums``' words
    count in a search.  Each part is packed into arrays as soon as it is made and its
    Python strings let go (at a million tracks each part is millions of strings)."""
    out = {"titles.popularity": np.asarray(popularity, dtype=np.float64)}
    out.update(_variant_arrays(titles))
    norm_titles = StringColumn.of([normalise(t) for t in titles])
    norm_artists = StringColumn.of([normalise(a) for a in artists])
    out.update(norm_titles.arrays("titles.norm_titles"))
    out.update(norm_artists.arrays("titles.norm_artists"))
    out.update(StringColumn.of([f"{t} {a}" for t, a in zip(norm_titles, norm_artists)])
               .arrays("titles.combined"))
    out.update(StringColumn.of(album_strings(norm_titles, albums)).arrays("titles.albums"))
    return out


def _variant_arrays(titles: Sequence[str]) -> dict[str, np.ndarray]:
    """Every normalised title variant, sorted, with the rows that carry it (CSR)."""
    by_variant: dict[str, int | list[int]] = {}  # a list only where rows share a variant
    for row, title in enumerate(titles):
        for variant in variants(title):
            found = by_variant.setdefault(variant, row)
            if isinstance(found, list):
                found.append(row)
            elif found != row:
                by_variant[variant] = [found, row]
    keys = sorted(by_variant)
    found = [by_variant.pop(k) for k in keys]
    indptr = offsets_of((len(f) if isinstance(f, list) else 1 for f in found), len(found))
    rows = np.fromiter((r for f in found for r in (f if isinstance(f, list) else (f,))),
                       np.int64, int(indptr[-1]))
    del found
    return {"titles.variant_indptr": indptr, "titles.variant_rows": rows,
            **StringColumn.of(keys).arrays("titles.variants")}


def title_index(arrays: Arrays, titles: Sequence[str], artists: Sequence[str]) -> TitleIndex:
    """A title index over ``title_arrays``' output and the table's own titles/artists."""
    exact = VariantRows(StringColumn.load(arrays, "titles.variants"),
                        arrays["titles.variant_indptr"], arrays["titles.variant_rows"])
    return TitleIndex.prebuilt(
        titles, artists, arrays["titles.popularity"], exact=exact,
        norm_titles=StringColumn.load(arrays, "titles.norm_titles"),
        norm_artists=StringColumn.load(arrays, "titles.norm_artists"),
        combined=StringColumn.load(arrays, "titles.combined"),
        albums=StringColumn.load(arrays, "titles.albums") if "titles.albums.offsets" in arrays
        else ())


def title_source(titles_json: bytes, albums: Sequence[str]) -> bytes:
    """What title arrays are made from and stamped with: the titles' JSON, the albums
    (arrays stamped with the titles alone were made without the albums) and, from the
    second edition on, the edition of the normal form (arrays made with another hold
    other normal forms: "p y t" where a seed "PYT" is now looked up as "pyt")."""
    edition = f"\nnormal form {NORMAL_FORM}".encode() if NORMAL_FORM > 1 else b""
    return titles_json + b"\n" + json.dumps(list(albums)).encode() + edition


def title_arrays_to_bytes(arrays: Arrays, source: bytes, level: int = -1) -> bytes:
    """``title_arrays``' output as ``.npz`` bytes, stamped with the SHA-1 of ``source``
    (the titles' JSON they were computed from), deflated at zlib ``level`` (-1: zlib's
    default, as ``np.savez_compressed``; an update takes 1, four times faster at 100k
    tracks for a quarter more bytes)."""
    digest = np.frombuffer(hashlib.sha1(source).digest(), dtype=np.uint8)
    out = io.BytesIO()  # deflated: a third of the bytes in Redis (titles compress well)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as packed:
        for name, array in {"titles.source_sha1": digest, **arrays}.items():
            with packed.open(f"{name}.npy", "w", force_zip64=True) as member:
                np.lib.format.write_array(member, np.asanyarray(array), allow_pickle=False)
    return out.getvalue()


def title_arrays_from_bytes(blob: bytes | None, source: bytes) -> dict[str, np.ndarray] | None:
    """The arrays of ``title_arrays_to_bytes``, or None when there are none or they were made from
    other titles than ``source``."""
    if not blob:
        return None
    with np.load(io.BytesIO(blob), allow_pickle=False) as found:
        arrays = {name: found[name] for name in found.files}
    digest = arrays.pop("titles.source_sha1", np.zeros(0, np.uint8)).tobytes()
    return arrays if digest == hashlib.sha1(source).digest() else None
