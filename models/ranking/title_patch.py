"""The title arrays of a changed catalog, made from the old ones without redoing them.

An incremental update (tracks added, removed, renamed) changes a few rows; making the
title arrays (``title_arrays``) again normalises every title: seconds at 100k tracks,
which every worker serving the new version used to spend on its first request.
``patch_title_arrays`` gives the same arrays as ``title_arrays`` over the new rows, but
normalises only the rows that are new (added or renamed) and moves the rest as bytes.
"""
from __future__ import annotations

from bisect import bisect_left
from typing import Sequence

import numpy as np

from ..language import album_strings, normalise, variants
from .columns import Arrays, StringColumn, offsets_of

#: the per-row string columns of the title arrays
ROW_COLUMNS = ("titles.norm_titles", "titles.norm_artists", "titles.combined",
               "titles.albums")


def patch_title_arrays(arrays: Arrays, keep: np.ndarray, titles: Sequence[str],
                       artists: Sequence[str], popularity: Sequence[float],
                       albums: Sequence[str]) -> dict[str, np.ndarray]:
    """``title_arrays(titles, artists, popularity, albums)``, made from ``arrays`` (the
    title arrays of the old rows): ``keep[row]`` is the old row that new ``row`` is
    (its title, artist and album unchanged), or -1 for a row whose strings are new;
    only those rows of ``titles``, ``artists`` and ``albums`` are read."""
    keep = np.asarray(keep, dtype=np.int64)
    if len(keep) != len(titles):
        raise ValueError(f"{len(keep)} rows kept or new for {len(titles)} titles")
    fresh = np.flatnonzero(keep < 0).tolist()
    norm_titles = [normalise(titles[r]) for r in fresh]
    norm_artists = [normalise(artists[r]) for r in fresh]
    made = {"titles.norm_titles": norm_titles, "titles.norm_artists": norm_artists,
            "titles.combined": [f"{t} {a}" for t, a in zip(norm_titles, norm_artists)],
            "titles.albums": album_strings(norm_titles, [albums[r] for r in fresh])}
    out = {"titles.popularity": np.asarray(popularity, dtype=np.float64)}
    for name in ROW_COLUMNS:
        out.update(_taken(StringColumn.load(arrays, name), keep, made[name]).arrays(name))
    out.update(_patched_variants(arrays, keep, {r: titles[r] for r in fresh}))
    return out


def _gathered(sources: np.ndarray, starts: np.ndarray, lengths: np.ndarray) -> StringColumn:
    """The strings of ``sources`` (bytes) at ``starts`` of ``lengths`` bytes, in order:
    copied a run of strings that lie one after another in ``sources`` at a time (an
    update keeps most rows in their order, so there are about as many runs as changes)."""
    offsets = offsets_of(lengths, len(lengths))
    out = np.empty(int(offsets[-1]), np.uint8)
    breaks = np.flatnonzero(starts[1:] != starts[:-1] + lengths[:-1]) + 1
    bounds = [0, *breaks.tolist(), len(starts)]
    for first, end in zip(bounds, bounds[1:]):
        size = int(offsets[end] - offsets[first])
        out[offsets[first]:offsets[end]] = sources[starts[first]:starts[first] + size]
    return StringColumn(out, offsets)


def _taken(old: StringColumn, keep: np.ndarray, made: list[str]) -> StringColumn:
    """Row ``r`` of the result: ``old[keep[r]]``, or the next of ``made`` where
    ``keep[r]`` is -1."""
    extra = StringColumn.of(made)
    blob = np.asarray(old.blob)
    sources = np.concatenate([blob, np.asarray(extra.blob)])
    starts, lengths = np.empty(len(keep), np.int64), np.empty(len(keep), np.int64)
    kept, new = keep >= 0, keep < 0
    offsets = np.asarray(old.offsets, dtype=np.int64)
    starts[kept] = offsets[keep[kept]]
    lengths[kept] = offsets[keep[kept] + 1] - offsets[keep[kept]]
    starts[new] = len(blob) + extra.offsets[:-1]
    lengths[new] = np.diff(extra.offsets)
    return _gathered(sources, starts, lengths)


def _patched_variants(arrays: Arrays, keep: np.ndarray,
                      fresh: dict[int, str]) -> dict[str, np.ndarray]:
    """The variant -> rows arrays with the kept rows renumbered, the others' rows
    gone (and variants no row carries any more), and the ``fresh`` rows' variants in."""
    keys = StringColumn.load(arrays, "titles.variants")
    indptr = np.asarray(arrays["titles.variant_indptr"], dtype=np.int64)
    rows = np.asarray(arrays["titles.variant_rows"], dtype=np.int64)
    old_n = len(arrays["titles.popularity"])
    new_of_old = np.full(old_n, -1, np.int64)
    kept = np.flatnonzero(keep >= 0)
    new_of_old[keep[kept]] = kept
    key_of = np.repeat(np.arange(len(keys), dtype=np.int64), np.diff(indptr))
    moved = new_of_old[rows]
    stays = moved >= 0
    pairs = sorted({(v, row) for row, title in fresh.items() for v in variants(title)})
    added = sorted({v for v, _ in pairs if not _has(keys, v)})
    at = np.array([bisect_left(keys, v) for v in added], dtype=np.int64)
    # merged numbering: an old key moves up by the added keys before it
    merged_old = np.arange(len(keys), dtype=np.int64) + np.searchsorted(
        at, np.arange(len(keys)), side="right")
    merged_new = {v: int(a) + i for i, (v, a) in enumerate(zip(added, at))}
    fresh_keys = np.array([merged_new[v] if v in merged_new
                           else int(merged_old[bisect_left(keys, v)]) for v, _ in pairs],
                          dtype=np.int64)
    all_keys = np.concatenate([merged_old[key_of[stays]], fresh_keys])
    all_rows = np.concatenate([moved[stays], np.array([r for _, r in pairs], np.int64)])
    order = np.lexsort((all_rows, all_keys))
    all_keys, all_rows = all_keys[order], all_rows[order]
    counts = np.bincount(all_keys, minlength=len(keys) + len(added))
    used = np.flatnonzero(counts)
    # the strings of the merged keys still used: old ones from the old blob, added after
    extra = StringColumn.of(added)
    sources = np.concatenate([np.asarray(keys.blob), np.asarray(extra.blob)])
    add_at = at + np.arange(len(added), dtype=np.int64)
    key_offsets = np.asarray(keys.offsets, dtype=np.int64)
    starts, lengths = np.empty(len(counts), np.int64), np.empty(len(counts), np.int64)
    starts[merged_old], lengths[merged_old] = key_offsets[:-1], np.diff(key_offsets)
    starts[add_at] = len(keys.blob) + extra.offsets[:-1]
    lengths[add_at] = np.diff(extra.offsets)
    column = _gathered(sources, starts[used], lengths[used])
    return {"titles.variant_indptr": offsets_of(counts[used], len(used)),
            "titles.variant_rows": all_rows, **column.arrays("titles.variants")}


def _has(keys: StringColumn, value: str) -> bool:
    at = bisect_left(keys, value)
    return at < len(keys) and keys[at] == value
