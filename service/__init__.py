"""The feelalike web service: a Flask app serving recommendations from Redis."""
from __future__ import annotations

from typing import Any, Mapping

from flask import Flask


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Application factory.  ``config`` overrides settings read from the environment.

    Ready-made ``RESOURCES`` may be passed in ``config`` (the CLI and tests share
    them); otherwise the app connects to Redis on its first request.
    """
    from . import conditional, errors, observability, protection, resources, views
    from .settings import snapshot

    app = Flask(__name__)
    app.config.update(snapshot())
    app.config.update(config or {})
    if app.config.get("RESOURCES") is None:
        _check_data_home()
    app.config["MAX_CONTENT_LENGTH"] = app.config["MAX_BODY_BYTES"]
    app.json.sort_keys = False
    if app.config["PROXY_HOPS"] > 0:
        from werkzeug.middleware.proxy_fix import ProxyFix
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=app.config["PROXY_HOPS"])  # type: ignore
    observability.init_app(app)  # first: request ids and timing see every other hook
    errors.init_app(app)
    protection.init_app(app)
    conditional.init_app(app)  # before the views: it hashes the body they leave
    resources.init_app(app, app.config.pop("RESOURCES", None))
    views.init_app(app)
    protection.check_routes(app)  # the routes exist now
    _check_lexicon()
    return app


def _check_data_home() -> None:
    """A data home that cannot be used (a file in the way, no permission) stops the app
    at start-up, not every request later as a 500 (readiness probes included)."""
    from models.settings import data_home

    data_home()


def _check_lexicon() -> None:
    """A LEXICON or VA_LEXICON setting that cannot be read stops the app at start-up,
    not every request that reads words later (as a client's 400, with a server path);
    so does a SPEECH_IN_RECOMMENDATIONS value that is no switch (a 500 per query)."""
    from models import settings as domain
    from models.errors import CatalogError, ConfigError
    from models.language import load_lexicon

    domain.get("SPEECH_IN_RECOMMENDATIONS")  # read by every query: a bad value stops here
    named = [name for name in ("LEXICON", "VA_LEXICON") if domain.get(name)]
    if not named:
        return
    try:
        load_lexicon()
    except CatalogError as exc:
        raise ConfigError(f"setting FEELALIKE_{'/'.join(named)}: {exc}",
                          setting=f"FEELALIKE_{named[0]}") from None
