"""Errors of the Redis model store (the domain knows nothing of Redis)."""
from __future__ import annotations

from models.errors import FeelalikeError


class ModelNotReady(FeelalikeError):
    """No model version has been built into the store yet (or it has expired)."""

    code = "model_not_ready"


class StoreUnavailable(FeelalikeError):
    """The Redis store cannot be reached."""

    code = "store_unavailable"


class StoreCorrupt(FeelalikeError):
    """The store holds data this version of feelalike cannot read."""

    code = "store_corrupt"
