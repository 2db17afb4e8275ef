"""The Redis side of feelalike: the connection and the versioned model store."""
from __future__ import annotations

from .codec import decode_neighbours, encode_neighbours, track_document
from .connection import connect
from .model_store import ModelStore

__all__ = ["ModelStore", "connect", "decode_neighbours", "encode_neighbours", "track_document"]
