"""The body of every error answer: ``{"error": {"code", "message", ...}}`` (the
recommendation answers are in ``responses.py``)."""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from .responses import Doc, TrackRef


class ErrorDetail(Doc):
    """What went wrong."""

    code: str = Field(description=(
        "Stable machine-readable code: bad_request, seed_without_evidence, seed_not_found, "
        "track_not_found, not_found, method_not_allowed, request_entity_too_large, "
        "unsupported_media_type, request_uri_too_long, too_many_requests, busy, "
        "model_not_ready, store_unavailable, model_files_unavailable, internal_error; "
        "unauthorized when keys are required; admin routes also forbidden, admin_disabled, "
        "track_exists, id_clash, update_conflict, rebuild_needed, model_shrinks, "
        "version_not_found, nothing_to_roll_back, version_unusable."),
        examples=["bad_request"])
    message: str = Field(description="One line for people; never shows internals.",
                         examples=["limit: must be at most 100, got 500"])
    field: Optional[str] = Field(None, description="400: the exact JSON path of the "
                                                   "offending field; seed_not_found: the "
                                                   "seed's ('seed', 'seeds[1]', "
                                                   "'negative_seeds[0]', 'from', 'to').",
                                 examples=["limit"])
    suggestions: Optional[list[TrackRef]] = Field(
        None, description="seed_not_found only: close titles (may be empty).")
    retry_after: Optional[int] = Field(
        None, ge=0, description="too_many_requests and busy: seconds to wait before trying "
                                "again (as the Retry-After header).", examples=[42])
    header: Optional[str] = Field(None, description="unauthorized: the header the key goes "
                                                    "in.", examples=["X-API-Key"])
    ids: Optional[list[str]] = Field(None, examples=[["new-track-1"]], description=(
        "track_exists, id_clash, track_not_found (admin routes): the ids (the first few)."))
    live_tracks: Optional[int] = Field(None, ge=0, description="model_shrinks: live tracks.")
    new_tracks: Optional[int] = Field(None, ge=0, description="model_shrinks: new tracks.")
    reason: Optional[Literal["live", "pending", "incomplete"]] = Field(
        None, description="version_unusable: why the version cannot be made live.",
        examples=["incomplete"])


class Error(Doc):
    """The body of every 4xx and 5xx."""

    model_config = ConfigDict(extra="forbid")
    error: ErrorDetail


#: the models above by component name.
ERROR_MODELS: dict[str, type[BaseModel]] = {m.__name__: m for m in (ErrorDetail, Error)}
