"""Reading the models' ``.npz`` files: never with pickle, and with a plain reason when a
file is something else (a CSV passed as a model, a lone ``.npy`` array)."""
from __future__ import annotations

import zipfile
from pathlib import Path
from typing import BinaryIO

import numpy as np
from numpy.lib.npyio import NpzFile


def open_npz(path: str | Path | BinaryIO) -> NpzFile:
    """The archive at ``path`` (use it as a context manager); ``ValueError`` when the
    file is not an ``.npz`` archive, ``OSError`` when it cannot be read."""
    try:
        data = np.load(path, allow_pickle=False)
    except ValueError as exc:  # numpy's words for "neither npz nor npy" speak of pickle
        if "pickle" in str(exc):
            raise ValueError("not an .npz file") from None
        raise
    except (zipfile.BadZipFile, EOFError):  # begins as an archive: cut off or damaged
        raise ValueError("a damaged or cut-off .npz file (write it again)") from None
    if not isinstance(data, NpzFile):
        raise ValueError("not an .npz file (a single .npy array)")
    return data
