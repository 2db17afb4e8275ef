"""The domain's exceptions: plain errors with a stable machine-readable ``code``.

Every error a user can cause or meet is a :class:`FeelalikeError` carrying a
``message`` and optional details (``extra``).  The domain does not know how an error
is shown: the service maps each class to an answer (``service/errors.py``) and the
CLI prints the message on one line.
"""
from __future__ import annotations

from typing import Any


class FeelalikeError(Exception):
    """Base class: an error with a code, a message and optional details."""

    code = "error"

    def __init__(self, message: str, **extra: Any) -> None:
        super().__init__(message)
        self.message = message
        self.extra = extra


class BadRequest(FeelalikeError):
    """The request (arguments, body, query) is not usable as given."""

    code = "bad_request"


class SeedWithoutEvidence(BadRequest):
    """A seed the build had nothing to place by (a title and nothing else)."""

    code = "seed_without_evidence"


class NotFound(FeelalikeError):
    code = "not_found"


class SeedNotFound(NotFound):
    code = "seed_not_found"


class TrackNotFound(NotFound):
    code = "track_not_found"


class Conflict(FeelalikeError):
    """The request clashes with the current state (e.g. a track id already taken)."""

    code = "conflict"


class TrackExists(Conflict):
    code = "track_exists"


class CatalogError(FeelalikeError):
    """A catalog (or review) file cannot be used at all."""

    code = "catalog_error"


class DatasetError(FeelalikeError):
    """A dataset cannot be fetched, verified or found."""

    code = "dataset_error"


class AudioError(FeelalikeError):
    """An audio file cannot be analysed (missing, undecodable, silent, too short)."""

    code = "audio_error"


class ConfigError(FeelalikeError):
    """A setting has a value that cannot be used (e.g. a bad environment variable)."""

    code = "config_error"


class InvalidExternalId(BadRequest):
    """An external id (ISRC, MusicBrainz id, Spotify or Deezer id, ...) that is malformed
    for its kind."""
