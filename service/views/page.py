"""GET / (the web page) and GET /embed (the "feels like" widget for an iframe).

Both are HTML rendered on the server by Jinja (autoescaped: a title is always text).
The page's script (``static/page.js``, with ``api.js`` and ``chart.js``) calls the /v1
API from the same origin; the widget ranks on the server and needs no script at all.
Each answer carries a strict Content-Security-Policy (scripts and styles from this
origin only, no inline code); the page may not be framed, the widget may be framed by
``EMBED_ANCESTORS``.
"""
from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, current_app, render_template, request

from models.errors import FeelalikeError
from models.language import MOODS

from ..errors import error_body, public_error
from ..requests import EmbedQuery
from ..resources import get_resources
from .base import query_args
from .recommendations import similar

bp = Blueprint("page", __name__)

PAGE_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            "img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
EMBED_CSP = ("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'none'; "
             "base-uri 'none'; frame-ancestors {ancestors}")
KEYS_NEEDED = ("this server requires an API key for reading, which a widget in another "
               "site's page cannot send; the widget is off")


def _secure(response: Response, csp: str) -> Response:
    response.headers["Content-Security-Policy"] = csp
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


@bp.get("/")
def index() -> Response:
    """The page: search, moods, recommendations, playlists along a mood arc, exports."""
    html = render_template("page.html", moods=MOODS, keys_for_reads=bool(
        current_app.config["REQUIRE_KEYS_FOR_READS"]))
    response = _secure(Response(html, content_type="text/html; charset=utf-8"), PAGE_CSP)
    response.headers["X-Frame-Options"] = "DENY"
    return response


def _embed_page(code: int, template: str, **context: Any) -> Response:
    html = render_template(template, **context)
    csp = EMBED_CSP.format(ancestors=current_app.config["EMBED_ANCESTORS"])
    return _secure(Response(html, status=code, content_type="text/html; charset=utf-8"), csp)


def _embed_error(status: int, body: dict[str, Any]) -> Response:
    error = body["error"]
    return _embed_page(status, "embed_error.html", status=status, message=error["message"],
                       suggestions=error.get("suggestions", []))


@bp.get("/embed")
def embed() -> Response:
    """Tracks that feel like ``seed``, as a small HTML list; errors are small HTML pages
    with the API's status and message (never JSON: a frame shows them as they are)."""
    if current_app.config["REQUIRE_KEYS_FOR_READS"]:
        return _embed_error(401, error_body("unauthorized", KEYS_NEEDED))
    try:
        args = query_args(EmbedQuery)
        body = similar(get_resources().current(), args.seed, args.limit)
    except FeelalikeError as exc:
        return _embed_error(*public_error(exc))
    return _embed_page(200, "embed.html", seed=body["seed"], results=body["results"])


@bp.after_app_request
def widget_errors_are_pages(response: Response) -> Response:
    """The errors answered around the widget's view (rate limit, URL too long, wrong
    method, server busy) come as JSON from the app's handlers; a frame shows HTML."""
    if request.path != "/embed" or response.status_code < 400 or not response.is_json:
        return response
    body = response.get_json(silent=True)
    if not isinstance(body, dict) or not isinstance(body.get("error"), dict):
        return response
    page = _embed_error(response.status_code, body)
    response.set_data(page.get_data())
    response.content_type = page.content_type
    for name in ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy"):
        response.headers[name] = page.headers[name]
    return response


@bp.after_app_request
def static_files_are_what_they_say(response: Response) -> Response:
    """The page's script and styles are never sniffed as something else."""
    if request.endpoint == "static":
        response.headers["X-Content-Type-Options"] = "nosniff"
    return response
