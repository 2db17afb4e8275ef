"""Optional API keys in ``X-API-Key`` (or ``Authorization: Bearer``: see :func:`sent_key`).

Keys come from ``API_KEYS`` (comma-separated) and ``API_KEYS_FILE`` (one a line).
:func:`require_key` guards a view that changes state: it needs a valid key always, and
refuses every request when no keys are configured.  With ``REQUIRE_KEYS_FOR_READS`` the
read routes under ``/v1/`` need one too; without it, a key that is sent to them must
be valid (none at all reads anonymously).  A refusal is a JSON 401 that never repeats the
key; keys are kept only as SHA-256 digests and compared in constant time.
"""
from __future__ import annotations

import functools
import hashlib
import hmac
import re
from typing import Any, Callable, Iterable, Mapping, TypeVar

from flask import Flask, Response, current_app, jsonify, request

from models.errors import BadRequest, ConfigError
from models.ingest import read_text_file

from ..errors import error_body

HEADER = "X-API-Key"
EXTENSION = "feelalike.keys"
ADMIN_EXTENSION = "feelalike.admin_keys"  # admin.py's ring: an admin key reads too
F = TypeVar("F", bound=Callable[..., Any])
_PRINTABLE_ASCII = re.compile(r"[\x20-\x7e]+")


class KeyRing:
    """The accepted keys, as digests."""

    def __init__(self, keys: Iterable[str]) -> None:
        self._digests = [_digest(k) for k in keys if k]

    def __bool__(self) -> bool:
        return bool(self._digests)

    def identity(self, key: str | None) -> str | None:
        """A short, stable name of a valid key (for rate limits), else None."""
        return "key:" + _digest(key).hex()[:16] if key and self.accepts(key) else None

    def accepts(self, key: str | None) -> bool:
        if not key:
            return False
        digest = _digest(key)
        found = False
        for known in self._digests:  # no early exit: the time does not tell which
            found |= hmac.compare_digest(known, digest)
        return found


def _digest(key: str) -> bytes:
    return hashlib.sha256(key.strip().encode("utf-8", "replace")).digest()


def sendable(keys: Iterable[str], setting: str, entry: str = "key") -> list[str]:
    """``keys`` (stripped, blank ones dropped), each checked to be printable ASCII: a
    header's other bytes reach the app as Latin-1 text, so a key with an accented letter
    would match only clients that send Latin-1, not curl's UTF-8.  Refused with one line
    naming the ``entry`` (its position), never the key."""
    kept = []
    for number, key in enumerate(keys, 1):
        key = key.strip()
        if key and not _PRINTABLE_ASCII.fullmatch(key):
            raise ConfigError(f"setting {setting}: {entry} {number} holds a character outside "
                              "printable ASCII, which clients send in different encodings "
                              "(it would not match); use letters, digits and punctuation",
                              setting=setting)
        if key:
            kept.append(key)
    return kept


def load_keys(config: Mapping[str, Any]) -> KeyRing:
    """The keys of ``API_KEYS`` and ``API_KEYS_FILE``."""
    keys = sendable(config["API_KEYS"], "FEELALIKE_API_KEYS")
    path = config["API_KEYS_FILE"]
    if path:
        try:
            lines = read_text_file(path).splitlines()  # an editor's BOM dropped
        except OSError as exc:
            raise ConfigError(f"cannot read FEELALIKE_API_KEYS_FILE: {exc.strerror}",
                              setting="FEELALIKE_API_KEYS_FILE") from None
        keys += sendable([line.split("#", 1)[0] for line in lines],
                         "FEELALIKE_API_KEYS_FILE", entry="line")
    return KeyRing(keys)


def unauthorized(message: str) -> Response:
    response = jsonify(error_body("unauthorized", message, header=HEADER))
    response.status_code = 401
    response.headers["WWW-Authenticate"] = f'ApiKey header="{HEADER}"'
    return response


def sent_key() -> str | None:
    """The key the request sends: its ``X-API-Key`` header, else the token of an
    ``Authorization: Bearer`` header when it is one of the server's keys (read or admin;
    what HTTP clients and generated ones send by default).  A bearer token that is none
    is no key: a proxy in front may use that header for its own authentication."""
    key = request.headers.get(HEADER)
    if key is not None:
        return key
    scheme, _, token = request.headers.get("Authorization", "").strip().partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        return None
    rings = (current_app.extensions.get(name) for name in (EXTENSION, ADMIN_EXTENSION))
    return token if any(ring and ring.accepts(token) for ring in rings) else None


def key_header() -> str:
    """The header the request's key came in, as a message names it."""
    return HEADER if request.headers.get(HEADER) is not None else "Authorization: Bearer"


def check_key() -> Response | None:
    """None when the request carries a valid key; else the 401 to answer."""
    ring: KeyRing = current_app.extensions[EXTENSION]
    admin: KeyRing | None = current_app.extensions.get(ADMIN_EXTENSION)
    if not ring and not admin:
        return unauthorized("this route needs an API key and none are configured on the "
                            "server")
    key = sent_key()
    if key is None:
        return unauthorized(f"this route needs an API key in the {HEADER} header")
    if not ring.accepts(key) and not (admin and admin.accepts(key)):
        return unauthorized(f"the key in {HEADER} is not valid")
    return None


def request_identity() -> str | None:
    """The rate-limit name of the request's key when it is valid, a read key or an admin
    key alike (each key its own budget, whatever the address); None otherwise."""
    key = sent_key()
    for name in (EXTENSION, ADMIN_EXTENSION):
        ring: KeyRing | None = current_app.extensions.get(name)
        identity = ring.identity(key) if ring else None
        if identity:
            return identity
    return None


def guarded_by(check: Callable[[], Response | None]) -> Callable[[F], F]:
    """A view decorator: ``check`` runs first; its refusal, if any, is the answer."""
    def decorate(view: F) -> F:
        @functools.wraps(view)
        def guarded(*args: Any, **kwargs: Any) -> Any:
            refused = check()
            return refused if refused is not None else view(*args, **kwargs)
        return guarded  # type: ignore[return-value]
    return decorate


#: for views that change state: a valid key is required.
require_key = guarded_by(check_key)


def _read_route() -> bool:
    """Whether the request is for a read route under ``/v1/`` (admin keys: admin.py)."""
    return request.method != "OPTIONS" and request.path.startswith("/v1/") \
        and not request.path.startswith("/v1/admin/")


#: query parameters other APIs read a key from; here a key is read from a header only
URL_KEY_NAMES = frozenset({"api_key", "apikey", "api-key", "x-api-key", "x_api_key",
                           "access_token"})


def refuse_key_in_url() -> None:
    """A key sent in the query string (``?api_key=``) would be read as no key, silently,
    and be kept by every log and cache on the way: a 400 naming the header, never the key."""
    for name in request.args:
        if name.lower() in URL_KEY_NAMES:
            raise BadRequest(f"{name[:40]}: a key is read from a header only ({HEADER}, or "
                             "Authorization: Bearer), never from the URL (logs and caches "
                             f"keep URLs): send it as the header {HEADER}", field=name[:40])


def check_sent_key() -> Response | None:
    """Where reads are open: a key that is sent must be a valid one.  A mistyped or
    revoked key read as anonymous would hide the mistake (and spend the address's
    budget); no key, or a blank one, stays anonymous."""
    if not (sent_key() or "").strip():
        return None
    refused = check_key()
    if refused is not None:
        return unauthorized(f"the key in {HEADER} is not valid (this route needs none: "
                            "send no key to read anonymously)")
    return None


def init_app(app: Flask) -> KeyRing:
    ring = app.extensions[EXTENSION] = load_keys(app.config)
    configured = bool(ring) or any(str(k).strip() for k in app.config["ADMIN_KEYS"])
    if app.config["REQUIRE_KEYS_FOR_READS"]:
        if not configured:
            raise ConfigError("FEELALIKE_REQUIRE_KEYS_FOR_READS is on but no API keys are "
                              "configured", setting="FEELALIKE_REQUIRE_KEYS_FOR_READS")

        @app.before_request
        def reads_need_a_key() -> Response | None:
            if not _read_route():
                return None
            refuse_key_in_url()
            return check_key()
    elif configured:  # without keys on the server there is nothing to check a key by

        @app.before_request
        def sent_keys_are_known() -> Response | None:
            if not _read_route():
                return None
            refuse_key_in_url()
            return check_sent_key()
    return ring
