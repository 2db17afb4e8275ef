"""Admin keys: the routes that change the live model (``/v1/admin/...``).

Keys come from ``ADMIN_KEYS`` (comma-separated), apart from the read keys of
``API_KEYS``.  With no admin key configured the admin routes are off: every request
is answered 403 ``admin_disabled`` (the routes exist, and say how to turn them on).
Otherwise a request without a key (``keys.sent_key``) is 401 ``unauthorized``, one whose key is
neither an admin key nor a read key 401 too, and a valid read key that is not an admin
key 403 ``forbidden``.  An admin key also reads where read keys are required.  Keys are
never echoed (see ``keys.py``).
"""
from __future__ import annotations

from flask import Flask, Response, current_app, jsonify

from ..errors import error_body
from .keys import ADMIN_EXTENSION as EXTENSION
from .keys import EXTENSION as READ_KEYS
from .keys import (HEADER, KeyRing, guarded_by, key_header, sendable, sent_key,
                   unauthorized)


def forbidden(code: str, message: str) -> Response:
    response = jsonify(error_body(code, message))
    response.status_code = 403
    return response


def check_admin() -> Response | None:
    """None when the request carries an admin key; else the 401 or 403 to answer."""
    ring: KeyRing = current_app.extensions[EXTENSION]
    if not ring:
        return forbidden("admin_disabled", "the admin routes are off on this server (set "
                         "FEELALIKE_ADMIN_KEYS to turn them on)")
    key = sent_key()
    if key is None:
        return unauthorized(f"this route needs an admin key in the {HEADER} header")
    if ring.accepts(key):
        return None
    if current_app.extensions[READ_KEYS].accepts(key):
        return forbidden("forbidden", f"the key in {key_header()} may read but not change "
                         "the model")
    return unauthorized(f"the key in {HEADER} is not valid")


#: for the views that change the live model: an admin key is required.
require_admin = guarded_by(check_admin)


def init_app(app: Flask) -> KeyRing:
    ring = app.extensions[EXTENSION] = KeyRing(sendable(app.config["ADMIN_KEYS"],
                                                        "FEELALIKE_ADMIN_KEYS"))
    return ring
