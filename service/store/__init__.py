"""The Redis side of feelalike: the connection, the versioned model store, its errors."""
from __future__ import annotations

from . import breaker
from .commands import one_command
from .codec import (decode_neighbours, encode_neighbours, mood_scores, track_document,
                    with_whole_numbers)
from .connection import close_embedded, connect, open_store
from .drafts import ID_INDEXES
from .errors import (
    IdClash,
    ModelFilesUnavailable,
    ModelNotReady,
    ModelShrinks,
    NothingToRollBack,
    StoreCorrupt,
    StoreUnavailable,
    VersionNotFound,
    VersionUnusable,
)
from .history import RollBack, VersionInfo
from .model_store import ModelStore
from .relocations import Relocation
from .updates import Updater, UpdateResult

__all__ = ["breaker", "ID_INDEXES", "IdClash", "UpdateResult", "Updater",
           "ModelFilesUnavailable", "ModelNotReady", "ModelShrinks", "ModelStore",
           "NothingToRollBack", "Relocation", "RollBack", "StoreCorrupt", "StoreUnavailable",
           "VersionInfo", "VersionNotFound", "VersionUnusable", "close_embedded", "connect",
           "decode_neighbours", "encode_neighbours", "mood_scores", "one_command", "open_store",
           "track_document", "with_whole_numbers"]
