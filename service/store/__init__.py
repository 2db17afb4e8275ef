"""The Redis side of feelalike: the connection, the versioned model store, its errors."""
from __future__ import annotations

from .codec import decode_neighbours, encode_neighbours, track_document
from .connection import connect, open_store
from .errors import ModelNotReady, StoreCorrupt, StoreUnavailable
from .model_store import ModelStore

__all__ = ["ModelNotReady", "ModelStore", "StoreCorrupt", "StoreUnavailable", "connect",
           "decode_neighbours", "encode_neighbours", "open_store", "track_document"]
