"""The feelalike web service: a Flask app serving recommendations from Redis."""
from __future__ import annotations

from typing import Any, Mapping

from flask import Flask


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Application factory.  ``config`` overrides settings read from the environment.

    A ready-made ``RECOMMENDER`` may be passed in ``config`` (the CLI and tests share
    one); otherwise the app connects to Redis on its first request.
    """
    from . import api, errors, health, resources
    from .settings import snapshot

    app = Flask(__name__)
    app.config.update(snapshot())
    app.config.update(config or {})
    app.json.sort_keys = False
    errors.init_app(app)
    resources.init_app(app, app.config.pop("RECOMMENDER", None))
    app.register_blueprint(health.bp)
    app.register_blueprint(api.bp)
    return app
