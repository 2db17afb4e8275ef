"""Headers that keep API answers where they belong.

- ``X-Content-Type-Options: nosniff`` on every answer (the HTML pages set it already):
  a browser never reads a JSON or CSV answer as something else.
- ``Cache-Control: private`` on an answer to a request that carried an API key: a
  shared cache must not hand it to someone without the key.  ``private, no-cache`` when
  the answer has an ETag (``service/conditional.py``: the client's own cache may keep
  it and revalidate), else ``private, no-store``.
- ``Cache-Control: no-store`` on an error answer that sets none: HTTP lets a cache keep
  a 404, 405 or 414 without being told, and a track missing now may be added by the
  next update.
- ``Vary: Origin`` on /v1/* when CORS names its origins: the allow-origin header then
  depends on who asks, so a cache must keep one copy per origin (flask-cors adds it only
  when the request names an allowed origin); one ``Vary`` header, each name once.
"""
from __future__ import annotations

from flask import Flask, Response, request

from .keys import HEADER


def init_app(app: Flask) -> None:
    listed = str(app.config["CORS_ORIGINS"]).strip().lower() not in ("*", "off")

    @app.after_request
    def _guard(response: Response) -> Response:
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        if request.headers.get(HEADER) or request.headers.get("Authorization"):
            response.headers["Cache-Control"] = "private, no-cache" if "ETag" in \
                response.headers else "private, no-store"
        elif response.status_code >= 400:
            response.headers.setdefault("Cache-Control", "no-store")
        if listed and (request.path.startswith("/v1/") or request.path == "/openapi.json"):
            _vary_on_origin(response)
        return response


def _vary_on_origin(response: Response) -> None:
    """``Origin`` among the names of one ``Vary`` header, beside any other names."""
    names = {name.strip(): None for header in response.headers.getlist("Vary")
             for name in header.split(",") if name.strip()}
    names.setdefault("Origin", None)
    response.headers["Vary"] = ", ".join(names)
