"""The error responses of the API (``components/responses``): for each, its status, what
it means and its examples.  ``operations.py`` names them per operation."""
from __future__ import annotations

from typing import Any

from ..settings import ALL_SETTINGS


def _default(name: str) -> Any:
    return next(s.default for s in ALL_SETTINGS if s.name == name)


#: error responses (``components/responses``): status, description, example names.
ERROR_RESPONSES: dict[str, tuple[int, str, tuple[str, ...]]] = {
    "BadRequest": (400, "bad_request: a parameter or field is missing, of the wrong type, "
                        "out of range, contradictory (min_ > max_), unknown, or the body is "
                        "not a JSON object; `field` is its exact JSON path. "
                        "seed_without_evidence: every seed is a track the build had nothing "
                        "to place by (a title and nothing else), never recommended. "
                        "model_shrinks (admin removals): the model would lose more of its "
                        "tracks than FEELALIKE_MAX_SHRINK allows; send \"force\": true.",
                   ("bad_request", "bad_field")),
    "SeedNotFound": (404, "seed_not_found: no track matches a seed; `suggestions` lists "
                          "close titles (possibly none).", ("seed_not_found",)),
    "TrackNotFound": (404, "track_not_found: no track has this id.", ("track_not_found",)),
    "MethodNotAllowed": (405, "method_not_allowed: the path exists but does not take this "
                              "method; the Allow header lists those it takes.",
                         ("method_not_allowed",)),
    "PayloadTooLarge": (413, "request_entity_too_large: the body is larger than the "
                             "server's limit (FEELALIKE_MAX_BODY_BYTES, "
                             f"{_default('MAX_BODY_BYTES'):,} bytes by default).",
                        ("request_entity_too_large",)),
    "UnsupportedMediaType": (415, "unsupported_media_type: the body was sent with a "
                                  "Content-Type other than application/json (or a +json "
                                  "type); a body without one is read as JSON.",
                             ("unsupported_media_type",)),
    "UriTooLong": (414, "request_uri_too_long: the path and query string are longer than the "
                        "server's limit (FEELALIKE_MAX_URL_CHARS, "
                        f"{_default('MAX_URL_CHARS'):,} characters by default).",
                   ("request_uri_too_long",)),
    "Unauthorized": (401, "unauthorized: FEELALIKE_REQUIRE_KEYS_FOR_READS is on and no valid "
                          "X-API-Key header was sent, or the server has keys and the one "
                          "sent is not one of them (where reads need no key, send none to "
                          "read anonymously); the key is never echoed.",
                     ("unauthorized",)),
    "TooManyRequests": (429, "too_many_requests: over the client's rate limit "
                             "(FEELALIKE_RATE_LIMIT, heavier requests cost more); Retry-After "
                             "and `retry_after` say when to try again.",
                        ("too_many_requests",)),
    "Unavailable": (503, "model_not_ready: no model has been built yet (or the current one "
                         "expired); store_unavailable: Redis cannot be reached; "
                         "model_files_unavailable: the server cannot write the model's local "
                         "files; busy: every slot for heavy requests is in use (Retry-After). "
                         "Retry later.",
                    ("model_not_ready", "store_unavailable", "model_files_unavailable",
                     "busy")),
    "AdminUnauthorized": (401, "unauthorized: no X-API-Key header, or a key that is neither "
                               "an admin key nor a read key (never echoed).",
                          ("admin_unauthorized",)),
    "Forbidden": (403, "admin_disabled: FEELALIKE_ADMIN_KEYS is empty, so the admin routes "
                       "are off; forbidden: a read key (FEELALIKE_API_KEYS) that is not an "
                       "admin key.", ("admin_disabled", "forbidden")),
    "Conflict": (409, "track_exists: an id to add is already in the model (`ids`); "
                      "id_clash: an id to add reads as an external id another track holds "
                      "(`isrc:...`), and would answer its lookups (`ids`); "
                      "update_conflict: the live model changed while the update ran (run "
                      "it again); rebuild_needed: the live model predates incremental "
                      "updates (run `feelalike build` once).",
                 ("track_exists", "id_clash", "update_conflict", "rebuild_needed")),
    "VersionNotFound": (404, "version_not_found: no model version of that name is held "
                             "(unknown, or expired FEELALIKE_GRACE_SECONDS after it was "
                             "replaced); GET /v1/admin/versions lists those held.",
                        ("version_not_found",)),
    "RollbackConflict": (409, "nothing_to_roll_back: no version was named and none is "
                              "held to go back to (a fresh build, or the one live before "
                              "the last update or command expired); version_unusable: the "
                              "version named cannot be made live (`reason`: live, already; "
                              "pending, still being written; incomplete, lost keys); "
                              "update_conflict: the live model changed while the rollback "
                              "ran (nothing was rolled back; list the versions again).",
                         ("nothing_to_roll_back", "version_unusable", "update_conflict")),
    "InternalError": (500, "internal_error: a bug; no internals are shown.",
                      ("internal_error",)),
}
