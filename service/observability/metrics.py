"""Prometheus metrics at ``/metrics``.

Requests and latency by route and status, response-cache hits and misses, busy
rejections of the heavy-request gate, the live model version and the build.  Under
gunicorn the workers write to ``PROMETHEUS_MULTIPROC_DIR`` (``service/gunicorn_conf.py``
sets it up) and ``/metrics`` adds up every process; without it, this process's
registry is served.
"""
from __future__ import annotations

import os
import platform
import time
from importlib import metadata

from flask import Blueprint, Flask, Response, g, request
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from prometheus_client.core import GaugeMetricFamily

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
METHODS = frozenset({"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"})
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)

REQUESTS = Counter("feelalike_http_requests", "HTTP requests answered.",
                   ["method", "route", "status"])
LATENCY = Histogram("feelalike_http_request_duration_seconds", "Time to answer a request.",
                    ["method", "route", "status"], buckets=BUCKETS)
CACHE = Counter("feelalike_response_cache", "Response-cache lookups of GET "
                "/v1/recommendations; hit ratio: hit / (hit + miss).", ["result"])
BUSY = Counter("feelalike_busy_rejections", "Heavy requests answered 503 busy because the "
               "concurrency gate was full.", ["route"])
BUILD = Gauge("feelalike_build_info", "The running feelalike package (always 1).",
              ["version", "python"], multiprocess_mode="max")

bp = Blueprint("metrics", __name__)


def package_version() -> str:
    try:
        return metadata.version("feelalike")
    except metadata.PackageNotFoundError:
        return "unknown"


def cache_lookup(hit: bool) -> None:
    """Count one response-cache lookup."""
    CACHE.labels(result="hit" if hit else "miss").inc()


class LiveModel:
    """``feelalike_model_info`` (1 for the live version) and ``feelalike_model_tracks``,
    read from Redis at each scrape.  A collector, not gauges: under gunicorn a gauge
    lives on in the files of the worker that set it, so a worker that died after
    seeing an older version would report it live for ever."""

    def describe(self) -> list[GaugeMetricFamily]:
        return list(self._families())

    def collect(self) -> list[GaugeMetricFamily]:
        from ..resources import get_resources
        try:
            res = get_resources().current()
            tracks = res.store.meta(res.version)["tracks"]
        except Exception:  # the probes report store trouble; a scrape still answers
            return list(self._families())
        return list(self._families(res.version, float(tracks)))

    @staticmethod
    def _families(version: str | None = None, tracks: float = 0.0,
                  ) -> tuple[GaugeMetricFamily, GaugeMetricFamily]:
        info = GaugeMetricFamily("feelalike_model_info", "The live model version (1), read "
                                 "from Redis at each scrape.", labels=["version"])
        count = GaugeMetricFamily("feelalike_model_tracks", "Tracks in the live model, read "
                                  "from Redis at each scrape.")
        if version is not None:
            info.add_metric([version], 1.0)
            count.add_metric([], tracks)
        return info, count


def registry() -> CollectorRegistry:
    """The registry to expose: every process's under gunicorn, else this one's."""
    collected = CollectorRegistry()
    if os.environ.get(MULTIPROC_ENV):
        from prometheus_client import multiprocess
        multiprocess.MultiProcessCollector(collected)
    else:
        collected.register(_ProcessMetrics())
    collected.register(LiveModel())
    return collected


class _ProcessMetrics:
    """This process's own metrics (the default registry), beside the live model."""

    def collect(self):
        return REGISTRY.collect()


@bp.get("/metrics")
def metrics() -> Response:
    """Prometheus text exposition of every metric."""
    return Response(generate_latest(registry()), content_type=CONTENT_TYPE_LATEST)


def init_app(app: Flask) -> None:
    BUILD.labels(version=package_version(), python=platform.python_version()).set(1)
    app.register_blueprint(bp)

    @app.before_request
    def start_clock() -> None:
        g.feelalike_started = time.perf_counter()

    @app.after_request
    def count(response: Response) -> Response:
        started = g.get("feelalike_started")
        if started is not None:
            route = request.url_rule.rule if request.url_rule is not None else "unmatched"
            method = request.method if request.method in METHODS else "other"
            labels = dict(method=method, route=route, status=str(response.status_code))
            REQUESTS.labels(**labels).inc()
            LATENCY.labels(**labels).observe(time.perf_counter() - started)
        return response
