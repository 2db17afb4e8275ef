"""The OpenAPI 3.1 document of the API, generated from the typed request models
(``service.requests``) and the documentation-only response models, and its HTML page.

``document()`` is the document (served at ``/openapi.json``); ``render_docs()`` the page
(served at ``/docs``), with no external assets.
"""
from __future__ import annotations

from .document import build_document, document, version
from .error_statuses import ERROR_RESPONSES
from .html import render_docs
from .operations import OPERATIONS, Operation

__all__ = ["build_document", "document", "version", "render_docs", "ERROR_RESPONSES",
           "OPERATIONS", "Operation"]
