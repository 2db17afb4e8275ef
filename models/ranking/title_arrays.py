"""The title index as plain arrays, computed once per model version.

Building a :class:`~models.language.TitleIndex` normalises every title, artist and
title variant: seconds at a million tracks, in every worker, for every new version.
``title_arrays`` does that work once (the service saves the result next to the
track table's arrays) and ``title_index`` opens an index over those arrays, which
costs no per-track work at all.
"""
from __future__ import annotations

from bisect import bisect_left
from typing import Iterator, Mapping, Sequence

import numpy as np

from ..language import TitleIndex, normalise, variants
from .columns import Arrays, StringColumn


class VariantRows(Mapping[str, list[int]]):
    """Normalised title variant -> rows, over sorted keys and CSR rows."""

    def __init__(self, keys: StringColumn, indptr: np.ndarray, rows: np.ndarray) -> None:
        self.keys, self.indptr, self.rows = keys, indptr, rows

    def __getitem__(self, key: str) -> list[int]:
        at = bisect_left(self.keys, key)
        if at >= len(self.keys) or self.keys[at] != key:
            raise KeyError(key)
        return self.rows[self.indptr[at]:self.indptr[at + 1]].tolist()

    def __iter__(self) -> Iterator[str]:
        return iter(self.keys)

    def __len__(self) -> int:
        return len(self.keys)


def title_arrays(titles: Sequence[str], artists: Sequence[str],
                 popularity: Sequence[float]) -> dict[str, np.ndarray]:
    """What a title index needs, as arrays (prefixed ``titles.``)."""
    by_variant: dict[str, list[int]] = {}
    for row, title in enumerate(titles):
        for variant in variants(title):
            by_variant.setdefault(variant, []).append(row)
    keys = sorted(by_variant)
    indptr = np.zeros(len(keys) + 1, dtype=np.int64)
    np.cumsum([len(by_variant[k]) for k in keys], out=indptr[1:])
    rows = np.fromiter((r for k in keys for r in by_variant[k]), np.int64, int(indptr[-1]))
    norm_titles = [normalise(t) for t in titles]
    norm_artists = [normalise(a) for a in artists]
    out = {"titles.popularity": np.asarray(popularity, dtype=np.float64),
           "titles.variant_indptr": indptr, "titles.variant_rows": rows}
    for name, values in (("variants", keys), ("norm_titles", norm_titles),
                         ("norm_artists", norm_artists),
                         ("combined", [f"{t} {a}" for t, a in zip(norm_titles, norm_artists)])):
        out.update(StringColumn.of(values).arrays(f"titles.{name}"))
    return out


def title_index(arrays: Arrays, titles: Sequence[str], artists: Sequence[str]) -> TitleIndex:
    """A title index over ``title_arrays``' output and the table's own titles/artists."""
    exact = VariantRows(StringColumn.load(arrays, "titles.variants"),
                        arrays["titles.variant_indptr"], arrays["titles.variant_rows"])
    return TitleIndex.prebuilt(
        titles, artists, arrays["titles.popularity"], exact=exact,
        norm_titles=StringColumn.load(arrays, "titles.norm_titles"),
        norm_artists=StringColumn.load(arrays, "titles.norm_artists"),
        combined=StringColumn.load(arrays, "titles.combined"))
