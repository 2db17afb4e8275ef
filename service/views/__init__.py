"""The HTTP API, one module per resource: thin adapters that check the request, call
the engine through the per-version resources, and render the answer."""
from __future__ import annotations

from flask import Flask

from . import admin, docs, health, page, playlists, recommendations, tracks

BLUEPRINTS = (health.bp, recommendations.bp, playlists.bp, tracks.bp, admin.bp)
BLUEPRINTS += (docs.bp,)  # GET /openapi.json and /docs
BLUEPRINTS += (page.bp,)  # GET / (the web page) and /embed (the widget)


def init_app(app: Flask) -> None:
    # a URL with a doubled slash (/v1//tracks) names no route: werkzeug's default answered
    # a 308 with an HTML body and a Location built from the Host header (behind a proxy,
    # its internal address), which clients followed with their key and body
    app.url_map.merge_slashes = False
    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)
