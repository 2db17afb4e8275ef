"""Operability: Prometheus metrics, request ids and JSON access logs."""
from __future__ import annotations

from flask import Flask

from . import metrics, requestlog


def init_app(app: Flask) -> None:
    requestlog.init_app(app)
    metrics.init_app(app)
