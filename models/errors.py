"""The one exceptions module of feelalike.

Every error a user can cause or meet is a :class:`FeelalikeError` with a stable
machine-readable ``code`` and the HTTP ``status`` the API answers with.  The CLI
prints ``message`` on one line and exits non-zero; the API renders
``{"error": {"code", "message", ...extra}}``.
"""
from __future__ import annotations

from typing import Any


class FeelalikeError(Exception):
    """Base class: an error with a code, a message, a status and optional details."""

    code = "error"
    status = 500

    def __init__(self, message: str, **extra: Any) -> None:
        super().__init__(message)
        self.message = message
        self.extra = extra


class BadRequest(FeelalikeError):
    code = "bad_request"
    status = 400


class NotFound(FeelalikeError):
    code = "not_found"
    status = 404


class SeedNotFound(NotFound):
    code = "seed_not_found"


class TrackNotFound(NotFound):
    code = "track_not_found"


class CatalogError(FeelalikeError):
    """A catalog (or review) file cannot be used at all."""

    code = "catalog_error"
    status = 400


class DatasetError(FeelalikeError):
    """A dataset cannot be fetched, verified or found."""

    code = "dataset_error"
    status = 400


class ModelNotReady(FeelalikeError):
    """No model version has been built into the store yet."""

    code = "model_not_ready"
    status = 503


class StoreUnavailable(FeelalikeError):
    """The Redis store cannot be reached."""

    code = "store_unavailable"
    status = 503


class StoreCorrupt(FeelalikeError):
    """The store holds data this version of feelalike cannot read."""

    code = "store_corrupt"
    status = 500
