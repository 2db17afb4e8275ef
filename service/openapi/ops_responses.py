"""Response models of the service's own routes: health, readiness, the admin updates and
the model versions (the recommendation answers are in ``responses.py``)."""
from __future__ import annotations

from typing import Any, Literal, Optional

from pydantic import BaseModel, Field

from .responses import VERSION, Doc

VERSION_EXAMPLE = "20261125T231500Z-3f2a9c1d"


class Health(Doc):
    """Answer of ``GET /healthz``."""

    status: Literal["ok"] = Field(description="Always ok while the process is up.")


class Readiness(Doc):
    """Answer of ``GET /readyz``."""

    status: Literal["ready"] = Field(description="Redis answers and a model is current.")
    model_version: str = VERSION
    tracks: int = Field(ge=0, description="How many tracks the model has.", examples=[28356])


class UpdateResult(Doc):
    """Answer of the admin routes: the new live model version and what changed."""

    model_version: str = Field(description="The new live model version.",
                               examples=["20261125T231500Z-3f2a9c1d"])
    previous_version: str = Field(description="The version the update started from.",
                                  examples=["20261125T204030Z-d62af65e"])
    tracks: int = Field(ge=0, description="Tracks in the new version.", examples=[28357])
    added: list[str] = Field(description="Ids of the tracks added (empty for a removal).",
                             examples=[["new-track-1"]])
    removed: list[str] = Field(description="Ids of the tracks removed (empty for an add).",
                               examples=[[]])
    lists_rewritten: int = Field(ge=0, description="Neighbour lists written: the new "
                                 "tracks' own and those of tracks whose lists changed.",
                                 examples=[97])
    seconds: float = Field(ge=0, description="How long the update took.", examples=[0.41])
    unplaced: list[str] = Field(description="Ids of added tracks with nothing to place them "
                                "by (a title, no features, tags, notes or album-mate with "
                                "any): found, never recommended, refused as seeds.",
                                examples=[[]])


class VersionEntry(Doc):
    """One model version the store holds."""

    version: str = Field(description="The version id.", examples=[VERSION_EXAMPLE])
    state: Literal["live", "previous", "pending", "incomplete"] = Field(
        description="live; previous (replaced, readable for seconds_left more: a rollback "
                    "can name it); pending (being written); incomplete (lost keys: cannot "
                    "be made live).")
    made: Optional[str] = Field(description="When it was made (UTC, ISO 8601); null when "
                                "unknown.", examples=["2026-11-25T23:15:00Z"])
    tracks: Optional[int] = Field(ge=0, description="Its tracks; null while pending.",
                                  examples=[28357])
    made_by: Optional[str] = Field(description="build, add, remove or relocate (a sync's "
                                   "moves); null while pending.", examples=["add"])
    seconds_left: Optional[int] = Field(ge=0, description="How long it stays readable; "
                                        "null: no expiry (the live one).", examples=[3012])
    base: Optional[str] = Field(description="An update's: the version it changed.",
                                examples=[VERSION_EXAMPLE])
    command: Optional[dict[str, Any]] = Field(
        description="A step of one CLI command (sync, add): {by, id, step, steps, base}, "
                    "base being the version live before the command; null: made on its "
                    "own (every admin route's update is).", examples=[None])


class VersionListing(Doc):
    """Answer of ``GET /v1/admin/versions`` (as ``feelalike versions --json``)."""

    live: Optional[str] = Field(description="The live version; null: none.",
                                examples=[VERSION_EXAMPLE])
    versions: list[VersionEntry] = Field(description="Newest first.")


class RollbackResult(Doc):
    """Answer of ``POST /v1/admin/rollback``: what is live now and what it replaced."""

    model_version: str = Field(description="The version live again.",
                               examples=["20261125T204030Z-d62af65e"])
    previous_version: str = Field(description="The version it replaced; a rollback naming "
                                  "it returns to it.", examples=[VERSION_EXAMPLE])
    tracks: int = Field(ge=0, description="Tracks of the version live now.",
                        examples=[28356])
    previous_seconds_left: int = Field(ge=0, description="How long the replaced version "
                                       "stays readable (FEELALIKE_GRACE_SECONDS).",
                                       examples=[3600])
    undone: Optional[dict[str, Any]] = Field(
        description="The CLI command (sync, add) whose steps this undid together, as in "
                    "VersionEntry.command; null: one version back.", examples=[None])


#: the models above by component name.
OPS_RESPONSES: dict[str, type[BaseModel]] = {
    m.__name__: m for m in (Health, Readiness, UpdateResult, VersionEntry, VersionListing,
                            RollbackResult)}
