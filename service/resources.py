"""Per-app resources: the Redis store and the recommender, created on first use."""
from __future__ import annotations

import threading

from flask import Flask, current_app

from .recommender import Recommender
from .store import open_store

_lock = threading.Lock()
EXTENSION = "feelalike"


def make_recommender(config: dict) -> Recommender:
    return Recommender(open_store(config))


def get_recommender() -> Recommender:
    """The app's recommender; connects to Redis the first time it is needed."""
    app = current_app
    if app.extensions.get(EXTENSION) is None:
        with _lock:
            if app.extensions.get(EXTENSION) is None:
                app.extensions[EXTENSION] = make_recommender(app.config)
    return app.extensions[EXTENSION]


def get_curator() -> "Curator":
    """The app's curator (rich requests, playlists, paths) over its recommender."""
    from .curator import Curator

    recommender = get_recommender()
    curator = getattr(recommender, "curator", None)
    if curator is None:
        curator = recommender.curator = Curator(recommender)
    return curator


def init_app(app: Flask, recommender: Recommender | None = None) -> None:
    app.extensions[EXTENSION] = recommender
