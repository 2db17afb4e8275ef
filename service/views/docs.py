"""GET /openapi.json (the OpenAPI 3.1 document) and GET /docs (its HTML rendering)."""
from __future__ import annotations

import functools
import json

from flask import Blueprint, Response

from ..openapi import document, render_docs

bp = Blueprint("docs", __name__)


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
    """A readable reference page rendered on the server from the document."""
    return Response(_docs_html(), content_type="text/html; charset=utf-8")
