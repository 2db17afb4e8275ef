"""The table of operations: for each endpoint, its request models, its answer and the
errors it can give (named in ``error_statuses.ERROR_RESPONSES``).  ``document.py`` turns
this table into OpenAPI paths."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from ..exports import FORMATS
from ..requests import EmbedQuery, PathQuery, PlaylistFormat, SearchQuery, SimilarQuery, TrackPath
from .examples import (
    ADD_BODIES,
    EXPORTS,
    PLAYLIST_BODIES,
    RECOMMEND_BODIES,
    REMOVE_BODIES,
    ROLLBACK_BODIES,
)


@dataclass(frozen=True)
class Operation:
    """One method on one path."""

    method: str
    path: str
    operation_id: str
    tag: str
    summary: str
    description: str
    ok: str  # component schema of the 200 answer ("" when not JSON)
    errors: tuple[str, ...] = ()  # names in ERROR_RESPONSES
    query: type[BaseModel] | None = None
    path_model: type[BaseModel] | None = None
    body: str = ""  # component schema of the JSON body
    body_required: bool = True  # False: no body at all means the body's defaults
    body_examples: dict[str, Any] = field(default_factory=dict)
    other_content: dict[str, dict[str, Any]] = field(default_factory=dict)
    html_errors: tuple[tuple[int, str], ...] = ()  # (status, when): errors shown as HTML


_V1 = ("BadRequest", "Unauthorized", "UriTooLong", "TooManyRequests", "Unavailable",
       "InternalError")
_SEEDS = ("BadRequest", "Unauthorized", "SeedNotFound", "UriTooLong", "TooManyRequests",
          "Unavailable", "InternalError")
_BODY = ("BadRequest", "Unauthorized", "SeedNotFound", "PayloadTooLarge",
         "UnsupportedMediaType", "UriTooLong",
         "TooManyRequests", "Unavailable", "InternalError")
_ADMIN = ("BadRequest", "AdminUnauthorized", "Forbidden", "Conflict", "UriTooLong",
          "TooManyRequests", "Unavailable", "InternalError")
_ADMIN_READ = tuple(name for name in _ADMIN if name != "Conflict")
_ADMIN_ROLLBACK = tuple("RollbackConflict" if name == "Conflict" else name for name in _ADMIN)
_UPDATED = ("Every change is published as a new model version, exactly as a full build "
            "publishes one; on any error (bad body, an id already in the model, a store "
            "failure) the live model is untouched. Needs an admin key (FEELALIKE_ADMIN_KEYS) "
            "in X-API-Key.")
_STRINGS = {"type": "array", "items": {"type": "string"}}
_JSPF_TRACK = {"type": "object", "required": ["title", "creator", "location", "identifier"],
               "properties": {"title": {"type": "string"}, "creator": {"type": "string"},
                              "album": {"type": "string"}, "location": _STRINGS,
                              "identifier": _STRINGS,
                              "duration": {"type": "integer", "minimum": 0,
                                           "description": "Length in ms; absent when "
                                                          "unknown."}}}
_EXPORT_SCHEMAS: dict[str, dict[str, Any]] = {
    "m3u8": {"type": "string", "description": "Extended M3U: #EXTM3U, a #PLAYLIST line, then "
                                              "#EXTINF and a URL per track."},
    "xspf": {"type": "string", "description": "XSPF XML in the http://xspf.org/ns/0/ "
                                              "namespace."},
    "jspf": {"type": "object", "required": ["playlist"],
             "description": "JSPF: {\"playlist\": {\"title\", \"track\": [{\"title\", "
                            "\"creator\", \"album\", \"location\": [url], "
                            "\"identifier\": [urn], \"duration\": ms}]}}.",
             "properties": {"playlist": {"type": "object", "required": ["title", "track"],
                                         "properties": {"title": {"type": "string"},
                                                        "track": {"type": "array",
                                                                  "items": _JSPF_TRACK}}}}},
    "csv": {"type": "string", "description": "A header row (position, title, artist, album, "
                                             "duration_ms, location, spotify, isrc, "
                                             "musicbrainz, deezer, feelalike_id), then a row "
                                             "per track."},
}


def _media(content_type: str) -> str:
    return content_type.split(";")[0].strip()


_HTML = {"text/html": {"schema": {"type": "string"}}}
_PAGE = ("TooManyRequests", "UriTooLong", "InternalError")
EMBED_ERRORS = (
    (400, "bad_request: seed missing or too long, limit not a whole number from 1 to 100; "
          "a small HTML page with the message."),
    (401, "unauthorized: FEELALIKE_REQUIRE_KEYS_FOR_READS is on, and a frame in another "
          "site cannot send a key: the widget is off (HTML page)."),
    (404, "seed_not_found: no track matches the seed; the HTML page links close titles."),
    (414, "request_uri_too_long: the path and query string are over FEELALIKE_MAX_URL_CHARS "
          "(HTML page)."),
    (429, "too_many_requests: over the rate limit; Retry-After says when to try again (HTML "
          "page)."),
    (500, "internal_error: an unexpected failure (HTML page, no details)."),
    (503, "model_not_ready or store_unavailable: no model yet, or Redis cannot be reached "
          "(HTML page)."),
)

EXPORT_CONTENT = {_media(ct): {"schema": _EXPORT_SCHEMAS[fmt], "example": EXPORTS[_media(ct)]}
                  for fmt, ct in FORMATS.items()}

OPERATIONS: tuple[Operation, ...] = (
    Operation(
        "get", "/v1/recommendations", "getRecommendations", "recommendations",
        "Tracks that feel like one seed",
        "One seed by id, external id (spotify:track:ID or an open.spotify.com link, isrc:, "
        "mbid:, deezer:, path:, ext:NAME:; malformed: 400 on seed, unknown: 404) or title "
        "('Title - Artist' or 'Title by Artist' narrows). Results "
        "never include the seed or another version of it (remix, live, remaster), are "
        "ordered by score (similarity in [0, 1]) and carry the track's top moods and short "
        "reasons. Answers are cached per model version.",
        "Recommendations", _SEEDS,
        query=SimilarQuery),
    Operation(
        "post", "/v1/recommendations", "postRecommendations", "recommendations",
        "Recommendations from seeds, moods, text, targets and filters",
        "Weighted seeds and negative seeds, target moods, free text, valence/arousal and "
        "audio-attribute targets, filters (ranges, tags, artists, ids, a per-artist cap "
        "that counts guests) and shaping (dedupe, diversity, temperature), and "
        "include_ids, an allowlist of up to 10,000 ids of any kind (a library; "
        "include_ids_unknown counts those of no track). "
        "Seeds and ids may be external ids: spotify:track:ID, isrc:, mbid:, deezer:, path:, "
        "ext:NAME:; a malformed one is a 400 at its field. At least one of seeds, moods, text, "
        "target_valence, target_arousal or a target_ attribute is needed; unknown fields "
        "are rejected. Filters that remove everything give 200 with empty results and a "
        "warning.",
        "RichRecommendations", _BODY,
        body="RecommendBody", body_examples=RECOMMEND_BODIES),
    Operation(
        "post", "/v1/playlists", "postPlaylist", "playlists",
        "A sequenced playlist along a mood arc, as JSON or an export",
        "Takes every field of POST /v1/recommendations except limit, plus seed, length (a "
        "track count) or minutes (a time: the playlist stops when the time left is at most "
        "half its shortest track still allowed; a track without a duration counts as the "
        "catalog's median), arc, min_artist_gap, tempo_tolerance and title; duration_ms is "
        "the total. The arc moves valence/arousal from the "
        "first mood's position to the second's (each held where 1% of the catalog's "
        "tracks are within 0.1 of it, towards their median; a warning when no track comes "
        "within 0.5 of a mood); each position takes the closest track with "
        "a bonus for relevance, tempo jumps beyond the tolerance and Camelot key clashes "
        "cost more than relevance makes up, no artist repeats within min_artist_gap and no "
        "song appears twice. With format=m3u8, xspf, jspf or csv the answer is that file: "
        "each entry plays from its file (a path external id; M3U8 relative to "
        "FEELALIKE_MUSIC_ROOT, XSPF/JSPF as file:// URIs), else a streaming link from "
        "FEELALIKE_LINK_TEMPLATES (Spotify, Deezer by default), else "
        "FEELALIKE_PUBLIC_URL + /v1/tracks/{id} (relative when that is not set); XSPF/JSPF "
        "list the external ids as identifiers. include_ids restricts the tracks to a "
        "library; include_ids_unknown counts its ids of no track.",
        "Playlist", _BODY,
        query=PlaylistFormat, body="PlaylistBody", body_examples=PLAYLIST_BODIES,
        other_content=EXPORT_CONTENT),
    Operation(
        "get", "/v1/path", "getPath", "playlists",
        "A gradual path in mood space between two tracks",
        "steps tracks between two tracks: the tracks nearest to evenly spaced points on the "
        "line between them in mood space (16 mood scores plus valence and arousal), in "
        "order along it, both ends included. 400 when both name the same track. With "
        "format=m3u8, xspf, jspf or csv the answer is that file, located as for playlists.",
        "Path", _SEEDS,
        query=PathQuery, other_content=EXPORT_CONTENT),
    Operation(
        "get", "/v1/tracks", "searchTracks", "tracks", "Search tracks by title, artist and album",
        "Fuzzy search over titles, artists and albums, best match first.",
        "Search", _V1, query=SearchQuery),
    Operation(
        "get", "/v1/tracks/{id}", "getTrack", "tracks", "One track with its mood evidence",
        "Everything feelalike knows about a track: features, tags, all 16 mood scores, the "
        "moods with the phrases that gave them, valence/arousal, how sure the profile is "
        "and tracks a review says it is like. The id may be an external id (isrc:ISRC, "
        "spotify:track:ID, mbid:UUID, deezer:DIGITS, path:FILE, ext:NAME:VALUE).",
        "TrackDocument", ("BadRequest", "Unauthorized", "TrackNotFound", "UriTooLong",
                          "TooManyRequests", "Unavailable", "InternalError"),
        path_model=TrackPath),
    Operation(
        "post", "/v1/admin/tracks", "addTracks", "admin", "Add tracks to the live model",
        "Each row gets the vector and neighbour list a full build would give it (mood "
        "evidence from its tags, notes and features; the build's fitted scales) and enters "
        "the neighbour lists of the tracks it is now among the nearest of. Ids must be new: "
        "to change a track, remove it and add it again. " + _UPDATED,
        "UpdateResult", ("PayloadTooLarge", "UnsupportedMediaType", *_ADMIN),
        body="AddTracksBody", body_examples=ADD_BODIES),
    Operation(
        "post", "/v1/admin/removals", "removeTracks", "admin",
        "Remove tracks from the live model",
        "The tracks disappear from results, search and every id index; neighbour lists "
        "that held them are refilled by exact search. Every id must be in the model. "
        + _UPDATED,
        "UpdateResult", ("PayloadTooLarge", "UnsupportedMediaType", "TrackNotFound",
                         *_ADMIN),
        body="RemoveTracksBody", body_examples=REMOVE_BODIES),
    Operation(
        "delete", "/v1/admin/tracks/{id}", "removeTrack", "admin",
        "Remove one track from the live model",
        "As POST /v1/admin/removals with one id. " + _UPDATED,
        "UpdateResult", ("TrackNotFound", *_ADMIN), path_model=TrackPath),
    Operation(
        "get", "/v1/admin/versions", "listVersions", "admin",
        "The model versions the store holds",
        "Newest first, with the live one named: when each was made, its tracks, what made "
        "it (build, add, remove, relocate; a step of a CLI sync or add says which) and its "
        "state: live; previous, readable for seconds_left more after it was replaced "
        "(FEELALIKE_GRACE_SECONDS; FEELALIKE_KEEP_VERSIONS of them the whole time), so "
        "POST /v1/admin/rollback can name it; pending; incomplete. The same facts as "
        "`feelalike versions --json`. Needs an admin key.",
        "VersionListing", _ADMIN_READ),
    Operation(
        "post", "/v1/admin/rollback", "rollBack", "admin",
        "Make an earlier model version live again",
        "Without a version (no body, {} or \"version\": null): the version live before the "
        "update that made the live one (each admin add or removal is one update; a CLI "
        "sync or add is undone whole), or, right after a rollback, the version rolled "
        "away from. With one: exactly that version, as GET /v1/admin/versions lists it. "
        "The next request is answered by the version made live (answers are cached per "
        "version); the one replaced stays readable for previous_seconds_left, so a "
        "rollback again returns to it. The same operation as `feelalike rollback "
        "[VERSION]`. Refused, changing nothing: 404 version_not_found, 409 "
        "nothing_to_roll_back, version_unusable or update_conflict (a publish went live "
        "meanwhile). Needs an admin key.",
        "RollbackResult", ("PayloadTooLarge", "UnsupportedMediaType", "VersionNotFound",
                           *_ADMIN_ROLLBACK),
        body="RollbackBody", body_required=False, body_examples=ROLLBACK_BODIES),
    Operation("get", "/healthz", "healthz", "health", "Liveness",
              "200 while the process is up; does not touch Redis.", "Health",
              ("UriTooLong", "InternalError")),
    Operation("get", "/readyz", "readyz", "health", "Readiness",
              "200 with the model version when Redis answers and a model is current; 503 "
              "otherwise.", "Readiness", ("UriTooLong", "Unavailable", "InternalError")),
    Operation("get", "/openapi.json", "openapi", "docs", "This OpenAPI 3.1 document",
              "Generated from the request and response models.", "",
              ("TooManyRequests", "UriTooLong", "InternalError"),
              other_content={"application/json": {"schema": {"type": "object"}}}),
    Operation("get", "/metrics", "metrics", "health", "Prometheus metrics",
              "Requests and latency by route and status, cache hits and misses, busy "
              "rejections, the live model version and build info, in the Prometheus text "
              "format (correct across gunicorn's processes).", "",
              ("UriTooLong", "InternalError"),
              other_content={"text/plain": {"schema": {"type": "string"}}}),
    Operation("get", "/", "page", "page", "The web page",
              "Search a track, see its 16 mood scores, valence and arousal, its "
              "recommendations with their reasons, and build a playlist along a mood arc "
              "with m3u8/XSPF/JSPF downloads. HTML with a script and styles from /static/ "
              "(no external assets) that call /v1 from the same origin; not framable "
              "(X-Frame-Options DENY, CSP frame-ancestors 'none'). ?seed= opens a track.",
              "", _PAGE, other_content=_HTML),
    Operation("get", "/embed", "embed", "page", "A 'feels like' widget for an iframe",
              "A compact HTML list of the tracks that feel like seed (title, artist, the "
              "first reason), ranked on the server as GET /v1/recommendations ranks; no "
              "script. Framable by the sites in FEELALIKE_EMBED_ANCESTORS (default any), "
              "with a Content-Security-Policy that allows no script. Every error, the rate "
              "limit and URL length included, is a small HTML page with the status and "
              "message of the API's error.",
              "", (), query=EmbedQuery, other_content=_HTML, html_errors=EMBED_ERRORS),
    Operation("get", "/docs", "docs", "docs", "Human-readable API reference",
              "An HTML page rendered from this document (no external assets).", "",
              ("TooManyRequests", "UriTooLong", "InternalError"),
              other_content={"text/html": {"schema": {"type": "string"}}}),
)
