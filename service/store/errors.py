"""Errors of the Redis model store (the domain knows nothing of Redis)."""
from __future__ import annotations

from models.errors import CatalogError, Conflict, FeelalikeError, NotFound


class ModelNotReady(FeelalikeError):
    """No model version has been built into the store yet (or it has expired)."""

    code = "model_not_ready"


class StoreUnavailable(FeelalikeError):
    """The Redis store cannot be reached."""

    code = "store_unavailable"


class VersionIncomplete(StoreUnavailable):
    """A version lost keys while it was written or held (evicted for memory, or Redis
    restarted from an older snapshot): it cannot be made live.  A publish reports it as
    the store failing it; a rollback, as the version it was asked for being unusable."""


class ModelFilesUnavailable(FeelalikeError):
    """The version's local array files cannot be written or read under the data home
    (a full or read-only disk, a file where the folder should be); the cause is logged."""

    code = "model_files_unavailable"


class StoreCorrupt(FeelalikeError):
    """The store holds data this version of feelalike cannot read."""

    code = "store_corrupt"


class UpdateConflict(Conflict):
    """The live model changed while an update was being written (another update or a
    build won the race); the update was dropped and can be run again."""

    code = "update_conflict"


class RebuildNeeded(Conflict):
    """The live model was built without the fitted state incremental updates need."""

    code = "rebuild_needed"


class ModelShrinks(CatalogError):
    """A new model would lose more of the live model's tracks than allowed (the catalog is
    probably broken); publishing it needs force, asked for as the caller asks for it."""

    code = "model_shrinks"

    def overridden_by(self, how: str) -> ModelShrinks:
        """The same refusal, ending with how this caller publishes anyway (``--force`` on
        the command line, ``"force": true`` in an admin request)."""
        return ModelShrinks(f"{self.message}, or publish it anyway with {how}", **self.extra)


class IdClash(Conflict):
    """A new track's id reads as an external id another track holds, or it holds an
    external id that is another track's id: lookups would find the wrong one."""

    code = "id_clash"


class VersionNotFound(NotFound):
    """The model version named to roll back to is not held (unknown, or expired after
    the grace period)."""

    code = "version_not_found"


class NothingToRollBack(Conflict):
    """A rollback without a version found nothing to go back to: no model is live, no
    earlier version is held whole, or the one live before the command that made the
    live one is gone."""

    code = "nothing_to_roll_back"


class VersionUnusable(Conflict):
    """The model version named cannot be made live: it is live already, still being
    written, or lost keys (``reason``: live, pending or incomplete)."""

    code = "version_unusable"
