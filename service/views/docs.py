"""GET /openapi.json (the OpenAPI 3.1 document) and GET /docs (its HTML rendering)."""
from __future__ import annotations

import base64
import functools
import hashlib
import json

from flask import Blueprint, Response

from ..openapi import document, render_docs
from ..openapi.html import STYLE

bp = Blueprint("docs", __name__)

#: the page's one inline style is allowed by its hash; no script, no frame, no Referer
DOCS_CSP = ("default-src 'none'; style-src 'sha256-{digest}'; base-uri 'none'; "
            "form-action 'none'; frame-ancestors 'none'").format(
    digest=base64.b64encode(hashlib.sha256(STYLE.encode()).digest()).decode())


@functools.lru_cache(maxsize=1)
def _document_json() -> bytes:
    return json.dumps(document(), ensure_ascii=False).encode()


@functools.lru_cache(maxsize=1)
def _docs_html() -> bytes:
    return render_docs(document()).encode()


@bp.get("/openapi.json")
def openapi_json() -> Response:
    """The document; it depends on the code only, so it is built once per process."""
    return Response(_document_json(), content_type="application/json")


@bp.get("/docs")
def docs() -> Response:
    """A readable reference page rendered on the server from the document, with the
    headers of the other HTML pages (docs/operations.md)."""
    response = Response(_docs_html(), content_type="text/html; charset=utf-8")
    response.headers["Content-Security-Policy"] = DOCS_CSP
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response
