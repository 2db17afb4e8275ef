"""The HTTP API, one module per resource: thin adapters that check the request, call
the engine through the per-version resources, and render the answer."""
from __future__ import annotations

from flask import Flask

from . import docs, health, page, playlists, recommendations, tracks

BLUEPRINTS = (health.bp, recommendations.bp, playlists.bp, tracks.bp)
BLUEPRINTS += (docs.bp,)  # GET /openapi.json and /docs
BLUEPRINTS += (page.bp,)  # GET / (the web page) and /embed (the widget)


def init_app(app: Flask) -> None:
    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)
