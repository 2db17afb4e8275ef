"""Per-version arrays on local disk, memory-mapped by every worker.

The track table and the title index of a model version are written once per machine
as plain ``.npy`` files (no pickle) under ``DATA_HOME/versions/<prefix>/<version>.f6/``
(``f6``: the files' format, see ``FORMAT``) and opened with ``np.load(mmap_mode="r")``:
the operating system's page cache holds one copy that every worker shares, instead of
each worker decoding the whole catalog from Redis into Python objects.  A worker's
resident size still counts every mapped page it has touched — in large page-cache
folios (up to 2 MB on ext4), not 4 KB pages — so the files keep what requests read
small and together: integers as narrow as their values allow, ``numbers`` one column
after another (and the mood columns once more, row-major, as ``moods``).

Writing: the first worker to need a version takes a file lock (the others wait for
it, then only open the files), reads the version from Redis, writes every array into
a temporary folder and renames it into place — a folder that exists is complete.
Should two writers race anyway (another machine sharing the folder, no lock), the
rename of the second fails and it uses the first one's files.  Above
``FEELALIKE_ANN_THRESHOLD`` tracks the k-means cells of the vector index
(``models.ranking.cell_arrays``) are written too.  With a Redis URL the writing
happens in a child process (``python -m service.version_files``), so the worker does
not keep the memory that decoding the whole catalog from Redis took.  Folders of older
versions are removed after a write, keeping the newest ``keep``; a worker still
serving one keeps its mapped pages (the files are unlinked, not overwritten).
"""
from __future__ import annotations

import ctypes
import fcntl
import gc
import json
import logging
import os
import shutil
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Sequence

import numpy as np

from models import settings
from models.ranking import cell_arrays, title_arrays, title_arrays_from_bytes, title_source

from .observability.requestlog import request_note
from .store import ModelFilesUnavailable, ModelStore, StoreCorrupt

log = logging.getLogger(__name__)

MANIFEST = "manifest.json"
# 2: integer arrays in the narrowest of int16/int32/int64 that holds them, ``numbers``
# column-major plus a row-major ``moods``; folders are named ``<version>.f2``, so a
# worker of this code writes its own folder next to one of format 1 (which it can
# still read: the columns accept either layout and any integer width).
# 3: ``world_unit`` leaves out columns that are the same for every track (the feel
# space's anchor; ``models.ranking.rows.world_unit_rows``); a format-2 folder's
# ``world_unit`` kept it, so this code writes its own ``.f3`` folder next to it.
# 4: the title arrays carry the albums (``titles.albums``), whose words a search
# reads; a format-3 folder lacks them (a search over it ignores albums), so this code
# writes its own ``.f4`` folder next to it.
# 5: titles in normal form expand contractions typed without an apostrophe ("dont" as
# "do not", as "don't" always was), so a format-4 folder's normal forms miss such a
# search; this code writes its own ``.f5`` folder next to it.
# 6: titles in normal form read letters joined by full stops as one word ("P.Y.T." as
# "pyt") and write out a few abbreviations ("Mr." as "mister"): a format-5 folder's
# normal forms miss "PYT", so this code writes its own ``.f6`` folder next to it (and
# recomputes title arrays a model built by older code carries: ``title_source``).
FORMAT = 6
READABLE = (1, 2, 3, 4, 5, 6)
STALE_TEMP_SECONDS = 3600


class VersionFiles:
    """The local folder of per-version arrays for one store prefix.

    A version whose files could not be written (a full or read-only disk) is not tried
    again for ``RETRY_SECONDS``: each try reads the whole model from Redis first, so on
    a full disk every request (and every /readyz probe) spent ten seconds before its 503.
    """

    RETRY_SECONDS = 15.0

    def __init__(self, root: Path | str, prefix: str, keep: int = 3,
                 ann_threshold: int | None = None, redis_url: str = "") -> None:
        self.root = Path(root) / prefix
        self.prefix = prefix
        self.keep = keep
        self.redis_url = redis_url
        self.ann_threshold = settings.get("ANN_THRESHOLD") if ann_threshold is None \
            else ann_threshold
        self._failed: dict[str, float] = {}  # version -> when its files last failed

    def folder(self, version: str) -> Path:
        return self.root / f"{version}.f{FORMAT}"

    def open(self, store: ModelStore, version: str) -> dict[str, np.ndarray]:
        """The version's arrays, memory-mapped (written from ``store`` first if needed)."""
        folder = self.folder(version)
        failed = self._failed.get(version)
        if failed is not None and time.monotonic() - failed < self.RETRY_SECONDS:
            raise _unavailable()
        try:
            if not (folder / MANIFEST).exists():
                with self._lock():
                    if not (folder / MANIFEST).exists():
                        if not self._write_in_child(version):
                            self.write(store, version)
                        self.clean(current=version)
            return self.load(folder)
        except OSError as exc:
            log.error("cannot write or read the model's files under %s: %s%s", self.root, exc,
                      request_note())
            self._failed[version] = time.monotonic()
            raise _unavailable() from None

    @staticmethod
    def load(folder: Path) -> dict[str, np.ndarray]:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        if manifest.get("format") not in READABLE:
            raise StoreCorrupt(f"{folder}: arrays of another format; remove the folder")
        # plain ndarray views of the mappings: indexing a np.memmap costs microseconds
        # (a new memmap object each time), and a query indexes hundreds of times
        return {name: np.asarray(np.load(folder / f"{name}.npy", mmap_mode="r",
                                         allow_pickle=False))
                for name in manifest["arrays"]}

    def write(self, store: ModelStore, version: str) -> Path:
        """Write the version's arrays from Redis into a temporary folder, then rename it
        into place; returns the folder (another writer's, if it won the race)."""
        self.root.mkdir(parents=True, exist_ok=True)
        table = store.table(version)
        arrays = table.to_arrays()
        arrays.update(_titles(store, version, table.albums))
        del table
        if len(arrays["ids.offsets"]) - 1 > self.ann_threshold:  # search by cells
            arrays.update(cell_arrays(arrays["unit"]))
        temp = self.root / f".tmp-{version}-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        temp.mkdir()
        try:
            for name, array in arrays.items():
                np.save(temp / f"{name}.npy", _stored(array), allow_pickle=False)
            (temp / MANIFEST).write_text(json.dumps(
                {"format": FORMAT, "version": version, "arrays": sorted(arrays)}),
                encoding="utf-8")
            del arrays
            os.rename(temp, self.folder(version))
        except OSError:
            if not (self.folder(version) / MANIFEST).exists():
                raise
        finally:
            shutil.rmtree(temp, ignore_errors=True)
            _give_back_memory()
        return self.folder(version)

    def _write_in_child(self, version: str) -> bool:
        """Write the version in a child process; False when there is no Redis URL to
        give it (the embedded server) or it failed (the caller then writes, and
        raises the store's own error if there is one)."""
        if not self.redis_url:
            return False
        env = {**os.environ, "FEELALIKE_REDIS_URL": self.redis_url}  # not on the command line
        done = subprocess.run(
            [sys.executable, "-m", "service.version_files", self.prefix, str(self.root.parent),
             version, str(self.ann_threshold)], env=env, capture_output=True, text=True,
            check=False)
        return done.returncode == 0 and (self.folder(version) / MANIFEST).exists()

    def clean(self, current: str) -> list[str]:
        """Remove the folders of all but the newest ``keep`` versions (``current``
        always kept) and temporary folders left by killed writers; returns the
        versions removed."""
        if not self.root.exists():
            return []
        now = time.time()
        removed = []
        folders = sorted((p for p in self.root.iterdir() if p.is_dir()),
                         key=lambda p: p.stat().st_mtime, reverse=True)
        kept = 0
        for folder in folders:
            if folder.name.startswith(".tmp-"):
                if now - folder.stat().st_mtime > STALE_TEMP_SECONDS:
                    shutil.rmtree(folder, ignore_errors=True)
                continue
            if folder == self.folder(current) or kept < self.keep - 1:
                kept += folder != self.folder(current)
                continue
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder.name)
        return removed

    @contextmanager
    def _lock(self) -> Iterator[None]:
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / ".lock", "w") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)


def _unavailable() -> ModelFilesUnavailable:
    return ModelFilesUnavailable("the model's local files cannot be written or read on the "
                                 "server; try again later")


def _stored(array: np.ndarray) -> np.ndarray:
    """``array`` as written: contiguous (column-major kept), and integers in the
    narrowest signed type that holds them (offsets, codes and row numbers: every page
    a request reads is a page of a worker's memory; the values read are the same)."""
    array = array if array.flags.c_contiguous or array.flags.f_contiguous \
        else np.ascontiguousarray(array)
    if array.dtype.kind != "i" or array.size == 0:
        return array
    low, high = int(array.min()), int(array.max())
    for dtype in (np.int16, np.int32, np.int64):
        if np.iinfo(dtype).min <= low and high <= np.iinfo(dtype).max:
            return array if array.dtype == dtype else array.astype(dtype, order="K")
    return array


def _titles(store: ModelStore, version: str, albums: Sequence[str]) -> dict[str, np.ndarray]:
    """The title index's arrays: prebuilt at publish time when they match the stored
    titles and ``albums`` (a build's, or an update's: ``store/titles.py``), else
    computed here (versions written before they existed or before albums counted)."""
    titles = store.titles(version)
    found = title_arrays_from_bytes(store.raw(version, "title_arrays", required=False),
                                    title_source(json.dumps(titles).encode(), albums))
    if found is not None:
        return found
    return title_arrays([t[0] for t in titles], [t[1] for t in titles], [t[2] for t in titles],
                        albums)


M_MMAP_THRESHOLD, M_ARENA_MAX = -3, -8  # glibc mallopt parameters


def steady_heap() -> None:
    """Keep a worker's heap from holding on to freed request temporaries: serve every
    allocation above 128 KB (a million-row array) with its own mapping, returned when
    freed — glibc otherwise raises that threshold after the first free, and later
    arrays land in per-thread arenas that keep the memory — and use two arenas."""
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt(M_MMAP_THRESHOLD, 128 * 1024)
        libc.mallopt(M_ARENA_MAX, 2)
    except (OSError, AttributeError):  # not glibc
        pass


def _give_back_memory() -> None:
    """Return the freed decode buffers to the operating system (glibc keeps them
    otherwise, and the writing worker would look as large as a full copy)."""
    gc.collect(1)
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc
        pass


def main(argv: list[str]) -> int:
    """``python -m service.version_files PREFIX ROOT VERSION ANN_THRESHOLD`` (Redis at
    ``FEELALIKE_REDIS_URL``): write one version's files, as a worker's child."""
    from .store.connection import connect

    prefix, root, version, threshold = argv
    # connect() honours FEELALIKE_REDIS_CLUSTER (inherited), so a cluster works here too
    store = ModelStore(connect(os.environ["FEELALIKE_REDIS_URL"]), prefix=prefix)
    VersionFiles(root, prefix, ann_threshold=int(threshold)).write(store, version)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
