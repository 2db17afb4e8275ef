"""Compact string columns for the track table: plain numpy arrays, no Python objects
per row.

A million tracks as Python lists of strings and frozensets cost about 2 KB a track in
every worker.  These columns keep the same per-row answers (``column[row]`` is a
``str``, a tag column's row a ``frozenset``) over a few flat arrays, which the
service writes once per model version and memory-maps in every worker, so the
operating system's page cache holds one copy for all of them.

* :class:`StringColumn` — one UTF-8 blob and int64 offsets (ids, titles, ...);
* :class:`CodedColumn` — int32 codes into a sorted vocabulary (artist and song keys:
  equality and "which rows have this key" are what they are used for);
* :class:`TagColumn` — compressed sparse rows of codes into a sorted tag vocabulary.
"""
from __future__ import annotations

from bisect import bisect_left
from typing import Iterable, Iterator, Mapping, Sequence

import numpy as np

Arrays = Mapping[str, np.ndarray]


def offsets_of(counts: Iterable[int] | np.ndarray, n: int) -> np.ndarray:
    """CSR offsets (``n + 1`` int64, starting at 0) of ``n`` runs of ``counts`` items."""
    offsets = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.fromiter(counts, np.int64, n), out=offsets[1:])
    return offsets


class StringColumn(Sequence[str]):
    """Strings stored as one UTF-8 blob (uint8) and ``n + 1`` int64 offsets."""

    def __init__(self, blob: np.ndarray, offsets: np.ndarray) -> None:
        self.blob, self.offsets = blob, offsets

    @classmethod
    def of(cls, values: Iterable[str]) -> "StringColumn":
        encoded = [v.encode("utf-8") for v in values]
        return cls(np.frombuffer(b"".join(encoded), dtype=np.uint8),
                   offsets_of(map(len, encoded), len(encoded)))

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def __getitem__(self, row):  # type: ignore[override]
        if isinstance(row, slice):
            return [self[i] for i in range(*row.indices(len(self)))]
        start, end = self.offsets[row], self.offsets[row + 1]
        return self.blob[start:end].tobytes().decode("utf-8")

    def __iter__(self) -> Iterator[str]:
        data = self.blob.tobytes()
        bounds = self.offsets.tolist()
        for start, end in zip(bounds, bounds[1:]):
            yield data[start:end].decode("utf-8")

    def arrays(self, name: str) -> dict[str, np.ndarray]:
        return {f"{name}.blob": np.asarray(self.blob), f"{name}.offsets": self.offsets}

    @classmethod
    def load(cls, arrays: Arrays, name: str) -> "StringColumn":
        return cls(arrays[f"{name}.blob"], arrays[f"{name}.offsets"])


def _vocabulary(values: Iterable[str]) -> tuple[list[str], dict[str, int]]:
    vocab = sorted(set(values))
    return vocab, {v: i for i, v in enumerate(vocab)}


class CodedColumn(Sequence[str]):
    """Strings as int32 codes into a sorted vocabulary (a :class:`StringColumn`)."""

    def __init__(self, codes: np.ndarray, vocab: StringColumn) -> None:
        self.codes, self.vocab = codes, vocab

    @classmethod
    def of(cls, values: Sequence[str]) -> "CodedColumn":
        vocab, code = _vocabulary(values)
        return cls(np.fromiter((code[v] for v in values), np.int32, len(values)),
                   StringColumn.of(vocab))

    def __len__(self) -> int:
        return len(self.codes)

    def __getitem__(self, row):  # type: ignore[override]
        if isinstance(row, slice):
            return [self[i] for i in range(*row.indices(len(self)))]
        return self.vocab[int(self.codes[row])]

    def code_of(self, value: str) -> int | None:
        """The code of ``value``, or None when no row has it (a binary search)."""
        at = bisect_left(self.vocab, value)
        return at if at < len(self.vocab) and self.vocab[at] == value else None

    def mask(self, values: Iterable[str], rows: np.ndarray | None = None) -> np.ndarray:
        """Boolean mask of the rows (all, or ``rows``) whose value is one of ``values``."""
        codes = self.codes if rows is None else self.codes[rows]
        wanted = [c for c in (self.code_of(v) for v in values) if c is not None]
        return np.isin(codes, wanted) if wanted else np.zeros(len(codes), dtype=bool)

    def arrays(self, name: str) -> dict[str, np.ndarray]:
        return {f"{name}.codes": self.codes, **self.vocab.arrays(f"{name}.vocab")}

    @classmethod
    def load(cls, arrays: Arrays, name: str) -> "CodedColumn":
        return cls(arrays[f"{name}.codes"], StringColumn.load(arrays, f"{name}.vocab"))


class TagColumn(Sequence[frozenset]):
    """Sets of strings per row: CSR (``indptr``, int32 ``codes``) over a sorted
    vocabulary; ``rows`` repeats each row number once per code (for masks)."""

    def __init__(self, indptr: np.ndarray, codes: np.ndarray, vocab: StringColumn) -> None:
        self.indptr, self.codes, self.vocab = indptr, codes, vocab

    @classmethod
    def of(cls, values: Sequence[Iterable[str]]) -> "TagColumn":
        sets = [sorted(set(v)) for v in values]
        vocab, code = _vocabulary(t for s in sets for t in s)
        indptr = offsets_of(map(len, sets), len(sets))
        codes = np.fromiter((code[t] for s in sets for t in s), np.int32, int(indptr[-1]))
        return cls(indptr, codes, StringColumn.of(vocab))

    def __len__(self) -> int:
        return len(self.indptr) - 1

    def __getitem__(self, row):  # type: ignore[override]
        if isinstance(row, slice):
            return [self[i] for i in range(*row.indices(len(self)))]
        start, end = self.indptr[row], self.indptr[row + 1]
        return frozenset(self.vocab[int(c)] for c in self.codes[start:end])

    def mask(self, values: Iterable[str], rows: np.ndarray | None = None) -> np.ndarray:
        """Boolean mask of the rows (all, or ``rows``) carrying any of ``values``."""
        wanted = [c for c in (CodedColumn(self.codes, self.vocab).code_of(v) for v in values)
                  if c is not None]
        if rows is None:
            mask = np.zeros(len(self), dtype=bool)
            if wanted:
                hits = np.flatnonzero(np.isin(self.codes, wanted))
                mask[np.searchsorted(self.indptr, hits, side="right") - 1] = True
            return mask
        starts, ends = self.indptr[rows], self.indptr[np.asarray(rows) + 1]
        lengths = ends - starts
        mask = np.zeros(len(lengths), dtype=bool)
        if wanted and lengths.sum():
            owner = np.repeat(np.arange(len(lengths)), lengths)  # the tags of ``rows``
            at = np.arange(int(lengths.sum())) - np.repeat(np.cumsum(lengths) - lengths, lengths)
            hits = np.isin(self.codes[np.repeat(starts, lengths) + at], wanted)
            mask[owner[hits]] = True
        return mask

    def arrays(self, name: str) -> dict[str, np.ndarray]:
        return {f"{name}.indptr": self.indptr, f"{name}.codes": self.codes,
                **self.vocab.arrays(f"{name}.vocab")}

    @classmethod
    def load(cls, arrays: Arrays, name: str) -> "TagColumn":
        return cls(arrays[f"{name}.indptr"], arrays[f"{name}.codes"],
                   StringColumn.load(arrays, f"{name}.vocab"))
