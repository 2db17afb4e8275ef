"""The feelalike web service: a Flask app serving recommendations from Redis."""
from __future__ import annotations

from typing import Any, Mapping

from flask import Flask


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Application factory.  ``config`` overrides settings read from the environment.

    Ready-made ``RESOURCES`` may be passed in ``config`` (the CLI and tests share
    them); otherwise the app connects to Redis on its first request.
    """
    from . import errors, observability, protection, resources, views
    from .settings import snapshot

    app = Flask(__name__)
    app.config.update(snapshot())
    app.config.update(config or {})
    app.config["MAX_CONTENT_LENGTH"] = app.config["MAX_BODY_BYTES"]
    app.json.sort_keys = False
    if app.config["PROXY_HOPS"] > 0:
        from werkzeug.middleware.proxy_fix import ProxyFix
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=app.config["PROXY_HOPS"])  # type: ignore
    observability.init_app(app)  # first: request ids and timing see every other hook
    errors.init_app(app)
    protection.init_app(app)
    resources.init_app(app, app.config.pop("RESOURCES", None))
    views.init_app(app)
    protection.check_routes(app)  # the routes exist now
    return app
