"""Examples of the document: request bodies and answers, as OpenAPI Example Objects.

Each is checked by the tests against its schema (requests through the request models
themselves), so an example cannot drift from what the API accepts and answers.
"""
from __future__ import annotations

from typing import Any

VERSION = "20261125T204030Z-d62af65e"
# tracks of the demo's "Her" score (`feelalike demo`), so the examples can be tried on it
HER = {"artist": "Arcade Fire & Owen Pallett", "album": "Her (Original Score)"}
LONELINESS = {"id": "her-loneliness-3", "title": "Loneliness #3 (Night Talking)", **HER}
SLEEPWALKER = {"id": "her-sleepwalker", "title": "Sleepwalker", **HER}
LEAVING = {"id": "her-were-all-leaving", "title": "We're All Leaving", **HER}


def example(summary: str, value: Any) -> dict[str, Any]:
    """An OpenAPI Example Object."""
    return {"summary": summary, "value": value}


RECOMMEND_BODIES = {
    "seeds": example("More like two tracks, the second counting half",
                     {"seeds": ["Loneliness #3", {"seed": "Sleepwalker", "weight": 0.5}],
                      "limit": 5}),
    "rich": example("Seeds, a negative seed, moods, text, filters and shaping", {
        "seeds": ["Loneliness #3", {"seed": "Someone You Loved", "weight": 0.5}],
        "negative_seeds": ["Dance Monkey"], "moods": {"lonely": 0.8, "hopeful": 0.3},
        "text": "late-night city drive", "max_energy": 0.6, "min_year": 2010,
        "exclude_tags": ["rap"], "max_per_artist": 1, "diversity": 0.3, "limit": 10}),
    "moods": example("Moods and an audio target, no seed",
                     {"moods": {"peaceful": 1.0}, "target_tempo": 90, "limit": 5}),
    "library": example("Only from the listener's library (include_ids, any kind of id)", {
        "seeds": ["her-loneliness-3"], "limit": 5,
        "include_ids": ["her-sleepwalker", "3AJwUDP919kvQ9QcozQPxg", "isrc:GBUM71900187",
                        "path:/music/Lewis Capaldi/Someone You Loved.flac"]}),
    "sampled": example("Free text, sampled: the answer echoes random_seed",
                       {"text": "rainy sunday, a little hopeful", "temperature": 0.5,
                        "random_seed": 42}),
}

PLAYLIST_BODIES = {
    "arc": example("A seed and a mood arc, with filters", {
        "seed": "Loneliness #3", "length": 20, "arc": {"from": "lonely", "to": "hopeful"},
        "min_artist_gap": 3, "exclude_tags": ["rap"], "min_year": 2000}),
    "minutes": example("A 45-minute wind-down along an arc (minutes instead of length)", {
        "seed": "Loneliness #3", "minutes": 45, "arc": {"from": "tense", "to": "peaceful"}}),
    "moods": example("Moods only, with a title",
                     {"moods": {"peaceful": 1.0}, "length": 10, "title": "Sunday morning"}),
    "library": example("From a track id, only tracks of the listener's library (ids of any "
                       "kind; those the model lacks are counted)", {
        "seed": "her-loneliness-3", "length": 10,
        "include_ids": ["her-sleepwalker", "her-dimensions", "3AJwUDP919kvQ9QcozQPxg",
                        "spotify:track:4uLU6hMCjMI75M1A2tKUQC", "deezer:3135556"]}),
}

RESULT = {**SLEEPWALKER, "score": 0.9582, "moods": ["lonely", "sad", "tender"],
          "why": ["shares the moods lonely, sad", "both tagged 'sad songs'",
                  "close in valence and arousal"], "external_ids": {}}

ENTRIES = [
    {"position": 0, **LONELINESS, "valence": -0.291, "arousal": -0.208, "tempo": 98.0,
     "energy": 0.21, "key": "A minor", "camelot": "8A", "duration_ms": 222000,
     "moods": ["lonely", "eerie", "sad"], "score": 0.4662,
     "external_ids": {"spotify": "4uLU6hMCjMI75M1A2tKUQC"}},
    {"position": 1, **LEAVING, "valence": 0.238, "arousal": -0.13, "tempo": 96.0,
     "energy": 0.4, "key": None, "camelot": None, "duration_ms": None,
     "moods": ["nostalgic", "dreamy", "tender"], "score": 0.1954, "external_ids": {}},
]

OK = {
    "Recommendations": {"seed": LONELINESS, "model_version": VERSION, "offset": 0,
                        "next_offset": 10, "results": [RESULT]},
    "RichRecommendations": {
        "seed": LONELINESS, "seeds": [LONELINESS], "model_version": VERSION, "offset": 0,
        "next_offset": 10, "results": [RESULT], "random_seed": 2552128789,
        "include_ids_unknown": 0,
        "warnings": ["text: no mood words recognised; it was ignored"]},
    "Playlist": {
        "model_version": VERSION, "title": "From lonely to hopeful", "seeds": [],
        "tracks": ENTRIES,
        "arc": [{"position": 0, "valence": -0.5, "arousal": -0.55},
                {"position": 1, "valence": 0.55, "arousal": 0.2}],
        "duration_ms": 432000, "durations_estimated": 1},
    "Path": {"from": LONELINESS, "to": LEAVING, "model_version": VERSION,
             "tracks": [{**e, "score": 1.0} for e in ENTRIES]},  # a path's two ends score 1
    "Search": {"query": "loneliness", "model_version": VERSION, "offset": 0, "next_offset": None,
               "results": [{**LONELINESS, "moods": ["lonely", "eerie", "sad"],
                            "external_ids": {"spotify": "4uLU6hMCjMI75M1A2tKUQC"},
                            "placed": True}]},
    "TrackDocument": {
        **LONELINESS, "release_date": "2013-12-18", "popularity": 40,
        "tags": ["soundtrack"], "features": {"energy": 0.21, "tempo": 98.0, "key": 9, "mode": 0,
                                          "duration_ms": 222000},
        "top_moods": ["lonely", "eerie", "sad"],
        "moods": [{"mood": "lonely", "score": 0.7981, "evidence": [
            {"phrase": "lonely", "source": "catalog notes", "start": 0, "end": 6,
             "weight": 1.0, "sentence": "lonely, eerie and late-night"}]}],
        "mood_scores": {"joyful": 0.0, "playful": 0.0, "energetic": 0.0118, "epic": 0.0,
                        "aggressive": 0.0, "tense": 0.1327, "eerie": 0.4988, "sad": 0.2494,
                        "lonely": 0.7981, "nostalgic": 0.2175, "tender": 0.1012,
                        "romantic": 0.0, "peaceful": 0.1904, "dreamy": 0.2211,
                        "hopeful": 0.0, "curious": 0.0562},
        "valence": -0.2907, "arousal": -0.2081, "mood_confidence": 0.6671,
        "mood_source": "reviews", "external_ids": {"spotify": "4uLU6hMCjMI75M1A2tKUQC",
                                                   "isrc": "GBUM71900187"},
        "related": [], "placed": True, "model_version": VERSION},
    "Health": {"status": "ok"},
    "Readiness": {"status": "ready", "model_version": VERSION, "tracks": 28356},
    "UpdateResult": {"model_version": "20261125T231500Z-3f2a9c1d", "previous_version": VERSION,
                     "tracks": 28357, "added": ["new-track-1"], "removed": [],
                     "lists_rewritten": 97, "seconds": 0.41, "unplaced": []},
    "VersionListing": {"live": "20261125T231500Z-3f2a9c1d", "versions": [
        {"version": "20261125T231500Z-3f2a9c1d", "state": "live",
         "made": "2026-11-25T23:15:00Z", "tracks": 28357, "made_by": "add",
         "seconds_left": None, "base": VERSION, "command": None},
        {"version": VERSION, "state": "previous", "made": "2026-11-25T20:40:30Z",
         "tracks": 28356, "made_by": "build", "seconds_left": 3012, "base": None,
         "command": None}]},
    "RollbackResult": {"model_version": VERSION,
                       "previous_version": "20261125T231500Z-3f2a9c1d", "tracks": 28356,
                       "previous_seconds_left": 3600, "undone": None},
}

EXPORTS = {
    "audio/x-mpegurl": "#EXTM3U\n#PLAYLIST:From lonely to hopeful\n"
                       "#EXTINF:222,Arcade Fire & Owen Pallett - Loneliness #3 (Night Talking)\n"
                       "https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC\n"
                       "#EXTINF:-1,Arcade Fire & Owen Pallett - We're All Leaving\n"
                       "/v1/tracks/her-were-all-leaving\n",
    "application/xspf+xml": (
        '<?xml version="1.0" encoding="UTF-8"?>\n<playlist xmlns="http://xspf.org/ns/0/" '
        'version="1"><title>From lonely to hopeful</title><trackList><track><location>'
        "https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC</location><identifier>"
        "feelalike:track:her-loneliness-3</identifier><identifier>"
        "spotify:track:4uLU6hMCjMI75M1A2tKUQC</identifier><title>Loneliness #3 (Night "
        "Talking)</title><creator>Arcade Fire &amp; Owen Pallett</creator><album>Her "
        "(Original Score)</album><duration>222000</duration></track>"
        "</trackList></playlist>"),
    "application/jspf+json": {"playlist": {"title": "From lonely to hopeful", "track": [{
        "title": "Loneliness #3 (Night Talking)", "creator": "Arcade Fire & Owen Pallett",
        "location": ["https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC"],
        "identifier": ["feelalike:track:her-loneliness-3",
                       "spotify:track:4uLU6hMCjMI75M1A2tKUQC", "isrc:GBUM71900187"],
        "album": "Her (Original Score)", "duration": 222000}]}},
    "text/csv": "position,title,artist,album,duration_ms,location,spotify,isrc,musicbrainz,"
                "deezer,feelalike_id\n1,Loneliness #3 (Night Talking),Arcade Fire & Owen Pallett,"
                "Her (Original Score),222000,"
                "https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC,4uLU6hMCjMI75M1A2tKUQC,"
                "GBUM71900187,,,her-loneliness-3\n",
}

ADD_BODIES = {
    "one": example("One track with a few features", {"tracks": [
        {"id": "new-track-1", "title": "Night Drive", "artist": "The Midnight",
         "album": "Endless Summer", "tags": ["synthwave"],
         "features": {"energy": 0.62, "valence": 0.35, "tempo": 118}}]}),
    "notes": example("A track known only by words", {"tracks": [
        {"id": "new-track-2", "title": "Harbour Lights", "notes": "wistful and calm"}]}),
}

REMOVE_BODIES = {
    "one": example("One track", {"ids": ["new-track-1"]}),
    "several": example("Several tracks at once (one new version)",
                       {"ids": ["new-track-1", "new-track-2"]}),
}
ROLLBACK_BODIES = {
    "previous": example("The model before the last update (as no body at all)", {}),
    "named": example("A version listed by GET /v1/admin/versions", {"version": VERSION}),
}

ERRORS = {
    "bad_request": example("A value out of range", {"error": {
        "code": "bad_request", "message": "limit: must be at most 100, got 500",
        "field": "limit"}}),
    "bad_field": example("An unknown field in a body", {"error": {
        "code": "bad_request", "message": "moods.angry: unknown mood; known: joyful, ...",
        "field": "moods.angry"}}),
    "seed_not_found": example("No track matches a seed", {"error": {
        "code": "seed_not_found", "message": "no track matches 'lonelyness #3'",
        "suggestions": [LONELINESS]}}),
    "track_not_found": example("Unknown track id", {"error": {
        "code": "track_not_found", "message": "no track with id 'nope'"}}),
    "model_not_ready": example("No model built yet", {"error": {
        "code": "model_not_ready",
        "message": "no model has been built yet: run `feelalike build` first"}}),
    "store_unavailable": example("Redis unreachable", {"error": {
        "code": "store_unavailable",
        "message": "the model store is unreachable; try again shortly"}}),
    "model_files_unavailable": example("The server cannot write its model files", {
        "error": {"code": "model_files_unavailable", "message": "the model's local files "
                  "cannot be written or read on the server; try again later"}}),
    "request_entity_too_large": example("A body over the limit", {"error": {
        "code": "request_entity_too_large",
        "message": "the body is larger than 1000000 bytes (the server's "
                   "FEELALIKE_MAX_BODY_BYTES)"}}),
    "unsupported_media_type": example("A body that is not sent as JSON", {"error": {
        "code": "unsupported_media_type", "message": "send the body as JSON, with the "
        "header Content-Type: application/json"}}),
    "request_uri_too_long": example("A URL over the limit", {"error": {
        "code": "request_uri_too_long", "message": "the URL is longer than 4096 characters"}}),
    "too_many_requests": example("Over the rate limit", {"error": {
        "code": "too_many_requests",
        "message": "rate limit exceeded (300 per 1 minute); retry in 42 s",
        "retry_after": 42}}),
    "unauthorized": example("A key is required", {"error": {
        "code": "unauthorized", "message": "a valid X-API-Key header is required",
        "header": "X-API-Key"}}),
    "busy": example("Heavy requests are all in use", {"error": {
        "code": "busy", "message": "the server is busy with heavy requests; retry shortly"}}),
    "admin_unauthorized": example("No admin key sent", {"error": {
        "code": "unauthorized", "message": "this route needs an admin key in the X-API-Key "
        "header", "header": "X-API-Key"}}),
    "admin_disabled": example("No admin key configured", {"error": {
        "code": "admin_disabled", "message": "the admin routes are off on this server (set "
        "FEELALIKE_ADMIN_KEYS to turn them on)"}}),
    "forbidden": example("A read key on an admin route", {"error": {
        "code": "forbidden", "message": "the key in X-API-Key may read but not change the "
        "model"}}),
    "track_exists": example("An id already in the model", {"error": {
        "code": "track_exists", "message": "1 track id(s) already in the model "
        "(new-track-1); remove them first to replace them", "ids": ["new-track-1"]}}),
    "id_clash": example("An id written as another track's external id", {"error": {
        "code": "id_clash", "message": "track id \"isrc:USSM15900433\" reads as an "
        "external id another track holds, and would answer its lookups; give the track an "
        "id of its own", "ids": ["isrc:USSM15900433"]}}),
    "update_conflict": example("Another update won the race", {"error": {
        "code": "update_conflict", "message": "the live model changed while the update was "
        "written; run it again"}}),
    "version_not_found": example("A version not held", {"error": {
        "code": "version_not_found", "message": "no model version 20261101T000000Z-0a1b2c3d "
        "is held (unknown, or expired after FEELALIKE_GRACE_SECONDS); `feelalike versions` "
        "(GET /v1/admin/versions) lists them"}}),
    "nothing_to_roll_back": example("A fresh build", {"error": {
        "code": "nothing_to_roll_back", "message": "nothing to roll back to: no earlier "
        f"model version is held whole (the live one is {VERSION}; `feelalike versions` "
        "(GET /v1/admin/versions) lists them)"}}),
    "version_unusable": example("A version that lost keys", {"error": {
        "code": "version_unusable", "message": "model version 20261125T180000Z-5e6f7a8b "
        "lost some of its keys (evicted or expiring): it cannot be made live again",
        "reason": "incomplete"}}),
    "rebuild_needed": example("A model built before incremental updates", {"error": {
        "code": "rebuild_needed", "message": "the live model was built before incremental "
        "updates existed; run `feelalike build` once"}}),
    "internal_error": example("A bug (no internals are shown)", {"error": {
        "code": "internal_error", "message": "internal server error"}}),
    "method_not_allowed": example("A method the path does not take", {"error": {
        "code": "method_not_allowed",
        "message": "The method is not allowed for the requested URL."}}),
}
