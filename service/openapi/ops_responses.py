"""Response models of the service's own routes: health, readiness and the admin
updates (the recommendation answers are in ``responses.py``)."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from .responses import VERSION, Doc


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


#: the models above by component name.
OPS_RESPONSES: dict[str, type[BaseModel]] = {
    m.__name__: m for m in (Health, Readiness, UpdateResult)}
